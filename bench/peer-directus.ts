// Side by side (issue 9, item 3): koryu's company directory search, the closest Directus REST
// query over the same PostgreSQL tables, and the raw SQL floor (the exact SQL koryu runs, sent
// through `pg`), in one run, on the same data, with the same query mix and concurrency.
//   npm run bench:peer -- --database-url postgres://postgres@127.0.0.1:5432/koryu_national [--duration 30] [--connections 20]
// Options: --rounds 2, --warmup 5 (seconds before each measured run), --pool N (koryu's and
// Directus's database pools; default --connections, the size of the floor's pool),
// --directus-version 12.4.0, --ports 3992,8056.
//
// Directus is installed from npm into bench/.peer/directus (ignored by git) when it is not there,
// bootstrapped against the same database (its directus_* tables go into the same schema, public:
// see docs/benchmarks.md for why), and its public policy is given read access to `companies`
// (and nothing else) so the searches are answered without login. koryu's tables are only read.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { openDatabase, rowsOf, type Database } from '../server/src/db/client.ts';
import { createCompaniesService } from '../server/src/modules/companies/companies.service.ts';
import type { Actor } from '../server/src/platform/context.ts';
import { companyListQuerySchema } from '../common/src/schemas/companies.schema.ts';
import { normalizeForSearch } from '../common/src/text.ts';
import { normalizeCorporateNumber } from '../common/src/corporate-number.ts';
import { arg, login, startKoryu } from './lib.ts';
import { BENCH_EMAIL, BENCH_PASSWORD, ensureBenchAccount } from './criteria-lib.ts';
import { koryuPath, sampleSql, searchMix, type CompanySample, type SearchParams } from './search-mix.ts';

const databaseUrl = arg('database-url', process.env.DATABASE_URL ?? '');
if (!databaseUrl) {
  console.error('usage: npm run bench:peer -- --database-url postgres://… [--duration 30] [--connections 20]');
  process.exit(1);
}
const duration = Number(arg('duration', '30'));
const connections = Number(arg('connections', '20'));
const rounds = Number(arg('rounds', '2'));
const warmup = Number(arg('warmup', '5'));
const appPool = Number(arg('pool', String(connections))); // koryu's and Directus's pools; the floor's has --connections clients
const directusVersion = arg('directus-version', '12.4.0');
const [koryuPort, directusPort] = arg('ports', '3992,8056').split(',').map(Number) as [number, number];
const peerDir = path.resolve(import.meta.dirname, '.peer/directus');
const EMAIL = BENCH_EMAIL;
const PASSWORD = BENCH_PASSWORD;
const PAGE_SIZE = 20; // koryu's default page size; Directus is asked for the same
const log = (s: string) => console.error(`[bench:peer] ${s}`);

// ------------------------------------------------------------------ Directus: install, bootstrap, grant

