import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fiscalYearLabel, parseEraYear } from '../../../../../common/src/wareki.ts';
import { checkSeries, type YearFigures } from '../consistency.ts';

interface Row extends YearFigures {
  fiscalYear: number;
  eraLabel: string;
  source: { file: string; table: string; line: number; text: string };
}
const data = JSON.parse(readFileSync(join(import.meta.dirname, 'international-dispatch.json'), 'utf8')) as {
  rows: Row[];
  totals: { dispatched: number; returned: number; notResumed: number };
};
const series = (rows: Row[]): YearFigures[] => rows.map((r) => ({ ...r, year: r.fiscalYear }));

describe('published 資料8 派遣職員数の推移', () => {
  it('has the 54 fiscal years 1970–2023 with the seed totals 8,857 / 8,472 / (546)', () => {
    expect(data.rows.map((r) => r.fiscalYear)).toEqual(Array.from({ length: 54 }, (_, i) => 1970 + i));
    expect(data.totals).toMatchObject({ dispatched: 8857, returned: 8472, notResumed: 546 });
    expect(data.rows.filter((r) => r.adjustedEndOfYear != null).map((r) => [r.fiscalYear, r.adjustedEndOfYear])).toEqual([
      [2003, 505],
      [2005, 410],
      [2009, 402],
    ]);
    expect(data.rows.at(-1)).toMatchObject({ fiscalYear: 2023, dispatched: 138, returned: 142, notResumed: 16, endOfYear: 342 });
  });

  it('every row cites its seed line, which prints the row figures, and its 和暦 label matches', () => {
    for (const r of data.rows) {
      expect(r.source.table).toBe('資料8');
      const printed = [r.dispatched, r.returned, ...(r.notResumed != null ? [`（${r.notResumed}）`] : []), r.endOfYear].join(' ');
      expect(r.source.text).toContain(printed);
      expect(parseEraYear(r.eraLabel)).toBe(r.fiscalYear);
      expect(fiscalYearLabel(r.fiscalYear, 'ja')).toBe(`${r.eraLabel}年度`);
    }
  });

  it('passes the consistency checks (stock/flow from zero in FY1970, totals)', () => {
    expect(checkSeries(series(data.rows), data.totals, { openingStock: 0 })).toEqual([]);
  });

  it('a copy with one altered figure is refused, naming that year', () => {
    const altered = data.rows.map((r) => (r.fiscalYear === 2012 ? { ...r, dispatched: 143 } : r));
    const issues = checkSeries(series(altered), data.totals, { openingStock: 0 });
    expect(issues.map((i) => [i.code, i.year, i.column])).toEqual([
      ['stock_flow_mismatch', 2012, 'endOfYear'],
      ['total_mismatch', null, 'dispatched'],
    ]);
    expect(issues[0]!.messageJa).toContain('平成24年度');
    expect(issues[0]!.messageEn).toContain('FY2012');
  });
});
