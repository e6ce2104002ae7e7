// Two koryu instances on one PostgreSQL database behind nginx (issue 9, item 4):
//   (a) a session made on instance A works on instance B (read, write with the CSRF token), and a
//       logout on B ends it on A;
//   (b) a rolling restart under load (SIGTERM A, wait for its exit, start it again, wait for
//       health; then B) loses no request: every answer is 2xx, every acknowledged write is in the
//       database once, and no write is there twice;
//   (c) the reminders, scheduled on both every few seconds, run on one instance per tick: each due
//       reminder is in the outbox once, and the log shows which instance ran each tick.
//
//   npm run bench:two-instances -- [--database-url URL] [--duration 60] [--concurrency 16] [--reminder-seconds 2]
//
// Without --database-url a fresh database koryu_two_<random> is created on
// postgres://postgres@127.0.0.1:5432 and dropped at the end; with it, that database is migrated
// and used as it is (the run's rows carry a tag of their own, and are left there).
// Needs nginx from Debian (apt-get install -y nginx): only the binary is used, with a
// configuration in a temporary folder, as a child process. Exits 1 on any failed check.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { eq, sql } from 'drizzle-orm';
import { openDatabase } from '../server/src/db/client.ts';
import { exchangeCases, organisations, orgUnits } from '../server/src/db/schema.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { systemContext } from '../server/src/platform/context.ts';
import { createServices } from '../server/src/services.ts';
import { freePort } from './lib.ts';
import { seedKnowledgePages } from '../server/src/modules/knowledge/knowledge.seed.ts';
import { seedPublishedStatistics } from '../server/src/modules/statistics/published.service.ts';
import { makeCorporateNumber } from '../common/src/corporate-number.ts';

const NGINX = '/usr/sbin/nginx';
const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    duration: { type: 'string', default: '60' },
    concurrency: { type: 'string', default: '16' },
    'reminder-seconds': { type: 'string', default: '2' },
  },
});
const durationS = Number(values.duration);
const concurrency = Number(values.concurrency);
const reminderS = Number(values['reminder-seconds']);
if (!(durationS >= 20) || !(concurrency >= 1) || !(reminderS >= 0.5)) {
  console.error('--duration must be >= 20 (seconds), --concurrency >= 1, --reminder-seconds >= 0.5');
  process.exit(2);
}
if (!fs.existsSync(NGINX)) {
  console.error(`nginx is not installed (${NGINX}). Install it from Debian: apt-get install -y nginx`);
  process.exit(1);
}

