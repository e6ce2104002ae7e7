// The annual report's input (AnnualReportData): a plain object, built by collectAnnualReportData()
// from the statistics sources, and rendered by renderAnnualReport() (annual-report.ts), which does
// no I/O. Tests build the object directly or from the shipped JSON (annualReportDataFromPublished).
//
// Periods — the report for year Y is laid out like the NPA's 年次報告書 chapter 8
// (../shared/seeds/000_4d3b3c34f3ae3940.txt, the FY2024 edition reporting FY2023 dispatch figures)
// together with the public-private material of the same edition (001_5d8d2d8d3392a202.txt):
//   - international dispatch (派遣法による派遣状況): fiscal year Y (年度, April Y – March Y+1), its
//     year-end figure and the change from fiscal year Y−1;
//   - consultations on dispatches over 5 years (人事院への協議): fiscal year Y+1, the year the report
//     is written in (the seed: 「令和6年度には2件の協議があった」 in the report on 令和5年度);
//   - international cooperation (seminars, fellowship, visits; seed 第2節): fiscal year Y+1 as well;
//   - public-private exchange (官民人事交流): calendar year Y+1 (年), ending 31 December Y+1, the last
//     year complete when that edition is written (the seed: 業種別の交流状況(令和6年), cumulative to
//     令和6年末).
//   So `koryu report annual --year 2023` reproduces the seed's figures: 138 / 142 (16) / 342 (−4),
//   2 consultations, the 2024 industry table 26 + 397 = 423, cumulative 829 / 3,971 (4,012).
// Every block carries where it came from (published table or case records).
//
// Sources (collectAnnualReportData): published figures from the database (published.service.ts:
// internationalSeries, seriesFigures('international.consultations'), publishedIndustryTable,
// cumulativeTotals — latest version of each figure), falling back to the shipped JSON when the
// database holds none; case records (records.service.ts: publicPrivateSeries for 図3, and
// publicPrivateBreakdown('industry') / cumulative where no published figure exists for the year).
// The dispatch registry (modules/international, internationalFromRecords) supplies the 資料8 years
// after the published series (up to Y) and 協議の件数 of FY Y+1 when no published figure exists.
// annualReportDataFromPublished builds the same object from the shipped JSON alone (tests, no DB).

import type { Executor } from '../../../db/client.ts';
import type { FigureSource } from '../../../../../common/src/schemas/statistics.schema.ts';
import { cumulativeTotals, internationalSeries, publishedIndustryTable, seriesFigures } from '../published.service.ts';
import { internationalFromRecords } from '../../international/international.service.ts';
import { cumulative as recordsCumulative, publicPrivateBreakdown, publicPrivateSeries } from '../records.service.ts';
import { FIRST_YEAR } from '../records.views.ts';
import { AppError } from '../../../platform/errors.ts';
import { todayInJapan } from '../../../platform/time.ts';
import { fiscalYearLabel, calendarYearLabel } from '../../../../../common/src/wareki.ts';
import internationalJson from '../published/international-dispatch.json' with { type: 'json' };
import industryJson from '../published/public-private-industry-2024.json' with { type: 'json' };
import figuresJson from '../published/published-figures.json' with { type: 'json' };

export type ReportLang = 'ja' | 'en';

/** Where a block of figures came from, printed under its table/chart (出典). */
export interface ReportSource {
  kind: 'published' | 'records';
  ja: string;
  en: string;
}

export interface InternationalYear {
  fiscalYear: number;
  /** 年度内の派遣職員数 */
  dispatched: number | null;
  /** 年度内に派遣を終了した職員数 */
  returned: number | null;
  /** （ ） 内数: did not resume duty (death, retirement) */
  notResumed: number | null;
  /** 年度末現在派遣中の職員数 */
  endOfYear: number | null;
  /** ［ ］ adjusted year-end figure */
  adjustedEndOfYear: number | null;
}

export interface IndustryRow {
  nameJa: string;
  nameEn: string;
  /** 交流採用 */
  hire: number | null;
  /** 交流派遣 */
  dispatch: number | null;
  total: number | null;
}

