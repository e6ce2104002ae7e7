// Mixed load (issue 9, item 2): N concurrent users (default 100) for D seconds (default 300) against
// koryu started as its own process (`node bin/koryu.js start`, NODE_ENV=production, LOG_LEVEL=warn)
// on a PostgreSQL database holding the synthetic national data (bench/load-scale.ts,
// load-exchange-cases.ts, load-wish-sheets.ts, load-criteria-facts.ts). This process is the load
// generator: each user is a closed loop on its own keep-alive connection (the next request leaves
// when the previous answer has arrived; --think-ms adds a pause), and the users are split by weight
// over what people do:
//   company search (logged-in directory search, varied queries), public wish-sheet search and
//   sheet pages, login + logout (real argon2 logins at a low fixed rate, --login-rate per second),
//   a ministry's pipeline (case list, pipeline counts, case page) and the NPA queue, case
//   transitions (writes: NPA query → ministry answer → NPA query … on cases in review, each user
//   owning its cases; cases still `submitted` are first taken into review), notes on case threads
//   (writes), criteria checks (POST /api/criteria/evaluate) and the statistics pages (public
//   published series, NPA public-private overview/series).
// Per endpoint: requests, throughput, p50/p95/p99/max, non-2xx and network errors; an overall total;
// a PASS/MISS line per target (0 errors; p95 ≤ 100 ms reads, ≤ 250 ms writes); server RSS and CPU.
// Exits 1 on errors (network errors or non-2xx), not on a missed latency target.
//   npm run bench:mixed-load -- --database-url URL [--duration 300] [--users 100] [--warmup 30]
//     [--login-rate 1] [--think-ms 0] [--alone 20] [--port 3995] [--pool 10] [--json out.json] [--profile DIR] [--server-log FILE]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../server/src/db/client.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { systemContext } from '../server/src/platform/context.ts';
import { createServices } from '../server/src/services.ts';
import { BENCH_EMAIL, BENCH_PASSWORD, ensureBenchAccount, pct } from './criteria-lib.ts';
import { generateDocuments } from './generator/criteria-documents.ts';
import { arg, rssMb } from './lib.ts';
import { koryuPath, searchMix } from './search-mix.ts';

const databaseUrl = arg('database-url', process.env.DATABASE_URL ?? '');
if (!databaseUrl) {
  console.error('usage: npm run bench:mixed-load -- --database-url URL [--duration 300] [--users 100]');
  process.exit(2);
}
const duration = Number(arg('duration', '300'));
const users = Number(arg('users', '100'));
const warmup = Number(arg('warmup', '30'));
const loginRate = Number(arg('login-rate', '1'));
const thinkMs = Number(arg('think-ms', '0'));
const port = Number(arg('port', '3995'));
const jsonOut = arg('json', '');
const PASSWORD = 'bench-password-2026';
const MINISTRY_EMAIL = 'bench-mixed-ministry@bench.koryu.jp';
const LOGIN_POOL = 8; // accounts the login users rotate over (one e-mail is never logged in twice at once)
const loginEmail = (i: number) => `bench-mixed-login-${i}@bench.koryu.jp`;

const log = (s: string) => console.error(`[mixed-load] ${s}`);

// ------------------------------------------------------------------ preparation (in this process)

await ensureBenchAccount(databaseUrl); // migrates; the NPA account
const d = await openDatabase({ databaseUrl, poolSize: 2 });
const one = async <T>(q: ReturnType<typeof sql>) => rowsOf<T>(await d.db.execute(q));
const counts = (
  await one<{ companies: number; cases: number; published: number; contracts: number }>(
    sql`select (select count(*)::int from companies) as companies, (select count(*)::int from exchange_cases) as cases,
      (select count(*)::int from wish_sheets where status = 'published') as published, (select count(*)::int from ministry_contracts) as contracts`,
  )
)[0]!;
log(`database: ${JSON.stringify(counts)}`);
if (counts.cases < 1000 || counts.published < 100 || counts.companies < 1000) throw new Error('load the registry, exchange cases and wish sheets first (see bench/README.md)');

