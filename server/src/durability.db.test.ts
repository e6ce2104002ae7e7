// SIGKILL during a stream of writes, then restart: every write the server acknowledged is there,
// no half-written record (each company has its audit row; each exchange case its open event, audit
// rows and state counts), and the audit chain verifies. bench/faults.ts runs the longer version.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from './db/client.ts';
import { createServices } from './services.ts';
import { loadConfig } from './platform/config.ts';
import { systemContext } from './platform/context.ts';
import { pgliteTemplatePath, pgTemplateName, testBackend, testDatabaseUrl, withDatabase } from './test/db.ts';
import { makeCorporateNumber } from '../../common/src/corporate-number.ts';

const backend = testBackend();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-kill-'));
const dbName = `koryu_kill_${randomBytes(4).toString('hex')}`;
// A port the system reports free (a random one could be another service's, e.g. NATS on 4222).
const port = await new Promise<number>((resolve, reject) => {
  const probe = net.createServer();
  probe.once('error', reject);
  probe.listen(0, '127.0.0.1', () => {
    const p = (probe.address() as net.AddressInfo).port;
    probe.close(() => resolve(p));
  });
});
const base = `http://127.0.0.1:${port}`;
const EMAIL = 'kill-test@test.koryu.jp';
const PASSWORD = 'durability-password-1';
const MINISTRY_EMAIL = 'kill-test-ministry@test.koryu.jp';
let child: ChildProcess | null = null;

const env = () => ({
  ...process.env,
  PORT: String(port),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  KORYU_WEB_DIST: '/nonexistent',
  ...(backend === 'postgres' ? { DATABASE_URL: withDatabase(testDatabaseUrl(), dbName) } : { KORYU_DATA_DIR: dataDir, DATABASE_URL: '' }),
});

function startServer(): ChildProcess {
  // A server left by an earlier step that failed must not hold the port for the next one.
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  const p = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { env: env(), stdio: ['ignore', 'ignore', 'inherit'] });
  child = p;
  return p;
}

async function waitHealthy(timeoutMs = 60_000): Promise<void> {
  const t0 = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not become healthy');
}

