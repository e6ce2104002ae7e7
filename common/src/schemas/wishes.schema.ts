// Wish sheets (交流希望シート): what a ministry wants when dispatching officials (交流派遣希望) or
// hiring from companies (交流採用希望), and what a company offers or wants (民間企業等の交流希望情報).
// Seed 001_5d8d2d8d3392a202.txt: 「交流希望情報の受付・提供」 (lines 1005-1038), the hearings of 別添1
// (ministries "don't know what companies want", companies want "a list of officials who could come").
// The shared vocabularies (fields of work, age bands, position levels) are data, with ja/en labels.
import { z } from 'zod';
import { isoDate } from './common.schema.ts';

// 日本標準産業分類 (JSIC) major groups A–T; server/src/db/reference/industries.json holds the names.
export const JSIC_MAJOR_GROUPS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S', 'T'] as const;
export const industryCodeSchema = z.enum(JSIC_MAJOR_GROUPS, { message: 'industry.unknown' });
export type IndustryCode = z.infer<typeof industryCodeSchema>;

type Label = { readonly ja: string; readonly en: string };

// 業務分野: a small controlled list of fields of work, so both sides can be compared.
export const FIELDS_OF_WORK = [
  { code: 'digital', ja: 'デジタル・DX', en: 'Digital transformation and IT' },
  { code: 'data', ja: 'データ分析', en: 'Data analysis' },
  { code: 'finance', ja: '財務・会計', en: 'Finance and accounting' },
  { code: 'legal', ja: '法務・コンプライアンス', en: 'Legal and compliance' },
  { code: 'hr', ja: '人事・組織', en: 'Human resources and organisation' },
  { code: 'planning', ja: '経営企画・新規事業', en: 'Corporate planning and new business' },
  { code: 'marketing', ja: 'マーケティング・広報', en: 'Marketing and public relations' },
  { code: 'research', ja: '研究開発', en: 'Research and development' },
  { code: 'manufacturing', ja: '製造・品質管理', en: 'Manufacturing and quality' },
  { code: 'energy', ja: 'エネルギー・環境', en: 'Energy and environment' },
  { code: 'infrastructure', ja: 'インフラ・まちづくり', en: 'Infrastructure and urban development' },
  { code: 'logistics', ja: '物流・交通', en: 'Logistics and transport' },
  { code: 'healthcare', ja: '医療・福祉', en: 'Healthcare and welfare' },
  { code: 'international', ja: '国際・海外事業', en: 'International business' },
  { code: 'risk', ja: 'リスク管理・危機管理', en: 'Risk and crisis management' },
  { code: 'policy', ja: '政策立案・行政実務', en: 'Policy making and public administration' },
] as const satisfies readonly (Label & { code: string })[];
export type FieldOfWork = (typeof FIELDS_OF_WORK)[number]['code'];
export const fieldOfWorkSchema = z.enum(FIELDS_OF_WORK.map((f) => f.code) as [FieldOfWork, ...FieldOfWork[]], {
  message: 'field_of_work.unknown',
});

// 年齢層: ordered, so "one band apart" has a meaning.
export const AGE_BANDS = [
  { code: '20s', ja: '20歳代', en: '20s' },
  { code: '30s', ja: '30歳代', en: '30s' },
  { code: '40s', ja: '40歳代', en: '40s' },
  { code: '50s_plus', ja: '50歳以上', en: '50 and over' },
] as const satisfies readonly (Label & { code: string })[];
export type AgeBand = (typeof AGE_BANDS)[number]['code'];
export const ageBandSchema = z.enum(AGE_BANDS.map((a) => a.code) as [AgeBand, ...AgeBand[]], { message: 'age_band.unknown' });

