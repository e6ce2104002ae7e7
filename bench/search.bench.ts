// Company directory search under load: autocannon with N connections against koryu on the
// PostgreSQL server holding national-scale data; reports p50/p95/p99, throughput, errors and
// the server's resident memory (sampled every 250 ms).
//   npx tsx bench/search.bench.ts --database-url postgres://postgres@127.0.0.1:5432/koryu_national
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../server/src/db/client.ts';
import { arg, login, rssMb, startKoryu } from './lib.ts';
import { BENCH_EMAIL, BENCH_PASSWORD, ensureBenchAccount } from './criteria-lib.ts';
import { koryuPath, sampleSql, searchMix, type CompanySample } from './search-mix.ts';

const databaseUrl = arg('database-url', process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/koryu_national');
const connections = Number(arg('connections', '50'));
const duration = Number(arg('duration', '30'));
const port = Number(arg('port', '3990'));
const EMAIL = BENCH_EMAIL;
const PASSWORD = BENCH_PASSWORD;

async function prepare(): Promise<string[]> {
  await ensureBenchAccount(databaseUrl);
  const d = await openDatabase({ databaseUrl });
  const total = rowsOf<{ n: number }>(await d.db.execute(sql`select count(*)::int as n from companies`))[0]!.n;
  // A realistic query mix drawn from the data: parts of names (3–6 chars), kana, 法人番号, and filters.
  const sample = rowsOf<CompanySample>(await d.db.execute(sql.raw(sampleSql)));
  await d.close();
  const paths = searchMix(sample).map(koryuPath);
  console.log(`companies in database: ${total}; query mix: ${paths.length} distinct requests`);
  return paths;
}

const paths = await prepare();
const server = await startKoryu({ DATABASE_URL: databaseUrl, KORYU_DB_POOL: arg('pool', '10') }, port);
const cookie = await login(server.base, EMAIL, PASSWORD);
let maxRss = rssMb(server.proc.pid!);
const sampler = setInterval(() => {
  maxRss = Math.max(maxRss, rssMb(server.proc.pid!));
}, 250);

// One request at a time first: the latency of a search when nothing queues.
const single: number[] = [];
for (const path of paths.slice(0, 300)) {
  const t0 = performance.now();
  await (await fetch(server.base + path, { headers: { cookie } })).text();
  single.push(performance.now() - t0);
}
single.sort((a, b) => a - b);

// Warm-up, then the measured run.
await autocannon({ url: server.base, connections: 10, duration: 5, headers: { cookie }, requests: [{ setupRequest: (r) => ({ ...r, path: paths[Math.floor(Math.random() * paths.length)]! }) }] });
const times: number[] = [];
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const inst = autocannon(
    {
      url: server.base,
      connections,
      duration,
      headers: { cookie },
      requests: [{ setupRequest: (r) => ({ ...r, path: paths[Math.floor(Math.random() * paths.length)]! }) }],
    },
    (err, res) => (err ? reject(err) : resolve(res)),
  );
  inst.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
});
times.sort((a, b) => a - b);
const pct = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]! * 10) / 10;
clearInterval(sampler);
const idleRss = rssMb(server.proc.pid!);
await server.stop();

const l = result.latency;
console.log(
  JSON.stringify(
    {
      connections,
      durationSeconds: duration,
      requests: result.requests.total,
      throughputPerSecond: Math.round(result.requests.average),
      latencyMs: { p50: pct(50), p95: pct(95), p99: pct(99), max: l.max, mean: l.average },
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      serverRssMb: { maxUnderLoad: Math.round(maxRss), afterRun: Math.round(idleRss) },
      oneAtATimeMs: {
        requests: single.length,
        p50: Math.round(single[Math.floor(single.length / 2)]! * 10) / 10,
        p95: Math.round(single[Math.floor(single.length * 0.95)]! * 10) / 10,
        max: Math.round(single[single.length - 1]! * 10) / 10,
      },
    },
    null,
    2,
  ),
);
