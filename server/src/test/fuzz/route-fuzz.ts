// Fuzzing every write route (POST/PUT/PATCH/DELETE) of the app from its own zod schemas, as a user
// the route admits, with a valid session and CSRF token (so validation, not CSRF, is exercised):
//   valid   — bodies / params / query strings generated from the schemas (zod-arbitrary.ts);
//   probe   — the same, with SQL-injection, XSS and unicode probes in every free-text field;
//   mutated — a valid input with one part broken: wrong types, missing or extra fields, boundary
//             lengths, huge numbers, NaN-ish strings, NUL, lone surrogates, RTL, emoji, full-width.
// Every answer is checked (no 5xx, every 4xx with code + ja + en, probes returned verbatim, never
// inside HTML) and every error the database raises is recorded (drizzle wraps each query), as is
// every error the server logs. Used by fuzz.db.test.ts (short) and bench/fuzz.ts (long runs).
import { Writable } from 'node:stream';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { PgPreparedQuery } from 'drizzle-orm/pg-core';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../platform/config.ts';
import { roleHas } from '../../platform/permissions.ts';
import type { Role } from '../../platform/context.ts';
import { sqlState } from '../../db/tx.ts';
import { rowsOf } from '../../db/client.ts';
import { tableOrder } from '../../db/schema.ts';
import { freshDatabase } from '../db.ts';
import { loginAs, type Session, type TestApp } from '../app.ts';
import { zodArbitrary } from './zod-arbitrary.ts';
import { koryuOverrides } from './koryu-hints.ts';

export const SQL_PROBES = [
  "' OR 1=1 --",
  "'; DROP TABLE companies; --",
  '\\',
  "\\'",
  '$$',
  '$1',
  "%' OR '%'='",
  '1; SELECT pg_sleep(1)',
  '" OR ""="',
  "') OR ('a'='a",
  "E'\\x41'",
  '%_%',
  "x'::text --",
  '/* comment',
  "O'Brien",
];
export const XSS_PROBES = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '<svg onload=alert(1)>',
  "'\"><iframe src=javascript:alert(1)>",
  '{{7*7}}',
  '${7*7}',
  "=cmd|' /C calc'!A0",
  '@SUM(1+1)*cmd',
];
export const UNICODE_PROBES = [
  '\u202Eevil\u202C',
  '👨‍👩‍👧‍👦🇯🇵',
  'ＳＥＬＥＣＴ　１ ＜ｓｃｒｉｐｔ＞',
  'e\u0301\u0301\u0301',
  'a\u200Bb\uFEFFc',
  'a\u0000b',
  '\uD800x',
  'x\uDFFF',
];
export const PROBES = [...SQL_PROBES, ...XSS_PROBES, ...UNICODE_PROBES];
/** A probe with an unmistakable part: any answer string holding it must hold a probe exactly as sent. */
const MARKERS = ['OR 1=1', 'DROP TABLE', 'alert(1)', 'pg_sleep', 'onerror', 'calc', '7*7'];

const HOSTILE_VALUES: unknown[] = [
  42,
  -1,
  0,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  1e21,
  true,
  null,
  [],
  {},
  [1, 'a', null],
  { nested: { deeper: [{}] } },
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e999',
  '0x1F',
  ' 42 ',
  '２０２４-０４-０１',
  '2024-02-30',
  '0000-00-00',
  '9999-12-31T99:99',
  'a\u0000b',
  '\uD800',
  '\u202E\u0644\u0639',
  '😀'.repeat(100),
  'ｆｕｌｌ－ｗｉｄｔｈ',
  'x'.repeat(256),
  'あ'.repeat(1001),
  'x'.repeat(4001),
  'y'.repeat(100_001),
  ...SQL_PROBES.slice(0, 4),
  ...XSS_PROBES.slice(0, 2),
];
const HOSTILE_PARAMS = ['0', '-1', '1.5', '1e3', '9007199254740993', '99999999999999999999', 'abc', "1' OR '1'='1", 'NaN', '%00', '%F0%9F%98%80', '%E2%80%AE1', '１', '%20', '..%2F..%2Fetc'];