const tag = `tw${randomBytes(3).toString('hex')}`;
const adminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
const ownDb = values['database-url'] ? null : `koryu_two_${randomBytes(4).toString('hex')}`;
const databaseUrl = values['database-url'] ?? adminUrl.replace(/\/postgres$/, `/${ownDb}`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-two-'));
fs.chmodSync(tmp, 0o777); // nginx's workers run as nobody when started by root: temp files
const EMAIL = `two-instances-${tag}@bench.koryu.invalid`;
const PASSWORD = `two-instances-${tag}-password`;

const failures: string[] = [];
function check(name: string, ok: boolean, detail: string): void {
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}: ${detail}`);
  if (!ok) failures.push(name);
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const since = (t0: number) => Math.round(performance.now() - t0);


// ------------------------------------------------------------------ koryu instances

type Instance = { name: string; port: number; base: string; proc: ChildProcess | null; lives: { life: string; log: string }[] };

async function startInstance(inst: Instance): Promise<number> {
  const life = `${inst.name}${inst.lives.length + 1}`;
  const log = path.join(tmp, `${life}.log`);
  const out = fs.openSync(log, 'w');
  const t0 = performance.now();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(inst.port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: 'info', // the production default: request lines, and one line per reminder run
      KORYU_TRUST_PROXY: '1',
      KORYU_WEB_DIST: '/nonexistent',
      KORYU_REMINDER_MINUTES: String(reminderS / 60),
      KORYU_SHUTDOWN_GRACE_MS: '10000',
      KORYU_SMTP_URL: '',
      KORYU_CLOCK_FILE: '',
    },
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  inst.proc = proc;
  inst.lives.push({ life, log });
  for (;;) {
    if (since(t0) > 120_000) throw new Error(`${life} did not become healthy`);
    if (proc.exitCode !== null) throw new Error(`${life} exited with ${proc.exitCode}: see ${log}`);
    try {
      const r = await fetch(`${inst.base}/api/health`);
      if (r.ok) return since(t0);
    } catch {
      /* not yet */
    }
    await sleep(50);
  }
}

async function stopInstance(inst: Instance): Promise<{ code: number | null; signal: string | null; ms: number }> {
  const proc = inst.proc!;
  const t0 = performance.now();
  const exited = new Promise<{ code: number | null; signal: string | null }>((r) => proc.once('exit', (code, signal) => r({ code, signal })));
  proc.kill('SIGTERM');
  const r = await exited;
  inst.proc = null;
  return { ...r, ms: since(t0) };
}

// ------------------------------------------------------------------ HTTP

type Res = { status: number; body: string; headers: http.IncomingHttpHeaders };
function request(agent: http.Agent | false, base: string, method: string, url: string, headers: Record<string, string> = {}, body?: unknown): Promise<Res> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      `${base}${url}`,
      { method, agent, headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, headers: res.headers }));
        res.on('error', reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('timeout (30 s)')));
    req.on('error', reject);
    req.end(payload);
  });
}

async function login(base: string): Promise<{ cookie: string; csrf: string; accountId: number }> {
  const r = await request(false, base, 'POST', '/api/auth/login', {}, { email: EMAIL, password: PASSWORD });
  if (r.status !== 200) throw new Error(`login ${r.status} ${r.body}`);
  const cookie = String(r.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
  const body = JSON.parse(r.body) as { csrfToken: string; account: { id: number } };
  return { cookie, csrf: body.csrfToken, accountId: body.account.id };
}

// ------------------------------------------------------------------ main

let nginx: ChildProcess | null = null;
const A: Instance = { name: 'A', port: 0, base: '', proc: null, lives: [] };
const B: Instance = { name: 'B', port: 0, base: '', proc: null, lives: [] };

async function main(): Promise<void> {
  console.log(`two-instances: ${new Date().toISOString()}, ${os.cpus().length} cores, node ${process.version}, tag ${tag}`);
  // A fresh, migrated database with the bench account, 50 companies to write to, and 3 cases whose review is overdue.
  if (ownDb) {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`create database "${ownDb}"`);
    await c.end();
  }
  const t0 = performance.now();
  const database = await openDatabase({ databaseUrl, poolSize: 4 });
  await database.migrate();
  await seedKnowledgePages(database);
  await seedPublishedStatistics(database);
  const services = createServices(database, loadConfig({}));
  const npaOrg = (await database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.nameJa, '人事院')))[0]!.id;
  const metiId = (await database.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.nameJa, '経済産業省')))[0]!.id;
  const metiUnit = (await database.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.organisationId, metiId)).limit(1))[0]!.id;
  await services.accounts.createAccount({ email: EMAIL, displayName: 'two-instances bench', password: PASSWORD, role: 'npa', organisationId: npaOrg }, systemContext('bench'));
  await services.accounts.createAccount(
    { email: `meti-${tag}@bench.koryu.invalid`, displayName: 'METI HR (bench)', password: PASSWORD, role: 'ministry_hr', organisationId: metiId },
    systemContext('bench'),
  );
  const ctx = { ...systemContext('bench'), actor: { accountId: 0, role: 'npa' as const, displayName: 'bench', organisationId: null, companyId: null, personId: null, locale: 'ja' as const } };
  const base12 = 800_000_000_000 + (parseInt(tag.slice(2), 16) % 100_000) * 1000;
  const companyIds: number[] = [];
  for (let i = 0; i < 50; i++) {
    const c = await services.companies.create({ corporateNumber: makeCorporateNumber(String(base12 + i)), name: `二重起動試験${tag}-${i}株式会社`, legalTypeCode: 'kabushiki_kaisha' }, ctx);
    companyIds.push(c.id);
  }
  const caseIds: number[] = [];
  const addOverdueCases = async (n: number, from: number) => {
    for (let i = from; i < from + n; i++) {
      const [row] = await database.db
        .insert(exchangeCases)
        .values({ direction: 'dispatch', organisationId: metiId, unitId: metiUnit, postTitle: '製造産業局 係長', companyId: companyIds[i]!, reference: `KR-${tag}-${i}`, plannedStart: '2030-04-01', plannedEnd: '2032-03-31', state: 'under_review', submittedOn: '2020-01-10', reviewDueOn: '2020-02-10' })
        .returning({ id: exchangeCases.id });
      caseIds.push(row!.id);
    }
  };
  await addOverdueCases(3, 0);
  console.log(`setup: ${database.describe}, migrated and seeded in ${since(t0)} ms; logs and nginx files in ${tmp}`);

  // Two instances and nginx in front of them.
  A.port = await freePort();
  B.port = await freePort();
  A.base = `http://127.0.0.1:${A.port}`;
  B.base = `http://127.0.0.1:${B.port}`;
  const [startA, startB] = await Promise.all([startInstance(A), startInstance(B)]);
  const nginxPort = await freePort();
  const front = `http://127.0.0.1:${nginxPort}`;
  const conf = path.join(tmp, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `# written by bench/two-instances.ts
daemon off;
worker_processes 1;
pid ${tmp}/nginx.pid;
error_log ${tmp}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  log_format upstreams '$msec $status $request_method $upstream_addr $upstream_status $request_time';
  access_log ${tmp}/nginx-access.log upstreams;
  client_body_temp_path ${tmp}/client_body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  upstream koryu {
    server 127.0.0.1:${A.port} max_fails=3 fail_timeout=2s;
    server 127.0.0.1:${B.port} max_fails=3 fail_timeout=2s;
    keepalive 32;
    # nginx, not koryu, closes its idle pooled connections, and sooner than koryu's shutdown drain
    # (KORYU_SHUTDOWN_DRAIN_MS, 1 s): a connection koryu closed while nginx was writing a POST into
    # it would be a 502 that nginx does not retry (seen in this bench with the 60 s default).
    keepalive_timeout 500ms;
  }
  server {
    listen 127.0.0.1:${nginxPort};
    location / {
      proxy_pass http://koryu;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      # A refused or reset connection, or a 502, is tried on the other instance. nginx does so for
      # POST/PATCH only when the request was not sent (e.g. connect refused): a POST that reached
      # an instance is never sent twice. Not http_503: koryu's 503 (database busy or down) would
      # count as a failure of that instance, and with the other one restarting nginx would have
      # "no live upstreams" and answer 502 to everything for fail_timeout (seen in this bench).
      proxy_next_upstream error timeout http_502;
      proxy_next_upstream_tries 2;
      proxy_connect_timeout 2s;
      proxy_read_timeout 30s;
    }
  }
}
`,
  );
  nginx = spawn(NGINX, ['-e', `${tmp}/nginx-error.log`, '-c', conf, '-p', tmp], { stdio: ['ignore', 'inherit', 'inherit'] });
  for (let i = 0; ; i++) {
    if (i > 100) throw new Error('nginx did not start');
    if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode}`);
    try {
      if ((await fetch(`${front}/api/health`)).ok) break;
    } catch {
      /* not yet */
    }
    await sleep(50);
  }
  console.log(`instances: A ${A.base} (ready in ${startA} ms), B ${B.base} (ready in ${startB} ms); nginx ${front}`);

  // ---------------------------------------------------------------- (a) sessions on both
  {
    const s = await login(A.base);
    const auth = { cookie: s.cookie, 'x-csrf-token': s.csrf };
    const readB = await request(false, B.base, 'GET', '/api/auth/session', { cookie: s.cookie });
    const viewB = JSON.parse(readB.body) as { account: { id: number } | null; csrfToken: string | null };
    check('(a) session from A read on B', readB.status === 200 && viewB.account?.id === s.accountId && viewB.csrfToken === s.csrf, `GET /api/auth/session on B → ${readB.status}, account ${viewB.account?.id ?? 'none'} (logged in on A as ${s.accountId}), same CSRF token: ${viewB.csrfToken === s.csrf}`);
    const listB = await request(false, B.base, 'GET', `/api/companies/${companyIds[0]}`, { cookie: s.cookie });
    check('(a) authenticated read on B', listB.status === 200, `GET /api/companies/${companyIds[0]} on B → ${listB.status}`);
    const noToken = await request(false, B.base, 'POST', `/api/companies/${companyIds[0]}/divisions`, { cookie: s.cookie }, { name: `${tag}-session-no-token` });
    check('(a) write on B without the CSRF token is refused', noToken.status === 403, `POST …/divisions on B without x-csrf-token → ${noToken.status}`);
    const writeB = await request(false, B.base, 'POST', `/api/companies/${companyIds[0]}/divisions`, auth, { name: `${tag}-session-write` });
    check('(a) write on B with the token from A', writeB.status === 201, `POST …/divisions on B → ${writeB.status}`);
    const seenOnA = await request(false, A.base, 'GET', `/api/companies/${companyIds[0]}`, { cookie: s.cookie });
    check('(a) the write on B is visible on A', seenOnA.status === 200 && seenOnA.body.includes(`${tag}-session-write`), `GET /api/companies/${companyIds[0]} on A lists the division: ${seenOnA.body.includes(`${tag}-session-write`)}`);
    const logoutB = await request(false, B.base, 'POST', '/api/auth/logout', auth);
    const afterA = await request(false, A.base, 'GET', `/api/companies/${companyIds[0]}`, { cookie: s.cookie });
    const sessionA = JSON.parse((await request(false, A.base, 'GET', '/api/auth/session', { cookie: s.cookie })).body) as { account: unknown };
    check('(a) logout on B ends the session on A', logoutB.status === 204 && afterA.status === 401 && sessionA.account === null, `POST /api/auth/logout on B → ${logoutB.status}; then on A: GET /api/companies/:id → ${afterA.status}, session account ${sessionA.account === null ? 'null' : 'still there'}`);
  }

  // ---------------------------------------------------------------- (b) rolling restart under load
  const s = await login(front);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const statuses = new Map<string, number>();
  const errors = new Map<string, number>();
  const acked: string[] = [];
  const notAcked: string[] = [];
  let total = 0;
  let seq = 0;
  let stop = false;
  const lat: number[] = [];
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const worker = async (w: number) => {
    let i = 0;
    while (!stop) {
      i++;
      const cid = companyIds[(w * 7 + i) % companyIds.length]!;
      const roll = (w * 31 + i * 17) % 10; // 4 searches, 3 details, 3 writes in 10
      const t = performance.now();
      let key: string;
      let name: string | null = null;
      try {
        let r: Res;
        if (roll < 4) r = await request(agent, front, 'GET', `/api/companies?q=${encodeURIComponent('二重起動試験')}&pageSize=20`, { cookie: s.cookie });
        else if (roll < 7) r = await request(agent, front, 'GET', `/api/companies/${cid}`, { cookie: s.cookie });
        else {
          name = `${tag}-${seq++}`;
          r = await request(agent, front, 'POST', `/api/companies/${cid}/divisions`, { cookie: s.cookie, 'x-csrf-token': s.csrf }, { name });
        }
        key = `${roll < 7 ? 'GET' : 'POST'} ${r.status}`;
        bump(statuses, key);
        if (name) (r.status === 201 ? acked : notAcked).push(name);
        if (r.status < 200 || r.status >= 300) console.log(`  non-2xx: ${key} ${r.body.slice(0, 200)}`);
      } catch (e) {
        bump(errors, (e as Error).message);
        if (name) notAcked.push(name);
      }
      total++;
      lat.push(performance.now() - t);
    }
  };
  const tLoad = performance.now();
  const workers = Array.from({ length: concurrency }, (_, w) => worker(w));
  const restarts: string[] = [];
  const rolling = async () => {
    for (const inst of [A, B]) {
      await sleep(5_000);
      const stopped = await stopInstance(inst);
      const started = await startInstance(inst);
      const line = `${inst.name}: SIGTERM → exit code ${stopped.code}${stopped.signal ? ` (signal ${stopped.signal})` : ''} after ${stopped.ms} ms; started again, healthy after ${started} ms`;
      console.log(`  ${((performance.now() - tLoad) / 1000).toFixed(1)} s ${line}`);
      restarts.push(line);
      check(`(b) ${inst.name} exits 0 on SIGTERM`, stopped.code === 0, line);
    }
  };
  await rolling();
  while (performance.now() - tLoad < durationS * 1000) await sleep(100);
  stop = true;
  await Promise.all(workers);
  const loadS = (performance.now() - tLoad) / 1000;
  agent.destroy();
  lat.sort((x, y) => x - y);
  const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))]!.toFixed(1);
  const non2xx = [...statuses].filter(([k]) => !/ 2\d\d$/.test(k)).reduce((n, [, v]) => n + v, 0);
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  console.log(`(b) load: ${total} requests in ${loadS.toFixed(1)} s (${Math.round(total / loadS)}/s), ${concurrency} connections through nginx; p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${pct(100)} ms`);
  console.log(`(b) statuses: ${JSON.stringify(Object.fromEntries(statuses))}; errors: ${JSON.stringify(Object.fromEntries(errors))}`);
  const access = fs.readFileSync(path.join(tmp, 'nginx-access.log'), 'utf8').split('\n').filter(Boolean);
  const retried = access.filter((l) => l.split(' ')[3]?.endsWith(','));
  const upstreamErrors = fs
    .readFileSync(path.join(tmp, 'nginx-error.log'), 'utf8')
    .split('\n')
    .filter((l) => l.includes('upstream'));
  console.log(`(b) nginx: ${access.length} requests logged, ${retried.length} passed to the other instance after an error (${JSON.stringify(countBy(retried.map((l) => `${l.split(' ')[2]} ${l.split(' ').slice(4, -1).join(' ')}`)))}); ${upstreamErrors.length} upstream lines in its error log`);
  for (const l of upstreamErrors.slice(0, 5)) console.log(`    ${l.replace(/^.*?\[error\] /, '').slice(0, 200)}`);
  check('(b) every request answered 2xx', non2xx === 0 && errorCount === 0, `${total} requests, ${non2xx} non-2xx, ${errorCount} errors`);
  // Every acknowledged write is in the database, once; none is there twice.
  const rows = (await database.db.execute(
    sql`select name, count(*)::int as n from company_divisions where name like ${`${tag}-%`} and name not like ${`${tag}-session%`} group by name`,
  )) as unknown as { rows: { name: string; n: number }[] };
  const inDb = new Map(rows.rows.map((r) => [r.name, r.n]));
  const missing = acked.filter((n) => !inDb.has(n));
  const duplicated = rows.rows.filter((r) => r.n > 1);
  const unackedButWritten = notAcked.filter((n) => inDb.has(n));
  check('(b) every acknowledged write is in the database', missing.length === 0, `${acked.length} writes acknowledged (201), ${missing.length} missing`);
  check('(b) no write is in the database twice', duplicated.length === 0, `${inDb.size} distinct writes in the database, ${duplicated.length} duplicated`);
  console.log(`(b) writes not acknowledged: ${notAcked.length}, of which in the database anyway: ${unackedButWritten.length}`);

  // ---------------------------------------------------------------- (c) reminders once
  // Three more overdue cases now, after the restarts; both instances tick a few more times.
  const tBatch = Date.now();
  await addOverdueCases(3, 3);
  await sleep(reminderS * 4000 + 1000);
  const stoppedA = await stopInstance(A);
  const stoppedB = await stopInstance(B);
  check('(c) both instances exit 0 at the end', stoppedA.code === 0 && stoppedB.code === 0, `A ${stoppedA.code} after ${stoppedA.ms} ms, B ${stoppedB.code} after ${stoppedB.ms} ms`);
  type Run = { life: string; time: number; written: number; due: number };
  const runs: Run[] = [];
  const shutdowns: string[] = [];
  for (const inst of [A, B]) {
    for (const { life, log } of inst.lives) {
      for (const line of fs.readFileSync(log, 'utf8').split('\n')) {
        if (!line.startsWith('{')) continue;
        const j = JSON.parse(line) as { msg?: string; time: number; reminders?: { written: number; due: number }; shutdownMs?: number };
        if (j.msg === 'reminders run' && j.reminders) runs.push({ life, time: j.time, written: j.reminders.written, due: j.reminders.due });
        if (j.msg === 'shut down') shutdowns.push(`${life} ${j.shutdownMs} ms`);
      }
    }
  }
  runs.sort((x, y) => x.time - y.time);
  const sequence: string[] = [];
  for (const r of runs) {
    const last = sequence.at(-1);
    if (last?.startsWith(`${r.life}×`)) sequence[sequence.length - 1] = `${r.life}×${Number(last.split('×')[1]) + 1}`;
    else sequence.push(`${r.life}×1`);
  }
  const span = (runs.at(-1)!.time - runs[0]!.time) / 1000;
  console.log(`(c) reminder runs (every ${reminderS} s on both instances): ${runs.length} runs over ${span.toFixed(0)} s; by instance life in order: ${sequence.join(' → ')}`);
  console.log(`(c) shutdown durations from the logs: ${shutdowns.join(', ')}`);
  const ranAfterBatch = runs.filter((r) => r.time > tBatch + 200);
  const outbox = (await database.db.execute(
    sql`select case_id, dedupe_key, count(*)::int as n from mail_outbox where kind = 'reminder.review_overdue' and case_id in ${sql.raw(`(${caseIds.join(',')})`)} group by case_id, dedupe_key`,
  )) as unknown as { rows: { case_id: number; dedupe_key: string; n: number }[] };
  const recipients = (await database.db.execute(
    sql`select count(*)::int as n from accounts where status = 'active' and (role = 'npa' or (role = 'ministry_hr' and organisation_id = ${metiId}))`,
  )) as unknown as { rows: { n: number }[] };
  const expected = caseIds.length * recipients.rows[0]!.n;
  const writtenInLogs = runs.reduce((n, r) => n + r.written, 0);
  const perCase = countBy(outbox.rows.map((r) => String(r.case_id)));
  check('(c) each due reminder is in the outbox once', outbox.rows.length === expected && outbox.rows.every((r) => r.n === 1) && caseIds.every((id) => perCase[String(id)] === recipients.rows[0]!.n), `${caseIds.length} overdue cases × ${recipients.rows[0]!.n} recipients = ${expected} expected; ${outbox.rows.length} in the outbox, ${outbox.rows.filter((r) => r.n > 1).length} twice`);
  check('(c) the runs wrote each reminder once', writtenInLogs === expected, `sum of "written" over the logged runs: ${writtenInLogs}`);
  // One instance at a time: the runner changes only when the one running was stopped (the two
  // restarts, and at the end, when A is stopped a moment before B).
  const switches = sequence.length - 1;
  check('(c) one instance runs the reminders at a time', switches <= 3 && runs.length <= Math.ceil(span / reminderS) + 1 + switches, `${switches} hand-overs (at most 3: the two restarts and the final stop), ${runs.length} runs for ${Math.ceil(span / reminderS) + 1} ticks of one instance over ${span.toFixed(0)} s`);
  check('(c) the second batch was picked up by a later tick', ranAfterBatch.length >= 2, `${ranAfterBatch.length} runs after the second batch of cases was added`);

  await database.close();
}

function countBy(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return out;
}

async function cleanup(): Promise<void> {
  for (const inst of [A, B]) if (inst.proc && inst.proc.exitCode === null) inst.proc.kill('SIGKILL');
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((r) => nginx!.once('exit', r));
    nginx.kill('SIGQUIT');
    await Promise.race([exited, sleep(3000)]);
    if (nginx.exitCode === null) nginx.kill('SIGKILL');
  }
  if (ownDb) {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`drop database if exists "${ownDb}" with (force)`);
    await c.end();
    console.log(`dropped ${ownDb}`);
  }
}

try {
  await main();
} catch (e) {
  console.error(e);
  failures.push(`error: ${(e as Error).message}`);
} finally {
  await cleanup();
}
console.log(failures.length ? `FAILED: ${failures.join('; ')}` : 'all checks passed');
process.exit(failures.length ? 1 : 0);
