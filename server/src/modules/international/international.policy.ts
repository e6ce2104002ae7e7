// Who may do what on the international side (issue 8). Route permissions: international:register
// (ministry HR and the NPA), international:manage (the NPA). Record-level scope here: ministry HR
// sees and registers only its own organisation's dispatches (another's is "not found"); the NPA all.
import type { Actor } from '../../platform/context.ts';

export const internationalPolicy = {
  manages: (a: Actor) => a.role === 'npa',
  /** the sending organisation a ministry account is bound to (null for the NPA: every one) */
  scopeOrganisation: (a: Actor): number | null => (a.role === 'npa' ? null : a.organisationId ?? -1),
  seesDispatch: (a: Actor, d: { sendingOrganisationId: number }) => a.role === 'npa' || (a.role === 'ministry_hr' && a.organisationId === d.sendingOrganisationId),
  registersFor: (a: Actor, organisationId: number) => a.role === 'npa' || (a.role === 'ministry_hr' && a.organisationId === organisationId),
};