async function loginCookie(email = EMAIL): Promise<{ cookie: string; csrf: string }> {
  const r = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  if (!r.ok) throw new Error(`login ${r.status}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { cookie, csrf: ((await r.json()) as { csrfToken: string }).csrfToken };
}

afterAll(async () => {
  child?.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
  if (backend === 'postgres') {
    const a = new pg.Client({ connectionString: testDatabaseUrl() });
    await a.connect();
    await a.query(`drop database if exists "${dbName}" with (force)`);
    await a.end();
  }
});

describe(`SIGKILL during writes (${backend})`, () => {
  it('loses no acknowledged write and leaves no half-written record', async () => {
    // Prepare a migrated database with one NPA account.
    if (backend === 'postgres') {
      const a = new pg.Client({ connectionString: testDatabaseUrl() });
      await a.connect();
      await a.query(`create database "${dbName}" template "${pgTemplateName()}"`);
      await a.end();
    }
    const prep = await openDatabase(
      backend === 'postgres'
        ? { databaseUrl: withDatabase(testDatabaseUrl(), dbName) }
        : { dataDir, loadDataDir: new Blob([fs.readFileSync(pgliteTemplatePath())]) },
    );
    await prep.migrate();
    const services = createServices(prep, loadConfig({}));
    const orgs = await services.organisations.list();
    await services.accounts.createAccount(
      { email: EMAIL, displayName: 'kill', password: PASSWORD, role: 'npa', organisationId: orgs.find((o) => o.nameJa === '人事院')!.id },
      systemContext('test'),
    );
    // Exchange cases: a ministry account, one of its units and a company to exchange with.
    const meti = orgs.find((o) => o.nameJa === '経済産業省')!.id;
    await services.accounts.createAccount({ email: MINISTRY_EMAIL, displayName: 'kill ministry', password: PASSWORD, role: 'ministry_hr', organisationId: meti }, systemContext('test'));
    const unitId = rowsOf<{ id: number }>(await prep.db.execute(sql`select id::int as id from org_units where organisation_id = ${meti} order by id limit 1`))[0]!.id;
    const company = await services.companies.create(
      { corporateNumber: makeCorporateNumber('69' + String(process.pid).padStart(10, '0').slice(-10)), name: '耐久試験交流株式会社', legalTypeCode: 'kabushiki_kaisha', capitalYen: 10_000_000, employees: 20 },
      { ...systemContext('test'), actor: { accountId: 0, role: 'npa', displayName: 'seed', organisationId: null, companyId: null, personId: null, locale: 'ja' } },
    );
    await prep.close();

    startServer();
    await waitHealthy();
    const { cookie, csrf } = await loginCookie();
    const ministry = await loginCookie(MINISTRY_EMAIL);

    const acked: string[] = [];
    // Exchange cases acknowledged: id → the last acknowledged state (consultation after 201, withdrawn after 200).
    const ackedCases = new Map<number, string>();
    let seq = 0;
    let stop = false;
    const writer = async () => {
      while (!stop) {
        const cn = makeCorporateNumber(String(700_000_000_000 + process.pid * 10_000 + seq++).slice(-12));
        try {
          const r = await fetch(`${base}/api/companies`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
            body: JSON.stringify({ corporateNumber: cn, name: `耐久試験${seq}株式会社`, legalTypeCode: 'kabushiki_kaisha' }),
          });
          if (r.status === 201) acked.push(cn);
        } catch {
          return; // connection refused after the kill
        }
      }
    };
    const caseWriter = async () => {
      const h = { 'content-type': 'application/json', cookie: ministry.cookie, 'x-csrf-token': ministry.csrf };
      while (!stop) {
        try {
          const r = await fetch(`${base}/api/exchanges/cases`, {
            method: 'POST',
            headers: h,
            body: JSON.stringify({ direction: 'dispatch', unitId, companyId: company.id, postTitle: '耐久試験', plannedStart: '2027-04-01', plannedEnd: '2029-03-31' }),
          });
          if (r.status !== 201) continue;
          const c = (await r.json()) as { id: number; version: number };
          ackedCases.set(c.id, 'consultation');
          const w = await fetch(`${base}/api/exchanges/cases/${c.id}/transitions`, { method: 'POST', headers: h, body: JSON.stringify({ event: 'withdraw', version: c.version, note: '耐久試験' }) });
          if (w.status === 200) ackedCases.set(c.id, 'withdrawn');
        } catch {
          return;
        }
      }
    };
    const writers = [writer(), writer(), writer(), caseWriter(), caseWriter()];
    while (acked.length < 60 || ackedCases.size < 20) await new Promise((r) => setTimeout(r, 20));
    child!.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    stop = true;
    await Promise.all(writers);
    expect(acked.length).toBeGreaterThanOrEqual(60);

    startServer();
    await waitHealthy();
    const s = await loginCookie();
    const missing: string[] = [];
    for (const cn of acked) {
      const r = await fetch(`${base}/api/companies?q=${cn}`, { headers: { cookie: s.cookie } });
      const body = (await r.json()) as { items: { id: number }[] };
      if (body.items.length !== 1) missing.push(cn);
    }
    expect(missing).toEqual([]);
    // Every company that exists has its audit row (change and audit commit together).
    const audit = await fetch(`${base}/api/audit?action=company.create&pageSize=200`, { headers: { cookie: s.cookie } });
    const auditTotal = ((await audit.json()) as { total: number }).total;
    const all = await fetch(`${base}/api/companies?pageSize=1`, { headers: { cookie: s.cookie } });
    expect(auditTotal).toBe(((await all.json()) as { total: number }).total);
    const verify = (await (await fetch(`${base}/api/audit/verify`, { headers: { cookie: s.cookie } })).json()) as { ok: boolean };
    expect(verify.ok).toBe(true);
    child!.kill('SIGTERM');
    await new Promise((r) => child!.once('exit', r));

    // Exchange cases: every acknowledged case and withdrawal is there, and nothing is half-written.
    const check = await openDatabase(backend === 'postgres' ? { databaseUrl: withDatabase(testDatabaseUrl(), dbName) } : { dataDir });
    try {
      const states = new Map(rowsOf<{ id: number; state: string }>(await check.db.execute(sql`select id::int as id, state from exchange_cases`)).map((r) => [r.id, r.state]));
      const lostCases = [...ackedCases].filter(([id, state]) => states.get(id) !== state && !(state === 'consultation' && states.get(id) === 'withdrawn'));
      expect(lostCases).toEqual([]);
      const half = rowsOf<{ what: string; n: number }>(
        await check.db.execute(sql`
          select 'no open event' as what, count(*)::int as n from exchange_cases c where not exists (select 1 from case_events e where e.case_id = c.id and e.event = 'open')
          union all select 'no create audit row', count(*)::int from exchange_cases c where not exists (select 1 from audit_log a where a.action = 'exchange_case.create' and a.record_id = c.id::text)
          union all select 'withdrawn without its event, audit row and message', count(*)::int from exchange_cases c where c.state = 'withdrawn' and not (
            exists (select 1 from case_events e where e.case_id = c.id and e.event = 'withdraw')
            and exists (select 1 from audit_log a where a.action = 'exchange_case.withdraw' and a.record_id = c.id::text)
            and exists (select 1 from case_messages m where m.case_id = c.id))
          union all select 'case audit row without its case', count(*)::int from audit_log a where a.action in ('exchange_case.create', 'exchange_case.withdraw') and not exists (select 1 from exchange_cases c where c.id::text = a.record_id)
          union all select 'counts table off', count(*)::int from (
            (select organisation_id, state, count(*)::int as n from exchange_cases group by 1, 2 except select organisation_id, state, n from exchange_case_counts where n <> 0)
            union all
            (select organisation_id, state, n from exchange_case_counts where n <> 0 except select organisation_id, state, count(*)::int from exchange_cases group by 1, 2)) x`),
      ).filter((r) => r.n > 0);
      expect(half).toEqual([]);
      expect(states.size).toBeGreaterThanOrEqual(20);
    } finally {
      await check.close();
    }
  }, 120_000); // two server starts (before and after the kill) on a shared 2-core machine

  it('SIGTERM lets in-flight requests finish, then exits 0', async () => {
    startServer();
    await waitHealthy();
    // Twelve kept-alive connections, opened first, so the requests below are surely received.
    const agent = new http.Agent({ keepAlive: true, maxSockets: 12 });
    const call = (method: string, path: string, body?: string) =>
      new Promise<number | string>((resolve) => {
        const req = http.request(`${base}${path}`, { method, agent, headers: body ? { 'content-type': 'application/json' } : {} }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', (e) => resolve(`error: ${e.message}`));
        req.end(body);
      });
    expect(await Promise.all(Array.from({ length: 12 }, () => call('GET', '/api/health')))).toEqual(Array(12).fill(200));
    // Logins are slow on purpose (argon2id), so these are still being handled when SIGTERM lands.
    const inflight = Array.from({ length: 12 }, () => call('POST', '/api/auth/login', JSON.stringify({ email: EMAIL, password: PASSWORD })));
    await new Promise((r) => setTimeout(r, 100));
    const exited = new Promise<number | null>((r) => child!.once('exit', (code) => r(code)));
    child!.kill('SIGTERM');
    // Every in-flight request gets its answer (more than five simultaneous logins to one account
    // may be told 423 while the others are checked: see ADR 004), none is cut off or refused.
    const statuses = await Promise.all(inflight);
    expect(statuses.every((s) => s === 200 || s === 423), String(statuses)).toBe(true);
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(5);
    expect(await exited).toBe(0);
    agent.destroy();
    // A request after shutdown is refused: the server is gone, not half-alive.
    expect(String(await call('GET', '/api/health'))).toMatch(/^error/);
  });
});
