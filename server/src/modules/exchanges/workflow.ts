// The life of an exchange case (交流派遣 / 交流採用) as a pure state machine: states, the events
// that move a case, who may fire each event, and the guards that can block it. No I/O; the
// service loads the facts, asks `decide`, and writes the change and its audit row together.
import { periodEnd, toDays } from '../criteria/dates.ts';
import type { ParameterSet } from '../criteria/parameters.ts';

import { caseStates, type CaseState } from '../../../../common/src/schemas/exchanges.schema.ts';
export { caseStates, type CaseState };

export type CaseRole = 'npa' | 'ministry_hr' | 'company_hr';

type Transition = { from: readonly CaseState[]; to: CaseState; by: readonly CaseRole[] };

const beforeActive = ['consultation', 'submitted', 'under_review', 'query_to_ministry', 'informally_approved', 'formal_application', 'certified', 'agreement_signed'] as const;

export const transitions = {
  submit: { from: ['consultation'], to: 'submitted', by: ['ministry_hr'] },
  start_review: { from: ['submitted'], to: 'under_review', by: ['npa'] },
  query: { from: ['under_review'], to: 'query_to_ministry', by: ['npa'] },
  answer: { from: ['query_to_ministry'], to: 'under_review', by: ['ministry_hr'] },
  approve_informally: { from: ['under_review'], to: 'informally_approved', by: ['npa'] },
  reject: { from: ['under_review', 'query_to_ministry'], to: 'rejected', by: ['npa'] },
  apply_formally: { from: ['informally_approved'], to: 'formal_application', by: ['ministry_hr'] },
  certify: { from: ['formal_application'], to: 'certified', by: ['npa'] },
  sign_agreement: { from: ['certified'], to: 'agreement_signed', by: ['ministry_hr', 'company_hr'] },
  begin: { from: ['agreement_signed'], to: 'active', by: ['ministry_hr'] },
  extend: { from: ['active', 'extended'], to: 'extended', by: ['npa'] },
  return: { from: ['active', 'extended'], to: 'returned', by: ['ministry_hr'] },
  end_early: { from: ['active', 'extended'], to: 'ended_early', by: ['ministry_hr'] },
  withdraw: { from: beforeActive, to: 'withdrawn', by: ['ministry_hr', 'company_hr'] },
} as const satisfies Record<string, Transition>;
export type CaseEvent = keyof typeof transitions;

export const terminalStates: readonly CaseState[] = ['returned', 'ended_early', 'withdrawn', 'rejected'];

/** Every state a case can move to from `from`, by any event. */
export function nextStates(from: CaseState): CaseState[] {
  const out = new Set<CaseState>();
  for (const t of Object.values(transitions)) if ((t.from as readonly CaseState[]).includes(from)) out.add(t.to);
  return [...out];
}

/** Facts the guards read, gathered by the service at the moment of the transition. */
export type GuardFacts = {
  today: string;
  plannedStart: string;
  plannedEnd: string;
  /** The criteria engine's verdict on fresh facts (submit, certify), counting NPA-approved exceptions. */
  criteria?: 'eligible' | 'ineligible' | 'needs_review';
  /** extend: the new end date and whether the NPA approved it. */
  newEnd?: string;
  npaApprovedExtension?: boolean;
  /** submit: whether the case names its person, and has its input-support sheet and draft agreement (取決め書(案)). */
  personNamed?: boolean;
  documents?: { sheet: boolean; agreementDraft: boolean };
  /** begin: whether the person is already in another active or extended case. */
  personInOtherActiveCase?: boolean;
};

export type Block = { code: string; message: { ja: string; en: string } };
export type Decision = { ok: true; to: CaseState } | { ok: false; blocks: Block[] };

const block = (code: string, ja: string, en: string): Block => ({ code, message: { ja, en } });

