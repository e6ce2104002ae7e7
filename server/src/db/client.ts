// Opens the database: embedded PGlite (default, persisted in a data folder) or a PostgreSQL
// server when DATABASE_URL is set. Both speak the same SQL and share one Drizzle schema.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { createHash } from 'node:crypto';
import pg from 'pg';
import * as schema from './schema.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a repository can run SQL on: the database or an open transaction. */
export type Executor = Db | Tx;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Human-readable location, never the password. */
  describe: string;
  migrate(): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** PGlite only: a tarball of the data folder (used by the test template and benchmarks). */
  dumpDataDir?(): Promise<Blob>;
  /**
   * Takes a session-level advisory lock without waiting (`pg_try_advisory_lock`), or null when
   * another session holds it. PostgreSQL: on a connection of its own, outside the pool, held until
   * `release` or until that connection is lost (then the server frees it and another instance
   * can take it). PGlite belongs to one process (the data folder is locked): an in-process lock.
   */
  tryLock(key: number): Promise<SessionLock | null>;
};

/** A lock from `Database.tryLock`: `held` checks that it is still held (its connection alive). */
export type SessionLock = { held(): Promise<boolean>; release(): Promise<void> };

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_LOCK = 727_001; // advisory lock key: one instance migrates at a time

export type OpenOptions = {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined; // PGlite folder; undefined = in memory
  loadDataDir?: Blob | undefined; // PGlite: start from a dumped tarball
  poolSize?: number;
};

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts.dataDir, opts.loadDataDir);
}

/**
 * PGlite is a single-process database: a second process opening the same folder (a CLI command
 * next to the running server) would corrupt it or lose writes. A lock file with the owner's pid
 * makes the second opener fail with a clear message; a lock left by a killed process is taken over.
 */
export class DataDirLocked extends Error {
  constructor(dir: string, pid: number) {
    super(
      `データフォルダ ${dir} は別のkoryuプロセス (pid ${pid}) が使用中です。停止してから実行するか、DATABASE_URL でPostgreSQLサーバーを使ってください。\n` +
        `The data folder ${dir} is in use by another koryu process (pid ${pid}). Stop it first, or use a PostgreSQL server via DATABASE_URL.`,
    );
    this.name = 'DataDirLocked';
  }
}

/** The PGlite data folder cannot be written (permissions, read-only file system, full disk): say so at start. */
export class DataDirUnwritable extends Error {
  constructor(dir: string, reason: string) {
    super(
      `データフォルダ ${dir} に書き込めません (${reason})。フォルダの所有者と権限、空き容量、読み取り専用でマウントされていないかを確認してください。\n` +
        `The data folder ${dir} is not writable (${reason}). Check its owner and permissions, the free space, and that it is not mounted read-only.`,
    );
    this.name = 'DataDirUnwritable';
  }
}

const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT']);

