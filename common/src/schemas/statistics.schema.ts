// Statistics (統計) API schemas. One file for the statistics module; each part in its own block.
import { z } from 'zod';

// ================================================================ published figures (公表数値)
// Figures printed in publications (人事院 年次報告書 資料8, 官民人事交流 パンフレット, …), stored with
// their source; every published version is kept and the latest publication's figure is shown.
// These schemas are also the documented open-data JSON format (docs/statistics-open-data.md).

export const periodKindSchema = z.enum(['fiscal', 'calendar']); // 年度 | 年
export type PeriodKind = z.infer<typeof periodKindSchema>;

export const exportFormatSchema = z.enum(['json', 'csv', 'xlsx']);
export const exportQuerySchema = z.strictObject({ format: exportFormatSchema.default('json'), lang: z.enum(['ja', 'en']).default('ja') });

/** Where a figure was printed (出典). */
export const figureSourceSchema = z.object({
  publicationCode: z.string(),
  document: z.string(),
  table: z.string().nullable(),
  edition: z.string().nullable(),
  publishedYear: z.number().int(),
  page: z.string().nullable().optional(),
  lines: z.string().nullable().optional(),
});
export type FigureSource = z.infer<typeof figureSourceSchema>;

/** One row of the international dispatch series (資料8 派遣職員数の推移), per fiscal year (年度). */
export const internationalSeriesRowSchema = z.object({
  fiscalYear: z.number().int(),
  /** 和暦 label, e.g. 「昭和45年度」 */
  labelJa: z.string(),
  /** 年度内の派遣職員数 */
  dispatched: z.number().int().nullable(),
  /** 年度内に派遣を終了した職員数 */
  returned: z.number().int().nullable(),
  /** （ ） of which did not resume duty (内数); null = not printed */
  notResumed: z.number().int().nullable(),
  /** 年度末現在派遣中の職員数 */
  endOfYear: z.number().int().nullable(),
  /** ［ ］ adjusted year-end figure; null = not printed */
  adjustedEndOfYear: z.number().int().nullable(),
  source: figureSourceSchema,
  /** an earlier publication printed a different figure for this year (see the history endpoint) */
  revised: z.boolean(),
  /** a figure of the row was imported as an explicitly flagged revision (--revision) */
  flaggedRevision: z.boolean(),
});
export type InternationalSeriesRow = z.infer<typeof internationalSeriesRowSchema>;

export const internationalSeriesQuerySchema = z.strictObject({
  from: z.coerce.number().int().min(1900).max(2200).optional(),
  to: z.coerce.number().int().min(1900).max(2200).optional(),
  format: exportFormatSchema.default('json'),
  lang: z.enum(['ja', 'en']).default('ja'),
});

export const internationalSeriesSchema = z.object({
  periodKind: z.literal('fiscal'),
  unit: z.literal('persons'),
  rows: z.array(internationalSeriesRowSchema),
  /** the printed totals row (計) for a range of years, e.g. FY1970–FY2023: 8,857 / 8,472 / (546) */
  totals: z
    .object({ fromYear: z.number().int(), toYear: z.number().int(), dispatched: z.number().int().nullable(), returned: z.number().int().nullable(), notResumed: z.number().int().nullable(), source: figureSourceSchema })
    .nullable(),
});
export type InternationalSeries = z.infer<typeof internationalSeriesSchema>;

/** A breakdown table of one year (by organisation type / by region / …). */
export const breakdownRowSchema = z.object({ dimension: z.string(), value: z.number().int().nullable(), source: figureSourceSchema });
export const breakdownSchema = z.object({
  series: z.string(),
  periodKind: periodKindSchema,
  year: z.number().int().nullable(),
  measure: z.string(),
  years: z.array(z.number().int()),
  rows: z.array(breakdownRowSchema),
});
export type Breakdown = z.infer<typeof breakdownSchema>;
export const breakdownQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  format: exportFormatSchema.default('json'),
  lang: z.enum(['ja', 'en']).default('ja'),
});

