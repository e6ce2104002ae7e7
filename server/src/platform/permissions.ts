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
  ],
  center: ['authenticated', 'organisations:read', 'reference:read', 'companies:read'],
  ministry_hr: ['authenticated', 'organisations:read', 'reference:read', 'companies:read', 'people:read', 'people:write'],
  company_hr: ['authenticated', 'organisations:read', 'reference:read', 'companies:read', 'companies:write', 'people:read', 'people:write'],
  participant: ['authenticated', 'organisations:read', 'reference:read', 'people:read'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return permission === 'public' || grants[role].includes(permission);
}

export const grantsTable = grants;
