// Who sees and changes what in a matching round. The routes have checked the permission:
// matching:manage (NPA, center: every round, participant, ranking and the report) or
// matching:rank (ministry and company HR). These rules add the record's scope for the latter: a
// participant's owner sees the rounds its sheets are in, the other side's participants, and only
// its own sheets' rankings and proposals. Anything else answers 404, as if missing.
import type { Actor } from '../../platform/context.ts';
import type { Owner } from './matching.repository.ts';

type SheetRef = { organisationId: number | null; companyId: number | null };

export const matchingPolicy = {
  /** The sheets the actor ranks for: its organisation's (ministry HR) or its company's (company HR). */
  ownerOf: (a: Actor): Owner | null =>
    a.role === 'ministry_hr' && a.organisationId != null
      ? { organisationId: a.organisationId }
      : a.role === 'company_hr' && a.companyId != null
        ? { companyId: a.companyId }
        : null,
  owns: (a: Actor, s: SheetRef): boolean =>
    (a.role === 'ministry_hr' && a.organisationId != null && a.organisationId === s.organisationId) ||
    (a.role === 'company_hr' && a.companyId != null && a.companyId === s.companyId),
};
