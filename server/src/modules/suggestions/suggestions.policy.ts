// Who may ask for suggestions for which sheet (the route has checked wishes:suggest). Own sheets
// only: a ministry's HR its organisation's, a company's HR its company's; the NPA and the center any.
// A published sheet is public, so another's answers 403; a draft or closed one, 404 (as if missing).
import type { Actor } from '../../platform/context.ts';

type SheetRef = { organisationId: number | null; companyId: number | null };

export const suggestionsPolicy = {
  suggestFor: (a: Actor, s: SheetRef): boolean =>
    a.role === 'npa' ||
    a.role === 'center' ||
    (a.role === 'ministry_hr' && a.organisationId != null && a.organisationId === s.organisationId) ||
    (a.role === 'company_hr' && a.companyId != null && a.companyId === s.companyId),
  /** Whether a sheet the actor may not use is still one it may know exists (published, unexpired). */
  publiclyVisible: (s: { status: string; expiresOn: string | null }, today: string): boolean =>
    s.status === 'published' && (s.expiresOn === null || s.expiresOn >= today),
};
