// The public-private statistics page's data (GET /api/statistics/public-private/overview: the year
// series 2000–now, every breakdown dimension for a year and the rolling three-year window, the
// cumulative totals and the comparison with the published 2024 table) over the exchange cases
// loaded by bench/load-exchange-cases.ts (1,000,000 cases over 25 years), on the PostgreSQL server.
//   npx tsx bench/statistics-page.bench.ts --database-url postgres://postgres@127.0.0.1:5432/koryu_national
// Measures, target ≤ 300 ms for the page data:
//   in-process cold   the cube query + views with the cache dropped each run (--cold-runs, default 7)
//   in-process warm   the same from the cache (data version checked each call) (--warm-runs, 200)
//   HTTP cold         the first page request after starting koryu (--restarts, default 3)
//   HTTP warm         page requests one at a time after that (--http-runs, default 100), including
//                     the filter changes the page makes (years, window, direction)
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../server/src/db/client.ts';
import { invalidateRecordsCache, publicPrivateOverview } from '../server/src/modules/statistics/records.service.ts';
import { ensureBenchAccount, loginWithCsrf, pct } from './criteria-lib.ts';
import { arg, rssMb, startKoryu } from './lib.ts';

const databaseUrl = arg('database-url', process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/koryu_national');
const port = Number(arg('port', '3962'));
const coldRuns = Number(arg('cold-runs', '7'));
const warmRuns = Number(arg('warm-runs', '200'));
const restarts = Number(arg('restarts', '3'));
const httpRuns = Number(arg('http-runs', '100'));

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: pct(s, 50), p95: pct(s, 95), max: Math.round(s[s.length - 1]! * 10) / 10 };
};

const d = await openDatabase({ databaseUrl, poolSize: 4 });
const facts = rowsOf<{ cases: number; started: number; from: number; to: number }>(
  await d.db.execute(sql`select count(*)::int as cases, count(*) filter (where actual_start is not null and state in ('active','extended','returned','ended_early'))::int as started,
    min(extract(year from actual_start))::int as "from", max(extract(year from actual_start))::int as "to" from exchange_cases`),
)[0]!;
console.error(`[statistics-page] ${facts.cases} cases, ${facts.started} started ${facts.from}–${facts.to}, on ${databaseUrl}`);
if (!facts.started) throw new Error('no started exchange cases: run bench/load-exchange-cases.ts first');

const year = facts.to - 1;
const cold: number[] = [];
let bytes = 0;
for (let i = 0; i < coldRuns; i++) {
  invalidateRecordsCache(d.db);
  const t0 = performance.now();
  const o = await publicPrivateOverview(d.db, { year, window: 3 });
  cold.push(performance.now() - t0);
  bytes = JSON.stringify(o).length;
}
const warm: number[] = [];
for (let i = 0; i < warmRuns; i++) {
  const t0 = performance.now();
  await publicPrivateOverview(d.db, { year: year - (i % 5), window: i % 2 ? 1 : 3, ...(i % 3 === 0 ? { direction: 'hire' as const } : {}) });
  warm.push(performance.now() - t0);
}
await d.close();

await ensureBenchAccount(databaseUrl);
const httpCold: number[] = [];
const httpWarm: number[] = [];
let rss = 0;
for (let r = 0; r < restarts; r++) {
  const child = await startKoryu({ DATABASE_URL: databaseUrl, KORYU_WEB_DIST: '/nonexistent' }, port);
  try {
    const { cookie } = await loginWithCsrf(child.base);
    const get = async (q: string) => {
      const t0 = performance.now();
      const res = await fetch(`${child.base}/api/statistics/public-private/overview?${q}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      return performance.now() - t0;
    };
    httpCold.push(await get(`year=${year}&window=3`));
    if (r === restarts - 1) {
      for (let i = 0; i < httpRuns; i++) {
        const q = `year=${year - (i % 5)}&window=${i % 2 ? 1 : 3}&from=${2000 + (i % 4)}${i % 3 === 0 ? '&direction=dispatch' : ''}`;
        httpWarm.push(await get(q));
      }
      rss = rssMb(child.proc.pid!);
    }
  } finally {
    await child.stop();
  }
}

const result = {
  bench: 'statistics-page',
  date: new Date().toISOString(),
  cases: facts.cases,
  startedCases: facts.started,
  years: `${facts.from}–${facts.to}`,
  pageBytes: bytes,
  inProcessCold: stats(cold),
  inProcessWarm: stats(warm),
  httpCold: stats(httpCold),
  httpWarm: stats(httpWarm),
  serverRssMb: rss,
  targetMs: 300,
};
console.log(JSON.stringify(result, null, 2));
