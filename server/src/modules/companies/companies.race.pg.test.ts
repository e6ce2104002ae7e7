// PostgreSQL only (the `postgres` test project): two connections racing on one 法人番号.
// PGlite has a single connection, so this race cannot happen there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { companies } from '../../db/schema.ts';
import { rowsOf } from '../../db/client.ts';
import { systemContext } from '../../platform/context.ts';
import { newCorporateNumber, testApp, type TestApp } from '../../test/app.ts';
import { importCompanies } from './companies.import.ts';

let t: TestApp;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-race-'));
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('import under concurrency', () => {
  it('an import racing another insert of the same 法人番号 gets 409 duplicate, not a raw error', async () => {
    const cn = newCorporateNumber();
    const file = path.join(tmp, 'race.csv');
    fs.writeFileSync(file, `法人番号,名称,法人種別\n${cn},競合株式会社,kabushiki_kaisha\n`);
    let commit!: () => void;
    const held = new Promise<void>((r) => (commit = r));
    let inserted!: () => void;
    const insertedSignal = new Promise<void>((r) => (inserted = r));
    const other = t.db.db.transaction(async (tx) => {
      await tx.insert(companies).values({ corporateNumber: cn, name: '先行株式会社', nameNormalized: '先行株式会社', legalTypeCode: 'kabushiki_kaisha' });
      inserted();
      await held;
    });
    await insertedSignal;
    const importing = importCompanies(t.db, file, systemContext('import-test')).catch((e: unknown) => e);
    // Wait until the import's insert waits on the other transaction's uncommitted row.
    for (let i = 0; i < 200; i++) {
      const w = rowsOf<{ n: number }>(
        await t.db.db.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`),
      );
      if (w[0]!.n > 0) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    commit();
    await other;
    const err = (await importing) as { code?: string; status?: number; fields?: { path: string; code: string }[] };
    expect(err.code).toBe('duplicate');
    expect(err.status).toBe(409);
    expect(err.fields).toEqual([expect.objectContaining({ path: 'corporateNumber', code: 'corporate_number.taken' })]);
    expect((err as { details?: unknown }).details).toEqual({ row: 2, corporateNumber: cn });
  });

});
