// Checking a survey definition (設問定義の検証) beyond its shape: ids unique, conditions that refer
// to earlier questions, declared attributes and existing choices, sensible limits. Errors are values
// (path, code, ja/en message), never exceptions: a staff editor shows them all at once.
import {
  DONT_KNOW,
  SURVEY_SCALES,
  surveyDefinitionSchema,
  type SurveyCondition,
  type SurveyDefinition,
  type SurveyQuestion,
} from '../../../../common/src/schemas/survey-definition.schema.ts';
import type { Messages } from '../../platform/errors.ts';

export type DefinitionIssue = { path: string; code: string; message: Messages };

// ---------- helpers shared by answers.ts and results.ts ----------

export function allQuestions(def: SurveyDefinition): SurveyQuestion[] {
  return def.sections.flatMap((s) => s.questions);
}

export type OptionRef = { id: string; label: { ja: string; en: string } };

/** The answer options of a question: its own options, or its scale's (plus 分からない when offered). */
export function optionsOf(q: SurveyQuestion): OptionRef[] {
  if (q.type === 'scale' || q.type === 'matrix') {
    const scale = SURVEY_SCALES[q.scale].options.map((o) => ({ id: o.id, label: { ja: o.ja, en: o.en } }));
    return q.dontKnow ? [...scale, { id: DONT_KNOW.id, label: { ja: DONT_KNOW.ja, en: DONT_KNOW.en } }] : scale;
  }
  if ('options' in q) return q.options.map((o) => ({ id: o.id, label: o.label }));
  return [];
}

export function positiveOptionIds(q: SurveyQuestion): readonly string[] {
  return q.type === 'scale' || q.type === 'matrix' ? SURVEY_SCALES[q.scale].positive : [];
}

/** The questions a condition reads (answer conditions only). */
export function conditionQuestions(c: SurveyCondition): string[] {
  switch (c.kind) {
    case 'answer':
      return [c.question];
    case 'all':
    case 'any':
      return c.conditions.flatMap(conditionQuestions);
    case 'not':
      return conditionQuestions(c.condition);
    default:
      return [];
  }
}

// ---------- messages ----------