// 職位: ordered from junior to senior (係員 … 部長級), matched to corporate ranks by level, not title.
export const POSITION_LEVELS = [
  { code: 'staff', ja: '係員級', en: 'Staff' },
  { code: 'chief', ja: '係長級', en: 'Section chief' },
  { code: 'deputy_director', ja: '課長補佐級', en: 'Deputy director' },
  { code: 'director', ja: '室長・課長級', en: 'Director' },
  { code: 'executive', ja: '部長級以上', en: 'Director-general and above' },
] as const satisfies readonly (Label & { code: string })[];
export type PositionLevel = (typeof POSITION_LEVELS)[number]['code'];
export const positionLevelSchema = z.enum(POSITION_LEVELS.map((p) => p.code) as [PositionLevel, ...PositionLevel[]], {
  message: 'position_level.unknown',
});

export const wishStatusSchema = z.enum(['draft', 'published', 'closed']); // 下書き・公開中・終了
export type WishStatus = z.infer<typeof wishStatusSchema>;

export const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'year_month.format' });

// 交流期間 (months). The Act allows up to 3 years, extendable to 5 (criteria parameter duration.*).
export const periodMonthsSchema = z
  .strictObject({ min: z.number().int().min(1).max(60), max: z.number().int().min(1).max(60) })
  .refine((p) => p.min <= p.max, { message: 'period.range', path: ['max'] });
export type PeriodMonths = z.infer<typeof periodMonthsSchema>;

// 開始時期: the range of months in which the exchange could start.
export const startWindowSchema = z
  .strictObject({ from: yearMonth, to: yearMonth })
  .refine((w) => w.from <= w.to, { message: 'start_window.range', path: ['to'] });
export type StartWindow = z.infer<typeof startWindowSchema>;

const text = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1, { message: 'text.required' }).max(max);
const skills = z.array(required(100)).max(30); // free words (e.g. "Python", "M&A"), compared after NFKC

const common = {
  title: required(200),
  status: wishStatusSchema.default('draft'),
  expiresOn: isoDate.nullable().default(null), // 掲載期限: hidden from the listing after this day
  periodMonths: periodMonthsSchema,
  start: startWindowSchema,
  notes: text(4000).default(''),
};

// 交流派遣希望: a ministry wants its officials to experience these fields in a company.
export const ministryDispatchWishSchema = z.strictObject({
  kind: z.literal('ministry_dispatch'),
  organisationCode: required(64), // 府省等
  fields: z.array(fieldOfWorkSchema).min(1, { message: 'fields.required' }).max(10),
  industries: z.array(industryCodeSchema).max(20).default([]), // preferred industries; empty: any
  skills: skills.default([]), // what the officials should gain or bring (optional)
  ageBands: z.array(ageBandSchema).max(4).default([]),
  positionLevels: z.array(positionLevelSchema).max(5).default([]),
  headcount: z.number().int().min(1).max(100).default(1),
  ...common,
});

// 交流採用希望: a ministry wants to hire someone from a company for a post.
export const ministryHireWishSchema = z.strictObject({
  kind: z.literal('ministry_hire'),
  organisationCode: required(64),
  post: required(200), // 官職
  duties: required(4000), // 業務内容
  fields: z.array(fieldOfWorkSchema).min(1, { message: 'fields.required' }).max(10),
  industries: z.array(industryCodeSchema).max(20).default([]),
  skills: skills.default([]), // 求める知識・経験
  experience: text(2000).default(''),
  ageBands: z.array(ageBandSchema).max(4).default([]),
  positionLevels: z.array(positionLevelSchema).max(5).default([]),
  headcount: z.number().int().min(1).max(100).default(1),
  ...common,
});

// A place in the company that can host a dispatched official (受入れ可能な部署).
export const hostPlaceSchema = z.strictObject({
  place: required(200),
  fields: z.array(fieldOfWorkSchema).min(1, { message: 'fields.required' }).max(10),
  duties: text(2000).default(''),
  skills: skills.default([]), // what the official would learn or use there
  ageBands: z.array(ageBandSchema).max(4).default([]),
});
export type HostPlace = z.infer<typeof hostPlaceSchema>;