/** The published industry table of the public-private exchange (業種別の交流状況), one calendar year. */
export const industryRowSchema = z.object({
  dimension: z.string(),
  industryJa: z.string(),
  industryEn: z.string(),
  /** JSIC major groups counted in the row (サービス業 = L + N + R) */
  jsicCodes: z.array(z.string()),
  /** 交流採用 */
  hire: z.number().int().nullable(),
  /** 交流派遣 */
  dispatch: z.number().int().nullable(),
  /** 計 */
  total: z.number().int().nullable(),
});
export const industryTableSchema = z.object({
  year: z.number().int(),
  periodKind: z.literal('calendar'),
  labelJa: z.string(),
  rows: z.array(industryRowSchema),
  total: z.object({ hire: z.number().int().nullable(), dispatch: z.number().int().nullable(), total: z.number().int().nullable() }),
  source: figureSourceSchema.nullable(),
  groupingNoteJa: z.string(),
});
export type IndustryTable = z.infer<typeof industryTableSchema>;
export const industryQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(1900).max(2200).default(2024),
  format: exportFormatSchema.default('json'),
  lang: z.enum(['ja', 'en']).default('ja'),
});

/** Cumulative public-private totals (これまでの交流状況), e.g. to the end of 2024. */
export const cumulativeSchema = z.object({
  year: z.number().int().nullable(),
  labelJa: z.string().nullable(),
  rows: z.array(
    z.object({
      /** dispatch 交流派遣 | hire 交流採用 | hireInclFormerJapanPost 旧日本郵政公社への交流採用を含む */
      programme: z.string(),
      ministries: z.number().int().nullable(),
      people: z.number().int().nullable(),
      source: figureSourceSchema,
    }),
  ),
});
export type Cumulative = z.infer<typeof cumulativeSchema>;

/** Any published figure, latest version (seminars, fellowship, visits, …). */
export const figureSchema = z.object({
  series: z.string(),
  periodKind: periodKindSchema,
  year: z.number().int(),
  dimension: z.string(),
  measure: z.string(),
  value: z.number().int().nullable(),
  source: figureSourceSchema,
  revised: z.boolean(),
});
export const figureListSchema = z.object({ items: z.array(figureSchema) });
export const figureListQuerySchema = z.strictObject({
  series: z.string().regex(/^[a-zA-Z][\w.]*$/).max(80),
  format: exportFormatSchema.default('json'),
  lang: z.enum(['ja', 'en']).default('ja'),
});

/** Every published version of one figure, newest publication first. */
export const figureHistoryQuerySchema = z.strictObject({
  series: z.string().regex(/^[a-zA-Z][\w.]*$/).max(80),
  year: z.coerce.number().int().min(1900).max(2200),
  measure: z.string().regex(/^[a-zA-Z]\w*$/).max(60),
  dimension: z.string().max(80).default(''),
  periodKind: periodKindSchema.optional(),
});
export const figureVersionSchema = z.object({
  value: z.number().int().nullable(),
  latest: z.boolean(),
  flaggedRevision: z.boolean(),
  importedAt: z.string(),
  source: figureSourceSchema.extend({ titleJa: z.string(), titleEn: z.string(), publisher: z.string(), text: z.string().nullable() }),
});
export const figureHistorySchema = z.object({
  series: z.string(),
  periodKind: periodKindSchema,
  year: z.number().int(),
  dimension: z.string(),
  measure: z.string(),
  versions: z.array(figureVersionSchema),
});
export type FigureHistory = z.infer<typeof figureHistorySchema>;

/** Result of an import (koryu stats import / the NPA upload). */
export const statsImportResultSchema = z.object({
  rows: z.number().int(),
  inserted: z.number().int(),
  unchanged: z.number().int(),
  publications: z.array(z.string()),
  flaggedRevision: z.boolean(),
  issues: z.array(z.object({ series: z.string(), year: z.number().int().nullable(), messageJa: z.string(), messageEn: z.string() })),
});
export type StatsImportResult = z.infer<typeof statsImportResultSchema>;
// ================================================================ end of published figures

// ================================================================ public-private statistics from records (記録に基づく官民人事交流の実施状況)
// Computed from exchange case records (server/src/modules/statistics/records.*.ts): calendar years (暦年);
// an exchange counts from its actual start (states active, extended, returned, ended_early).
// Counts are not suppressed (NPA only; the NPA prints counts as small as 2 in its tables).

export const publicPrivateDimensionSchema = z.enum(['industry', 'gender', 'term', 'age', 'ministry', 'level', 'direction']);
export const publicPrivateDirectionSchema = z.enum(['dispatch', 'hire']); // 交流派遣 | 交流採用
const ppYear = z.coerce.number().int().min(2000).max(2100);
/** format absent: the page's view (not audited); present: an export (audited). */
const ppFormat = { format: exportFormatSchema.optional(), lang: z.enum(['ja', 'en']).default('ja') };

export const publicPrivateSeriesQuerySchema = z
  .strictObject({ from: ppYear.optional(), to: ppYear.optional(), ...ppFormat })
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'from must not be after to', path: ['from'] });

