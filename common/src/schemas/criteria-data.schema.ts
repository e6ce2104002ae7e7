import { z } from 'zod';
import { pageQuery, pagedOf } from './common.schema.ts';
import { criteriaDate, directionSchema, sanctionKindSchema } from './criteria.schema.ts';

// The stored facts the criteria engine (交流基準) reads: sales, contracts, contract involvement,
// sanctions, licensing jurisdiction, past exchanges and division revenue. Request and response
// shapes of /api/companies/:id/sales and the other criteria-data endpoints.

const recordId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const refId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const fiscalYear = z
  .number()
  .int({ message: 'fiscal_year.range' })
  .min(1900, { message: 'fiscal_year.range' })
  .max(2200, { message: 'fiscal_year.range' });
const yen = z.number().int({ message: 'integer.nonnegative' }).min(0, { message: 'integer.nonnegative' }).max(Number.MAX_SAFE_INTEGER);
const note = (max: number) => z.string().trim().max(max).nullable().optional();
const endNotBeforeStart = (v: { startDate?: string | null | undefined; endDate?: string | null | undefined }) =>
  v.endDate == null || v.startDate == null || v.endDate >= v.startDate;
const endMessage = { message: 'date.end_before_start', path: ['endDate'] };

export const companyParamsSchema = z.strictObject({ id: recordId });
export const companyRecordParamsSchema = z.strictObject({ id: recordId, recordId });
export const divisionParamsSchema = z.strictObject({ id: recordId, divisionId: recordId });
export const divisionYearParamsSchema = z.strictObject({ id: recordId, divisionId: recordId, fiscalYear: z.coerce.number().int().min(1900).max(2200) });
export const companyYearParamsSchema = z.strictObject({ id: recordId, fiscalYear: z.coerce.number().int().min(1900).max(2200) });
export const postParamsSchema = z.strictObject({ id: recordId, postId: recordId });

// ---------------------------------------------------------------- 売上額等

export const salesInputSchema = z.strictObject({ fiscalYear, amountYen: yen, source: note(200) });
export type SalesInput = z.infer<typeof salesInputSchema>;
export const salesItemSchema = z.object({
  id: z.number().int(),
  companyId: z.number().int(),
  fiscalYear: z.number().int(),
  amountYen: z.number(),
  source: z.string().nullable(),
  updatedAt: z.string(),
});
export const salesListSchema = z.object({ items: z.array(salesItemSchema) });

// ---------------------------------------------------------------- 起訴・不利益処分

export const sanctionInputSchema = z.strictObject({
  caseRef: z.string().trim().min(1, { message: 'text.required' }).max(64),
  kind: sanctionKindSchema,
  subject: z.enum(['company', 'officer']).default('company'),
  occurredOn: criteriaDate,
  description: note(500),
});
export type SanctionInput = z.infer<typeof sanctionInputSchema>;
export const sanctionItemSchema = z.object({
  id: z.number().int(),
  companyId: z.number().int(),
  caseRef: z.string(),
  kind: sanctionKindSchema,
  subject: z.enum(['company', 'officer']),
  occurredOn: z.string(),
  description: z.string().nullable(),
});
export const sanctionListSchema = z.object({ items: z.array(sanctionItemSchema) });

// ---------------------------------------------------------------- 部門別の収益

export const divisionRevenueInputSchema = z
  .strictObject({ fiscalYear, publicYen: yen, totalYen: yen })
  .refine((v) => v.publicYen <= v.totalYen, { message: 'revenue.public_exceeds_total', path: ['publicYen'] });
export type DivisionRevenueInput = z.infer<typeof divisionRevenueInputSchema>;
export const divisionRevenueItemSchema = z.object({
  id: z.number().int(),
  divisionId: z.number().int(),
  fiscalYear: z.number().int(),
  publicYen: z.number(),
  totalYen: z.number(),
  updatedAt: z.string(),
});
export const divisionRevenueListSchema = z.object({
  division: z.object({ id: z.number().int(), companyId: z.number().int(), name: z.string() }),
  items: z.array(divisionRevenueItemSchema),
});

// ---------------------------------------------------------------- 府省等との契約 (年度別総額)