export type Mode = 'valid' | 'probe' | 'mutated';
export type WriteRoute = { method: string; url: string; permission: string; schema: { body?: unknown; params?: unknown; querystring?: unknown } };
export type DbErrorRecord = { state: string | undefined; message: string; route: string };
export type Failure = { route: string; mode: Mode; status: number; detail: string };

export type FuzzStats = {
  inputs: number;
  byMode: Record<Mode, number>;
  statuses: Record<string, number>;
  twoxxWithProbe: number;
  probesEchoed: number;
  dbErrors: DbErrorRecord[];
  /** 23505 unique violations the app turns into 409 duplicate (deliberate), and serialization retries. */
  expectedDbErrors: Record<string, number>;
  logErrors: string[];
  failures: Failure[];
  reLogins: number;
  writeChecks: number;
};

// ---------------------------------------------------------------------------- database errors
let currentRoute = '';
let dbErrorSink: ((r: DbErrorRecord) => void) | null = null;
let patched = false;
/** Records every error a query raises, whatever the caller does with it afterwards (drizzle wraps each query). */
function watchDatabaseErrors(): void {
  if (patched) return;
  patched = true;
  const proto = PgPreparedQuery.prototype as unknown as { queryWithCache: (...a: unknown[]) => Promise<unknown> };
  const original = proto.queryWithCache;
  proto.queryWithCache = async function (this: unknown, ...args: unknown[]) {
    try {
      return await original.apply(this, args);
    } catch (err) {
      const e = err as { message?: string; cause?: { message?: string } };
      dbErrorSink?.({ state: sqlState(err), message: (e.cause?.message ?? e.message ?? String(err)).split('\nparams:')[0]!.slice(0, 300), route: currentRoute });
      throw err;
    }
  };
}
const EXPECTED_DB_STATES = new Set(['23505', '40001', '40P01']);

// ---------------------------------------------------------------------------- the app under test
export type FuzzApp = {
  t: TestApp;
  stats: FuzzStats;
  sessions: Partial<Record<Role, Session>>;
  session(role: Role): Promise<Session>;
  routes: WriteRoute[];
  close(): Promise<void>;
};

export function newStats(): FuzzStats {
  return {
    inputs: 0,
    byMode: { valid: 0, probe: 0, mutated: 0 },
    statuses: {},
    twoxxWithProbe: 0,
    probesEchoed: 0,
    dbErrors: [],
    expectedDbErrors: {},
    logErrors: [],
    failures: [],
    reLogins: 0,
    writeChecks: 0,
  };
}

export async function fuzzApp(): Promise<FuzzApp> {
  watchDatabaseErrors();
  const stats = newStats();
  dbErrorSink = (r) => {
    if (r.state && EXPECTED_DB_STATES.has(r.state)) stats.expectedDbErrors[r.state] = (stats.expectedDbErrors[r.state] ?? 0) + 1;
    else stats.dbErrors.push(r);
  };
  const db = await freshDatabase();
  // The server's own log, as pino writes it: any error it logs is a finding.
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        let level = 0;
        let text = line;
        try {
          const j = JSON.parse(line) as { level?: number; msg?: string; err?: unknown };
          level = j.level ?? 0;
          text = `${j.msg ?? ''} ${JSON.stringify(j.err ?? '')}`;
        } catch {
          /* not JSON */
        }
        if (level >= 50 || /syntax error|DrizzleQueryError|Failed query|violates|invalid input syntax|out of range/i.test(text)) {
          stats.logErrors.push(`[${currentRoute}] ${text.slice(0, 400)}`);
        }
      }
      done();
    },
  });
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'info', KORYU_WEB_DIST: '/nonexistent' });
  const app = await buildApp({ config, database: db, logger: { level: 'info', stream } });
  await app.ready();
  const t: TestApp = {
    app,
    db,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
  const sessions: Partial<Record<Role, Session>> = {};
  const session = async (role: Role) => (sessions[role] ??= await loginAs(t, role));
  for (const role of ['npa', 'ministry_hr', 'company_hr', 'center', 'participant'] as const) await session(role);
  const routes = app.routeInventory
    .filter((r) => r.method !== 'GET' && r.url !== '/api/auth/logout')
    .map((r) => ({ ...r, schema: (r.schema ?? {}) as WriteRoute['schema'] }))
    // Creations first (they give the later routes' ids rows to find), deletions last.
    .sort((a, b) => rank(a) - rank(b));
  return {
    t,
    stats,
    sessions,
    session,
    routes,
    close: async () => {
      dbErrorSink = null;
      await t.close();
    },
  };
}

