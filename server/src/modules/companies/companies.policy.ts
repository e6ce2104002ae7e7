// Who may see and change which company (outline-style one-line rules). The route has already
// checked the role's permission; these add the organisation scope.
import type { Actor } from '../../platform/context.ts';
import type { CompanyRow } from './companies.repository.ts';

type Rule = (actor: Actor, company: Pick<CompanyRow, 'id' | 'status'>) => boolean;

const ownCompany: Rule = (a, c) => a.role === 'company_hr' && a.companyId === c.id;
const activeForGovernment: Rule = (a, c) => (a.role === 'center' || a.role === 'ministry_hr') && c.status === 'active';
const isNpa: Rule = (a) => a.role === 'npa';

// A company's parent and subsidiaries are shown by name on its page: any active one, to anyone who
// may read that page (a company's HR sees its own group); pending ones only to the NPA.
const activeLink: Rule = (_a, c) => c.status === 'active';

export const companyPolicy = {
  readLinked: [isNpa, activeLink] as Rule[],
  read: [isNpa, activeForGovernment, ownCompany] as Rule[],
  update: [isNpa, ownCompany] as Rule[],
  addDivision: [isNpa, ownCompany] as Rule[],
  setParent: [isNpa] as Rule[],
};

export function allowed(action: keyof typeof companyPolicy, actor: Actor, company: Pick<CompanyRow, 'id' | 'status'>): boolean {
  return companyPolicy[action].some((rule) => rule(actor, company));
}

/** Statuses an actor may list, and whether the list is limited to one company. */
export function listScope(actor: Actor): { statuses: string[]; onlyId?: number } {
  if (actor.role === 'npa') return { statuses: ['pending', 'active', 'archived'] };
  if (actor.role === 'company_hr') return { statuses: ['pending', 'active'], onlyId: actor.companyId ?? -1 };
  return { statuses: ['active'] };
}