/** The day `months` calendar months before `date` (the month's last day when that day is missing). */
export function monthsBefore(date: string, months: number): string {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7) - months;
  const yy = y + Math.floor((m - 1) / 12);
  const mm = ((((m - 1) % 12) + 12) % 12) + 1;
  const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  const d = Math.min(+date.slice(8, 10), last);
  return `${String(yy).padStart(4, '0')}-${String(mm).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const criteriaBlock = (facts: GuardFacts, when: string): Block[] =>
  facts.criteria === undefined
    ? [block('criteria.not_checked', `${when}前に交流基準の判定が必要です。`, `The exchange criteria must be checked before ${when === '提出' ? 'submission' : 'certification'}.`)]
    : facts.criteria === 'ineligible'
      ? [block('criteria.ineligible', '交流基準に抵触しています（交流基準チェックの結果を確認してください）。', 'The exchange criteria bar this exchange (see the criteria check).')]
      : facts.criteria === 'needs_review'
        ? [block('criteria.needs_review', '交流基準の判定に未確定又は人事院の承認待ちの基準があります。', 'Some criteria are undecided or await NPA approval.')]
        : [];

/** Whether `role` may fire `event` on a case in `state`, and if not, every reason why. */
export function decide(state: CaseState, event: CaseEvent, role: CaseRole, facts: GuardFacts, params: ParameterSet): Decision {
  const t: Transition = transitions[event];
  const blocks: Block[] = [];
  if (!t.from.includes(state)) {
    blocks.push(block('workflow.not_allowed_from_state', 'この状態からはこの操作はできません。', 'This step is not possible from the case’s current state.'));
  }
  if (!t.by.includes(role)) {
    blocks.push(block('workflow.role_not_allowed', 'この操作を行う権限がありません。', 'Your role cannot take this step.'));
  }
  if (event === 'submit') {
    const lead = params.resolve<number>('submission.lead_months', facts.plannedStart).value;
    const deadline = monthsBefore(facts.plannedStart, lead);
    if (facts.today > deadline) {
      blocks.push(
        block(
          'workflow.submission_too_late',
          `提出は開始予定日の${lead}か月前（${deadline}）までに行う必要があります。`,
          `Submission is due ${lead} month(s) before the planned start (by ${deadline}).`,
        ),
      );
    }
    if (facts.personNamed === false) blocks.push(block('workflow.person_missing', '交流の対象となる職員・従業員を指定してください。', 'Name the person who will go on the exchange.'));
    if (facts.documents && !facts.documents.sheet) blocks.push(block('workflow.sheet_missing', '入力支援シートを登録してください。', 'Add the input-support sheet (入力支援シート).'));
    if (facts.documents && !facts.documents.agreementDraft) blocks.push(block('workflow.agreement_missing', '取決め書（案）を作成してください。', 'Create the draft agreement (取決め書(案)).'));
    blocks.push(...criteriaBlock(facts, '提出'));
  }
  if (event === 'certify') blocks.push(...criteriaBlock(facts, '認定'));
  if (event === 'extend') {
    const maxTotal = params.resolve<number>('duration.max_total_years', facts.plannedStart).value;
    const limit = periodEnd(facts.plannedStart, maxTotal);
    if (!facts.npaApprovedExtension) blocks.push(block('workflow.extension_not_approved', '延長には人事院の承認が必要です。', 'An extension needs NPA approval.'));
    if (!facts.newEnd || facts.newEnd <= facts.plannedEnd) blocks.push(block('workflow.extension_end', '延長後の終了日は現在の終了予定日より後にしてください。', 'The new end must be after the current planned end.'));
    else if (facts.newEnd > limit) blocks.push(block('workflow.extension_beyond_limit', `開始から${maxTotal}年（${limit}）を超えて延長することはできません。`, `No extension can go beyond ${maxTotal} years from the start (${limit}).`));
  }
  if (event === 'begin') {
    if (facts.personInOtherActiveCase) blocks.push(block('workflow.person_busy', 'この人は既に他の交流中の案件があります。', 'This person is already on another active exchange.'));
    if (toDays(facts.today) < toDays(facts.plannedStart)) blocks.push(block('workflow.before_start', `開始予定日（${facts.plannedStart}）より前には開始できません。`, `The exchange cannot begin before its planned start (${facts.plannedStart}).`));
  }
  return blocks.length ? { ok: false, blocks } : { ok: true, to: t.to };
}
