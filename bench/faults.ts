// Faults (issue 9, item 5): each scenario prints PASS/FAIL with its measured figures; exit 1 on any FAIL.
//   npm run bench:faults                      (as root: it runs its own PostgreSQL cluster, mounts tmpfs, runs as nobody)
//   npm run bench:faults -- --only a,b        (a subset; d and e use what a, b and c wrote)
// (a) SIGKILL during concurrent writes of exchange cases (create, change the plan, withdraw) over HTTP, restart:
//     every 2xx write is there, no half-written case (open event, audit rows, counts table). PostgreSQL and PGlite.
// (b) Its own PostgreSQL 15 cluster (/tmp/koryu-pgfault, port 5433; never the machine's server on 5432) restarted
//     (`pg_ctl restart -m fast`) and stopped for ~5 s under reads + writes: failed requests are 503 db_unavailable
//     with ja/en and fast, no 500, and koryu recovers by itself; time to the first 200 after PostgreSQL is back.
// (c) PGlite data folder read-only (an unprivileged user on a chmod'ed folder; a read-only mount) at start and
//     while running, and a full disk (a small tmpfs filled up while running): a clear ja/en error at start,
//     refused writes with an error value while running, and after the fault is removed every acknowledged write.
// (d) `koryu backup` → `koryu restore` into an empty database: identical row counts and md5 per table (rows in
//     primary-key order), on PostgreSQL and PGlite, over demo data plus the writes of a–c.
// (e) `koryu audit verify` on every database above.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../server/src/db/client.ts';
import { arg, freePort } from './lib.ts';

const PG_BIN = arg('pg-bin', '/usr/lib/postgresql/15/bin');
const PG_DIR = arg('pg-dir', '/tmp/koryu-pgfault');
const PG_PORT = Number(arg('pg-port', '5433'));
const WORK = arg('work', '/tmp/koryu-faults');
const only = new Set(arg('only', 'a,b,c,d,e').split(','));
const PG_ADMIN = `postgres://postgres@127.0.0.1:${PG_PORT}/postgres`;
const pgUrl = (db: string) => `postgres://postgres@127.0.0.1:${PG_PORT}/${db}`;
const MINISTRY = 'meti-hr@demo.koryu.jp';
const PASSWORD = 'koryu-demo-2026';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const round = (x: number) => Math.round(x * 10) / 10;

type Result = { scenario: string; ok: boolean; figures: Record<string, unknown>; problems: string[] };
const results: Result[] = [];
function report(scenario: string, figures: Record<string, unknown>, problems: string[]) {
  const r = { scenario, ok: problems.length === 0, figures, problems };
  results.push(r);
  console.log(`${r.ok ? 'PASS' : 'FAIL'} ${scenario} ${JSON.stringify(figures)}${problems.length ? `\n     problems: ${problems.join('; ')}` : ''}`);
}

