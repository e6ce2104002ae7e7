// Who is acting, for policies and the audit trail. Built per request (or per CLI run).
export type Role = 'npa' | 'center' | 'ministry_hr' | 'company_hr' | 'participant';
export const roles: readonly Role[] = ['npa', 'center', 'ministry_hr', 'company_hr', 'participant'];

export type Actor = {
  accountId: number;
  role: Role;
  displayName: string;
  organisationId: number | null;
  companyId: number | null;
  personId: number | null;
  locale: 'ja' | 'en';
};

export type RequestContext = {
  actor: Actor | null;
  requestId: string | null;
  ip: string | null;
};

export const systemContext = (requestId: string | null = null): RequestContext => ({ actor: null, requestId, ip: null });

export function actorOrganisation(actor: Actor | null): string | null {
  if (!actor) return null;
  if (actor.companyId != null) return `company:${actor.companyId}`;
  if (actor.organisationId != null) return `org:${actor.organisationId}`;
  if (actor.personId != null) return `person:${actor.personId}`;
  return null;
}
