// The schedule planner (逆算): from a target start date, the date by which each step of an exchange
// should happen, with why. Pure; every offset is a dated parameter (./parameters/*.json) resolved on
// the start date, and every due date is a government working day (./calendar.ts: no weekends,
// public holidays or 29 Dec – 3 Jan). A due date that falls on a day off moves to the previous
// working day — earlier, never later.
//
// The steps, working backwards from the start S:
//  1. first contact with the company   — end of the month `planner.first_contact_months` (6) months
//     before S's month (April → the previous October, seed lines 126/186–190/471);
//  2. the company's internal paperwork — end of the month `planner.company_paperwork_months` (3)
//     months before S's month (April → January, seed line 191);
//  3. submission of 入力支援シート and 取決め書(案) — the rule (seed line 437; workflow.ts guards it) is
//     "at least `submission.lead_months` (1) month before S": that date L, moved to a working day, is
//     the step's `limit`. The planner's target is earlier: `review.target_working_days` (10, "about
//     two weeks", seed line 438) working days before L, so that the review ends — 内諾 — by L and a
//     full month remains for the formal application, certification and agreement. Consistently,
//     reviewDueDate(submission due) === the 内諾 target;
//  4. 内諾 (informal approval) target  — L, or the formal-application date when that is earlier
//     (a start just after the year end or Golden Week squeezes the last month);
//  5. formal application (応募書等)      — `planner.certification_working_days` (10) working days
//     before certification;
//  6. certification (認定)              — `planner.agreement_working_days` (4) working days before
//     the agreement;
//  7. agreement (取決め) signed          — the last working day before S (the steps must end before
//     the start, seed line 438; the agreement follows certification, seed line 1254);
//  8. the start itself.
// Steps 5–6 use planning margins the seeds do not quantify (their parameters say so).
import { toDays, type IsoDate } from '../criteria/dates.ts';
import type { ParameterSet, ResolvedParameter } from '../criteria/parameters.ts';
import { monthsBefore } from './workflow.ts';
import { addWorkingDays, dayOffReason, isWorkingDay, workingDayOnOrBefore, workingDaysBetween } from './calendar.ts';

export type Messages = { ja: string; en: string };

export const planStepIds = [
  'first_contact', // 企業等への最初のコンタクト（事前相談）
  'company_paperwork', // 企業等の社内手続
  'submission', // 入力支援シート・取決め書(案)の提出
  'informal_approval', // 内諾
  'formal_application', // 応募書等の提出（正式申請）
  'certification', // 計画の認定
  'agreement', // 取決めの締結
  'start', // 交流開始
] as const;
export type PlanStepId = (typeof planStepIds)[number];

/** With a `today`: past the due date, due today, or still ahead. */
export type StepStatus = 'overdue' | 'due_today' | 'upcoming';

export type UsedParameter = Pick<ResolvedParameter, 'id' | 'value' | 'effectiveFrom' | 'citation'>;

export type PlanStep = {
  id: PlanStepId;
  label: Messages;
  /** The date the step should be done by: always a working day, except `start` (the given date). */
  due: IsoDate;
  /** The date the rule gives before moving to a working day (equal to `due` when no move). */
  nominal: IsoDate;
  /** Why `nominal` moved to `due` (the day off it fell on). */
  adjustment?: Messages;
  /** submission only: the latest date the rules allow (the target `due` is earlier). */
  limit?: IsoDate;
  explanation: Messages;
  parameters: UsedParameter[];
  status?: StepStatus;
  /** Working days from `today` to `due` (workingDaysBetween): negative when overdue. */
  workingDaysLeft?: number;
};

export type PlanWarning = { code: string; message: Messages };

export type Plan = { start: IsoDate; today: IsoDate | null; steps: PlanStep[]; warnings: PlanWarning[] };

const ym = (d: IsoDate) => ({ ja: `${+d.slice(0, 4)}年${+d.slice(5, 7)}月`, en: d.slice(0, 7) });