function sh(cmd: string, args: string[], opts: { env?: Record<string, string>; allowFail?: boolean } = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...opts.env } });
  if (r.status !== 0 && !opts.allowFail) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stdout}\n${r.stderr}`);
  return r;
}
const pgctl = (args: string) => sh('su', ['postgres', '-c', `${PG_BIN}/pg_ctl -D ${PG_DIR} ${args}`], { allowFail: true });
const PG_START_OPTS = `-o '-p ${PG_PORT} -k /tmp -c listen_addresses=127.0.0.1' -l ${PG_DIR}.log`;
/** pg_ctl without blocking the event loop (the load keeps running); output to the log, not to a pipe a daemon would keep open. */
function pgctlAsync(args: string): Promise<number | null> {
  return new Promise((resolve) => {
    const p = spawn('su', ['postgres', '-c', `${PG_BIN}/pg_ctl -D ${PG_DIR} ${args}`], { stdio: 'ignore' });
    p.once('exit', (code) => resolve(code));
  });
}
const koryu = (env: Record<string, string>, ...args: string[]) =>
  sh(process.execPath, ['bin/koryu.js', ...args], { env: { LOG_LEVEL: 'warn', ...env }, allowFail: true });


async function admin<T>(q: string, db = PG_ADMIN): Promise<T[]> {
  const c = new pg.Client({ connectionString: db });
  await c.connect();
  try {
    return (await c.query(q)).rows as T[];
  } finally {
    await c.end();
  }
}

async function ensureCluster() {
  if (!fs.existsSync(path.join(PG_DIR, 'PG_VERSION'))) {
    sh('su', ['postgres', '-c', `${PG_BIN}/initdb -D ${PG_DIR} -A trust -U postgres`]);
  }
  if (pgctl('status').status !== 0) {
    const r = pgctl(`${PG_START_OPTS} -w start`);
    if (r.status !== 0) throw new Error(`could not start the fault cluster: ${r.stderr}`);
  }
}

async function freshPgDb(name: string, demo: boolean) {
  await admin(`drop database if exists ${name} with (force)`);
  await admin(`create database ${name}`);
  const r = demo ? koryu({ DATABASE_URL: pgUrl(name) }, 'demo', 'load') : koryu({ DATABASE_URL: pgUrl(name) }, 'db', 'migrate');
  if (r.status !== 0) throw new Error(`demo load/migrate ${name}: ${r.stderr}`);
}
function freshPgliteDir(dir: string, demo: boolean) {
  fs.rmSync(dir, { recursive: true, force: true });
  const r = demo ? koryu({ KORYU_DATA_DIR: dir, DATABASE_URL: '' }, 'demo', 'load') : koryu({ KORYU_DATA_DIR: dir, DATABASE_URL: '' }, 'db', 'migrate');
  if (r.status !== 0) throw new Error(`demo load/migrate ${dir}: ${r.stderr}`);
}

type Target = { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string };
const dbEnv = (t: Target): Record<string, string> => (t.kind === 'postgres' ? { DATABASE_URL: t.url } : { KORYU_DATA_DIR: t.dir, DATABASE_URL: '' });

/** Runs SQL on the target with the server stopped (PGlite is single-process). */
async function withDb<T>(t: Target, f: (q: <R>(text: string) => Promise<R[]>) => Promise<T>): Promise<T> {
  const d = await openDatabase(t.kind === 'postgres' ? { databaseUrl: t.url, poolSize: 2 } : { dataDir: t.dir });
  try {
    return await f(async <R>(text: string) => rowsOf<R>(await d.db.execute(sql.raw(text))));
  } finally {
    await d.close();
  }
}

type Server = { proc: ChildProcess; base: string; stderr: () => string; exited: Promise<number | null> };
function spawnServer(t: Target, port: number, opts: { asUser?: string } = {}): Server {
  const env = { ...process.env, ...dbEnv(t), PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', KORYU_WEB_DIST: '/nonexistent', KORYU_REMINDER_MINUTES: '0' };
  const node = [process.execPath, '--import', 'tsx', 'server/src/main.ts'];
  const proc = opts.asUser
    ? spawn('setpriv', [`--reuid=${opts.asUser}`, '--regid=nogroup', '--clear-groups', ...node], { env: { ...env, HOME: '/tmp' }, stdio: ['ignore', 'ignore', 'pipe'] })
    : spawn(node[0]!, node.slice(1), { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (b: Buffer) => (err += b.toString()));
  const exited = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return { proc, base: `http://127.0.0.1:${port}`, stderr: () => err, exited };
}
async function startServer(t: Target, opts: { asUser?: string } = {}): Promise<Server & { readyMs: number }> {
  const s = spawnServer(t, await freePort(), opts);
  const t0 = performance.now();
  for (;;) {
    if (s.proc.exitCode !== null) throw new Error(`koryu exited ${s.proc.exitCode}: ${s.stderr()}`);
    if (performance.now() - t0 > 120_000) throw new Error('koryu did not start');
    try {
      if ((await fetch(`${s.base}/api/health`)).ok) return { ...s, readyMs: performance.now() - t0 };
    } catch {
      /* not yet */
    }
    await sleep(50);
  }
}
async function stopServer(s: Server, signal: NodeJS.Signals = 'SIGTERM') {
  if (s.proc.exitCode === null && s.proc.signalCode === null) s.proc.kill(signal);
  const timer = setTimeout(() => s.proc.kill('SIGKILL'), 20_000);
  await s.exited;
  clearTimeout(timer);
}

