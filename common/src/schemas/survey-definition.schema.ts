// Survey definitions (アンケートの設問定義): versioned questionnaires sent to ministries' HR
// (各府省等アンケート, seed 004_59616ef0e66ec30f.txt: 17 questions to 49 organisations, 2023) and to
// the people who took part (交流採用者・交流派遣者に対するアンケート, seed 001 lines 775-790, seed 004
// lines 716-724: n=552). A definition is data: sections, questions of a few types, conditions, labels
// in ja and en. The cross-checks that zod cannot express (unique ids, conditions pointing to earlier
// questions, choices that exist) are in server/src/modules/surveys/definition.ts.
import { z } from 'zod';
import { isoDate } from './common.schema.ts';

export const surveyLabelSchema = z.strictObject({ ja: z.string().trim().min(1), en: z.string().trim().min(1) });
export type SurveyLabel = z.infer<typeof surveyLabelSchema>;

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9_]*$/, { message: 'survey.id_format' }).max(64);

// 評価尺度: the response scales, as data. The seed's 5-point agreement scale (seed 004 lines 86-94,
// 117-127; seed 001 lines 747-751) with the optional 分からない (seed 004 line 117, question 3).
// 満足度 (satisfaction): seed 001 lines 905, 926 report 「約8割が満足」 but not the scale's wording:
// the five labels below are reconstructed and marked so.
export const SURVEY_SCALES = {
  agreement: {
    source: 'seed 004 lines 86-94, 117-127; seed 001 lines 747-751',
    reconstructed: false,
    options: [
      { id: 'strongly_agree', ja: 'よく当てはまる', en: 'Applies very well' },
      { id: 'somewhat_agree', ja: 'やや当てはまる', en: 'Applies somewhat' },
      { id: 'neutral', ja: 'どちらともいえない', en: 'Neither' },
      { id: 'somewhat_disagree', ja: 'あまり当てはまらない', en: 'Does not apply much' },
      { id: 'disagree', ja: '当てはまらない', en: 'Does not apply' },
    ],
    // 肯定的な回答 = よく当てはまる + やや当てはまる (the seed's headlines "9割超が肯定的な回答").
    positive: ['strongly_agree', 'somewhat_agree'],
  },
  satisfaction: {
    source: 'seed 001 lines 905, 926 (「約8割が満足」「約9割が満足」); labels reconstructed',
    reconstructed: true,
    options: [
      { id: 'satisfied', ja: '満足', en: 'Satisfied' },
      { id: 'somewhat_satisfied', ja: 'やや満足', en: 'Somewhat satisfied' },
      { id: 'neutral', ja: 'どちらともいえない', en: 'Neither' },
      { id: 'somewhat_dissatisfied', ja: 'やや不満', en: 'Somewhat dissatisfied' },
      { id: 'dissatisfied', ja: '不満', en: 'Dissatisfied' },
    ],
    positive: ['satisfied', 'somewhat_satisfied'],
  },
} as const;
export type SurveyScaleId = keyof typeof SURVEY_SCALES;
export const surveyScaleIdSchema = z.enum(Object.keys(SURVEY_SCALES) as [SurveyScaleId, ...SurveyScaleId[]], { message: 'survey.scale_unknown' });
// 分からない: offered after the scale when a question says so (seed 004 lines 113-117).
export const DONT_KNOW = { id: 'dont_know', ja: '分からない', en: "Don't know" } as const;

// Respondent attributes (回答者の属性) a definition may use in conditions: declared with a type, so
// a condition can be checked when the definition is saved. Values come from the round (exchange
// records, organisation master) or the respondent's own declaration.
export const surveyAttributeSchema = z.strictObject({
  id: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, { message: 'survey.attribute_format' }).max(64),
  type: z.enum(['date', 'enum', 'boolean', 'number']),
  label: surveyLabelSchema,
  options: z.array(z.strictObject({ id: idSchema, label: surveyLabelSchema })).min(1).optional(),
});
export type SurveyAttribute = z.infer<typeof surveyAttributeSchema>;
export type RespondentAttributes = Record<string, string | number | boolean | null | undefined>;

