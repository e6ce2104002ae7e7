// Helpers for the criteria benchmarks: the bench account, a login that keeps the CSRF token
// (needed for POST), and percentiles.
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../server/src/db/client.ts';
import { loadConfig } from '../server/src/platform/config.ts';
import { systemContext } from '../server/src/platform/context.ts';
import { createServices } from '../server/src/services.ts';
import { rssMb, startKoryu } from './lib.ts';

// The same NPA account as bench/search.bench.ts: NPA holds criteria:evaluate and criteria:check
// over every organisation, the widest scope.
export const BENCH_EMAIL = 'bench-npa@bench.koryu.jp';
export const BENCH_PASSWORD = 'bench-password-2026';

/** Migrates the database and creates the bench NPA account when missing. */
export async function ensureBenchAccount(databaseUrl: string): Promise<void> {
  const d = await openDatabase({ databaseUrl, poolSize: 2 });
  try {
    await d.migrate();
    const exists = rowsOf<{ n: number }>(await d.db.execute(sql`select count(*)::int as n from accounts where email = ${BENCH_EMAIL}`))[0]!.n;
    if (!exists) {
      const services = createServices(d, loadConfig({}));
      const npa = rowsOf<{ id: number }>(await d.db.execute(sql`select id::int as id from organisations where name_ja = '人事院'`))[0]!.id;
      await services.accounts.createAccount({ email: BENCH_EMAIL, displayName: 'bench', password: BENCH_PASSWORD, role: 'npa', organisationId: npa }, systemContext('bench'));
    }
  } finally {
    await d.close();
  }
}

/** Logs in; returns the session cookie and the CSRF token that unsafe methods must send. */
export async function loginWithCsrf(base: string, email = BENCH_EMAIL, password = BENCH_PASSWORD): Promise<{ cookie: string; csrfToken: string }> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!r.ok) throw new Error(`login failed: ${r.status} ${await r.text()}`);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
  const body = (await r.json()) as { csrfToken: string | null };
  if (!body.csrfToken) throw new Error('login returned no CSRF token');
  return { cookie, csrfToken: body.csrfToken };
}

/** Value at percentile p (0–100) of an ascending array, one decimal. */
export function pct(sorted: ArrayLike<number>, p: number): number {
  const v = sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  return Math.round(v * 10) / 10;
}

/** n, p50, p95 and max (ms, one decimal) of a set of timings. */
export function latencyStats(xs: readonly number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return { n: s.length, p50: pct(s, 50), p95: pct(s, 95), max: Math.round(s[s.length - 1]! * 10) / 10 };
}

/**
 * GET timings against koryu on a database as the bench account: koryu is started `restarts` times and the first
 * request after each start (`path(null)`) is timed as cold; after the last start, `httpRuns` more (`path(0…httpRuns-1)`)
 * as warm, then the server's RSS is read. A response that is not 2xx (or not `contentType`) ends the bench.
 */
export async function coldWarmHttp(opts: {
  databaseUrl: string;
  port: number;
  restarts: number;
  httpRuns: number;
  path: (i: number | null) => string;
  contentType?: string;
}): Promise<{ cold: number[]; warm: number[]; rssMb: number }> {
  await ensureBenchAccount(opts.databaseUrl);
  const cold: number[] = [];
  const warm: number[] = [];
  let rss = 0;
  for (let r = 0; r < opts.restarts; r++) {
    const child = await startKoryu({ DATABASE_URL: opts.databaseUrl, KORYU_WEB_DIST: '/nonexistent' }, opts.port);
    try {
      const { cookie } = await loginWithCsrf(child.base);
      const get = async (i: number | null) => {
        const t0 = performance.now();
        const res = await fetch(`${child.base}${opts.path(i)}`, { headers: { cookie } });
        if (!res.ok || (opts.contentType && res.headers.get('content-type') !== opts.contentType)) throw new Error(`${res.status} ${await res.text()}`);
        await res.arrayBuffer();
        return performance.now() - t0;
      };
      cold.push(await get(null));
      if (r === opts.restarts - 1) {
        for (let i = 0; i < opts.httpRuns; i++) warm.push(await get(i));
        rss = rssMb(child.proc.pid!);
      }
    } finally {
      await child.stop();
    }
  }
  return { cold, warm, rssMb: rss };
}
