import { z } from 'zod';
import { pageQuery, pagedOf } from './common.schema.ts';
import { companySizeSchema } from './companies.schema.ts';
import { criteriaDate, directionSchema } from './criteria.schema.ts';

// The NPA's public call (公募), a company's application (応募), the roster (名簿) of accepted
// applicants that ministries browse, and a company's consultation with a ministry before applying
// (事前相談, Q&A Q.5 of the pamphlet). Request and response shapes of /api/call-applications,
// /api/roster and /api/consultations.

const recordId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const refId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1, { message: 'text.required' }).max(max);

export const callApplicationStatusSchema = z.enum(['submitted', 'accepted', 'returned', 'withdrawn']);
export type CallApplicationStatus = z.infer<typeof callApplicationStatusSchema>;

export const callApplicationParamsSchema = z.strictObject({ id: recordId });

// ---------------------------------------------------------------- 応募 (a company applies)

export const callApplicationInputSchema = z
  .strictObject({
    wantsDispatch: z.boolean(), // 交流派遣: officials come to the company
    wantsHire: z.boolean(), // 交流採用: the company's employees go to a ministry
    divisions: text(1000).default(''),
    conditions: text(2000).default(''),
    contactName: required(100),
    contactEmail: z.string().trim().toLowerCase().max(254).pipe(z.email({ message: 'email.format' })),
    contactPhone: z
      .string()
      .trim()
      .max(40)
      // Full-width digits and dashes as typed in Japanese become ASCII.
      .transform((s) => s.normalize('NFKC').replace(/[‐‑–—―ー−]/g, '-'))
      .refine((s) => s === '' || /^\+?[0-9()\- ]{6,40}$/.test(s), { message: 'phone.format' })
      .nullable()
      .optional(),
  })
  .refine((v) => v.wantsDispatch || v.wantsHire, { message: 'call_application.direction_required', path: ['wantsDispatch'] });
export type CallApplicationInput = z.infer<typeof callApplicationInputSchema>;

/** 差戻し: the NPA returns an application with its reason (required). */
export const callApplicationReturnSchema = z.strictObject({ reason: required(1000) });
export type CallApplicationReturn = z.infer<typeof callApplicationReturnSchema>;

/** 受理 and 取下げ carry nothing but the (empty) body. */
export const emptyBodySchema = z.strictObject({});

/** Whether the company's legal-entity type is eligible on a date (the NPA's check when accepting). */
export const entityEligibilitySchema = z.object({
  eligible: z.boolean(),
  asOf: z.string(),
  legalTypeCode: z.string(),
  /** The date from which a type not yet eligible becomes eligible, if a later value of the parameter lists it. */
  eligibleFrom: z.string().nullable(),
  message: z.object({ ja: z.string(), en: z.string() }),
});
export type EntityEligibility = z.infer<typeof entityEligibilitySchema>;

export const callApplicationSchema = z.object({
  id: z.number().int(),
  companyId: z.number().int(),
  companyName: z.string(),
  corporateNumber: z.string(),
  legalTypeCode: z.string(),
  wantsDispatch: z.boolean(),
  wantsHire: z.boolean(),
  divisions: z.string(),
  conditions: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string().nullable(),
  status: callApplicationStatusSchema,
  returnReason: z.string().nullable(),
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type CallApplication = z.infer<typeof callApplicationSchema>;

/** A company's own applications, newest first; `canApply` is false while one is submitted or accepted. */
export const ownCallApplicationsSchema = z.object({ items: z.array(callApplicationSchema), canApply: z.boolean() });

/** The NPA's queue: each application with the entity-type check for today. */
export const reviewItemSchema = callApplicationSchema.extend({ eligibility: entityEligibilitySchema });
export const reviewQuerySchema = z.strictObject({ status: callApplicationStatusSchema.default('submitted'), ...pageQuery });
export type ReviewQuery = z.infer<typeof reviewQuerySchema>;
export const reviewListSchema = pagedOf(reviewItemSchema);

// ---------------------------------------------------------------- 名簿 (roster)

export const rosterQuerySchema = z
  .strictObject({
    q: z.string().max(200).optional(),
    industry: z.string().max(4).optional(), // JSIC major group (A–T)
    prefecture: z.string().max(2).optional(),
    region: z.string().max(40).optional(), // prefectures.region_en, e.g. 'Kanto'
    size: companySizeSchema.optional(),
    direction: directionSchema.optional(),
    acceptedFrom: criteriaDate.optional(), // a real calendar date (2025-02-30 is refused)
    acceptedTo: criteriaDate.optional(),
    ...pageQuery,
  })
  .refine((v) => !v.acceptedFrom || !v.acceptedTo || v.acceptedTo >= v.acceptedFrom, { message: 'date.end_before_start', path: ['acceptedTo'] });
export type RosterQuery = z.infer<typeof rosterQuerySchema>;

export const rosterItemSchema = z.object({
  applicationId: z.number().int(),
  companyId: z.number().int(),
  companyName: z.string(),
  corporateNumber: z.string(),
  legalTypeCode: z.string(),
  industryCode: z.string().nullable(),
  prefectureCode: z.string().nullable(),
  employees: z.number().nullable(),
  capitalYen: z.number().nullable(),
  wantsDispatch: z.boolean(),
  wantsHire: z.boolean(),
  divisions: z.string(),
  conditions: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string().nullable(),
  acceptedAt: z.string(),
});
export type RosterItem = z.infer<typeof rosterItemSchema>;
export const rosterListSchema = pagedOf(rosterItemSchema);

// ---------------------------------------------------------------- 事前相談 (consultations)

export const consultationStatusSchema = z.enum(['open', 'closed']);
export const consultationParamsSchema = z.strictObject({ id: recordId });

export const consultationInputSchema = z.strictObject({
  organisationId: refId,
  subject: required(200),
  body: required(5000),
});
export type ConsultationInput = z.infer<typeof consultationInputSchema>;

export const consultationMessageInputSchema = z.strictObject({ body: required(5000) });
export type ConsultationMessageInput = z.infer<typeof consultationMessageInputSchema>;

export const consultationListQuerySchema = z.strictObject({ status: consultationStatusSchema.optional(), ...pageQuery });
export type ConsultationListQuery = z.infer<typeof consultationListQuerySchema>;

export const consultationSummarySchema = z.object({
  id: z.number().int(),
  companyId: z.number().int(),
  companyName: z.string(),
  organisationId: z.number().int(),
  organisationNameJa: z.string(),
  organisationNameEn: z.string(),
  subject: z.string(),
  status: consultationStatusSchema,
  messageCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ConsultationSummary = z.infer<typeof consultationSummarySchema>;
export const consultationListSchema = pagedOf(consultationSummarySchema);

export const consultationMessageSchema = z.object({
  id: z.number().int(),
  authorRole: z.string(),
  authorName: z.string(),
  /** Which side wrote it: the company or the ministry. */
  side: z.enum(['company', 'ministry', 'other']),
  body: z.string(),
  createdAt: z.string(),
});
export type ConsultationMessage = z.infer<typeof consultationMessageSchema>;

export const consultationDetailSchema = consultationSummarySchema.extend({
  messages: z.array(consultationMessageSchema),
  /** Whether the caller may post and close (a party to it while it is open). */
  canPost: z.boolean(),
});
export type ConsultationDetail = z.infer<typeof consultationDetailSchema>;
