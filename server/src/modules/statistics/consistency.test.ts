import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSeries, checkTable, type SeriesOptions, type SeriesTotals, type TableInput, type YearFigures } from './consistency.ts';

interface SeriesCase {
  name: string;
  rows: YearFigures[];
  totals?: SeriesTotals;
  options?: SeriesOptions;
  expected: { code: string; year: number | null; column: string | null; expected: number; actual: number }[];
  messageContains?: { ja: string[]; en: string[] };
}
interface TableCase {
  name: string;
  table: TableInput;
  expected: { code: string; row: string | null; column: string; expected: number; actual: number }[];
}
const cases = JSON.parse(readFileSync(join(import.meta.dirname, 'consistency.cases.json'), 'utf8')) as {
  series: SeriesCase[];
  tables: TableCase[];
};

describe('checkSeries', () => {
  it.each(cases.series)('$name', (c) => {
    const issues = checkSeries(c.rows, c.totals, c.options);
    expect(issues.map(({ code, year, column, expected, actual }) => ({ code, year, column, expected, actual }))).toEqual(c.expected);
    const ja = issues.map((i) => i.messageJa).join('\n');
    const en = issues.map((i) => i.messageEn).join('\n');
    for (const s of c.messageContains?.ja ?? []) expect(ja).toContain(s);
    for (const s of c.messageContains?.en ?? []) expect(en).toContain(s);
    for (const i of issues) {
      expect(i.messageJa.length).toBeGreaterThan(0);
      expect(i.messageEn).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/); // English messages carry no Japanese
    }
  });
});

describe('checkTable', () => {
  it.each(cases.tables)('$name', (c) => {
    const issues = checkTable(c.table);
    expect(issues.map(({ code, row, column, expected, actual }) => ({ code, row, column, expected, actual }))).toEqual(c.expected);
    for (const i of issues) {
      expect(i.messageJa).toContain(String(i.actual));
      expect(i.messageEn).toContain(String(i.expected));
    }
  });
});
