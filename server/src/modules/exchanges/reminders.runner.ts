// Runs the exchange reminders: loads the cases, asks reminders.ts which reminders are due today,
// writes one mail per reminder and recipient to the outbox (Japanese then English in one body;
// the dedupe key of the reminder plus the recipient's account, so a second run writes nothing),
// then delivers the outbox. Runs every hour inside the server (scheduleReminders, started by
// main.ts) and by hand with `koryu reminders run [--today YYYY-MM-DD]`.
import type { Database, SessionLock } from '../../db/client.ts';
import { inTransaction } from '../../db/tx.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Config } from '../../platform/config.ts';
import { systemContext } from '../../platform/context.ts';
import type { IsoDate } from '../criteria/dates.ts';
import { deliverOutbox, enqueueMail, type DeliveryResult } from '../mail/mail.service.ts';
import { exchangeParameters } from './exchanges.parameters.ts';
import { bilingualMail, dueReminders, reminderWindows, type Recipient, type ReminderKind } from './reminders.ts';
import { remindersRepository as repo, type RecipientAccount } from './reminders.repository.ts';
import { writeInquiryReminders } from '../inquiries/inquiries.notify.ts';
import type { InquiryReminderKind } from '../inquiries/inquiries.reminders.ts';
import { writeSurveyReminders } from '../surveys/surveys.reminders.ts';

export type ReminderRun = {
  today: IsoDate;
  /** Reminders due today (before de-duplication). */
  due: number;
  /** Mails newly written to the outbox; the others were written by an earlier run. */
  written: number;
  alreadyWritten: number;
  byKind: Partial<Record<ReminderKind | InquiryReminderKind, number>>;
  delivery: DeliveryResult;
};

const matches = (a: RecipientAccount, r: Recipient) =>
  r.role === 'npa' ? a.role === 'npa' : r.role === 'ministry_hr' ? a.role === 'ministry_hr' && a.organisationId === r.organisationId : a.role === 'company_hr' && a.companyId === r.companyId;

export async function runReminders(database: Database, config: Pick<Config, 'smtpUrl' | 'mailFrom'>, today: IsoDate): Promise<ReminderRun> {
  const { db } = database;
  const params = exchangeParameters();
  const snapshot = await repo.snapshot(db, today, reminderWindows(params, today));
  const due = dueReminders(snapshot, today, params);

  const organisationIds = new Set<number>();
  const companyIds = new Set<number>();
  for (const r of due) {
    for (const to of r.recipients) {
      if (to.role === 'ministry_hr') organisationIds.add(to.organisationId);
      if (to.role === 'company_hr') companyIds.add(to.companyId);
    }
  }
  const accounts = due.length ? await repo.recipients(db, [...organisationIds], [...companyIds]) : [];

  const counts = await inTransaction(db, async (tx) => {
    let written = 0;
    let alreadyWritten = 0;
    const byKind: Partial<Record<ReminderKind | InquiryReminderKind, number>> = {};
    for (const r of due) {
      const mail = bilingualMail(r);
      const to = accounts.filter((a) => r.recipients.some((x) => matches(a, x)));
      for (const a of to) {
        const isNew = await enqueueMail(tx, {
          dedupeKey: `${r.dedupeKey}:to=${a.id}`,
          toAddress: a.email,
          toAccountId: a.id,
          subject: mail.subject,
          body: mail.body,
          kind: `reminder.${r.kind}`,
          caseId: r.caseId,
        });
        if (isNew) {
          written++;
          byKind[r.kind] = (byKind[r.kind] ?? 0) + 1;
        } else alreadyWritten++;
      }
    }
    // Inquiries waiting at the contact window or for the sheet's owner (問合せの催促), in the same run.
    const inquiries = await writeInquiryReminders(tx, today);
    written += inquiries.written;
    alreadyWritten += inquiries.alreadyWritten;
    Object.assign(byKind, inquiries.byKind);
    // Survey respondents who have not answered before a round closes (アンケートの督促), in the same run.
    const surveys = await writeSurveyReminders(tx, today);
    written += surveys.written;
    alreadyWritten += surveys.alreadyWritten;
    Object.assign(byKind, surveys.byKind);
    if (written > 0) {
      await writeAudit(tx, systemContext(`reminders-${today}`), { action: 'mail.remind', recordType: 'mail', after: { today, due: due.length + inquiries.due + surveys.due, written, byKind } });
    }
    return { written, alreadyWritten, byKind, inquiriesDue: inquiries.due + surveys.due };
  });

  const delivery = await deliverOutbox(database, config);
  const { inquiriesDue, ...rest } = counts;
  return { today, due: due.length + inquiriesDue, ...rest, delivery };
}

export type ReminderSchedule = { stop(): Promise<void> };

/** The advisory lock key of the reminder runs (one instance runs them; see scheduleReminders). */
export const REMINDERS_LOCK = 727_071;

/**
 * Runs the reminders every `intervalMinutes` (the first run shortly after the start), one run at
 * a time; `stop` clears the timer, waits for a run in progress and lets go of the lock, before
 * the database closes.
 *
 * Several instances on one PostgreSQL database: only the instance holding the session-level
 * advisory lock REMINDERS_LOCK runs them. It takes the lock at its first tick and keeps it (on a
 * connection of its own) while it lives, so the others skip every tick (`onSkip`); when it stops
 * or its connection is lost, the lock is freed and the next instance to tick takes it over. Even
 * two runs at once would write nothing twice (the outbox's dedupe keys, delivery's SKIP LOCKED
 * claim): the lock keeps the work, and the log, to one instance.
 */
export function scheduleReminders(
  database: Database,
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>,
  opts: {
    intervalMinutes: number;
    today: () => IsoDate;
    firstDelayMs?: number;
    onRun?: (r: ReminderRun) => void;
    /** A tick skipped: another instance holds the lock. */
    onSkip?: () => void;
    onError?: (err: unknown) => void;
  },
): ReminderSchedule {
  const intervalMs = Math.max(100, Math.round(opts.intervalMinutes * 60_000));
  let current: Promise<void> | null = null;
  let lock: SessionLock | null = null;
  let stopped = false;
  const runOnce = async () => {
    if (lock && !(await lock.held())) {
      await lock.release();
      lock = null;
    }
    lock ??= await database.tryLock(REMINDERS_LOCK);
    if (stopped) return; // stop() came while the lock was being taken
    if (!lock) return opts.onSkip?.();
    opts.onRun?.(await runReminders(database, config, opts.today()));
  };
  const tick = () => {
    if (stopped || current) return;
    current = runOnce()
      .catch((err: unknown) => opts.onError?.(err))
      .finally(() => {
        current = null;
      });
  };
  const first = setTimeout(tick, opts.firstDelayMs ?? Math.min(30_000, intervalMs));
  const every = setInterval(tick, intervalMs);
  first.unref();
  every.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      await current;
      await lock?.release();
      lock = null;
    },
  };
}
