// Who may see and act on which information-session record (説明会). The route has already checked
// the role's permission (events:manage for the center and the NPA, events:register for company HR);
// these rules add the record's scope. Deny by default. A registration the actor may not read answers
// 404 (indistinguishable from a missing one).
import type { Actor } from '../../platform/context.ts';
import { roleHas } from '../../platform/permissions.ts';

type RegistrationRef = { companyId: number };

const manager = (a: Actor | null) => a != null && roleHas(a.role, 'events:manage');
const ownCompany = (a: Actor, companyId: number) => a.role === 'company_hr' && a.companyId != null && a.companyId === companyId;

export const eventsPolicy = {
  /** Events being prepared (準備中) are seen only by those who manage events; the rest are public. */
  seeEvent: (a: Actor | null, e: { status: string }) => e.status !== 'planned' || manager(a),
  /** A registration (with its attendees' names): the company that made it, and the managers. */
  readRegistration: (a: Actor, r: RegistrationRef) => manager(a) || ownCompany(a, r.companyId),
  /** Only the company cancels its own registration. */
  cancelRegistration: (a: Actor, r: RegistrationRef) => ownCompany(a, r.companyId),
  /** Company HR registers its own company's staff. */
  register: (a: Actor) => a.role === 'company_hr' && a.companyId != null && roleHas(a.role, 'events:register'),
};
