import { z } from 'zod';
import { messagesSchema } from './common.schema.ts';
import { citationSchema, criteriaDate, directionSchema } from './criteria.schema.ts';

// The schedule planner (逆算) and the guidance on an exchange's type (welfare applicability table
// and duty constraints): GET /api/exchanges/planner and GET /api/exchanges/guidance.
// Shared by the server and the web app (the case page shows the same timeline and table).

/** The planner's dates stay inside the holiday calendar (1980–2099) and the parameters (from 2000-03-21). */
const plannerDate = criteriaDate.refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || (s >= '2001-01-01' && s <= '2099-12-31'), { message: 'date.planner_range' });

export const plannerQuerySchema = z.strictObject({
  start: plannerDate, // 開始予定日
  today: plannerDate.optional(), // default: today in Japan
});
export type PlannerQuery = z.infer<typeof plannerQuerySchema>;

export const planStepIdSchema = z.enum([
  'first_contact', // 企業等への最初のコンタクト
  'company_paperwork', // 企業等の社内手続
  'submission', // 入力支援シート・取決め書(案)の提出
  'informal_approval', // 内諾
  'formal_application', // 応募書等の提出
  'certification', // 計画の認定
  'agreement', // 取決めの締結
  'start', // 交流開始
]);
export type PlanStepId = z.infer<typeof planStepIdSchema>;

export const stepStatusSchema = z.enum(['overdue', 'due_today', 'upcoming']);
export type StepStatus = z.infer<typeof stepStatusSchema>;

export const planStepSchema = z.object({
  id: planStepIdSchema,
  label: messagesSchema,
  due: z.string(), // a working day (except the start itself)
  nominal: z.string(), // the date before moving off a day off
  adjustment: messagesSchema.optional(),
  limit: z.string().optional(), // submission: the rule's latest date
  explanation: messagesSchema,
  parameters: z.array(z.object({ id: z.string(), value: z.unknown(), effectiveFrom: z.string(), citation: citationSchema })),
  status: stepStatusSchema.optional(),
  workingDaysLeft: z.number().int().optional(),
});
export type PlanStep = z.infer<typeof planStepSchema>;

export const planResponseSchema = z.object({
  start: z.string(),
  today: z.string().nullable(),
  steps: z.array(planStepSchema),
  warnings: z.array(z.object({ code: z.string(), message: messagesSchema })),
});
export type PlanResponse = z.infer<typeof planResponseSchema>;

// ---------------------------------------------------------------- guidance

export const hireTypeSchema = z.enum(['continued', 'resigned']); // 雇用継続型 | 退職型
export type HireType = z.infer<typeof hireTypeSchema>;

export const guidanceTypeSchema = z.enum(['dispatch', 'hire_continued', 'hire_resigned']);
export type GuidanceType = z.infer<typeof guidanceTypeSchema>;

export const guidanceQuerySchema = z
  .strictObject({ direction: directionSchema, hireType: hireTypeSchema.optional() })
  .superRefine((q, ctx) => {
    if (q.direction === 'hire' && !q.hireType) ctx.addIssue({ code: 'custom', path: ['hireType'], message: 'exchange.hire_type_required' });
    if (q.direction === 'dispatch' && q.hireType) ctx.addIssue({ code: 'custom', path: ['hireType'], message: 'exchange.hire_type_dispatch' });
  });
export type GuidanceQuery = z.infer<typeof guidanceQuerySchema>;

export const dutyPartySchema = z.enum(['person', 'ministry', 'company']);
export type DutyParty = z.infer<typeof dutyPartySchema>;

const duty = z.object({ id: z.string(), text: messagesSchema, citation: citationSchema });

export const guidanceSchema = z.object({
  type: guidanceTypeSchema,
  title: messagesSchema,
  description: messagesSchema,
  welfare: z.object({
    caption: messagesSchema,
    rows: z.array(
      z.object({
        id: z.string(),
        label: messagesSchema,
        group: z.object({ id: z.string(), label: messagesSchema, footnotes: z.array(z.string()) }).nullable(),
        value: messagesSchema,
        footnotes: z.array(z.string()),
      }),
    ),
    typeFootnotes: z.array(z.string()),
    footnotes: z.array(z.object({ mark: z.string(), text: messagesSchema })),
    notes: z.array(messagesSchema),
  }),
  duties: z.object({ person: z.array(duty), ministry: z.array(duty), company: z.array(duty) }),
  source: citationSchema,
});
export type Guidance = z.infer<typeof guidanceSchema>;
