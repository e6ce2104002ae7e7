// Who answers which survey target. Route permissions (surveys:manage / surveys:answer /
// surveys:results) decide who may call a route; this decides the record: a ministry's HR answers
// for its own organisation's targets (the whole organisation or one of its HR lines), a
// participant for the target that is their own person. Anything else answers 404, the same as a
// target that does not exist.
import type { Actor } from '../../platform/context.ts';
import { roleHas } from '../../platform/permissions.ts';

export type RespondentScope = { organisationId: number } | { personId: number } | null;

export function respondentScope(a: Actor): RespondentScope {
  if (!roleHas(a.role, 'surveys:answer')) return null;
  if (a.role === 'ministry_hr' && a.organisationId != null) return { organisationId: a.organisationId };
  if (a.role === 'participant' && a.personId != null) return { personId: a.personId };
  return null;
}

export type TargetRef = { kind: string; organisationId: number | null; personId: number | null };

export function answersFor(a: Actor, t: TargetRef): boolean {
  const s = respondentScope(a);
  if (!s) return false;
  if ('organisationId' in s) return (t.kind === 'organisation' || t.kind === 'org_unit') && t.organisationId === s.organisationId;
  return t.kind === 'person' && t.personId === s.personId;
}