// A person (profile, not a name) the company would send to a ministry (交流採用の候補).
export const candidateProfileSchema = z.strictObject({
  fields: z.array(fieldOfWorkSchema).min(1, { message: 'fields.required' }).max(10),
  skills: skills.default([]),
  ageBand: ageBandSchema.nullable().default(null),
  positionLevel: positionLevelSchema.nullable().default(null),
});
export type CandidateProfile = z.infer<typeof candidateProfileSchema>;

// 民間企業等の交流希望: hosting places (for 交流派遣) and/or people to send (for 交流採用).
export const companySheetSchema = z
  .strictObject({
    kind: z.literal('company'),
    companyId: z.number().int().positive(),
    industryCode: industryCodeSchema.nullable().default(null),
    prefectureCode: z.string().regex(/^\d{2}$/, { message: 'prefecture.unknown' }).nullable().default(null),
    hosts: z.array(hostPlaceSchema).max(20).default([]),
    sends: z.array(candidateProfileSchema).max(20).default([]),
    wantedMinistries: z.array(required(64)).max(50).default([]), // 交流を希望する府省等 (empty: any)
    ...common,
  })
  .refine((s) => s.hosts.length + s.sends.length > 0, { message: 'company_sheet.empty', path: ['hosts'] });

export const ministryWishSchema = z.discriminatedUnion('kind', [ministryDispatchWishSchema, ministryHireWishSchema]);
// Discriminated on `kind`, so a bad sheet gets the messages of its own kind's fields (not one 'invalid_union').
export const wishSheetInputSchema = z.discriminatedUnion('kind', [ministryDispatchWishSchema, ministryHireWishSchema, companySheetSchema]);

export type MinistryDispatchWish = z.infer<typeof ministryDispatchWishSchema>;
export type MinistryHireWish = z.infer<typeof ministryHireWishSchema>;
export type MinistryWish = z.infer<typeof ministryWishSchema>;
export type CompanySheet = z.infer<typeof companySheetSchema>;
export type WishSheetInput = z.infer<typeof wishSheetInputSchema>;
export type WishKind = WishSheetInput['kind'];

// A stored sheet carries its id (the scoring functions need nothing else from the row).
export type WithId<T> = T & { id: number };

// ================================================================ API shapes (/api/wishes, /api/public/wishes)
// Route list and error codes: /work/brief/wishes-api.md (kept in step with server/src/modules/wishes/wishes.routes.ts).

const recordId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const labelSchema = z.object({ code: z.string(), ja: z.string(), en: z.string() });
export type CodeLabel = z.infer<typeof labelSchema>;

/** Stored direction: a company sheet that both hosts and sends is 'both'. */
export const wishDirectionSchema = z.enum(['dispatch', 'hire', 'both']); // 交流派遣・交流採用・両方
export type WishDirection = z.infer<typeof wishDirectionSchema>;
/** What the owner sees: a published sheet past its expiry date shows as 'expired' (掲載期限切れ). */
export const wishEffectiveStatusSchema = z.enum(['draft', 'published', 'expired', 'closed']);
export type WishEffectiveStatus = z.infer<typeof wishEffectiveStatusSchema>;
export const wishKindSchema = z.enum(['ministry_dispatch', 'ministry_hire', 'company']);
export const wishSortSchema = z.enum(['newest', 'start', 'expires']); // 新着順・開始時期順・掲載期限順
export type WishSort = z.infer<typeof wishSortSchema>;

/** The public reference in URLs: WS- and at least six digits. */
export const wishReferenceSchema = z.string().regex(/^WS-\d{6,12}$/, { message: 'wish.reference_format' });
export const wishReferenceParamsSchema = z.strictObject({ reference: wishReferenceSchema });
export const wishSheetParamsSchema = z.strictObject({ id: recordId });

// ---------------------------------------------------------------- public listing (no login)

