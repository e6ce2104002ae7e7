// Published figures (公表数値): pure rules, no I/O. A figure is identified by its key
// (series, period kind 年度/年, year, dimension, measure); each publication that printed it gives one
// version. The latest version is the one from the most recent publication (published year, then
// date, then the publication's id); earlier versions are its history (改訂履歴).
//
// Series codes (measures):
//   international.dispatch        年度, dimension ''   dispatched 派遣職員数, returned 派遣終了職員数,
//                                 notResumed （ ）職務に復帰しなかった者, endOfYear 年度末派遣中, adjustedEndOfYear ［ ］調整後
//   international.dispatch.total  年度 (last year of the range), dimension 'FY1970-FY2023'  計の行 (totals row)
//   international.byOrganisation  年度, dimension = organisation type  endOfYear (図8-2 派遣先機関別)
//   international.byRegion        年度, dimension = region             endOfYear (図8-3 派遣先地域別)
//   publicPrivate.industry        年, dimension = industry group | 'total'  hire 交流採用, dispatch 交流派遣, total 計
//   publicPrivate.cumulative      年 (year end), dimension dispatch | hire | hireInclFormerJapanPost  ministries 府省数, people 人数
//   international.seminars / .fellowship / .visits / .consultations / .cjkNetwork  年度, free dimensions and measures
import { checkSeries, checkTable, type YearFigures } from './consistency.ts';
import type { PeriodKind } from '../../../../common/src/schemas/statistics.schema.ts';

export interface FigureKey {
  series: string;
  periodKind: PeriodKind;
  year: number;
  dimension: string;
  measure: string;
}

export interface PublicationInput {
  code: string;
  titleJa: string;
  titleEn: string;
  publisher: string;
  edition: string | null;
  publishedYear: number;
  publishedOn: string | null;
  document: string;
  file: string | null;
  note: string | null;
}

export interface FigureInput extends FigureKey {
  /** null = not printed */
  value: number | null;
  publication: string;
  table: string | null;
  page: string | null;
  lines: string | null;
  text: string | null;
}

/** A stored version with what ordering needs. */
export interface FigureVersion extends FigureInput {
  id: number;
  publicationId: number;
  publishedYear: number;
  publishedOn: string | null;
  flaggedRevision: boolean;
}

export const keyOf = (k: FigureKey) => `${k.series}|${k.periodKind}|${k.year}|${k.dimension}|${k.measure}`;

/** Newer first: published year, then date (undated last), then publication id, then figure id. */
export function compareVersions(a: FigureVersion, b: FigureVersion): number {
  return (
    b.publishedYear - a.publishedYear ||
    (b.publishedOn ?? '').localeCompare(a.publishedOn ?? '') ||
    b.publicationId - a.publicationId ||
    b.id - a.id
  );
}

export interface LatestFigure<F extends FigureVersion = FigureVersion> {
  latest: F;
  versions: F[];
  /** an earlier publication printed a different value */
  revised: boolean;
}

/** Groups the versions by key; the latest first in each group. */
export function selectLatest<F extends FigureVersion>(versions: readonly F[]): Map<string, LatestFigure<F>> {
  const groups = new Map<string, F[]>();
  for (const v of versions) {
    const k = keyOf(v);
    const g = groups.get(k);
    if (g) g.push(v);
    else groups.set(k, [v]);
  }
  const out = new Map<string, LatestFigure<F>>();
  for (const [k, g] of groups) {
    g.sort(compareVersions);
    const latest = g[0]!;
    out.set(k, { latest, versions: g, revised: g.some((v) => v.value !== latest.value) });
  }
  return out;
}

// ---------------------------------------------------------------- consistency of merged series

export interface SeriesIssue {
  series: string;
  year: number | null;
  code: string;
  messageJa: string;
  messageEn: string;
}
export const issueId = (i: SeriesIssue) => `${i.series}|${i.year ?? ''}|${i.code}|${i.messageEn}`;

const DISPATCH = 'international.dispatch';
const DISPATCH_TOTAL = 'international.dispatch.total';
const dispatchMeasures = ['dispatched', 'returned', 'notResumed', 'endOfYear', 'adjustedEndOfYear'] as const;
/** The year the dispatch programme's series starts from zero (派遣法 series from 昭和45年度). */
export const DISPATCH_FIRST_YEAR = 1970;

