// Database faults become error values (code + ja/en), never a 500: the PostgreSQL server unreachable
// (ECONNREFUSED, restarting 57P03, terminated 57P01, connection lost 08006), the embedded database closed,
// a full disk (53100) and unwritable database files. The app test runs against a port nobody listens on.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { loadConfig } from './config.ts';
import { isDbUnavailable, isStorageFull, isStorageUnavailable } from './db-errors.ts';

const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
const wrapped = (cause: Error) => Object.assign(new Error('Failed query: select 1\nparams: '), { cause });

describe('classifying database errors', () => {
  it.each([
    ['ECONNREFUSED', pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5433')],
    ['57P01 admin shutdown', pgError('57P01', 'terminating connection due to administrator command')],
    ['57P03 cannot connect now', pgError('57P03', 'the database system is starting up')],
    ['08006 connection failure', pgError('08006')],
    ['connection terminated', new Error('Connection terminated unexpectedly')],
    ['pool connect timeout', new Error('timeout exceeded when trying to connect')],
    ['PGlite closed', new Error('PGlite is closed')],
    ['wrapped by drizzle', wrapped(pgError('57P01'))],
  ])('%s → unavailable', (_name, err) => {
    expect(isDbUnavailable(err)).toBe(true);
    expect(isStorageFull(err)).toBe(false);
  });

  it('a full disk and unwritable files are storage faults, not input errors', () => {
    expect(isStorageFull(wrapped(pgError('53100', 'could not extend file "base/5/16385": No space left on device')))).toBe(true);
    expect(isStorageUnavailable(wrapped(pgError('42501', 'could not open file "base/5/16385": Permission denied')))).toBe(true);
    expect(isStorageUnavailable(pgError('58030', 'could not write to file "pg_wal/xlogtemp.1": Read-only file system'))).toBe(true);
  });

  it('ordinary SQL errors are none of these', () => {
    for (const err of [pgError('23505', 'duplicate key value'), pgError('42501', 'permission denied for table companies'), pgError('22P02'), new Error('boom')]) {
      expect(isDbUnavailable(err)).toBe(false);
      expect(isStorageFull(err)).toBe(false);
      expect(isStorageUnavailable(err)).toBe(false);
    }
  });
});

describe('the app with its PostgreSQL server down', () => {
  let app: FastifyInstance;
  let database: Database;
  beforeAll(async () => {
    // A port the system gave us and took back: nothing listens there, so connecting is refused.
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as net.AddressInfo).port;
        probe.close(() => resolve(p));
      });
    });
    database = await openDatabase({ databaseUrl: `postgres://koryu@127.0.0.1:${port}/koryu`, poolSize: 2 });
    app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', KORYU_WEB_DIST: '/nonexistent' }), database, logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('answers 503 db_unavailable with ja/en, fast, on reads, logins and writes', async () => {
    for (const req of [
      { method: 'GET' as const, url: '/api/public/events' },
      { method: 'POST' as const, url: '/api/auth/login', payload: { email: 'a@b.jp', password: 'whatever-password' } },
      { method: 'GET' as const, url: '/api/exchanges/cases', headers: { cookie: 'koryu_sid=abc' } },
    ]) {
      const t0 = performance.now();
      const res = await app.inject(req);
      const ms = performance.now() - t0;
      expect(res.statusCode, `${req.url}: ${res.body}`).toBe(503);
      const body = res.json() as { error: { code: string; message: { ja: string; en: string } } };
      expect(body.error.code).toBe('db_unavailable');
      expect(body.error.message.ja).toMatch(/データベース/);
      expect(body.error.message.en).toMatch(/database is unavailable/);
      expect(ms).toBeLessThan(3000);
    }
  });

  it('reports the database as down on /api/health', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'degraded', database: { kind: 'postgres', ok: false } });
  });
});