async function login(base: string): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: MINISTRY, password: PASSWORD }) });
  if (!r.ok) throw new Error(`login ${r.status} ${await r.text()}`);
  return { cookie: (r.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
}

/** A METI unit and an active company for new cases (read before the server starts). */
async function caseParties(t: Target): Promise<{ unitId: number; companyId: number }> {
  return withDb(t, async (q) => {
    const [u] = await q<{ id: number }>(`select u.id::int as id from org_units u join organisations o on o.id = u.organisation_id where o.name_ja = '経済産業省' order by u.id limit 1`);
    const [c] = await q<{ id: number }>(`select id::int as id from companies where status = 'active' order by id limit 1`);
    return { unitId: u!.id, companyId: c!.id };
  });
}

// ---- exchange-case writes (shared by a, b, c) ----------------------------------------------------------------
type Acked = { id: number; reference: string; postTitle: string; withdrawn: boolean; version: number };
type Outcome = { status: number | 'network'; code?: string; ja?: string; en?: string; ms: number; at: number; kind: 'read' | 'write' };

async function call(base: string, auth: { cookie: string; csrf: string }, method: string, p: string, body?: unknown, kind: 'read' | 'write' = 'write', log?: Outcome[]) {
  const t0 = performance.now();
  try {
    const r = await fetch(`${base}${p}`, {
      method,
      headers: { cookie: auth.cookie, ...(body ? { 'content-type': 'application/json', 'x-csrf-token': auth.csrf } : method !== 'GET' ? { 'x-csrf-token': auth.csrf } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await r.text();
    let json: Record<string, unknown> = {};
    try {
      json = JSON.parse(text) as Record<string, unknown>;
    } catch {
      /* not json */
    }
    const err = json.error as { code?: string; message?: { ja?: string; en?: string } } | undefined;
    const o: Outcome = { status: r.status, ms: performance.now() - t0, at: t0, kind, ...(err ? { code: err.code, ja: err.message?.ja, en: err.message?.en } : {}) };
    log?.push(o);
    return { o, json };
  } catch {
    const o: Outcome = { status: 'network', ms: performance.now() - t0, at: t0, kind };
    log?.push(o);
    return { o, json: {} as Record<string, unknown> };
  }
}

/** One writer: open a case, change its plan, withdraw it; records what the server acknowledged. */
async function caseWriter(base: string, auth: { cookie: string; csrf: string }, parties: { unitId: number; companyId: number }, acked: Map<number, Acked>, stop: () => boolean, tag: string, log?: Outcome[]) {
  let n = 0;
  while (!stop()) {
    n++;
    const created = await call(base, auth, 'POST', '/api/exchanges/cases', { direction: 'dispatch', unitId: parties.unitId, companyId: parties.companyId, postTitle: `障害試験 ${tag}-${n}`, plannedStart: '2027-04-01', plannedEnd: '2029-03-31' }, 'write', log);
    if (created.o.status === 'network') return;
    if (created.o.status !== 201) {
      await sleep(50);
      continue;
    }
    const c = created.json as { id: number; reference: string; version: number; postTitle: string };
    const a: Acked = { id: c.id, reference: c.reference, postTitle: c.postTitle, withdrawn: false, version: c.version };
    acked.set(c.id, a);
    if (stop()) return;
    const title = `障害試験 ${tag}-${n} 改`;
    const upd = await call(base, auth, 'PATCH', `/api/exchanges/cases/${c.id}`, { version: a.version, postTitle: title }, 'write', log);
    if (upd.o.status === 'network') return;
    if (upd.o.status !== 200) continue;
    a.postTitle = title;
    a.version = (upd.json as { version: number }).version;
    if (stop()) return;
    const wd = await call(base, auth, 'POST', `/api/exchanges/cases/${c.id}/transitions`, { event: 'withdraw', version: a.version, note: '障害試験のため取下げ' }, 'write', log);
    if (wd.o.status === 'network') return;
    if (wd.o.status !== 200) continue;
    a.withdrawn = true;
    a.version = (wd.json as { version: number }).version;
  }
}

/** Every acknowledged write is there and no case is half-written. Returns the problems found. */
async function checkCases(t: Target, acked: Map<number, Acked>): Promise<{ problems: string[]; cases: number }> {
  return withDb(t, async (q) => {
    const problems: string[] = [];
    const rows = await q<{ id: number; reference: string; post_title: string; state: string; version: number }>(
      `select id::int as id, reference, post_title, state, version::int as version from exchange_cases where post_title like '障害試験%'`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    let lost = 0;
    for (const a of acked.values()) {
      const r = byId.get(a.id);
      if (!r || r.reference !== a.reference) lost++;
      else if (r.post_title !== a.postTitle || (a.withdrawn && r.state !== 'withdrawn') || r.version < a.version) lost++;
    }
    if (lost) problems.push(`${lost} acknowledged case writes missing or not as acknowledged`);
    const half = await q<{ what: string; n: number }>(`
      select 'case without its open event' as what, count(*)::int as n from exchange_cases c where not exists (select 1 from case_events e where e.case_id = c.id and e.event = 'open')
      union all select 'case without its create audit row', count(*)::int from exchange_cases c where post_title like '障害試験%' and not exists (select 1 from audit_log a where a.action = 'exchange_case.create' and a.record_id = c.id::text)
      union all select 'placeholder reference', count(*)::int from exchange_cases where reference like 'tmp-%'
      union all select 'withdrawn without withdraw event + audit + message', count(*)::int from exchange_cases c where post_title like '障害試験%' and state = 'withdrawn' and not (
        exists (select 1 from case_events e where e.case_id = c.id and e.event = 'withdraw')
        and exists (select 1 from audit_log a where a.action = 'exchange_case.withdraw' and a.record_id = c.id::text)
        and exists (select 1 from case_messages m where m.case_id = c.id))
      union all select 'withdraw event on a case not withdrawn', count(*)::int from case_events e join exchange_cases c on c.id = e.case_id where e.event = 'withdraw' and c.state <> 'withdrawn'
      union all select 'plan change without its audit row', count(*)::int from exchange_cases c where post_title like '障害試験%改' and not exists (select 1 from audit_log a where a.action = 'exchange_case.update' and a.record_id = c.id::text)
      union all select 'case audit row without its case', count(*)::int from audit_log a where a.record_type = 'exchange_case' and a.action in ('exchange_case.create', 'exchange_case.withdraw') and not exists (select 1 from exchange_cases c where c.id::text = a.record_id)
      union all select 'counts table off', count(*)::int from (
        (select organisation_id, state, count(*)::int as n from exchange_cases group by 1, 2
         except select organisation_id, state, n::int from exchange_case_counts where n <> 0)
        union all
        (select organisation_id, state, n::int from exchange_case_counts where n <> 0
         except select organisation_id, state, count(*)::int as n from exchange_cases group by 1, 2)) x`);
    for (const h of half) if (h.n) problems.push(`${h.n} × ${h.what}`);
    return { problems, cases: rows.length };
  });
}

// ---- (a) SIGKILL during case writes ---------------------------------------------------------------------------
async function scenarioA(t: Target, label: string) {
  const parties = await caseParties(t);
  const s = await startServer(t);
  const auth = await login(s.base);
  const acked = new Map<number, Acked>();
  let stop = false;
  const writers = Array.from({ length: 8 }, (_, i) => caseWriter(s.base, auth, parties, acked, () => stop, `${label}-a${i}`));
  const target = 100 + Math.floor(Math.random() * 100);
  const t0 = performance.now();
  while (acked.size < target && performance.now() - t0 < 120_000) await sleep(5);
  s.proc.kill('SIGKILL');
  await s.exited;
  stop = true;
  await Promise.all(writers);
  const acks = { created: acked.size, planChanged: [...acked.values()].filter((a) => a.version >= 2).length, withdrawn: [...acked.values()].filter((a) => a.withdrawn).length };
  const s2 = await startServer(t);
  const restartMs = Math.round(s2.readyMs);
  await stopServer(s2);
  const { problems, cases } = await checkCases(t, acked);
  report(`(a) SIGKILL during exchange-case writes, ${label}`, { writers: 8, ackedBeforeKill: acks, casesInDb: cases, restartToHealthyMs: restartMs }, problems);
}

// ---- (b) PostgreSQL restarted / stopped under load ----------------------------------------------------------
async function scenarioB(t: Target & { kind: 'postgres' }) {
  const parties = await caseParties(t);
  const s = await startServer(t);
  const pid = s.proc.pid;
  const auth = await login(s.base);
  const acked = new Map<number, Acked>();
  const log: Outcome[] = [];
  let stop = false;
  const writers = Array.from({ length: 4 }, (_, i) => caseWriter(s.base, auth, parties, acked, () => stop, `b${i}`, log));
  const readers = Array.from({ length: 4 }, async (_, i) => {
    const paths = ['/api/exchanges/cases?pageSize=20', '/api/companies?q=%E6%A0%AA%E5%BC%8F&pageSize=20', '/api/exchanges/pipeline', '/api/auth/session'];
    while (!stop) {
      const r = await call(s.base, auth, 'GET', paths[i % paths.length]!, undefined, 'read', log);
      if (r.o.status !== 200) await sleep(20);
    }
  });
  const healthLog: { at: number; status: number | 'network'; ms: number }[] = [];
  const health = (async () => {
    while (!stop) {
      const t0 = performance.now();
      try {
        const r = await fetch(`${s.base}/api/health`, { signal: AbortSignal.timeout(10_000) });
        await r.arrayBuffer();
        healthLog.push({ at: t0, status: r.status, ms: performance.now() - t0 });
      } catch {
        healthLog.push({ at: t0, status: 'network', ms: performance.now() - t0 });
      }
      await sleep(100);
    }
  })();

  const events: { name: string; down: number; up: number }[] = [];
  await sleep(3000);
  let down = performance.now();
  let code = await pgctlAsync(`restart -m fast -w ${PG_START_OPTS}`);
  events.push({ name: 'pg_ctl restart -m fast', down, up: performance.now() });
  if (code !== 0) throw new Error(`pg_ctl restart: exit ${code}`);
  await sleep(5000);
  down = performance.now();
  await pgctlAsync('stop -m fast -w');
  await sleep(5000);
  code = await pgctlAsync(`${PG_START_OPTS} -w start`);
  events.push({ name: 'pg_ctl stop -m fast, 5 s, start', down, up: performance.now() });
  if (code !== 0) throw new Error(`pg_ctl start: exit ${code}`);
  await sleep(5000);
  stop = true;
  await Promise.all([...writers, ...readers, health]);
  const alive = s.proc.exitCode === null && s.proc.signalCode === null;
  await stopServer(s);

  const problems: string[] = [];
  if (!alive) problems.push(`koryu exited during the fault (code ${s.proc.exitCode}): ${s.stderr().slice(-1500)}`);
  const all500 = log.filter((o) => o.status === 500).length;
  if (all500) problems.push(`${all500} × 500`);
  const figures: Record<string, unknown> = { load: '4 writers (create, change, withdraw) + 4 readers, one request at a time each', requests: log.length, sameKoryuProcess: alive ? pid : false };
  for (const [i, e] of events.entries()) {
    const failed = log.filter((o) => o.status !== 200 && o.status !== 201 && o.at + o.ms >= e.down && o.at <= e.up + 1000);
    const notClean = failed.filter((o) => !(o.status === 503 && o.code === 'db_unavailable' && o.ja && o.en));
    const firstOk = log.filter((o) => (o.status === 200 || o.status === 201) && o.at >= e.up).sort((x, y) => x.at + x.ms - (y.at + y.ms))[0];
    // Health probes inside the window: 503 while PostgreSQL is down; a 200 can only come at the edges
    // (before the shutdown took effect, or after it accepts connections but before pg_ctl -w returns).
    const healthDown = healthLog.filter((h) => h.at >= e.down && h.at + h.ms <= e.up);
    const health503 = healthDown.filter((h) => h.status === 503).length;
    const healthBad = healthDown.filter((h) => h.status !== 503 && h.status !== 200).length;
    figures[`event${i + 1}`] = {
      fault: e.name,
      outageMs: Math.round(e.up - e.down),
      failedRequests: failed.length,
      failed503DbUnavailableJaEn: failed.length - notClean.length,
      failedLatencyP50Ms: failed.length ? round([...failed.map((o) => o.ms)].sort((x, y) => x - y)[Math.floor(failed.length / 2)]!) : 0,
      failedMaxLatencyMs: failed.length ? round(Math.max(...failed.map((o) => o.ms))) : 0,
      failedOther: notClean.map((o) => `${o.status}${o.code ? ` ${o.code}` : ''}`).slice(0, 5),
      firstOkAfterPgBackMs: firstOk ? round(firstOk.at + firstOk.ms - e.up) : null,
      healthDuringOutage: `${health503}/${healthDown.length} × 503${healthDown.length - health503 - healthBad ? `, ${healthDown.length - health503 - healthBad} × 200 at the edges` : ''}${healthBad ? `, ${healthBad} other` : ''}`,
    };
    if (notClean.length) problems.push(`${e.name}: ${notClean.length} failed requests were not 503 db_unavailable with ja/en`);
    if (failed.length && Math.max(...failed.map((o) => o.ms)) > 5000) problems.push(`${e.name}: a failed request took ${Math.round(Math.max(...failed.map((o) => o.ms)))} ms`);
    if (!firstOk) problems.push(`${e.name}: no 200 after PostgreSQL came back`);
    if (healthBad || health503 === 0) problems.push(`${e.name}: /api/health did not report the outage (${health503} × 503, ${healthBad} neither 200 nor 503)`);
  }
  const checked = await checkCases(t, acked);
  problems.push(...checked.problems);
  figures.ackedCaseWrites = acked.size;
  report('(b) PostgreSQL restarted and stopped under load', figures, problems);
}

// ---- (c) PGlite: read-only folder, full disk -----------------------------------------------------------------
const bilingual = (text: string, folder: string) => /[ぁ-んァ-ン一-龯]/.test(text) && /[a-z]{4,}/i.test(text) && text.includes(folder);

async function startFails(t: Target, folder: string, label: string, opts: { asUser?: string } = {}) {
  const s = spawnServer(t, await freePort(), opts);
  const t0 = performance.now();
  const timer = setTimeout(() => s.proc.kill('SIGKILL'), 60_000);
  const code = await s.exited;
  clearTimeout(timer);
  const ms = Math.round(performance.now() - t0);
  const lastLines = s.stderr().trim().split('\n').slice(-2).join(' | ').slice(0, 400);
  const problems: string[] = [];
  if (code === 0 || code === null) problems.push(`exit code ${code}`);
  if (!bilingual(s.stderr(), folder)) problems.push(`no ja/en message naming ${folder}: ${lastLines}`);
  report(`(c) ${label}`, { exitCode: code, exitAfterMs: ms, message: lastLines }, problems);
}

async function faultWhileRunning(t: Target & { kind: 'pglite' }, label: string, inject: () => void, remove: () => void, asUser?: string) {
  const parties = await caseParties(t);
  if (asUser) sh('chown', ['-R', `${asUser}:nogroup`, t.dir]);
  const s = await startServer(t, asUser ? { asUser } : {});
  const auth = await login(s.base);
  const acked = new Map<number, Acked>();
  const log: Outcome[] = [];
  let stop = false;
  const writers = Array.from({ length: 4 }, (_, i) => caseWriter(s.base, auth, parties, acked, () => stop, `c-${label.slice(0, 8)}${i}`, log));
  await sleep(2000);
  const before = acked.size;
  const tFault = performance.now();
  inject();
  await sleep(6000);
  const during = log.filter((o) => o.at >= tFault + 500);
  const readOk = (await call(s.base, auth, 'GET', '/api/exchanges/cases?pageSize=5', undefined, 'read')).o.status;
  remove();
  await sleep(2000);
  stop = true;
  await Promise.all(writers);
  const alive = s.proc.exitCode === null && s.proc.signalCode === null;
  await stopServer(s);
  const stderr = s.stderr();
  const refused = during.filter((o) => o.status !== 200 && o.status !== 201);
  const statuses: Record<string, number> = {};
  for (const o of refused) statuses[`${o.status} ${o.code ?? ''}`.trim()] = (statuses[`${o.status} ${o.code ?? ''}`.trim()] ?? 0) + 1;
  const problems: string[] = [];
  const bad = refused.filter((o) => o.status === 500 || o.status === 'network' || !o.ja || !o.en);
  if (bad.length) problems.push(`${bad.length} refused writes without a ja/en error value (or 500): ${[...new Set(bad.map((o) => `${o.status} ${o.code ?? ''}`))].join(', ')}`);
  const s2 = await startServer(t, asUser ? { asUser } : {});
  const restartOk = (await fetch(`${s2.base}/api/health`)).status;
  await stopServer(s2);
  if (asUser) sh('chown', ['-R', 'root:root', t.dir]);
  const checked = await checkCases(t, acked);
  problems.push(...checked.problems);
  if (restartOk !== 200) problems.push(`restart after the fault: health ${restartOk}`);
  report(`(c) ${label}`, {
    ackedBeforeFault: before,
    writesDuringFault: during.length,
    acceptedDuringFault: during.length - refused.length,
    refusedDuringFault: statuses,
    refusedMaxLatencyMs: refused.length ? round(Math.max(...refused.map((o) => o.ms))) : 0,
    readDuringFault: readOk,
    serverAliveThroughout: alive,
    ackedTotal: acked.size,
    restartAfterFaultHealth: restartOk,
    serverLog500: (stderr.match(/"statusCode":500/g) ?? []).length,
  }, problems);
}

async function scenarioC(source: string): Promise<string> {
  const mnt = path.join(WORK, 'mnt');
  fs.mkdirSync(mnt, { recursive: true });
  const data = path.join(mnt, 'data');
  // 1. Read-only folder at start: unprivileged user, folder owned by root and not writable for others.
  fs.rmSync(data, { recursive: true, force: true });
  sh('cp', ['-a', source, data]);
  sh('chmod', ['-R', 'a+rX,go-w', data]);
  await startFails({ kind: 'pglite', dir: data }, data, 'read-only data folder at start (nobody on a root-owned 755 folder)', { asUser: 'nobody' });
  // 2. Read-only filesystem at start (a read-only mount: even root cannot write).
  sh('mount', ['-t', 'tmpfs', '-o', 'size=512m', 'tmpfs', mnt]);
  try {
    sh('cp', ['-a', source, data]);
    sh('mount', ['-o', 'remount,ro', mnt]);
    await startFails({ kind: 'pglite', dir: data }, data, 'read-only filesystem at start (tmpfs remounted ro)');
    sh('mount', ['-o', 'remount,rw', mnt]);
    // 3. The folder made read-only while running (chmod -R a-w, server running as nobody).
    await faultWhileRunning(
      { kind: 'pglite', dir: data },
      'data folder made read-only while running (chmod -R a-w, server as nobody)',
      () => sh('chmod', ['-R', 'a-w', data]),
      () => sh('chmod', ['-R', 'u+w', data]),
      'nobody',
    );
  } finally {
    sh('umount', [mnt], { allowFail: true });
  }
  // 4. Disk full while running: a tmpfs with ~48 MB free, then filled up by another file.
  const used = Number(sh('du', ['-sm', source]).stdout.split('\t')[0]);
  sh('mount', ['-t', 'tmpfs', '-o', `size=${used + 48}m`, 'tmpfs', mnt]);
  try {
    sh('cp', ['-a', source, data]);
    const filler = path.join(mnt, 'filler');
    await faultWhileRunning(
      { kind: 'pglite', dir: data },
      `disk full while running (tmpfs of ${used + 48} MB filled by another file)`,
      () => sh('dd', ['if=/dev/zero', `of=${filler}`, 'bs=1M'], { allowFail: true }),
      () => fs.rmSync(filler, { force: true }),
    );
    const keep = path.join(WORK, 'pglite-after-c');
    fs.rmSync(keep, { recursive: true, force: true });
    sh('cp', ['-a', data, keep]);
    return keep;
  } finally {
    sh('umount', [mnt], { allowFail: true });
  }
}

// ---- (d) backup → restore → checksums, (e) audit verify -----------------------------------------------------
async function checksums(t: Target, auditMaxId?: number): Promise<Record<string, { rows: number; md5: string }>> {
  return withDb(t, async (q) => {
    const tables = await q<{ t: string }>(`select tablename as t from pg_tables where schemaname = 'public' order by 1`);
    const out: Record<string, { rows: number; md5: string }> = {};
    for (const { t: table } of tables) {
      const pk = await q<{ a: string }>(
        `select a.attname as a from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[])
         where i.indrelid = 'public.${table}'::regclass and i.indisprimary order by array_position(i.indkey::int2[], a.attnum)`,
      );
      const order = pk.length ? pk.map((p) => `x."${p.a}"`).join(', ') : 'row_to_json(x)::text';
      const where = table === 'audit_log' && auditMaxId !== undefined ? `where x.id <= ${auditMaxId}` : '';
      const [r] = await q<{ n: number; h: string }>(`select count(*)::int as n, md5(coalesce(string_agg(row_to_json(x)::text, E'\\n' order by ${order}), '')) as h from public."${table}" x ${where}`);
      out[table] = { rows: r!.n, md5: r!.h };
    }
    return out;
  });
}

async function scenarioD(src: Target, dst: Target, label: string) {
  const file = path.join(WORK, `backup-${label}.jsonl.gz`);
  const t0 = performance.now();
  const b = koryu(dbEnv(src), 'backup', file);
  const backupMs = Math.round(performance.now() - t0);
  const problems: string[] = [];
  if (b.status !== 0) problems.push(`backup exit ${b.status}: ${b.stderr.slice(-300)}`);
  const t1 = performance.now();
  const r = koryu(dbEnv(dst), 'restore', file);
  const restoreMs = Math.round(performance.now() - t1);
  if (r.status !== 0) problems.push(`restore exit ${r.status}: ${r.stderr.slice(-300)}`);
  const maxAudit = await withDb(src, async (q) => (await q<{ m: number }>(`select coalesce(max(id), 0)::int as m from audit_log`))[0]!.m);
  const a = await checksums(src);
  const c = await checksums(dst, maxAudit);
  const differ = Object.keys({ ...a, ...c }).filter((t) => a[t]?.rows !== c[t]?.rows || a[t]?.md5 !== c[t]?.md5);
  if (differ.length) problems.push(`tables differ: ${differ.map((t) => `${t} ${a[t]?.rows}/${c[t]?.rows}`).join(', ')}`);
  const restoreRows = await withDb(dst, async (q) => (await q<{ n: number }>(`select count(*)::int as n from audit_log where id > ${maxAudit} and action = 'database.restore'`))[0]!.n);
  const rows = Object.values(a).reduce((s, x) => s + x.rows, 0);
  report(`(d) backup → restore into an empty database, ${label}`, {
    tables: Object.keys(a).length,
    rows,
    exchangeCases: a.exchange_cases?.rows,
    auditRows: a.audit_log?.rows,
    identicalTables: Object.keys(a).length - differ.length,
    backupBytes: fs.existsSync(file) ? fs.statSync(file).size : 0,
    backupMs,
    restoreMs,
    restoreAuditRowAdded: restoreRows,
  }, problems);
}

async function scenarioE(targets: [string, Target][]) {
  const figures: Record<string, string> = {};
  const problems: string[] = [];
  for (const [label, t] of targets) {
    const r = koryu(dbEnv(t), 'audit', 'verify');
    figures[label] = (r.stdout + r.stderr).trim().split('\n').pop()!.slice(0, 160);
    if (r.status !== 0) problems.push(`${label}: exit ${r.status}`);
  }
  report('(e) audit chain verifies after all of it (koryu audit verify)', figures, problems);
}

// ---- main -------------------------------------------------------------------------------------------------------
if (process.getuid?.() !== 0) {
  console.error('bench:faults needs root (its own PostgreSQL cluster via su postgres, tmpfs mounts, setpriv)');
  process.exit(2);
}
fs.mkdirSync(WORK, { recursive: true });
const started = new Date();
console.log(`bench:faults ${started.toISOString()} node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
await ensureCluster();
const pgMain: Target = { kind: 'postgres', url: pgUrl('koryu_faults') };
const pgRestored: Target = { kind: 'postgres', url: pgUrl('koryu_faults_restored') };
const liteMain: Target & { kind: 'pglite' } = { kind: 'pglite', dir: path.join(WORK, 'pglite') };
const liteRestored: Target = { kind: 'pglite', dir: path.join(WORK, 'pglite-restored') };
let liteFinal: Target = liteMain;
try {
  if (only.has('a') || only.has('b')) await freshPgDb('koryu_faults', true);
  if (only.has('a') || only.has('c')) freshPgliteDir(liteMain.dir, true);
  if (only.has('a')) {
    await scenarioA(pgMain, 'PostgreSQL');
    await scenarioA(liteMain, 'PGlite');
  }
  if (only.has('b')) await scenarioB(pgMain as Target & { kind: 'postgres' });
  if (only.has('c')) liteFinal = { kind: 'pglite', dir: await scenarioC(liteMain.dir) };
  if (only.has('d')) {
    await freshPgDb('koryu_faults_restored', false);
    await scenarioD(pgMain, pgRestored, 'PostgreSQL');
    freshPgliteDir((liteRestored as { dir: string }).dir, false);
    await scenarioD(liteFinal, liteRestored, 'PGlite');
  }
  if (only.has('e')) {
    await scenarioE([
      ['PostgreSQL', pgMain],
      ['PostgreSQL restored', pgRestored],
      ['PGlite', liteFinal],
      ['PGlite restored', liteRestored],
    ]);
  }
} catch (e) {
  report('bench aborted', {}, [e instanceof Error ? e.message.slice(0, 1000) : String(e)]);
} finally {
  if (!arg('keep-cluster', '')) pgctl('stop -m fast -w');
}
const failed = results.filter((r) => !r.ok).length;
console.log(`\n${results.length - failed}/${results.length} PASS, ${failed} FAIL, ${Math.round((Date.now() - started.getTime()) / 1000)} s`);
process.exit(failed ? 1 : 0);
