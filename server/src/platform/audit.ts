// Append-only, hash-chained audit trail. Each row's hash covers the previous row's hash and the
// row's own canonical content, so editing or deleting any row breaks the chain at that point.
// Rows are written in the caller's transaction; an advisory lock orders writers so the chain
// stays linear across connections and app instances.
import { createHash } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.ts';
import { auditLog } from '../db/schema.ts';
import { inTransaction } from '../db/tx.ts';
import { actorOrganisation, type RequestContext } from './context.ts';

export const AUDIT_LOCK = 727_002;
export const GENESIS = '0'.repeat(64);

export type AuditEntry = {
  action: string; // '<record>.<verb>', e.g. 'company.create', 'person.read'
  recordType: string;
  recordId?: string | number | null;
  before?: unknown;
  after?: unknown;
};

/** JSON with sorted keys at every level, so the same content always hashes the same. */
export function canonical(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value as object).sort();
    return `{${keys
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

type HashedFields = {
  at: string;
  actorAccountId: number | null;
  actorRole: string | null;
  actorOrganisation: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
};

export function rowHash(prevHash: string, f: HashedFields): string {
  return createHash('sha256')
    .update(prevHash)
    .update('\n')
    .update(canonical({ ...f, at: new Date(f.at).toISOString() }))
    .digest('hex');
}

// Drop secrets before they reach the trail.
const SECRET_KEYS = new Set(['passwordHash', 'password_hash', 'password', 'csrfToken', 'token']);
function scrub(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(scrub);
  if (typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
      if (!SECRET_KEYS.has(k)) out[k] = scrub(val);
    }
    return out;
  }
  return v;
}

/** Must run inside a transaction (the lock is transaction-scoped). */
export async function writeAudit(tx: Executor, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await writeAuditRows(tx, [{ ctx, entry }]);
}

/** Several rows in one go: one lock, one read of the chain's head, one insert. */
export async function writeAuditRows(tx: Executor, rows: readonly { ctx: RequestContext; entry: AuditEntry }[]): Promise<void> {
  if (!rows.length) return;
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const last = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  let prevHash = last[0]?.hash ?? GENESIS;
  const values = rows.map(({ ctx, entry }) => {
    const fields: HashedFields = {
      at: new Date().toISOString(),
      actorAccountId: ctx.actor?.accountId ?? null,
      actorRole: ctx.actor?.role ?? null,
      actorOrganisation: actorOrganisation(ctx.actor),
      action: entry.action,
      recordType: entry.recordType,
      recordId: entry.recordId == null ? null : String(entry.recordId),
      before: JSON.parse(canonical(scrub(entry.before))),
      after: JSON.parse(canonical(scrub(entry.after))),
      requestId: ctx.requestId,
      ip: ctx.ip,
    };
    const hash = rowHash(prevHash, fields);
    const row = { ...fields, prevHash, hash };
    prevHash = hash;
    return row;
  });
  await tx.insert(auditLog).values(values);
}

/**
 * Group commit for audit rows that stand alone (reads of personal data in lists): callers wait
 * until their row is committed, but rows arriving while a commit is in flight share the next one,
 * so under load the global chain lock is taken once per batch instead of once per request.
 */
export function createAuditGroupWriter(db: Db, maxBatch = 500) {
  let pending: { ctx: RequestContext; entry: AuditEntry; done: (err?: unknown) => void }[] = [];
  let running = false;
  async function drain() {
    running = true;
    while (pending.length) {
      const batch = pending.slice(0, maxBatch);
      pending = pending.slice(batch.length);
      try {
        await inTransaction(db, (tx) => writeAuditRows(tx, batch));
        for (const p of batch) p.done();
      } catch (err) {
        for (const p of batch) p.done(err);
      }
    }
    running = false;
  }
  return (ctx: RequestContext, entry: AuditEntry): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      pending.push({ ctx, entry, done: (err) => (err ? reject(err) : resolve()) });
      if (!running) void drain();
    });
}

export type VerifyResult =
  | { ok: true; rows: number; head: string; headId: number }
  | { ok: false; rows: number; brokenAtId: number; reason: 'hash_mismatch' | 'chain_broken' | 'checkpoint_missing' | 'checkpoint_mismatch' };

/**
 * A checkpoint is the chain's head (id, hash) copied somewhere the database's writers cannot
 * reach (`koryu audit checkpoint FILE`). The chain alone cannot show that its newest rows were
 * deleted; a checkpoint can: its row must still be there with the same hash.
 */
export type Checkpoint = { id: number; hash: string };

/** Walks the whole chain in id order, in batches, then checks the checkpoints against it. */
export async function verifyAudit(db: Db, batch = 5000, checkpoints: Checkpoint[] = []): Promise<VerifyResult> {
  let prev = GENESIS;
  let lastId = 0;
  let rows = 0;
  const anchors = new Map(checkpoints.map((c) => [c.id, c.hash]));
  const seen = new Set<number>();
  for (;;) {
    const page = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(batch);
    if (page.length === 0) {
      for (const c of [...checkpoints].sort((a, b) => a.id - b.id)) {
        if (!seen.has(c.id)) return { ok: false, rows, brokenAtId: c.id, reason: 'checkpoint_missing' };
      }
      return { ok: true, rows, head: prev, headId: lastId };
    }
    for (const r of page) {
      const cp = anchors.get(r.id);
      if (cp !== undefined) {
        if (cp !== r.hash) return { ok: false, rows, brokenAtId: r.id, reason: 'checkpoint_mismatch' };
        seen.add(r.id);
      }
      if (r.prevHash !== prev) return { ok: false, rows, brokenAtId: r.id, reason: 'chain_broken' };
      const expected = rowHash(r.prevHash, {
        at: r.at,
        actorAccountId: r.actorAccountId,
        actorRole: r.actorRole,
        actorOrganisation: r.actorOrganisation,
        action: r.action,
        recordType: r.recordType,
        recordId: r.recordId,
        before: r.before,
        after: r.after,
        requestId: r.requestId,
        ip: r.ip,
      });
      if (expected !== r.hash) return { ok: false, rows, brokenAtId: r.id, reason: 'hash_mismatch' };
      prev = r.hash;
      lastId = r.id;
      rows++;
    }
  }
}
