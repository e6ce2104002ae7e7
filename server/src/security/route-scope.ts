// Which API routes address a record that belongs to one organisation (a ministry, a company, a
// person), and so must answer another organisation's caller of the same role with 403/404.
// server/src/security/org-scope.db.test.ts calls every scoped route as the same role of another
// organisation; docs/routes.md (npm run routes) prints the classification.
//
// Every route with a path parameter whose permission a scoped role (ministry_hr, company_hr,
// participant) holds must be listed here: a new such route without an entry fails the test.
// Routes whose permission only the national roles (npa, center) hold, and public routes, are
// classified by rule (see classify()).
import { grantsTable, type Permission } from '../platform/permissions.ts';
import type { Role } from '../platform/context.ts';

export const scopedRoles = ['ministry_hr', 'company_hr', 'participant'] as const satisfies readonly Role[];
export type ScopedRole = (typeof scopedRoles)[number];

/** The kind of record a scoped route addresses (the test finds one owned by organisation A). */
export type RecordKind =
  | 'company'
  | 'company_sales'
  | 'company_sanction'
  | 'division_revenue'
  | 'contract'
  | 'org_unit'
  | 'person_involvement'
  | 'person_post'
  | 'exchange_history'
  | 'mail'
  | 'case'
  | 'call_application'
  | 'consultation'
  | 'inquiry'
  | 'wish_sheet'
  | 'event_registration'
  | 'matching_round'
  | 'survey_target'
  | 'dispatch'
  | 'intl_consultation';

export type Scope =
  | {
      scoped: true;
      kind: RecordKind;
      /** Roles that, by design, may reach another organisation's record here, with the reason. */
      shared?: Partial<Record<ScopedRole, string>>;
    }
  | { scoped: false; reason: string };

const S = (kind: RecordKind, shared?: Partial<Record<ScopedRole, string>>): Scope => ({ scoped: true, kind, ...(shared ? { shared } : {}) });
const companyDirectory = 'a ministry reads the directory of active companies (companies.policy, criteria-data.policy readCompanyFacts)';

