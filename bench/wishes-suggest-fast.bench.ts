// The suggestions' ranking path in process (issue 5: one wish against 100,000 sheets ≤ 200 ms):
// the same seeded synthetic company sheets as bench/wishes-suggest.bench.ts, through the path the
// endpoint uses — typed-array columns built once (server/src/modules/suggestions/fast-score.ts),
// then per request: score every sheet, keep the top --limit plus every barred row, explain the
// listed ones with scorePair. No HTTP or database (bench/wishes-suggest-http.bench.ts has both).
//   npx tsx bench/wishes-suggest-fast.bench.ts [--sheets 100000] [--runs 20] [--seed 42] [--limit 50] [--barred 1000] [--json]
import { parseArgs } from 'node:util';
import {
  AGE_BANDS,
  FIELDS_OF_WORK,
  JSIC_MAJOR_GROUPS,
  type CompanySheet,
  type MinistryWish,
} from '../common/src/schemas/wishes.schema.ts';
import { scorePair, suggestParams } from '../server/src/modules/wishes/suggest.ts';
import { buildTables, scoreWishAgainst, selectRows, todayNumber } from '../server/src/modules/suggestions/fast-score.ts';
import type { IndexedCompanySheet, IndexedMinistryWish } from '../server/src/modules/suggestions/sheet-index.ts';

const { values } = parseArgs({
  options: {
    sheets: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '20' },
    seed: { type: 'string', default: '42' },
    limit: { type: 'string', default: '50' },
    barred: { type: 'string', default: '1000' },
    json: { type: 'boolean', default: false },
  },
});
const n = Number(values.sheets);
const runs = Number(values.runs);
const limit = Number(values.limit);

// mulberry32: small, seeded, deterministic.
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(Number(values.seed));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const some = <T>(xs: readonly T[], max: number): T[] => {
  const k = 1 + Math.floor(rand() * max);
  return [...new Set(Array.from({ length: k }, () => pick(xs)))];
};
const fields = FIELDS_OF_WORK.map((f) => f.code);
const bands = AGE_BANDS.map((a) => a.code);
const SKILLS = ['Python', 'SQL', '統計', '会計', 'M&A', 'プロジェクト管理', '法務', '英語', 'データ分析', 'クラウド', 'UX', '広報', '品質管理', 'サプライチェーン', '財務モデリング', 'ＡＩ'];
const ym = (i: number) => `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;

function sheet(id: number): CompanySheet & { id: number } {
  const periodMin = pick([6, 12, 12, 18, 24, 24, 36]);
  const startFrom = Math.floor(rand() * 30);
  const hosts = Array.from({ length: Math.floor(rand() * 3) }, (_, i) => ({
    place: `部署${i + 1}`,
    fields: some(fields, 3),
    duties: '',
    skills: some(SKILLS, 3),
    ageBands: rand() < 0.5 ? [] : some(bands, 2),
  }));
  const sends = Array.from({ length: hosts.length === 0 ? 1 + Math.floor(rand() * 2) : Math.floor(rand() * 2) }, () => ({
    fields: some(fields, 3),
    skills: some(SKILLS, 4),
    ageBand: rand() < 0.2 ? null : pick(bands),
    positionLevel: null,
  }));
  return {
    id,
    kind: 'company',
    companyId: id,
    title: `シート${id}`,
    status: 'published',
    expiresOn: null,
    industryCode: rand() < 0.05 ? null : pick(JSIC_MAJOR_GROUPS),
    prefectureCode: String(1 + Math.floor(rand() * 47)).padStart(2, '0'),
    hosts,
    sends,
    wantedMinistries: [],
    periodMonths: { min: periodMin, max: periodMin + pick([0, 6, 12]) },
    start: { from: ym(startFrom), to: ym(startFrom + Math.floor(rand() * 6)) },
    notes: '',
  };
}

const sheets: IndexedCompanySheet[] = Array.from({ length: n }, (_, i) => ({ ...sheet(i + 1), companyId: i + 1 }));
const barred = new Set<number>();
for (let i = 0; i < Number(values.barred); i++) barred.add(1 + Math.floor(rand() * n));

const wishes: Record<string, MinistryWish> = {
  dispatch: {
    kind: 'ministry_dispatch',
    organisationCode: 'METI',
    title: 'DX推進',
    fields: ['digital', 'data', 'planning'],
    industries: ['G', 'J'],
    skills: ['Python', 'プロジェクト管理'],
    ageBands: ['30s'],
    positionLevels: ['deputy_director'],
    headcount: 1,
    status: 'published',
    expiresOn: null,
    periodMonths: { min: 12, max: 24 },
    start: { from: '2027-04', to: '2027-07' },
    notes: '',
  },
  hire: {
    kind: 'ministry_hire',
    organisationCode: 'DIGITAL',
    title: 'データ活用',
    post: '参事官補佐',
    duties: 'データ利活用施策の企画',
    fields: ['data'],
    industries: [],
    skills: ['SQL', '統計', 'ＡＩ'],
    experience: '',
    ageBands: ['30s', '40s'],
    positionLevels: [],
    headcount: 1,
    status: 'published',
    expiresOn: null,
    periodMonths: { min: 24, max: 36 },
    start: { from: '2027-04', to: '2027-04' },
    notes: '',
  },
};

const params = suggestParams('2026-11-23');
const today = todayNumber('2026-11-23');
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const tBuild = performance.now();
// Every sheet in both tables, as the pure bench scores every sheet whatever its side.
const tables = buildTables({ companyHosts: sheets, companySends: sheets, dispatchWishes: [], hireWishes: [] });
const buildMs = performance.now() - tBuild;
const results: Record<string, { p50: number; p95: number; max: number; listed: number }> = {};
for (const [name, wish] of Object.entries(wishes)) {
  const w = { ...wish, id: 0, organisationId: 1 } as IndexedMinistryWish;
  const table = w.kind === 'ministry_dispatch' ? tables.hosts : tables.sends;
  const once = () => {
    const scores = scoreWishAgainst(w, table, params, today);
    const picked = selectRows(table.ids, scores, (row) => barred.has(table.ids[row]!), limit);
    const rows = [...picked.top, ...picked.barred];
    for (const row of rows) scorePair(w, sheets[table.ids[row]! - 1]! as CompanySheet, params);
    return rows.length;
  };
  once(); // warm-up
  const times: number[] = [];
  let listed = 0;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    listed = once();
    times.push(performance.now() - t);
  }
  results[name] = { p50: pct(times, 50), p95: pct(times, 95), max: Math.max(...times), listed };
}
if (values.json) console.log(JSON.stringify({ sheets: n, runs, limit, barred: barred.size, buildMs, results }));
else {
  console.log(`wishes-suggest-fast: ${n} sheets (columns built in ${buildMs.toFixed(0)} ms), ${barred.size} barred, limit ${limit}, ${runs} runs, node ${process.version}`);
  for (const [name, r] of Object.entries(results))
    console.log(`  ${name.padEnd(9)} p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  max ${r.max.toFixed(1)} ms  (${r.listed} listed)  target ≤ 200 ms: ${r.p95 <= 200 ? 'met' : 'NOT met'}`);
}
