// Dispatch to international organisations under 派遣法 (issue 8 items 1–2). Pure: no I/O.
//
// The 5-year rule (parameter consultation.threshold_years, seed 000 lines 14–15, 規則18-0 第4条):
// a new dispatch, or a renewal (更新), that takes the dispatch period beyond 5 years in a row needs a
// consultation (協議) with the NPA before it starts.
//
// How the period is counted (decisions, documented in docs/glossary.md):
// - Periods are counted as in 民法第143条: 5 years from a start on D end on the day before D five
//   years later. A planned end on that day is "5 years", not beyond; one day later is beyond.
// - The period runs from the start of the dispatch and through every renewal (the latest planned
//   end). Earlier dispatches of the same person count when they are continuous with it: the next
//   one starts no more than `consultation.continuous_gap_days` (1 = the next day) after the earlier
//   one's end (actual end, else its current planned end), i.e. the official never went back to duty
//   in between. This is the conservative reading of 「引き続き」; a return to duty resets the count.
// - Every step whose planned end is beyond the 5-year mark needs its own consultation: the new
//   dispatch itself (step 'initial') and each later renewal (step = its index), because the rule
//   speaks of any renewal by which the period (still) exceeds 5 years. A consultation covers its
//   step up to the planned end it was filed for.
// - Cancelled dispatches count for nothing; drafts count (they are planned, so the check is safe).
//
// Errors are values: FieldIssue { path, code, message: { ja, en } } (server/src/platform/errors.ts),
// to be returned as 400 validation_failed (or 422 transition_blocked for activation) by the routes.

import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { addDays, fiscalYearOf, periodEnd, toDays, type IsoDate } from '../criteria/dates.ts';
import type { Citation } from '../../../../common/src/schemas/criteria.schema.ts';
import type { Consultation, Dispatch, DispatchRenewal } from '../../../../common/src/schemas/international.schema.ts';
import { hostTypesAsOf, outcomeKindsAsOf, type InternationalContext } from './international.parameters.ts';

export type Step = 'initial' | number;