// The ministry with the most cases in review: its pipeline is read, its cases are worked.
const org = (
  await one<{ org: number }>(
    sql`select organisation_id::int as org from exchange_cases where state in ('submitted','under_review','query_to_ministry') group by 1 order by count(*) desc limit 1`,
  )
)[0]!.org;
const services = createServices(d, loadConfig({}));
async function ensureAccount(email: string, role: 'ministry_hr' | 'center', organisationId: number) {
  const n = (await one<{ n: number }>(sql`select count(*)::int as n from accounts where email = ${email}`))[0]!.n;
  if (n) await d.db.execute(sql`update accounts set role = ${role}, organisation_id = ${organisationId}, status = 'active', locked_until = null, failed_logins = 0 where email = ${email}`);
  else await services.accounts.createAccount({ email, displayName: email.split('@')[0]!, password: PASSWORD, role, organisationId }, systemContext('bench'));
}
await ensureAccount(MINISTRY_EMAIL, 'ministry_hr', org);
// The login accounts are the center's (内閣府): not recipients of the worked cases' notices.
const cabinet = (await one<{ id: number }>(sql`select id::int as id from organisations where name_ja = '内閣府'`))[0]!.id;
for (let i = 0; i < LOGIN_POOL; i++) await ensureAccount(loginEmail(i), 'center', cabinet);

const workCases = await one<{ id: number; state: string }>(
  sql`select id::int as id, state from exchange_cases where organisation_id = ${org} and state in ('submitted','under_review','query_to_ministry') order by id limit 400`,
);
const orgCaseIds = (await one<{ id: number }>(sql`select id::int as id from exchange_cases where organisation_id = ${org} order by random() limit 300`)).map((r) => r.id);

// Company search: parts of names, readings, 法人番号 and filters drawn from the data (as bench/search.bench.ts).
const sample = await one<{ name: string; kana: string | null; cn: string; industry: string | null; pref: string | null }>(
  sql`select name, name_kana as kana, corporate_number as cn, industry_code as industry, prefecture_code as pref from companies
      where id in (select 1 + floor(random() * (select max(id) from companies))::bigint from generate_series(1, 600)) limit 300`,
);
const enc = encodeURIComponent;
const companyPaths = searchMix(sample).map(koryuPath);

// Wish sheets: the query mix of bench/wishes-public-http.bench.ts; sheet pages of published, unexpired sheets.
const wishPaths = [
  ...['ＤＸ', 'データ分析', 'ﾃﾞｰﾀ', 'じんじ', '脱炭素', 'M&A', '物流 DX', 'クラウド 英語', 'けいざいさんぎょうしょう', '半導体', '品質管理', '東京都'].map((q) => `q=${enc(q)}`),
  `q=${enc('DX')}&direction=dispatch&region=Kanto`,
  `q=${enc('データ分析')}&industry=G`,
  `q=${enc('脱炭素')}&ageBand=30s&period=24`,
  `q=${enc('人材育成')}&side=company&startMonth=2027-04`,
  `q=${enc('リスク管理')}&direction=hire&sort=start`,
  'direction=hire',
  'industry=E&region=Kinki',
  'ministry=meti',
  'field=digital&ageBand=40s',
  'side=ministry&sort=start',
  'direction=dispatch&period=12&sort=expires',
  '',
  'page=2',
  'page=5',
  `q=${enc('DX')}&page=10`,
].map((p) => `/api/public/wishes${p ? `?${p}` : ''}`);
const sheetRefs = (
  await one<{ reference: string }>(
    sql`select reference from wish_sheets where status = 'published' and (expires_on is null or expires_on >= current_date) order by random() limit 400`,
  )
).map((r) => r.reference);

const lastYear = (await one<{ y: number | null }>(sql`select max(extract(year from actual_start))::int as y from exchange_cases`))[0]!.y ?? 2025;
await d.close();

// Criteria: 12 facts documents (8 clean, 4 failing), as bench/criteria-http.bench.ts.
const criteriaBodies = [...generateDocuments({ seed: 42, count: 8, kind: 'clean' }), ...generateDocuments({ seed: 42, count: 4, kind: 'failing' })].map((x) => JSON.stringify(x));

// Statistics: the public published figures and the NPA's page over the case records.
const publicStatsPaths = [
  '/api/statistics/international/series',
  '/api/statistics/international/by-organisation',
  '/api/statistics/public-private/industry',
  '/api/statistics/published/cumulative',
];
const npaStatsPaths = [0, 1, 2, 3, 4].map((i) => `/api/statistics/public-private/overview?year=${lastYear - 1 - (i % 3)}&window=${i % 2 ? 1 : 3}${i === 4 ? '&direction=dispatch' : ''}`);
npaStatsPaths.push(`/api/statistics/public-private/series?from=2000&to=${lastYear}`);

// ------------------------------------------------------------------ the server (a separate process)