export const contractInputSchema = z.strictObject({ organisationId: refId, companyId: refId, fiscalYear, amountYen: yen, source: note(200) });
export type ContractInput = z.infer<typeof contractInputSchema>;
export const contractListQuerySchema = z.strictObject({
  organisationId: recordId.optional(),
  companyId: recordId.optional(),
  fiscalYear: z.coerce.number().int().min(1900).max(2200).optional(),
  ...pageQuery,
});
export type ContractListQuery = z.infer<typeof contractListQuerySchema>;
export const contractItemSchema = z.object({
  id: z.number().int(),
  organisationId: z.number().int(),
  organisationCode: z.string(),
  organisationNameJa: z.string(),
  companyId: z.number().int(),
  corporateNumber: z.string(),
  companyName: z.string(),
  fiscalYear: z.number().int(),
  amountYen: z.number(),
  source: z.string().nullable(),
});
export const contractListSchema = pagedOf(contractItemSchema);
export const importResultSchema = z.object({ rows: z.number().int(), inserted: z.number().int(), updated: z.number().int() });

// ---------------------------------------------------------------- 所管関係 (許認可等)

export const jurisdictionInputSchema = z
  .strictObject({ companyId: refId, startDate: criteriaDate.nullable().optional(), endDate: criteriaDate.nullable().optional(), basis: note(200) })
  .refine(endNotBeforeStart, endMessage);
export type JurisdictionInput = z.infer<typeof jurisdictionInputSchema>;
export const jurisdictionItemSchema = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  companyId: z.number().int(),
  corporateNumber: z.string(),
  companyName: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  basis: z.string().nullable(),
});
export const jurisdictionListSchema = z.object({ items: z.array(jurisdictionItemSchema) });
export const unitRecordParamsSchema = z.strictObject({ id: recordId, recordId });

// ---------------------------------------------------------------- 契約の締結・履行への関与

export const involvementInputSchema = z
  .strictObject({
    organisationId: refId.optional(), // default: the person's organisation
    companyId: refId,
    startDate: criteriaDate,
    endDate: criteriaDate.nullable().optional(),
    role: note(200),
  })
  .refine(endNotBeforeStart, endMessage);
export type InvolvementInput = z.infer<typeof involvementInputSchema>;
export const involvementItemSchema = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  organisationId: z.number().int(),
  companyId: z.number().int(),
  companyName: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  role: z.string().nullable(),
});
export const involvementListSchema = z.object({ items: z.array(involvementItemSchema) });

// ---------------------------------------------------------------- 官職歴: 官職の追加

export const postInputSchema = z
  .strictObject({
    unitId: refId,
    postTitleJa: z.string().trim().min(1, { message: 'text.required' }).max(200),
    postTitleEn: note(200),
    startDate: criteriaDate,
    endDate: criteriaDate.nullable().optional(), // null/absent: still in post
    handlesLicensing: z.boolean().default(true),
  })
  .refine(endNotBeforeStart, endMessage);
export type PostInput = z.infer<typeof postInputSchema>;
export const postItemSchema = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  unitId: z.number().int(),
  unitNameJa: z.string(),
  unitNameEn: z.string(),
  postTitleJa: z.string(),
  postTitleEn: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  handlesLicensing: z.boolean(),
});

// ---------------------------------------------------------------- 官職: 許認可等の事務を所掌するか

export const postLicensingPatchSchema = z.strictObject({ handlesLicensing: z.boolean() });
export const postLicensingSchema = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  unitId: z.number().int(),
  postTitleJa: z.string(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  handlesLicensing: z.boolean(),
});

// ---------------------------------------------------------------- 過去の交流

export const exchangeHistoryInputSchema = z
  .strictObject({
    companyId: refId,
    unitId: refId,
    direction: directionSchema,
    startDate: criteriaDate,
    endDate: criteriaDate.nullable().optional(),
    personId: refId.nullable().optional(),
    note: note(500),
  })
  .refine(endNotBeforeStart, endMessage);
export type ExchangeHistoryInput = z.infer<typeof exchangeHistoryInputSchema>;
export const exchangeHistoryQuerySchema = z.strictObject({ companyId: recordId.optional(), unitId: recordId.optional(), ...pageQuery });
export type ExchangeHistoryQuery = z.infer<typeof exchangeHistoryQuerySchema>;
export const exchangeHistoryItemSchema = z.object({
  id: z.number().int(),
  companyId: z.number().int(),
  companyName: z.string(),
  unitId: z.number().int(),
  unitNameJa: z.string(),
  organisationId: z.number().int(),
  direction: directionSchema,
  startDate: z.string(),
  endDate: z.string().nullable(),
  personId: z.number().int().nullable(),
  note: z.string().nullable(),
});
export const exchangeHistoryListSchema = pagedOf(exchangeHistoryItemSchema);