// 表示条件: show a question only when …
export type SurveyCondition =
  | {
      kind: 'attribute';
      attribute: string;
      // onOrAfter / before: dates (ISO); gte / lte: numbers; eq / ne / in: enum, boolean; present: any.
      op: 'eq' | 'ne' | 'in' | 'onOrAfter' | 'before' | 'gte' | 'lte' | 'present';
      value?: string | number | boolean | (string | number | boolean)[] | undefined;
    }
  | {
      kind: 'answer';
      question: string;
      item?: string | undefined; // matrix questions: the item whose answer is tested
      // anyOf / noneOf: chosen option ids (a multiple choice matches anyOf when it contains one of them);
      // answered: any answer; gte / lte: number answers.
      op: 'anyOf' | 'noneOf' | 'answered' | 'gte' | 'lte';
      values?: string[] | undefined;
      value?: number | undefined;
    }
  | { kind: 'all'; conditions: SurveyCondition[] }
  | { kind: 'any'; conditions: SurveyCondition[] }
  | { kind: 'not'; condition: SurveyCondition };

const scalar = z.union([z.string(), z.number(), z.boolean()]);
export const surveyConditionSchema: z.ZodType<SurveyCondition> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('attribute'),
      attribute: z.string().min(1),
      op: z.enum(['eq', 'ne', 'in', 'onOrAfter', 'before', 'gte', 'lte', 'present']),
      value: z.union([scalar, z.array(scalar).min(1)]).optional(),
    }),
    z.strictObject({
      kind: z.literal('answer'),
      question: z.string().min(1),
      item: z.string().min(1).optional(),
      op: z.enum(['anyOf', 'noneOf', 'answered', 'gte', 'lte']),
      values: z.array(z.string().min(1)).min(1).optional(),
      value: z.number().optional(),
    }),
    z.strictObject({ kind: z.literal('all'), conditions: z.array(surveyConditionSchema).min(1) }),
    z.strictObject({ kind: z.literal('any'), conditions: z.array(surveyConditionSchema).min(1) }),
    z.strictObject({ kind: z.literal('not'), condition: surveyConditionSchema }),
  ]),
);

// Provenance of a template's wording: the seed's line numbers, and whether the extracted text lost
// the wording so that it was reconstructed from chart text (with a note saying how).
const provenance = {
  reconstructed: z.boolean().optional(),
  note: z.string().min(1).optional(),
};

export const surveyOptionSchema = z.strictObject({
  id: idSchema,
  label: surveyLabelSchema,
  // 特になし・分からない等: cannot be chosen together with another option.
  exclusive: z.boolean().optional(),
  ...provenance,
});
export type SurveyOption = z.infer<typeof surveyOptionSchema>;

export const surveyItemSchema = z.strictObject({ id: idSchema, label: surveyLabelSchema, ...provenance });
export type SurveyItem = z.infer<typeof surveyItemSchema>;

const questionBase = {
  id: idSchema,
  // 設問番号 in the published results (seed 004 lines 17-36); part distinguishes 7 and its follow-up 7-2.
  no: z.number().int().positive().optional(),
  part: z.string().regex(/^[a-z0-9-]+$/).max(8).optional(),
  title: surveyLabelSchema, // the short heading of the published chart (e.g. 制度を活用している理由)
  prompt: surveyLabelSchema, // the question as asked
  required: z.boolean().default(true),
  condition: surveyConditionSchema.optional(),
  seedLines: z.tuple([z.number().int().positive(), z.number().int().positive()]).optional(),
  ...provenance,
};

const choiceOptions = z.array(surveyOptionSchema).min(2).max(60);