export const publicPrivateSeriesRowSchema = z.object({
  year: z.number().int(),
  /** 和暦, e.g. 「令和6年」 */
  labelJa: z.string(),
  labelEn: z.string(),
  /** 新規交流派遣 (started in the year) */
  dispatchStarted: z.number().int(),
  /** 新規交流採用 */
  hireStarted: z.number().int(),
  started: z.number().int(),
  dispatchEnded: z.number().int(),
  hireEnded: z.number().int(),
  ended: z.number().int(),
  /** 年末現在交流中 (on exchange on 31 December) */
  dispatchOnExchange: z.number().int(),
  hireOnExchange: z.number().int(),
  onExchange: z.number().int(),
  /** the year is not over: "year end" is the as-of date */
  partial: z.boolean(),
});
export const publicPrivateSeriesSchema = z.object({
  periodKind: z.literal('calendar'),
  from: z.number().int(),
  to: z.number().int(),
  asOf: z.string(),
  rows: z.array(publicPrivateSeriesRowSchema),
});
export type PublicPrivateSeries = z.infer<typeof publicPrivateSeriesSchema>;

export const publicPrivateBreakdownQuerySchema = z.strictObject({
  dimension: publicPrivateDimensionSchema,
  year: ppYear,
  window: z.coerce.number().int().pipe(z.union([z.literal(1), z.literal(3)])).default(1),
  direction: publicPrivateDirectionSchema.optional(),
  ...ppFormat,
});
const ppCounts = z.object({ dispatch: z.number().int(), hire: z.number().int(), total: z.number().int() });
export const publicPrivateBreakdownSchema = z.object({
  dimension: publicPrivateDimensionSchema,
  fromYear: z.number().int(),
  toYear: z.number().int(),
  window: z.union([z.literal(1), z.literal(3)]),
  direction: publicPrivateDirectionSchema.nullable(),
  /** 「令和4年～6年」 */
  labelJa: z.string(),
  labelEn: z.string(),
  rows: z.array(ppCounts.extend({ key: z.string(), labelJa: z.string(), labelEn: z.string() })),
  totals: ppCounts,
});
export type PublicPrivateBreakdown = z.infer<typeof publicPrivateBreakdownSchema>;

export const publicPrivateCumulativeQuerySchema = z.strictObject({ year: ppYear, ...ppFormat });
export const publicPrivateCumulativeSchema = z.object({
  year: z.number().int(),
  labelJa: z.string(),
  labelEn: z.string(),
  fromYear: z.number().int(),
  /** people: exchanges started (延べ人数); ministries: distinct 府省等 */
  rows: z.array(z.object({ direction: publicPrivateDirectionSchema, people: z.number().int(), ministries: z.number().int() })),
});
export type PublicPrivateCumulative = z.infer<typeof publicPrivateCumulativeSchema>;

const ppNullableCounts = z.object({ dispatch: z.number().int().nullable(), hire: z.number().int().nullable(), total: z.number().int().nullable() });
const ppComparisonRow = z.object({
  industryJa: z.string(),
  industryEn: z.string(),
  records: ppCounts,
  published: ppNullableCounts.nullable(),
  /** records − published */
  difference: ppNullableCounts.nullable(),
});
export const publicPrivateComparisonQuerySchema = z.strictObject({ ...ppFormat });
export const publicPrivateComparisonSchema = z.object({
  year: z.number().int(),
  labelJa: z.string(),
  labelEn: z.string(),
  publication: z.string(),
  rows: z.array(ppComparisonRow),
  totals: ppComparisonRow,
});
export type PublicPrivateComparison = z.infer<typeof publicPrivateComparisonSchema>;

/** Everything the statistics page shows, in one response (the page's data; benchmarked). */
export const publicPrivateOverviewQuerySchema = z.strictObject({
  from: ppYear.optional(),
  to: ppYear.optional(),
  year: ppYear.optional(),
  window: z.coerce.number().int().pipe(z.union([z.literal(1), z.literal(3)])).default(3),
  direction: publicPrivateDirectionSchema.optional(),
});
export const publicPrivateOverviewSchema = z.object({
  series: publicPrivateSeriesSchema,
  breakdowns: z.array(publicPrivateBreakdownSchema),
  cumulative: publicPrivateCumulativeSchema,
  comparison: publicPrivateComparisonSchema.nullable(),
});
export type PublicPrivateOverview = z.infer<typeof publicPrivateOverviewSchema>;
// ================================================================ end of public-private statistics from records
