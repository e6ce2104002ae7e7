// Who may see and change which wish sheet (交流希望シート). The route has already checked the role's
// permission (wishes:write, interested_companies:read); these rules add the record's scope. Deny by
// default. A sheet the actor may not read answers 404 (indistinguishable from a missing one).
// ministry_hr: its own organisation's ministry sheets; company_hr: its own company's sheets; npa: any.
import type { Actor } from '../../platform/context.ts';
import type { OwnScope } from './wishes.repository.ts';

type SheetOwner = { kind: string; organisationId: number | null; companyId: number | null };

const ownOrganisation = (a: Actor, organisationId: number | null) =>
  a.role === 'ministry_hr' && a.organisationId != null && organisationId != null && a.organisationId === organisationId;
const ownCompany = (a: Actor, companyId: number | null) => a.role === 'company_hr' && a.companyId != null && companyId != null && a.companyId === companyId;

export const wishesPolicy = {
  /** Read, edit and move a sheet: its owner's side, and the NPA. */
  manage: (a: Actor, s: SheetOwner): boolean =>
    a.role === 'npa' || (s.kind === 'company' ? ownCompany(a, s.companyId) : ownOrganisation(a, s.organisationId)),

  /** Create a sheet for this owner: a ministry for itself, a company for itself, the NPA for anyone. */
  createFor: (a: Actor, s: SheetOwner): boolean => wishesPolicy.manage(a, s),

  /** The sheets an actor lists as its own (null: none). */
  scope(a: Actor): OwnScope | null {
    switch (a.role) {
      case 'npa':
        return 'all';
      case 'ministry_hr':
        return a.organisationId != null ? { organisationId: a.organisationId } : null;
      case 'company_hr':
        return a.companyId != null ? { companyId: a.companyId } : null;
      default:
        return null;
    }
  },
};
