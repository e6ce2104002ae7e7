import { z } from 'zod';
import { pageQuery, pagedOf } from './common.schema.ts';

// Inquiries through the single contact window (問合せ窓口): a company or a ministry asks about a
// published wish sheet of the other side; the center (官民人材交流センター) forwards it to the
// sheet's owner; both sides' contact details are disclosed only when both have agreed.
// Request and response shapes of /api/inquiries.

const recordId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1, { message: 'text.required' }).max(max);

export const inquiryStatuses = ['open', 'forwarded', 'answered', 'contact_exchanged', 'closed'] as const; // 受付・回送済み・回答済み・連絡先交換済み・終了
export const inquiryStatusSchema = z.enum(inquiryStatuses);
export type InquiryStatus = z.infer<typeof inquiryStatusSchema>;

/** The asker's side, the sheet owner's side, or the contact window (center; the NPA too). */
export const inquirySideSchema = z.enum(['asker', 'owner', 'center']);
export type InquirySide = z.infer<typeof inquirySideSchema>;

/** Who may read a message: the center only, the asker's side and the center, the owner's side and the center, or all three. */
export const inquiryAudienceSchema = z.enum(['center', 'asker', 'owner', 'all']);
export type InquiryAudience = z.infer<typeof inquiryAudienceSchema>;

export const inquiryParamsSchema = z.strictObject({ id: recordId });

/** The version last read: a change made meanwhile makes the request a 409. */
const version = z.number().int().min(1).optional();

export const inquiryInputSchema = z.strictObject({
  sheetReference: z.string().trim().regex(/^WS-\d{6,12}$/, { message: 'wish.reference_format' }),
  subject: required(200),
  body: required(5000),
});
export type InquiryInput = z.infer<typeof inquiryInputSchema>;

export const inquiryMessageInputSchema = z.strictObject({
  body: required(5000),
  /** Default: everyone in the thread for the two sides; for the center, the asker while the inquiry is open, else everyone. */
  audience: inquiryAudienceSchema.optional(),
});
export type InquiryMessageInput = z.infer<typeof inquiryMessageInputSchema>;

/** The center forwards, with a note for the owner (optional). */
export const inquiryForwardSchema = z.strictObject({ note: text(5000).default(''), version });
export type InquiryForwardInput = z.infer<typeof inquiryForwardSchema>;

/** Agree, withdraw the agreement, close. */
export const inquiryActionSchema = z.strictObject({ version });
export type InquiryActionInput = z.infer<typeof inquiryActionSchema>;

export const inquiryListQuerySchema = z.strictObject({
  status: inquiryStatusSchema.optional(),
  /** For the two sides: the inquiries they asked, or those about their own sheets. */
  side: z.enum(['asker', 'owner']).optional(),
  ...pageQuery,
});
export type InquiryListQuery = z.infer<typeof inquiryListQuerySchema>;

const names = z.object({ ja: z.string(), en: z.string() });

export const inquirySummarySchema = z.object({
  id: z.number().int(),
  subject: z.string(),
  status: inquiryStatusSchema,
  version: z.number().int(),
  /** The caller's side in this inquiry. */
  mySide: inquirySideSchema,
  sheet: z.object({ id: z.number().int(), reference: z.string(), title: z.string(), kind: z.string(), status: z.string() }),
  owner: z.object({ type: z.enum(['ministry', 'company']), name: names }),
  /** The asker's name is shown to the asker and the center; to the owner only through the contacts, once exchanged. */
  asker: z.object({ type: z.enum(['ministry', 'company']), name: names.nullable() }),
  askerAgreed: z.boolean(),
  ownerAgreed: z.boolean(),
  createdAt: z.string(),
  lastActivityAt: z.string(),
});
export type InquirySummary = z.infer<typeof inquirySummarySchema>;
export const inquiryListSchema = pagedOf(inquirySummarySchema);

export const inquiryEventSchema = z.enum(['forwarded', 'agreed', 'agreement_withdrawn', 'contacts_exchanged', 'closed']);
export type InquiryEvent = z.infer<typeof inquiryEventSchema>;

export const inquiryMessageSchema = z.object({
  id: z.number().int(),
  side: z.enum(['asker', 'owner', 'center', 'system']),
  audience: inquiryAudienceSchema,
  /** The author's name, shown only to the author's own side. */
  authorName: z.string().nullable(),
  body: z.string(),
  /** System entries (status changes): what happened and on whose side. */
  event: inquiryEventSchema.nullable(),
  eventSide: inquirySideSchema.nullable(),
  createdAt: z.string(),
});
export type InquiryMessage = z.infer<typeof inquiryMessageSchema>;

export const inquiryDetailSchema = inquirySummarySchema.extend({
  messages: z.array(inquiryMessageSchema),
  timeline: z.array(z.object({ status: inquiryStatusSchema, at: z.string() })),
  /** What the caller may do now (the server checks again). */
  can: z.object({ forward: z.boolean(), reply: z.boolean(), agree: z.boolean(), withdrawAgreement: z.boolean(), close: z.boolean(), readContacts: z.boolean() }),
  /** The audiences the caller may choose for a reply, the default first. */
  audiences: z.array(inquiryAudienceSchema),
});
export type InquiryDetail = z.infer<typeof inquiryDetailSchema>;

export const inquiryContactSchema = z.object({
  side: z.enum(['asker', 'owner']),
  type: z.enum(['ministry', 'company']),
  organisationName: names,
  displayName: z.string(),
  email: z.string(),
});
export type InquiryContact = z.infer<typeof inquiryContactSchema>;

export const inquiryContactsSchema = z.object({
  inquiryId: z.number().int(),
  exchangedAt: z.string(),
  asker: inquiryContactSchema,
  owner: inquiryContactSchema,
  /** The contact written on the sheet itself, if it has one. */
  sheetContact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
});
export type InquiryContacts = z.infer<typeof inquiryContactsSchema>;
