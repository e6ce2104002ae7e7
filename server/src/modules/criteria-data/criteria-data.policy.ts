// Who may see and record which criteria facts. The route has already checked the role's
// permission (criteria_data:read / :write / :import); these rules add the record's scope.
// Deny by default: a role not named in a rule is refused. A record the actor may not read
// answers 404 (indistinguishable from a missing one); one it may read but not change, 403.
import type { Actor } from '../../platform/context.ts';

type CompanyRef = { id: number; status: string };
type OrgScoped = { organisationId: number | null };
type PersonRef = { id: number; organisationId: number | null; companyId: number | null };
type ContractRef = { organisationId: number; companyId: number };

const isNpa = (a: Actor) => a.role === 'npa';
const ownOrganisation = (a: Actor, organisationId: number | null) => a.role === 'ministry_hr' && a.organisationId != null && a.organisationId === organisationId;
const ownCompany = (a: Actor, companyId: number | null) => a.role === 'company_hr' && a.companyId != null && a.companyId === companyId;

export const criteriaDataPolicy = {
  /** Sales, sanctions and division revenue: as the company's own page (companies.policy read). */
  readCompanyFacts: (a: Actor, c: CompanyRef) =>
    isNpa(a) || ((a.role === 'center' || a.role === 'ministry_hr') && c.status === 'active') || ownCompany(a, c.id),
  /** Sales and division revenue are the company's own figures. */
  writeCompanyFigures: (a: Actor, c: CompanyRef) => isNpa(a) || ownCompany(a, c.id),
  /** Prosecutions and dispositions are recorded by the NPA only. */
  writeSanctions: (a: Actor) => isNpa(a),

  readContract: (a: Actor, c: ContractRef) => isNpa(a) || a.role === 'center' || ownOrganisation(a, c.organisationId) || ownCompany(a, c.companyId),
  writeContract: (a: Actor, c: Pick<ContractRef, 'organisationId'>) => isNpa(a) || ownOrganisation(a, c.organisationId),

  /** A unit's jurisdiction: the NPA and the center see all; a ministry its own units. */
  readUnit: (a: Actor, u: OrgScoped) => isNpa(a) || a.role === 'center' || ownOrganisation(a, u.organisationId) || a.role === 'company_hr',
  writeUnit: (a: Actor, u: OrgScoped) => isNpa(a) || ownOrganisation(a, u.organisationId),

  /** A person's contract involvement is personal data: as people.policy canReadPerson, minus the person. */
  readPerson: (a: Actor, p: PersonRef) => isNpa(a) || ownOrganisation(a, p.organisationId) || ownCompany(a, p.companyId),
  writePerson: (a: Actor, p: PersonRef) => isNpa(a) || ownOrganisation(a, p.organisationId),
  /** A post (官職歴) added or removed, on top of writePerson: a ministry only in its own units. */
  writePostUnit: (a: Actor, u: OrgScoped) => isNpa(a) || ownOrganisation(a, u.organisationId),

  writeHistory: (a: Actor, u: OrgScoped) => isNpa(a) || ownOrganisation(a, u.organisationId),
};

/** The rows of a unit's jurisdiction an actor may list: a company's HR only its own company's. */
export function jurisdictionScope(a: Actor): { companyId?: number } {
  return a.role === 'company_hr' ? { companyId: a.companyId ?? -1 } : {};
}

/** The contract totals an actor may list. */
export function contractScope(a: Actor): { organisationId?: number; companyId?: number } | null {
  switch (a.role) {
    case 'npa':
    case 'center':
      return {};
    case 'ministry_hr':
      return a.organisationId != null ? { organisationId: a.organisationId } : null;
    case 'company_hr':
      return a.companyId != null ? { companyId: a.companyId } : null;
    case 'participant':
      return null;
  }
}

/** The past exchanges an actor may list: a ministry its own units', a company its own. */
export function historyScope(a: Actor): { organisationId?: number; companyId?: number } | null {
  return contractScope(a);
}

/** Rows of a contracts import: the NPA (and the CLI) any organisation; a ministry only its own. */
export function importableOrganisation(a: Actor | null, organisationId: number): boolean {
  return a === null || isNpa(a) || ownOrganisation(a, organisationId);
}