export interface PublicPrivateYear {
  year: number;
  /** new 交流派遣 in the calendar year */
  newDispatches: number | null;
  /** new 交流採用 in the calendar year */
  newHires: number | null;
  /** 交流派遣 on exchange at 31 December */
  dispatchesAtYearEnd: number | null;
  /** 交流採用 in post at 31 December */
  hiresAtYearEnd: number | null;
}

export interface CumulativeTotals {
  /** to the end of this calendar year */
  year: number;
  dispatchMinistries: number | null;
  dispatchPeople: number | null;
  hireMinistries: number | null;
  hirePeople: number | null;
  /** hires including those to the former Japan Post (旧日本郵政公社) */
  hirePeopleInclFormerJapanPost: number | null;
  source: ReportSource;
}

/** One published figure of the international cooperation programmes (published-figures.json). */
export interface CooperationFigure {
  /** international.seminars | international.fellowship | international.visits */
  series: string;
  /** hrManagementSeminar, seniorGovernmentSeminar, mansfield, jds, '' … */
  dimension: string;
  /** participants, countries, cumulativeParticipants, cumulativeCountries, fellows, cohort, visits, … */
  measure: string;
  value: number | null;
}

export const cooperationSeries = ['international.seminars', 'international.fellowship', 'international.visits'] as const;

export interface AnnualReportData {
  lang: ReportLang;
  /** the report year Y (see the header comment for the periods it covers) */
  year: number;
  /** the date printed on the report and in the PDF info (ISO YYYY-MM-DD); never the clock inside the renderer */
  generatedOn: string;
  international: {
    fiscalYear: number;
    current: InternationalYear;
    previous: InternationalYear | null;
    /** the series up to fiscal year Y, oldest first (資料8) */
    series: InternationalYear[];
    /** printed totals row (計) over the whole series, when the source has one */
    totals: { dispatched: number | null; returned: number | null; notResumed: number | null } | null;
    source: ReportSource;
  };
  /** 国際協力・国際交流 (seminars, fellowship, visits) in FY Y+1, published figures; null when none */
  cooperation: { fiscalYear: number; figures: CooperationFigure[]; source: ReportSource | null } | null;
  consultations: {
    fiscalYear: number;
    /** consultations with the NPA on dispatches or renewals beyond 5 years; null = unknown */
    count: number | null;
    source: ReportSource | null;
  };
  publicPrivate: {
    year: number;
    /** per calendar year, from case records; empty when there are no records */
    series: PublicPrivateYear[];
    seriesSource: ReportSource | null;
    /** 業種別の交流状況 for `year`, null when neither published nor computable */
    industry: { rows: IndustryRow[]; total: IndustryRow; source: ReportSource; noteJa: string | null; noteEn: string | null } | null;
    cumulative: CumulativeTotals | null;
  };
}

// ---------------------------------------------------------------- from the shipped JSON

const publishedSource = (ja: string, en: string): ReportSource => ({ kind: 'published', ja, en });

const internationalSource = publishedSource(
  '人事院 年次報告書（令和6年度）第8章 補足資料 資料8「派遣職員数の推移」',
  'NPA Annual Report (FY2024 edition), chapter 8 supplementary table 8 "Number of officials dispatched"',
);

type FigureRow = { series: string; periodKind: string; year: number; dimension: string; measure: string; value: number | null; publication: string };
type Publication = { code: string; titleJa: string; titleEn: string; publishedYear: number };

function latestFigure(series: string, year: number, measure: string, dimension = ''): { value: number | null; source: ReportSource } | null {
  const pubs = (figuresJson as { publications: Publication[] }).publications;
  const hits = (figuresJson as { figures: FigureRow[] }).figures
    .filter((f) => f.series === series && f.year === year && f.measure === measure && f.dimension === dimension)
    .map((f) => ({ f, pub: pubs.find((p) => p.code === f.publication) }))
    .sort((a, b) => (b.pub?.publishedYear ?? 0) - (a.pub?.publishedYear ?? 0));
  const top = hits[0];
  if (!top) return null;
  return { value: top.f.value, source: publishedSource(top.pub?.titleJa ?? top.f.publication, top.pub?.titleEn ?? top.f.publication) };
}

