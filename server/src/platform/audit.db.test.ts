import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/client.ts';
import { loginAs, testApp, type TestApp } from '../test/app.ts';
import { verifyAudit } from './audit.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

const firstIds = async () =>
  rowsOf<{ id: number }>(await t.db.db.execute(sql`select id::int as id from audit_log order by id limit 5`)).map((r) => r.id);

describe('audit trail', () => {
  it('records state changes and reads of personal data, with request id and IP', async () => {
    const npa = await loginAs(t, 'npa');
    const res = await npa.req('PUT', '/api/auth/locale', { locale: 'en' });
    const requestId = res.headers['x-request-id'] as string;
    const rows = rowsOf<{ action: string; before: { locale: string }; after: { locale: string }; ip: string; actor_role: string }>(
      await t.db.db.execute(sql`select action, before, after, ip, actor_role from audit_log where request_id = ${requestId}`),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'account.set_locale', before: { locale: 'ja' }, after: { locale: 'en' }, actor_role: 'npa' });
    expect(rows[0]!.ip).toBeTruthy();
    const list = await npa.req('GET', '/api/people');
    const reads = rowsOf<{ action: string }>(
      await t.db.db.execute(sql`select action from audit_log where request_id = ${list.headers['x-request-id'] as string}`),
    );
    expect(reads.map((r) => r.action)).toEqual(['person.list']);
    const search = await npa.req('GET', '/api/audit?action=account.set_locale');
    expect(search.json().items[0].action).toBe('account.set_locale');
  });

  it('verifies, then detects an edited row and a deleted row', async () => {
    expect((await verifyAudit(t.db.db)).ok).toBe(true);
    const [a, b, c] = await firstIds();
    await t.db.db.execute(sql`update audit_log set after = '{"locale":"xx"}'::jsonb where id = ${b}`);
    const edited = await verifyAudit(t.db.db);
    expect(edited).toMatchObject({ ok: false, brokenAtId: b, reason: 'hash_mismatch' });
    await t.db.db.execute(sql`delete from audit_log where id = ${b}`);
    const deleted = await verifyAudit(t.db.db);
    expect(deleted).toMatchObject({ ok: false, brokenAtId: c, reason: 'chain_broken' });
    expect(a).toBeLessThan(b!);
  });

  it('a checkpoint kept outside the database reveals deleted newest rows', async () => {
    await t.db.db.execute(sql`delete from audit_log`); // start a fresh chain for this test
    const npa = await loginAs(t, 'npa');
    await npa.req('PUT', '/api/auth/locale', { locale: 'en' });
    const head = await verifyAudit(t.db.db);
    expect(head.ok).toBe(true);
    if (!head.ok) return;
    const checkpoint = { id: head.headId, hash: head.head };
    expect((await verifyAudit(t.db.db, 5000, [checkpoint])).ok).toBe(true);
    await t.db.db.execute(sql`delete from audit_log where id = ${head.headId}`);
    expect((await verifyAudit(t.db.db)).ok).toBe(true); // the chain alone cannot tell
    expect(await verifyAudit(t.db.db, 5000, [checkpoint])).toMatchObject({ ok: false, reason: 'checkpoint_missing', brokenAtId: head.headId });
  });

  it('writes the audit row in the same transaction: a failed change leaves no audit row', async () => {
    const before = rowsOf<{ n: number }>(await t.db.db.execute(sql`select count(*)::int as n from audit_log`))[0]!.n;
    const npa = await loginAs(t, 'npa');
    const mid = rowsOf<{ n: number }>(await t.db.db.execute(sql`select count(*)::int as n from audit_log`))[0]!.n;
    const dup = await npa.req('POST', '/api/registrations/999999/approve');
    expect(dup.statusCode).toBe(404);
    const after = rowsOf<{ n: number }>(await t.db.db.execute(sql`select count(*)::int as n from audit_log`))[0]!.n;
    expect(mid).toBeGreaterThan(before);
    expect(after).toBe(mid);
  });
});
