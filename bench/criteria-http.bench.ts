// POST /api/criteria/evaluate under load: autocannon with N connections against koryu started as
// its own process (as bench/search.bench.ts does), logged in as the NPA bench account with its
// CSRF token. Bodies rotate over 16 facts documents: 8 clean (~10 KB, every rule passes),
// 4 failing (3–5 rules fail) and 4 case-file inputs (~1 KB). Reports throughput, p50/p95/p99,
// errors/non-2xx (must be 0) and the server's RSS (sampled every 250 ms).
//   npx tsx bench/criteria-http.bench.ts [--database-url URL] [--connections 50] [--duration 20]
// The evaluation reads nothing from the database; the database serves the session lookup only.
import autocannon from 'autocannon';
import { criteriaRequestSchema, type CriteriaRequest } from '../common/src/schemas/criteria.schema.ts';
import { loadCases } from '../server/src/modules/criteria/cases.ts';
import { evaluate } from '../server/src/modules/criteria/engine.ts';
import { defaultParameters } from '../server/src/modules/criteria/parameters.ts';
import { ensureBenchAccount, loginWithCsrf, pct } from './criteria-lib.ts';
import { generateDocuments } from './generator/criteria-documents.ts';
import { arg, rssMb, startKoryu } from './lib.ts';

const databaseUrl = arg('database-url', process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/koryu_national');
const connections = Number(arg('connections', '50'));
const duration = Number(arg('duration', '20'));
const port = Number(arg('port', '3991'));
const seed = Number(arg('seed', '42'));

const caseIds = ['licensing.pamphlet_director_with_jurisdiction', 'overall.all_pass', 'overall.fail_and_missing', 'consecutive.third_in_row'];
const cases = loadCases();
const docs: CriteriaRequest[] = [
  ...generateDocuments({ seed, count: 8, kind: 'clean' }),
  ...generateDocuments({ seed, count: 4, kind: 'failing' }),
  ...caseIds.map((id) => {
    const c = cases.find((x) => x.id === id);
    if (!c) throw new Error(`no case ${id}`);
    return criteriaRequestSchema.parse(c.input);
  }),
];
const bodies = docs.map((d) => JSON.stringify(d));
const expected = docs.map((d) => evaluate(d, defaultParameters()).overall);

await ensureBenchAccount(databaseUrl);
const server = await startKoryu({ DATABASE_URL: databaseUrl, KORYU_DB_POOL: arg('pool', '10') }, port);
const { cookie, csrfToken } = await loginWithCsrf(server.base);
const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };

// Every body once: the server's decision must be the in-process one.
for (const [i, body] of bodies.entries()) {
  const r = await fetch(`${server.base}/api/criteria/evaluate`, { method: 'POST', headers, body });
  if (r.status !== 200) throw new Error(`POST /api/criteria/evaluate: ${r.status} ${await r.text()}`);
  const d = (await r.json()) as { overall: string };
  if (d.overall !== expected[i]) throw new Error(`document ${i}: server says ${d.overall}, engine says ${expected[i]}`);
}

let maxRss = rssMb(server.proc.pid!);
const sampler = setInterval(() => {
  maxRss = Math.max(maxRss, rssMb(server.proc.pid!));
}, 250);

// One request at a time: the latency when nothing queues.
const single: number[] = [];
for (let i = 0; i < 400; i++) {
  const t0 = performance.now();
  await (await fetch(`${server.base}/api/criteria/evaluate`, { method: 'POST', headers, body: bodies[i % bodies.length] })).text();
  single.push(performance.now() - t0);
}
single.sort((a, b) => a - b);

const request = { method: 'POST' as const, path: '/api/criteria/evaluate', setupRequest: (r: object) => ({ ...r, body: bodies[Math.floor(Math.random() * bodies.length)]! }) };
await autocannon({ url: server.base, connections: 10, duration: 5, headers, requests: [request] });
const times: number[] = [];
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const inst = autocannon({ url: server.base, connections, duration, headers, requests: [request] }, (err, res) => (err ? reject(err) : resolve(res)));
  inst.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
});
times.sort((a, b) => a - b);
clearInterval(sampler);
const idleRss = rssMb(server.proc.pid!);
await server.stop();

console.log(
  JSON.stringify(
    {
      endpoint: 'POST /api/criteria/evaluate',
      documents: { count: bodies.length, avgBytes: Math.round(bodies.reduce((s, b) => s + Buffer.byteLength(b), 0) / bodies.length) },
      connections,
      durationSeconds: duration,
      requests: result.requests.total,
      throughputPerSecond: Math.round(result.requests.average),
      latencyMs: { p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), max: result.latency.max, mean: result.latency.average },
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      serverRssMb: { maxUnderLoad: Math.round(maxRss), afterRun: Math.round(idleRss) },
      oneAtATimeMs: { requests: single.length, p50: pct(single, 50), p95: pct(single, 95), max: pct(single, 100) },
    },
    null,
    2,
  ),
);
if (result.non2xx || result.errors || result.timeouts) process.exitCode = 1;
