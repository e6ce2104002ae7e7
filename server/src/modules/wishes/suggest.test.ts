// Table-driven tests of the matching suggestions: cases are data in suggest.cases.json.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  companySheetSchema,
  ministryWishSchema,
  wishSheetInputSchema,
  type CompanySheet,
  type MinistryWish,
} from '../../../../common/src/schemas/wishes.schema.ts';
import { rankSuggestions, rankWishesForSheet, scorePair, suggestParams, wishParameters, type Messages, type SuggestParams, type TermName } from './suggest.ts';

type Obj = Record<string, unknown>;
type Kind = 'ministry_dispatch' | 'ministry_hire';
type Expect = { total?: number; terms?: Partial<Record<TermName, number | null>> };
type RankExpect = { order: number[]; barred: number[] };
type Cases = {
  params: SuggestParams;
  base: Record<Kind | 'company', Obj>;
  pairs: { name: string; kind: Kind; wish?: Obj; sheet?: Obj; expect: Expect; messageIncludes?: Partial<Record<TermName, string>> }[];
  rankings: { name: string; kind: Kind; sheets: Obj[]; barred?: Record<string, Messages>; limit?: number; expect: RankExpect }[];
  reverse: { name: string; wishes: (Obj & { kind: Kind })[]; barred?: Record<string, Messages>; expect: RankExpect }[];
};

const cases = JSON.parse(readFileSync(new URL('./suggest.cases.json', import.meta.url), 'utf8')) as Cases;
const wishOf = (kind: Kind, o: Obj = {}): MinistryWish => ministryWishSchema.parse({ ...cases.base[kind], ...o, kind });
const sheetOf = (o: Obj = {}): CompanySheet => {
  const { id: _id, ...rest } = o;
  return companySheetSchema.parse({ ...cases.base.company, ...rest });
};
const barredMap = (b?: Record<string, Messages>) => new Map(Object.entries(b ?? {}).map(([k, v]) => [Number(k), v]));

describe('scorePair', () => {
  it.each(cases.pairs.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const r = scorePair(wishOf(c.kind, c.wish), sheetOf(c.sheet), cases.params);
    if (c.expect.total !== undefined) expect(r.total).toBe(c.expect.total);
    expect(r.terms.map((t) => t.term)).toEqual(['field', 'skills', 'ageBand', 'period', 'timing']);
    for (const [term, value] of Object.entries(c.expect.terms ?? {})) {
      const t = r.terms.find((x) => x.term === term)!;
      expect(t.value, term).toBe(value);
      expect(t.weight).toBe(cases.params.weights[term as TermName]);
    }
    for (const t of r.terms) {
      expect(t.message.ja.length).toBeGreaterThan(0);
      expect(t.message.en.length).toBeGreaterThan(0);
    }
    for (const [term, text] of Object.entries(c.messageIncludes ?? {})) {
      expect(r.terms.find((x) => x.term === term)!.message.ja).toContain(text);
    }
    expect(r.total).toBeGreaterThanOrEqual(0);
    expect(r.total).toBeLessThanOrEqual(1);
  });
});

describe('rankSuggestions', () => {
  it.each(cases.rankings.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const wish = wishOf(c.kind);
    const sheets = c.sheets.map((s) => ({ ...sheetOf(s), id: s.id as number }));
    const barred = barredMap(c.barred);
    const r = rankSuggestions(wish, sheets, cases.params, barred, c.limit === undefined ? {} : { limit: c.limit });
    expect(r.map((s) => s.id)).toEqual(c.expect.order);
    expect(r.filter((s) => s.barred).map((s) => s.id)).toEqual(c.expect.barred);
    for (const s of r) {
      expect(s.barred).toEqual(barred.get(s.id) ?? null);
      // Each listed score is the pair's score, explained term by term.
      expect(s.score).toBe(scorePair(wish, sheets.find((x) => x.id === s.id)!, cases.params).total);
      expect(s.terms).toHaveLength(5);
    }
    // Deterministic: the same result whatever the input order.
    expect(rankSuggestions(wish, [...sheets].reverse(), cases.params, barred, c.limit === undefined ? {} : { limit: c.limit })).toEqual(r);
  });
});

describe('rankWishesForSheet (reverse direction)', () => {
  it.each(cases.reverse.map((c) => [c.name, c] as const))('%s', (_n, c) => {
    const sheet = sheetOf();
    const wishes = c.wishes.map(({ id, kind, ...o }) => ({ ...wishOf(kind, o), id: id as number }));
    const r = rankWishesForSheet(sheet, wishes, cases.params, barredMap(c.barred));
    expect(r.map((s) => s.id)).toEqual(c.expect.order);
    expect(r.filter((s) => s.barred).map((s) => s.id)).toEqual(c.expect.barred);
    expect(rankWishesForSheet(sheet, [...wishes].reverse(), cases.params, barredMap(c.barred))).toEqual(r);
  });
});

