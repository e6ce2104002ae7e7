// Test databases. PGlite: migrate once per run (global setup), dump the data folder, and give
// each test file its own copy (loadDataDir). PostgreSQL: migrate a template database once, then
// CREATE DATABASE … TEMPLATE for each file. KORYU_TEST_DB selects the backend.
import fs from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { migrationsFolder, openDatabase, type Database } from '../db/client.ts';
import { seedPublishedStatistics } from '../modules/statistics/published.service.ts';
import { SHIPPED_FILES } from '../modules/statistics/published.data.ts';

export const testBackend = (): 'pglite' | 'postgres' => (process.env.KORYU_TEST_DB === 'postgres' ? 'postgres' : 'pglite');
export const testDatabaseUrl = () => process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const cacheDir = path.resolve('.test-cache');

export function migrationsHash(): string {
  const h = createHash('sha256');
  for (const f of fs.readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).sort()) {
    h.update(f).update(fs.readFileSync(path.join(migrationsFolder, f)));
  }
  // The journal too: drizzle's migrator applies a migration whose `when` is newer than the last one
  // applied, so a template built before a regenerated migration's new `when` would re-apply it.
  h.update(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json')));
  // The shipped published statistics are loaded into the templates too (as `koryu start` does).
  for (const f of SHIPPED_FILES) h.update(fs.readFileSync(path.join(migrationsFolder, '..', '..', 'modules', 'statistics', 'published', f)));
  return h.digest('hex').slice(0, 12);
}

export const pgliteTemplatePath = () => path.join(cacheDir, `pglite-${migrationsHash()}.tar.gz`);
export const pgTemplateName = () => `koryu_tpl_${migrationsHash()}`;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Global setup: build the migrated templates if missing. */
export async function prepareTemplates(backend: 'pglite' | 'postgres'): Promise<void> {
  if (backend === 'pglite') {
    const file = pgliteTemplatePath();
    if (fs.existsSync(file)) return;
    fs.mkdirSync(cacheDir, { recursive: true });
    // Templates of earlier schema versions are of no further use.
    for (const old of fs.readdirSync(cacheDir).filter((f) => f.startsWith('pglite-') && f.endsWith('.tar.gz'))) {
      fs.rmSync(path.join(cacheDir, old), { force: true });
    }
    const d = await openDatabase({});
    await d.migrate();
    await seedPublishedStatistics(d);
    const blob = await d.dumpDataDir!();
    await d.close();
    const tmp = `${file}.${process.pid}`;
    fs.writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
    fs.renameSync(tmp, file);
    return;
  }
  const admin = new pg.Client({ connectionString: testDatabaseUrl(), connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    const name = pgTemplateName();
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) return;
    // Templates of earlier schema versions are of no further use.
    const stale = await admin.query("select datname from pg_database where datname like 'koryu\\_tpl\\_%' and datname <> $1", [name]);
    for (const row of stale.rows as { datname: string }[]) {
      await admin.query(`drop database if exists "${row.datname}" with (force)`).catch(() => {});
    }
    await admin.query(`create database "${name}_build"`).catch(async () => {
      await admin.query(`drop database if exists "${name}_build"`);
      await admin.query(`create database "${name}_build"`);
    });
    const d = await openDatabase({ databaseUrl: withDatabase(testDatabaseUrl(), `${name}_build`), poolSize: 2 });
    await d.migrate();
    await seedPublishedStatistics(d);
    await d.close();
    await admin.query(`alter database "${name}_build" rename to "${name}"`);
  } finally {
    await admin.end();
  }
}

export type TestDb = Database & { drop: () => Promise<void> };

/** A fresh, migrated database of its own for one test file. */
export async function freshDatabase(): Promise<TestDb> {
  if (testBackend() === 'pglite') {
    const buf = fs.readFileSync(pgliteTemplatePath());
    const d = await openDatabase({ loadDataDir: new Blob([buf]) });
    return Object.assign(d, { drop: () => d.close() });
  }
  const name = `koryu_t_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl() });
  await admin.connect();
  await admin.query(`create database "${name}" template "${pgTemplateName()}"`);
  await admin.end();
  const d = await openDatabase({ databaseUrl: withDatabase(testDatabaseUrl(), name), poolSize: 5 });
  return Object.assign(d, {
    drop: async () => {
      await d.close();
      const a = new pg.Client({ connectionString: testDatabaseUrl() });
      await a.connect();
      await a.query(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  });
}

export { withDatabase };
