import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, fiscalYearEnd, fiscalYearOf } from '../criteria/dates.ts';
import { checkSeries } from '../statistics/consistency.ts';
import { internationalContext } from './international.parameters.ts';
import { checkDispatchSeries, consultationYears, continuePublishedSeries, dispatchYearFigures } from './year-figures.ts';
import { findOverlaps } from './dispatch-rules.ts';
import { dispatchOutcomeSchema, hostTypeSchema, type Consultation, type Dispatch } from '../../../../common/src/schemas/international.schema.ts';

const cases = JSON.parse(readFileSync(join(import.meta.dirname, 'year-figures.cases.json'), 'utf8')) as {
  series: { name: string; range: { fromFy: number; toFy: number }; dispatches: Dispatch[]; expected: object }[];
  consultationYears: {
    name: string; recordsFromFy: number; published: { fiscalYear: number; count: number; source: string }[];
    consultations: Consultation[]; expected: object[];
  }[];
};
const ctx = internationalContext();

describe('dispatchYearFigures (cases)', () => {
  it.each(cases.series)('$name', (c) => {
    const s = dispatchYearFigures(c.dispatches, ctx, c.range);
    expect(s).toEqual(c.expected);
    expect(checkDispatchSeries(s)).toEqual([]);
  });
});

describe('consultationYears (cases)', () => {
  it.each(cases.consultationYears)('$name', (c) => {
    expect(consultationYears(c.consultations, c.published, c.recordsFromFy).map(({ fiscalYear, count, source }) => ({ fiscalYear, count, source }))).toEqual(c.expected);
  });
});

// ---- generated records ----

const regions = ctx.regions.map((r) => r.code);
const orgs = ctx.organisations;
const day0 = Date.UTC(2010, 0, 1) / 86_400_000;
const iso = (n: number) => new Date((day0 + n) * 86_400_000).toISOString().slice(0, 10);

/** One person's dispatches, one after another (never overlapping), each active or ended. */
const personDispatches = (person: number) =>
  fc.array(
    fc.record({
      gap: fc.integer({ min: 1, max: 900 }),
      length: fc.integer({ min: 0, max: 2500 }),
      early: fc.integer({ min: 0, max: 400 }),
      ended: fc.boolean(),
      outcome: fc.constantFrom(...dispatchOutcomeSchema.options),
      org: fc.option(fc.integer({ min: 0, max: orgs.length - 1 }), { nil: null }),
      hostType: fc.constantFrom(...hostTypeSchema.options),
      region: fc.constantFrom(...regions),
    }),
    { maxLength: 4 },
  ).map((specs) => {
    let cursor = 0;
    const out: Dispatch[] = [];
    specs.forEach((s, i) => {
      const start = cursor + s.gap;
      const plannedEnd = start + s.length;
      const last = i === specs.length - 1;
      const ended = !last || s.ended; // only the last one may still be active
      const actualEnd = ended ? Math.max(start, plannedEnd - s.early) : null;
      const org = s.org == null ? null : orgs[s.org]!;
      out.push({
        id: `p${person}-${i}`,
        personId: `p${person}`,
        organisationCode: org?.code ?? null,
        hostType: org ? org.host_type : s.hostType,
        region: org ? org.region : s.region,
        start: iso(start),
        plannedEnd: iso(plannedEnd),
        actualEnd: actualEnd == null ? null : iso(actualEnd),
        outcome: ended ? s.outcome : null,
        consentRecorded: true,
        status: ended ? 'ended' : 'active',
      });
      cursor = actualEnd ?? plannedEnd;
    });
    return out;
  });

const registry = fc.integer({ min: 1, max: 25 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => personDispatches(i))).map((l) => l.flat()));

