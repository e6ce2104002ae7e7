// Consistency checks for published and computed statistics (issue 6 item 3). Pure: no I/O.
//
// A yearly stock/flow series (e.g. 資料8 派遣職員数の推移, ../shared/seeds/000_4d3b3c34f3ae3940.txt):
//   endOfYear(y) = stock(y − 1) + dispatched(y) − returned(y)
// where stock(y − 1) is the previous year's adjusted figure (［ ］, people who left the scope of the
// dispatch law while on dispatch, 注2) when present, else its end-of-year figure.
// 「職務に復帰しなかった者」 (（ ）, 注1) are included in `returned` (内数), so they never enter the equation;
// they must not exceed `returned`.
//
// Every failed check is a value naming the year (or the column) and the two numbers that disagree,
// with messages in Japanese and English. An empty list means the data is consistent.

import { calendarYearLabel, fiscalYearLabel } from '../../../../common/src/wareki.ts';

export interface YearFigures {
  year: number;
  /** 年度内の派遣職員数 / new in the year */
  dispatched: number;
  /** 年度内に派遣を終了した職員数 / ended in the year */
  returned: number;
  /** （ ） of which not resumed duty (内数 of returned) */
  notResumed?: number | null;
  /** 年度末現在派遣中の職員数 / on exchange at year end */
  endOfYear: number;
  /** ［ ］ end-of-year figure after scope changes */
  adjustedEndOfYear?: number | null;
}

export interface SeriesTotals {
  dispatched?: number | null;
  returned?: number | null;
  notResumed?: number | null;
}

export type ConsistencyCode =
  | 'stock_flow_mismatch'
  | 'total_mismatch'
  | 'year_not_consecutive'
  | 'not_resumed_exceeds_returned'
  | 'adjusted_exceeds_end'
  | 'negative_figure';

export interface ConsistencyIssue {
  code: ConsistencyCode;
  /** the year the issue is about; null for a totals row */
  year: number | null;
  /** the column (field) concerned, when there is one */
  column: string | null;
  expected: number;
  actual: number;
  messageJa: string;
  messageEn: string;
}

export interface SeriesOptions {
  /** 'fiscal' (年度, default) or 'calendar' (年): only changes the labels in messages */
  yearKind?: 'fiscal' | 'calendar';
  /** stock before the first year (0 when the series starts with the programme); unchecked when absent */
  openingStock?: number;
}

const columnJa: Record<string, string> = {
  dispatched: '派遣職員数',
  returned: '派遣終了職員数',
  notResumed: '職務に復帰しなかった者',
  endOfYear: '年度末派遣中職員数',
  adjustedEndOfYear: '調整後の年度末派遣中職員数',
};
const columnEn: Record<string, string> = {
  dispatched: 'dispatched',
  returned: 'returned',
  notResumed: 'not resumed',
  endOfYear: 'on dispatch at year end',
  adjustedEndOfYear: 'adjusted year-end figure',
};

const fmt = (n: number) => n.toLocaleString('en-US');

function labels(year: number, kind: 'fiscal' | 'calendar'): { ja: string; en: string } {
  try {
    return kind === 'fiscal'
      ? { ja: fiscalYearLabel(year, 'ja'), en: fiscalYearLabel(year, 'en') }
      : { ja: calendarYearLabel(year, 'ja'), en: calendarYearLabel(year, 'en') };
  } catch {
    return { ja: `${year}年`, en: String(year) };
  }
}