// Login last: fuzzing it trips the login rate limit, which would stop the fuzzer's own re-logins.
const rank = (r: { method: string; url: string }) => (r.url === '/api/auth/login' ? 3 : r.method === 'DELETE' ? 2 : r.url.includes(':') ? 1 : 0);

/** The role that sends a route's inputs: the NPA when it may, else the first role the permission table admits. */
export function roleFor(permission: string): Role {
  const order: Role[] = ['npa', 'ministry_hr', 'company_hr', 'center', 'participant'];
  return order.find((r) => roleHas(r, permission as never)) ?? 'npa';
}

// ---------------------------------------------------------------------------- inputs
type Input = { params: Record<string, unknown>; query: Record<string, unknown> | undefined; body: unknown; raw?: string };

const arbCache = new Map<unknown, fc.Arbitrary<unknown>>();
function arbFor(schema: unknown, mode: Mode): fc.Arbitrary<unknown> {
  const key = mode === 'probe' ? { schema, probe: true } : schema;
  if (mode !== 'probe' && arbCache.has(key)) return arbCache.get(key)!;
  const arb = zodArbitrary(schema, { overrides: koryuOverrides, ...(mode === 'probe' ? { text: fc.constantFrom(...PROBES) } : {}) });
  if (mode !== 'probe') arbCache.set(key, arb);
  return arb;
}

function inputArb(route: WriteRoute, mode: Mode): fc.Arbitrary<Input> {
  const s = route.schema;
  const g = (schema: unknown) => (schema ? arbFor(schema, mode === 'mutated' ? 'valid' : mode) : fc.constant(undefined));
  return fc.record({ params: g(s.params), query: g(s.querystring), body: s.body ? g(s.body) : fc.constant({}) }).map((i) => ({
    params: (i.params ?? {}) as Record<string, unknown>,
    query: i.query as Record<string, unknown> | undefined,
    body: i.body,
  }));
}

type Path = (string | number)[];
function leaves(v: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (v && typeof v === 'object') {
    const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
    if (path.length) out.push(path);
    for (const [k, x] of entries) leaves(x, [...path, k], out);
  } else out.push(path);
  return out;
}
function setAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  if (!path.length) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let cur = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) {
    if (Array.isArray(cur)) cur.splice(last as number, 1);
    else delete cur[last];
  } else cur[last] = value;
  return copy;
}