export const surveyQuestionSchema = z.discriminatedUnion('type', [
  // 一つの文に対する尺度 (a single statement on a scale)
  z.strictObject({ ...questionBase, type: z.literal('scale'), scale: surveyScaleIdSchema.default('agreement'), dontKnow: z.boolean().default(false) }),
  // マトリクス: several items on one scale (the seed's stacked 100% bars)
  z.strictObject({
    ...questionBase,
    type: z.literal('matrix'),
    scale: surveyScaleIdSchema.default('agreement'),
    dontKnow: z.boolean().default(false),
    items: z.array(surveyItemSchema).min(1).max(60),
  }),
  // 単一回答
  z.strictObject({ ...questionBase, type: z.literal('single'), options: choiceOptions }),
  // 複数回答可
  z.strictObject({ ...questionBase, type: z.literal('multiple'), options: choiceOptions }),
  // 上位Nつまで回答可 (e.g. 上位３つまで, seed 004 lines 720-722, 925)
  z.strictObject({ ...questionBase, type: z.literal('upTo'), max: z.number().int().min(1).max(20), options: choiceOptions }),
  // 上位１つを回答 (seed 004 line 924): one option, ranked first among several that may apply
  z.strictObject({ ...questionBase, type: z.literal('best'), options: choiceOptions }),
  // 数値
  z.strictObject({
    ...questionBase,
    type: z.literal('number'),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().default(true),
    unit: surveyLabelSchema.optional(),
  }),
  // 自由記述
  z.strictObject({ ...questionBase, type: z.literal('text'), maxLength: z.number().int().min(1).max(20_000).default(2000), multiline: z.boolean().default(true) }),
]);
export type SurveyQuestion = z.infer<typeof surveyQuestionSchema>;
export type SurveyQuestionType = SurveyQuestion['type'];
export type ChoiceQuestion = Extract<SurveyQuestion, { options: unknown }>;
export type ScaleQuestion = Extract<SurveyQuestion, { type: 'scale' | 'matrix' }>;

export const surveySectionSchema = z.strictObject({
  id: idSchema,
  title: surveyLabelSchema,
  description: surveyLabelSchema.optional(),
  questions: z.array(surveyQuestionSchema).min(1).max(200),
});
export type SurveySection = z.infer<typeof surveySectionSchema>;

// 認識差 (gap analysis, seed 004 question 14, lines 696-801): an organisation-side question's options
// put beside a participant-side question's options, pair by pair.
export const surveyGapSchema = z.strictObject({
  id: idSchema,
  no: z.number().int().positive().optional(),
  section: idSchema.optional(), // the section whose numbering it belongs to (question 14 is in 交流採用)
  title: surveyLabelSchema,
  organisationQuestion: idSchema,
  participantSurvey: idSchema, // the participant definition's key
  participantQuestion: idSchema,
  pairs: z
    .array(z.strictObject({ organisationOption: idSchema, participantOption: idSchema, ...provenance }))
    .min(1),
  seedLines: z.tuple([z.number().int().positive(), z.number().int().positive()]).optional(),
  ...provenance,
});
export type SurveyGap = z.infer<typeof surveyGapSchema>;

export const surveyDefinitionSchema = z.strictObject({
  key: idSchema, // stable across versions, e.g. ministry_survey
  version: z.number().int().positive(),
  title: surveyLabelSchema,
  description: surveyLabelSchema.optional(),
  audience: z.enum(['organisation', 'participant']),
  source: z.strictObject({ seed: z.string().min(1), lines: z.tuple([z.number().int().positive(), z.number().int().positive()]).optional(), note: z.string().optional() }).optional(),
  fieldedFrom: isoDate.optional(), // 実施期間 (seed 004 line 9: 令和5年11月8日～12月21日)
  fieldedTo: isoDate.optional(),
  attributes: z.array(surveyAttributeSchema).max(50).default([]),
  sections: z.array(surveySectionSchema).min(1).max(50),
  gaps: z.array(surveyGapSchema).max(20).default([]),
});
export type SurveyDefinition = z.infer<typeof surveyDefinitionSchema>;
export type SurveyDefinitionInput = z.input<typeof surveyDefinitionSchema>;

// Answers: one value per question id.
//   scale, single, best: an option id; multiple, upTo: option ids; matrix: item id → option id;
//   number: a number; text: a string.
export const surveyAnswerValueSchema = z.union([
  z.string().max(20_000),
  z.number(),
  z.array(z.string().max(64)).max(60),
  z.record(z.string().max(64), z.string().max(64)),
]);
export type SurveyAnswerValue = z.infer<typeof surveyAnswerValueSchema>;
export const surveyAnswerSetSchema = z.record(z.string().max(64), surveyAnswerValueSchema.nullable());
export type SurveyAnswerSet = z.infer<typeof surveyAnswerSetSchema>;