const cpuTicks = (pid: number) => {
  const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return Number(rest[11]) + Number(rest[12]); // utime + stime, clock ticks
};
const machineTicks = () => {
  const c = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = c[3]! + c[4]!;
  return { busy: c.reduce((a, b) => a + b, 0) - idle, total: c.reduce((a, b) => a + b, 0) };
};
const TICK = 100; // USER_HZ on Linux
/** CPU ticks of each PostgreSQL backend serving the server (application_name koryu-mixed-load), by pid. */
const pgTicks = async (): Promise<Map<number, number>> => {
  const c = await openDatabase({ databaseUrl, poolSize: 1 });
  try {
    const pids = (await c.db.execute(sql`select pid from pg_stat_activity where application_name = 'koryu-mixed-load'`)) as unknown;
    const out = new Map<number, number>();
    for (const r of rowsOf<{ pid: number }>(pids as never)) {
      try {
        out.set(r.pid, cpuTicks(r.pid));
      } catch {
        /* another machine, or gone */
      }
    }
    return out;
  } finally {
    await c.close();
  }
};
/** ns on a CPU and ns runnable but waiting for one (the scheduler's run queue), from /proc/<pid>/schedstat, summed over the process's threads. */
const schedNs = (pid: number) => {
  let run = 0;
  let wait = 0;
  for (const t of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const [a, b] = fs.readFileSync(`/proc/${pid}/task/${t}/schedstat`, 'utf8').trim().split(' ').map(Number);
      run += a!;
      wait += b!;
    } catch {
      /* thread gone */
    }
  }
  return { run, wait };
};

const serverEnv = {
  ...process.env,
  NODE_ENV: 'production',
  LOG_LEVEL: 'warn',
  HOST: '127.0.0.1',
  PORT: String(port),
  // Tagged, so that the bench can find the server's PostgreSQL backends and read their CPU time.
  DATABASE_URL: `${databaseUrl}${databaseUrl.includes('?') ? '&' : '?'}application_name=koryu-mixed-load`,
  KORYU_WEB_DIST: '/nonexistent',
  KORYU_DB_POOL: arg('pool', process.env.KORYU_DB_POOL ?? '10'),
};
// --profile DIR: the server writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
const profileDir = arg('profile', '');
// --server-log FILE: the server's log lines (stdout, level warn and above) go there instead of nowhere.
const serverLog = arg('server-log', '');
const proc = spawn(process.execPath, [...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), 'bin/koryu.js', 'start'], {
  env: serverEnv,
  stdio: ['ignore', serverLog ? fs.openSync(serverLog, 'w') : 'ignore', 'inherit'],
});
process.on('exit', () => {
  if (proc.exitCode === null) proc.kill('SIGTERM'); // the bench failed: do not leave the server running
});
const base = `http://127.0.0.1:${port}`;
const t0Start = performance.now();
for (;;) {
  if (performance.now() - t0Start > 180_000) throw new Error('koryu did not start in 180 s');
  if (proc.exitCode !== null) throw new Error(`koryu exited with ${proc.exitCode}`);
  try {
    if ((await fetch(`${base}/api/health`)).ok) break;
  } catch {
    /* not yet */
  }
  await new Promise((r) => setTimeout(r, 50));
}
log(`koryu (pid ${proc.pid}) ready in ${Math.round(performance.now() - t0Start)} ms on ${base}`);
// The public wish listing is served from an in-process index (ADR 008) that loads after the first
// request; until then SQL answers. The load starts once the index answers (as in production after start-up).
for (const tIndex = performance.now(); ; ) {
  const r = await fetch(`${base}/api/public/wishes`);
  await r.arrayBuffer();
  if (r.headers.get('x-koryu-listing') !== 'sql') {
    log(`wish listing index ready in ${Math.round(performance.now() - tIndex)} ms`);
    break;
  }
  if (performance.now() - tIndex > 300_000) throw new Error('the wish listing index did not load in 5 minutes');
  await new Promise((res) => setTimeout(res, 200));
}
const stopServer = async () => {
  if (proc.exitCode !== null) return;
  proc.kill('SIGTERM');
  await new Promise((r) => proc.once('exit', r));
};
process.on('uncaughtException', (err) => {
  console.error(err);
  proc.kill('SIGTERM');
  process.exit(1);
});

// ------------------------------------------------------------------ HTTP client and recording

