// The mail outbox's SQL (送信メール): enqueue with de-duplication, the outbox page's reads, and
// the delivery's batch claim and outcome updates.
import { and, asc, count, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { mailOutbox } from '../../db/schema.ts';
import { idArray } from '../../db/sql.ts';
import type { MailStatus } from '../../../../common/src/schemas/mail.schema.ts';

export type MailRow = typeof mailOutbox.$inferSelect;

export type NewMail = {
  /** Unique per mail and recipient: a second enqueue with the same key is ignored. */
  dedupeKey: string;
  toAddress: string;
  toAccountId?: number | null;
  subject: string;
  body: string;
  kind: string; // e.g. 'reminder.review_overdue'
  caseId?: number | null;
};

/** Who sees which mails: everything (NPA) or only the mails addressed to one account. */
export type OutboxScope = { all: true } | { accountId: number };

const scopeWhere = (scope: OutboxScope): SQL | undefined => ('all' in scope ? undefined : eq(mailOutbox.toAccountId, scope.accountId));

export const mailRepository = {
  /** Inserts the mail unless its dedupe key is already there; true when it was new. */
  async enqueue(tx: Executor, m: NewMail): Promise<boolean> {
    const r = await tx
      .insert(mailOutbox)
      .values({
        dedupeKey: m.dedupeKey,
        toAddress: m.toAddress,
        toAccountId: m.toAccountId ?? null,
        subject: m.subject,
        body: m.body,
        kind: m.kind,
        caseId: m.caseId ?? null,
      })
      .onConflictDoNothing({ target: mailOutbox.dedupeKey })
      .returning({ id: mailOutbox.id });
    return r.length > 0;
  },

  async list(db: Executor, scope: OutboxScope, status: MailStatus | undefined, page: number, pageSize: number) {
    const where = and(scopeWhere(scope), status ? eq(mailOutbox.status, status) : undefined);
    const [items, total] = await Promise.all([
      db
        .select({
          id: mailOutbox.id,
          toAddress: mailOutbox.toAddress,
          subject: mailOutbox.subject,
          kind: mailOutbox.kind,
          caseId: mailOutbox.caseId,
          status: mailOutbox.status,
          attempts: mailOutbox.attempts,
          createdAt: mailOutbox.createdAt,
          sentAt: mailOutbox.sentAt,
        })
        .from(mailOutbox)
        .where(where)
        .orderBy(desc(mailOutbox.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db.select({ n: count() }).from(mailOutbox).where(where),
    ]);
    return { items, total: Number(total[0]?.n ?? 0) };
  },

  async findById(db: Executor, scope: OutboxScope, id: number): Promise<MailRow | undefined> {
    const rows = await db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.id, id), scopeWhere(scope)))
      .limit(1);
    return rows[0];
  },

  /**
   * Takes up to `limit` pending mails, oldest first, locking them for the caller's transaction;
   * rows another deliverer holds are skipped, so two deliverers never send the same mail. A run
   * walks forward by id (`afterId`), so a mail that failed in this run waits for the next one.
   */
  claimPending: (tx: Executor, limit: number, afterId = 0) =>
    tx
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.status, 'pending'), gt(mailOutbox.id, afterId)))
      .orderBy(asc(mailOutbox.id))
      .limit(limit)
      .for('update', { skipLocked: true }),

  async markSent(tx: Executor, id: number): Promise<void> {
    await tx
      .update(mailOutbox)
      .set({ status: 'sent', attempts: sql`${mailOutbox.attempts} + 1`, lastError: null, sentAt: sql`now()` })
      .where(eq(mailOutbox.id, id));
  },

  /** One more failed attempt; after `maxAttempts` the mail is given up as failed. */
  async markFailed(tx: Executor, id: number, error: string, maxAttempts: number): Promise<void> {
    await tx
      .update(mailOutbox)
      .set({
        attempts: sql`${mailOutbox.attempts} + 1`,
        lastError: error.slice(0, 1000),
        status: sql`case when ${mailOutbox.attempts} + 1 >= ${maxAttempts} then 'failed' else 'pending' end`,
      })
      .where(eq(mailOutbox.id, id));
  },

  /** No SMTP configured: the mails stay in the outbox, shown on its page. */
  async markHeld(tx: Executor, ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return;
    await tx
      .update(mailOutbox)
      .set({ status: 'held' })
      .where(sql`${mailOutbox.id} = any(${idArray(ids)})`);
  },

  async countByStatus(db: Executor) {
    const rows = await db.select({ status: mailOutbox.status, n: count() }).from(mailOutbox).groupBy(mailOutbox.status);
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Partial<Record<MailStatus, number>>;
  },
};
