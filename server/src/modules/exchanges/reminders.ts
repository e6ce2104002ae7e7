// Reminders (通知) for exchange cases, as a pure function of a snapshot of the cases and today's
// date: which reminders are due, for whom, and their text in Japanese and English. No I/O; the
// runner (reminders.runner.ts) loads the snapshot, writes the mails to the outbox and delivers
// them. The windows are dated parameters (./parameters/reminders.*, koryu's internal policy).
//
// Each reminder has a dedupe key made of its kind, the case and the date it is about (the review
// target date, the submission deadline, the interview's date, the planned end, the query's date):
// running again on the same or a later day finds the same key and sends nothing twice, while a
// new interview, a moved end date or a new query gets a key — and a mail — of its own.
import { addDays, toDays, type IsoDate } from '../criteria/dates.ts';
import type { ParameterSet } from '../criteria/parameters.ts';
import { workingDaysBetween } from './calendar.ts';
import { monthsBefore, type CaseState } from './workflow.ts';

export type ReminderCase = {
  id: number;
  reference: string; // e.g. 'KR-2027-000123'
  state: CaseState;
  direction: 'dispatch' | 'hire'; // 交流派遣 / 交流採用
  organisationId: number;
  organisationName: { ja: string; en: string };
  companyId: number;
  companyName: string;
  postTitle: string;
  plannedStart: IsoDate;
  plannedEnd: IsoDate;
  reviewDueOn: IsoDate | null; // 内諾の目標日 (submission + review target working days)
  interviews: { id: number; scheduledOn: IsoDate; status: 'scheduled' | 'held' | 'cancelled' }[];
  /** The date (in Japan) of the NPA's oldest query (照会) the ministry has not answered yet. */
  openQuerySince: IsoDate | null;
};

export type ReminderSnapshot = { cases: readonly ReminderCase[] };

/** Who gets a reminder: the NPA, the HR office of a ministry, the HR office of a company. */
export type Recipient = { role: 'npa' } | { role: 'ministry_hr'; organisationId: number } | { role: 'company_hr'; companyId: number };

export const reminderKinds = [
  'review_overdue', // 審査目標日の超過 → NPA and the ministry
  'submission_due', // 提出期限が近い → the ministry
  'interview_upcoming', // フォローアップ面談が近い → the ministry
  'end_approaching', // 交流期間の終了が近い → the ministry and the company
  'query_unanswered', // 照会への未回答 → the ministry
] as const;
export type ReminderKind = (typeof reminderKinds)[number];

export type Text = { ja: string; en: string };

export type Reminder = {
  dedupeKey: string;
  kind: ReminderKind;
  caseId: number;
  /** The date the reminder is about (part of the dedupe key). */
  about: IsoDate;
  recipients: Recipient[];
  subject: Text;
  body: Text;
};

/** The windows in force on `today` (and the submission lead time, which depends on the start date). */
export function reminderWindows(params: ParameterSet, today: IsoDate) {
  const n = (id: string) => params.resolve<number>(id, today).value;
  return {
    submissionDays: n('reminders.submission_window_days'),
    interviewDays: n('reminders.interview_window_days'),
    endDays: n('reminders.end_window_days'),
    queryWorkingDays: n('reminders.query_unanswered_working_days'),
  };
}

const reviewStates: readonly CaseState[] = ['submitted', 'under_review', 'query_to_ministry'];
const runningStates: readonly CaseState[] = ['active', 'extended'];

const jaDate = (d: IsoDate) => `${+d.slice(0, 4)}年${+d.slice(5, 7)}月${+d.slice(8, 10)}日`;
/** Within [today, today + days]. */
const within = (date: IsoDate, today: IsoDate, days: number) => date >= today && date <= addDays(today, days);

const caseLine = (c: ReminderCase): Text => ({
  ja: `案件 ${c.reference}（${c.direction === 'dispatch' ? '交流派遣' : '交流採用'}）\n府省等: ${c.organisationName.ja}\n民間企業: ${c.companyName}\n官職: ${c.postTitle}\n交流予定期間: ${jaDate(c.plannedStart)}〜${jaDate(c.plannedEnd)}`,
  en: `Case ${c.reference} (${c.direction === 'dispatch' ? 'dispatch to a company' : 'hire from a company'})\nMinistry: ${c.organisationName.en}\nCompany: ${c.companyName}\nPost: ${c.postTitle}\nPlanned period: ${c.plannedStart} to ${c.plannedEnd}`,
});

const footer: Text = {
  ja: 'koryu の案件画面で詳細を確認してください。このメールは koryu から自動で送信されています。',
  en: 'See the case in koryu for details. This mail was sent automatically by koryu.',
};

function reminder(kind: ReminderKind, c: ReminderCase, about: IsoDate, recipients: Recipient[], subject: Text, message: Text, keySuffix = ''): Reminder {
  const line = caseLine(c);
  return {
    dedupeKey: `reminder.${kind}:case=${c.id}:on=${about}${keySuffix}`,
    kind,
    caseId: c.id,
    about,
    recipients,
    subject: { ja: `【koryu】${subject.ja}: ${c.reference}`, en: `[koryu] ${subject.en}: ${c.reference}` },
    body: { ja: `${message.ja}\n\n${line.ja}\n\n${footer.ja}`, en: `${message.en}\n\n${line.en}\n\n${footer.en}` },
  };
}