type Res = { status: number; body: Buffer; headers: http.IncomingHttpHeaders };
function send(agent: http.Agent, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Res> {
  return new Promise((resolve, reject) => {
    const h: Record<string, string | number> = { ...headers };
    if (body !== undefined) {
      h['content-type'] = 'application/json';
      h['content-length'] = Buffer.byteLength(body);
    }
    const req = http.request(`${base}${path}`, { method, headers: h, agent, timeout: 30_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout (30 s)')));
    req.on('error', reject);
    req.end(body);
  });
}

type Kind = 'read' | 'write';
type Stat = { name: string; kind: Kind; lat: number[]; non2xx: number; errors: number; statuses: Map<number, number>; firstProblem: string | null };
const stats = new Map<string, Stat>();
const warmStats = { requests: 0, problems: 0 };
const alone = new Map<string, Stat>(); // one request at a time, before the load (what a request costs when nothing queues)
let phase: 'alone' | 'warmup' | 'measure' | 'done' = 'alone';
const stat = (name: string, kind: Kind, m = stats) => {
  let s = m.get(name);
  if (!s) m.set(name, (s = { name, kind, lat: [], non2xx: 0, errors: 0, statuses: new Map(), firstProblem: null }));
  return s;
};

/** One timed request; the result (or null on a network error) for the caller to follow up. */
async function timed(agent: http.Agent, name: string, kind: Kind, method: string, path: string, headers: Record<string, string>, body?: string, expect = [200]): Promise<Res | null> {
  const t0 = performance.now();
  let res: Res | null = null;
  let problem: string | null = null;
  try {
    res = await send(agent, method, path, headers, body);
    if (!expect.includes(res.status)) problem = `${method} ${path} → ${res.status} ${res.body.toString('utf8').slice(0, 300)}`;
  } catch (err) {
    problem = `${method} ${path} → ${(err as Error).message}`;
  }
  const ms = performance.now() - t0;
  if (phase === 'measure' || phase === 'alone') {
    const s = stat(name, kind, phase === 'alone' ? alone : stats);
    s.lat.push(ms);
    if (res) s.statuses.set(res.status, (s.statuses.get(res.status) ?? 0) + 1);
    if (problem) {
      if (res) s.non2xx++;
      else s.errors++;
      s.firstProblem ??= problem;
    }
  } else if (phase === 'warmup') {
    warmStats.requests++;
    if (problem) {
      warmStats.problems++;
      if (warmStats.problems <= 5) log(`warm-up: ${problem}`);
    }
  }
  return problem ? null : res;
}

// ------------------------------------------------------------------ sessions

async function loginSession(email: string, password: string): Promise<{ cookie: string; csrf: string }> {
  const agent = new http.Agent({ keepAlive: false });
  const r = await send(agent, 'POST', '/api/auth/login', {}, JSON.stringify({ email, password }));
  if (r.status !== 200) throw new Error(`login ${email}: ${r.status} ${r.body.toString()}`);
  const cookie = String(r.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
  const csrf = (JSON.parse(r.body.toString()) as { csrfToken: string }).csrfToken;
  return { cookie, csrf };
}
type Session = { cookie: string; csrf: string };
const hdr = (s: Session, unsafe = false): Record<string, string> => (unsafe ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : { cookie: s.cookie });

// ------------------------------------------------------------------ the users

const rnd = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const running = () => phase !== 'done';

type Role = { name: string; weight: number; needs: 'npa' | 'ministry' | 'none' | 'pair'; loop: (u: User) => Promise<void> };
type User = { agent: http.Agent; npa?: Session; ministry?: Session; cases?: { id: number; state: string; version: number }[] };

const roles: Role[] = [
  {
    name: 'company search',
    weight: 18,
    needs: 'ministry',
    loop: async (u) => void (await timed(u.agent, 'GET /api/companies (search)', 'read', 'GET', rnd(companyPaths), hdr(u.ministry!))),
  },
  {
    name: 'public wish search',
    weight: 14,
    needs: 'none',
    loop: async (u) => void (await timed(u.agent, 'GET /api/public/wishes (search)', 'read', 'GET', rnd(wishPaths), {})),
  },
  {
    name: 'public wish sheet',
    weight: 10,
    needs: 'none',
    loop: async (u) => void (await timed(u.agent, 'GET /api/public/wishes/:reference', 'read', 'GET', `/api/public/wishes/${rnd(sheetRefs)}`, {})),
  },
  {
    name: 'ministry pipeline',
    weight: 12,
    needs: 'ministry',
    loop: async (u) => {
      const r = Math.random();
      if (r < 0.4) await timed(u.agent, 'GET /api/exchanges/cases (ministry list)', 'read', 'GET', rnd(['/api/exchanges/cases?sort=start', '/api/exchanges/cases?sort=updated', '/api/exchanges/cases?sort=start&page=2', '/api/exchanges/cases?state=under_review']), hdr(u.ministry!));
      else if (r < 0.65) await timed(u.agent, 'GET /api/exchanges/pipeline', 'read', 'GET', '/api/exchanges/pipeline', hdr(u.ministry!));
      else await timed(u.agent, 'GET /api/exchanges/cases/:id', 'read', 'GET', `/api/exchanges/cases/${rnd(orgCaseIds)}`, hdr(u.ministry!));
    },
  },
  {
    name: 'NPA queue',
    weight: 6,
    needs: 'npa',
    loop: async (u) => void (await timed(u.agent, 'GET /api/exchanges/queue (NPA)', 'read', 'GET', rnd(['/api/exchanges/queue', '/api/exchanges/queue?overdue=true', '/api/exchanges/queue?sort=age', '/api/exchanges/queue?page=2']), hdr(u.npa!))),
  },
  {
    name: 'case transitions',
    weight: 10,
    needs: 'pair',
    loop: async (u) => {
      const c = u.cases!.shift()!;
      u.cases!.push(c);
      const step = c.state === 'submitted' ? { event: 'start_review', who: u.npa! } : c.state === 'under_review' ? { event: 'query', who: u.npa! } : { event: 'answer', who: u.ministry! };
      const note = step.event === 'query' ? `照会 ${Date.now()}: 交流計画の業務内容を補足してください。` : step.event === 'answer' ? `回答 ${Date.now()}: 業務内容を補足しました。` : undefined;
      const res = await timed(u.agent, `POST /api/exchanges/cases/:id/transitions (${step.event})`, 'write', 'POST', `/api/exchanges/cases/${c.id}/transitions`, hdr(step.who, true), JSON.stringify({ event: step.event, version: c.version, ...(note ? { note } : {}) }));
      if (res) {
        const b = JSON.parse(res.body.toString()) as { state: string; version: number };
        c.state = b.state;
        c.version = b.version;
      } else {
        const fresh = await send(u.agent, 'GET', `/api/exchanges/cases/${c.id}`, hdr(u.npa!)).catch(() => null);
        if (fresh?.status === 200) Object.assign(c, JSON.parse(fresh.body.toString()) as { state: string; version: number });
      }
    },
  },
  {
    name: 'case notes',
    weight: 5,
    needs: 'ministry',
    loop: async (u) =>
      void (await timed(u.agent, 'POST /api/exchanges/cases/:id/messages', 'write', 'POST', `/api/exchanges/cases/${rnd(workCases).id}/messages`, hdr(u.ministry!, true), JSON.stringify({ body: `連絡 ${Date.now()}: 面談日程の候補をお送りします。` }), [201])),
  },
  {
    name: 'criteria check',
    weight: 10,
    needs: 'ministry',
    loop: async (u) => void (await timed(u.agent, 'POST /api/criteria/evaluate', 'read', 'POST', '/api/criteria/evaluate', hdr(u.ministry!, true), rnd(criteriaBodies))),
  },
  {
    name: 'public statistics',
    weight: 5,
    needs: 'none',
    loop: async (u) => void (await timed(u.agent, 'GET /api/statistics (public published)', 'read', 'GET', rnd(publicStatsPaths), {})),
  },
  {
    name: 'NPA statistics',
    weight: 5,
    needs: 'npa',
    loop: async (u) => void (await timed(u.agent, 'GET /api/statistics/public-private (NPA)', 'read', 'GET', rnd(npaStatsPaths), hdr(u.npa!))),
  },
];

// --only a,b: keep only the kinds of user whose names contain one of these (diagnosis; all users go to them).
const only = arg('only', '')
  .split(',')
  .filter(Boolean);
if (only.length) roles.splice(0, roles.length, ...roles.filter((r) => only.some((o) => r.name.includes(o))));

// Split the users by weight (largest remainder); one more user logs in and out at --login-rate.
const loginUsers = loginRate > 0 ? 1 : 0;
const pool = users - loginUsers;
const totalWeight = roles.reduce((a, r) => a + r.weight, 0);
const exact = roles.map((r) => (r.weight / totalWeight) * pool);
const split = exact.map(Math.floor);
for (const i of exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]).map(([, i]) => i).slice(0, pool - split.reduce((a, b) => a + b, 0))) split[i]!++;

// Sessions: each logged-in user has its own session, logged in one after the other (not measured).
log(`logging in ${split.reduce((a, n, i) => a + (roles[i]!.needs === 'none' ? 0 : roles[i]!.needs === 'pair' ? 2 * n : n), 0)} sessions…`);
const userList: { role: Role; user: User }[] = [];
const transitionUsers = split[roles.findIndex((r) => r.needs === 'pair')] ?? 0;
const perUser = Math.floor(workCases.length / Math.max(1, transitionUsers));
if (transitionUsers && perUser < 2) throw new Error(`only ${workCases.length} cases in review for organisation ${org}: not enough for ${transitionUsers} transition users`);
let caseSlice = 0;
for (const [i, role] of roles.entries()) {
  for (let k = 0; k < split[i]!; k++) {
    const user: User = { agent: new http.Agent({ keepAlive: true, maxSockets: 1 }) };
    if (role.needs === 'npa' || role.needs === 'pair') user.npa = await loginSession(BENCH_EMAIL, BENCH_PASSWORD);
    if (role.needs === 'ministry' || role.needs === 'pair') user.ministry = await loginSession(MINISTRY_EMAIL, PASSWORD);
    if (role.needs === 'pair') {
      user.cases = [];
      for (const c of workCases.slice(caseSlice * perUser, (caseSlice + 1) * perUser)) {
        const r = await send(user.agent, 'GET', `/api/exchanges/cases/${c.id}`, hdr(user.npa!));
        if (r.status !== 200) throw new Error(`case ${c.id}: ${r.status} ${r.body.toString()}`);
        const b = JSON.parse(r.body.toString()) as { state: string; version: number };
        user.cases.push({ id: c.id, state: b.state, version: b.version });
      }
      caseSlice++;
    }
    userList.push({ role, user });
  }
}

// Every read path answers 200 once before the run (a wrong path would otherwise be an error storm).
{
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const u: User = { agent, ministry: await loginSession(MINISTRY_EMAIL, PASSWORD) };
  const npaU: User = { agent, npa: await loginSession(BENCH_EMAIL, BENCH_PASSWORD) };
  for (const p of [...companyPaths.slice(0, 12), ...wishPaths, ...sheetRefs.slice(0, 5).map((r) => `/api/public/wishes/${r}`), ...publicStatsPaths]) {
    const r = await send(u.agent, 'GET', p, hdr(u.ministry!));
    if (r.status !== 200) throw new Error(`check ${p}: ${r.status} ${r.body.toString().slice(0, 300)}`);
  }
  for (const p of npaStatsPaths) {
    const r = await send(npaU.agent, 'GET', p, hdr(npaU.npa!));
    if (r.status !== 200) throw new Error(`check ${p}: ${r.status} ${r.body.toString().slice(0, 300)}`);
  }
}

// One request at a time per kind of user (--alone N rounds): the latency without queueing.
const aloneRounds = Number(arg('alone', '20'));
for (const { role, user } of userList.filter((x, i, xs) => xs.findIndex((y) => y.role === x.role) === i)) {
  for (let i = 0; i < aloneRounds; i++) await role.loop(user);
}
for (let i = 0; i < Math.min(aloneRounds, 4); i++) {
  const a = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const res = await timed(a, 'POST /api/auth/login (argon2)', 'write', 'POST', '/api/auth/login', {}, JSON.stringify({ email: loginEmail(i % LOGIN_POOL), password: PASSWORD }));
  if (res) await timed(a, 'POST /api/auth/logout', 'write', 'POST', '/api/auth/logout', { cookie: String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!, 'x-csrf-token': (JSON.parse(res.body.toString()) as { csrfToken: string }).csrfToken }, '{}', [204]);
}
const aloneBad = [...alone.values()].filter((s) => s.non2xx || s.errors);
if (aloneBad.length) throw new Error(`requests one at a time failed: ${aloneBad.map((s) => s.firstProblem).join('; ')}`);
phase = 'warmup';

async function loginLoop() {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const interval = 1000 / loginRate;
  let next = performance.now();
  let k = 0;
  while (running()) {
    const wait = next - performance.now();
    if (wait > 0) await sleep(wait);
    next += interval;
    if (!running()) break;
    const res = await timed(agent, 'POST /api/auth/login (argon2)', 'write', 'POST', '/api/auth/login', {}, JSON.stringify({ email: loginEmail(k++ % LOGIN_POOL), password: PASSWORD }));
    if (res) {
      const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
      const csrf = (JSON.parse(res.body.toString()) as { csrfToken: string }).csrfToken;
      await timed(agent, 'POST /api/auth/logout', 'write', 'POST', '/api/auth/logout', { cookie, 'x-csrf-token': csrf }, '{}', [204]);
    }
  }
}

async function userLoop(role: Role, user: User) {
  while (running()) {
    await role.loop(user);
    if (thinkMs > 0) await sleep(thinkMs * (0.5 + Math.random()));
  }
}

log(`users: ${roles.map((r, i) => `${r.name} ${split[i]}`).join(', ')}${loginUsers ? `, login+logout 1 (${loginRate}/s)` : ''}; ${warmup} s warm-up, then ${duration} s measured`);
let rssMax = 0;
let rssSum = 0;
let rssN = 0;
const sampler = setInterval(() => {
  if (phase !== 'measure') return;
  const r = rssMb(proc.pid!);
  rssMax = Math.max(rssMax, r);
  rssSum += r;
  rssN++;
}, 1000);
const rssBefore = rssMb(proc.pid!);
const loops = [...userList.map(({ role, user }) => userLoop(role, user)), ...(loginUsers ? [loginLoop()] : [])];
await sleep(warmup * 1000);
phase = 'measure';
const pg0 = await pgTicks();
const cpu0 = cpuTicks(proc.pid!);
const sched0 = schedNs(proc.pid!);
const load0 = os.loadavg()[0]!;
const m0 = machineTicks();
const self0 = process.cpuUsage();
const tMeasure = performance.now();
const progress = setInterval(() => {
  const n = [...stats.values()].reduce((a, s) => a + s.lat.length, 0);
  const bad = [...stats.values()].reduce((a, s) => a + s.non2xx + s.errors, 0);
  log(`${Math.round((performance.now() - tMeasure) / 1000)} s: ${n} requests, ${bad} errors/non-2xx`);
}, 30_000);
await sleep(duration * 1000);
phase = 'done';
const elapsed = (performance.now() - tMeasure) / 1000;
const cpu1 = cpuTicks(proc.pid!);
const pg1 = await pgTicks();
const sched1 = schedNs(proc.pid!);
const load1 = os.loadavg()[0]!;
const m1 = machineTicks();
const self1 = process.cpuUsage(self0);
clearInterval(progress);
clearInterval(sampler);
await Promise.all(loops);
const rssAfter = rssMb(proc.pid!);
await stopServer();

// ------------------------------------------------------------------ report

const READ_P95 = 100;
const WRITE_P95 = 250;
const rows = [...stats.values()]
  .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'read' ? -1 : 1))
  .map((s) => {
    const sorted = Float64Array.from(s.lat).sort();
    const a = alone.get(s.name);
    const aloneSorted = Float64Array.from(a?.lat ?? []).sort();
    return {
      endpoint: s.name,
      kind: s.kind,
      aloneP50: a ? pct(aloneSorted, 50) : NaN,
      requests: s.lat.length,
      perSecond: Math.round((s.lat.length / elapsed) * 10) / 10,
      okPerSecond: Math.round(((s.lat.length - s.non2xx - s.errors) / elapsed) * 10) / 10,
      p50: pct(sorted, 50),
      p95: pct(sorted, 95),
      p99: pct(sorted, 99),
      max: pct(sorted, 100),
      non2xx: s.non2xx,
      errors: s.errors,
      firstProblem: s.firstProblem,
    };
  });