const m = {
  schema: (detail: string): Messages => ({ ja: `設問定義の形式に誤りがあります（${detail}）。`, en: `The definition is malformed (${detail}).` }),
  duplicateSection: (id: string): Messages => ({ ja: `セクションID「${id}」が重複しています。`, en: `Section id "${id}" is used twice.` }),
  duplicateQuestion: (id: string): Messages => ({ ja: `設問ID「${id}」が重複しています。`, en: `Question id "${id}" is used twice.` }),
  duplicateNumber: (no: string): Messages => ({ ja: `設問番号「${no}」が重複しています。`, en: `Question number "${no}" is used twice.` }),
  duplicateOption: (id: string): Messages => ({ ja: `選択肢ID「${id}」が重複しています。`, en: `Option id "${id}" is used twice.` }),
  duplicateOptionLabel: (label: string): Messages => ({ ja: `選択肢「${label}」が重複しています。`, en: `Option "${label}" appears twice.` }),
  duplicateItem: (id: string): Messages => ({ ja: `項目ID「${id}」が重複しています。`, en: `Item id "${id}" is used twice.` }),
  duplicateAttribute: (id: string): Messages => ({ ja: `属性「${id}」が重複しています。`, en: `Attribute "${id}" is declared twice.` }),
  enumWithoutOptions: (id: string): Messages => ({ ja: `属性「${id}」は選択式ですが選択肢がありません。`, en: `Attribute "${id}" is an enum without options.` }),
  unknownQuestion: (id: string): Messages => ({ ja: `条件が存在しない設問「${id}」を参照しています。`, en: `The condition refers to an unknown question "${id}".` }),
  forwardReference: (id: string): Messages => ({
    ja: `条件は前にある設問のみ参照できます（「${id}」は同じか後の設問です）。`,
    en: `A condition may only refer to an earlier question ("${id}" is this one or a later one).`,
  }),
  unknownOptionInCondition: (id: string, q: string): Messages => ({
    ja: `条件の選択肢「${id}」は設問「${q}」にありません。`,
    en: `Option "${id}" in the condition is not an option of question "${q}".`,
  }),
  unknownItemInCondition: (id: string, q: string): Messages => ({ ja: `条件の項目「${id}」は設問「${q}」にありません。`, en: `Item "${id}" in the condition is not an item of question "${q}".` }),
  itemRequired: (q: string): Messages => ({ ja: `マトリクス設問「${q}」を条件にするときは項目を指定してください。`, en: `A condition on matrix question "${q}" must name an item.` }),
  itemNotAllowed: (q: string): Messages => ({ ja: `設問「${q}」には項目がありません。`, en: `Question "${q}" has no items.` }),
  opNotForType: (op: string, t: string): Messages => ({ ja: `条件「${op}」は「${t}」に使えません。`, en: `Condition "${op}" cannot be used with "${t}".` }),
  valuesMissing: (op: string): Messages => ({ ja: `条件「${op}」に値がありません。`, en: `Condition "${op}" has no value.` }),
  unknownAttribute: (id: string): Messages => ({ ja: `条件が宣言されていない属性「${id}」を参照しています。`, en: `The condition refers to an undeclared attribute "${id}".` }),
  badAttributeValue: (id: string): Messages => ({ ja: `属性「${id}」の条件値が正しくありません。`, en: `The value tested on attribute "${id}" is not valid for it.` }),
  upToTooLarge: (max: number, n: number): Messages => ({
    ja: `「上位${max}つまで」は選択肢の数（${n}）より小さくしてください。`,
    en: `"Up to ${max}" must be fewer than the number of options (${n}).`,
  }),
  exclusiveNotAllowed: (): Messages => ({ ja: '排他的な選択肢は複数回答の設問にのみ使えます。', en: 'Exclusive options are only for multiple-choice questions.' }),
  minAboveMax: (): Messages => ({ ja: '最小値が最大値を超えています。', en: 'The minimum is above the maximum.' }),
  badSeedLines: (): Messages => ({ ja: '根拠資料の行番号の範囲が逆です。', en: 'The seed line range is reversed.' }),
  gapQuestion: (id: string): Messages => ({ ja: `認識差の設問「${id}」は選択式の設問ではありません。`, en: `Gap question "${id}" is not a choice question.` }),
  gapOption: (id: string): Messages => ({ ja: `認識差の選択肢「${id}」がありません。`, en: `Gap option "${id}" does not exist.` }),
  gapSurvey: (key: string): Messages => ({ ja: `認識差の相手のアンケート「${key}」が一致しません。`, en: `The gap's participant survey "${key}" does not match.` }),
};

// ---------- validation ----------

export type ParsedDefinition = { ok: true; definition: SurveyDefinition } | { ok: false; issues: DefinitionIssue[] };

/** Parses (zod) and checks a definition. */
export function parseDefinition(input: unknown): ParsedDefinition {
  const parsed = surveyDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: 'survey.schema', message: m.schema(`${i.path.join('.')}: ${i.message}`) })),
    };
  }
  const issues = validateDefinition(parsed.data);
  return issues.length ? { ok: false, issues } : { ok: true, definition: parsed.data };
}

