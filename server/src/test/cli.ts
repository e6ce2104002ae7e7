// The koryu CLI in-process against a database of its own: a copy of the migrated template (a
// PGlite data folder, or a PostgreSQL database created from the template), and `main` run with
// that database in the environment, console output captured.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { vi } from 'vitest';
import { main } from '../cli/main.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { pgliteTemplatePath, pgTemplateName, testBackend, testDatabaseUrl, withDatabase } from './db.ts';

/** The environment that points the CLI at the database, a connection for the test's own checks, and its removal. */
export type CliDatabase = { env: Record<string, string>; open: () => Promise<Database>; drop: () => Promise<void> };

/** A fresh migrated database for CLI runs; `label` names it (and, on PGlite, its folder under `tmpDir`). */
export async function cliDatabase(label: string, tmpDir: string): Promise<CliDatabase> {
  if (testBackend() === 'postgres') {
    const name = `koryu_cli_${label}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    await admin.query(`create database "${name}" template "${pgTemplateName()}"`);
    await admin.end();
    const url = withDatabase(testDatabaseUrl(), name);
    return {
      env: { DATABASE_URL: url },
      open: () => openDatabase({ databaseUrl: url, poolSize: 2 }),
      drop: async () => {
        const a = new pg.Client({ connectionString: testDatabaseUrl() });
        await a.connect();
        await a.query(`drop database if exists "${name}" with (force)`);
        await a.end();
      },
    };
  }
  const dir = path.join(tmpDir, label);
  const d = await openDatabase({ dataDir: dir, loadDataDir: new Blob([fs.readFileSync(pgliteTemplatePath())]) });
  await d.close();
  return { env: { DATABASE_URL: '', KORYU_DATA_DIR: dir }, open: () => openDatabase({ dataDir: dir }), drop: async () => {} };
}

/** Runs `koryu …args` with `env` added to the environment (logging silenced); its exit code and what it printed. */
export async function runCli(env: Record<string, string>, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const saved = { ...process.env };
  Object.assign(process.env, env, { LOG_LEVEL: 'silent' });
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    const code = await main(args);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    process.env = saved;
  }
}
