// Delivery of the mail outbox. With an SMTP server configured (KORYU_SMTP_URL) pending mails are
// sent by nodemailer; a failure counts an attempt and keeps the error, and the mail is tried again
// on the next run until it has failed MAX_ATTEMPTS times. With no SMTP server the mails are marked
// `held`: they stay in the outbox and its page shows them (nothing is lost, nothing is sent).
//
// Claiming: rows are taken with FOR UPDATE SKIP LOCKED. On a PostgreSQL server (several koryu
// instances may share it) the rows stay locked while they are sent, so no two instances send the
// same mail. PGlite belongs to one process (the data folder is locked) and serialises every
// query, so there the claim is committed at once and the sending happens outside any transaction
// (an SMTP round trip must not stall the whole app); one delivery at a time per process keeps a
// mail from being sent twice.
import { createTransport } from 'nodemailer';
import type { Database, Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/tx.ts';
import type { Config } from '../../platform/config.ts';
import { mailRepository as repo, type MailRow } from './mail.repository.ts';

export const MAX_ATTEMPTS = 5;
const BATCH = 20;

export type OutgoingMail = { to: string; subject: string; text: string };
export type MailTransport = { send(m: OutgoingMail): Promise<void>; close(): void };
export type MailConfig = Pick<Config, 'smtpUrl' | 'mailFrom'>;
export type DeliveryResult = { sent: number; retrying: number; failed: number; held: number };

/** The SMTP transport of the configuration, or null when no SMTP server is configured. */
export function smtpTransport(config: MailConfig): MailTransport | null {
  if (!config.smtpUrl) return null;
  const transport = createTransport({
    url: config.smtpUrl,
    // Fail fast: a dead server must not keep a delivery run (and its locks) waiting for minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(m) {
      await transport.sendMail({ from: config.mailFrom, to: m.to, subject: m.subject, text: m.text });
    },
    close: () => transport.close(),
  };
}

/** Errors about one message (a refused recipient, a bad envelope); any other error is the server's. */
const aboutTheMessage = (err: unknown) => {
  const code = (err as { code?: unknown })?.code;
  return code === 'EENVELOPE' || code === 'EMESSAGE';
};

const errorText = (err: unknown) => {
  const e = err as { code?: unknown; message?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(err);
  return typeof e?.code === 'string' ? `${e.code}: ${message}` : message;
};

const running = new WeakMap<Database, Promise<unknown>>();

/**
 * Delivers every pending mail (or holds them when no SMTP server is configured). One run at a
 * time per database in this process: a call during a run starts after it, so mails enqueued
 * meanwhile are not missed.
 */
export function deliverPending(database: Database, config: MailConfig, opts: { transport?: MailTransport | null } = {}): Promise<DeliveryResult> {
  const before = running.get(database) ?? Promise.resolve();
  const run = before.catch(() => {}).then(() => deliverRun(database, config, opts.transport === undefined ? smtpTransport(config) : opts.transport));
  running.set(database, run);
  return run;
}

async function deliverRun(database: Database, config: MailConfig, transport: MailTransport | null): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0, held: 0 };
  const { db } = database;
  if (!transport) {
    for (;;) {
      const n = await inTransaction(db, async (tx) => {
        const rows = await repo.claimPending(tx, 500);
        await repo.markHeld(
          tx,
          rows.map((r) => r.id),
        );
        return rows.length;
      });
      result.held += n;
      if (n < 500) return result;
    }
  }

  /** Sends one mail and records the outcome; false when the server failed (stop this run). */
  const sendOne = async (ex: Executor, row: MailRow): Promise<boolean> => {
    try {
      await transport.send({ to: row.toAddress, subject: row.subject, text: row.body });
      await repo.markSent(ex, row.id);
      result.sent++;
      return true;
    } catch (err) {
      await repo.markFailed(ex, row.id, errorText(err), MAX_ATTEMPTS);
      if (row.attempts + 1 >= MAX_ATTEMPTS) result.failed++;
      else result.retrying++;
      return aboutTheMessage(err);
    }
  };

  try {
    let afterId = 0;
    for (;;) {
      let claimed = 0;
      let go = true;
      if (database.kind === 'postgres') {
        // Not inTransaction: a retried transaction would send its mails again.
        await db.transaction(async (tx) => {
          const rows = await repo.claimPending(tx, BATCH, afterId);
          claimed = rows.length;
          for (const row of rows) {
            afterId = row.id;
            if (!(go = await sendOne(tx, row))) break;
          }
        });
      } else {
        const rows = await inTransaction(db, (tx) => repo.claimPending(tx, BATCH, afterId));
        claimed = rows.length;
        for (const row of rows) {
          afterId = row.id;
          if (!(go = await sendOne(db, row))) break;
        }
      }
      if (!go || claimed < BATCH) return result;
    }
  } finally {
    transport.close();
  }
}
