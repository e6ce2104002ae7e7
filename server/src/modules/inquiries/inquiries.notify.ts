// The mails inquiries send, written to the outbox in the step's transaction (one row per
// recipient, keyed so a retried transaction or a second reminder run never writes twice):
// the contact window when an inquiry arrives, the sheet's owner when it is forwarded, the asker
// when the owner answers, both sides when the contacts are exchanged, and the reminders
// (inquiries.reminders.ts). A mail to the owner never names the asker (the contact exchange does).
import type { Executor } from '../../db/client.ts';
import type { IsoDate } from '../criteria/dates.ts';
import { enqueueMail } from '../mail/mail.service.ts';
import { pgTimestampToIso, todayInJapan } from '../../platform/time.ts';
import type { Party } from './inquiries.policy.ts';
import { inquiriesRepository as repo } from './inquiries.repository.ts';
import { dueIfBeganBy, dueInquiryReminders, inquiryParameters, reminderDays, type InquiryReminderKind, type WaitingInquiry } from './inquiries.reminders.ts';

type Text = { ja: string; en: string };
export type InquiryNotice = 'created' | 'forwarded' | 'answered' | 'contacts_exchanged';

type Facts = { id: number; version: number; subject: string; sheetReference: string; sheetTitle: string };

const notices: Record<InquiryNotice, { subject: Text; body: Text }> = {
  created: {
    subject: { ja: '新しい問合せを受け付けました', en: 'New inquiry received' },
    body: { ja: '問合せ窓口に新しい問合せが届きました。内容を確認し、シートの掲載側に回送してください。', en: 'A new inquiry has reached the contact window. Please read it and forward it to the sheet’s owner.' },
  },
  forwarded: {
    subject: { ja: '貴組織の交流希望シートへの問合せが回送されました', en: 'An inquiry about your wish sheet has been forwarded' },
    body: { ja: '問合せ窓口（官民人材交流センター）から、貴組織が掲載している交流希望シートへの問合せが回送されました。koryu で内容を確認し、回答してください。', en: 'The contact window (the Public-Private Personnel Exchange Center) has forwarded an inquiry about a wish sheet your organisation published. Please read it in koryu and answer.' },
  },
  answered: {
    subject: { ja: '問合せに回答がありました', en: 'Your inquiry has been answered' },
    body: { ja: 'シートの掲載側から問合せへの回答がありました。koryu で確認してください。', en: 'The sheet’s owner has answered your inquiry. See it in koryu.' },
  },
  contacts_exchanged: {
    subject: { ja: '双方が同意し、連絡先が交換されました', en: 'Both sides agreed: contacts exchanged' },
    body: { ja: '双方が連絡先の交換に同意しました。相手方の連絡先は koryu の問合せ画面でのみ確認できます。', en: 'Both sides agreed to exchange contacts. The other side’s contact details are shown only on the inquiry’s page in koryu.' },
  },
};

const line = (f: Facts): Text => ({
  ja: `問合せ番号 ${f.id}「${f.subject}」\n交流希望シート ${f.sheetReference}「${f.sheetTitle}」`,
  en: `Inquiry ${f.id} “${f.subject}”\nWish sheet ${f.sheetReference} “${f.sheetTitle}”`,
});

const mailText = (subject: Text, body: Text) => ({ subject: `${subject.ja} / ${subject.en}`, body: `${body.ja}\n\n----\n\n${body.en}\n` });

/** Writes a notice to the window (`to` null) or to a party's HR accounts; returns how many mails were new. */
export async function notifyInquiry(tx: Executor, notice: InquiryNotice, f: Facts, to: Party | null): Promise<number> {
  const n = notices[notice];
  const l = line(f);
  const mail = mailText(
    { ja: `【koryu】${n.subject.ja}：問合せ番号 ${f.id}`, en: `[koryu] ${n.subject.en}: inquiry ${f.id}` },
    { ja: `${n.body.ja}\n\n${l.ja}\n\nこのメールは koryu から自動で送信されています。`, en: `${n.body.en}\n\n${l.en}\n\nThis mail was sent automatically by koryu.` },
  );
  const recipients = to ? await repo.partyAccounts(tx, to) : await repo.windowAccounts(tx);
  let written = 0;
  for (const r of recipients) {
    const fresh = await enqueueMail(tx, {
      dedupeKey: `inquiry.${notice}:inquiry=${f.id}:v=${f.version}:to=${r.id}`,
      toAddress: r.email,
      toAccountId: r.id,
      kind: `inquiry.${notice}`,
      ...mail,
    });
    if (fresh) written++;
  }
  return written;
}

/** The start of a day in Japan, as an instant. */
const dayStartInJapan = (day: IsoDate) => new Date(`${day}T00:00:00+09:00`).toISOString();
const japanDay = (ts: string): IsoDate => todayInJapan(Date.parse(pgTimestampToIso(ts)));

export type InquiryReminderRun = { due: number; written: number; alreadyWritten: number; byKind: Partial<Record<InquiryReminderKind, number>> };

/**
 * The inquiry reminders due on `today`, written to the outbox in the caller's transaction (part of
 * `koryu reminders run` and of the hourly run inside the server; see exchanges/reminders.runner.ts).
 */
export async function writeInquiryReminders(tx: Executor, today: IsoDate): Promise<InquiryReminderRun> {
  const days = reminderDays(inquiryParameters(), today);
  const run: InquiryReminderRun = { due: 0, written: 0, alreadyWritten: 0, byKind: {} };
  if (!days) return run;
  // A stage that began on or before this day is due: its start is before the next day's start.
  const rows = await repo.waiting(tx, dayStartInJapan(dueIfBeganBy(today, days.open - 1)), dayStartInJapan(dueIfBeganBy(today, days.forwarded - 1)));
  const waiting: WaitingInquiry[] = rows.map((r) => ({
    id: r.id,
    subject: r.subject,
    status: r.status as WaitingInquiry['status'],
    sheetReference: r.sheetReference,
    sheetTitle: r.sheetTitle,
    owner: r.ownerCompanyId !== null ? { type: 'company', companyId: r.ownerCompanyId } : { type: 'ministry', organisationId: r.ownerOrganisationId! },
    receivedOn: japanDay(r.createdAt),
    forwardedOn: r.forwardedAt === null ? null : japanDay(r.forwardedAt),
  }));
  const due = dueInquiryReminders(waiting, today, days);
  run.due = due.length;
  for (const r of due) {
    const mail = mailText(r.subject, r.body);
    for (const to of r.recipients) {
      const accounts = to.role === 'center' ? await repo.windowAccounts(tx) : await repo.partyAccounts(tx, to.role === 'company_hr' ? { type: 'company', companyId: to.companyId } : { type: 'ministry', organisationId: to.organisationId });
      for (const a of accounts) {
        const fresh = await enqueueMail(tx, { dedupeKey: `${r.dedupeKey}:to=${a.id}`, toAddress: a.email, toAccountId: a.id, kind: `reminder.${r.kind}`, ...mail });
        if (fresh) {
          run.written++;
          run.byKind[r.kind] = (run.byKind[r.kind] ?? 0) + 1;
        } else run.alreadyWritten++;
      }
    }
  }
  return run;
}
