import { z } from 'zod';
import { messagesSchema, pageQuery } from './common.schema.ts';

// The facts document the criteria engine (交流基準) decides on, and the decision it returns.
// Shared by the server (POST /api/criteria/evaluate, the CLI, the case files) and the web app.
// Identifiers are opaque strings so that a document can be written by hand (the stateless API)
// or gathered from the database (stored ids, stringified).
//
// "Missing" and "none" differ: a fact list that is absent means "not known" and makes the rules
// that need it `indeterminate`; an empty list means "known: there are none".

const dateMsg = { message: 'date.format' };
export const criteriaDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, dateMsg)
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return y >= 1900 && y <= 2200 && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, { message: 'date.invalid' });

const key = z.string().trim().min(1, { message: 'text.required' }).max(64);
const yen = z.number().int({ message: 'integer.nonnegative' }).min(0, { message: 'integer.nonnegative' }).max(Number.MAX_SAFE_INTEGER);
const fiscalYear = z.number().int().min(1900).max(2200); // 年度: FY N runs 1 April N – 31 March N+1

export const directionSchema = z.enum(['dispatch', 'hire']); // 交流派遣 (官→民) | 交流採用 (民→官)
export type Direction = z.infer<typeof directionSchema>;

export const criteriaExchangeSchema = z.strictObject({
  direction: directionSchema,
  organisationId: key, // 府省等
  unitId: key, // the ministry's 課等: dispatch — the official's unit; hire — the receiving unit
  post: z
    .strictObject({
      title: z.string().max(200).optional(),
      // Companies the post handles licences/dispositions for (許認可等), as of the start. Hire only.
      licensingCompanyIds: z.array(key).max(10_000).optional(),
    })
    .optional(),
  companyId: key,
  divisionId: key.optional(), // the company's 部門 (needed for the `*` entity types)
  personId: key.optional(),
  plannedStart: criteriaDate,
  plannedEnd: criteriaDate,
  // An extension beyond the initial term that the NPA has approved (官民人事交流法第8条第2項).
  extensionApprovedByNpa: z.boolean().optional(),
});
export type CriteriaExchange = z.infer<typeof criteriaExchangeSchema>;

export const companyFactsSchema = z.strictObject({
  id: key,
  name: z.string().max(200).optional(),
  legalTypeCode: z.string().max(64).optional(),
  capitalYen: yen.nullable().optional(),
  employees: z.number().int().min(0, { message: 'integer.nonnegative' }).max(10_000_000).nullable().optional(),
  parentId: key.nullable().optional(), // 親会社; the engine walks the chain for 子会社
  // 売上額等 per fiscal year; absent = not known.
  sales: z.array(z.strictObject({ fiscalYear, amountYen: yen })).max(200).optional(),
});
export type CompanyFacts = z.infer<typeof companyFactsSchema>;

export const postHistoryEntrySchema = z.strictObject({
  unitId: key,
  title: z.string().max(200).optional(),
  from: criteriaDate,
  to: criteriaDate.nullable().optional(), // null/absent: still in post
  licensingCompanyIds: z.array(key).max(10_000), // companies this post handled licences/dispositions for
});

export const contractInvolvementSchema = z.strictObject({
  organisationId: key,
  companyId: key,
  from: criteriaDate,
  to: criteriaDate.nullable().optional(),
  role: z.string().max(200).optional(), // 契約の締結 / 履行
});

export const contractTotalSchema = z.strictObject({
  organisationId: key,
  companyId: key,
  fiscalYear,
  amountYen: yen,
});

export const sanctionKindSchema = z.enum([
  'prosecution', // 刑事事件での起訴
  'business_suspension', // 業務停止命令
  'surcharge_order', // 課徴金納付命令
  'other_serious_disposition', // その他重大な影響を及ぼす不利益処分
  'other_disposition', // 重大でない処分 (recorded, not restricting)
]);
export const sanctionSchema = z.strictObject({
  companyId: key,
  caseId: key, // 同一事案: events of one case share one clock
  kind: sanctionKindSchema,
  subject: z.enum(['company', 'officer']).optional(), // 民間企業等又はその役員
  date: criteriaDate,
  description: z.string().max(500).optional(),
});

