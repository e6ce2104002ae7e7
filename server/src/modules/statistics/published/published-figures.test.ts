// The shipped published history: every figure cites its seed file and line, and that line prints
// it; the publications are referenced; the industry file matches the reference grouping.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedHistory, industryFile } from '../published.data.ts';

const root = resolve(import.meta.dirname, '../../../../..');
const seed = (file: string) => readFileSync(resolve(root, file), 'utf8').split('\n');
const other = JSON.parse(readFileSync(join(import.meta.dirname, 'published-figures.json'), 'utf8')) as {
  publications: { code: string }[];
  figures: { file: string; lines: number[]; text: string; value: number; publication: string }[];
};

describe('published-figures.json', () => {
  it('every figure cites a seed line that prints it, and a known publication', () => {
    const codes = new Set(other.publications.map((p) => p.code));
    for (const f of other.figures) {
      expect(codes.has(f.publication), f.publication).toBe(true);
      const line = seed(f.file)[f.lines[0]! - 1]!.trim();
      expect(line).toBe(f.text);
    }
  });

  it('has the FY2013 report’s FY2012 figures 143 / 119 / 424 and the cumulative totals 829 / 3,971 / 4,012', () => {
    const h = shippedHistory().figures;
    const v = (series: string, year: number, measure: string, dimension = '', pub?: string) =>
      h.filter((f) => f.series === series && f.year === year && f.measure === measure && f.dimension === dimension && (!pub || f.publication === pub)).map((f) => f.value);
    expect(v('international.dispatch', 2012, 'dispatched', '', 'npa-annual-report-fy2013-en-ch8')).toEqual([143]);
    expect(v('international.dispatch', 2012, 'returned', '', 'npa-annual-report-fy2013-en-ch8')).toEqual([119]);
    expect(v('international.dispatch', 2012, 'endOfYear', '', 'npa-annual-report-fy2013-en-ch8')).toEqual([424]);
    expect(v('international.dispatch', 2012, 'dispatched', '', 'npa-annual-report-fy2024-ch8')).toEqual([148]);
    expect(v('publicPrivate.cumulative', 2024, 'people', 'dispatch')).toEqual([829]);
    expect(v('publicPrivate.cumulative', 2024, 'ministries', 'dispatch')).toEqual([27]);
    expect(v('publicPrivate.cumulative', 2024, 'people', 'hire')).toEqual([3971]);
    expect(v('publicPrivate.cumulative', 2024, 'ministries', 'hire')).toEqual([35]);
    expect(v('publicPrivate.cumulative', 2024, 'people', 'hireInclFormerJapanPost')).toEqual([4012]);
  });
});

describe('public-private-industry-2024.json', () => {
  it('prints each row on its two seed lines, 12 rows, 397 + 26 = 423, with the reference grouping', () => {
    const f = industryFile();
    const lines = seed('../shared/seeds/001_5d8d2d8d3392a202.txt');
    expect(f.rows).toHaveLength(12);
    for (const r of f.rows) {
      r.source.lines.forEach((l, i) => expect(lines[l - 1]).toBe(r.source.text[i]));
      expect(r.hire + r.dispatch).toBe(r.total);
    }
    expect([f.totals.hire, f.totals.dispatch, f.totals.total]).toEqual([397, 26, 423]);
    const ref = JSON.parse(readFileSync(resolve(root, 'server/src/db/reference/industry_stat_groups.json'), 'utf8')) as { rows: { code: string; jsic_codes: string[] }[] };
    expect(f.rows.map((r) => [r.dimension, r.jsicCodes])).toEqual(ref.rows.map((r) => [r.code, r.jsic_codes]));
  });
});
