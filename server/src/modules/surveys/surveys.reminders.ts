// Reminders to survey respondents who have not answered (アンケート回答の督促), written to the mail
// outbox by `koryu reminders run` (and the hourly run in the server) through
// exchanges/reminders.runner.ts. A round reminds from `remindDaysBefore` days before closing
// ('before') and once more on the closing day ('last_day'); each stage mails each recipient once
// (the outbox's dedupe key), whichever day the run happens. Recipients: the active ministry-HR
// accounts of a target organisation, the participant account of a target person. Anonymous rounds
// remind too: the "has submitted" marker on the target is all it reads.
import type { Executor } from '../../db/client.ts';
import { enqueueMail } from '../mail/mail.service.ts';
import { surveysRepository as repo } from './surveys.repository.ts';

export type SurveyReminderRun = { due: number; written: number; alreadyWritten: number; byKind: Record<string, number> };

export function reminderStage(closesOn: string, remindDaysBefore: number, today: string): 'before' | 'last_day' | null {
  if (today > closesOn) return null;
  if (today === closesOn) return 'last_day';
  const start = new Date(Date.parse(`${closesOn}T00:00:00Z`) - remindDaysBefore * 86_400_000).toISOString().slice(0, 10);
  return today >= start ? 'before' : null;
}

function mailText(r: { titleJa: string; titleEn: string; closesOn: string }, stage: 'before' | 'last_day') {
  const subject = stage === 'last_day' ? `【本日締切】${r.titleJa} / Closes today: ${r.titleEn}` : `【回答のお願い】${r.titleJa} / Reminder: ${r.titleEn}`;
  const body = [
    `「${r.titleJa}」への回答がまだ提出されていません。${r.closesOn}までに koryu の「アンケート」から回答してください（一時保存した回答も提出が必要です）。`,
    '',
    `An answer to "${r.titleEn}" has not been submitted yet. Please answer under "Surveys" in koryu by ${r.closesOn} (a saved draft must still be submitted).`,
  ].join('\n');
  return { subject, body };
}

export async function writeSurveyReminders(tx: Executor, today: string): Promise<SurveyReminderRun> {
  const run: SurveyReminderRun = { due: 0, written: 0, alreadyWritten: 0, byKind: {} };
  for (const round of await repo.roundsToRemind(tx, today)) {
    const stage = reminderStage(round.closesOn, round.remindDaysBefore, today);
    if (!stage) continue;
    const pending = await repo.pendingTargets(tx, round.id);
    if (!pending.length) continue;
    const orgIds = [...new Set(pending.filter((p) => p.kind !== 'person' && p.organisationId !== null).map((p) => p.organisationId!))];
    const personIds = [...new Set(pending.filter((p) => p.kind === 'person' && p.personId !== null).map((p) => p.personId!))];
    const accounts = await repo.respondentAccounts(tx, orgIds, personIds);
    const mail = mailText(round, stage);
    run.due += pending.length;
    const reminded: number[] = [];
    for (const a of accounts) {
      const fresh = await enqueueMail(tx, { dedupeKey: `survey.reminder:round=${round.id}:stage=${stage}:to=${a.id}`, toAddress: a.email, toAccountId: a.id, kind: 'reminder.survey', ...mail });
      if (fresh) {
        run.written++;
        run.byKind.survey_reminder = (run.byKind.survey_reminder ?? 0) + 1;
      } else run.alreadyWritten++;
    }
    for (const p of pending) {
      const reached = p.kind === 'person' ? accounts.some((a) => a.personId === p.personId) : accounts.some((a) => a.organisationId === p.organisationId && a.role === 'ministry_hr');
      if (reached && p.lastRemindedOn !== today) reminded.push(p.id);
    }
    await repo.setReminded(tx, reminded, today);
  }
  return run;
}
