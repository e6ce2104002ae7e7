// Matching suggestions (issue 5): rankSuggestions for one ministry wish against N synthetic
// published company sheets, in process (no HTTP, no database). Target: ≤ 200 ms per wish at 100,000.
//   npx tsx bench/wishes-suggest.bench.ts [--sheets 100000] [--runs 20] [--seed 42] [--limit 50] [--barred 1000] [--json]
// Sheets are generated with a seeded PRNG; ~1% of pairs are passed as barred (kept, ranked last).
// Each run ranks the whole set (every sheet scored, sorted, the top --limit plus barred explained).
import { parseArgs } from 'node:util';
import {
  AGE_BANDS,
  FIELDS_OF_WORK,
  JSIC_MAJOR_GROUPS,
  type CompanySheet,
  type MinistryWish,
} from '../common/src/schemas/wishes.schema.ts';
import { rankSuggestions, suggestParams, type Messages } from '../server/src/modules/wishes/suggest.ts';

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

const tGen = performance.now();
const sheets = Array.from({ length: n }, (_, i) => sheet(i + 1));
const genMs = performance.now() - tGen;
const barred = new Map<number, Messages>();
for (let i = 0; i < Number(values.barred); i++) barred.set(1 + Math.floor(rand() * n), { ja: '交流基準に該当します。', en: 'An exchange criterion bars this pair.' });

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
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const results: Record<string, { p50: number; p95: number; max: number; listed: number }> = {};
for (const [name, wish] of Object.entries(wishes)) {
  rankSuggestions(wish, sheets, params, barred, { limit }); // warm-up
  const times: number[] = [];
  let listed = 0;
  for (let r = 0; r < runs; r++) {
    const t = performance.now();
    listed = rankSuggestions(wish, sheets, params, barred, { limit }).length;
    times.push(performance.now() - t);
  }
  results[name] = { p50: pct(times, 50), p95: pct(times, 95), max: Math.max(...times), listed };
}

if (values.json) console.log(JSON.stringify({ sheets: n, runs, limit, barred: barred.size, genMs, results }));
else {
  console.log(`wishes-suggest: ${n} sheets (generated in ${genMs.toFixed(0)} ms), ${barred.size} barred, limit ${limit}, ${runs} runs, node ${process.version}`);
  for (const [name, r] of Object.entries(results))
    console.log(`  ${name.padEnd(9)} p50 ${r.p50.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  max ${r.max.toFixed(1)} ms  (${r.listed} listed)  target ≤ 200 ms: ${r.p95 <= 200 ? 'met' : 'NOT met'}`);
}