describe('dispatchYearFigures (generated records)', () => {
  it('the series is continuous and the breakdowns add up to the year-end figure', () => {
    fc.assert(
      fc.property(registry, fc.integer({ min: 2009, max: 2016 }), fc.integer({ min: 0, max: 12 }), (dispatches, fromFy, span) => {
        expect(findOverlaps(dispatches)).toEqual([]);
        const s = dispatchYearFigures(dispatches, ctx, { fromFy, toFy: fromFy + span });
        expect(checkDispatchSeries(s)).toEqual([]);
        expect(checkSeries(s.rows, null, { openingStock: s.openingStock })).toEqual([]);
        for (const r of s.rows) {
          const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
          expect(sum(r.byHostType)).toBe(r.endOfYear);
          expect(sum(r.byRegion)).toBe(r.endOfYear);
          expect(r.notResumed).toBeLessThanOrEqual(r.returned);
          // a direct count as a cross-check: at most one dispatch per person at a time
          const people = new Set(dispatches.filter((d) => d.start <= fiscalYearEnd(r.year) && (d.actualEnd == null || d.actualEnd > fiscalYearEnd(r.year))).map((d) => d.personId));
          expect(people.size).toBe(r.endOfYear);
        }
        // the whole history from zero: totals match the records
        const all = dispatchYearFigures(dispatches, ctx, { fromFy: 2009, toFy: 2040 });
        expect(all.openingStock).toBe(0);
        expect(all.rows.reduce((a, r) => a + r.dispatched, 0)).toBe(dispatches.length);
        expect(all.rows.reduce((a, r) => a + r.returned, 0)).toBe(dispatches.filter((d) => d.actualEnd).length);
      }),
      { numRuns: 200 },
    );
  });

  it('no records: an empty series, or zeros over a given range', () => {
    expect(dispatchYearFigures([], ctx)).toEqual({ openingStock: 0, rows: [] });
    const s = dispatchYearFigures([], ctx, { fromFy: 2024, toFy: 2025 });
    expect(s.rows.map((r) => [r.year, r.dispatched, r.returned, r.endOfYear])).toEqual([[2024, 0, 0, 0], [2025, 0, 0, 0]]);
    expect(checkDispatchSeries(s)).toEqual([]);
  });

  it('a broken record (ended before it started) shows as a continuity failure, not silently', () => {
    const d: Dispatch = { id: 'x', personId: 'p', hostType: 'international_organisation', region: 'asia', start: '2020-04-01', plannedEnd: '2022-03-31', actualEnd: '2019-04-01', outcome: 'returned_to_duty', consentRecorded: true, status: 'ended' };
    const s = dispatchYearFigures([d], ctx, { fromFy: 2019, toFy: 2020 });
    expect(checkDispatchSeries(s).map((i) => i.code)).toContain('stock_flow_mismatch');
    expect(fiscalYearOf(addDays('2020-04-01', -1))).toBe(2019);
  });
});

// ---- continuing the published history ----

const cont = (JSON.parse(readFileSync(join(import.meta.dirname, 'year-figures.cases.json'), 'utf8')) as {
  continuation: {
    published: import('../statistics/consistency.ts').YearFigures[];
    cases: { name: string; backfilled: number; fy2024: { dispatched: number; returned: number; notResumed: number }; expectedLast: object; expectedIssues: object[] }[];
  };
}).continuation;

describe('continuePublishedSeries (資料8 continued by records)', () => {
  it.each(cont.cases)('$name', (c) => {
    const base = { hostType: 'international_organisation' as const, region: 'asia', consentRecorded: true };
    const ds: Dispatch[] = [];
    // on dispatch at the end of FY2023; the first `returned` of them end in FY2024
    for (let i = 0; i < c.backfilled; i++) {
      const ends = i < c.fy2024.returned;
      ds.push({ ...base, id: `b${i}`, personId: `b${i}`, start: '2022-10-01', plannedEnd: '2026-09-30',
        actualEnd: ends ? '2024-09-30' : null, outcome: ends ? (i < c.fy2024.notResumed ? 'resigned_on_return' : 'returned_to_duty') : null,
        status: ends ? 'ended' : 'active' });
    }
    for (let i = 0; i < c.fy2024.dispatched; i++) ds.push({ ...base, id: `n${i}`, personId: `n${i}`, start: '2024-07-01', plannedEnd: '2027-06-30', status: 'active' });
    const computed = dispatchYearFigures(ds, ctx, { fromFy: 2024, toFy: 2024 });
    const r = continuePublishedSeries(cont.published, computed, 2024);
    expect(r.rows.map((x) => x.year)).toEqual([2021, 2022, 2023, 2024]);
    expect(r.rows.at(-1)).toEqual(c.expectedLast);
    expect(r.issues.map(({ code, year, expected, actual }) => ({ code, year, expected, actual }))).toEqual(c.expectedIssues);
  });
});
