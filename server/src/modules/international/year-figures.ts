// Year figures of dispatch under 派遣法, computed from the registry's records (issue 8 item 3).
// Pure: no I/O. The shape is that of 資料8 派遣職員数の推移 (seed 000_4d3b3c34f3ae3940.txt lines 29–93)
// and of 図8-2 / 図8-3 (by organisation, by region at the year end, lines 17–26), so the series can be
// checked with statistics/consistency.ts checkSeries and continue the published history.
//
// Per fiscal year (年度, April–March):
//   dispatched  年度内の派遣職員数       dispatches that started in the year
//   returned    年度内に派遣を終了した職員数 dispatches whose actual end falls in the year
//   notResumed  （ ）内数                of those, outcome with resumed=false (parameter dispatch.outcome_kinds)
//   endOfYear   年度末現在派遣中の職員数   started by 31 March and not ended by then
// An actual end on 31 March counts as returned in that year and not at its end. A dispatch still
// active after its planned end (the end not yet recorded) counts as on dispatch.
// Only activated dispatches count (status active or ended); drafts and cancelled ones never do.
// Each dispatch is one person-dispatch, as in 資料8 (a person dispatched twice counts twice).
// 注2 (［ ］, leaving the scope of the law while on dispatch) is not derived from records.

import { fiscalYearEnd, fiscalYearOf, type IsoDate } from '../criteria/dates.ts';
import { checkSeries, type ConsistencyIssue, type YearFigures } from '../statistics/consistency.ts';
import type { Consultation, Dispatch } from '../../../../common/src/schemas/international.schema.ts';
import { consultationsPerFiscalYear } from './dispatch-rules.ts';
import { hostTypesAsOf, outcomeKindsAsOf, type InternationalContext } from './international.parameters.ts';

export interface DispatchYearRow extends YearFigures {
  notResumed: number;
  /** on dispatch at the year end, by host type (every known type present, 0 when none) */
  byHostType: Record<string, number>;
  /** on dispatch at the year end, by world region (every known region present) */
  byRegion: Record<string, number>;
  /** on dispatch at the year end, by organisation code ('' = not in the organisations list) */
  byOrganisation: Record<string, number>;
}

export interface DispatchSeries {
  /** on dispatch at the end of the year before `fromFy` */
  openingStock: number;
  rows: DispatchYearRow[];
}

export const countsInFigures = (d: Dispatch) => d.status === 'active' || d.status === 'ended';

const onDispatchAt = (d: Dispatch, day: IsoDate) => d.start <= day && (d.actualEnd == null || d.actualEnd > day);

/** The series for fiscal years fromFy..toFy (defaults: the first and last year with a record). */
export function dispatchYearFigures(
  dispatches: readonly Dispatch[], ctx: InternationalContext, range: { fromFy?: number; toFy?: number } = {},
): DispatchSeries {
  const counted = dispatches.filter(countsInFigures);
  const years = counted.flatMap((d) => [fiscalYearOf(d.start), ...(d.actualEnd ? [fiscalYearOf(d.actualEnd)] : [])]);
  if (!years.length && (range.fromFy == null || range.toFy == null)) return { openingStock: 0, rows: [] };
  const fromFy = range.fromFy ?? Math.min(...years);
  const toFy = range.toFy ?? Math.max(...years);
  const openingStock = counted.filter((d) => onDispatchAt(d, fiscalYearEnd(fromFy - 1))).length;

  const notResumedCache = new Map<string, boolean>();
  const notResumed = (d: Dispatch): boolean => {
    const key = `${d.actualEnd}|${d.outcome}`;
    let v = notResumedCache.get(key);
    if (v === undefined) {
      v = d.outcome != null && outcomeKindsAsOf(ctx, d.actualEnd!).some((k) => k.code === d.outcome && !k.resumed);
      notResumedCache.set(key, v);
    }
    return v;
  };

  const rows: DispatchYearRow[] = [];
  for (let fy = fromFy; fy <= toFy; fy++) {
    const end = fiscalYearEnd(fy);
    const byHostType = Object.fromEntries(hostTypesAsOf(ctx, end).map((t) => [t.code, 0]));
    const byRegion = Object.fromEntries(ctx.regions.map((r) => [r.code, 0]));
    const byOrganisation: Record<string, number> = {};
    let dispatched = 0;
    let returned = 0;
    let nr = 0;
    let endOfYear = 0;
    for (const d of counted) {
      if (fiscalYearOf(d.start) === fy) dispatched++;
      if (d.actualEnd != null && fiscalYearOf(d.actualEnd) === fy) {
        returned++;
        if (notResumed(d)) nr++;
      }
      if (onDispatchAt(d, end)) {
        endOfYear++;
        byHostType[d.hostType] = (byHostType[d.hostType] ?? 0) + 1;
        byRegion[d.region] = (byRegion[d.region] ?? 0) + 1;
        const org = d.organisationCode ?? '';
        byOrganisation[org] = (byOrganisation[org] ?? 0) + 1;
      }
    }
    rows.push({ year: fy, dispatched, returned, notResumed: nr, endOfYear, byHostType, byRegion, byOrganisation });
  }
  return { openingStock, rows };
}

