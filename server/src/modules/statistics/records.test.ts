// Table-driven tests of the public-private cube and its views (cases: records.cases.json).
import { describe, expect, it } from 'vitest';
import cases from './records.cases.json' with { type: 'json' };
import { AGE_BANDS, TERM_BANDS, ageOn, bandOf, cubeFromCases, termMonths, toGroupingSets, type CaseRecord, type CubeRow, type Dimension, type Direction } from './records.cube.ts';
import { breakdown, compareWithPublished, cumulative, series, windowLabel, type Labels, type PublishedIndustryTable } from './records.views.ts';
import { checkSeries } from './consistency.ts';

type Triple = [number | null, number | null, number | null];

describe('records cube and views', () => {
  for (const set of cases.caseSets) {
    const full = cubeFromCases(set.cases as CaseRecord[]);
    const forms: [string, CubeRow[]][] = [
      ['full cube', full],
      ['grouping sets', toGroupingSets(full)],
    ];
    const labels = set.labels as Labels;
    for (const [form, cube] of forms) {
      describe(`${set.name} (${form})`, () => {
        it('series', () => {
          const got = series(cube, { from: set.series.from, to: set.series.to, asOf: set.series.asOf });
          expect(got.map((r) => ({ year: r.year, labelJa: r.labelJa, dispatchStarted: r.dispatchStarted, hireStarted: r.hireStarted, dispatchEnded: r.dispatchEnded, hireEnded: r.hireEnded, dispatchOnExchange: r.dispatchOnExchange, hireOnExchange: r.hireOnExchange, partial: r.partial }))).toEqual(set.series.expect);
        });
        for (const b of set.breakdowns) {
          it(`breakdown ${b.dimension} ${b.year} window ${b.window}${b.direction ? ` ${b.direction}` : ''}`, () => {
            const v = breakdown(cube, { dimension: b.dimension as Dimension, year: b.year, window: b.window as 1 | 3, direction: (b.direction ?? null) as Direction | null }, labels);
            expect(v.rows.map((r) => [r.key, r.dispatch, r.hire])).toEqual(b.rows);
            if (b.labelJa) expect(v.labelJa).toBe(b.labelJa);
            const sum = b.rows.reduce((s, r) => s + (r[1] as number) + (r[2] as number), 0);
            expect(v.totals.total).toBe(sum);
          });
        }
        for (const c of set.cumulative) {
          it(`cumulative ${c.year}`, () => expect(cumulative(cube, c.year).rows).toEqual(c.rows));
        }
        it('comparison with a published table', () => {
          const v = compareWithPublished(cube, set.comparison.published as PublishedIndustryTable, labels);
          const t = (x: { dispatch: number | null; hire: number | null; total: number | null } | null): Triple | null => (x ? [x.dispatch, x.hire, x.total] : null);
          expect(v.rows.slice(0, set.comparison.expect.length).map((r) => ({ industryJa: r.industryJa, records: t(r.records), difference: t(r.difference) }))).toEqual(set.comparison.expect);
          expect({ records: t(v.totals.records), difference: t(v.totals.difference) }).toEqual(set.comparison.totals);
        });
      });
    }
  }
});

describe('bands, terms and ages', () => {
  it.each(cases.termMonths)('term %s → %s = %i months', (s, e, m) => expect(termMonths(s as string, e as string)).toBe(m));
  it.each(cases.termBands)('term %i months → %s', (m, code) => expect(bandOf(TERM_BANDS, m as number)).toBe(code));
  it.each(cases.ageOn)('born %s, on %s → %i', (b, on, a) => expect(ageOn(b as string, on as string)).toBe(a));
  it.each(cases.ageBands as [number | null, string][])('age %s → %s', (a, code) => expect(bandOf(AGE_BANDS, a)).toBe(code));
  it.each(cases.windowLabels)('window %i–%i %s → %s', (f, t, lang, label) => expect(windowLabel(f as number, t as number, lang as 'ja' | 'en')).toBe(label));
});

describe('one cube, consistent views (random records)', () => {
  // A small deterministic generator: every breakdown's total equals the series' started counts for
  // the same years, the year-end stock follows the stock-flow rule, and both cube forms agree.
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const records: CaseRecord[] = Array.from({ length: 400 }, () => {
    const y = 2000 + Math.floor(rand() * 25);
    const start = iso(y, 1 + Math.floor(rand() * 12), 1 + Math.floor(rand() * 28));
    const years = pick([1, 2, 3, 5]);
    const plannedEnd = iso(y + years, 1 + Math.floor(rand() * 12), 1 + Math.floor(rand() * 28));
    const state = pick(['active', 'extended', 'returned', 'ended_early', 'withdrawn', 'submitted']);
    return {
      direction: pick(['dispatch', 'hire'] as const),
      state,
      plannedStart: start,
      plannedEnd,
      actualStart: state === 'withdrawn' || state === 'submitted' ? null : start,
      actualEnd: state === 'returned' || state === 'ended_early' ? plannedEnd : null,
      ministry: pick(['a', 'b', 'c']),
      unitKind: pick(['division', 'regional_office', 'office', 'bureau']),
      industry: pick(['製造業', 'サービス業', null]),
      gender: pick(['female', 'male', null]),
      birthDate: rand() < 0.1 ? null : iso(1950 + Math.floor(rand() * 45), 6, 15),
    };
  });
  const full = cubeFromCases(records);
  const sets = toGroupingSets(full);
  const labels: Labels = { ministries: {}, industries: {} };
  it('series: stock-flow holds, and both forms agree', () => {
    const a = series(full, { from: 2000, to: 2030, asOf: '2031-01-01' });
    expect(series(sets, { from: 2000, to: 2030, asOf: '2031-01-01' })).toEqual(a);
    const rows = (d: 'dispatch' | 'hire') =>
      a.map((r) => ({ year: r.year, dispatched: d === 'dispatch' ? r.dispatchStarted : r.hireStarted, returned: d === 'dispatch' ? r.dispatchEnded : r.hireEnded, endOfYear: d === 'dispatch' ? r.dispatchOnExchange : r.hireOnExchange }));
    expect(checkSeries(rows('dispatch'))).toEqual([]);
    expect(checkSeries(rows('hire'))).toEqual([]);
  });
  it('every breakdown totals the started counts of its window', () => {
    const s = series(full, { from: 2000, to: 2030, asOf: '2031-01-01' });
    for (const dimension of ['industry', 'gender', 'term', 'age', 'ministry', 'level', 'direction'] as Dimension[])
      for (const window of [1, 3] as const)
        for (let year = 2002; year <= 2026; year++) {
          const inWindow = s.filter((r) => r.year > year - window && r.year <= year);
          const want = { dispatch: inWindow.reduce((t, r) => t + r.dispatchStarted, 0), hire: inWindow.reduce((t, r) => t + r.hireStarted, 0) };
          for (const cube of [full, sets]) {
            const b = breakdown(cube, { dimension, year, window }, labels);
            expect([b.totals.dispatch, b.totals.hire]).toEqual([want.dispatch, want.hire]);
          }
        }
  });
});