/** The international series as shipped (資料8). */
export function publishedInternationalSeries(): { rows: InternationalYear[]; totals: AnnualReportData['international']['totals'] } {
  const rows = internationalJson.rows.map((r) => ({
    fiscalYear: r.fiscalYear,
    dispatched: r.dispatched,
    returned: r.returned,
    notResumed: r.notResumed,
    endOfYear: r.endOfYear,
    adjustedEndOfYear: r.adjustedEndOfYear,
  }));
  const t = internationalJson.totals;
  return { rows, totals: t ? { dispatched: t.dispatched, returned: t.returned, notResumed: t.notResumed } : null };
}

/** The shipped industry table (業種別の交流状況(令和6年)) when `year` is its year. */
export function publishedIndustry(year: number): AnnualReportData['publicPrivate']['industry'] {
  if (industryJson.year !== year) return null;
  const row = (r: { industryJa: string; industryEn: string; hire: number | null; dispatch: number | null; total: number | null }): IndustryRow => ({
    nameJa: r.industryJa,
    nameEn: r.industryEn,
    hire: r.hire,
    dispatch: r.dispatch,
    total: r.total,
  });
  return {
    rows: industryJson.rows.map(row),
    total: row({ industryJa: '計', industryEn: 'Total', ...industryJson.totals }),
    source: publishedSource(
      '官民人事交流 パンフレット・リーフレット（令和7年）「業種別の交流状況(令和6年)」',
      'Public-private personnel exchange pamphlet (2025), "Exchanges by industry (2024)"',
    ),
    noteJa: 'サービス業は、「学術研究、専門・技術サービス業」、「生活関連サービス業、娯楽業」及び「サービス業（他に分類されないもの）」である（日本標準産業分類（平成25年10月改定））。',
    noteEn:
      'Services comprise JSIC (Oct. 2013 revision) major groups L (scientific research, professional and technical services), N (living-related and personal services, amusement) and R (services, n.e.c.).',
  };
}

export function publishedCumulative(year: number): CumulativeTotals | null {
  const f = (programme: string, measure: string) => latestFigure('publicPrivate.cumulative', year, measure, programme);
  const people = f('dispatch', 'people');
  if (!people) return null;
  return {
    year,
    dispatchMinistries: f('dispatch', 'ministries')?.value ?? null,
    dispatchPeople: people.value,
    hireMinistries: f('hire', 'ministries')?.value ?? null,
    hirePeople: f('hire', 'people')?.value ?? null,
    hirePeopleInclFormerJapanPost: f('hireInclFormerJapanPost', 'people')?.value ?? null,
    source: people.source,
  };
}

export function publishedCooperation(fiscalYear: number): AnnualReportData['cooperation'] {
  const figures = (figuresJson as { figures: FigureRow[] }).figures
    .filter((f) => (cooperationSeries as readonly string[]).includes(f.series) && f.year === fiscalYear)
    .map((f) => ({ series: f.series, dimension: f.dimension, measure: f.measure, value: f.value }));
  if (figures.length === 0) return null;
  const pub = latestFigure(figures[0]!.series, fiscalYear, figures[0]!.measure, figures[0]!.dimension);
  return { fiscalYear, figures: dedupe(figures), source: pub?.source ?? null };
}

/** One figure per series/dimension/measure (the same figure printed in two publications). */
function dedupe(figures: CooperationFigure[]): CooperationFigure[] {
  const seen = new Map<string, CooperationFigure>();
  for (const f of figures) {
    const k = `${f.series}|${f.dimension}|${f.measure}`;
    if (!seen.has(k)) seen.set(k, f);
  }
  return [...seen.values()];
}

