// Answering a survey (回答): which questions a respondent sees, and the checks on a draft and on
// submission. Pure: a definition, the respondent's attributes and an answer set in, values out.
//
// Decisions (docs/glossary.md, 「アンケート」):
// - Visibility is evaluated in order. A condition on an earlier answer reads that answer only if the
//   earlier question is itself visible; a hidden question counts as unanswered.
// - `anyOf` matches when the answer contains one of the option ids; `noneOf` needs an answer that
//   contains none of them (an unanswered question matches neither), so a follow-up such as
//   「消極的」「どちらともいえない」を選択した理由 is shown only to those who answered the main question.
// - Answers to hidden questions are DROPPED on submission (returned in `dropped`), not refused: a
//   respondent who changes 7 from 消極的 to 積極的 should not have to clear 7-2 by hand, and a stored
//   answer to a question the respondent did not see would inflate the question's n. A draft keeps
//   them, so switching back restores what was typed.
// - A draft is lenient: it refuses only what cannot be stored meaningfully (unknown questions, items
//   or options, wrong types, text over the limit, non-finite numbers). Required answers, "up to N",
//   exclusive options and number ranges are enforced on submission.
// - Empty answers ('' after trimming, [], {}) are "no answer" and are removed. Text is trimmed and its
//   length counted in characters (code points), so 全角 and 半角 count the same.
import type { RespondentAttributes, SurveyAnswerSet, SurveyAnswerValue, SurveyCondition, SurveyDefinition, SurveyQuestion } from '../../../../common/src/schemas/survey-definition.schema.ts';
import type { FieldIssue, Messages } from '../../platform/errors.ts';
import { allQuestions, optionsOf } from './definition.ts';

export type AnswerIssue = { question: string; item?: string; code: string; message: Messages };
export type AnswerMode = 'draft' | 'submit';
export type AnswerCheck = {
  ok: boolean;
  answers: SurveyAnswerSet; // cleaned: empty removed, text trimmed, hidden dropped (submit)
  visible: string[];
  dropped: string[];
  issues: AnswerIssue[];
};

const msg = {
  unknownQuestion: (): Messages => ({ ja: 'この設問はこのアンケートにありません。', en: 'This question is not in this survey.' }),
  wrongType: (): Messages => ({ ja: '回答の形式が正しくありません。', en: 'The answer has the wrong form.' }),
  required: (): Messages => ({ ja: 'この設問は回答が必須です。', en: 'This question must be answered.' }),
  requiredItems: (n: number): Messages => ({ ja: `未回答の項目が${n}件あります。すべての項目に回答してください。`, en: `${n} item(s) are unanswered. Please answer every item.` }),
  unknownOption: (): Messages => ({ ja: '選択肢が正しくありません。', en: 'This is not one of the options.' }),
  unknownItem: (): Messages => ({ ja: '項目が正しくありません。', en: 'This is not one of the items.' }),
  duplicateChoice: (): Messages => ({ ja: '同じ選択肢が重複しています。', en: 'An option is chosen twice.' }),
  tooMany: (max: number): Messages => ({ ja: `選択できるのは上位${max}つまでです。`, en: `Choose at most ${max}.` }),
  exclusive: (label: { ja: string; en: string }): Messages => ({
    ja: `「${label.ja}」は他の選択肢と同時に選べません。`,
    en: `"${label.en}" cannot be chosen together with other options.`,
  }),
  notNumber: (): Messages => ({ ja: '数値を入力してください。', en: 'Enter a number.' }),
  notInteger: (): Messages => ({ ja: '整数を入力してください。', en: 'Enter a whole number.' }),
  outOfRange: (min?: number, max?: number): Messages => ({
    ja: `${min ?? ''}〜${max ?? ''}の範囲で入力してください。`,
    en: `Enter a number ${min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `of at least ${min}` : `of at most ${max}`}.`,
  }),
  tooLong: (max: number, len: number): Messages => ({ ja: `${max}文字以内で入力してください（現在${len}文字）。`, en: `Use at most ${max} characters (now ${len}).` }),
};

// ---------- conditions and visibility ----------

const isEmpty = (v: SurveyAnswerValue | null | undefined): boolean =>
  v === null ||
  v === undefined ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);

