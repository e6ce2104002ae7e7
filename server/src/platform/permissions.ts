// Route-level permissions as data (deny by default). Every route declares one in its config;
// a route without one is refused at startup (see app.ts) and by the route-inventory test.
// Record-level scoping (own organisation / own company / own person) lives in each module's policy.
import type { Role } from './context.ts';

export const permissions = [
  'public', // no login
  'authenticated', // any active account
  'organisations:read',
  'companies:read',
  'companies:write',
  'companies:import',
  'companies:approve',
  'people:read',
  'people:write',
  'accounts:manage',
  'audit:read',
  'reference:read',
  'criteria:evaluate', // stateless 交流基準 evaluation of a facts document the caller supplies
  'criteria:check', // checks and screening on stored records (reads personal data)
  'criteria_data:read', // the stored facts the 交流基準 need (sales, contracts, sanctions, jurisdiction, …)
  'criteria_data:write', // record-level scope: modules/criteria-data/criteria-data.policy.ts
  'criteria_data:import', // bulk import of contract totals
  'public_call:apply', // 公募への応募: a company applies, sees and withdraws its own applications
  'public_call:review', // 応募の審査: the NPA accepts or returns applications
  'roster:read', // 名簿: accepted applicants, with their contact
  'exchanges:read', // exchange cases, scoped by modules/exchanges/exchanges.policy.ts
  'exchanges:write', // workflow steps, plan changes, thread, documents, follow-up
  'exchanges:settings', // a ministry's exchange settings (follow-up interview interval)
  'consultations:use', // 事前相談: record-level scope in modules/public-call/public-call.policy.ts
  'mail:read', // 送信メール (outbox): NPA every mail, others the mails addressed to them (modules/mail)
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  npa: [
    'authenticated',
    'organisations:read',
    'reference:read',
    'companies:read',
    'companies:write',
    'companies:import',
    'companies:approve',
    'people:read',
    'people:write',
    'accounts:manage',
    'audit:read',
    'criteria:evaluate',
    'criteria:check',
    'criteria_data:read',
    'criteria_data:write',
    'criteria_data:import',
    'public_call:review',
    'roster:read',
    'consultations:use',
    'exchanges:read',
    'exchanges:write',
    'exchanges:settings',
    'mail:read',
  ],
  center: ['authenticated', 'organisations:read', 'reference:read', 'companies:read', 'criteria:evaluate', 'criteria_data:read', 'roster:read', 'exchanges:read', 'mail:read'],
  ministry_hr: ['authenticated', 'organisations:read', 'reference:read', 'companies:read', 'people:read', 'people:write', 'criteria:evaluate', 'criteria:check', 'criteria_data:read', 'criteria_data:write', 'criteria_data:import', 'roster:read', 'consultations:use', 'exchanges:read', 'exchanges:write', 'exchanges:settings', 'mail:read'],
  company_hr: ['authenticated', 'organisations:read', 'reference:read', 'companies:read', 'companies:write', 'people:read', 'people:write', 'criteria:evaluate', 'criteria_data:read', 'criteria_data:write', 'public_call:apply', 'consultations:use', 'exchanges:read', 'exchanges:write', 'mail:read'],
  participant: ['authenticated', 'organisations:read', 'reference:read', 'people:read', 'exchanges:read', 'mail:read'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return permission === 'public' || grants[role].includes(permission);
}

export const grantsTable = grants;