export function validateDefinition(def: SurveyDefinition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  const add = (path: string, code: string, message: Messages) => issues.push({ path, code, message });

  const attributes = new Map<string, SurveyDefinition['attributes'][number]>();
  def.attributes.forEach((a, i) => {
    if (attributes.has(a.id)) add(`attributes.${i}.id`, 'survey.duplicate_attribute', m.duplicateAttribute(a.id));
    attributes.set(a.id, a);
    if (a.type === 'enum' && !a.options?.length) add(`attributes.${i}.options`, 'survey.enum_without_options', m.enumWithoutOptions(a.id));
  });

  const sectionIds = new Set<string>();
  const position = new Map<string, number>(); // question id → order
  const questions = new Map<string, SurveyQuestion>();
  const numbers = new Set<string>();
  let order = 0;
  def.sections.forEach((s, si) => {
    if (sectionIds.has(s.id)) add(`sections.${si}.id`, 'survey.duplicate_section', m.duplicateSection(s.id));
    sectionIds.add(s.id);
    s.questions.forEach((q, qi) => {
      const path = `sections.${si}.questions.${qi}`;
      if (questions.has(q.id)) add(`${path}.id`, 'survey.duplicate_question', m.duplicateQuestion(q.id));
      else {
        questions.set(q.id, q);
        position.set(q.id, order++);
      }
      if (q.no !== undefined) {
        const key = `${q.no}${q.part ? `-${q.part}` : ''}`;
        if (numbers.has(key)) add(`${path}.no`, 'survey.duplicate_number', m.duplicateNumber(key));
        numbers.add(key);
      }
      if (q.seedLines && q.seedLines[0] > q.seedLines[1]) add(`${path}.seedLines`, 'survey.seed_lines', m.badSeedLines());
      checkQuestion(q, path, add);
    });
  });

  // Conditions: evaluated after all ids are known, so a forward reference is named as such.
  def.sections.forEach((s, si) =>
    s.questions.forEach((q, qi) => {
      if (!q.condition) return;
      const self = position.get(q.id) ?? -1;
      checkCondition(q.condition, `sections.${si}.questions.${qi}.condition`, self, questions, position, attributes, add);
    }),
  );

  def.gaps.forEach((g, gi) => {
    const q = questions.get(g.organisationQuestion);
    const path = `gaps.${gi}`;
    if (!q || !('options' in q)) {
      add(`${path}.organisationQuestion`, 'survey.gap_question', m.gapQuestion(g.organisationQuestion));
      return;
    }
    const ids = new Set(q.options.map((o) => o.id));
    g.pairs.forEach((p, pi) => {
      if (!ids.has(p.organisationOption)) add(`${path}.pairs.${pi}.organisationOption`, 'survey.gap_option', m.gapOption(p.organisationOption));
    });
    if (g.seedLines && g.seedLines[0] > g.seedLines[1]) add(`${path}.seedLines`, 'survey.seed_lines', m.badSeedLines());
  });
  return issues;
}

/** The participant side of a definition's gaps, checked against the participant definition. */
export function validateGapParticipantSide(org: SurveyDefinition, participant: SurveyDefinition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  org.gaps.forEach((g, gi) => {
    if (g.participantSurvey !== participant.key) {
      issues.push({ path: `gaps.${gi}.participantSurvey`, code: 'survey.gap_survey', message: m.gapSurvey(g.participantSurvey) });
      return;
    }
    const q = allQuestions(participant).find((x) => x.id === g.participantQuestion);
    if (!q || !('options' in q)) {
      issues.push({ path: `gaps.${gi}.participantQuestion`, code: 'survey.gap_question', message: m.gapQuestion(g.participantQuestion) });
      return;
    }
    const ids = new Set(q.options.map((o) => o.id));
    g.pairs.forEach((p, pi) => {
      if (!ids.has(p.participantOption)) issues.push({ path: `gaps.${gi}.pairs.${pi}.participantOption`, code: 'survey.gap_option', message: m.gapOption(p.participantOption) });
    });
  });
  return issues;
}

type Add = (path: string, code: string, message: Messages) => void;

function checkQuestion(q: SurveyQuestion, path: string, add: Add) {
  if ('options' in q) {
    const ids = new Set<string>();
    const labels = new Set<string>();
    q.options.forEach((o, oi) => {
      if (ids.has(o.id)) add(`${path}.options.${oi}.id`, 'survey.duplicate_option', m.duplicateOption(o.id));
      ids.add(o.id);
      if (labels.has(o.label.ja)) add(`${path}.options.${oi}.label`, 'survey.duplicate_option_label', m.duplicateOptionLabel(o.label.ja));
      labels.add(o.label.ja);
      if (o.exclusive && q.type !== 'multiple' && q.type !== 'upTo') add(`${path}.options.${oi}.exclusive`, 'survey.exclusive_not_allowed', m.exclusiveNotAllowed());
    });
    if (q.type === 'upTo' && q.max >= q.options.length) add(`${path}.max`, 'survey.up_to_too_large', m.upToTooLarge(q.max, q.options.length));
  }
  if (q.type === 'matrix') {
    const ids = new Set<string>();
    q.items.forEach((it, ii) => {
      if (ids.has(it.id)) add(`${path}.items.${ii}.id`, 'survey.duplicate_item', m.duplicateItem(it.id));
      ids.add(it.id);
    });
  }
  if (q.type === 'number' && q.min !== undefined && q.max !== undefined && q.min > q.max) add(`${path}.min`, 'survey.min_above_max', m.minAboveMax());
}