function chosen(v: SurveyAnswerValue | null | undefined, item: string | undefined): string[] | number | null {
  if (isEmpty(v) || v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return item ? null : [v];
  if (Array.isArray(v)) return item ? null : v;
  if (!item) return null;
  const x = v[item];
  return x === undefined || x === '' ? null : [x];
}

export function evaluateCondition(c: SurveyCondition, attrs: RespondentAttributes, answers: SurveyAnswerSet, visible: ReadonlySet<string>): boolean {
  switch (c.kind) {
    case 'all':
      return c.conditions.every((x) => evaluateCondition(x, attrs, answers, visible));
    case 'any':
      return c.conditions.some((x) => evaluateCondition(x, attrs, answers, visible));
    case 'not':
      return !evaluateCondition(c.condition, attrs, answers, visible);
    case 'attribute': {
      const v = attrs[c.attribute];
      const present = v !== null && v !== undefined && v !== '';
      if (c.op === 'present') return present;
      const values = Array.isArray(c.value) ? c.value : [c.value];
      if (c.op === 'ne') return !present || v !== c.value;
      if (!present) return false;
      switch (c.op) {
        case 'eq':
          return v === c.value;
        case 'in':
          return values.includes(v);
        case 'onOrAfter':
          return typeof v === 'string' && typeof c.value === 'string' && v >= c.value;
        case 'before':
          return typeof v === 'string' && typeof c.value === 'string' && v < c.value;
        case 'gte':
          return typeof v === 'number' && typeof c.value === 'number' && v >= c.value;
        case 'lte':
          return typeof v === 'number' && typeof c.value === 'number' && v <= c.value;
      }
      return false;
    }
    case 'answer': {
      if (!visible.has(c.question)) return false;
      const got = chosen(answers[c.question], c.item);
      if (got === null) return false;
      switch (c.op) {
        case 'answered':
          return true;
        case 'gte':
          return typeof got === 'number' && c.value !== undefined && got >= c.value;
        case 'lte':
          return typeof got === 'number' && c.value !== undefined && got <= c.value;
        case 'anyOf':
          return Array.isArray(got) && got.some((g) => (c.values ?? []).includes(g));
        case 'noneOf':
          return Array.isArray(got) && !got.some((g) => (c.values ?? []).includes(g));
      }
    }
  }
}

/** The ids of the questions this respondent sees, in order. */
export function visibleQuestions(def: SurveyDefinition, attrs: RespondentAttributes, answers: SurveyAnswerSet): string[] {
  return [...visibleSet(allQuestions(def), attrs, answers)];
}

/** The same over a precomputed question list (aggregation calls it once per respondent). */
export function visibleSet(questions: readonly SurveyQuestion[], attrs: RespondentAttributes, answers: SurveyAnswerSet): Set<string> {
  const visible = new Set<string>();
  for (const q of questions) {
    if (!q.condition || evaluateCondition(q.condition, attrs, answers, visible)) visible.add(q.id);
  }
  return visible;
}

// ---------- checking answers ----------

export function checkAnswers(def: SurveyDefinition, attrs: RespondentAttributes, input: SurveyAnswerSet, mode: AnswerMode): AnswerCheck {
  const issues: AnswerIssue[] = [];
  const byId = new Map(allQuestions(def).map((q) => [q.id, q]));
  const cleaned: SurveyAnswerSet = {};
  for (const [id, raw] of Object.entries(input)) {
    const q = byId.get(id);
    if (!q) {
      issues.push({ question: id, code: 'survey.unknown_question', message: msg.unknownQuestion() });
      continue;
    }
    if (isEmpty(raw) || raw === null) continue;
    const value = checkValue(q, raw, mode, issues);
    if (value !== undefined) cleaned[id] = value;
  }
  // Visibility on the cleaned answers (an invalid answer does not open a branch).
  const visible = visibleQuestions(def, attrs, cleaned);
  const visibleSet = new Set(visible);
  const dropped: string[] = [];
  const answers: SurveyAnswerSet = {};
  for (const [id, v] of Object.entries(cleaned)) if (mode === 'draft' || visibleSet.has(id)) answers[id] = v;
  if (mode === 'submit') for (const [id, raw] of Object.entries(input)) if (byId.has(id) && !visibleSet.has(id) && !isEmpty(raw)) dropped.push(id);
  if (mode === 'submit') {
    for (const id of visible) {
      const q = byId.get(id)!;
      if (!q.required || issues.some((i) => i.question === id)) continue;
      const v = answers[id];
      if (v === undefined || v === null) issues.push({ question: id, code: 'survey.required', message: msg.required() });
      else if (q.type === 'matrix' && typeof v === 'object' && !Array.isArray(v)) {
        const missing = q.items.filter((it) => !v[it.id]);
        if (missing.length) issues.push({ question: id, item: missing[0]!.id, code: 'survey.required_items', message: msg.requiredItems(missing.length) });
      }
    }
  }
  // Issues of hidden questions do not block a submission: their answers are dropped anyway.
  const blocking = mode === 'submit' ? issues.filter((i) => visibleSet.has(i.question) || !byId.has(i.question)) : issues;
  return { ok: blocking.length === 0, answers: blocking.length ? {} : answers, visible, dropped, issues: blocking };
}

function checkValue(q: SurveyQuestion, v: SurveyAnswerValue, mode: AnswerMode, issues: AnswerIssue[]): SurveyAnswerValue | undefined {
  const add = (code: string, message: Messages, item?: string) => issues.push({ question: q.id, ...(item ? { item } : {}), code, message });
  const submit = mode === 'submit';
  switch (q.type) {
    case 'scale':
    case 'single':
    case 'best': {
      if (typeof v !== 'string') return add('survey.wrong_type', msg.wrongType()), undefined;
      if (!optionsOf(q).some((o) => o.id === v)) return add('survey.unknown_option', msg.unknownOption()), undefined;
      return v;
    }
    case 'multiple':
    case 'upTo': {
      if (!Array.isArray(v)) return add('survey.wrong_type', msg.wrongType()), undefined;
      const ids = new Set(q.options.map((o) => o.id));
      if (v.some((x) => !ids.has(x))) return add('survey.unknown_option', msg.unknownOption()), undefined;
      if (new Set(v).size !== v.length) return add('survey.duplicate_choice', msg.duplicateChoice()), undefined;
      if (submit && q.type === 'upTo' && v.length > q.max) return add('survey.too_many_choices', msg.tooMany(q.max)), undefined;
      const exclusive = q.options.find((o) => o.exclusive && v.includes(o.id));
      if (submit && exclusive && v.length > 1) return add('survey.exclusive_option', msg.exclusive(exclusive.label)), undefined;
      // Stored in the definition's order, so equal answers are equal values.
      return q.options.filter((o) => v.includes(o.id)).map((o) => o.id);
    }
    case 'matrix': {
      if (typeof v !== 'object' || Array.isArray(v)) return add('survey.wrong_type', msg.wrongType()), undefined;
      const options = new Set(optionsOf(q).map((o) => o.id));
      const out: Record<string, string> = {};
      let bad = false;
      for (const [item, val] of Object.entries(v)) {
        if (!q.items.some((i) => i.id === item)) {
          add('survey.unknown_item', msg.unknownItem(), item);
          bad = true;
        } else if (val === '') continue;
        else if (!options.has(val)) {
          add('survey.unknown_option', msg.unknownOption(), item);
          bad = true;
        } else out[item] = val;
      }
      if (bad) return undefined;
      // in the definition's item order
      const ordered: Record<string, string> = {};
      for (const it of q.items) if (out[it.id]) ordered[it.id] = out[it.id]!;
      return Object.keys(ordered).length ? ordered : undefined;
    }
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return add('survey.not_number', msg.notNumber()), undefined;
      if (submit && q.integer && !Number.isInteger(v)) return add('survey.not_integer', msg.notInteger()), undefined;
      if (submit && ((q.min !== undefined && v < q.min) || (q.max !== undefined && v > q.max))) return add('survey.out_of_range', msg.outOfRange(q.min, q.max)), undefined;
      return v;
    }
    case 'text': {
      if (typeof v !== 'string') return add('survey.wrong_type', msg.wrongType()), undefined;
      const t = v.trim();
      const len = [...t].length;
      if (len > q.maxLength) return add('survey.too_long', msg.tooLong(q.maxLength, len)), undefined;
      return t;
    }
  }
}

/** Issues as the platform's field issues (400 validation_failed): path answers.<question>[.<item>]. */
export function toFieldIssues(issues: readonly AnswerIssue[]): FieldIssue[] {
  return issues.map((i) => ({ path: `answers.${i.question}${i.item ? `.${i.item}` : ''}`, code: i.code, message: i.message }));
}