/** checkSeries on the computed series (continuity from the opening stock) plus the breakdown totals. */
export function checkDispatchSeries(series: DispatchSeries): ConsistencyIssue[] {
  const issues = checkSeries(series.rows, null, { openingStock: series.openingStock });
  for (const r of series.rows) {
    for (const [column, breakdown] of [['byHostType', r.byHostType], ['byRegion', r.byRegion], ['byOrganisation', r.byOrganisation]] as const) {
      const sum = Object.values(breakdown).reduce((s, n) => s + n, 0);
      if (sum !== r.endOfYear)
        issues.push({
          code: 'total_mismatch', year: r.year, column, expected: r.endOfYear, actual: sum,
          messageJa: `${r.year}年度末の内訳（${column}）の合計（${sum}）が年度末派遣中職員数（${r.endOfYear}）と一致しません。`,
          messageEn: `FY${r.year}: the breakdown ${column} adds up to ${sum}, not the year-end figure ${r.endOfYear}.`,
        });
    }
  }
  return issues;
}

export interface ConsultationYear {
  fiscalYear: number;
  count: number;
  /** records: counted from the registry; published: the annual report's figure (years before records) */
  source: 'records' | 'published';
  citation?: string;
}

/**
 * 協議の件数 per fiscal year: from records where there are any for the year (or the year is at or
 * after `recordsFromFy`), else the published figure.
 */
export function consultationYears(
  consultations: readonly Consultation[],
  published: readonly { fiscalYear: number; count: number; source: string }[],
  recordsFromFy: number,
): ConsultationYear[] {
  const fromRecords = consultationsPerFiscalYear(consultations);
  const out = new Map<number, ConsultationYear>();
  for (const p of published) if (p.fiscalYear < recordsFromFy) out.set(p.fiscalYear, { fiscalYear: p.fiscalYear, count: p.count, source: 'published', citation: p.source });
  for (const [fy, count] of fromRecords) if (fy >= recordsFromFy) out.set(fy, { fiscalYear: fy, count, source: 'records' });
  return [...out.values()].sort((a, b) => a.fiscalYear - b.fiscalYear);
}

export interface SeriesRow extends YearFigures {
  source: 'published' | 'records';
}

/**
 * The published history (資料8 rows, e.g. statistics/published/international-dispatch.json) continued
 * by the records from `recordsFromFy` on. The seam is checked like any other year: the records'
 * stock at the end of the year before `recordsFromFy` (the dispatches entered retroactively) must
 * equal the last published year-end figure (its ［ ］ adjusted figure when given), else
 * stock_flow_mismatch names the first records year.
 */
export function continuePublishedSeries(
  published: readonly YearFigures[], computed: DispatchSeries, recordsFromFy: number,
): { rows: SeriesRow[]; issues: ConsistencyIssue[] } {
  const before: SeriesRow[] = published.filter((r) => r.year < recordsFromFy).map((r) => ({ ...r, source: 'published' as const }));
  const after: SeriesRow[] = computed.rows
    .filter((r) => r.year >= recordsFromFy)
    .map(({ year, dispatched, returned, notResumed, endOfYear }) => ({ year, dispatched, returned, notResumed, endOfYear, source: 'records' as const }));
  const rows = [...before, ...after].sort((a, b) => a.year - b.year);
  // computed rows are continuous by construction, so a wrong opening stock shows at the seam
  return { rows, issues: checkSeries(rows, null, {}) };
}