describe('policy parameters', () => {
  it('load from the dated JSON files, cited as koryu policy and unverified', () => {
    const p = suggestParams('2026-11-23');
    expect(Object.keys(p.weights).sort()).toEqual(['ageBand', 'field', 'period', 'skills', 'timing']);
    for (const v of Object.values(p.weights)) expect(v).toBeGreaterThan(0);
    expect(p.tolerances.periodMonths).toBeGreaterThan(0);
    for (const u of p.used ?? []) {
      expect(u.citation.instrument).toContain('koryu policy');
      expect(u.citation.verified).toBe(false);
    }
    expect(wishParameters().all.map((x) => x.id).sort()).toEqual(['suggest.tolerances', 'suggest.weights']);
  });
  it('are not in force before their first date', () => {
    expect(() => suggestParams('2020-01-01')).toThrow(/no value in force/);
  });
});

describe('wish sheet schemas', () => {
  it('fill defaults and accept every kind', () => {
    for (const k of ['ministry_dispatch', 'ministry_hire', 'company'] as const) {
      const r = wishSheetInputSchema.parse(cases.base[k]);
      expect(r.kind).toBe(k);
      expect(r.status).toBe('draft');
      expect(r.expiresOn).toBeNull();
    }
  });
  it.each([
    ['ministry_dispatch', { fields: [] }, 'fields.required'],
    ['ministry_dispatch', { fields: ['cooking'] }, 'field_of_work.unknown'],
    ['ministry_dispatch', { periodMonths: { min: 24, max: 12 } }, 'period.range'],
    ['ministry_dispatch', { start: { from: '2027-06', to: '2027-04' } }, 'start_window.range'],
    ['ministry_dispatch', { start: { from: '2027-13', to: '2027-14' } }, 'year_month.format'],
    ['ministry_dispatch', { ageBands: ['teen'] }, 'age_band.unknown'],
    ['ministry_dispatch', { industries: ['Z'] }, 'industry.unknown'],
    ['ministry_hire', { post: ' ' }, 'text.required'],
    ['ministry_hire', { positionLevels: ['ceo'] }, 'position_level.unknown'],
    ['company', { hosts: [], sends: [] }, 'company_sheet.empty'],
    ['company', { status: 'archived' }, undefined],
  ] as const)('%s %j is refused (%s)', (kind, patch, code) => {
    const r = wishSheetInputSchema.safeParse({ ...cases.base[kind], ...patch });
    expect(r.success).toBe(false);
    if (code && !r.success) expect(JSON.stringify(r.error.issues)).toContain(code);
  });
});

describe('the ranking fast path', () => {
  it('gives exactly scorePair’s total on seeded random pairs (duplicates and width variants included)', () => {
    let a = 7;
    const rand = () => ((a = (a * 1103515245 + 12345) % 2147483648) / 2147483648);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const some = <T,>(xs: readonly T[], k: number): T[] => Array.from({ length: Math.floor(rand() * (k + 1)) }, () => pick(xs));
    const F = ['digital', 'data', 'finance', 'legal', 'hr'] as const;
    const S = ['Python', 'ｐｙｔｈｏｎ', '統計', 'M&A', 'Ｍ＆Ａ', '会計'];
    const B = ['20s', '30s', '40s', '50s_plus'] as const;
    const I = ['E', 'G', 'J'] as const;
    const ym = () => `${2026 + Math.floor(rand() * 3)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}`;
    const win = () => {
      const [x, y] = [ym(), ym()].sort();
      return { from: x, to: y };
    };
    const per = () => {
      const x = 1 + Math.floor(rand() * 36);
      return { min: x, max: x + Math.floor(rand() * 12) };
    };
    const sheets = Array.from({ length: 300 }, (_, i) => ({
      ...sheetOf({
        industryCode: rand() < 0.2 ? null : pick(I),
        hosts: Array.from({ length: i % 5 === 0 ? 0 : 1 + Math.floor(rand() * 2) }, () => ({ place: 'x', fields: [pick(F), ...some(F, 2)], skills: some(S, 3), ageBands: some(B, 2) })),
        sends: Array.from({ length: i % 5 === 0 ? 1 : Math.floor(rand() * 3) }, () => ({ fields: [pick(F), ...some(F, 2)], skills: some(S, 3), ageBand: rand() < 0.3 ? null : pick(B) })),
        periodMonths: per(),
        start: win(),
      }),
      id: i + 1,
    }));
    for (let k = 0; k < 40; k++) {
      const wish = wishOf(k % 2 ? 'ministry_hire' : 'ministry_dispatch', {
        fields: [pick(F), ...some(F, 3)],
        industries: some(I, 2),
        skills: some(S, 4),
        ageBands: some(B, 2),
        periodMonths: per(),
        start: win(),
      });
      for (const s of rankSuggestions(wish, sheets, cases.params)) {
        expect(s.score).toBe(scorePair(wish, sheets[s.id - 1]!, cases.params).total);
      }
    }
  });
});
