// Surveys API (アンケート, issue 7): request and response shapes of /api/surveys/*.
// The contract the web pages code against: additive changes only.
//
// Routes (permission in brackets; NPA = surveys:manage / surveys:results, respondents = surveys:answer)
//
//   Definitions (設問定義: templates shipped as data files, or imported JSON)
//   GET    /api/surveys/definitions                         [surveys:manage]  → surveyDefinitionListSchema
//   GET    /api/surveys/definitions/:key/:version           [surveys:manage]  → surveyDefinitionDetailSchema (preview)
//   POST   /api/surveys/definitions                         [surveys:manage]  body: a definition JSON → 201 surveyDefinitionDetailSchema
//                                                           (400 validation_failed with per-path ja/en issues; 409 when key+version exists)
//   Rounds (実施回)
//   GET    /api/surveys/rounds                              [surveys:manage]  → surveyRoundListSchema
//   POST   /api/surveys/rounds                              [surveys:manage]  body surveyRoundInputSchema → 201 surveyRoundSchema
//   GET    /api/surveys/rounds/:id                          [surveys:manage]  → surveyRoundSchema
//   PATCH  /api/surveys/rounds/:id                          [surveys:manage]  body surveyRoundPatchSchema (draft, or dates while open) → surveyRoundSchema
//   POST   /api/surveys/rounds/:id/open                     [surveys:manage]  body surveyRoundActionSchema → surveyRoundSchema (422 without targets)
//   POST   /api/surveys/rounds/:id/close                    [surveys:manage]  body surveyRoundActionSchema → surveyRoundSchema
//   GET    /api/surveys/rounds/:id/targets                  [surveys:manage]  → surveyTargetListSchema (who was asked, who has answered)
//   POST   /api/surveys/rounds/:id/targets                  [surveys:manage]  body surveyTargetsInputSchema → surveyTargetsAddedSchema
//   DELETE /api/surveys/rounds/:id/targets/:targetId        [surveys:manage]  (draft rounds only) → 204
//   Results (集計; anonymous rounds suppress n below minN)
//   GET    /api/surveys/rounds/:id/results                  [surveys:results] query surveyResultsQuerySchema → surveyResultsResponseSchema
//   GET    /api/surveys/rounds/:id/results.csv              [surveys:results] same query → text/csv (BOM, one row per question×item×option)
//   GET    /api/surveys/rounds/:id/results.xlsx             [surveys:results] same query → xlsx (sheet 「集計」, same rows as the CSV)
//   GET    /api/surveys/rounds/:id/report.pdf               [surveys:results] query + lang → application/pdf (charts per question)
//   GET    /api/surveys/rounds/:id/gaps                     [surveys:results] query surveyGapQuerySchema → surveyGapResponseSchema
//   GET    /api/surveys/rounds/:id/answers.csv|.xlsx        [surveys:manage]  raw answers, identified rounds only (422 anonymous), audited
//   Answering (回答: the respondent's own open surveys)
//   GET    /api/surveys/my                                  [surveys:answer]  → mySurveyListSchema
//   GET    /api/surveys/my/:targetId                        [surveys:answer]  → mySurveyFormSchema (definition, attributes, draft, visible)
//   PUT    /api/surveys/my/:targetId/draft                  [surveys:answer]  body surveyAnswersInputSchema → surveyDraftSavedSchema
//   POST   /api/surveys/my/:targetId/submit                 [surveys:answer]  body surveyAnswersInputSchema → surveySubmittedSchema
//          400 validation_failed: error.fields = [{ path: 'answers.<question>[.<item>]', code, message: {ja,en} }], nothing stored
//          409 survey_already_submitted; 422 survey_closed / survey_not_open (clear ja/en message), nothing stored
//
// Respondents: a "target" is one respondent of one round — an organisation (its HR), an HR line
// (org unit) of an organisation, or a person (participant). Ministry HR accounts answer for their
// organisation's targets; participant accounts for their own person target.
import { z } from 'zod';
import { isoDate } from './common.schema.ts';
import { surveyAnswerSetSchema, type SurveyDefinition } from './survey-definition.schema.ts';

const recordId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const label = z.object({ ja: z.string(), en: z.string() });
const reqText = (max: number) => z.string().trim().min(1, { message: 'text.required' }).max(max);

export const surveyAudienceSchema = z.enum(['organisation', 'participant']); // 府省等 | 交流採用者・交流派遣者
export type SurveyAudience = z.infer<typeof surveyAudienceSchema>;
export const surveyRoundStateSchema = z.enum(['draft', 'open', 'closed']); // 準備中・実施中・終了
export type SurveyRoundState = z.infer<typeof surveyRoundStateSchema>;

