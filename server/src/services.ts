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

function createBaseServices(database: Database, config: Config) {
  const companies = createCompaniesService(database);
  return {
    companies,
    accounts: createAccountsService(database, config, companies),
    organisations: createOrganisationsService(database),
    audit: createAuditService(database),
    people: createPeopleService(database),
    criteriaData: createCriteriaDataService(database),
    criteria: createCriteriaService(database),
  };
}

export type BaseServices = ReturnType<typeof createBaseServices>;

export function createServices(database: Database, config: Config) {
  const base = createBaseServices(database, config);
  return { ...base, dashboard: createDashboardService(base) };
}

export type Services = ReturnType<typeof createServices>;
