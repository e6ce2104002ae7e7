// Who may see and act on which exchange case. The route has checked the role's permission; these
// rules add the record's scope. A case the actor may not read answers 404; one it may read but not
// change, 403. Personal data (the person's name) is shown only to the parties and the NPA
// (PRODUCT.md §2): the center reads every pipeline without names.
import type { Actor } from '../../platform/context.ts';
import type { CaseRole } from './workflow.ts';

type CaseRef = { organisationId: number; companyId: number; personId: number | null };

const ownOrganisation = (a: Actor, organisationId: number) => a.role === 'ministry_hr' && a.organisationId != null && a.organisationId === organisationId;
const ownCompany = (a: Actor, companyId: number) => a.role === 'company_hr' && a.companyId != null && a.companyId === companyId;
const isParticipant = (a: Actor, c: CaseRef) => a.role === 'participant' && a.personId != null && a.personId === c.personId;

export const exchangesPolicy = {
  read: (a: Actor, c: CaseRef) => a.role === 'npa' || a.role === 'center' || ownOrganisation(a, c.organisationId) || ownCompany(a, c.companyId) || isParticipant(a, c),
  readPersonalData: (a: Actor, c: CaseRef) => a.role === 'npa' || ownOrganisation(a, c.organisationId) || ownCompany(a, c.companyId) || isParticipant(a, c),
  /** A case is opened by the ministry (its unit) or by the NPA on its behalf. */
  create: (a: Actor, organisationId: number) => a.role === 'npa' || ownOrganisation(a, organisationId),
  /** The plan's fields and the input-support sheet: the ministry, and the NPA. */
  editPlan: (a: Actor, c: CaseRef) => a.role === 'npa' || ownOrganisation(a, c.organisationId),
  /** A hire's person: the company names which of its employees goes. */
  namePerson: (a: Actor, c: CaseRef & { direction: string }) => c.direction === 'hire' && ownCompany(a, c.companyId),
  /** Notes on the thread: every party. */
  post: (a: Actor, c: CaseRef) => a.role === 'npa' || ownOrganisation(a, c.organisationId) || ownCompany(a, c.companyId),
  /** Follow-up interviews and extension requests: the ministry (and the NPA). */
  followUp: (a: Actor, c: CaseRef) => a.role === 'npa' || ownOrganisation(a, c.organisationId),
  approveExceptions: (a: Actor) => a.role === 'npa',
  /** The role the actor plays in the workflow on this case, if any. */
  workflowRole: (a: Actor, c: CaseRef): CaseRole | null =>
    a.role === 'npa' ? 'npa' : ownOrganisation(a, c.organisationId) ? 'ministry_hr' : ownCompany(a, c.companyId) ? 'company_hr' : null,
};

/** The rows of the case list an actor may see, as a filter. */
export function caseScope(a: Actor): { organisationId?: number; companyId?: number; personId?: number } | null {
  switch (a.role) {
    case 'npa':
    case 'center':
      return {};
    case 'ministry_hr':
      return a.organisationId != null ? { organisationId: a.organisationId } : null;
    case 'company_hr':
      return a.companyId != null ? { companyId: a.companyId } : null;
    case 'participant':
      return a.personId != null ? { personId: a.personId } : null;
  }
}