/** A stored definition is returned as JSON (shape: survey-definition.schema.ts, already validated). */
export const surveyDefinitionJsonSchema = z.record(z.string(), z.unknown()) as unknown as z.ZodType<SurveyDefinition>;

// ---------------------------------------------------------------- definitions

export const surveyDefinitionParamsSchema = z.strictObject({ key: z.string().regex(/^[a-z0-9][a-z0-9_]*$/).max(64), version: z.coerce.number().int().positive().max(100_000) });

export const surveyDefinitionSummarySchema = z.object({
  id: z.number().int(),
  key: z.string(),
  version: z.number().int(),
  title: label,
  audience: surveyAudienceSchema,
  /** The data file it came from (templates/…json), or null when imported through the API. */
  template: z.string().nullable(),
  questionCount: z.number().int(),
  /** Set once a round using it opens: a frozen definition is never changed (a new version is made). */
  frozenAt: z.string().nullable(),
  createdAt: z.string(),
});
export type SurveyDefinitionSummary = z.infer<typeof surveyDefinitionSummarySchema>;
export const surveyDefinitionListSchema = z.object({ items: z.array(surveyDefinitionSummarySchema) });

export const surveyDefinitionDetailSchema = surveyDefinitionSummarySchema.extend({ definition: surveyDefinitionJsonSchema });
export type SurveyDefinitionDetail = z.infer<typeof surveyDefinitionDetailSchema>;

/** POST /api/surveys/definitions: the definition JSON itself (checked by parseDefinition). */
export const surveyDefinitionInputSchema = z.record(z.string(), z.unknown());

// ---------------------------------------------------------------- rounds

export const surveyRoundParamsSchema = z.strictObject({ id: recordId });
export const surveyTargetParamsSchema = z.strictObject({ id: recordId, targetId: recordId });

export const surveyRoundInputSchema = z
  .strictObject({
    definitionKey: z.string().regex(/^[a-z0-9][a-z0-9_]*$/).max(64),
    definitionVersion: z.number().int().positive().max(100_000), // as in surveyDefinitionParamsSchema (an integer column)
    title: z.strictObject({ ja: reqText(200), en: reqText(200) }),
    opensOn: isoDate,
    closesOn: isoDate,
    /** 無記名: no link from an answer to its respondent is stored; results with n < minN are hidden. */
    anonymous: z.boolean().default(false),
    /** Small-n threshold (anonymous rounds; ignored for identified ones). */
    minN: z.number().int().min(1).max(1000).default(5),
    /** Reminder e-mails go this many days before closing (and on the last day). */
    remindDaysBefore: z.number().int().min(0).max(60).default(7),
  })
  .refine((r) => r.opensOn <= r.closesOn, { message: 'survey.closes_before_opens', path: ['closesOn'] });
export type SurveyRoundInput = z.infer<typeof surveyRoundInputSchema>;

export const surveyRoundPatchSchema = z.strictObject({
  title: z.strictObject({ ja: reqText(200), en: reqText(200) }).optional(),
  opensOn: isoDate.optional(),
  closesOn: isoDate.optional(), // may be extended while open
  anonymous: z.boolean().optional(), // draft only
  minN: z.number().int().min(1).max(1000).optional(), // draft only
  remindDaysBefore: z.number().int().min(0).max(60).optional(),
  version: z.number().int().min(1).optional(),
});
export type SurveyRoundPatch = z.infer<typeof surveyRoundPatchSchema>;

/** The version last read: a change made meanwhile makes the request a 409. */
export const surveyRoundActionSchema = z.strictObject({ version: z.number().int().min(1).optional() });

