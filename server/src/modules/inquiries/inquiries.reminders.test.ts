import { describe, expect, it } from 'vitest';
import { dueInquiryReminders, inquiryParameters, reminderDays, type WaitingInquiry } from './inquiries.reminders.ts';

const days = { open: 3, forwarded: 7 };
const base = { subject: '受入れ部署について', sheetReference: 'WS-000123', sheetTitle: 'デジタル推進部での受入れ', owner: { type: 'company' as const, companyId: 9 } };
const open = (receivedOn: string): WaitingInquiry => ({ ...base, id: 1, status: 'open', receivedOn, forwardedOn: null });
const forwarded = (forwardedOn: string): WaitingInquiry => ({ ...base, id: 2, status: 'forwarded', receivedOn: '2027-02-01', forwardedOn });

// [case, inquiry, today, expected kinds]
const cases: [string, WaitingInquiry, string, string[]][] = [
  ['open, 2 days: not yet', open('2027-03-01'), '2027-03-03', []],
  ['open, exactly 3 days: the center', open('2027-03-01'), '2027-03-04', ['inquiry_not_forwarded']],
  ['open, 10 days: still one reminder (same key)', open('2027-03-01'), '2027-03-11', ['inquiry_not_forwarded']],
  ['open over the year end', open('2026-12-30'), '2027-01-02', ['inquiry_not_forwarded']],
  ['forwarded, 6 days: not yet', forwarded('2027-03-01'), '2027-03-07', []],
  ['forwarded, exactly 7 days: the owner', forwarded('2027-03-01'), '2027-03-08', ['inquiry_unanswered']],
  ['forwarded across a leap day', forwarded('2028-02-25'), '2028-03-03', ['inquiry_unanswered']],
  ['forwarded across a leap day, one day short', forwarded('2028-02-25'), '2028-03-02', []],
];

describe('inquiry reminders', () => {
  it.each(cases)('%s', (_name, q, today, kinds) => {
    const due = dueInquiryReminders([q], today, days);
    expect(due.map((r) => r.kind)).toEqual(kinds);
    for (const r of due) {
      expect(r.dedupeKey).toBe(`reminder.${r.kind}:inquiry=${q.id}:since=${r.since}`);
      expect(r.body.ja.length * r.body.en.length).toBeGreaterThan(0);
    }
  });

  it('sends the open reminder to the center and the unanswered one to the owning side only', () => {
    expect(dueInquiryReminders([open('2027-03-01')], '2027-03-04', days)[0]!.recipients).toEqual([{ role: 'center' }]);
    expect(dueInquiryReminders([forwarded('2027-03-01')], '2027-03-08', days)[0]!.recipients).toEqual([{ role: 'company_hr', companyId: 9 }]);
    const ministry = { ...forwarded('2027-03-01'), owner: { type: 'ministry' as const, organisationId: 4 } };
    expect(dueInquiryReminders([ministry], '2027-03-08', days)[0]!.recipients).toEqual([{ role: 'ministry_hr', organisationId: 4 }]);
  });

  it('keys the reminder on the day the stage began, so the same wait is reminded once', () => {
    const a = dueInquiryReminders([open('2027-03-01')], '2027-03-04', days);
    const b = dueInquiryReminders([open('2027-03-01')], '2027-03-20', days);
    expect(a[0]!.dedupeKey).toBe(b[0]!.dedupeKey);
  });

  it('reads the days from the dated parameter, and has none before its first date', () => {
    const params = inquiryParameters();
    expect(reminderDays(params, '2026-04-01')).toEqual({ open: 3, forwarded: 7 });
    expect(reminderDays(params, '2026-03-31')).toBeNull();
    expect(params.resolve('inquiries.reminder_days', '2027-01-01').citation.note).toMatch(/koryu's own service level/);
  });
});