/** The last day of the month `months` months before `date`'s month. */
export function endOfMonthBefore(date: IsoDate, months: number): IsoDate {
  const first = monthsBefore(`${date.slice(0, 8)}01`, months);
  const y = +first.slice(0, 4);
  const m = +first.slice(5, 7);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${first.slice(0, 8)}${String(last).padStart(2, '0')}`;
}

const used = (p: ResolvedParameter): UsedParameter => ({ id: p.id, value: p.value, effectiveFrom: p.effectiveFrom, citation: p.citation });

function moved(nominal: IsoDate): { due: IsoDate; adjustment?: Messages } {
  const due = workingDayOnOrBefore(nominal);
  if (due === nominal) return { due };
  const why = dayOffReason(nominal)!;
  return {
    due,
    adjustment: {
      ja: `${nominal}は行政機関の休日（${why.ja}）のため、前の開庁日（${due}）に繰り上げました。`,
      en: `${nominal} is not a working day (${why.en}), so the date moves back to the previous working day (${due}).`,
    },
  };
}

/**
 * The plan for an exchange starting on `start`. With `today`, each step says whether it is
 * overdue and how many working days are left. Throws ParameterNotInForce before 2000-03-21 and
 * RangeError outside the calendar's years.
 */
export function planSchedule(start: IsoDate, params: ParameterSet, today?: IsoDate | null): Plan {
  const p = {
    firstContact: params.resolve<number>('planner.first_contact_months', start),
    paperwork: params.resolve<number>('planner.company_paperwork_months', start),
    lead: params.resolve<number>('submission.lead_months', start),
    review: params.resolve<number>('review.target_working_days', start),
    certification: params.resolve<number>('planner.certification_working_days', start),
    agreement: params.resolve<number>('planner.agreement_working_days', start),
  };
  const startMonth = ym(start);
  const steps: PlanStep[] = [];

  // 1. First contact.
  {
    const k = p.firstContact.value;
    const nominal = endOfMonthBefore(start, k);
    const m = ym(nominal);
    steps.push({
      id: 'first_contact',
      label: { ja: '企業等への最初のコンタクト（事前相談）', en: 'First contact with the company (preliminary consultation)' },
      nominal,
      ...moved(nominal),
      explanation: {
        ja: `開始予定月（${startMonth.ja}）の${k}か月前の月（${m.ja}）の末まで。4月開始なら前年10月末頃までに企業等とコンタクトを取るのが目安です（「半年前に話がないと受入れのスケジュールとしては難しい」との企業等の声）。`,
        en: `By the end of ${m.en}, ${k} months before the start month (${startMonth.en}). For an April start, contact the company by about the end of the previous October; companies say that without six months' notice a placement is hard to schedule.`,
      },
      parameters: [used(p.firstContact)],
    });
  }

  // 2. The company's internal paperwork.
  {
    const k = p.paperwork.value;
    const nominal = endOfMonthBefore(start, k);
    const m = ym(nominal);
    steps.push({
      id: 'company_paperwork',
      label: { ja: '企業等の社内手続', en: 'The company’s internal paperwork' },
      nominal,
      ...moved(nominal),
      explanation: {
        ja: `企業等は受入れの事務手続を開始予定月の${k}か月前の月（4月開始なら1月）に行うことが多く、${m.ja}末までに済ませる目安です。企業等へのお声掛けは遅くともその前年内に。`,
        en: `Companies often do their internal paperwork ${k} months before the start month (January for April): aim to have it done by the end of ${m.en}. Ask the company at the latest in the preceding calendar year.`,
      },
      parameters: [used(p.paperwork)],
    });
  }

  // 5–7 are computed first (backwards from the start): 内諾 must not come after the formal application.
  const agreementDue = addWorkingDays(start, -1);
  const certificationDue = addWorkingDays(agreementDue, -p.agreement.value);
  const applicationDue = addWorkingDays(certificationDue, -p.certification.value);

  // 3–4. Submission (target and limit) and 内諾.
  const lead = p.lead.value;
  const reviewDays = p.review.value;
  const limitNominal = monthsBefore(start, lead);
  const limit = moved(limitNominal);
  // Normally the limit itself; earlier when holidays (the year end, Golden Week) squeeze the last month.
  const approvalDue = applicationDue < limit.due ? applicationDue : limit.due;
  const squeezed = approvalDue !== limit.due;
  const submissionDue = addWorkingDays(approvalDue, -reviewDays);
  steps.push({
    id: 'submission',
    label: { ja: '入力支援シート・取決め書（案）の提出', en: 'Submit the input-support sheet and the draft agreement' },
    due: submissionDue,
    nominal: submissionDue,
    limit: limit.due,
    explanation: {
      ja: `提出期限は開始予定日の原則${lead}か月前（${limit.due}）です。内諾の目標日（${approvalDue}）までに人事院の審査（照会がなければ2週間程度＝${reviewDays}開庁日）が終わるよう、${reviewDays}開庁日前の${submissionDue}までの提出を目標とします。交流基準（特に所管関係・契約関係）に抵触していないか確認してから提出してください。`,
      en: `The rule is at least ${lead} month(s) before the start (${limit.due}). Aim to submit by ${submissionDue}, ${reviewDays} working days before the informal-approval target (${approvalDue}), so that the NPA's review (about two weeks = ${reviewDays} working days when there are no queries) ends in time. Check the exchange criteria (licensing and contract relations above all) before submitting.`,
    },
    parameters: [used(p.lead), used(p.review)],
  });
  steps.push({
    id: 'informal_approval',
    label: { ja: '内諾（目標）', en: 'Informal approval (target)' },
    due: approvalDue,
    nominal: squeezed ? approvalDue : limitNominal,
    ...(limit.adjustment && !squeezed ? { adjustment: limit.adjustment } : {}),
    explanation: squeezed
      ? {
          ja: `照会がなければ提出から約2週間（${reviewDays}開庁日）で内諾となり、応募書等の提出を求められます。開始予定日の${lead}か月前（${limit.due}）では応募書等の提出目標（${applicationDue}）に間に合わないため、${approvalDue}までの内諾を目標とします。`,
          en: `Without queries, informal approval comes about two weeks (${reviewDays} working days) after submission, with a request for the formal application. ${lead} month(s) before the start (${limit.due}) would be too late for the formal application target (${applicationDue}), so the target is ${approvalDue}.`,
        }
      : {
          ja: `照会がなければ提出から約2週間（${reviewDays}開庁日）で内諾となり、応募書等の提出を求められます。開始予定日の${lead}か月前（${approvalDue}）までの内諾を目標とします。内諾の連絡の際に入力支援シート等の修正を求められることがあります。`,
          en: `Without queries, informal approval comes about two weeks (${reviewDays} working days) after submission, with a request for the formal application. Target: by ${approvalDue}, ${lead} month(s) before the start. The NPA may ask for corrections to the sheet at that point.`,
        },
    parameters: [used(p.lead), used(p.review)],
  });

  steps.push({
    id: 'formal_application',
    label: { ja: '応募書等の提出（正式申請）', en: 'Formal application (応募書等)' },
    due: applicationDue,
    nominal: applicationDue,
    explanation: {
      ja: `内諾後に応募書等を提出します。認定までの手続に${p.certification.value}開庁日を見込み、${applicationDue}までの提出を目標とします（計画上の目安）。`,
      en: `After informal approval, send the formal application. Allowing ${p.certification.value} working days until certification, aim for ${applicationDue} (a planning margin).`,
    },
    parameters: [used(p.certification)],
  });
  steps.push({
    id: 'certification',
    label: { ja: '人事交流の実施に関する計画の認定', en: 'Certification of the exchange plan' },
    due: certificationDue,
    nominal: certificationDue,
    explanation: {
      ja: `人事院が「人事交流の実施に関する計画」を認定します。認定の後に府省等と企業等が取決めを行うため、取決め期限の${p.agreement.value}開庁日前（${certificationDue}）までを目標とします（計画上の目安）。`,
      en: `The NPA certifies the exchange plan. The agreement between the ministry and the company follows certification, so aim for ${certificationDue}, ${p.agreement.value} working days before the agreement is due (a planning margin).`,
    },
    parameters: [used(p.agreement)],
  });
  steps.push({
    id: 'agreement',
    label: { ja: '取決めの締結', en: 'Sign the agreement (取決め)' },
    due: agreementDue,
    nominal: agreementDue,
    explanation: {
      ja: `府省等と企業等の取決め（取決め書）の締結。手続は開始予定日の前までに終える必要があるため、開始予定日の前の最後の開庁日（${agreementDue}）が期限です。`,
      en: `The ministry and the company sign the agreement. The procedure must be complete before the start date, so it is due on the last working day before the start (${agreementDue}).`,
    },
    parameters: [],
  });
  steps.push({
    id: 'start',
    label: { ja: '交流開始（開始予定日）', en: 'The exchange starts' },
    due: start,
    nominal: start,
    explanation: { ja: `開始予定日（${start}）。`, en: `The planned start date (${start}).` },
    parameters: [],
  });

  const warnings: PlanWarning[] = [];
  if (!isWorkingDay(start)) {
    const why = dayOffReason(start)!;
    warnings.push({
      code: 'planner.start_not_working_day',
      message: {
        ja: `開始予定日（${start}）は${why.ja}で、行政機関の休日です。`,
        en: `The planned start (${start}) is not a working day (${why.en}).`,
      },
    });
  }
  for (let i = 1; i < steps.length; i++) {
    if (steps[i]!.due < steps[i - 1]!.due) {
      warnings.push({
        code: 'planner.order',
        message: {
          ja: `「${steps[i]!.label.ja}」の期日が前の手順より早くなっています。日程に余裕がありません。`,
          en: `“${steps[i]!.label.en}” falls before the step preceding it: the schedule is too tight.`,
        },
      });
    }
  }

  if (today) {
    for (const s of steps) {
      s.status = today > s.due ? 'overdue' : today === s.due ? 'due_today' : 'upcoming';
      s.workingDaysLeft = workingDaysBetween(today, s.due);
    }
    if (today > limit.due && today < start) {
      warnings.push({
        code: 'planner.submission_limit_passed',
        message: {
          ja: `提出期限（開始予定日の原則${lead}か月前、${limit.due}）を過ぎています。開始予定日の見直しを人事院に御相談ください。`,
          en: `The submission deadline (${lead} month(s) before the start, ${limit.due}) has passed. Consult the NPA about moving the start date.`,
        },
      });
    }
  }
  return { start, today: today ?? null, steps, warnings };
}

/** The 内諾 target for a submission: `review.target_working_days` working days after it (parameter in force on that day). */
export function reviewDueDate(submittedOn: IsoDate, params: ParameterSet): IsoDate {
  return addWorkingDays(submittedOn, params.resolve<number>('review.target_working_days', submittedOn).value);
}

/** Whether a case submitted on `submittedOn` and still awaiting 内諾 is past the review target on `today`. */
export function isOverdue(submittedOn: IsoDate, today: IsoDate, params: ParameterSet): boolean {
  return toDays(today) > toDays(reviewDueDate(submittedOn, params));
}

/** Working days the review has taken so far (after the submission day, up to and including today). */
export const reviewAge = (submittedOn: IsoDate, today: IsoDate): number => Math.max(0, workingDaysBetween(submittedOn, today));
