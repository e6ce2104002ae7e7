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
import { coldWarmHttp, latencyStats as stats } from './criteria-lib.ts';
import { coldWarmArgs } from './lib.ts';

const { databaseUrl, port, coldRuns, warmRuns, restarts, httpRuns } = coldWarmArgs({ port: 3962, coldRuns: 7, warmRuns: 200, restarts: 3, httpRuns: 100 });

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

// cold: the default view; warm: the filter changes the page makes (years, window, direction)
const path = (i: number | null) =>
  `/api/statistics/public-private/overview?${i === null ? `year=${year}&window=3` : `year=${year - (i % 5)}&window=${i % 2 ? 1 : 3}&from=${2000 + (i % 4)}${i % 3 === 0 ? '&direction=dispatch' : ''}`}`;
const http = await coldWarmHttp({ databaseUrl, port, restarts, httpRuns, path });

const result = {
  bench: 'statistics-page',
  date: new Date().toISOString(),
  cases: facts.cases,
  startedCases: facts.started,
  years: `${facts.from}–${facts.to}`,
  pageBytes: bytes,
  inProcessCold: stats(cold),
  inProcessWarm: stats(warm),
  httpCold: stats(http.cold),
  httpWarm: stats(http.warm),
  serverRssMb: http.rssMb,
  targetMs: 300,
};
console.log(JSON.stringify(result, null, 2));