/** Creates, syncs and removes a probe file in each folder PGlite writes to, so a read-only folder fails here, clearly. */
function checkWritable(dir: string): void {
  for (const d of [dir, path.join(dir, 'pg_wal'), path.join(dir, 'global')]) {
    if (d !== dir && !fs.existsSync(d)) continue;
    const probe = path.join(d, `.koryu-write-probe-${process.pid}`);
    try {
      const fd = fs.openSync(probe, 'w');
      try {
        fs.writeSync(fd, 'koryu');
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.unlinkSync(probe);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code && UNWRITABLE.has(code)) throw new DataDirUnwritable(d, code);
      throw e;
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

export function lockDataDir(dir: string): () => void {
  const file = path.join(dir, 'koryu.lock');
  const guard = `${file}.takeover`;
  const release = () => {
    try {
      if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
    } catch {
      /* already gone */
    }
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let ownerText: string;
    try {
      ownerText = fs.readFileSync(file, 'utf8');
    } catch {
      continue; // removed meanwhile: try to create it again
    }
    const owner = Number(ownerText);
    // Our own pid in the file is a previous life of this pid (a restarted container is often pid 1).
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) throw new DataDirLocked(dir, owner);
    // Stale. Take it over under an exclusive guard, so two processes cannot both take it over.
    try {
      fs.writeFileSync(guard, String(process.pid), { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      try {
        if (Date.now() - fs.statSync(guard).mtimeMs > 10_000) fs.rmSync(guard, { force: true }); // its taker died
      } catch {
        /* gone */
      }
      sleepSync(20);
      continue;
    }
    try {
      let again: string | null = null;
      try {
        again = fs.readFileSync(file, 'utf8');
      } catch {
        again = null;
      }
      if (again === ownerText) fs.rmSync(file, { force: true });
    } finally {
      fs.rmSync(guard, { force: true });
    }
  }
  throw new Error(`could not lock ${dir}`);
}

async function openPglite(dataDir: string | undefined, loadDataDir: Blob | undefined): Promise<Database> {
  const inProcessLocks = new Set<number>();
  if (dataDir) {
    try {
      fs.mkdirSync(dataDir, { recursive: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code && UNWRITABLE.has(code)) throw new DataDirUnwritable(dataDir, code);
      throw e;
    }
    checkWritable(dataDir);
  }
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  const client = new PGlite({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    extensions: { pg_trgm },
  });
  try {
    await client.waitReady;
  } catch (e) {
    unlock();
    throw e;
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    describe: dataDir ? `PGlite (${dataDir})` : 'PGlite (in memory)',
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    ping: async () => {
      await client.query('select 1');
      return true;
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        unlock();
      }
    },
    dumpDataDir: () => client.dumpDataDir('gzip') as Promise<Blob>,
    tryLock: async (key) => {
      if (inProcessLocks.has(key)) return null;
      inProcessLocks.add(key);
      let on = true;
      return {
        held: async () => on,
        release: async () => {
          if (on) inProcessLocks.delete(key);
          on = false;
        },
      };
    },
  };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Prepared statements skip parsing, but plans stay per-value: a generic plan for
    // "industry = $1 and prefecture = $2" cannot know that Tokyo is 15% of the table.
    // ISO dates and UTC whatever the server's defaults: timestamps are parsed and hashed as text.
    options: '-c plan_cache_mode=force_custom_plan -c datestyle=ISO -c timezone=UTC',
    connectionTimeoutMillis: 3000,
    idleTimeoutMillis: 30_000,
  });
  // A dropped server connection must not crash the process; queries fail and the pool reconnects.
  // The pool's 'error' covers idle clients only: a client checked out for a transaction that is
  // between two statements when the server goes (pg_ctl restart, 57P01) emits 'error' itself, and
  // an 'error' event nobody listens to kills the process. Its next query fails (db_unavailable) and
  // the pool discards it on release, since it is no longer queryable.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  preparedRunners.set(db, async (query) => {
    const { sql: text, params } = dialect.sqlToQuery(query);
    const name = `k_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    return (await pool.query({ name, text, values: params as unknown[] })).rows;
  });
  return {
    db,
    kind: 'postgres',
    describe: `PostgreSQL (${redact(url)})`,
    migrate: async () => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await migratePg(drizzlePg({ client, schema }), { migrationsFolder });
      } finally {
        await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
        client.release();
      }
    },
    ping: async () => {
      await pool.query('select 1');
      return true;
    },
    close: () => pool.end(),
    tryLock: async (key) => {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
      let lost = false;
      client.on('error', () => (lost = true)); // the server went away: so did the lock
      client.on('end', () => (lost = true));
      await client.connect();
      try {
        const r = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [key]);
        if (!r.rows[0]?.ok) {
          await client.end();
          return null;
        }
      } catch (e) {
        await client.end().catch(() => {});
        throw e;
      }
      return {
        held: async () => {
          if (lost) return false;
          try {
            const r = await client.query<{ n: number }>(
              "select count(*)::int as n from pg_locks where locktype = 'advisory' and pid = pg_backend_pid() and classid = 0 and objid = $1 and granted",
              [key],
            );
            return r.rows[0]?.n === 1;
          } catch {
            lost = true;
            return false;
          }
        },
        release: async () => {
          lost = true;
          await client.end().catch(() => {}); // ending the session frees its locks
        },
      };
    },
  };
}

/** Both drivers return `{ rows }` from `db.execute`; the shared type leaves it unknown. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const dialect = new PgDialect();
const preparedRunners = new WeakMap<Executor, (query: SQL) => Promise<unknown[]>>();

/**
 * Runs a hot, dynamically built query as a named prepared statement on the PostgreSQL server
 * (one per distinct SQL text and connection: parsed once, plans cached by the server), and as a
 * plain query elsewhere (PGlite, transactions).
 */
export async function queryPrepared<T>(db: Executor, query: SQL): Promise<T[]> {
  const run = preparedRunners.get(db);
  return run ? ((await run(query)) as T[]) : rowsOf<T>(await db.execute(query));
}