function checkCondition(
  c: SurveyCondition,
  path: string,
  self: number,
  questions: Map<string, SurveyQuestion>,
  position: Map<string, number>,
  attributes: Map<string, SurveyDefinition['attributes'][number]>,
  add: Add,
) {
  switch (c.kind) {
    case 'all':
    case 'any':
      c.conditions.forEach((x, i) => checkCondition(x, `${path}.conditions.${i}`, self, questions, position, attributes, add));
      return;
    case 'not':
      checkCondition(c.condition, `${path}.condition`, self, questions, position, attributes, add);
      return;
    case 'attribute': {
      const a = attributes.get(c.attribute);
      if (!a) {
        add(`${path}.attribute`, 'survey.unknown_attribute', m.unknownAttribute(c.attribute));
        return;
      }
      const allowed: Record<typeof a.type, string[]> = {
        date: ['onOrAfter', 'before', 'present'],
        number: ['gte', 'lte', 'eq', 'ne', 'present'],
        enum: ['eq', 'ne', 'in', 'present'],
        boolean: ['eq', 'ne', 'present'],
      };
      if (!allowed[a.type].includes(c.op)) {
        add(`${path}.op`, 'survey.op_not_for_type', m.opNotForType(c.op, a.type));
        return;
      }
      if (c.op === 'present') return;
      const values = Array.isArray(c.value) ? c.value : c.value === undefined ? [] : [c.value];
      if (!values.length) {
        add(`${path}.value`, 'survey.condition_value_missing', m.valuesMissing(c.op));
        return;
      }
      if (c.op !== 'in' && Array.isArray(c.value)) add(`${path}.value`, 'survey.attribute_value', m.badAttributeValue(a.id));
      const ok = values.every((v) =>
        a.type === 'date'
          ? typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
          : a.type === 'number'
            ? typeof v === 'number'
            : a.type === 'boolean'
              ? typeof v === 'boolean'
              : typeof v === 'string' && (a.options ?? []).some((o) => o.id === v),
      );
      if (!ok) add(`${path}.value`, 'survey.attribute_value', m.badAttributeValue(a.id));
      return;
    }
    case 'answer': {
      const q = questions.get(c.question);
      if (!q) {
        add(`${path}.question`, 'survey.condition_unknown_question', m.unknownQuestion(c.question));
        return;
      }
      if ((position.get(c.question) ?? Infinity) >= self) {
        add(`${path}.question`, 'survey.condition_forward_reference', m.forwardReference(c.question));
        return;
      }
      if (q.type === 'matrix') {
        if (!c.item) add(`${path}.item`, 'survey.condition_item_required', m.itemRequired(q.id));
        else if (!q.items.some((i) => i.id === c.item)) add(`${path}.item`, 'survey.condition_unknown_item', m.unknownItemInCondition(c.item, q.id));
      } else if (c.item) add(`${path}.item`, 'survey.condition_item_not_allowed', m.itemNotAllowed(q.id));
      if (c.op === 'gte' || c.op === 'lte') {
        if (q.type !== 'number') add(`${path}.op`, 'survey.op_not_for_type', m.opNotForType(c.op, q.type));
        else if (c.value === undefined) add(`${path}.value`, 'survey.condition_value_missing', m.valuesMissing(c.op));
        return;
      }
      if (c.op === 'anyOf' || c.op === 'noneOf') {
        if (q.type === 'number' || q.type === 'text') {
          add(`${path}.op`, 'survey.op_not_for_type', m.opNotForType(c.op, q.type));
          return;
        }
        if (!c.values?.length) {
          add(`${path}.values`, 'survey.condition_value_missing', m.valuesMissing(c.op));
          return;
        }
        const ids = new Set(optionsOf(q).map((o) => o.id));
        c.values.forEach((v, vi) => {
          if (!ids.has(v)) add(`${path}.values.${vi}`, 'survey.condition_unknown_option', m.unknownOptionInCondition(v, q.id));
        });
      }
      return;
    }
  }
}
