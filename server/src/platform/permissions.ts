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
  ],
  center: ['authenticated', 'organisations:read', 'reference:read', 'companies:read', 'criteria:evaluate', 'criteria_data:read'],
  ministry_hr: ['authenticated', 'organisations:read', 'reference:read', 'companies:read', 'people:read', 'people:write', 'criteria:evaluate', 'criteria:check', 'criteria_data:read', 'criteria_data:write', 'criteria_data:import'],
  company_hr: ['authenticated', 'organisations:read', 'reference:read', 'companies:read', 'companies:write', 'people:read', 'people:write', 'criteria:evaluate', 'criteria_data:read', 'criteria_data:write'],
  participant: ['authenticated', 'organisations:read', 'reference:read', 'people:read'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return permission === 'public' || grants[role].includes(permission);
}

export const grantsTable = grants;
