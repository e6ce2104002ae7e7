import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDb } from '../../test/db.ts';
import { createCompany, loginAs, testApp, type TestApp } from '../../test/app.ts';
import { verifyAudit } from '../audit.ts';
import { backup, restore, tableChecksums } from './backup.ts';
import { loadDemoSurveys } from '../../cli/demo-surveys.ts';

let t: TestApp;
let empty: TestDb;
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-backup-')), 'b.jsonl.gz');

beforeAll(async () => {
  t = await testApp();
  empty = await freshDatabase();
});
afterAll(async () => {
  await t?.close();
  await empty?.drop();
});

describe('backup → restore', () => {
  it('restores identical rows (counts and checksums per table) into another database', async () => {
    const npa = await loginAs(t, 'npa');
    const id = await createCompany(t, '復元テスト株式会社');
    await npa.req('POST', `/api/companies/${id}/divisions`, { name: '総務部' });
    await npa.req('PUT', '/api/auth/locale', { locale: 'en' });
    // Survey answers are `json` columns: their text (key order, spaces) must come back as written.
    await loadDemoSurveys(t.db);
    const before = await tableChecksums(t.db.db);
    expect(before.companies!.rows).toBeGreaterThan(0);
    expect(before.survey_responses!.rows).toBeGreaterThan(0);
    await backup(t.db, file);
    await restore(empty, file);
    expect(await tableChecksums(empty.db)).toEqual(before);
    expect((await verifyAudit(empty.db)).ok).toBe(true);
    // Identity sequences continue after the restored ids.
    const next = await createCompany({ ...t, db: empty, app: t.app } as TestApp, '続き株式会社').catch(() => null);
    expect(next === null || next > id).toBe(true);
  });

  it('a restore retried after a deadlock reads the file again and restores everything', async () => {
    const before = await tableChecksums(t.db.db);
    await backup(t.db, file);
    // The first attempt runs to its end, then fails as a deadlock would; inTransaction retries.
    let failOnce = true;
    const real = empty.db;
    const flaky = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop !== 'transaction') return Reflect.get(target, prop, receiver);
        return (fn: (tx: unknown) => Promise<unknown>, config?: unknown) =>
          target.transaction(async (tx) => {
            const r = await fn(tx);
            if (failOnce) {
              failOnce = false;
              throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
            }
            return r;
          }, config as never);
      },
    });
    await restore({ ...empty, db: flaky }, file);
    expect(failOnce).toBe(false);
    expect(await tableChecksums(empty.db)).toEqual(before);
  });

  it('refuses a file that is not a koryu backup and changes nothing', async () => {
    const junk = `${file}.junk`;
    fs.writeFileSync(junk, 'not gzip');
    const before = await tableChecksums(empty.db);
    await expect(restore(empty, junk)).rejects.toThrow();
    expect(await tableChecksums(empty.db)).toEqual(before);
  });
});
