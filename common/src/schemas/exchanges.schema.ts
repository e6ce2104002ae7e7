import { z } from 'zod';
import { messagesSchema, pageQuery, pagedOf } from './common.schema.ts';
import { criteriaDate, decisionSchema, overallSchema, ruleIdSchema } from './criteria.schema.ts';

// Exchange cases (交流派遣 / 交流採用): the API's shapes, shared by the server and the web app.
// The state machine itself is server/src/modules/exchanges/workflow.ts; its states and events
// are listed here so both sides name them the same way.

export const caseStates = [
  'consultation', // 協議中: the ministry and the company are talking
  'submitted', // 提出済: 入力支援シート and 取決め書(案) sent to the NPA
  'under_review', // 審査中
  'query_to_ministry', // 府省等へ照会中
  'informally_approved', // 内諾
  'formal_application', // 正式申請 (応募書等)
  'certified', // 認定 (人事交流の実施に関する計画の認定)
  'agreement_signed', // 取決め締結
  'active', // 交流中
  'extended', // 延長中
  'returned', // 復帰 (ended as planned)
  'ended_early', // 中途終了 (resigned, other)
  'withdrawn', // 取下げ
  'rejected', // 不承認
] as const;
export const caseStateSchema = z.enum(caseStates);
export type CaseState = (typeof caseStates)[number];

export const caseEvents = [
  'submit',
  'start_review',
  'query',
  'answer',
  'approve_informally',
  'reject',
  'apply_formally',
  'certify',
  'sign_agreement',
  'begin',
  'extend',
  'return',
  'end_early',
  'withdraw',
] as const;
export const caseEventSchema = z.enum(caseEvents);
export type CaseEventName = (typeof caseEvents)[number];

export const directionSchema = z.enum(['dispatch', 'hire']); // 交流派遣 / 交流採用
export const hireTypeSchema = z.enum(['continued', 'resigned']); // 雇用継続型 / 退職型

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const text = (max: number) => z.string().trim().min(1, { message: 'text.required' }).max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();

const caseFields = {
  direction: directionSchema,
  hireType: hireTypeSchema.optional(),
  unitId: id,
  postTitle: text(200),
  companyId: id,
  divisionId: id.optional(),
  personId: id.optional(),
  plannedStart: criteriaDate,
  plannedEnd: criteriaDate,
};

const caseRules = (c: { direction?: string; hireType?: string; plannedStart?: string; plannedEnd?: string }, ctx: z.RefinementCtx) => {
  if (c.direction === 'hire' && !c.hireType) ctx.addIssue({ code: 'custom', path: ['hireType'], message: 'exchange.hire_type_required' });
  if (c.direction === 'dispatch' && c.hireType) ctx.addIssue({ code: 'custom', path: ['hireType'], message: 'exchange.hire_type_dispatch' });
  if (c.plannedStart && c.plannedEnd && c.plannedEnd <= c.plannedStart) ctx.addIssue({ code: 'custom', path: ['plannedEnd'], message: 'date.end_before_start' });
};

export const createCaseSchema = z.strictObject(caseFields).superRefine(caseRules);
export type CreateCase = z.infer<typeof createCaseSchema>;

// Changes to the plan while the ministry holds the pen (consultation, or answering a query).
export const updateCaseSchema = z
  .strictObject({
    version: z.number().int().positive(),
    unitId: id.optional(),
    postTitle: text(200).optional(),
    divisionId: id.nullable().optional(),
    personId: id.nullable().optional(),
    hireType: hireTypeSchema.optional(),
    plannedStart: criteriaDate.optional(),
    plannedEnd: criteriaDate.optional(),
    interviewIntervalMonths: z.number().int().min(1).max(24).optional(),
  })
  .superRefine((c, ctx) => caseRules(c, ctx));
export type UpdateCase = z.infer<typeof updateCaseSchema>;

export const transitionSchema = z
  .strictObject({
    event: caseEventSchema,
    version: z.number().int().positive(),
    note: optionalText(4000), // query / answer text, reasons for reject / withdraw
    newEnd: criteriaDate.optional(), // extend (from an approved extension request)
    actualDate: criteriaDate.optional(), // begin: actual start; return / end_early: actual end
    endReason: z.enum(['resigned', 'other']).optional(), // end_early
    returnPost: optionalText(200), // return
    experienceUse: optionalText(4000), // return
  })
  .superRefine((t, ctx) => {
    if ((t.event === 'query' || t.event === 'answer' || t.event === 'reject') && !t.note?.trim())
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'text.required' });
    if (t.event === 'end_early' && !t.endReason) ctx.addIssue({ code: 'custom', path: ['endReason'], message: 'exchange.end_reason_required' });
    if (t.event === 'return' && !t.returnPost?.trim()) ctx.addIssue({ code: 'custom', path: ['returnPost'], message: 'text.required' });
  });
export type TransitionInput = z.infer<typeof transitionSchema>;

export const blockSchema = z.object({ code: z.string(), message: messagesSchema });

const named = z.object({ id: z.number().int(), nameJa: z.string(), nameEn: z.string() });