const all = Float64Array.from([...stats.values()].flatMap((s) => s.lat)).sort();
const byKind = (k: Kind) => Float64Array.from([...stats.values()].filter((s) => s.kind === k).flatMap((s) => s.lat)).sort();
const totals = {
  requests: all.length,
  perSecond: Math.round((all.length / elapsed) * 10) / 10,
  okPerSecond: 0,
  p50: pct(all, 50),
  p95: pct(all, 95),
  p99: pct(all, 99),
  max: pct(all, 100),
  non2xx: rows.reduce((a, r) => a + r.non2xx, 0),
  errors: rows.reduce((a, r) => a + r.errors, 0),
  reads: { requests: byKind('read').length, p95: pct(byKind('read'), 95) },
  writes: { requests: byKind('write').length, p95: pct(byKind('write'), 95) },
};
totals.okPerSecond = Math.round(((totals.requests - totals.non2xx - totals.errors) / elapsed) * 10) / 10;
const server = {
  rssMb: { beforeRun: Math.round(rssBefore), meanUnderLoad: Math.round(rssSum / Math.max(1, rssN)), maxUnderLoad: Math.round(rssMax), afterRun: Math.round(rssAfter) },
  cpuPercentOfOneCore: Math.round(((cpu1 - cpu0) / TICK / elapsed) * 100),
  cpuSeconds: Math.round(((cpu1 - cpu0) / TICK) * 10) / 10,
  // The server's PostgreSQL backends (those alive at the end; a backend started during the run counts whole).
  postgresCpuSeconds: Math.round(([...pg1].reduce((a, [pid, t]) => a + t - (pg0.get(pid) ?? 0), 0) / TICK) * 10) / 10,
  postgresBackends: pg1.size,
  machineCpuBusyPercent: Math.round(((m1.busy - m0.busy) / (m1.total - m0.total)) * 100),
  // Time the server's threads were ready to run but waited for a CPU (other processes had them): on a shared machine, queueing outside koryu.
  runQueueWaitSeconds: Math.round(((sched1.wait - sched0.wait) / 1e9) * 10) / 10,
  loadAverage1m: { start: Math.round(load0 * 10) / 10, end: Math.round(load1 * 10) / 10 },
  loadGeneratorCpuPercentOfOneCore: Math.round(((self1.user + self1.system) / 1e6 / elapsed) * 100),
  cores: os.cpus().length,
};