const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The same day n months later (or earlier), clamped to the month's last day. */
export function shiftMonths(d: IsoDate, n: number): IsoDate {
  const total = +d.slice(0, 4) * 12 + (+d.slice(5, 7) - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const day = Math.min(+d.slice(8, 10), daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(day)}`;
}

/** Last day of a period of n months starting on `start` (民法第143条第2項). */
export function periodEndMonths(start: IsoDate, n: number): IsoDate {
  const total = +start.slice(0, 4) * 12 + (+start.slice(5, 7) - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const day = +start.slice(8, 10);
  if (day > daysInMonth(y, m)) return `${String(y).padStart(4, '0')}-${pad(m)}-${pad(daysInMonth(y, m))}`;
  return addDays(`${String(y).padStart(4, '0')}-${pad(m)}-${pad(day)}`, -1);
}

export interface Duration {
  years: number;
  months: number;
  days: number;
  /** calendar days, both ends included */
  totalDays: number;
}

/** The length of [start, end] (both included) in whole years, months and remaining days. */
export function durationBetween(start: IsoDate, end: IsoDate): Duration {
  const totalDays = toDays(end) - toDays(start) + 1;
  if (totalDays <= 0) return { years: 0, months: 0, days: 0, totalDays: Math.max(totalDays, 0) };
  let m = Math.max(0, (+end.slice(0, 4) - +start.slice(0, 4)) * 12 + (+end.slice(5, 7) - +start.slice(5, 7)) - 1);
  while (periodEndMonths(start, m + 1) <= end) m++;
  while (m > 0 && periodEndMonths(start, m) > end) m--;
  const days = m === 0 ? totalDays : toDays(end) - toDays(periodEndMonths(start, m));
  return { years: Math.floor(m / 12), months: m % 12, days, totalDays };
}

/** The planned end in force: the latest renewal's, else the original. */
export const currentPlannedEnd = (d: Pick<Dispatch, 'plannedEnd' | 'renewals'>): IsoDate =>
  d.renewals && d.renewals.length ? d.renewals[d.renewals.length - 1]!.plannedEnd : d.plannedEnd;

/** The planned end a step sets. */
export const plannedEndAt = (d: Pick<Dispatch, 'plannedEnd' | 'renewals'>, step: Step): IsoDate =>
  step === 'initial' ? d.plannedEnd : d.renewals![step]!.plannedEnd;

/** The last day the dispatch lasts (or is planned to last). */
export const effectiveEnd = (d: Dispatch): IsoDate => d.actualEnd ?? currentPlannedEnd(d);

/** Total planned duration of one dispatch (start to the current planned end). */
export const plannedDuration = (d: Dispatch): Duration => durationBetween(d.start, currentPlannedEnd(d));

const counts = (d: Dispatch) => (d.status ?? 'draft') !== 'cancelled';

/**
 * The earlier dispatches of the same person continuous with `d` (oldest first, `d` excluded):
 * each starts within `gapDays` after the previous one's end.
 */
export function continuousPredecessors(d: Dispatch, others: readonly Dispatch[], gapDays: number): Dispatch[] {
  const earlier = others
    .filter((o) => o.id !== d.id && o.personId === d.personId && counts(o) && o.start < d.start)
    .sort((a, b) => (a.start < b.start ? 1 : a.start > b.start ? -1 : 0));
  const chain: Dispatch[] = [];
  let head = d;
  for (const o of earlier) {
    if (toDays(head.start) - toDays(effectiveEnd(o)) > gapDays) break;
    chain.unshift(o);
    head = o;
  }
  return chain;
}

export interface FiveYearCheck {
  step: Step;
  /** start of the continuous period (the earliest continuous dispatch) */
  periodStart: IsoDate;
  /** ids of the earlier dispatches counted in, oldest first */
  counted: string[];
  /** last day within the threshold (民法143), e.g. 2025-03-31 for a start on 2020-04-01 */
  lastDayWithin: IsoDate;
  /** the first day beyond the threshold */
  crossesOn: IsoDate;
  /** the planned end this step sets */
  plannedEnd: IsoDate;
  /** total planned duration of the continuous period up to that planned end */
  total: Duration;
  /** this step needs an agreed consultation before it starts */
  consultationRequired: boolean;
  thresholdYears: number;
  citation: Citation;
}

/** The day a step begins: the dispatch's start, or the day after the previous planned end. */
export function stepStart(d: Dispatch, step: Step): IsoDate {
  if (step === 'initial') return d.start;
  const prev = step === 0 ? d.plannedEnd : d.renewals![step - 1]!.plannedEnd;
  return addDays(prev, 1);
}

/** Whether the new dispatch (step 'initial') or one of its renewals takes the period beyond 5 years. */
export function fiveYearCheck(d: Dispatch, others: readonly Dispatch[], ctx: InternationalContext, step: Step = 'initial'): FiveYearCheck {
  const asOf = stepStart(d, step);
  const threshold = ctx.params.resolve<number>('consultation.threshold_years', asOf);
  const gap = ctx.params.resolve<number>('consultation.continuous_gap_days', asOf).value;
  const chain = continuousPredecessors(d, others, gap);
  const periodStart = chain.length ? chain[0]!.start : d.start;
  const lastDayWithin = periodEnd(periodStart, threshold.value);
  const end = plannedEndAt(d, step);
  return {
    step,
    periodStart,
    counted: chain.map((c) => c.id),
    lastDayWithin,
    crossesOn: addDays(lastDayWithin, 1),
    plannedEnd: end,
    total: durationBetween(periodStart, end),
    consultationRequired: end > lastDayWithin,
    thresholdYears: threshold.value,
    citation: threshold.citation,
  };
}

/** All steps of a dispatch (the dispatch and each renewal) with their 5-year check. */
export const stepChecks = (d: Dispatch, others: readonly Dispatch[], ctx: InternationalContext): FiveYearCheck[] => [
  fiveYearCheck(d, others, ctx, 'initial'),
  ...(d.renewals ?? []).map((_, i) => fiveYearCheck(d, others, ctx, i)),
];

// ---- messages ----

const fmtDate = (d: IsoDate, lang: 'ja' | 'en') => (lang === 'ja' ? `${+d.slice(0, 4)}年${+d.slice(5, 7)}月${+d.slice(8, 10)}日` : d);

export type DispatchIssueCode =
  | 'international.end_before_start'
  | 'international.actual_end_before_start'
  | 'international.actual_end_after_planned_end'
  | 'international.unknown_region'
  | 'international.unknown_host_type'
  | 'international.unknown_organisation'
  | 'international.host_type_mismatch'
  | 'international.overlapping_dispatch'
  | 'international.renewal_not_after_planned_end'
  | 'international.outcome_required'
  | 'international.unknown_outcome'
  | 'international.outcome_without_end'
  | 'international.end_required'
  | 'international.consent_missing'
  | 'international.not_draft'
  | 'international.not_active'
  | 'international.consultation_required'
  | 'international.consultation_not_agreed'
  | 'international.consultation_answer_date'
  | 'international.consultation_unknown_step'
  | 'international.before_dispatch_law';

const issue = (path: string, code: DispatchIssueCode, ja: string, en: string): FieldIssue => ({ path, code, message: { ja, en } });

// ---- validation ----

/** Intervals [start, end] of two dispatches share a day. */
export const dispatchesOverlap = (a: Dispatch, b: Dispatch) => a.start <= effectiveEnd(b) && b.start <= effectiveEnd(a);

/** Every pair of dispatches of the same person that overlap (cancelled ones ignored). */
export function findOverlaps(dispatches: readonly Dispatch[]): [Dispatch, Dispatch][] {
  const byPerson = new Map<string, Dispatch[]>();
  for (const d of dispatches) if (counts(d)) byPerson.set(d.personId, [...(byPerson.get(d.personId) ?? []), d]);
  const out: [Dispatch, Dispatch][] = [];
  for (const list of byPerson.values()) {
    const sorted = [...list].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < sorted.length && sorted[j]!.start <= effectiveEnd(sorted[i]!); j++) out.push([sorted[i]!, sorted[j]!]);
  }
  return out;
}

/**
 * Validate a dispatch against the reference data and the person's other dispatches (all stored
 * ones; `d` itself is skipped by id). An empty list means it can be stored.
 */
export function validateDispatch(d: Dispatch, others: readonly Dispatch[], ctx: InternationalContext): FieldIssue[] {
  const out: FieldIssue[] = [];
  const asOf = d.start;
  const lawFrom = ctx.params.all.find((p) => p.id === 'dispatch.host_types')?.values[0]?.from ?? '1970-12-25';
  if (d.start < lawFrom)
    return [issue('start', 'international.before_dispatch_law', `派遣開始日（${fmtDate(d.start, 'ja')}）が派遣法の施行前です。`,
      `The start (${d.start}) is before the dispatch act (派遣法) took effect.`)];
  if (d.plannedEnd < d.start)
    out.push(issue('plannedEnd', 'international.end_before_start',
      `派遣終了予定日（${fmtDate(d.plannedEnd, 'ja')}）が派遣開始日（${fmtDate(d.start, 'ja')}）より前です。`,
      `The planned end (${d.plannedEnd}) is before the start (${d.start}).`));
  let prevEnd = d.plannedEnd;
  (d.renewals ?? []).forEach((r: DispatchRenewal, i) => {
    if (r.plannedEnd <= prevEnd)
      out.push(issue(`renewals.${i}.plannedEnd`, 'international.renewal_not_after_planned_end',
        `更新後の派遣終了予定日（${fmtDate(r.plannedEnd, 'ja')}）は、それまでの終了予定日（${fmtDate(prevEnd, 'ja')}）より後の日にしてください。`,
        `The renewed planned end (${r.plannedEnd}) must be after the current planned end (${prevEnd}).`));
    else prevEnd = r.plannedEnd;
  });
  if (d.actualEnd != null) {
    if (d.actualEnd < d.start)
      out.push(issue('actualEnd', 'international.actual_end_before_start',
        `派遣終了日（${fmtDate(d.actualEnd, 'ja')}）が派遣開始日（${fmtDate(d.start, 'ja')}）より前です。`,
        `The end (${d.actualEnd}) is before the start (${d.start}).`));
    else if (d.actualEnd > currentPlannedEnd(d))
      out.push(issue('actualEnd', 'international.actual_end_after_planned_end',
        `派遣終了日（${fmtDate(d.actualEnd, 'ja')}）が派遣終了予定日（${fmtDate(currentPlannedEnd(d), 'ja')}）より後です。期間を延ばすには更新を登録してください。`,
        `The end (${d.actualEnd}) is after the planned end (${currentPlannedEnd(d)}); register a renewal to extend the dispatch.`));
    if (d.outcome == null)
      out.push(issue('outcome', 'international.outcome_required',
        '派遣を終了した場合は、終了時の区分（職務に復帰、退職、死亡）を選んでください。',
        'An ended dispatch needs its outcome (returned to duty, resigned, died).'));
  } else {
    if (d.outcome != null)
      out.push(issue('actualEnd', 'international.outcome_without_end',
        '終了時の区分を登録するには、派遣終了日を入力してください。', 'Enter the end date to record an outcome.'));
    if (d.status === 'ended')
      out.push(issue('actualEnd', 'international.end_required', '派遣終了とするには、派遣終了日を入力してください。', 'An ended dispatch needs its end date.'));
  }
  if (d.outcome != null && !outcomeKindsAsOf(ctx, asOf).some((k) => k.code === d.outcome))
    out.push(issue('outcome', 'international.unknown_outcome', `終了時の区分「${d.outcome}」は登録されていません。`, `Unknown outcome "${d.outcome}".`));

  if (!ctx.regions.some((r) => r.code === d.region))
    out.push(issue('region', 'international.unknown_region', `地域「${d.region}」は登録されていません。一覧から選んでください。`,
      `Unknown region "${d.region}". Choose one from the list.`));
  const hostTypes = hostTypesAsOf(ctx, asOf);
  if (!hostTypes.some((t) => t.code === d.hostType))
    out.push(issue('hostType', 'international.unknown_host_type', `派遣先機関の種類「${d.hostType}」は登録されていません。`,
      `Unknown kind of host body "${d.hostType}".`));
  if (d.organisationCode != null) {
    const org = ctx.organisations.find((o) => o.code === d.organisationCode);
    if (!org)
      out.push(issue('organisationCode', 'international.unknown_organisation', `派遣先機関「${d.organisationCode}」は一覧にありません。`,
        `The host "${d.organisationCode}" is not in the list of organisations.`));
    else if (org.host_type !== d.hostType) {
      const t = hostTypes.find((h) => h.code === org.host_type);
      out.push(issue('hostType', 'international.host_type_mismatch',
        `${org.name_ja}の種類は「${t?.ja ?? org.host_type}」です。`, `${org.name_en} is of kind "${t?.en ?? org.host_type}".`));
    }
  }

  if (counts(d)) {
    for (const o of others) {
      if (o.id === d.id || o.personId !== d.personId || !counts(o)) continue;
      if (dispatchesOverlap(d, o))
        out.push(issue('start', 'international.overlapping_dispatch',
          `この職員は${fmtDate(o.start, 'ja')}から${fmtDate(effectiveEnd(o), 'ja')}まで別の派遣（${o.hostName ?? o.organisationCode ?? o.id}）の期間中です。同じ職員を同時に2つの派遣に登録することはできません。`,
          `This official is already on another dispatch (${o.hostName ?? o.organisationCode ?? o.id}) from ${o.start} to ${effectiveEnd(o)}; an official cannot be on two dispatches at once.`));
    }
  }
  return out;
}

// ---- consultations, activation, renewal ----

/** Consultations of a dispatch for a step that are agreed and cover its planned end. */
export function agreedConsultation(d: Dispatch, step: Step, consultations: readonly Consultation[]): Consultation | undefined {
  const end = plannedEndAt(d, step);
  return consultations.find((c) => c.dispatchId === d.id && c.step === step && c.answer === 'agreed' && c.plannedEnd >= end);
}

function consultationIssues(d: Dispatch, check: FiveYearCheck, consultations: readonly Consultation[]): FieldIssue[] {
  if (!check.consultationRequired || agreedConsultation(d, check.step, consultations)) return [];
  const mine = consultations.filter((c) => c.dispatchId === d.id && c.step === check.step);
  const stepJa = check.step === 'initial' ? 'この派遣' : 'この更新';
  const stepEn = check.step === 'initial' ? 'This dispatch' : 'This renewal';
  const y = check.thresholdYears;
  const detailJa = `派遣期間が引き続き${y}年を超えます（${fmtDate(check.periodStart, 'ja')}から${fmtDate(check.plannedEnd, 'ja')}まで、${check.total.years}年${check.total.months}か月${check.total.days}日）。`;
  const detailEn = `takes the period beyond ${y} years in a row (${check.periodStart} to ${check.plannedEnd}: ${check.total.years} y ${check.total.months} m ${check.total.days} d).`;
  const path = check.step === 'initial' ? 'plannedEnd' : `renewals.${check.step}.plannedEnd`;
  if (mine.some((c) => c.answer === 'pending'))
    return [issue(path, 'international.consultation_not_agreed', `${detailJa}人事院への協議の回答がまだありません。`, `${stepEn} ${detailEn} The NPA has not yet answered the consultation.`)];
  if (mine.some((c) => c.answer === 'not_agreed'))
    return [issue(path, 'international.consultation_not_agreed', `${detailJa}人事院への協議が了承されていません。`, `${stepEn} ${detailEn} The NPA did not agree to the consultation.`)];
  return [issue(path, 'international.consultation_required', `${detailJa}${stepJa}の開始前に人事院に協議し、了承を得てください。`,
    `${stepEn} ${detailEn} It needs a consultation agreed by the NPA before it starts.`)];
}

export interface Decision {
  ok: boolean;
  issues: FieldIssue[];
  checks: FiveYearCheck[];
}

/** Can a draft dispatch be activated (派遣開始)? Valid, consent recorded, and any required consultation agreed. */
export function canActivate(d: Dispatch, others: readonly Dispatch[], consultations: readonly Consultation[], ctx: InternationalContext): Decision {
  const issues = validateDispatch(d, others, ctx);
  if ((d.status ?? 'draft') !== 'draft')
    issues.push(issue('status', 'international.not_draft', '登録中（未開始）の派遣のみ開始できます。', 'Only a draft dispatch can be activated.'));
  if (!d.consentRecorded)
    issues.push(issue('consentRecorded', 'international.consent_missing', '職員の同意（派遣法第2条第2項）が記録されていません。',
      "The official's consent (派遣法 Art. 2(2)) is not recorded."));
  if (issues.some((i) => i.code === 'international.before_dispatch_law')) return { ok: false, issues, checks: [] };
  const checks = stepChecks(d, others, ctx);
  for (const c of checks) issues.push(...consultationIssues(d, c, consultations));
  return { ok: issues.length === 0, issues, checks };
}

/** Can this renewal be added to an active dispatch? */
export function canRenew(
  d: Dispatch, renewal: DispatchRenewal, others: readonly Dispatch[], consultations: readonly Consultation[], ctx: InternationalContext,
): Decision {
  const renewed: Dispatch = { ...d, renewals: [...(d.renewals ?? []), renewal] };
  const issues = validateDispatch(renewed, others, ctx);
  if (d.status !== 'active')
    issues.push(issue('status', 'international.not_active', '派遣中の派遣のみ更新できます。', 'Only an active dispatch can be renewed.'));
  if (issues.some((i) => i.code === 'international.before_dispatch_law')) return { ok: false, issues, checks: [] };
  const step = renewed.renewals!.length - 1;
  const check = fiveYearCheck(renewed, others, ctx, step);
  issues.push(...consultationIssues(renewed, check, consultations));
  return { ok: issues.length === 0, issues, checks: [check] };
}

/** A consultation as filed or answered: dates in order, a step that exists. */
export function validateConsultation(c: Consultation, d: Dispatch): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (c.step !== 'initial' && c.step >= (d.renewals ?? []).length + 1)
    out.push(issue('step', 'international.consultation_unknown_step', 'この協議の対象となる更新が登録されていません。', 'The renewal this consultation is about does not exist.'));
  const answered = c.answer === 'agreed' || c.answer === 'not_agreed';
  if (answered && (c.answeredOn == null || c.answeredOn < c.filedOn))
    out.push(issue('answeredOn', 'international.consultation_answer_date', '回答日は協議の日以後の日を入力してください。', 'The answer date must be on or after the filing date.'));
  return out;
}

/** 協議の件数: consultations filed per fiscal year (withdrawn ones excluded). */
export function consultationsPerFiscalYear(consultations: readonly Consultation[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const c of consultations) {
    if (c.answer === 'withdrawn') continue;
    const fy = fiscalYearOf(c.filedOn);
    out.set(fy, (out.get(fy) ?? 0) + 1);
  }
  return new Map([...out].sort((a, b) => a[0] - b[0]));
}

// ---- upcoming crossings ----

export interface UpcomingCrossing {
  dispatchId: string;
  personId: string;
  periodStart: IsoDate;
  crossesOn: IsoDate;
  currentPlannedEnd: IsoDate;
  /**
   * planned_beyond: the current plan already goes past the mark (consulted = an agreed consultation covers it);
   * renewal_would_cross: the plan ends before the mark, so any renewal past it needs a consultation.
   */
  kind: 'planned_beyond' | 'renewal_would_cross';
  consulted: boolean;
}

/**
 * Dispatches (draft or active) whose continuous period passes the 5-year mark between `asOf` and
 * `months` months later (both included), soonest first.
 */
export function upcomingCrossings(
  dispatches: readonly Dispatch[], consultations: readonly Consultation[], asOf: IsoDate, months: number, ctx: InternationalContext,
): UpcomingCrossing[] {
  const until = shiftMonths(asOf, months);
  const out: UpcomingCrossing[] = [];
  for (const d of dispatches) {
    const status = d.status ?? 'draft';
    if (status !== 'draft' && status !== 'active') continue;
    const checks = stepChecks(d, dispatches, ctx);
    const first = checks[0]!;
    if (first.crossesOn < asOf || first.crossesOn > until) continue;
    const planned = currentPlannedEnd(d);
    const beyond = planned >= first.crossesOn;
    out.push({
      dispatchId: d.id,
      personId: d.personId,
      periodStart: first.periodStart,
      crossesOn: first.crossesOn,
      currentPlannedEnd: planned,
      kind: beyond ? 'planned_beyond' : 'renewal_would_cross',
      consulted: beyond && checks.filter((c) => c.consultationRequired).every((c) => agreedConsultation(d, c.step, consultations) != null),
    });
  }
  return out.sort((a, b) => (a.crossesOn < b.crossesOn ? -1 : a.crossesOn > b.crossesOn ? 1 : a.dispatchId < b.dispatchId ? -1 : 1));
}

// ---- errors for the routes ----

/** 400 validation_failed listing every issue (ja/en), or null when the dispatch can be stored. */
export const dispatchValidationError = (issues: readonly FieldIssue[]): AppError | null =>
  issues.length ? new AppError('validation_failed', { fields: [...issues] }) : null;

/** 422 transition_blocked with the reasons (e.g. no agreed consultation), or null when allowed. */
export const decisionError = (decision: Decision): AppError | null => {
  if (decision.ok) return null;
  // bad data is a validation failure; a rule that blocks a valid dispatch is a blocked transition
  const blocking = new Set<string>(['international.consent_missing', 'international.not_draft', 'international.not_active', 'international.consultation_required', 'international.consultation_not_agreed']);
  const onlyRules = decision.issues.every((i) => blocking.has(i.code));
  return new AppError(onlyRules ? 'transition_blocked' : 'validation_failed', { fields: [...decision.issues], details: { checks: decision.checks } });
};
