// The koryu CLI end to end, in-process: import (good and bad files), export, backup → restore
// into a second database with identical checksums, and audit verify catching a tampered row.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../db/client.ts';
import { tableChecksums } from '../platform/backup/backup.ts';
import { testBackend } from '../test/db.ts';
import { cliDatabase, runCli, type CliDatabase } from '../test/cli.ts';
import { makeCorporateNumber } from '../../../common/src/corporate-number.ts';

const backend = testBackend();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-cli-'));
type Target = CliDatabase;
const run = (t: Pick<Target, 'env' | 'open'>, ...args: string[]) => runCli(t.env, ...args);

let a: Target;
let b: Target;
beforeAll(async () => {
  a = await cliDatabase('a', tmp);
  b = await cliDatabase('b', tmp);
});
afterAll(async () => {
  fs.rmSync(tmp, { recursive: true, force: true });
  await a?.drop();
  await b?.drop();
});

const cn = (i: number) => makeCorporateNumber(String(600_000_000_000 + process.pid * 100 + i).slice(-12));

describe(`koryu CLI (${backend})`, () => {
  it('imports a good CSV and refuses a bad one with a row report', async () => {
    const good = path.join(tmp, 'good.csv');
    fs.writeFileSync(good, `法人番号,名称,法人種別\n${cn(1)},株式会社CLI一,株式会社\n${cn(2)},CLI二合同会社,合同会社\n`);
    const ok = await run(a, 'import', 'companies', good);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('2 rows (2 new, 0 updated)');
    const bad = path.join(tmp, 'bad.csv');
    fs.writeFileSync(bad, `法人番号,名称,法人種別\n${cn(3)},良い,株式会社\n1234567890123,悪い,株式会社\n`);
    const refused = await run(a, 'import', 'companies', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^3\tcorporateNumber\tcorporate_number\.check_digit\t/m);
    expect(refused.err).toContain('nothing was written');
    const missing = await run(a, 'import', 'companies', path.join(tmp, 'nope.csv'));
    expect(missing.code).toBe(2);
  });

  it('exports CSV and JSON', async () => {
    const csv = path.join(tmp, 'companies.csv');
    expect((await run(a, 'export', 'companies', '--format', 'csv', '--out', csv)).code).toBe(0);
    const lines = fs.readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toContain('corporate_number');
    expect(lines).toHaveLength(3);
    const json = path.join(tmp, 'companies.json');
    expect((await run(a, 'export', 'companies', '--format', 'json', '--out', json)).code).toBe(0);
    expect((JSON.parse(fs.readFileSync(json, 'utf8')) as unknown[]).length).toBe(2);
  });

  it('backs up, restores into another database with identical data, and verifies the audit chain', async () => {
    const file = path.join(tmp, 'backup.jsonl.gz');
    expect((await run(a, 'backup', file)).code).toBe(0);
    expect((await run(b, 'restore', file)).code).toBe(0);
    const da = await a.open();
    const db = await b.open();
    const before = await tableChecksums(da.db);
    const after = await tableChecksums(db.db);
    // The restore itself is audited in b, so compare everything but the audit tail.
    const { audit_log: auditA, ...restA } = before;
    const { audit_log: auditB, ...restB } = after;
    expect(restB).toEqual(restA);
    expect(auditB!.rows).toBe(auditA!.rows + 1);
    await da.close();
    await db.close();
    const verified = await run(b, 'audit', 'verify');
    expect(verified.code).toBe(0);
    expect(verified.out).toContain('audit trail intact');
  });

  it('creates the first NPA account of a new installation, and refuses a bad one', async () => {
    const pw = { KORYU_PASSWORD: 'first-admin-password' };
    const ok = await run({ env: { ...b.env, ...pw }, open: b.open }, 'account', 'create', '--email', 'Admin@NPA.example.jp', '--name', '人事院 管理者', '--role', 'npa', '--organisation', 'npa');
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('admin@npa.example.jp (npa)');
    const noScope = await run({ env: { ...b.env, ...pw }, open: b.open }, 'account', 'create', '--email', 'x@npa.example.jp', '--name', 'x', '--role', 'ministry_hr');
    expect(noScope.code).toBe(2);
    expect(noScope.err).toContain('--organisation');
    const short = await run({ env: { ...b.env, KORYU_PASSWORD: 'short' }, open: b.open }, 'account', 'create', '--email', 'y@npa.example.jp', '--name', 'y', '--role', 'npa', '--organisation', 'npa');
    expect(short.code).toBe(2);
    const dup = await run({ env: { ...b.env, ...pw }, open: b.open }, 'account', 'create', '--email', 'admin@npa.example.jp', '--name', 'z', '--role', 'npa', '--organisation', 'npa');
    expect(dup.code).toBe(2);
    const d = await b.open();
    const rows = rowsOf<{ role: string; hash: string }>(await d.db.execute(sql`select role, password_hash as hash from accounts where email = 'admin@npa.example.jp'`));
    await d.close();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.hash.startsWith('$argon2id$')).toBe(true);
  });

  it('audit verify exits 1 and names the row when one was edited', async () => {
    const d = await a.open();
    await d.db.execute(sql`update audit_log set action = 'company.forged' where id = (select min(id) from audit_log)`);
    await d.close();
    const r = await run(a, 'audit', 'verify');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/BROKEN at id \d+ \(hash_mismatch\)/);
  });
});