export const routeScopes: Record<string, Scope> = {
  'GET /api/organisations/:id': { scoped: false, reason: 'the organisation tree (ministries and their units) is reference data every role reads' },
  'GET /api/companies/:id': S('company', { ministry_hr: companyDirectory }),
  'PATCH /api/companies/:id': S('company'),
  'POST /api/companies/:id/divisions': S('company'),
  'GET /api/people/:id': S('person_post'),
  'GET /api/companies/:id/sales': S('company_sales', { ministry_hr: companyDirectory }),
  'PUT /api/companies/:id/sales': S('company_sales'),
  'DELETE /api/companies/:id/sales/:fiscalYear': S('company_sales'),
  'GET /api/companies/:id/sanctions': S('company_sanction', { ministry_hr: companyDirectory }),
  'POST /api/companies/:id/sanctions': S('company_sanction'),
  'DELETE /api/companies/:id/sanctions/:recordId': S('company_sanction'),
  'GET /api/companies/:id/divisions/:divisionId/revenue': S('division_revenue', { ministry_hr: companyDirectory }),
  'PUT /api/companies/:id/divisions/:divisionId/revenue': S('division_revenue'),
  'DELETE /api/companies/:id/divisions/:divisionId/revenue/:fiscalYear': S('division_revenue'),
  'DELETE /api/contracts/:id': S('contract'),
  'GET /api/org-units/:id/jurisdictions': S('org_unit', {
    company_hr: "a company's HR sees any unit but only its own company's jurisdiction rows (criteria-data.policy jurisdictionScope)",
  }),
  'POST /api/org-units/:id/jurisdictions': S('org_unit'),
  'DELETE /api/org-units/:id/jurisdictions/:recordId': S('org_unit'),
  'GET /api/people/:id/contract-involvements': S('person_involvement'),
  'POST /api/people/:id/contract-involvements': S('person_involvement'),
  'DELETE /api/people/:id/contract-involvements/:recordId': S('person_involvement'),
  'POST /api/people/:id/posts': S('person_post'),
  'DELETE /api/people/:id/posts/:postId': S('person_post'),
  'PATCH /api/people/:id/posts/:postId': S('person_post'),
  'DELETE /api/exchange-history/:id': S('exchange_history'),
  'GET /api/mail/outbox/:id': S('mail'),
  'GET /api/exchanges/cases/:id': S('case'),
  'PATCH /api/exchanges/cases/:id': S('case'),
  'POST /api/exchanges/cases/:id/transitions': S('case'),
  'POST /api/exchanges/cases/:id/criteria-check': S('case'),
  'PUT /api/exchanges/cases/:id/exceptions': S('case'),
  'POST /api/exchanges/cases/:id/messages': S('case'),
  'POST /api/exchanges/cases/:id/interviews': S('case'),
  'PATCH /api/exchanges/cases/:id/interviews/:interviewId': S('case'),
  'POST /api/exchanges/cases/:id/extensions': S('case'),
  'POST /api/exchanges/cases/:id/extensions/:extensionId/decision': S('case'),
  'GET /api/exchanges/cases/:id/schedule': S('case'),
  'GET /api/exchanges/cases/:id/input-sheet.xlsx': S('case'),
  'POST /api/exchanges/cases/:id/input-sheet': S('case'),
  'GET /api/exchanges/cases/:id/sheet': S('case'),
  'PUT /api/exchanges/cases/:id/sheet': S('case'),
  'POST /api/exchanges/cases/:id/documents/agreement': S('case'),
  'GET /api/exchanges/cases/:id/documents/:docId': S('case'),
  'POST /api/call-applications/:id/withdraw': S('call_application'),
  'GET /api/consultations/:id': S('consultation'),
  'POST /api/consultations/:id/messages': S('consultation'),
  'POST /api/consultations/:id/close': S('consultation'),
  'GET /api/inquiries/:id': S('inquiry'),
  'POST /api/inquiries/:id/messages': S('inquiry'),
  'POST /api/inquiries/:id/agree': S('inquiry'),
  'POST /api/inquiries/:id/withdraw-agreement': S('inquiry'),
  'POST /api/inquiries/:id/close': S('inquiry'),
  'GET /api/inquiries/:id/contacts': S('inquiry'),
  'GET /api/wishes/:id': S('wish_sheet'),
  'PUT /api/wishes/:id': S('wish_sheet'),
  'POST /api/wishes/:id/publish': S('wish_sheet'),
  'POST /api/wishes/:id/close': S('wish_sheet'),
  'POST /api/wishes/:id/reopen': S('wish_sheet'),
  'GET /api/wishes/:id/history': S('wish_sheet'),
  'GET /api/wishes/:id/suggestions': S('wish_sheet'),
  'POST /api/events/:id/registrations': {
    scoped: false,
    reason: 'an information session is open to every company; the registration is made for the caller’s own company',
  },
  'POST /api/event-registrations/:id/cancel': S('event_registration'),
  'GET /api/matching/my-rounds/:id': S('matching_round'),
  'PUT /api/matching/my-rounds/:id/rankings/:sheetId': S('matching_round'),
  'GET /api/surveys/my/:targetId': S('survey_target'),
  'PUT /api/surveys/my/:targetId/draft': S('survey_target'),
  'POST /api/surveys/my/:targetId/submit': S('survey_target'),
  'GET /api/international/dispatches/:id': S('dispatch'),
  'PATCH /api/international/dispatches/:id': S('dispatch'),
  'POST /api/international/dispatches/:id/activate': S('dispatch'),
  'POST /api/international/dispatches/:id/renewals': S('dispatch'),
  'POST /api/international/dispatches/:id/end': S('dispatch'),
  'POST /api/international/dispatches/:id/cancel': S('dispatch'),
  'POST /api/international/dispatches/:id/consultations': S('dispatch'),
  'POST /api/international/consultations/:id/withdraw': S('intl_consultation'),
};

/** The scoped roles that hold the route's permission. */
export function scopedRolesFor(permission: Permission): ScopedRole[] {
  if (permission === 'public') return [];
  return scopedRoles.filter((r) => grantsTable[r].includes(permission));
}

export type Classified = Scope | { scoped: 'unclassified' };

/** The classification of one route of the inventory. */
export function classify(r: { method: string; url: string; permission: Permission }): Classified {
  const key = `${r.method} ${r.url}`;
  const listed = routeScopes[key];
  if (listed) return listed;
  if (r.permission === 'public') return { scoped: false, reason: 'public (no login)' };
  if (!r.url.includes(':')) {
    return r.method === 'GET'
      ? { scoped: false, reason: 'no record id: a list or page whose rows the service filters by the caller’s scope' }
      : { scoped: false, reason: 'no record id: acts within the caller’s own scope (the service checks any organisation named in the body)' };
  }
  if (scopedRolesFor(r.permission).length === 0) {
    return { scoped: false, reason: `only the national roles (npa, center) hold ${r.permission}; they act across organisations by design` };
  }
  return { scoped: 'unclassified' };
}
