// Who may check stored records against the criteria. The stateless evaluation needs only the
// route permission: the caller supplies every fact.
import type { Actor } from '../../platform/context.ts';

/** NPA: any organisation. Ministry HR: exchanges involving a unit of its own organisation. */
export function canCheckForOrganisation(actor: Actor, organisationId: number): boolean {
  if (actor.role === 'npa') return true;
  return actor.role === 'ministry_hr' && actor.organisationId === organisationId;
}
