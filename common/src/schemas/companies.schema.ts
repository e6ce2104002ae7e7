import { z } from 'zod';
import { checkCorporateNumber, normalizeCorporateNumber } from '../corporate-number.ts';
import { pageQuery, pagedOf } from './common.schema.ts';

export const corporateNumberSchema = z
  .string()
  .max(40)
  .transform(normalizeCorporateNumber)
  .superRefine((v, ctx) => {
    const r = checkCorporateNumber(v);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: `corporate_number.${r.reason}` });
  });

const yen = z.number().int().min(0, { message: 'integer.nonnegative' }).max(Number.MAX_SAFE_INTEGER);
const headcount = z.number().int().min(0, { message: 'integer.nonnegative' }).max(10_000_000);
const kana = z
  .string()
  .trim()
  .max(200)
  // Readings are stored in katakana whichever way they were typed (NFKC folds half-width kana).
  .transform((s) => s.normalize('NFKC').replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60)))
  .refine((s) => s === '' || /^[\u30A0-\u30FF\u3040-\u309F\s・ー（）()A-Za-z0-9&＆.,\-]+$/.test(s), { message: 'kana.format' });

export const companyInputSchema = z.strictObject({
  corporateNumber: corporateNumberSchema,
  name: z.string().trim().min(1, { message: 'text.required' }).max(200),
  nameKana: kana.optional(),
  legalTypeCode: z.string().min(1, { message: 'legal_type.unknown' }).max(64),
  capitalYen: yen.nullable().optional(),
  employees: headcount.nullable().optional(),
  industryCode: z.string().max(4).nullable().optional(),
  prefectureCode: z.string().max(2).nullable().optional(),
  address: z.string().trim().max(300).nullable().optional(),
  parentCorporateNumber: corporateNumberSchema.nullable().optional(),
});
export type CompanyInput = z.infer<typeof companyInputSchema>;

export const companyPatchSchema = companyInputSchema.omit({ corporateNumber: true }).partial().strict();
export type CompanyPatch = z.infer<typeof companyPatchSchema>;

export const companySizeSchema = z.enum(['small', 'medium', 'large']);

export const companyListQuerySchema = z.strictObject({
  q: z.string().max(200).optional(),
  industry: z.string().max(4).optional(),
  legalType: z.string().max(64).optional(),
  prefecture: z.string().max(2).optional(),
  size: companySizeSchema.optional(),
  status: z.enum(['pending', 'active', 'archived']).optional(),
  ...pageQuery,
});
export type CompanyListQuery = z.infer<typeof companyListQuerySchema>;

export const companySummarySchema = z.object({
  id: z.number().int(),
  corporateNumber: z.string(),
  name: z.string(),
  nameKana: z.string().nullable(),
  legalTypeCode: z.string(),
  industryCode: z.string().nullable(),
  prefectureCode: z.string().nullable(),
  capitalYen: z.number().nullable(),
  employees: z.number().nullable(),
  status: z.string(),
});
export type CompanySummary = z.infer<typeof companySummarySchema>;

// totalCapped: counting stopped at `total`; there are more matches than that.
export const companyListResponseSchema = pagedOf(companySummarySchema).extend({ totalCapped: z.boolean() });

export const divisionSchema = z.object({ id: z.number().int(), name: z.string() });

export const companyDetailSchema = companySummarySchema.extend({
  address: z.string().nullable(),
  parent: companySummarySchema.pick({ id: true, corporateNumber: true, name: true }).nullable(),
  subsidiaries: z.array(companySummarySchema.pick({ id: true, corporateNumber: true, name: true })),
  divisions: z.array(divisionSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CompanyDetail = z.infer<typeof companyDetailSchema>;

export const divisionInputSchema = z.strictObject({ name: z.string().trim().min(1, { message: 'text.required' }).max(200) });

export const registrationBodySchema = z.strictObject({
  company: companyInputSchema.omit({ parentCorporateNumber: true }),
  account: z.strictObject({
    email: z.string().trim().toLowerCase().max(254).pipe(z.email({ message: 'email.format' })),
    displayName: z.string().trim().min(1, { message: 'text.required' }).max(100),
    password: z.string().min(12, { message: 'password.too_short' }).max(256),
  }),
});
export type RegistrationBody = z.infer<typeof registrationBodySchema>;