function ensureDirectus(): string {
  const pkg = path.join(peerDir, 'node_modules/directus/package.json');
  const installed = fs.existsSync(pkg) ? (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version : null;
  if (installed !== directusVersion) {
    log(`installing directus@${directusVersion} into ${peerDir} (not committed) …`);
    fs.mkdirSync(peerDir, { recursive: true });
    const r = spawnSync('npm', ['install', '--prefix', peerDir, '--no-audit', '--no-fund', '--loglevel=error', `directus@${directusVersion}`], {
      stdio: 'inherit',
    });
    if (r.status !== 0) throw new Error(`npm install directus@${directusVersion} failed (${r.status})`);
  }
  return path.join(peerDir, 'node_modules/directus/cli.js');
}

/** Directus's configuration: every setting that matters for the comparison is explicit. */
function directusEnv(): Record<string, string> {
  const secretFile = path.join(peerDir, 'secrets.json');
  if (!fs.existsSync(secretFile)) {
    fs.writeFileSync(secretFile, JSON.stringify({ key: randomBytes(16).toString('hex'), secret: randomBytes(32).toString('hex'), password: randomBytes(12).toString('hex') }));
  }
  const s = JSON.parse(fs.readFileSync(secretFile, 'utf8')) as { key: string; secret: string; password: string };
  return {
    DB_CLIENT: 'pg',
    DB_CONNECTION_STRING: databaseUrl,
    DB_POOL__MIN: '0',
    DB_POOL__MAX: String(appPool),
    KEY: s.key,
    SECRET: s.secret,
    ADMIN_EMAIL: 'admin@example.com',
    ADMIN_PASSWORD: s.password,
    HOST: '127.0.0.1',
    PORT: String(directusPort),
    PUBLIC_URL: `http://127.0.0.1:${directusPort}`,
    LOG_LEVEL: 'warn',
    LOG_STYLE: 'raw',
    TELEMETRY: 'false',
    WEBSOCKETS_ENABLED: 'false',
    CACHE_ENABLED: 'false', // koryu has no response cache either; 400 distinct queries would all be cached
    RATE_LIMITER_ENABLED: 'false',
    // Directus's own overload guard answers 503 when its event loop lags; off, so that it is measured
    // like koryu (which has no such guard on this route) instead of shedding load.
    PRESSURE_LIMITER_ENABLED: arg('directus-pressure-limiter', 'false'),
    ACCESS_TOKEN_TTL: '15m',
    EXTENSIONS_PATH: path.join(peerDir, 'extensions'),
    STORAGE_LOCATIONS: 'local',
    STORAGE_LOCAL_ROOT: path.join(peerDir, 'uploads'),
    NODE_ENV: 'production',
  };
}

async function bootstrapDirectus(cli: string): Promise<void> {
  const r = spawnSync(process.execPath, [cli, 'bootstrap'], { cwd: peerDir, env: { ...process.env, ...directusEnv() }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`directus bootstrap failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  // Read access for the public policy to companies only, once. Directus's own tables, not koryu's.
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const policy = (await c.query<{ policy: string }>(`select policy from directus_access where role is null and "user" is null limit 1`)).rows[0]?.policy;
    if (!policy) throw new Error('Directus public policy not found in directus_access');
    const has = await c.query(`select 1 from directus_permissions where policy = $1 and collection = 'companies' and action = 'read'`, [policy]);
    if (has.rowCount === 0) {
      await c.query(`insert into directus_permissions (collection, action, fields, permissions, policy) values ('companies', 'read', '*', '{}', $1)`, [policy]);
      log('granted the Directus public policy read access to companies');
    }
  } finally {
    await c.end();
  }
}

async function startDirectus(cli: string): Promise<{ proc: ChildProcess; base: string; stop: () => Promise<void> }> {
  const proc = spawn(process.execPath, [cli, 'start'], { cwd: peerDir, env: { ...process.env, ...directusEnv() }, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://127.0.0.1:${directusPort}`;
  const t0 = performance.now();
  for (;;) {
    if (performance.now() - t0 > 120_000) throw new Error('directus did not start');
    if (proc.exitCode !== null) throw new Error(`directus exited with ${proc.exitCode}`);
    try {
      if ((await fetch(`${base}/server/ping`)).ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    proc,
    base,
    stop: async () => {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
    },
  };
}

// ------------------------------------------------------------------ the three forms of one search

const directusFields = 'id,corporate_number,name,name_kana,legal_type_code,industry_code,prefecture_code,capital_yen,employees,status';

/**
 * The closest Directus REST query to koryu's `GET /api/companies` for the same parameters. Directus
 * cannot normalise the search text, so the client sends it already normalised (what a Directus
 * front end would have to do). The match set is the same as koryu's: 3+ characters anywhere in the
 * normalised name or reading, shorter ones at the start of the core name or the reading, a 13-digit
 * text as the 法人番号. The order is not: Directus sorts by a column (id); koryu ranks.
 */
function directusPath(p: SearchParams, withCount: boolean): string {
  const and: object[] = [];
  const text = p.q?.trim();
  if (text) {
    const digits = normalizeCorporateNumber(text);
    const t = normalizeForSearch(text);
    if (/^[0-9]{13}$/.test(digits)) and.push({ corporate_number: { _eq: digits } });
    else if ([...t].length >= 3) and.push({ _or: [{ name_normalized: { _contains: t } }, { name_kana_normalized: { _contains: t } }] });
    else and.push({ _or: [{ name_core: { _starts_with: t } }, { name_kana_normalized: { _starts_with: t } }] });
  }
  if (p.industry) and.push({ industry_code: { _eq: p.industry } });
  if (p.prefecture) and.push({ prefecture_code: { _eq: p.prefecture } });
  if (p.size === 'small') and.push({ employees: { _lt: 50 } });
  const qs = [`fields=${directusFields}`, `limit=${PAGE_SIZE}`, `page=${p.page ?? 1}`, 'sort=id'];
  if (and.length) qs.push(`filter=${encodeURIComponent(JSON.stringify({ _and: and }))}`);
  if (withCount) qs.push('meta=filter_count');
  return `/items/companies?${qs.join('&')}`;
}

type Captured = { name: string; text: string; params: unknown[] };
type FloorQuery = { main: Captured; count: Captured };
const dialect = new PgDialect();

/**
 * The exact SQL koryu runs for one search: the real service and repository code, over an executor
 * that records the queries instead of running them. The first is the page (run by koryu as a named
 * prepared statement, named as koryu names it); the second the count koryu runs only when the page
 * comes back empty (past the last page).
 */
async function captureSql(p: SearchParams): Promise<FloorQuery> {
  const captured: SQL[] = [];
  const recorder = { execute: async (q: SQL) => (captured.push(q), { rows: [] }) };
  const service = createCompaniesService({ db: recorder } as unknown as Database);
  const query = companyListQuerySchema.parse(Object.fromEntries(Object.entries(p).map(([k, v]) => [k, String(v)])));
  await service.search({ role: 'npa' } as Actor, query);
  const [main, count] = captured.map((q) => {
    const { sql: text, params } = dialect.sqlToQuery(q);
    return { name: `k_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text, params };
  });
  if (!main || !count) throw new Error('expected the page query and the count query');
  return { main, count };
}

async function floorQuery(pool: pg.Pool, f: FloorQuery): Promise<number> {
  const r = await pool.query<{ total: number }>({ name: f.main.name, text: f.main.text, values: f.main.params });
  if (r.rows.length > 0) return r.rows[0]!.total;
  return (await pool.query<{ n: number }>({ text: f.count.text, values: f.count.params })).rows[0]!.n;
}

// ------------------------------------------------------------------ load runners

type Run = { target: string; round: number; requests: number; seconds: number; rps: number; p50: number; p95: number; p99: number; errors: number; errorKinds?: Record<string, number>; cpuMsPerRequest?: number };

/** CPU time (user + system) a process has used so far, in ms: the server's own cost per search. */
function cpuMs(pid: number | undefined): number {
  if (pid === undefined) {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  }
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // utime, stime in clock ticks (100/s)
}
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const r1 = (x: number) => Math.round(x * 10) / 10;

function summarise(target: string, round: number, times: number[], seconds: number, errors: number): Run {
  const s = [...times].sort((a, b) => a - b);
  return { target, round, requests: s.length, seconds: r1(seconds), rps: Math.round(s.length / seconds), p50: r1(pct(s, 50)), p95: r1(pct(s, 95)), p99: r1(pct(s, 99)), errors };
}

async function httpLoad(base: string, paths: string[], headers: Record<string, string>, conns: number, seconds: number) {
  const times: number[] = [];
  const statuses: Record<number, number> = {};
  const t0 = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const inst = autocannon(
      { url: base, connections: conns, duration: seconds, headers, requests: [{ setupRequest: (r) => ({ ...r, path: paths[Math.floor(Math.random() * paths.length)]! }) }] },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    inst.on('response', (_c, status, _bytes, responseTime) => {
      times.push(responseTime);
      if (status >= 300) statuses[status] = (statuses[status] ?? 0) + 1;
    });
  });
  const errorKinds = { non2xx: result.non2xx, socketErrors: result.errors - result.timeouts, timeouts: result.timeouts, ...Object.fromEntries(Object.entries(statuses).map(([k, v]) => [`status${k}`, v])) };
  // A request that timed out (autocannon's 10 s) has no response time: count it as 10 s, so that
  // the percentiles do not leave out the slowest answers.
  for (let i = 0; i < result.timeouts; i++) times.push(10_000);
  return { times, seconds: (performance.now() - t0) / 1000, errors: result.non2xx + result.errors, errorKinds };
}

async function floorLoad(pool: pg.Pool, queries: FloorQuery[], conns: number, seconds: number) {
  const times: number[] = [];
  let errors = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: conns }, async () => {
      while (performance.now() < end) {
        const q = queries[Math.floor(Math.random() * queries.length)]!;
        const s = performance.now();
        try {
          await floorQuery(pool, q);
        } catch {
          errors++;
        }
        times.push(performance.now() - s);
      }
    }),
  );
  return { times, seconds: (performance.now() - t0) / 1000, errors, errorKinds: { sqlErrors: errors } };
}

// ------------------------------------------------------------------ main

const cli = ensureDirectus();
await ensureBenchAccount(databaseUrl);
const d = await openDatabase({ databaseUrl, poolSize: 2 });
const total = rowsOf<{ n: number }>(await d.db.execute(sql`select count(*)::int as n from companies`))[0]!.n;
const sample = rowsOf<CompanySample>(await d.db.execute(sql.raw(sampleSql)));
await d.close();
const mix = searchMix(sample); // an empty q (a name shorter than the slice) is a plain listing on both sides
const koryuPaths = mix.map(koryuPath);
const directusPaths = mix.map((p) => directusPath(p, true));
const directusNoCountPaths = mix.map((p) => directusPath(p, false));
const floorQueries = await Promise.all(mix.map(captureSql));
log(`companies in database: ${total}; query mix: ${mix.length} searches (the mix of search.bench.ts)`);

log(`directus ${directusVersion}: bootstrap against the same database …`);
const tBoot = performance.now();
await bootstrapDirectus(cli);
log(`bootstrap ${Math.round(performance.now() - tBoot)} ms`);
const koryu = await startKoryu({ DATABASE_URL: databaseUrl, KORYU_DB_POOL: String(appPool) }, koryuPort);
const directus = await startDirectus(cli);
const cookie = await login(koryu.base, EMAIL, PASSWORD);
const floorPool = new pg.Pool({ connectionString: databaseUrl, max: connections, options: '-c plan_cache_mode=force_custom_plan -c datestyle=ISO -c timezone=UTC' });

try {
  // Same answers? The number of matches of a few searches of each kind on all three sides
  // (koryu's total stops at 300: "300+"; Directus's filter_count does not stop).
  const checks: { kind: string; query: string; koryu: string; floor: number; directus: number; same: boolean }[] = [];
  for (let i = 0; i < Math.min(mix.length, 18); i++) {
    const p = mix[i]!;
    const kr = (await (await fetch(koryu.base + koryuPaths[i], { headers: { cookie } })).json()) as { total: number; totalCapped: boolean };
    const dr = (await (await fetch(directus.base + directusPaths[i])).json()) as { meta?: { filter_count: number }; errors?: unknown };
    if (!dr.meta) throw new Error(`directus answered ${JSON.stringify(dr)} for ${directusPaths[i]}`);
    const fl = Math.min(await floorQuery(floorPool, floorQueries[i]!), 300);
    const kind = ['name part', 'name part', 'reading', '法人番号', 'name + industry', 'industry + prefecture + small'][i % 6]!;
    checks.push({
      kind,
      query: koryuPaths[i]!.replace('/api/companies?', ''),
      koryu: `${kr.total}${kr.totalCapped ? '+' : ''}`,
      floor: fl,
      directus: dr.meta.filter_count,
      same: kr.total === fl && kr.total === Math.min(dr.meta.filter_count, 300),
    });
  }
  console.log('match counts (koryu total, floor total, Directus filter_count):');
  for (const c of checks) console.log(`  ${c.same ? 'same' : 'DIFF'}  ${c.kind.padEnd(30)} ${decodeURIComponent(c.query).padEnd(50)} koryu ${c.koryu.padStart(5)}  floor ${String(c.floor).padStart(5)}  directus ${String(c.directus).padStart(7)}`);

  const targets: { name: string; pid: number | undefined; run: (seconds: number, conns: number) => Promise<{ times: number[]; seconds: number; errors: number; errorKinds: Record<string, number> }> }[] = [
    { name: 'koryu', pid: koryu.proc.pid, run: (s, c) => httpLoad(koryu.base, koryuPaths, { cookie }, c, s) },
    { name: 'directus', pid: directus.proc.pid, run: (s, c) => httpLoad(directus.base, directusPaths, {}, c, s) },
    { name: 'directus-nocount', pid: directus.proc.pid, run: (s, c) => httpLoad(directus.base, directusNoCountPaths, {}, c, s) },
    { name: 'floor', pid: undefined, run: (s, c) => floorLoad(floorPool, floorQueries, c, s) },
  ];
  // Every search once through the floor first, so that no side pays for reading the pages cold.
  for (const q of floorQueries) await floorQuery(floorPool, q);
  // One at a time (nothing queues): what each layer costs on its own.
  const single: Record<string, { p50: number; p95: number }> = {};
  const once: Record<string, (i: number) => Promise<unknown>> = {
    koryu: async (i) => (await fetch(koryu.base + koryuPaths[i], { headers: { cookie } })).text(),
    directus: async (i) => (await fetch(directus.base + directusPaths[i])).text(),
    'directus-nocount': async (i) => (await fetch(directus.base + directusNoCountPaths[i])).text(),
    floor: (i) => floorQuery(floorPool, floorQueries[i]!),
  };
  for (const [name, run] of Object.entries(once)) {
    const ts: number[] = [];
    for (let i = 0; i < Math.min(200, mix.length); i++) {
      const t0 = performance.now();
      await run(i);
      ts.push(performance.now() - t0);
    }
    ts.sort((a, b) => a - b);
    single[name] = { p50: r1(pct(ts, 50)), p95: r1(pct(ts, 95)) };
    console.log(`one at a time ${name.padEnd(17)} p50 ${single[name]!.p50} ms  p95 ${single[name]!.p95} ms (${ts.length} searches)`);
  }

  const runs: Run[] = [];
  const allTimes = new Map<string, number[]>(targets.map((t) => [t.name, []]));
  for (let round = 1; round <= rounds; round++) {
    for (const t of targets) {
      if (warmup > 0) await t.run(warmup, Math.min(10, connections));
      const cpu0 = cpuMs(t.pid);
      const r = await t.run(duration, connections);
      const cpu = cpuMs(t.pid) - cpu0;
      const s = { ...summarise(t.name, round, r.times, r.seconds, r.errors), errorKinds: r.errorKinds, cpuMsPerRequest: r2(cpu / Math.max(1, r.times.length)) };
      runs.push(s);
      for (const x of r.times) allTimes.get(t.name)!.push(x);
      console.log(`round ${round} ${t.name.padEnd(17)} ${String(s.rps).padStart(6)} req/s  p50 ${s.p50} ms  p95 ${s.p95} ms  p99 ${s.p99} ms  errors ${s.errors}  cpu ${s.cpuMsPerRequest} ms/req ${s.errors ? JSON.stringify(s.errorKinds) : ''}`);
    }
  }
  // All rounds of a target together: throughput over the total time, percentiles over all requests.
  const overall = new Map<string, Run>();
  for (const t of targets) {
    const mine = runs.filter((r) => r.target === t.name);
    const seconds = mine.reduce((a, r) => a + r.seconds, 0);
    const o = summarise(t.name, 0, allTimes.get(t.name)!, seconds, mine.reduce((a, r) => a + r.errors, 0));
    const answered = mine.reduce((a, r) => a + r.requests, 0);
    overall.set(t.name, { ...o, cpuMsPerRequest: r2(mine.reduce((a, r) => a + (r.cpuMsPerRequest ?? 0) * r.requests, 0) / Math.max(1, answered)) });
  }
  const k = overall.get('koryu')!;
  const dx = overall.get('directus')!;
  const dn = overall.get('directus-nocount')!;
  const f = overall.get('floor')!;
  const ratios = {
    koryuOverDirectusThroughput: r2(k.rps / dx.rps),
    directusP95OverKoryuP95: r2(dx.p95 / k.p95),
    koryuOverDirectusNoCountThroughput: r2(k.rps / dn.rps),
    directusNoCountP95OverKoryuP95: r2(dn.p95 / k.p95),
    floorOverKoryuThroughput: r2(f.rps / k.rps),
    koryuP95OverFloorP95: r2(k.p95 / f.p95),
    koryuP50OverFloorP50: r2(k.p50 / f.p50),
  };
  console.log('\n| target | requests | req/s | p50 ms | p95 ms | p99 ms | errors | CPU ms/request (server process; floor: client) |\n|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of overall.values()) console.log(`| ${r.target} | ${r.requests} | ${r.rps} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.errors} | ${r.cpuMsPerRequest} |`);
  console.log(
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: `${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
        directus: directusVersion,
        companies: total,
        searches: mix.length,
        connections,
        durationSeconds: duration,
        rounds,
        pools: { koryu: appPool, directus: appPool, floor: connections },
        oneAtATime: single,
        runs,
        overall: [...overall.values()],
        ratios,
        matchCountsAgree: `${checks.filter((c) => c.same).length}/${checks.length}`,
      },
      null,
      2,
    ),
  );
} finally {
  await floorPool.end();
  await directus.stop();
  await koryu.stop();
}

function r2(x: number): number {
  return Math.round(x * 100) / 100;
}