export const jurisdictionSchema = z.strictObject({
  unitId: key,
  companyId: key,
  from: criteriaDate.nullable().optional(),
  to: criteriaDate.nullable().optional(),
});

export const priorExchangeSchema = z.strictObject({
  companyId: key,
  unitId: key,
  direction: directionSchema,
  start: criteriaDate,
  end: criteriaDate.nullable().optional(),
});

export const divisionFactsSchema = z.strictObject({
  id: key,
  companyId: key,
  name: z.string().max(200).optional(),
  revenue: z
    .array(z.strictObject({ fiscalYear, publicYen: yen, totalYen: yen }))
    .max(200)
    .optional(),
});

export const criteriaFactsSchema = z.strictObject({
  companies: z.array(companyFactsSchema).max(10_000).optional(),
  postHistory: z.array(postHistoryEntrySchema).max(1_000).optional(),
  contractInvolvements: z.array(contractInvolvementSchema).max(1_000).optional(),
  contracts: z.array(contractTotalSchema).max(10_000).optional(),
  sanctions: z.array(sanctionSchema).max(1_000).optional(),
  jurisdictions: z.array(jurisdictionSchema).max(10_000).optional(),
  priorExchanges: z.array(priorExchangeSchema).max(1_000).optional(),
  divisions: z.array(divisionFactsSchema).max(1_000).optional(),
});
export type CriteriaFacts = z.infer<typeof criteriaFactsSchema>;

export const ruleIdSchema = z.enum([
  'prosecution', // 刑事起訴等を受けた民間企業等との人事交流
  'licensing_post', // 許認可権限等を有する国の機関と民間企業等との間の人事交流
  'consecutive_exchanges', // 同一の民間企業等との継続的な人事交流
  'contract_involvement', // 契約の締結に携わった職員等に係る人事交流
  'contract_dependence', // 契約関係にある国の機関と民間企業等との間の人事交流
  'public_revenue_division', // 国等の事務又は事業の実施等によって収益を得ている法人との人事交流
  'entity_type', // 対象となる民間企業等
  'duration', // 交流派遣の期間 / 交流採用の任期
]);
export type RuleId = z.infer<typeof ruleIdSchema>;

export const criteriaRequestSchema = z.strictObject({
  exchange: criteriaExchangeSchema,
  facts: criteriaFactsSchema,
  // Rules for which the NPA has approved an exception for this exchange (人事院の承認).
  approvedExceptions: z
    .array(z.strictObject({ ruleId: ruleIdSchema, reference: z.string().trim().min(1, { message: 'text.required' }).max(200) }))
    .max(20)
    .optional(),
});
export type CriteriaRequest = z.infer<typeof criteriaRequestSchema>;

// ---------------------------------------------------------------- decision

export const citationSchema = z.object({
  instrument: z.string(), // e.g. 官民人事交流法 (平成11年法律第224号)
  article: z.string().optional(), // e.g. 第8条第1項
  page: z.string().optional(), // e.g. pamphlet p.4 交流基準の概要
  quote: z.string().optional(),
  verified: z.boolean(), // false: the article number is not yet checked against the official text
  note: z.string().optional(),
});
export type Citation = z.infer<typeof citationSchema>;

export const outcomeSchema = z.enum(['pass', 'fail', 'not_applicable', 'indeterminate']);
export type Outcome = z.infer<typeof outcomeSchema>;
export const overallSchema = z.enum(['eligible', 'ineligible', 'needs_review']);
export type Overall = z.infer<typeof overallSchema>;

export const usedParameterSchema = z.object({
  id: z.string(),
  value: z.unknown(),
  effectiveFrom: z.string(),
  citation: citationSchema,
});
export type UsedParameter = z.infer<typeof usedParameterSchema>;