/**
 * GET /api/public/wishes. Every given filter must hold.
 * q: words separated by spaces, each must occur (NFKC, case, kana folded; readings of known words).
 * direction: dispatch | hire (a company sheet that does both matches either).
 * side: who posted (ministry | company). industry: JSIC letter (a ministry sheet naming no
 * industry matches any). ministry: organisation code of the posting ministry. region: a prefecture
 * ('13', 'Osaka', '大阪府') or a region ('Kanto', '関東'); sheets without a prefecture (ministry
 * sheets) do not match a region. field: field of work. ageBand: the sheet names it or names no band.
 * period: a number of months inside the sheet's min..max. startMonth: YYYY-MM inside the start window.
 */
export const publicWishQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(),
  direction: z.enum(['dispatch', 'hire']).optional(),
  side: z.enum(['ministry', 'company']).optional(),
  industry: industryCodeSchema.optional(),
  ministry: z.string().trim().max(64).optional(),
  region: z.string().trim().max(40).optional(),
  field: fieldOfWorkSchema.optional(),
  ageBand: ageBandSchema.optional(),
  period: z.coerce.number().int().min(1, { message: 'period.range' }).max(60, { message: 'period.range' }).optional(),
  startMonth: yearMonth.optional(),
  sort: wishSortSchema.default('newest'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type PublicWishQuery = z.infer<typeof publicWishQuerySchema>;

/** Who posted: the ministry, or the company (name, industry, prefecture). Never a person. */
export const wishOwnerSchema = z.object({
  side: z.enum(['ministry', 'company']),
  organisationCode: z.string().nullable(), // ministry sheets
  companyId: z.number().int().nullable(), // company sheets
  nameJa: z.string(),
  nameEn: z.string(), // a company has no registered English name: the Japanese name again
});
export type WishOwner = z.infer<typeof wishOwnerSchema>;

export const publicWishItemSchema = z.object({
  reference: z.string(),
  kind: wishKindSchema,
  direction: wishDirectionSchema,
  title: z.string(),
  summary: z.string(), // the first ~160 characters of duties / places / notes
  owner: wishOwnerSchema,
  fieldCodes: z.array(fieldOfWorkSchema),
  ageBands: z.array(ageBandSchema),
  industries: z.array(labelSchema), // JSIC groups with names; empty on a ministry sheet: any
  prefecture: labelSchema.nullable(),
  periodMonths: z.object({ min: z.number().int(), max: z.number().int() }),
  start: z.object({ from: z.string(), to: z.string() }),
  expiresOn: z.string().nullable(),
  publishedAt: z.string(), // ISO instant
});
export type PublicWishItem = z.infer<typeof publicWishItemSchema>;
export const publicWishListSchema = z.object({
  items: z.array(publicWishItemSchema),
  total: z.number().int(), // exact up to 1,000 matches; then 1000 and totalCapped (show 「1,000件以上」)
  totalCapped: z.boolean(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type PublicWishList = z.infer<typeof publicWishListSchema>;

/** The whole sheet as entered (validated input; `status` is the stored one). */
export const wishContentSchema = wishSheetInputSchema;

export const publicWishDetailSchema = publicWishItemSchema.extend({
  content: wishContentSchema,
  wantedMinistries: z.array(labelSchema), // company sheets: 交流を希望する府省等 (empty: any)
  updatedAt: z.string(),
});
export type PublicWishDetail = z.infer<typeof publicWishDetailSchema>;

// ---------------------------------------------------------------- own sheets (login, wishes:write)

export const myWishQuerySchema = z.strictObject({
  status: wishEffectiveStatusSchema.optional(),
  kind: wishKindSchema.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type MyWishQuery = z.infer<typeof myWishQuerySchema>;

export const wishSheetSummarySchema = z.object({
  id: z.number().int(),
  reference: z.string(),
  kind: wishKindSchema,
  direction: wishDirectionSchema,
  status: wishStatusSchema, // stored status
  effectiveStatus: wishEffectiveStatusSchema, // 'expired' when published and past expiresOn
  title: z.string(),
  owner: wishOwnerSchema,
  version: z.number().int(),
  expiresOn: z.string().nullable(),
  publishedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type WishSheetSummary = z.infer<typeof wishSheetSummarySchema>;
export const wishSheetListSchema = z.object({
  items: z.array(wishSheetSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** What the actor may do next (the buttons to show); the server checks again. */
export const wishActionsSchema = z.object({ edit: z.boolean(), publish: z.boolean(), close: z.boolean(), reopen: z.boolean() });
export const wishSheetDetailSchema = wishSheetSummarySchema.extend({
  content: wishContentSchema,
  createdAt: z.string(),
  actions: wishActionsSchema,
});
export type WishSheetDetail = z.infer<typeof wishSheetDetailSchema>;

/** PUT body: the version last read (409 when stale) and the whole sheet. Kind side and owner stay. */
export const wishSheetUpdateSchema = z.strictObject({ version: z.number().int().min(1), sheet: wishSheetInputSchema });
export type WishSheetUpdate = z.infer<typeof wishSheetUpdateSchema>;
/** publish / close / reopen: the version last read, and an optional note kept in the history. */
export const wishTransitionSchema = z.strictObject({ version: z.number().int().min(1), note: z.string().trim().max(500).optional() });
export type WishTransition = z.infer<typeof wishTransitionSchema>;

export const wishVersionSchema = z.object({
  version: z.number().int(),
  status: wishStatusSchema,
  note: z.string().nullable(), // 'created' | 'updated' | 'published' | 'closed' | 'reopened' (+ ': ' + the note)
  changedAt: z.string(),
  changedByName: z.string().nullable(), // staff of the owning side (audited read)
  content: wishContentSchema,
});
export type WishVersion = z.infer<typeof wishVersionSchema>;
export const wishHistorySchema = z.object({ reference: z.string(), items: z.array(wishVersionSchema) });
export type WishHistory = z.infer<typeof wishHistorySchema>;

// ---------------------------------------------------------------- 官民人事交流に関心が高い企業の一覧

export const interestedCompanyQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional(), // company name (NFKC, kana folded)
  industry: industryCodeSchema.optional(),
  region: z.string().trim().max(40).optional(), // prefecture code or region English name
  direction: z.enum(['dispatch', 'hire']).optional(),
  field: fieldOfWorkSchema.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type InterestedCompanyQuery = z.infer<typeof interestedCompanyQuerySchema>;
export const interestedCompanyExportQuerySchema = interestedCompanyQuerySchema.omit({ page: true, pageSize: true });
export type InterestedCompanyExportQuery = z.infer<typeof interestedCompanyExportQuerySchema>;

export const interestedCompanyItemSchema = z.object({
  companyId: z.number().int(),
  companyName: z.string(),
  corporateNumber: z.string(),
  industry: labelSchema.nullable(),
  prefecture: labelSchema.nullable(),
  employees: z.number().nullable(),
  capitalYen: z.number().nullable(),
  size: z.enum(['large', 'medium', 'small']).nullable(), // as the company directory defines it
  sources: z.array(z.enum(['call_application', 'wish_sheet'])), // 公募に応募（受理）・交流希望シート掲載
  wantsDispatch: z.boolean(), // hosts officials (交流派遣)
  wantsHire: z.boolean(), // sends employees (交流採用)
  fieldCodes: z.array(fieldOfWorkSchema), // union over its published sheets
  wantedMinistries: z.array(labelSchema), // union over its published sheets (empty: any or not said)
  sheetReferences: z.array(z.string()), // its published sheets (public URLs)
  conditions: z.string(), // from the accepted application (条件), '' if none
  // Contact of the accepted application (personal data: every read is audited).
  contactName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  since: z.string(), // the earliest of acceptance and first publication (ISO instant)
});
export type InterestedCompanyItem = z.infer<typeof interestedCompanyItemSchema>;
export const interestedCompanyListSchema = z.object({
  items: z.array(interestedCompanyItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type InterestedCompanyList = z.infer<typeof interestedCompanyListSchema>;
