// The NPA review queue and a ministry's pipeline under load: autocannon with N connections against
// koryu started as its own process on the PostgreSQL server holding the national registry and
// synthetic exchange cases (bench/load-exchange-cases.ts). Each endpoint runs on its own after a
// warm-up; reports throughput, p50/p95/p99 and errors (must be 0).
//   npx tsx bench/exchanges-http.bench.ts [--database-url URL] [--connections 50] [--duration 15]
// Endpoints: the NPA queue's first page (GET /api/exchanges/queue), the same filtered to overdue,
// the ministry with the most cases: its pipeline counts (GET /api/exchanges/pipeline) and its
// case list sorted by start (GET /api/exchanges/cases). Lists with names are audited per request,
// as in production.
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../server/src/db/client.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { systemContext } from '../server/src/platform/context.ts';
import { createServices } from '../server/src/services.ts';
import { ensureBenchAccount, loginWithCsrf, pct } from './criteria-lib.ts';
import { arg, startKoryu } from './lib.ts';

const databaseUrl = arg('database-url', process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/koryu_national');
const connections = Number(arg('connections', '50'));
const duration = Number(arg('duration', '15'));
const port = Number(arg('port', '3992'));
const MINISTRY_EMAIL = 'bench-ministry@bench.koryu.jp';
const CENTER_EMAIL = 'bench-center@bench.koryu.jp';
const PASSWORD = 'bench-password-2026';

await ensureBenchAccount(databaseUrl);
const d = await openDatabase({ databaseUrl, poolSize: 2 });
const [{ cases, org }] = rowsOf<{ cases: number; org: number }>(
  await d.db.execute(sql`select count(*)::int as cases, (select organisation_id::int from exchange_cases group by 1 order by count(*) desc limit 1) as org from exchange_cases`),
) as [{ cases: number; org: number }];
const [{ orgCases, queue }] = rowsOf<{ orgCases: number; queue: number }>(
  await d.db.execute(
    sql`select (select count(*)::int from exchange_cases where organisation_id = ${org}) as "orgCases", (select count(*)::int from exchange_cases where state in ('submitted','under_review','query_to_ministry','formal_application')) as queue`,
  ),
) as [{ orgCases: number; queue: number }];
if (cases < 1000) throw new Error(`only ${cases} exchange cases: run bench/load-exchange-cases.ts first`);
const exists = rowsOf<{ n: number }>(await d.db.execute(sql`select count(*)::int as n from accounts where email = ${MINISTRY_EMAIL}`))[0]!.n;
if (exists) await d.db.execute(sql`update accounts set organisation_id = ${org} where email = ${MINISTRY_EMAIL}`);
else await createServices(d, loadConfig({})).accounts.createAccount({ email: MINISTRY_EMAIL, displayName: 'bench ministry', password: PASSWORD, role: 'ministry_hr', organisationId: org }, systemContext('bench'));
// The center reads every pipeline without names: its lists are not reads of personal data, so
// comparing its queue with the NPA's shows what the audit row of a list costs.
const centerExists = rowsOf<{ n: number }>(await d.db.execute(sql`select count(*)::int as n from accounts where email = ${CENTER_EMAIL}`))[0]!.n;
if (!centerExists) {
  const cabinet = rowsOf<{ id: number }>(await d.db.execute(sql`select id::int as id from organisations where name_ja = '内閣府'`))[0]!.id;
  await createServices(d, loadConfig({})).accounts.createAccount({ email: CENTER_EMAIL, displayName: 'bench center', password: PASSWORD, role: 'center', organisationId: cabinet }, systemContext('bench'));
}
await d.close();

const server = await startKoryu({ DATABASE_URL: databaseUrl, KORYU_DB_POOL: arg('pool', '10') }, port);
const npa = await loginWithCsrf(server.base);
const ministry = await loginWithCsrf(server.base, MINISTRY_EMAIL, PASSWORD);
const center = await loginWithCsrf(server.base, CENTER_EMAIL, PASSWORD);

const runs = [
  { name: 'NPA queue, first page', path: '/api/exchanges/queue', cookie: npa.cookie },
  { name: 'NPA queue, overdue only', path: '/api/exchanges/queue?overdue=true', cookie: npa.cookie },
  { name: 'center queue, first page (no names: no audit row)', path: '/api/exchanges/queue', cookie: center.cookie },
  { name: 'baseline: session lookup only', path: '/api/auth/session', cookie: npa.cookie },
  { name: 'ministry pipeline counts', path: '/api/exchanges/pipeline', cookie: ministry.cookie },
  { name: 'ministry case list by start', path: '/api/exchanges/cases?sort=start', cookie: ministry.cookie },
];

const results = [];
for (const r of runs) {
  const check = await fetch(`${server.base}${r.path}`, { headers: { cookie: r.cookie } });
  const body = (await check.json()) as { total?: number; byState?: unknown[] };
  if (check.status !== 200) throw new Error(`${r.path}: ${check.status} ${JSON.stringify(body)}`);
  // One request at a time: the cost of one request when nothing queues.
  const single: number[] = [];
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    await (await fetch(`${server.base}${r.path}`, { headers: { cookie: r.cookie } })).arrayBuffer();
    single.push(performance.now() - t0);
  }
  single.sort((a, b) => a - b);
  await autocannon({ url: server.base, connections: 10, duration: 3, headers: { cookie: r.cookie }, requests: [{ method: 'GET', path: r.path }] });
  const times: number[] = [];
  const res = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon({ url: server.base, connections, duration, headers: { cookie: r.cookie }, requests: [{ method: 'GET', path: r.path }] }, (err, out) =>
      err ? reject(err) : resolve(out),
    );
    inst.on('response', (_c, _s, _b, t) => times.push(t));
  });
  times.sort((a, b) => a - b);
  results.push({
    endpoint: `GET ${r.path}`,
    name: r.name,
    rowsMatching: body.total ?? null,
    requests: res.requests.total,
    throughputPerSecond: Math.round(res.requests.average),
    latencyMs: { p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), max: res.latency.max },
    non2xx: res.non2xx,
    errors: res.errors,
    oneAtATimeMs: { p50: pct(single, 50), p95: pct(single, 95) },
  });
}
await server.stop();
console.log(JSON.stringify({ cases, queue, ministryCases: orgCases, connections, durationSeconds: duration, results }, null, 2));
if (results.some((r) => r.non2xx || r.errors)) process.exitCode = 1;
