// Who may see and act on which application (応募) and consultation (事前相談). The route has already
// checked the role's permission (public_call:apply / :review, roster:read, consultations:use);
// these rules add the record's scope. Deny by default. A record the actor may not read answers 404
// (indistinguishable from a missing one); one it may read but not change, 403.
import type { Actor } from '../../platform/context.ts';

type ApplicationRef = { companyId: number };
type ConsultationRef = { companyId: number; organisationId: number };

const isNpa = (a: Actor) => a.role === 'npa';
const ownCompany = (a: Actor, companyId: number) => a.role === 'company_hr' && a.companyId != null && a.companyId === companyId;
const ownOrganisation = (a: Actor, organisationId: number) => a.role === 'ministry_hr' && a.organisationId != null && a.organisationId === organisationId;

export const publicCallPolicy = {
  /** An application: the NPA, and the company that made it. Ministries see accepted ones only through the roster. */
  readApplication: (a: Actor, x: ApplicationRef) => isNpa(a) || ownCompany(a, x.companyId),
  /** Only the company withdraws its own application. */
  withdrawApplication: (a: Actor, x: ApplicationRef) => ownCompany(a, x.companyId),

  /** A consultation: its company, the ministry it is addressed to, and the NPA (read only). */
  readConsultation: (a: Actor, c: ConsultationRef) => isNpa(a) || ownCompany(a, c.companyId) || ownOrganisation(a, c.organisationId),
  /** Posting and closing: the two parties only. */
  takePart: (a: Actor, c: ConsultationRef) => ownCompany(a, c.companyId) || ownOrganisation(a, c.organisationId),
  /** A company opens a consultation with a ministry, for itself. */
  openConsultation: (a: Actor) => a.role === 'company_hr' && a.companyId != null,
};

/** The consultations an actor may list: a company its own, a ministry those addressed to it, the NPA all. */
export function consultationScope(a: Actor): { companyId?: number; organisationId?: number } | null {
  switch (a.role) {
    case 'npa':
      return {};
    case 'company_hr':
      return a.companyId != null ? { companyId: a.companyId } : null;
    case 'ministry_hr':
      return a.organisationId != null ? { organisationId: a.organisationId } : null;
    default:
      return null;
  }
}

/** Which side a message's author is on (shown in the thread). */
export const sideOf = (role: string): 'company' | 'ministry' | 'other' => (role === 'company_hr' ? 'company' : role === 'ministry_hr' ? 'ministry' : 'other');
