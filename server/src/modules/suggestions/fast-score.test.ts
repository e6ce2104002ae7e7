// The typed-array scoring must give exactly scorePair's total, both directions, and rank as
// rankSuggestions / rankWishesForSheet do (seeded random sheets and wishes: duplicates, width
// variants, missing bands, industries named or not, expired rows).
import { describe, expect, it } from 'vitest';
import { rankSuggestions, rankWishesForSheet, scorePair, suggestParams, type Messages } from '../wishes/suggest.ts';
import { buildTables, scoreSheetAgainst, scoreWishAgainst, selectRows, todayNumber } from './fast-score.ts';
import type { IndexedCompanySheet, IndexedMinistryWish } from './sheet-index.ts';

let a = 11;
const rand = () => (a = (a * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const some = <T,>(xs: readonly T[], k: number): T[] => Array.from({ length: Math.floor(rand() * (k + 1)) }, () => pick(xs));
const F = ['digital', 'data', 'finance', 'legal', 'hr', 'logistics'] as const;
const S = ['Python', 'ｐｙｔｈｏｎ', 'python ', '統計', 'M&A', 'Ｍ＆Ａ', '会計', 'ＳＱＬ', 'sql'];
const B = ['20s', '30s', '40s', '50s_plus'] as const;
const I = ['E', 'G', 'J', 'K'] as const;
const ym = () => `${2026 + Math.floor(rand() * 3)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}`;
const win = () => {
  const [x, y] = [ym(), ym()].sort();
  return { from: x!, to: y! };
};
const per = () => {
  const x = 1 + Math.floor(rand() * 36);
  return { min: x, max: x + Math.floor(rand() * 12) };
};
const expiry = () => (rand() < 0.8 ? null : pick(['2026-11-30', '2026-12-01', '2027-06-30']));

const sheets: IndexedCompanySheet[] = Array.from({ length: 400 }, (_, i) => ({
  id: 1000 + i,
  companyId: 1 + (i % 97),
  kind: 'company',
  title: '',
  status: 'published',
  notes: '',
  expiresOn: expiry(),
  industryCode: rand() < 0.2 ? null : pick(I),
  prefectureCode: null,
  wantedMinistries: [],
  hosts: Array.from({ length: i % 5 === 0 ? 0 : 1 + Math.floor(rand() * 2) }, () => ({ place: '', duties: '', fields: [pick(F), ...some(F, 2)], skills: some(S, 3), ageBands: some(B, 2) })),
  sends: Array.from({ length: i % 5 === 0 ? 1 : Math.floor(rand() * 3) }, () => ({ fields: [pick(F), ...some(F, 2)], skills: some(S, 3), ageBand: rand() < 0.3 ? null : pick(B), positionLevel: null })),
  periodMonths: per(),
  start: win(),
}));
const wishes: IndexedMinistryWish[] = Array.from({ length: 120 }, (_, k) => {
  const common = {
    id: 5000 + k,
    organisationId: 1 + (k % 7),
    organisationCode: 'x',
    title: '',
    status: 'published' as const,
    notes: '',
    expiresOn: expiry(),
    fields: [pick(F), ...some(F, 3)],
    industries: some(I, 2),
    skills: some(S, 4),
    ageBands: some(B, 2),
    positionLevels: [],
    headcount: 1,
    periodMonths: per(),
    start: win(),
  };
  return k % 2 ? { ...common, kind: 'ministry_hire', post: '', duties: '', experience: '' } : { ...common, kind: 'ministry_dispatch' };
});
const params = suggestParams('2026-12-01');
const today = todayNumber('2026-12-01');
const open = <T extends { expiresOn: string | null }>(x: T) => x.expiresOn === null || x.expiresOn >= '2026-12-01';
const tables = buildTables({
  companyHosts: sheets.filter((s) => s.hosts.length),
  companySends: sheets.filter((s) => s.sends.length),
  dispatchWishes: wishes.filter((w) => w.kind === 'ministry_dispatch'),
  hireWishes: wishes.filter((w) => w.kind === 'ministry_hire'),
});

describe('fast scoring equals scorePair', () => {
  it('a wish against every company sheet of its side', () => {
    let compared = 0;
    for (const w of wishes) {
      const table = w.kind === 'ministry_dispatch' ? tables.hosts : tables.sends;
      const scores = scoreWishAgainst(w, table, params, today);
      for (let i = 0; i < table.n; i++) {
        const s = sheets.find((x) => x.id === table.ids[i])!;
        if (!open(s)) {
          expect(Number.isNaN(scores[i])).toBe(true);
          continue;
        }
        expect(scores[i]).toBe(scorePair(w, s, params).total);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(10_000);
  });

  it('a company sheet against every wish of each kind', () => {
    let compared = 0;
    for (const side of ['hosts', 'sends'] as const) {
      const table = side === 'hosts' ? tables.hosts : tables.sends;
      const wishTable = side === 'hosts' ? tables.dispatch : tables.hire;
      for (let row = 0; row < table.n; row += 3) {
        const s = sheets.find((x) => x.id === table.ids[row])!;
        const scores = scoreSheetAgainst(table, row, wishTable, params, today);
        for (let i = 0; i < wishTable.n; i++) {
          const w = wishes.find((x) => x.id === wishTable.ids[i])!;
          if (!open(w)) expect(Number.isNaN(scores[i])).toBe(true);
          else {
            expect(scores[i]).toBe(scorePair(w, s, params).total);
            compared++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(5_000);
  });
});

describe('selecting rows ranks as the pure module does', () => {
  it('top N and the barred pairs, in the same order as rankSuggestions', () => {
    const barredIds = new Set(sheets.filter((_, i) => i % 13 === 0).map((s) => s.id));
    const barredMap = new Map<number, Messages>([...barredIds].map((id) => [id, { ja: '対象外', en: 'barred' }]));
    for (const w of wishes.filter((x) => x.kind === 'ministry_dispatch').slice(0, 20)) {
      const scores = scoreWishAgainst(w, tables.hosts, params, today);
      const picked = selectRows(tables.hosts.ids, scores, (row) => barredIds.has(tables.hosts.ids[row]!), 15);
      const expected = rankSuggestions(w, sheets.filter((s) => s.hosts.length && open(s)), params, barredMap, { limit: 15 });
      expect([...picked.top, ...picked.barred].map((row) => tables.hosts.ids[row])).toEqual(expected.map((s) => s.id));
    }
  });

  it('the reverse direction, as rankWishesForSheet does', () => {
    for (let row = 0; row < tables.sends.n; row += 17) {
      const s = sheets.find((x) => x.id === tables.sends.ids[row])!;
      const scores = scoreSheetAgainst(tables.sends, row, tables.hire, params, today);
      const picked = selectRows(tables.hire.ids, scores, () => false, 10);
      const expected = rankWishesForSheet(s, wishes.filter((w) => w.kind === 'ministry_hire' && open(w)), params, undefined, { limit: 10 });
      expect(picked.top.map((i) => tables.hire.ids[i])).toEqual(expected.map((x) => x.id));
    }
  });
});