export const caseItemSchema = z.object({
  id: z.number().int(),
  reference: z.string(),
  direction: directionSchema,
  hireType: hireTypeSchema.nullable(),
  state: caseStateSchema,
  organisation: named,
  unit: named,
  postTitle: z.string(),
  company: z.object({ id: z.number().int(), name: z.string(), corporateNumber: z.string() }),
  personName: z.string().nullable(),
  plannedStart: z.string(),
  plannedEnd: z.string(),
  submittedOn: z.string().nullable(),
  reviewDueOn: z.string().nullable(),
  overdue: z.boolean(), // review past its target (working days) without 内諾
  stateChangedAt: z.string(),
  updatedAt: z.string(),
});
export type CaseItem = z.infer<typeof caseItemSchema>;

export const caseListQuerySchema = z.strictObject({
  state: z
    .union([caseStateSchema, z.array(caseStateSchema)])
    .transform((s) => (Array.isArray(s) ? s : [s]))
    .optional(),
  direction: directionSchema.optional(),
  organisationId: id.optional(),
  companyId: id.optional(),
  startFrom: criteriaDate.optional(),
  startTo: criteriaDate.optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  q: z.string().trim().max(200).optional(),
  sort: z.enum(['start', 'age', 'updated']).default('start'),
  ...pageQuery,
});
export type CaseListQuery = z.infer<typeof caseListQuerySchema>;
export const caseListSchema = pagedOf(caseItemSchema);

export const pipelineSchema = z.object({
  byState: z.array(z.object({ state: caseStateSchema, count: z.number().int() })),
  byStartMonth: z.array(z.object({ month: z.string(), count: z.number().int() })),
  overdue: z.number().int(),
  onExchange: z.number().int(), // people now active or extended
});
export type Pipeline = z.infer<typeof pipelineSchema>;

export const caseEventItemSchema = z.object({
  id: z.number().int(),
  event: z.string(),
  fromState: caseStateSchema,
  toState: caseStateSchema,
  actorRole: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});
export const caseMessageSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['query', 'answer', 'note']),
  authorRole: z.string(),
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});
export const caseDocumentSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['input_sheet', 'agreement_draft', 'certification_notice', 'other']),
  version: z.number().int(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.string(),
});
export const interviewSchema = z.object({
  id: z.number().int(),
  scheduledOn: z.string(),
  heldOn: z.string().nullable(),
  status: z.enum(['scheduled', 'held', 'cancelled']),
  interviewer: z.string().nullable(),
  notes: z.string().nullable(),
});
export const extensionSchema = z.object({
  id: z.number().int(),
  requestedEnd: z.string(),
  reason: z.string(),
  status: z.enum(['requested', 'approved', 'refused']),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});

export const approvedExceptionSchema = z.strictObject({ ruleId: ruleIdSchema, reference: text(200) });

export const caseDetailSchema = caseItemSchema.extend({
  version: z.number().int(),
  divisionId: z.number().int().nullable(),
  divisionName: z.string().nullable(),
  personId: z.number().int().nullable(),
  informallyApprovedOn: z.string().nullable(),
  certifiedOn: z.string().nullable(),
  actualStart: z.string().nullable(),
  actualEnd: z.string().nullable(),
  endReason: z.string().nullable(),
  endNote: z.string().nullable(),
  returnPost: z.string().nullable(),
  experienceUse: z.string().nullable(),
  interviewIntervalMonths: z.number().int(),
  criteria: z
    .object({ verdict: overallSchema, checkedAt: z.string(), decision: decisionSchema.nullable() })
    .nullable(),
  approvedExceptions: z.array(approvedExceptionSchema),
  hasSheet: z.boolean(),
  // What the current user may do now: each event with whether it would pass its guards now.
  actions: z.array(z.object({ event: caseEventSchema, to: caseStateSchema, blocks: z.array(blockSchema) })),
  events: z.array(caseEventItemSchema),
  messages: z.array(caseMessageSchema),
  documents: z.array(caseDocumentSchema),
  interviews: z.array(interviewSchema),
  extensions: z.array(extensionSchema),
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

export const messageInputSchema = z.strictObject({ body: text(4000) });
export const interviewInputSchema = z.strictObject({ scheduledOn: criteriaDate, interviewer: optionalText(200) });
export const interviewRecordSchema = z.strictObject({
  status: z.enum(['held', 'cancelled']),
  heldOn: criteriaDate.optional(),
  interviewer: optionalText(200),
  notes: optionalText(8000),
});
export const extensionRequestSchema = z.strictObject({ requestedEnd: criteriaDate, reason: text(4000) });
export const extensionDecisionSchema = z.strictObject({
  approve: z.boolean(),
  note: optionalText(4000),
  version: z.number().int().positive(),
});
export const exceptionsInputSchema = z.strictObject({ version: z.number().int().positive(), exceptions: z.array(approvedExceptionSchema).max(8) });
export const documentParamsSchema = z.strictObject({ id, docId: id });
export const interviewParamsSchema = z.strictObject({ id, interviewId: id });
export const extensionParamsSchema = z.strictObject({ id, extensionId: id });
export const criteriaCheckResultSchema = z.object({ verdict: overallSchema, decision: decisionSchema });