/** Check a yearly stock/flow series (rows in any order) and, when given, its totals row. */
export function checkSeries(rows: readonly YearFigures[], totals?: SeriesTotals | null, options: SeriesOptions = {}): ConsistencyIssue[] {
  const kind = options.yearKind ?? 'fiscal';
  const issues: ConsistencyIssue[] = [];
  const sorted = [...rows].sort((a, b) => a.year - b.year);

  for (const [i, row] of sorted.entries()) {
    const l = labels(row.year, kind);
    for (const col of ['dispatched', 'returned', 'notResumed', 'endOfYear', 'adjustedEndOfYear'] as const) {
      const v = row[col];
      if (v != null && (!Number.isInteger(v) || v < 0)) {
        issues.push({
          code: 'negative_figure', year: row.year, column: col, expected: 0, actual: v,
          messageJa: `${l.ja}の${columnJa[col]}（${v}）が0以上の整数ではありません。`,
          messageEn: `${l.en}: ${columnEn[col]} (${v}) is not a non-negative whole number.`,
        });
      }
    }
    if (row.notResumed != null && row.notResumed > row.returned) {
      issues.push({
        code: 'not_resumed_exceeds_returned', year: row.year, column: 'notResumed', expected: row.returned, actual: row.notResumed,
        messageJa: `${l.ja}の職務に復帰しなかった者（${fmt(row.notResumed)}）が派遣終了職員数（${fmt(row.returned)}）を超えています。`,
        messageEn: `${l.en}: not resumed (${fmt(row.notResumed)}) exceeds returned (${fmt(row.returned)}).`,
      });
    }
    if (row.adjustedEndOfYear != null && row.adjustedEndOfYear > row.endOfYear) {
      issues.push({
        code: 'adjusted_exceeds_end', year: row.year, column: 'adjustedEndOfYear', expected: row.endOfYear, actual: row.adjustedEndOfYear,
        messageJa: `${l.ja}の調整後の人数（${fmt(row.adjustedEndOfYear)}）が年度末の人数（${fmt(row.endOfYear)}）を超えています。`,
        messageEn: `${l.en}: the adjusted figure (${fmt(row.adjustedEndOfYear)}) exceeds the year-end figure (${fmt(row.endOfYear)}).`,
      });
    }

    const prev = i > 0 ? sorted[i - 1]! : null;
    let opening: number | null = null;
    let openingJa = '';
    let openingEn = '';
    if (prev) {
      if (prev.year !== row.year - 1) {
        issues.push({
          code: 'year_not_consecutive', year: row.year, column: null, expected: prev.year + 1, actual: row.year,
          messageJa: `${labels(prev.year, kind).ja}の次が${l.ja}です（${labels(prev.year + 1, kind).ja}がないか重複しています）。`,
          messageEn: `${labels(prev.year, kind).en} is followed by ${l.en} (${labels(prev.year + 1, kind).en} is missing or duplicated).`,
        });
        continue;
      }
      const adjusted = prev.adjustedEndOfYear != null;
      opening = adjusted ? prev.adjustedEndOfYear! : prev.endOfYear;
      const pl = labels(prev.year, kind);
      openingJa = `${pl.ja}末${adjusted ? '［調整後］' : ''}${fmt(opening)}`;
      openingEn = `end of ${pl.en}${adjusted ? ' [adjusted]' : ''} ${fmt(opening)}`;
    } else if (options.openingStock != null) {
      opening = options.openingStock;
      openingJa = `期首${fmt(opening)}`;
      openingEn = `opening ${fmt(opening)}`;
    }
    if (opening === null) continue;
    const expected = opening + row.dispatched - row.returned;
    if (expected !== row.endOfYear) {
      issues.push({
        code: 'stock_flow_mismatch', year: row.year, column: 'endOfYear', expected, actual: row.endOfYear,
        messageJa: `${l.ja}末の人数が合いません：${openingJa} ＋ 派遣${fmt(row.dispatched)} − 終了${fmt(row.returned)} ＝ ${fmt(expected)} ですが、${fmt(row.endOfYear)} と記載されています。`,
        messageEn: `End of ${l.en} does not add up: ${openingEn} + dispatched ${fmt(row.dispatched)} − returned ${fmt(row.returned)} = ${fmt(expected)}, but ${fmt(row.endOfYear)} is given.`,
      });
    }
  }

  if (totals) {
    for (const col of ['dispatched', 'returned', 'notResumed'] as const) {
      const actual = totals[col];
      if (actual == null) continue;
      const expected = sorted.reduce((s, r) => s + (r[col] ?? 0), 0);
      if (expected !== actual) {
        issues.push({
          code: 'total_mismatch', year: null, column: col, expected, actual,
          messageJa: `計の${columnJa[col]}（${fmt(actual)}）が各年の合計（${fmt(expected)}）と一致しません。`,
          messageEn: `The total for ${columnEn[col]} (${fmt(actual)}) differs from the sum of the years (${fmt(expected)}).`,
        });
      }
    }
  }
  return issues;
}

export interface TableRow {
  label: string;
  values: Record<string, number | null | undefined>;
}

export interface TableInput {
  columns: readonly string[];
  rows: readonly TableRow[];
  /** the 計 / 合計 row */
  total: Record<string, number | null | undefined>;
  /** optional row-wise totals, e.g. { column: 'total', of: ['hire', 'dispatch'] } */
  rowTotals?: readonly { column: string; of: readonly string[] }[];
}

export type TableIssueCode = 'column_total_mismatch' | 'row_total_mismatch';

export interface TableIssue {
  code: TableIssueCode;
  /** the row label for a row-total issue; null for the total row */
  row: string | null;
  column: string;
  expected: number;
  actual: number;
  messageJa: string;
  messageEn: string;
}

/** Sum of rows = total row, per column (blank cells count as 0); and optional row totals. */
export function checkTable(table: TableInput): TableIssue[] {
  const issues: TableIssue[] = [];
  const allRows: TableRow[] = [...table.rows, { label: '計', values: table.total }];
  for (const rt of table.rowTotals ?? []) {
    for (const row of allRows) {
      const actual = row.values[rt.column];
      if (actual == null) continue;
      const expected = rt.of.reduce((s, c) => s + (row.values[c] ?? 0), 0);
      if (expected !== actual) {
        issues.push({
          code: 'row_total_mismatch', row: row.label, column: rt.column, expected, actual,
          messageJa: `「${row.label}」の${rt.column}（${fmt(actual)}）が${rt.of.join('＋')}（${fmt(expected)}）と一致しません。`,
          messageEn: `Row "${row.label}": ${rt.column} (${fmt(actual)}) differs from ${rt.of.join(' + ')} (${fmt(expected)}).`,
        });
      }
    }
  }
  for (const col of table.columns) {
    const actual = table.total[col];
    if (actual == null) continue;
    const expected = table.rows.reduce((s, r) => s + (r.values[col] ?? 0), 0);
    if (expected !== actual) {
      issues.push({
        code: 'column_total_mismatch', row: null, column: col, expected, actual,
        messageJa: `列「${col}」の計（${fmt(actual)}）が各行の合計（${fmt(expected)}）と一致しません。`,
        messageEn: `Column "${col}": the total (${fmt(actual)}) differs from the sum of the rows (${fmt(expected)}).`,
      });
    }
  }
  return issues;
}