const pad = (s: string | number, n: number, left = false) => (left ? String(s).padEnd(n) : String(s).padStart(n));
const w = Math.max(...rows.map((r) => r.endpoint.length), 10) + 2;
const line = (e: string, k: string, n: string | number, rps: string | number, ok: string | number, a: string | number, b: string | number, c: string | number, m: string | number, x: string | number, y: string | number, z: string | number) =>
  `${pad(e, w, true)}${pad(k, 6, true)}${pad(n, 9)}${pad(rps, 9)}${pad(ok, 9)}${pad(a, 9)}${pad(b, 9)}${pad(c, 9)}${pad(m, 9)}${pad(x, 7)}${pad(y, 7)}${pad(z, 10)}`;
console.log(`\nmixed load: ${users} users (closed loop${thinkMs ? `, think ${thinkMs} ms` : ', no think time'}), ${Math.round(elapsed)} s measured after ${warmup} s warm-up, ${new Date().toISOString()}`);
console.log(`database: ${databaseUrl.replace(/\/\/[^@]*@/, '//…@')} ${JSON.stringify(counts)}; ministry organisation ${org}; ${workCases.length} cases worked by ${transitionUsers} transition users`);
console.log(`users: ${roles.map((r, i) => `${r.name} ${split[i]}`).join(', ')}${loginUsers ? `, login+logout 1 at ${loginRate}/s` : ''}\n`);
console.log(line('endpoint', 'kind', 'requests', 'req/s', '2xx/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'non2xx', 'errors', 'alone p50'));
for (const r of rows) console.log(line(r.endpoint, r.kind, r.requests, r.perSecond, r.okPerSecond, r.p50, r.p95, r.p99, r.max, r.non2xx, r.errors, r.aloneP50));
console.log(line('TOTAL', '', totals.requests, totals.perSecond, totals.okPerSecond, totals.p50, totals.p95, totals.p99, totals.max, totals.non2xx, totals.errors, ''));
console.log(`(alone p50: the same requests one at a time before the load, ${aloneRounds} rounds per kind of user)`);
console.log(
  `\nserver: RSS ${server.rssMb.beforeRun} MB before, mean ${server.rssMb.meanUnderLoad} / max ${server.rssMb.maxUnderLoad} MB under load, ${server.rssMb.afterRun} MB after; ` +
    `CPU ${server.cpuPercentOfOneCore}% of one core (${server.cpuSeconds} s), ${server.runQueueWaitSeconds} s waiting for a CPU; ` +
    `its ${server.postgresBackends} PostgreSQL backends ${server.postgresCpuSeconds} s CPU; ` +
    `CPU per request: node ${Math.round((server.cpuSeconds / Math.max(1, totals.requests)) * 1e4) / 10} ms + PostgreSQL ${Math.round((server.postgresCpuSeconds / Math.max(1, totals.requests)) * 1e4) / 10} ms; ` +
    `machine busy ${server.machineCpuBusyPercent}% of ${server.cores} cores, load average ${server.loadAverage1m.start} → ${server.loadAverage1m.end}; load generator ${server.loadGeneratorCpuPercentOfOneCore}% of one core`,
);
if (warmStats.problems) console.log(`warm-up: ${warmStats.problems} of ${warmStats.requests} requests failed (not counted)`);
for (const r of rows) if (r.firstProblem) console.log(`first problem on ${r.endpoint}: ${r.firstProblem}`);

console.log('\ntargets:');
const bad = totals.errors + totals.non2xx;
console.log(`${bad === 0 ? 'PASS' : 'MISS'} errors: ${bad} (network errors ${totals.errors}, non-2xx ${totals.non2xx}) of ${totals.requests} requests, target 0`);
for (const r of rows) {
  const target = r.kind === 'read' ? READ_P95 : WRITE_P95;
  console.log(`${r.p95 <= target ? 'PASS' : 'MISS'} p95 ${r.endpoint}: ${r.p95} ms, target <= ${target} ms (${r.kind})`);
}

if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ bench: 'mixed-load', date: new Date().toISOString(), users, thinkMs, durationSeconds: elapsed, warmupSeconds: warmup, loginRate, counts, split: Object.fromEntries(roles.map((r, i) => [r.name, split[i]])), rows, totals, server }, null, 2));
process.exitCode = bad ? 1 : 0;
