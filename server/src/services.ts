// Wires the domain services together. A domain reaches another only through its service.
import type { Database } from './db/client.ts';
import type { Config } from './platform/config.ts';
import { createAccountsService } from './modules/accounts/accounts.service.ts';
import { createAuditService } from './modules/audit/audit.service.ts';
import { createCompaniesService } from './modules/companies/companies.service.ts';
import { createCriteriaService } from './modules/criteria/criteria.service.ts';
import { createCriteriaDataService } from './modules/criteria-data/criteria-data.service.ts';
import { createDashboardService } from './modules/dashboard/dashboard.service.ts';
import { createOrganisationsService } from './modules/organisations/organisations.service.ts';
import { createPeopleService } from './modules/people/people.service.ts';
import { createExchangesService, type CaseHooks } from './modules/exchanges/exchanges.service.ts';
import { createCaseDocuments } from './modules/exchanges/exchanges.documents.ts';
import { notifyParties } from './modules/exchanges/exchanges.notify.ts';
import { createClock } from './platform/clock.ts';
import { createPublicCallService } from './modules/public-call/public-call.service.ts';
import { createInquiriesService } from './modules/inquiries/inquiries.service.ts';
import { createWishesService } from './modules/wishes/wishes.service.ts';
import { createMailService } from './modules/mail/mail.service.ts';
import { createEventsService } from './modules/events/events.service.ts';
import { createSuggestionsService } from './modules/suggestions/suggestions.service.ts';
import { createMatchingService } from './modules/matching/matching.service.ts';
import { createKnowledgeService } from './modules/knowledge/knowledge.service.ts';
import { createSurveysService } from './modules/surveys/surveys.service.ts';
import { createInternationalService } from './modules/international/international.service.ts';

function createBaseServices(database: Database, config: Config) {
  const companies = createCompaniesService(database);
  const criteria = createCriteriaService(database);
  const clock = createClock(config.clockFile);
  const suggestions = createSuggestionsService(database, { criteria, clock });
  // The certification notice is written by the `certify` transition, in its transaction.
  const hooks: CaseHooks = {};
  const exchanges = createExchangesService(database, { criteria, clock, hooks });
  const caseDocuments = createCaseDocuments(database, exchanges);
  const mail = createMailService(database, config);
  hooks.afterTransition = async (tx, ctx, c, event, note) => {
    if (event === 'certify') await caseDocuments.certificationNotice(tx, ctx, c);
    await notifyParties(tx, c, event, note);
  };
  hooks.afterCommit = () => mail.deliverSoon();
  return {
    companies,
    accounts: createAccountsService(database, config, companies),
    organisations: createOrganisationsService(database),
    audit: createAuditService(database),
    people: createPeopleService(database),
    criteriaData: createCriteriaDataService(database),
    criteria,
    clock,
    mail,
    exchanges,
    caseDocuments,
    publicCall: createPublicCallService(database, { today: () => clock.today() }),
    inquiries: createInquiriesService(database, { clock, afterCommit: () => mail.deliverSoon() }),
    wishes: createWishesService(database, { today: () => clock.today() }),
    events: createEventsService(database, { clock }),
    suggestions,
    matching: createMatchingService(database, { suggestions, clock }),
    knowledge: createKnowledgeService(database, { today: () => clock.today() }),
    surveys: createSurveysService(database, { today: () => clock.today(), afterCommit: () => mail.deliverSoon() }),
    international: createInternationalService(database, { today: () => clock.today() }),
  };
}

export type BaseServices = ReturnType<typeof createBaseServices>;

export function createServices(database: Database, config: Config) {
  const base = createBaseServices(database, config);
  return { ...base, dashboard: createDashboardService(base) };
}

export type Services = ReturnType<typeof createServices>;
