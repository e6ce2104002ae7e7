// The mail outbox (送信メール): other services enqueue mails inside their own transactions
// (`enqueueMail`), delivery sends or holds them (mailer.ts), and the outbox page reads them —
// the NPA every mail, anyone else only the mails addressed to their own account.
import type { Database, Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/tx.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Config } from '../../platform/config.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { pgTimestampToIso } from '../../platform/time.ts';
import type { MailDetail, MailStatus, MailSummary } from '../../../../common/src/schemas/mail.schema.ts';
import { mailRepository as repo, type MailRow, type NewMail, type OutboxScope } from './mail.repository.ts';
import { deliverPending } from './mailer.ts';

export type { NewMail } from './mail.repository.ts';

/**
 * Writes a mail to the outbox in the caller's transaction, so it exists exactly when its cause
 * does. A mail whose dedupe key is already there is not written again; returns whether it was new.
 */
export const enqueueMail = (tx: Executor, mail: NewMail): Promise<boolean> => repo.enqueue(tx, mail);

/** Sends (or holds, without SMTP) every pending mail: for runners outside a request (reminders). */
export { deliverPending as deliverOutbox, type DeliveryResult } from './mailer.ts';

/** NPA: every mail; any other role: the mails addressed to the account itself. */
export const outboxScope = (actor: Actor): OutboxScope => (actor.role === 'npa' ? { all: true } : { accountId: actor.accountId });

const iso = (v: string | null) => (v === null ? null : pgTimestampToIso(v));

const summary = (m: Pick<MailRow, 'id' | 'toAddress' | 'subject' | 'kind' | 'caseId' | 'status' | 'attempts' | 'createdAt' | 'sentAt'>): MailSummary => ({
  id: m.id,
  toAddress: m.toAddress,
  subject: m.subject,
  kind: m.kind,
  caseId: m.caseId,
  status: m.status as MailStatus,
  attempts: m.attempts,
  createdAt: pgTimestampToIso(m.createdAt),
  sentAt: iso(m.sentAt),
});

export function createMailService(database: Database, config: Config) {
  const { db } = database;
  let soon: NodeJS.Immediate | undefined;
  return {
    enqueue: enqueueMail,

    /** Sends (or holds) every pending mail now. */
    deliver: () => deliverPending(database, config),

    /** Starts a delivery in the background, e.g. after a transaction that enqueued mails committed. */
    deliverSoon(): void {
      if (soon) return;
      soon = setImmediate(() => {
        soon = undefined;
        // The outbox keeps the mail whatever happens here; the next run picks it up.
        void deliverPending(database, config).catch(() => {});
      });
      soon.unref();
    },

    /** Addresses and subjects are personal data: the list is audited with the ids it showed. */
    async list(ctx: RequestContext, status: MailStatus | undefined, page: number, pageSize: number) {
      const actor = ctx.actor;
      if (!actor) throw new AppError('unauthenticated');
      const r = await repo.list(db, outboxScope(actor), status, page, pageSize);
      await inTransaction(db, (tx) =>
        writeAudit(tx, ctx, { action: 'mail.list', recordType: 'mail', after: { status: status ?? null, page, ids: r.items.map((m) => m.id) } }),
      );
      return { items: r.items.map(summary), total: r.total, page, pageSize };
    },

    /** A mail outside the reader's scope does not exist for them (404, not 403). */
    async detail(ctx: RequestContext, id: number): Promise<MailDetail> {
      const actor = ctx.actor;
      if (!actor) throw new AppError('unauthenticated');
      const m = await repo.findById(db, outboxScope(actor), id);
      if (!m) throw new AppError('not_found');
      await inTransaction(db, (tx) => writeAudit(tx, ctx, { action: 'mail.read', recordType: 'mail', recordId: id }));
      return { ...summary(m), body: m.body, lastError: m.lastError };
    },

    countByStatus: () => repo.countByStatus(db),
  };
}

export type MailService = ReturnType<typeof createMailService>;
