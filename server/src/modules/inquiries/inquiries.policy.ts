// Who sees which inquiry (問合せ) and which of its messages. The contact window (the center, and
// the NPA: inquiries:manage) sees every inquiry and message, but never the contact details the
// two sides exchange. A company or a ministry (inquiries:use) sees the inquiries its own side asked
// and, once the center has forwarded them, those about its own sheets. Anything else answers 404,
// indistinguishable from a missing inquiry; a step the reader's side may not take, 403 or 409
// (inquiries.workflow.ts).
import type { Actor } from '../../platform/context.ts';
import { roleHas } from '../../platform/permissions.ts';
import type { InquiryAudience, InquirySide, InquiryStatus } from '../../../../common/src/schemas/inquiries.schema.ts';

export type InquiryRef = {
  askerOrganisationId: number | null;
  askerCompanyId: number | null;
  ownerOrganisationId: number | null;
  ownerCompanyId: number | null;
  forwardedAt: string | null;
};

/** A company or a ministry as one side of an inquiry. */
export type Party = { type: 'company'; companyId: number } | { type: 'ministry'; organisationId: number };

export const isWindow = (a: Actor) => roleHas(a.role, 'inquiries:manage');

/** The party an actor asks and answers for: its company or its ministry (inquiries:use only). */
export function partyOf(a: Actor): Party | null {
  if (!roleHas(a.role, 'inquiries:use')) return null;
  if (a.role === 'company_hr' && a.companyId != null) return { type: 'company', companyId: a.companyId };
  if (a.role === 'ministry_hr' && a.organisationId != null) return { type: 'ministry', organisationId: a.organisationId };
  return null;
}

const isParty = (p: Party, organisationId: number | null, companyId: number | null) =>
  p.type === 'company' ? companyId === p.companyId : organisationId === p.organisationId;

/** The actor's side in an inquiry, or null when the actor may not see it at all. */
export function sideOf(a: Actor, q: InquiryRef): InquirySide | null {
  if (isWindow(a)) return 'center';
  const p = partyOf(a);
  if (!p) return null;
  if (isParty(p, q.askerOrganisationId, q.askerCompanyId)) return 'asker';
  // The owner learns of an inquiry only when the window forwards it.
  if (q.forwardedAt !== null && isParty(p, q.ownerOrganisationId, q.ownerCompanyId)) return 'owner';
  return null;
}

/** The inquiries an actor may list: all (the window), its party's (asked or received once forwarded), or none. */
export type ListScope = { all: true } | { party: Party } | null;
export function listScope(a: Actor): ListScope {
  if (isWindow(a)) return { all: true };
  const p = partyOf(a);
  return p ? { party: p } : null;
}

/** The audiences of the messages a side reads. */
export const readableAudiences: Record<InquirySide, readonly InquiryAudience[]> = {
  center: ['center', 'asker', 'owner', 'all'],
  asker: ['asker', 'all'],
  owner: ['owner', 'all'],
};

/** The audiences a side may write to, its default first. The center writes to the asker while the inquiry is still open. */
export function writableAudiences(side: InquirySide, status: InquiryStatus): InquiryAudience[] {
  if (side === 'asker') return ['all', 'asker'];
  if (side === 'owner') return ['all', 'owner'];
  return status === 'open' ? ['asker', 'center', 'owner', 'all'] : ['all', 'asker', 'owner', 'center'];
}

/** A message's author's name is shown only to the author's own side (names are contact details). */
export const showsAuthorName = (reader: InquirySide, authorSide: string) => reader === authorSide;

/** The asker's name (company or ministry) is not shown to the owner: it is part of what the contact exchange discloses. */
export const showsAskerName = (reader: InquirySide) => reader !== 'owner';

/** Contact details: only the two sides, only once both have agreed. Never the window. */
export const readsContacts = (side: InquirySide, q: { askerAgreedAt: string | null; ownerAgreedAt: string | null }) =>
  (side === 'asker' || side === 'owner') && q.askerAgreedAt !== null && q.ownerAgreedAt !== null;