export const ruleResultSchema = z.object({
  ruleId: ruleIdSchema,
  title: messagesSchema,
  outcome: outcomeSchema,
  reasons: z.array(z.object({ code: z.string(), message: messagesSchema })),
  factsUsed: z.array(z.object({ path: z.string(), value: z.unknown() })),
  parameters: z.array(usedParameterSchema),
  windows: z.array(z.object({ label: messagesSchema, from: z.string(), to: z.string() })),
  earliestPassDate: z.string().nullable(), // a failing rule's first start date on which it would pass
  exception: z.object({ available: z.boolean(), approved: z.boolean(), reference: z.string().optional() }),
  citations: z.array(citationSchema),
});
export type RuleResult = z.infer<typeof ruleResultSchema>;

export const decisionSchema = z.object({
  overall: overallSchema,
  asOf: z.string(), // parameters resolved as of the planned start
  engineVersion: z.string(),
  summary: messagesSchema,
  rules: z.array(ruleResultSchema),
});
export type Decision = z.infer<typeof decisionSchema>;

// ---------------------------------------------------------------- parameters

export const parameterValueSchema = z.object({
  from: z.string(),
  value: z.unknown(),
  citation: citationSchema,
});
export const parameterSchema = z.object({
  id: z.string(),
  name: messagesSchema,
  description: messagesSchema.optional(),
  unit: z.string(),
  values: z.array(parameterValueSchema),
});
export type Parameter = z.infer<typeof parameterSchema>;
export const parameterListSchema = z.object({ items: z.array(parameterSchema) });

// ---------------------------------------------------------------- stored check and screening

// A check on stored records: the server gathers the facts from the database.
export const storedCheckSchema = z.strictObject({
  direction: directionSchema,
  personId: z.number().int().positive(),
  unitId: z.number().int().positive(),
  companyId: z.number().int().positive(),
  divisionId: z.number().int().positive().optional(),
  plannedStart: criteriaDate,
  plannedEnd: criteriaDate,
  extensionApprovedByNpa: z.boolean().optional(),
});
export type StoredCheck = z.infer<typeof storedCheckSchema>;
export const storedCheckResponseSchema = z.object({ request: criteriaRequestSchema, decision: decisionSchema });

export const screeningStatusSchema = z.enum(['open', 'barred', 'needs_review']);
// For one official (dispatch: where could they go?) or for one post (hire: whose employees
// could fill it?) — `personId`, or `unitId` alone.
export const screeningQuerySchema = z.strictObject({
  personId: z.coerce.number().int().positive().optional(),
  unitId: z.coerce.number().int().positive().optional(), // default: the official's unit on the start date
  plannedStart: criteriaDate.optional(), // default: today
  plannedEnd: criteriaDate.optional(), // default: the full term in principle (duration.max_years) from the start
  status: screeningStatusSchema.optional(),
  ruleId: ruleIdSchema.optional(),
  q: z.string().max(200).optional(),
  ...pageQuery,
});
export const screeningQueryRefined = screeningQuerySchema.refine((q) => q.personId !== undefined || q.unitId !== undefined, {
  message: 'criteria.person_or_unit',
  path: ['personId'],
});
export type ScreeningQuery = z.infer<typeof screeningQuerySchema>;

export const screeningItemSchema = z.object({
  companyId: z.number().int(),
  corporateNumber: z.string(),
  name: z.string(),
  legalTypeCode: z.string(),
  status: screeningStatusSchema,
  failing: z.array(z.object({ ruleId: ruleIdSchema, outcome: z.enum(['fail', 'indeterminate']), reason: messagesSchema, earliestPassDate: z.string().nullable() })),
});
export const screeningResponseSchema = z.object({
  direction: directionSchema, // dispatch for an official, hire for a post
  personId: z.number().int().nullable(),
  unitId: z.number().int(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  counts: z.object({ total: z.number().int(), open: z.number().int(), barred: z.number().int(), needsReview: z.number().int() }),
  items: z.array(screeningItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type ScreeningResponse = z.infer<typeof screeningResponseSchema>;
