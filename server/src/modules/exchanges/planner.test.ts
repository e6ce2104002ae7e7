import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../criteria/dates.ts';
import { parameterSet } from '../criteria/parameters.ts';
import { isWorkingDay } from './calendar.ts';
import { exchangeParameters } from './exchanges.parameters.ts';
import { endOfMonthBefore, isOverdue, planSchedule, planStepIds, reviewAge, reviewDueDate, type PlanStepId } from './planner.ts';

type Case = {
  id: string;
  start: string;
  today: string | null;
  due: Record<PlanStepId, string>;
  nominal: Partial<Record<PlanStepId, string>>;
  limit: string;
  overdue: PlanStepId[];
  dueToday: PlanStepId[];
  warnings: string[];
};
type ReviewCase = { id: string; submittedOn: string; due: string; overdueOn: string[]; notOverdueOn: string[] };
const data = JSON.parse(readFileSync(join(import.meta.dirname, 'planner.cases.json'), 'utf8')) as { cases: Case[]; review: ReviewCase[] };
const params = exchangeParameters();

describe('schedule planner (逆算)', () => {
  it.each(data.cases.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const plan = planSchedule(c.start, params, c.today);
    expect(plan.steps.map((s) => s.id)).toEqual([...planStepIds]);
    expect(Object.fromEntries(plan.steps.map((s) => [s.id, s.due]))).toEqual(c.due);
    expect(Object.fromEntries(plan.steps.filter((s) => s.nominal !== s.due).map((s) => [s.id, s.nominal]))).toEqual(c.nominal);
    expect(plan.steps.find((s) => s.id === 'submission')!.limit).toBe(c.limit);
    expect(plan.warnings.map((w) => w.code)).toEqual(c.warnings);
    if (c.today) {
      expect(plan.steps.filter((s) => s.status === 'overdue').map((s) => s.id)).toEqual(c.overdue);
      expect(plan.steps.filter((s) => s.status === 'due_today').map((s) => s.id)).toEqual(c.dueToday);
      for (const s of plan.steps) expect(Math.sign(s.workingDaysLeft!) < 0).toBe(s.status === 'overdue');
    } else {
      expect(plan.steps.every((s) => s.status === undefined && s.workingDaysLeft === undefined)).toBe(true);
      expect(plan.today).toBeNull();
    }
    for (const s of plan.steps) {
      expect(s.label.ja && s.label.en && s.explanation.ja && s.explanation.en).toBeTruthy();
      // A moved date says why, in both languages.
      if (s.nominal !== s.due) expect(s.adjustment?.ja && s.adjustment.en).toBeTruthy();
      else expect(s.adjustment).toBeUndefined();
    }
    for (const w of plan.warnings) expect(w.message.ja && w.message.en).toBeTruthy();
  });

  it('keeps every due date on a working day, in order, and the submission target within the review time of the 内諾 target', () => {
    // Every day of six years, and the 1st and 15th of every month to 2099.
    const starts: string[] = [];
    for (let d = '2026-01-01'; d <= '2031-12-31'; d = addDays(d, 1)) starts.push(d);
    for (let y = 2001; y <= 2099; y++) for (let m = 1; m <= 12; m++) for (const day of ['01', '15']) starts.push(`${y}-${String(m).padStart(2, '0')}-${day}`);
    const problems: string[] = [];
    for (const start of starts) {
      const plan = planSchedule(start, params);
      const steps = plan.steps;
      steps.forEach((s, i) => {
        if (s.id !== 'start' && !isWorkingDay(s.due)) problems.push(`${start}: ${s.id} on a day off (${s.due})`);
        if (i > 0 && s.due < steps[i - 1]!.due) problems.push(`${start}: ${s.id} before ${steps[i - 1]!.id}`);
      });
      if (steps.at(-2)!.due >= start) problems.push(`${start}: agreement not before the start`);
      const submission = steps.find((s) => s.id === 'submission')!;
      const approval = steps.find((s) => s.id === 'informal_approval')!;
      if (reviewDueDate(submission.due, params) !== approval.due) problems.push(`${start}: review time`);
      if (approval.due > submission.limit!) problems.push(`${start}: 内諾 after the limit`);
      if (plan.warnings.some((w) => w.code === 'planner.order')) problems.push(`${start}: order warning`);
    }
    expect(problems).toEqual([]);
  });

  it('cites the dated parameters each step uses', () => {
    const plan = planSchedule('2027-04-01', params);
    const ids = (id: PlanStepId) => plan.steps.find((s) => s.id === id)!.parameters.map((p) => p.id);
    expect(ids('first_contact')).toEqual(['planner.first_contact_months']);
    expect(ids('company_paperwork')).toEqual(['planner.company_paperwork_months']);
    expect(ids('submission')).toEqual(['submission.lead_months', 'review.target_working_days']);
    expect(ids('formal_application')).toEqual(['planner.certification_working_days']);
    expect(ids('certification')).toEqual(['planner.agreement_working_days']);
    for (const s of plan.steps) for (const p of s.parameters) expect(p.citation.instrument).toBeTruthy();
    const review = plan.steps.find((s) => s.id === 'submission')!.parameters[1]!;
    expect(review).toMatchObject({ value: 10, effectiveFrom: '2000-03-21' });
    expect(review.citation.page).toContain('line 438');
  });

  it('follows a parameter change from its effective date', () => {
    const changed = parameterSet(
      params.all.map((p) =>
        p.id === 'review.target_working_days' ? { ...p, values: [...p.values, { ...p.values[0]!, from: '2027-01-01', value: 5 }] } : p,
      ),
    );
    expect(reviewDueDate('2026-12-21', changed)).toBe('2027-01-08'); // 10 working days, still
    expect(reviewDueDate('2027-02-12', changed)).toBe('2027-02-19'); // 5 working days (2/23 is not reached)
    expect(planSchedule('2027-04-01', changed).steps.find((s) => s.id === 'submission')!.due).toBe('2027-02-19'); // 5 before 内諾 3/1
  });

  it('says the 1-month limit has passed only before the start', () => {
    expect(planSchedule('2027-04-01', params, '2027-04-02').warnings.map((w) => w.code)).toEqual([]);
    expect(planSchedule('2027-04-01', params, '2027-04-02').steps.every((s) => s.status === 'overdue')).toBe(true);
  });

  it.each([
    ['2027-04-01', 6, '2026-10-31'],
    ['2027-04-30', 3, '2027-01-31'],
    ['2027-05-15', 3, '2027-02-28'],
    ['2028-05-01', 3, '2028-02-29'],
    ['2027-01-04', 6, '2026-07-31'],
  ])('the end of the month before %s by %i months is %s', (d, k, out) => expect(endOfMonthBefore(d, k)).toBe(out));
});

describe('NPA review clock', () => {
  it.each(data.review.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    expect(reviewDueDate(c.submittedOn, params)).toBe(c.due);
    for (const d of c.overdueOn) expect(isOverdue(c.submittedOn, d, params), d).toBe(true);
    for (const d of c.notOverdueOn) expect(isOverdue(c.submittedOn, d, params), d).toBe(false);
  });

  it('counts the review age in working days', () => {
    expect(reviewAge('2026-04-20', '2026-05-08')).toBe(10);
    expect(reviewAge('2026-04-20', '2026-04-20')).toBe(0);
    expect(reviewAge('2026-12-25', '2027-01-04')).toBe(2);
  });
});