export function publishedConsultations(fiscalYear: number): AnnualReportData['consultations'] {
  const c = latestFigure('international.consultations', fiscalYear, 'consultations');
  return { fiscalYear, count: c?.value ?? null, source: c?.source ?? null };
}

/** Messages for a year the report cannot be made for (CLI and API). */
export function noDataError(year: number): AppError {
  return new AppError('not_found', {
    messages: {
      ja: `${fiscalYearLabel(year, 'ja')}（${year}年度）の国際機関派遣の統計がないため、年次報告を作成できません。`,
      en: `There are no international dispatch figures for ${fiscalYearLabel(year, 'en')}, so no annual report can be made for ${year}.`,
    },
    details: { year },
  });
}

/** Assembles the report data from the international rows and the other blocks. Throws noDataError. */
export function assembleAnnualReportData(input: {
  year: number;
  lang: ReportLang;
  generatedOn: string;
  international: { rows: InternationalYear[]; totals: AnnualReportData['international']['totals']; source: ReportSource };
  consultations: AnnualReportData['consultations'];
  cooperation?: AnnualReportData['cooperation'];
  publicPrivate: AnnualReportData['publicPrivate'];
}): AnnualReportData {
  const { year } = input;
  const rows = [...input.international.rows].sort((a, b) => a.fiscalYear - b.fiscalYear);
  const current = rows.find((r) => r.fiscalYear === year);
  if (!current || current.dispatched === null || current.endOfYear === null) throw noDataError(year);
  const series = rows.filter((r) => r.fiscalYear <= year);
  const lastYear = rows[rows.length - 1]?.fiscalYear;
  return {
    lang: input.lang,
    year,
    generatedOn: input.generatedOn,
    international: {
      fiscalYear: year,
      current,
      previous: rows.find((r) => r.fiscalYear === year - 1) ?? null,
      series,
      // the printed 計 covers the whole published series: only meaningful when the report reaches its end
      totals: lastYear === year ? input.international.totals : null,
      source: input.international.source,
    },
    cooperation: input.cooperation ?? null,
    consultations: input.consultations,
    publicPrivate: input.publicPrivate,
  };
}

/** The report data from the shipped published JSON alone (no database). */
export function annualReportDataFromPublished(opts: { year: number; lang: ReportLang; generatedOn: string }): AnnualReportData {
  const ppYear = opts.year + 1;
  return assembleAnnualReportData({
    ...opts,
    international: { ...publishedInternationalSeries(), source: internationalSource },
    consultations: publishedConsultations(opts.year + 1),
    cooperation: publishedCooperation(opts.year + 1),
    publicPrivate: {
      year: ppYear,
      series: [],
      seriesSource: null,
      industry: publishedIndustry(ppYear),
      cumulative: publishedCumulative(ppYear),
    },
  });
}

const hasJapanese = (t: string) => /[\u3040-\u30ff\u3400-\u9fff]/.test(t);

/** A stored figure's source (出典) as printed: the publication's title and the table. */
function sourceOfFigure(s: FigureSource): ReportSource {
  const pub = (figuresJson as { publications: Publication[] }).publications.find((p) => p.code === s.publicationCode);
  const ja = `${pub?.titleJa ?? s.document}${s.table ? `「${s.table}」` : ''}`;
  const en = `${pub?.titleEn ?? s.document}${s.table && !hasJapanese(s.table) ? `, ${s.table}` : ''}`;
  return publishedSource(ja, hasJapanese(en) ? `${s.publicationCode} (${s.publishedYear})` : en);
}

const recordsSource: ReportSource = { kind: 'records', ja: 'koryu 交流事案記録', en: 'koryu exchange case records' };
const internationalRecordsSource: ReportSource = { kind: 'records', ja: 'koryu 国際機関等派遣の登録（派遣法）', en: 'koryu register of dispatches to international organisations (派遣法)' };

/**
 * Collects the report data for year Y from the database: the published figures (latest version of
 * each, published.service.ts; the shipped JSON when the database holds none) and the case records
 * (records.service.ts): the public-private yearly series, and the industry table and cumulative
 * totals where no published figure exists for that year. Throws noDataError without figures for Y.
 */
