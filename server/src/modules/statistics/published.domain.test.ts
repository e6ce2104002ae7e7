// Pure rules of published figures: parsing printed numbers and years, choosing the latest version,
// validating import rows, and the checks on the merged series (cases in published.cases.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEraYear } from '../../../../common/src/wareki.ts';
import { checkLatest, parseValue, parseYear, selectLatest, validateRecord, type FigureVersion } from './published.domain.ts';
import { shippedHistory } from './published.data.ts';
import { parseFiguresCsv, CsvFormatError } from './import.ts';

const cases = JSON.parse(readFileSync(join(import.meta.dirname, 'published.cases.json'), 'utf8')) as {
  parseValue: [string, number | null | 'invalid'][];
  latest: { name: string; versions: Partial<FigureVersion>[]; latest: number; latestId?: number; revised: boolean }[];
};
const base: FigureVersion = { id: 0, series: 's', periodKind: 'fiscal', year: 2012, dimension: '', measure: 'm', value: 0, publication: 'p', publicationId: 0, publishedYear: 0, publishedOn: null, flaggedRevision: false, table: null, page: null, lines: null, text: null };

describe('parseValue', () => {
  it.each(cases.parseValue)('%j → %j', (raw, want) => {
    expect(parseValue(raw)).toBe(want === 'invalid' ? undefined : want);
  });
});

describe('parseYear', () => {
  it('reads Western years, FY and 和暦 with 元年', () => {
    expect(parseYear('2024', parseEraYear)).toBe(2024);
    expect(parseYear('FY1970', parseEraYear)).toBe(1970);
    expect(parseYear('平成元', parseEraYear)).toBe(1989);
    expect(parseYear('令和6年度', parseEraYear)).toBe(2024);
    expect(parseYear('x', parseEraYear)).toBeUndefined();
  });
});

describe('selectLatest', () => {
  it.each(cases.latest.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const g = [...selectLatest(c.versions.map((v) => ({ ...base, ...v }))).values()];
    expect(g).toHaveLength(1);
    expect(g[0]!.latest.value).toBe(c.latest);
    if (c.latestId) expect(g[0]!.latest.id).toBe(c.latestId);
    expect(g[0]!.revised).toBe(c.revised);
    expect(g[0]!.versions).toHaveLength(c.versions.length);
  });
});

describe('validateRecord and the CSV reader', () => {
  it('maps Japanese headers, strips the BOM, and validates each row', () => {
    const recs = parseFiguresCsv('\uFEFF系列,年度,項目,区分,数値,出典\ninternational.dispatch,令和5,returned,,142,npa-x\n');
    expect(recs).toEqual([{ series: 'international.dispatch', year: '令和5', measure: 'returned', dimension: '', value: '142', source: 'npa-x' }]);
    const { figure, errors } = validateRecord(recs[0]!, 2, parseEraYear);
    expect(errors).toEqual([]);
    expect(figure).toMatchObject({ year: 2023, periodKind: 'fiscal', value: 142, publication: 'npa-x' });
    expect(validateRecord({ ...recs[0]!, series: 'publicPrivate.industry' }, 2, parseEraYear).figure!.periodKind).toBe('calendar');
  });
  it('names unknown and missing columns', () => {
    expect(() => parseFiguresCsv('series,year,foo\n')).toThrow(CsvFormatError);
    expect(() => parseFiguresCsv('series,year,measure,value\n')).toThrow(/source/);
  });
});

describe('checkLatest on the shipped history', () => {
  const latestShipped = () => {
    const pubYear: Record<string, number> = { 'npa-annual-report-fy2013-en-ch8': 2014 };
    const versions = shippedHistory().figures.map((f, i) => ({ ...f, id: i + 1, publicationId: f.publication.length, publishedYear: pubYear[f.publication] ?? 2025, publishedOn: null, flaggedRevision: false }));
    return [...selectLatest(versions).values()].map((x) => x.latest);
  };
  it('passes', () => {
    expect(checkLatest(latestShipped())).toEqual([]);
  });
  it('names the year of an altered figure, and a table row that no longer adds up', () => {
    const altered = latestShipped().map((f) => (f.series === 'international.dispatch' && f.year === 1980 && f.measure === 'returned' ? { ...f, value: 160 } : f));
    const issues = checkLatest(altered);
    expect(issues.map((i) => [i.series, i.year, i.code])).toEqual([
      ['international.dispatch', 1980, 'stock_flow_mismatch'],
      ['international.dispatch.total', 2023, 'total_mismatch'],
    ]);
    expect(issues[0]!.messageJa).toContain('昭和55年度');
    const table = latestShipped().map((f) => (f.series === 'publicPrivate.industry' && f.dimension === 'services' && f.measure === 'hire' ? { ...f, value: 80 } : f));
    expect(checkLatest(table).map((i) => [i.series, i.year, i.code])).toEqual([
      ['publicPrivate.industry', 2024, 'row_total_mismatch'],
      ['publicPrivate.industry', 2024, 'column_total_mismatch'],
    ]);
  });
});
