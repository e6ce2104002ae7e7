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
};

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
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
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
  pool.on('error', () => {});
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