export async function collectAnnualReportData(
  db: Executor,
  opts: { year: number; lang: ReportLang; today?: string },
): Promise<AnnualReportData> {
  const { year, lang } = opts;
  const today = opts.today ?? todayInJapan();
  const ppYear = year + 1;

  // international: published (database), else the shipped JSON
  const stored = await internationalSeries(db);
  let international =
    stored.rows.length > 0
      ? {
          rows: stored.rows.map((r) => ({
            fiscalYear: r.fiscalYear,
            dispatched: r.dispatched,
            returned: r.returned,
            notResumed: r.notResumed,
            endOfYear: r.endOfYear,
            adjustedEndOfYear: r.adjustedEndOfYear,
          })),
          totals: stored.totals && stored.totals.toYear === stored.rows.at(-1)!.fiscalYear ? stored.totals : null,
          source: sourceOfFigure((stored.rows.find((r) => r.fiscalYear === year) ?? stored.rows.at(-1)!).source),
        }
      : { ...publishedInternationalSeries(), source: internationalSource };
  // years after the published series, up to Y: the dispatch registry's records (modules/international)
  const fromRecords = await internationalFromRecords(db);
  const lastPublished = Math.max(-Infinity, ...international.rows.map((r) => r.fiscalYear));
  const recordRows = fromRecords.series.rows
    .filter((r) => r.source === 'records' && r.fiscalYear > lastPublished && r.fiscalYear <= year)
    .map((r) => ({ fiscalYear: r.fiscalYear, dispatched: r.dispatched, returned: r.returned, notResumed: r.notResumed, endOfYear: r.endOfYear, adjustedEndOfYear: null }));
  if (recordRows.length)
    international = { rows: [...international.rows, ...recordRows], totals: null, source: recordRows.some((r) => r.fiscalYear === year) ? internationalRecordsSource : international.source };
  if (!international.rows.some((r) => r.fiscalYear === year)) throw noDataError(year);

  // consultations (人事院への協議) in FY Y+1: published figures
  const consultationItems = (await seriesFigures(db, 'international.consultations')).items.filter(
    (f) => f.year === year + 1 && f.measure === 'consultations' && f.dimension === '',
  );
  let consultations: AnnualReportData['consultations'] = consultationItems[0]
    ? { fiscalYear: year + 1, count: consultationItems[0].value, source: sourceOfFigure(consultationItems[0].source) }
    : publishedConsultations(year + 1);
  // not published for FY Y+1: counted from the registry's consultations when there are any
  if (consultations.count == null && fromRecords.consultations.has(year + 1))
    consultations = { fiscalYear: year + 1, count: fromRecords.consultations.get(year + 1)!, source: internationalRecordsSource };

  // international cooperation (seminars, fellowship, visits) in FY Y+1: published figures
  const coopItems = (await Promise.all(cooperationSeries.map((series) => seriesFigures(db, series)))).flatMap((r) => r.items).filter((f) => f.year === year + 1);
  const cooperation: AnnualReportData['cooperation'] = coopItems.length
    ? {
        fiscalYear: year + 1,
        figures: dedupe(coopItems.map((f) => ({ series: f.series, dimension: f.dimension, measure: f.measure, value: f.value }))),
        source: sourceOfFigure(coopItems[0]!.source),
      }
    : stored.rows.length > 0
      ? null
      : publishedCooperation(year + 1);

  // public-private: the yearly series from records (complete years only)
  const recordSeries = await publicPrivateSeries(db, { from: FIRST_YEAR, to: ppYear, asOf: today });
  const hasRecords = recordSeries.rows.some((r) => r.started > 0 || r.onExchange > 0);
  const series: PublicPrivateYear[] = hasRecords
    ? recordSeries.rows
        .filter((r) => !r.partial)
        .map((r) => ({
          year: r.year,
          newDispatches: r.dispatchStarted,
          newHires: r.hireStarted,
          dispatchesAtYearEnd: r.dispatchOnExchange,
          hiresAtYearEnd: r.hireOnExchange,
        }))
    : [];

  // industry table: published for that year, else from records
  let industry: AnnualReportData['publicPrivate']['industry'] = null;
  const publishedTable = await publishedIndustryTable(db, ppYear);
  if (publishedTable.rows.length > 0) {
    const shipped = publishedIndustry(ppYear);
    industry = {
      rows: publishedTable.rows.map((r) => ({ nameJa: r.industryJa, nameEn: r.industryEn, hire: r.hire, dispatch: r.dispatch, total: r.total })),
      total: { nameJa: '計', nameEn: 'Total', ...publishedTable.total },
      source: publishedTable.source ? sourceOfFigure(publishedTable.source) : (shipped?.source ?? internationalSource),
      noteJa: shipped?.noteJa ?? publishedTable.groupingNoteJa,
      noteEn: shipped?.noteEn ?? null,
    };
  } else if (hasRecords) {
    const b = await publicPrivateBreakdown(db, { dimension: 'industry', year: ppYear, window: 1 });
    if (b.totals.total > 0) {
      industry = {
        rows: b.rows.map((r) => ({ nameJa: r.labelJa, nameEn: r.labelEn, hire: r.hire, dispatch: r.dispatch, total: r.total })),
        total: { nameJa: '計', nameEn: 'Total', ...b.totals },
        source: { ...recordsSource, ja: `${recordsSource.ja}（${calendarYearLabel(ppYear, 'ja')}に開始された交流）`, en: `${recordsSource.en} (exchanges started in ${ppYear})` },
        noteJa: null,
        noteEn: null,
      };
    }
  } else {
    industry = publishedIndustry(ppYear);
  }

  // cumulative: published for that year, else from records
  let cumulativeTotalsOut: CumulativeTotals | null = null;
  const pubCum = await cumulativeTotals(db);
  if (pubCum.year === ppYear && pubCum.rows.length > 0) {
    const row = (p: string) => pubCum.rows.find((r) => r.programme === p);
    cumulativeTotalsOut = {
      year: ppYear,
      dispatchMinistries: row('dispatch')?.ministries ?? null,
      dispatchPeople: row('dispatch')?.people ?? null,
      hireMinistries: row('hire')?.ministries ?? null,
      hirePeople: row('hire')?.people ?? null,
      hirePeopleInclFormerJapanPost: row('hireInclFormerJapanPost')?.people ?? null,
      source: sourceOfFigure(pubCum.rows[0]!.source),
    };
  } else if (hasRecords) {
    const c = await recordsCumulative(db, ppYear);
    const row = (d: 'dispatch' | 'hire') => c.rows.find((r) => r.direction === d);
    cumulativeTotalsOut = {
      year: ppYear,
      dispatchMinistries: row('dispatch')?.ministries ?? null,
      dispatchPeople: row('dispatch')?.people ?? null,
      hireMinistries: row('hire')?.ministries ?? null,
      hirePeople: row('hire')?.people ?? null,
      hirePeopleInclFormerJapanPost: null,
      source: { ...recordsSource, ja: `${recordsSource.ja}（${c.fromYear}年以降）`, en: `${recordsSource.en} (since ${c.fromYear})` },
    };
  } else {
    cumulativeTotalsOut = publishedCumulative(ppYear);
  }

  return assembleAnnualReportData({
    year,
    lang,
    generatedOn: today,
    international,
    consultations,
    cooperation,
    publicPrivate: {
      year: ppYear,
      series,
      seriesSource: series.length ? recordsSource : null,
      industry,
      cumulative: cumulativeTotalsOut,
    },
  });
}

export const periodLabels = {
  fiscal: (y: number, lang: ReportLang) => (lang === 'ja' ? `${fiscalYearLabel(y, 'ja')}（${y}年度）` : fiscalYearLabel(y, 'en')),
  calendar: (y: number, lang: ReportLang) => (lang === 'ja' ? `${calendarYearLabel(y, 'ja')}（${y}年）` : String(y)),
};
