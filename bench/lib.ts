// Shared helpers for benchmarks: start koryu as a child process, log in, sample its memory.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { parseArgs } from 'node:util';
import type { Database } from '../server/src/db/client.ts';

export type Child = { proc: ChildProcess; base: string; stop: () => Promise<void> };

export async function startKoryu(env: Record<string, string>, port: number, timeoutMs = 120_000): Promise<Child & { readyMs: number }> {
  const t0 = performance.now();
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (performance.now() - t0 > timeoutMs) throw new Error('koryu did not start');
    if (proc.exitCode !== null) throw new Error(`koryu exited with ${proc.exitCode}`);
    try {
      const r = await fetch(`${base}/api/health`);
      if (r.ok) break;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  const readyMs = performance.now() - t0;
  return {
    proc,
    base,
    readyMs,
    stop: async () => {
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
    },
  };
}

export function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export async function login(base: string, email: string, password: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!r.ok) throw new Error(`login failed: ${r.status} ${await r.text()}`);
  return (r.headers.get('set-cookie') ?? '').split(';')[0]!;
}

export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

/** A `--name N` count (underscores allowed: 1_000_000), or the fallback when absent. */
export function countArg(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a non-negative integer`);
  return n;
}

/** The seed and the database a loader writes to: flags first, then DATABASE_URL / KORYU_DATA_DIR. */
export function loaderTarget(values: { seed?: string; 'database-url'?: string; 'data-dir'?: string }):
  | { seed: number; databaseUrl: string | undefined; dataDir: string | undefined }
  | null {
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  const databaseUrl = values['database-url'] ?? (values['data-dir'] ? undefined : process.env.DATABASE_URL);
  const dataDir = values['data-dir'] ?? (databaseUrl ? undefined : process.env.KORYU_DATA_DIR);
  if (!databaseUrl && !dataDir) {
    console.error('no database: pass --database-url or --data-dir (or set DATABASE_URL / KORYU_DATA_DIR)');
    return null;
  }
  return { seed, databaseUrl, dataDir };
}

/**
 * The whole of a loader that adds `--count` synthetic rows (default 100 000) to a migrated database:
 * `--count N --seed N --database-url URL | --data-dir DIR --replace`. Exits 1 without a database;
 * prints the loader's result with `<rate>: rows per second` as one JSON line.
 */
export async function runCountLoader<R extends { inserted: number; ms: number }>(opts: {
  name: string;
  noun: string;
  rate: string;
  load: (database: Database, o: { count: number; seed: number; replace: boolean; log: (s: string) => void }) => Promise<R>;
}): Promise<void> {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      seed: { type: 'string', default: '42' },
      'database-url': { type: 'string' },
      'data-dir': { type: 'string' },
      replace: { type: 'boolean', default: false },
    },
  });
  const target = loaderTarget(values);
  if (!target) process.exit(1);
  // Imported here, so the benchmarks that only start koryu as a child do not load the database driver.
  const { openDatabase } = await import('../server/src/db/client.ts');
  const database = await openDatabase({ databaseUrl: target.databaseUrl, dataDir: target.dataDir, poolSize: 2 });
  try {
    await database.migrate();
    const count = countArg(values.count, 100_000, 'count');
    console.error(`[${opts.name}] ${count} ${opts.noun} (seed ${target.seed}) into ${database.describe}`);
    const log = (s: string) => console.error(`[${opts.name}] ${s}`);
    const r = await opts.load(database, { count, seed: target.seed, replace: values.replace ?? false, log });
    console.log(JSON.stringify({ ...r, [opts.rate]: Math.round(r.inserted / (r.ms / 1000)) }));
  } finally {
    await database.close();
  }
}

/** The options of a cold/warm latency bench against PostgreSQL (--database-url, --port, --cold-runs, --warm-runs, --restarts, --http-runs) over its defaults. */
export function coldWarmArgs(defaults: { port: number; coldRuns: number; warmRuns: number; restarts: number; httpRuns: number }) {
  const num = (name: string, fallback: number) => Number(arg(name, String(fallback)));
  return {
    databaseUrl: arg('database-url', process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/koryu_national'),
    port: num('port', defaults.port),
    coldRuns: num('cold-runs', defaults.coldRuns),
    warmRuns: num('warm-runs', defaults.warmRuns),
    restarts: num('restarts', defaults.restarts),
    httpRuns: num('http-runs', defaults.httpRuns),
  };
}

/** A port the system reports free on 127.0.0.1 (a fixed one could be another service's). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const p = (probe.address() as net.AddressInfo).port;
      probe.close(() => resolve(p));
    });
  });
}