/** A valid input with one thing broken. */
function mutatedArb(route: WriteRoute): fc.Arbitrary<Input> {
  return fc
    .tuple(inputArb(route, 'valid'), fc.nat(), fc.constantFrom('drop', 'extra', 'replace', 'replace', 'replace', 'body', 'param', 'query', 'raw'), fc.constantFrom(...HOSTILE_VALUES), fc.constantFrom(...HOSTILE_PARAMS))
    .map(([input, n, op, value, hostileParam]) => {
      const i = { ...input };
      const paths = leaves(i.body);
      const pick = paths.length ? paths[n % paths.length]! : [];
      switch (op) {
        case 'drop':
          if (pick.length) i.body = setAt(i.body, pick, undefined, true);
          break;
        case 'extra':
          i.body = i.body && typeof i.body === 'object' && !Array.isArray(i.body) ? { ...(i.body as object), [['sneaky', 'constructor', 'id', 'createdAt', 'organisationId', 'role'][n % 6]!]: value } : value;
          break;
        case 'replace':
          i.body = setAt(i.body, pick, value);
          break;
        case 'body':
          i.body = [[], 'string', 42, null, [i.body]][n % 5];
          break;
        case 'param': {
          const keys = Object.keys(i.params);
          if (keys.length) i.params = { ...i.params, [keys[n % keys.length]!]: decodeURIComponent(hostileParam.replace(/%(?![0-9A-F]{2})/g, '%25')) };
          else i.query = { ...(i.query ?? {}), [['page', 'q', 'filename', 'revision'][n % 4]!]: value };
          break;
        }
        case 'query': {
          const keys = Object.keys(i.query ?? {});
          i.query = { ...(i.query ?? {}), [keys.length ? keys[n % keys.length]! : 'x']: value };
          break;
        }
        case 'raw':
          i.raw = ['{"a":', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '[1,2', '\u0000', '{"a":"\\ud800"}', 'null', '"str"', '1e999'][n % 9]!;
          break;
      }
      return i;
    });
}

function urlOf(route: WriteRoute, input: Input): string {
  let url = route.url.replace(/:(\w+)/g, (_m, k: string) => {
    const v = input.params[k];
    return encodeURIComponent(v === undefined ? '1' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  });
  if (input.query) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(input.query)) {
      if (v === undefined) continue;
      for (const x of Array.isArray(v) ? v : [v]) q.append(k, typeof x === 'object' && x !== null ? JSON.stringify(x) : String(x));
    }
    const s = q.toString();
    if (s) url += `?${s}`;
  }
  return url;
}

function stringsIn(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) for (const x of v) stringsIn(x, out);
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) {
    out.push(k);
    stringsIn(x, out);
  }
  return out;
}

// ---------------------------------------------------------------------------- one request
async function countRows(t: TestApp): Promise<string> {
  const q = sql.join(
    tableOrder.map((tb) => sql`(select count(*) from ${sql.identifier(tb)})`),
    sql`, `,
  );
  const r = rowsOf<Record<string, unknown>>(await t.db.db.execute(sql`select ${q}`));
  return JSON.stringify(Object.values(r[0] ?? {}));
}