/** The international series rows (per fiscal year) from the latest figures. */
export function dispatchRows(latest: readonly FigureInput[]): (YearFigures & { partial: boolean })[] {
  const byYear = new Map<number, Partial<Record<(typeof dispatchMeasures)[number], number | null>>>();
  for (const f of latest) {
    if (f.series !== DISPATCH || f.periodKind !== 'fiscal' || f.dimension !== '') continue;
    if (!(dispatchMeasures as readonly string[]).includes(f.measure)) continue;
    const r = byYear.get(f.year) ?? {};
    r[f.measure as (typeof dispatchMeasures)[number]] = f.value;
    byYear.set(f.year, r);
  }
  return [...byYear.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, r]) => ({
      year,
      dispatched: r.dispatched ?? 0,
      returned: r.returned ?? 0,
      notResumed: r.notResumed ?? null,
      endOfYear: r.endOfYear ?? 0,
      adjustedEndOfYear: r.adjustedEndOfYear ?? null,
      partial: r.dispatched == null || r.returned == null || r.endOfYear == null,
    }));
}

/** 'FY1970-FY2023' → [1970, 2023] */
export function parseRange(dimension: string): [number, number] | null {
  const m = /^(?:FY)?(\d{4})-(?:FY)?(\d{4})$/.exec(dimension);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** Every consistency issue of the latest figures (each series that has a rule). */
export function checkLatest(latest: readonly FigureInput[]): SeriesIssue[] {
  const issues: SeriesIssue[] = [];
  // 資料8: stock/flow per year; the totals row of each range.
  const rows = dispatchRows(latest);
  if (rows.length) {
    for (const r of rows.filter((x) => x.partial)) {
      issues.push({
        series: DISPATCH, year: r.year, code: 'incomplete_year',
        messageJa: `国際派遣の${r.year}年度の派遣・終了・年度末の数値がそろっていません。`,
        messageEn: `International dispatch FY${r.year}: dispatched, returned and year-end figures are not all given.`,
      });
    }
    const opening = rows[0]!.year === DISPATCH_FIRST_YEAR ? { openingStock: 0 } : {};
    for (const i of checkSeries(rows, null, { yearKind: 'fiscal', ...opening })) {
      issues.push({ series: DISPATCH, year: i.year, code: i.code, messageJa: i.messageJa, messageEn: i.messageEn });
    }
    const totals = new Map<string, Record<string, number | null>>();
    for (const f of latest) {
      if (f.series !== DISPATCH_TOTAL) continue;
      const t = totals.get(f.dimension) ?? {};
      t[f.measure] = f.value;
      totals.set(f.dimension, t);
    }
    for (const [dimension, t] of totals) {
      const range = parseRange(dimension);
      if (!range) continue;
      const inRange = rows.filter((r) => r.year >= range[0] && r.year <= range[1]);
      for (const i of checkSeries(inRange, { dispatched: t.dispatched ?? null, returned: t.returned ?? null, notResumed: t.notResumed ?? null }, { yearKind: 'fiscal' })) {
        if (i.code !== 'total_mismatch') continue;
        issues.push({
          series: DISPATCH_TOTAL, year: range[1], code: i.code,
          messageJa: `（${dimension}）${i.messageJa}`,
          messageEn: `(${dimension}) ${i.messageEn}`,
        });
      }
    }
  }
  // Tables with a 'total' row: the rows add up to it (and hire + dispatch = total where present).
  const tables = new Map<string, FigureInput[]>();
  for (const f of latest) {
    if (f.series === DISPATCH || f.series === DISPATCH_TOTAL) continue;
    const k = `${f.series}|${f.periodKind}|${f.year}`;
    const g = tables.get(k);
    if (g) g.push(f);
    else tables.set(k, [f]);
  }
  for (const [, figs] of tables) {
    const { series, periodKind, year } = figs[0]!;
    const label = periodKind === 'fiscal' ? { ja: `${year}年度`, en: `FY${year}` } : { ja: `${year}年`, en: String(year) };
    const columns = [...new Set(figs.map((f) => f.measure))];
    const byDim = new Map<string, Record<string, number | null>>();
    for (const f of figs) byDim.set(f.dimension, { ...byDim.get(f.dimension), [f.measure]: f.value });
    const total = byDim.get('total');
    const hasRowTotal = columns.includes('total') && columns.includes('hire') && columns.includes('dispatch');
    if (!total && !hasRowTotal) continue;
    const rowsT = [...byDim.entries()].filter(([d]) => d !== 'total').map(([d, v]) => ({ label: d, values: v }));
    const tableIssues = checkTable({
      columns: total ? columns : [],
      rows: rowsT,
      total: total ?? {},
      rowTotals: hasRowTotal ? [{ column: 'total', of: ['hire', 'dispatch'] }] : [],
    });
    for (const i of tableIssues) {
      issues.push({ series, year, code: i.code, messageJa: `${series} ${label.ja}: ${i.messageJa}`, messageEn: `${series} ${label.en}: ${i.messageEn}` });
    }
  }
  return issues;
}

// ---------------------------------------------------------------- import rows (CSV)

export interface RowError {
  row: number;
  column: string;
  messageJa: string;
  messageEn: string;
}

const seriesRe = /^[a-zA-Z][\w.]*$/;
const measureRe = /^[a-zA-Z]\w*$/;

/** A printed number: 1,234 / （546） / ［505］ / full-width digits; '' = not printed (null); — = 0. */
export function parseValue(raw: string): number | null | undefined {
  const s = raw
    .trim()
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[()（）［］[\]]/g, '')
    .replace(/[,，]/g, '');
  if (s === '') return null;
  if (/^[—―－\-–]$/.test(s)) return 0;
  if (!/^\d{1,9}$/.test(s)) return undefined;
  return Number(s);
}

