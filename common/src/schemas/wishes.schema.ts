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
export const wishSheetInputSchema = z.union([ministryDispatchWishSchema, ministryHireWishSchema, companySheetSchema]);

export type MinistryDispatchWish = z.infer<typeof ministryDispatchWishSchema>;
export type MinistryHireWish = z.infer<typeof ministryHireWishSchema>;
export type MinistryWish = z.infer<typeof ministryWishSchema>;
export type CompanySheet = z.infer<typeof companySheetSchema>;
export type WishSheetInput = z.infer<typeof wishSheetInputSchema>;
export type WishKind = WishSheetInput['kind'];

// A stored sheet carries its id (the scoring functions need nothing else from the row).
export type WithId<T> = T & { id: number };
