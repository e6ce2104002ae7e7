import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../criteria/dates.ts';
import { exchangeParameters } from './exchanges.parameters.ts';
import { bilingualMail, dueReminders, reminderKinds, reminderWindows, type Recipient, type ReminderCase, type ReminderKind } from './reminders.ts';

type Expected = { kind: ReminderKind; caseId: number; about: string; recipients: Recipient[]; dedupeKey: string };
const data = JSON.parse(readFileSync(join(import.meta.dirname, 'reminders.cases.json'), 'utf8')) as {
  base: ReminderCase;
  cases: { id: string; today: string; cases: Partial<ReminderCase>[]; expect: Expected[] }[];
};
const params = exchangeParameters();
const snapshot = (cases: Partial<ReminderCase>[]) => ({ cases: cases.map((c) => ({ ...data.base, ...c })) });

describe('exchange reminders', () => {
  it('reads its windows from the dated parameters', () => {
    expect(reminderWindows(params, '2027-04-01')).toEqual({ submissionDays: 14, interviewDays: 7, endDays: 60, queryWorkingDays: 5 });
  });

  it.each(data.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const got = dueReminders(snapshot(c.cases), c.today, params);
    expect(got.map(({ kind, caseId, about, recipients, dedupeKey }) => ({ kind, caseId, about, recipients, dedupeKey }))).toEqual(c.expect);
    for (const r of got) {
      const ref = snapshot(c.cases).cases.find((x) => x.id === r.caseId)!.reference;
      for (const t of [r.subject.ja, r.subject.en, r.body.ja, r.body.en]) expect(t).toContain(ref);
      expect(r.body.ja).toMatch(/[ぁ-んァ-ン一-龯]/);
      expect(r.body.en).not.toMatch(/[ぁ-んァ-ン]/);
    }
  });

  it('covers every kind in the cases', () => {
    const kinds = new Set(data.cases.flatMap((c) => c.expect.map((e) => e.kind)));
    expect([...kinds].sort()).toEqual([...reminderKinds].sort());
  });

  it('keeps the same dedupe key on the following days (a reminder is sent once)', () => {
    for (const c of data.cases.filter((x) => x.expect.length > 0)) {
      const first = dueReminders(snapshot(c.cases), c.today, params).map((r) => r.dedupeKey);
      const next = dueReminders(snapshot(c.cases), addDays(c.today, 1), params).map((r) => r.dedupeKey);
      for (const k of next) if (!first.includes(k)) expect.fail(`${c.id}: a new key ${k} the next day`);
    }
  });

  it('gives every reminder of a run its own key', () => {
    const all = data.cases.flatMap((c) => dueReminders(snapshot(c.cases), c.today, params).map((r) => `${c.id}/${r.dedupeKey}`));
    expect(new Set(all).size).toBe(all.length);
  });

  it('writes one mail with Japanese first, then English', () => {
    const r = dueReminders(snapshot([{ state: 'active' }]), '2029-03-01', params)[0]!;
    const m = bilingualMail(r);
    expect(m.subject).toBe(`${r.subject.ja} / ${r.subject.en}`);
    expect(m.body.indexOf(r.body.ja)).toBe(0);
    expect(m.body.indexOf(r.body.en)).toBeGreaterThan(r.body.ja.length);
  });
});