export async function send(f: FuzzApp, route: WriteRoute, input: Input, mode: Mode, checkWrites: boolean): Promise<LightMyRequestResponse> {
  const role = route.url === '/api/auth/login' ? null : roleFor(route.permission);
  let s = role ? await f.session(role) : null;
  const url = urlOf(route, input);
  currentRoute = `${route.method} ${route.url}`;
  const payload = input.raw ?? (input.body === undefined ? undefined : JSON.stringify(input.body));
  const before = checkWrites ? await countRows(f.t) : '';
  const inject = (sess: Session | null) =>
    f.t.app.inject({
      method: route.method as 'POST',
      url,
      headers: { ...(sess ? { cookie: sess.cookie, 'x-csrf-token': sess.csrf } : {}), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(payload !== undefined ? { payload } : {}),
    });
  let res = await inject(s);
  if (res.statusCode === 401 && role && res.json().error?.code === 'unauthenticated') {
    // The session ended (a route changed the account): log in again and resend.
    delete f.sessions[role];
    f.stats.reLogins++;
    s = await f.session(role);
    res = await inject(s);
  }
  const st = f.stats;
  st.inputs++;
  st.byMode[mode]++;
  st.statuses[res.statusCode] = (st.statuses[res.statusCode] ?? 0) + 1;
  const fail = (detail: string) => st.failures.push({ route: currentRoute, mode, status: res.statusCode, detail: `${detail} — ${url} ${String(payload ?? '').slice(0, 300)}` });
  const type = String(res.headers['content-type'] ?? '');
  if (res.statusCode >= 500 && !(res.statusCode === 503 && safeJson(res)?.error?.code === 'db_unavailable')) fail(`server error: ${res.body.slice(0, 300)}`);
  if (res.statusCode >= 400 && res.statusCode < 500) {
    const e = safeJson(res)?.error;
    if (!e?.code || !e.message?.ja || !e.message?.en) fail(`4xx without code + ja + en: ${res.body.slice(0, 200)}`);
    if (checkWrites) {
      st.writeChecks++;
      if ((await countRows(f.t)) !== before) fail('a refused request changed row counts');
    }
  }
  if (type.includes('text/html')) {
    for (const p of PROBES) if (res.body.includes(p) && p.includes('<')) fail(`HTML answer holds the raw probe ${p}`);
  }
  if (res.statusCode >= 200 && res.statusCode < 300 && mode === 'probe') {
    const sent = new Set(stringsIn(input.body).concat(stringsIn(input.query)));
    const probes = [...sent].filter((x) => PROBES.some((p) => x === p || (x.length >= 4 && p.startsWith(x))));
    if (probes.length) {
      st.twoxxWithProbe++;
      if (type.includes('application/json')) {
        const got = stringsIn(safeJson(res));
        if (got.some((g) => probes.includes(g))) st.probesEchoed++;
        for (const g of got) {
          // (An answer may hold probes stored by earlier requests, or one cut to the field's length.)
          if (MARKERS.some((m) => g.includes(m)) && !PROBES.some((p) => g.includes(p) || p.startsWith(g)) && ![...sent].some((x) => g.includes(x))) {
            fail(`answer holds an altered probe: ${g.slice(0, 120)}`);
          }
          if (/&lt;|&gt;|&quot;|&#x?\d+;/.test(g) && !/&lt;|&gt;|&quot;|&#/.test([...sent].join(''))) fail(`answer holds HTML-escaped text: ${g.slice(0, 120)}`);
        }
      }
    }
  }
  return res;
}

function safeJson(res: LightMyRequestResponse): { error?: { code?: string; message?: { ja?: string; en?: string } } } | undefined {
  try {
    return res.json();
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------------------- a run
export type RunOptions = { perRoute: { valid: number; probe: number; mutated: number }; seed: number; checkWrites: 'all' | 'sample' | 'none'; onRoute?: (r: WriteRoute, i: number) => void };

export async function fuzzRoutes(f: FuzzApp, o: RunOptions): Promise<void> {
  let k = 0;
  for (const [i, route] of f.routes.entries()) {
    o.onRoute?.(route, i);
    const plan: [Mode, fc.Arbitrary<Input>, number][] = [
      ['valid', inputArb(route, 'valid'), o.perRoute.valid],
      ['probe', inputArb(route, 'probe'), o.perRoute.probe],
      ['mutated', mutatedArb(route), o.perRoute.mutated],
    ];
    for (const [mode, arb, n] of plan) {
      if (!n) continue;
      const inputs = fc.sample(arb, { numRuns: n, seed: o.seed + i * 7919 + mode.length });
      for (const input of inputs) {
        k++;
        const check = o.checkWrites === 'all' || (o.checkWrites === 'sample' && k % 5 === 0);
        await send(f, route, input, mode, check);
      }
    }
  }
}

export function summary(st: FuzzStats): string {
  const hist = Object.entries(st.statuses)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([s, n]) => `${s}:${n}`)
    .join(' ');
  const n5 = Object.entries(st.statuses).filter(([s]) => Number(s) >= 500).reduce((a, [, n]) => a + n, 0);
  return [
    `inputs ${st.inputs} (valid ${st.byMode.valid}, probe ${st.byMode.probe}, mutated ${st.byMode.mutated})`,
    `statuses ${hist}`,
    `5xx ${n5}; failures ${st.failures.length}; SQL errors ${st.dbErrors.length}; server-logged errors ${st.logErrors.length}`,
    `deliberate DB errors (23505 → 409 duplicate, 40001/40P01 retried): ${JSON.stringify(st.expectedDbErrors)}`,
    `2xx with probes ${st.twoxxWithProbe} (probe echoed verbatim in the answer: ${st.probesEchoed}); refused requests checked for row-count changes: ${st.writeChecks}; re-logins ${st.reLogins}`,
  ].join('\n');
}
