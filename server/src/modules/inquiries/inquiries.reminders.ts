// Reminders for inquiries nobody has acted on, as a pure function of the waiting inquiries and
// today's date: the contact window (center) when an inquiry it received is still not forwarded,
// the sheet's owner when a forwarded inquiry still has no answer. The days are a dated parameter
// (./parameters/inquiries.reminder_days.json, koryu's own service level). One reminder per stage:
// the dedupe key names the inquiry, the stage and the day the stage began, so running again on the
// same or a later day writes nothing new.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadParameters, ParameterNotInForce, type ParameterSet } from '../criteria/parameters.ts';
import { addDays, type IsoDate } from '../criteria/dates.ts';

export const inquiryParametersDir = join(dirname(fileURLToPath(import.meta.url)), 'parameters');
let cached: ParameterSet | undefined;
export const inquiryParameters = (): ParameterSet => (cached ??= loadParameters(inquiryParametersDir));

export type ReminderDays = { open: number; forwarded: number };

/** The days in force on `today`; null before the parameter's first date (no reminders then). */
export function reminderDays(params: ParameterSet, today: IsoDate): ReminderDays | null {
  try {
    return params.resolve<ReminderDays>('inquiries.reminder_days', today).value;
  } catch (err) {
    if (err instanceof ParameterNotInForce) return null;
    throw err;
  }
}

export type WaitingInquiry = {
  id: number;
  subject: string;
  status: 'open' | 'forwarded';
  sheetReference: string;
  sheetTitle: string;
  owner: { type: 'ministry'; organisationId: number } | { type: 'company'; companyId: number };
  /** The day (in Japan) the inquiry was received, and the day it was forwarded. */
  receivedOn: IsoDate;
  forwardedOn: IsoDate | null;
};

export type InquiryRecipient = { role: 'center' } | { role: 'ministry_hr'; organisationId: number } | { role: 'company_hr'; companyId: number };

export const inquiryReminderKinds = [
  'inquiry_not_forwarded', // 窓口が未回送 → the center
  'inquiry_unanswered', // 掲載側が未回答 → the owner's HR
] as const;
export type InquiryReminderKind = (typeof inquiryReminderKinds)[number];

type Text = { ja: string; en: string };
export type InquiryReminder = { dedupeKey: string; kind: InquiryReminderKind; inquiryId: number; since: IsoDate; recipients: InquiryRecipient[]; subject: Text; body: Text };

const jaDate = (d: IsoDate) => `${+d.slice(0, 4)}年${+d.slice(5, 7)}月${+d.slice(8, 10)}日`;
const daysBetween = (from: IsoDate, to: IsoDate) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The latest day a stage may have begun for its reminder to be due today. */
export const dueIfBeganBy = (today: IsoDate, days: number): IsoDate => addDays(today, -days);

/** Every reminder due on `today`, in inquiry order. The owner's mail names the sheet, never the asker. */
export function dueInquiryReminders(waiting: readonly WaitingInquiry[], today: IsoDate, days: ReminderDays): InquiryReminder[] {
  const out: InquiryReminder[] = [];
  for (const q of waiting) {
    const sheet: Text = { ja: `交流希望シート ${q.sheetReference}「${q.sheetTitle}」`, en: `Wish sheet ${q.sheetReference} “${q.sheetTitle}”` };
    if (q.status === 'open' && q.receivedOn <= dueIfBeganBy(today, days.open)) {
      const waited = daysBetween(q.receivedOn, today);
      out.push({
        dedupeKey: `reminder.inquiry_not_forwarded:inquiry=${q.id}:since=${q.receivedOn}`,
        kind: 'inquiry_not_forwarded',
        inquiryId: q.id,
        since: q.receivedOn,
        recipients: [{ role: 'center' }],
        subject: { ja: `【koryu】未回送の問合せがあります: 問合せ番号 ${q.id}`, en: `[koryu] Inquiry not forwarded yet: inquiry ${q.id}` },
        body: {
          ja: `${jaDate(q.receivedOn)}に受け付けた問合せ「${q.subject}」が、${waited}日間回送されていません（目安: ${days.open}日以内）。\n${sheet.ja}\n\nkoryu の問合せ画面で内容を確認し、掲載側に回送するか終了してください。このメールは koryu から自動で送信されています。`,
          en: `The inquiry “${q.subject}” received on ${q.receivedOn} has waited ${waited} day(s) without being forwarded (service level: within ${days.open} day(s)).\n${sheet.en}\n\nOpen the inquiry in koryu and forward it to the sheet's owner, or close it. This mail was sent automatically by koryu.`,
        },
      });
    }
    if (q.status === 'forwarded' && q.forwardedOn !== null && q.forwardedOn <= dueIfBeganBy(today, days.forwarded)) {
      const waited = daysBetween(q.forwardedOn, today);
      out.push({
        dedupeKey: `reminder.inquiry_unanswered:inquiry=${q.id}:since=${q.forwardedOn}`,
        kind: 'inquiry_unanswered',
        inquiryId: q.id,
        since: q.forwardedOn,
        recipients: [q.owner.type === 'ministry' ? { role: 'ministry_hr', organisationId: q.owner.organisationId } : { role: 'company_hr', companyId: q.owner.companyId }],
        subject: { ja: `【koryu】回答待ちの問合せがあります: 問合せ番号 ${q.id}`, en: `[koryu] Inquiry awaiting your answer: inquiry ${q.id}` },
        body: {
          ja: `${jaDate(q.forwardedOn)}に窓口から回送された問合せ「${q.subject}」に、${waited}日間回答がありません（目安: ${days.forwarded}日以内）。\n${sheet.ja}\n\nkoryu の問合せ画面で回答してください。このメールは koryu から自動で送信されています。`,
          en: `The inquiry “${q.subject}” forwarded by the contact window on ${q.forwardedOn} has had no answer for ${waited} day(s) (service level: within ${days.forwarded} day(s)).\n${sheet.en}\n\nPlease answer it in koryu. This mail was sent automatically by koryu.`,
        },
      });
    }
  }
  return out;
}