/** Every reminder due on `today` for the cases of the snapshot, in case order. */
export function dueReminders(snapshot: ReminderSnapshot, today: IsoDate, params: ParameterSet): Reminder[] {
  const w = reminderWindows(params, today);
  const out: Reminder[] = [];
  for (const c of snapshot.cases) {
    const ministry: Recipient = { role: 'ministry_hr', organisationId: c.organisationId };
    const company: Recipient = { role: 'company_hr', companyId: c.companyId };

    // 審査目標日の超過: the NPA's review has passed its target date (内諾の目標).
    if (reviewStates.includes(c.state) && c.reviewDueOn !== null && c.reviewDueOn < today) {
      const late = toDays(today) - toDays(c.reviewDueOn);
      out.push(
        reminder(
          'review_overdue',
          c,
          c.reviewDueOn,
          [{ role: 'npa' }, ministry],
          { ja: '審査の目標日を過ぎています', en: 'Review past its target date' },
          {
            ja: `人事院の審査の目標日（${jaDate(c.reviewDueOn)}）を${late}日過ぎています。審査の状況を確認してください。`,
            en: `The NPA's review is ${late} day(s) past its target date (${c.reviewDueOn}). Please check where the review stands.`,
          },
        ),
      );
    }

    // 提出期限: the input-support sheet and draft agreement are due 1 month (the parameter) before the start.
    if (c.state === 'consultation') {
      const lead = params.resolve<number>('submission.lead_months', c.plannedStart).value;
      const deadline = monthsBefore(c.plannedStart, lead);
      if (within(deadline, today, w.submissionDays)) {
        const left = toDays(deadline) - toDays(today);
        out.push(
          reminder(
            'submission_due',
            c,
            deadline,
            [ministry],
            { ja: '入力支援シート等の提出期限が近づいています', en: 'Submission deadline approaching' },
            {
              ja: `入力支援シート及び取決め書（案）の提出期限は${jaDate(deadline)}です（あと${left}日）。開始予定日の原則${lead}か月前までに人事院へ提出してください。`,
              en: `The input-support sheet and the draft agreement are due on ${deadline} (${left} day(s) left): they go to the NPA, as a rule, ${lead} month(s) before the planned start.`,
            },
          ),
        );
      }
    }

    // フォローアップ面談: each scheduled interview in the window, once per interview and date.
    if (runningStates.includes(c.state)) {
      for (const i of c.interviews) {
        if (i.status !== 'scheduled' || !within(i.scheduledOn, today, w.interviewDays)) continue;
        out.push(
          reminder(
            'interview_upcoming',
            c,
            i.scheduledOn,
            [ministry],
            { ja: 'フォローアップ面談が近づいています', en: 'Follow-up interview coming up' },
            {
              ja: `フォローアップ面談が${jaDate(i.scheduledOn)}に予定されています。実施後は結果を記録してください。`,
              en: `A follow-up interview is scheduled on ${i.scheduledOn}. Please record it once held.`,
            },
            `:interview=${i.id}`,
          ),
        );
      }

      // 交流期間の終了: prepare the return (復帰) or ask for an extension in time.
      if (within(c.plannedEnd, today, w.endDays)) {
        const left = toDays(c.plannedEnd) - toDays(today);
        out.push(
          reminder(
            'end_approaching',
            c,
            c.plannedEnd,
            [ministry, company],
            { ja: '交流期間の終了が近づいています', en: 'Exchange ending soon' },
            {
              ja: `交流期間は${jaDate(c.plannedEnd)}に終了する予定です（あと${left}日）。復帰の準備を進めるか、延長が必要な場合は人事院の承認を得てください。`,
              en: `The exchange is planned to end on ${c.plannedEnd} (${left} day(s) left). Prepare the return, or ask the NPA in time if it needs an extension.`,
            },
          ),
        );
      }
    }

    // 照会への未回答: the NPA's query has waited more than N working days for the ministry's answer.
    if (c.state === 'query_to_ministry' && c.openQuerySince !== null) {
      const waited = workingDaysBetween(c.openQuerySince, today);
      if (waited > w.queryWorkingDays) {
        out.push(
          reminder(
            'query_unanswered',
            c,
            c.openQuerySince,
            [ministry],
            { ja: '人事院からの照会に回答してください', en: 'NPA query awaiting your answer' },
            {
              ja: `${jaDate(c.openQuerySince)}の人事院からの照会に、${waited}開庁日回答がありません。案件のスレッドで回答してください。`,
              en: `The NPA's query of ${c.openQuerySince} has had no answer for ${waited} working day(s). Please answer it in the case's thread.`,
            },
          ),
        );
      }
    }
  }
  return out;
}

/** One mail body for both languages: Japanese first, then English. */
export const bilingualMail = (r: Pick<Reminder, 'subject' | 'body'>) => ({
  subject: `${r.subject.ja} / ${r.subject.en}`,
  body: `${r.body.ja}\n\n----------------------------------------\n\n${r.body.en}\n`,
});