export const surveyRoundSchema = z.object({
  id: z.number().int(),
  definition: z.object({ id: z.number().int(), key: z.string(), version: z.number().int(), title: label }),
  title: label,
  audience: surveyAudienceSchema,
  opensOn: z.string(),
  closesOn: z.string(),
  anonymous: z.boolean(),
  minN: z.number().int(),
  remindDaysBefore: z.number().int(),
  /** Stored state; `acceptingAnswers` = open and today within opensOn…closesOn. */
  state: surveyRoundStateSchema,
  acceptingAnswers: z.boolean(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  targets: z.number().int(),
  submitted: z.number().int(),
  /** submitted / targets (0 without targets). */
  responseRate: z.number(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type SurveyRound = z.infer<typeof surveyRoundSchema>;
export const surveyRoundListSchema = z.object({ items: z.array(surveyRoundSchema) });

// ---------------------------------------------------------------- targets (配布先)

export const surveyTargetKindSchema = z.enum(['organisation', 'org_unit', 'person']);
export type SurveyTargetKind = z.infer<typeof surveyTargetKindSchema>;

export const surveyTargetsInputSchema = z
  .strictObject({
    /** Organisation rounds: whole organisations (their HR answers once) … */
    organisationIds: z.array(recordId).max(500).default([]),
    /** … or HR lines (人事担当の系統) where a ministry answers separately per unit. */
    orgUnitIds: z.array(recordId).max(2000).default([]),
    /** Organisation rounds: every organisation (府省等 and, with includeAgencies, 行政執行法人). */
    allOrganisations: z.boolean().default(false),
    includeAgencies: z.boolean().default(true),
    /** Participant rounds: people chosen by id … */
    personIds: z.array(recordId).max(10_000).default([]),
    /** … and/or from exchange records: those whose exchange ended (returned) in the last N years (as of the round's opening date). */
    returnedWithinYears: z.number().int().min(1).max(30).optional(),
    /** With returnedWithinYears: only one direction (交流採用 hire / 交流派遣 dispatch). */
    direction: z.enum(['hire', 'dispatch']).optional(),
  })
  .refine((t) => t.organisationIds.length + t.orgUnitIds.length + t.personIds.length > 0 || t.allOrganisations || t.returnedWithinYears !== undefined, {
    message: 'survey.targets_empty',
    path: ['organisationIds'],
  });
export type SurveyTargetsInput = z.infer<typeof surveyTargetsInputSchema>;

export const surveyTargetsAddedSchema = z.object({ added: z.number().int(), alreadyTargeted: z.number().int(), total: z.number().int() });

export const surveyTargetSchema = z.object({
  id: z.number().int(),
  kind: surveyTargetKindSchema,
  /** Organisation (and unit) or person's name. */
  name: label,
  organisationId: z.number().int().nullable(),
  orgUnitId: z.number().int().nullable(),
  personId: z.number().int().nullable(),
  /** Respondent attributes used by conditions and filters (organisationType, lastDispatchOn, lastHireOn, direction). */
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** 回答済み — in anonymous rounds the only thing known about a respondent. */
  submitted: z.boolean(),
  hasDraft: z.boolean(),
  lastRemindedOn: z.string().nullable(),
});
export type SurveyTarget = z.infer<typeof surveyTargetSchema>;
export const surveyTargetListSchema = z.object({ items: z.array(surveyTargetSchema) });

// ---------------------------------------------------------------- results (集計)

export const surveyResultsQuerySchema = z.strictObject({
  /** Filters on respondent attributes: 府省 / 行政執行法人 (organisation rounds) … */
  organisationType: z.enum(['ministry', 'executive_agency']).optional(),
  /** … 交流採用 / 交流派遣 (participant rounds). */
  direction: z.enum(['hire', 'dispatch']).optional(),
  /** Compare with an earlier round of the same definition key: adds `comparison`. */
  compareWith: recordId.optional(),
  lang: z.enum(['ja', 'en']).default('ja'), // exports only (headers and labels)
});
export type SurveyResultsQuery = z.infer<typeof surveyResultsQuerySchema>;

const optionCount = z.object({ id: z.string(), label, count: z.number().int(), share: z.number() });
const positive = z.object({ count: z.number().int(), share: z.number(), dontKnow: z.number().int(), shareExcludingDontKnow: z.number().nullable() });
const questionBase = {
  id: z.string(),
  no: z.number().int().optional(),
  part: z.string().optional(),
  title: label,
  /** Respondents who saw the question. */
  eligible: z.number().int(),
  /** Respondents who saw and answered it; null when suppressed (anonymous, n < minN). */
  n: z.number().int().nullable(),
  suppressed: z.boolean(),
  /** The seed's headline style (「…に対して、９割超が肯定的な回答」), or null. */
  headline: label.nullable(),
  section: z.string(),
};
export const surveyQuestionResultSchema = z.discriminatedUnion('type', [
  z.object({ ...questionBase, type: z.enum(['scale', 'single', 'best', 'multiple', 'upTo']), options: z.array(optionCount), positive: positive.optional() }),
  z.object({
    ...questionBase,
    type: z.literal('matrix'),
    items: z.array(z.object({ id: z.string(), label, n: z.number().int().nullable(), options: z.array(optionCount), positive: positive.nullable() })),
  }),
  z.object({ ...questionBase, type: z.literal('number'), min: z.number().nullable(), max: z.number().nullable(), mean: z.number().nullable(), median: z.number().nullable() }),
  z.object({ ...questionBase, type: z.literal('text'), texts: z.array(z.string()) }),
]);
export type SurveyQuestionResult = z.infer<typeof surveyQuestionResultSchema>;

export const surveyRoundDeltaSchema = z.object({
  question: z.string(),
  item: z.string().optional(),
  option: z.string(),
  before: z.number().nullable(),
  after: z.number().nullable(),
  points: z.number().nullable(),
});

export const surveyResultsResponseSchema = z.object({
  round: surveyRoundSchema,
  filter: z.record(z.string(), z.string()),
  /** Respondents (submissions) matching the filter; null when suppressed. */
  respondents: z.number().int().nullable(),
  suppressed: z.boolean(),
  minN: z.number().int(), // 0 for identified rounds
  sections: z.array(z.object({ id: z.string(), title: label })),
  questions: z.array(surveyQuestionResultSchema),
  comparison: z
    .object({ round: z.object({ id: z.number().int(), title: label, opensOn: z.string() }), deltas: z.array(surveyRoundDeltaSchema) })
    .optional(),
});
export type SurveyResultsResponse = z.infer<typeof surveyResultsResponseSchema>;

// ---------------------------------------------------------------- gap analysis (認識差)

export const surveyGapQuerySchema = z.strictObject({
  /** The participant round to compare with (default: the latest closed or open participant round of the gap's participant survey). */
  participantRound: recordId.optional(),
});

const gapSide = z.object({ count: z.number().int(), n: z.number().int(), share: z.number() }).nullable();
export const surveyGapResponseSchema = z.object({
  organisationRound: z.object({ id: z.number().int(), title: label }),
  participantRound: z.object({ id: z.number().int(), title: label }).nullable(),
  gaps: z.array(
    z.object({
      id: z.string(),
      no: z.number().int().optional(),
      title: label,
      headline: label.nullable(),
      rows: z.array(
        z.object({
          organisationOption: z.string(),
          participantOption: z.string(),
          organisationLabel: label,
          participantLabel: label,
          organisation: gapSide,
          participant: gapSide,
          /** participant share − organisation share, percentage points (one decimal). */
          gapPoints: z.number().nullable(),
        }),
      ),
    }),
  ),
});
export type SurveyGapResponse = z.infer<typeof surveyGapResponseSchema>;

// ---------------------------------------------------------------- answering (回答)

export const mySurveyParamsSchema = z.strictObject({ targetId: recordId });

export const mySurveyStatusSchema = z.enum(['not_started', 'draft', 'submitted']); // 未回答・一時保存・回答済み

export const mySurveySchema = z.object({
  targetId: z.number().int(),
  round: z.object({ id: z.number().int(), title: label, opensOn: z.string(), closesOn: z.string(), anonymous: z.boolean(), acceptingAnswers: z.boolean() }),
  /** Who this answer is for (the organisation, the HR line, or the participant). */
  respondent: label,
  status: mySurveyStatusSchema,
  draftSavedAt: z.string().nullable(),
});
export type MySurvey = z.infer<typeof mySurveySchema>;
export const mySurveyListSchema = z.object({ items: z.array(mySurveySchema) });

export const mySurveyFormSchema = mySurveySchema.extend({
  definition: surveyDefinitionJsonSchema,
  /** The respondent's attributes the conditions read (from the round's targeting). */
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** The draft (or, once submitted in an identified round, the submitted answers; {} in anonymous rounds after submission). */
  answers: surveyAnswerSetSchema,
  /** Question ids visible with these answers (evaluate again on the client with the same rules: server/src/modules/surveys/answers.ts). */
  visible: z.array(z.string()),
});
export type MySurveyForm = z.infer<typeof mySurveyFormSchema>;

export const surveyAnswersInputSchema = z.strictObject({ answers: surveyAnswerSetSchema });
export type SurveyAnswersInput = z.infer<typeof surveyAnswersInputSchema>;

const answerIssue = z.object({ question: z.string(), item: z.string().optional(), code: z.string(), message: label });
export const surveyDraftSavedSchema = z.object({
  savedAt: z.string(),
  visible: z.array(z.string()),
  /** Problems a submission would refuse (required, up to N, …): informative, the draft is saved anyway. */
  pending: z.array(answerIssue),
});
export type SurveyDraftSaved = z.infer<typeof surveyDraftSavedSchema>;

export const surveySubmittedSchema = z.object({
  submitted: z.literal(true),
  /** Answers to questions hidden by the conditions, not stored. */
  dropped: z.array(z.string()),
  /** Identified rounds only (anonymous rounds keep no submission time). */
  submittedAt: z.string().nullable(),
});
export type SurveySubmitted = z.infer<typeof surveySubmittedSchema>;