/** A year: 2024 / 令和6 / 平成元 (via the caller's era parser). */
export function parseYear(raw: string, parseEra: (s: string) => number | null): number | undefined {
  const s = raw.trim().replace(/^FY/i, '');
  if (/^\d{4}$/.test(s)) return Number(s);
  return parseEra(s) ?? undefined;
}

/** Validates one import record (already mapped from CSV columns); returns the figure or errors. */
export function validateRecord(
  rec: Record<string, string>,
  row: number,
  parseEra: (s: string) => number | null,
): { figure: FigureInput | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const err = (column: string, ja: string, en: string) => errors.push({ row, column, messageJa: `${row}行目「${column}」: ${ja}`, messageEn: `Row ${row}, "${column}": ${en}` });
  const series = (rec.series ?? '').trim();
  if (!seriesRe.test(series) || series.length > 80) err('series', '系列コードが正しくありません。', 'not a valid series code.');
  const pk = (rec.period_kind ?? '').trim() || (series.startsWith('publicPrivate.') ? 'calendar' : 'fiscal');
  if (pk !== 'fiscal' && pk !== 'calendar') err('period_kind', 'fiscal（年度）または calendar（年）を指定してください。', 'must be fiscal or calendar.');
  const year = parseYear(rec.year ?? '', parseEra);
  if (year === undefined || year < 1900 || year > 2200) err('year', `年（${rec.year ?? ''}）が正しくありません。`, `year (${rec.year ?? ''}) is not valid.`);
  const measure = (rec.measure ?? '').trim();
  if (!measureRe.test(measure) || measure.length > 60) err('measure', '項目コードが正しくありません。', 'not a valid measure code.');
  const dimension = (rec.dimension ?? '').trim();
  if (dimension.length > 80 || /[\u0000-\u001f]/.test(dimension)) err('dimension', '区分が長すぎるか制御文字を含みます。', 'too long or contains control characters.');
  const value = parseValue(rec.value ?? '');
  if (value === undefined) err('value', `数値（${rec.value ?? ''}）が正しくありません。`, `value (${rec.value ?? ''}) is not a whole number.`);
  const publication = (rec.source ?? rec.publication ?? '').trim();
  if (!/^[a-z0-9][a-z0-9._-]{1,79}$/.test(publication)) err('source', '出典（公表資料コード）が必要です（英小文字・数字・.-_）。', 'a source (publication code: a-z 0-9 . - _) is required.');
  const opt = (k: string, max = 500) => {
    const v = (rec[k] ?? '').trim();
    if (v.length > max) err(k, '長すぎます。', 'too long.');
    return v === '' ? null : v;
  };
  const figure: FigureInput = {
    series,
    periodKind: pk as PeriodKind,
    year: year ?? 0,
    dimension,
    measure,
    value: value ?? null,
    publication,
    table: opt('table'),
    page: opt('page', 40),
    lines: opt('lines', 40),
    text: opt('text', 1000),
  };
  return { figure: errors.length ? null : figure, errors };
}

/** Publication metadata given on import rows (required for a publication not stored yet). */
export function publicationFromRecord(rec: Record<string, string>): PublicationInput | null {
  const code = (rec.source ?? rec.publication ?? '').trim();
  const titleJa = (rec.source_title_ja ?? '').trim();
  const document = (rec.source_document ?? '').trim() || titleJa;
  const year = Number((rec.source_published_year ?? '').trim());
  if (!code || !titleJa || !Number.isInteger(year) || year < 1900 || year > 2200) return null;
  const on = (rec.source_published_on ?? '').trim();
  return {
    code,
    titleJa,
    titleEn: (rec.source_title_en ?? '').trim() || titleJa,
    publisher: (rec.source_publisher ?? '').trim() || '人事院',
    edition: (rec.source_edition ?? '').trim() || null,
    publishedYear: year,
    publishedOn: /^\d{4}-\d{2}-\d{2}$/.test(on) ? on : null,
    document,
    file: null,
    note: null,
  };
}
