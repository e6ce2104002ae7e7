// The public wish-sheet listing under load (issue 5: target p95 ≤ 50 ms at 50 connections over
// 100,000 published sheets and 1,000,000 companies): autocannon against koryu started as its own
// process on the PostgreSQL server holding the national registry and the synthetic sheets
// (bench/load-wish-sheets.ts). No login (the listing is public). Each query kind runs on its own
// after a warm-up, its connections cycling through a realistic set of queries of that kind;
// reports throughput, p50/p95/p99 and errors (must be 0), and the rows each query matches. The
// listing is served from the in-process index (ADR 008): the bench first times the cold start (the
// first request, answered by SQL while the index loads, and the load) and the server's RSS.
//   npx tsx bench/wishes-public-http.bench.ts [--database-url URL] [--connections 50] [--duration 15] [--json]
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../server/src/db/client.ts';
import { pct } from './criteria-lib.ts';
import { arg, rssMb, startKoryu } from './lib.ts';

const databaseUrl = arg('database-url', process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/koryu_national');
const connections = Number(arg('connections', '50'));
const duration = Number(arg('duration', '15'));
const port = Number(arg('port', '3993'));

const d = await openDatabase({ databaseUrl, poolSize: 2 });
await d.migrate();
const [counts] = rowsOf<{ sheets: number; published: number; companies: number }>(
  await d.db.execute(
    sql`select (select count(*)::int from wish_sheets) as sheets, (select count(*)::int from wish_sheets where status = 'published') as published, (select count(*)::int from companies) as companies`,
  ),
) as [{ sheets: number; published: number; companies: number }];
await d.close();
if (counts.published < 1000) throw new Error(`only ${counts.published} published sheets: run bench/load-wish-sheets.ts first`);

const q = (s: string) => encodeURIComponent(s);
/** Query kinds: each a list of paths its connections cycle through. */
const kinds: { name: string; paths: string[] }[] = [
  {
    name: 'q only (words, full/half width, readings)',
    paths: [
      `q=${q('ＤＸ')}`,
      `q=${q('データ分析')}`,
      `q=${q('ﾃﾞｰﾀ')}`,
      `q=${q('じんじ')}`,
      `q=${q('脱炭素')}`,
      `q=${q('M&A')}`,
      `q=${q('物流 DX')}`,
      `q=${q('クラウド 英語')}`,
      `q=${q('けいざいさんぎょうしょう')}`,
      `q=${q('半導体')}`,
      `q=${q('品質管理')}`,
      `q=${q('東京都')}`,
    ],
  },
  {
    name: 'q + filters',
    paths: [
      `q=${q('DX')}&direction=dispatch&region=Kanto`,
      `q=${q('データ分析')}&industry=G`,
      `q=${q('脱炭素')}&ageBand=30s&period=24`,
      `q=${q('人材育成')}&side=company&startMonth=2027-04`,
      `q=${q('リスク管理')}&direction=hire&sort=start`,
      `q=${q('ＤＸ推進')}&region=Kinki&sort=expires`,
    ],
  },
  {
    name: 'filters only',
    paths: [
      'direction=hire',
      'industry=E&region=Kinki',
      'ministry=meti',
      'startMonth=2027-04',
      'field=digital&ageBand=40s',
      'side=ministry&sort=start',
      'direction=dispatch&period=12&sort=expires',
      'region=13&field=finance',
    ],
  },
  {
    name: 'pages (newest first, deeper pages)',
    paths: ['', 'page=2', 'page=5', 'page=20', `q=${q('DX')}&page=10`, 'direction=dispatch&page=50'],
  },
];

const server = await startKoryu({ DATABASE_URL: databaseUrl, KORYU_DB_POOL: arg('pool', '10') }, port);
const results = [];
// Cold start: the first request starts loading the in-process index (ADR 008) and is answered by
// SQL; the bench waits until answers come from the index (header x-koryu-listing) before measuring.
const rssBeforeMb = rssMb(server.proc.pid!);
const t0 = performance.now();
const first = await fetch(`${server.base}/api/public/wishes`);
await first.arrayBuffer();
const cold = { firstRequestMs: Math.round(performance.now() - t0), firstSource: first.headers.get('x-koryu-listing'), indexReadyMs: 0, rssBeforeMb: Math.round(rssBeforeMb), rssIndexedMb: 0, rssAfterMb: 0 };
for (;;) {
  const r = await fetch(`${server.base}/api/public/wishes`);
  await r.arrayBuffer();
  if (r.headers.get('x-koryu-listing') !== 'sql') break;
  if (performance.now() - t0 > 300_000) throw new Error('the listing index did not load in 5 minutes');
  await new Promise((res) => setTimeout(res, 100));
}
cold.indexReadyMs = Math.round(performance.now() - t0);
cold.rssIndexedMb = Math.round(rssMb(server.proc.pid!));
try {
  for (const k of kinds) {
    const matches: Record<string, number> = {};
    for (const p of k.paths) {
      const r = await fetch(`${server.base}/api/public/wishes?${p}`);
      const body = (await r.json()) as { total?: number };
      if (r.status !== 200) throw new Error(`${p}: ${r.status} ${JSON.stringify(body)}`);
      if (r.headers.get('x-koryu-listing') !== 'index') throw new Error(`${p}: answered by ${r.headers.get('x-koryu-listing')}, not the index`);
      matches[decodeURIComponent(p) || '(none)'] = body.total ?? -1;
    }
    const requests = k.paths.map((p) => ({ method: 'GET' as const, path: `/api/public/wishes?${p}` }));
    // One request at a time: the cost of one request when nothing queues.
    const single: number[] = [];
    for (let i = 0; i < 10; i++) {
      for (const r of requests) {
        const t0 = performance.now();
        await (await fetch(`${server.base}${r.path}`)).arrayBuffer();
        single.push(performance.now() - t0);
      }
    }
    single.sort((a, b) => a - b);
    await autocannon({ url: server.base, connections: 10, duration: 3, requests });
    const times: number[] = [];
    const res = await new Promise<autocannon.Result>((resolve, reject) => {
      const inst = autocannon({ url: server.base, connections, duration, requests }, (err, out) => (err ? reject(err) : resolve(out)));
      inst.on('response', (_c, _s, _b, t) => times.push(t));
    });
    times.sort((a, b) => a - b);
    results.push({
      kind: k.name,
      queries: k.paths.length,
      matches,
      requests: res.requests.total,
      throughputPerSecond: Math.round(res.requests.average),
      latencyMs: { p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), max: res.latency.max },
      non2xx: res.non2xx,
      errors: res.errors,
      oneAtATimeMs: { p50: pct(single, 50), p95: pct(single, 95) },
    });
  }
  cold.rssAfterMb = Math.round(rssMb(server.proc.pid!));
} finally {
  await server.stop();
}
const out = { sheets: counts.sheets, published: counts.published, companies: counts.companies, connections, durationSeconds: duration, cold, results };
if (process.argv.includes('--json')) console.log(JSON.stringify(out, null, 2));
else {
  console.log(`sheets ${counts.sheets} (published ${counts.published}), companies ${counts.companies}, ${connections} connections, ${duration} s per kind`);
  console.log(
    `cold: first request ${cold.firstRequestMs} ms (answered by ${cold.firstSource}), index ready after ${cold.indexReadyMs} ms; server RSS ${cold.rssBeforeMb} MB before, ${cold.rssIndexedMb} MB indexed, ${cold.rssAfterMb} MB after the runs`,
  );
  for (const r of results) {
    console.log(
      `${r.kind.padEnd(44)} ${String(r.throughputPerSecond).padStart(6)} req/s  p50 ${r.latencyMs.p50} ms  p95 ${r.latencyMs.p95} ms  p99 ${r.latencyMs.p99} ms  (one at a time p50 ${r.oneAtATimeMs.p50.toFixed(1)} ms)  errors ${r.errors} non2xx ${r.non2xx}`,
    );
  }
  console.log(JSON.stringify(out.results.map((r) => ({ kind: r.kind, matches: r.matches }))));
}
if (results.some((r) => r.non2xx || r.errors)) process.exitCode = 1;
