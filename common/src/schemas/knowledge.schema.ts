import { z } from 'zod';
import { messagesSchema } from './common.schema.ts';
import { citationSchema, criteriaDate } from './criteria.schema.ts';

// The public knowledge pages (知識ページ): Q&A from the promotion guidebook (推進ガイドブック, the
// ministries' questions) and the pamphlet and leaflet (the companies' questions), the overview of the
// two directions, the welfare table, the exchange-criteria summary, the tips for dispatching,
// onboarding examples, testimonials and contacts (seed 001_5d8d2d8d3392a202.txt). Shapes of the
// content files (server/src/modules/knowledge/content/*.json), of /api/public/knowledge/* and of
// /api/knowledge/* (editing, with history). Bodies use the markup of common/src/markup.ts.

// The table's CHECK constraints (server/src/db/schema.ts, knowledge_pages) list the same values.
export const KNOWLEDGE_SECTIONS = ['qa', 'overview', 'welfare', 'criteria', 'tips', 'testimonials', 'contacts'] as const;
export const knowledgeSectionSchema = z.enum(KNOWLEDGE_SECTIONS, { message: 'knowledge.section_unknown' });
export type KnowledgeSection = z.infer<typeof knowledgeSectionSchema>;

/** Whose question a Q&A is (the guidebook's are the ministries', the pamphlet's the companies'); other pages: 'all'. */
export const knowledgeAudienceSchema = z.enum(['ministry', 'company', 'all'], { message: 'knowledge.audience_unknown' });
export type KnowledgeAudience = z.infer<typeof knowledgeAudienceSchema>;

// Q&A topics. The labels are in the web app's copy (knowledge.groups.*).
export const QA_GROUPS = [
  'procedure', // 公募・手続
  'eligibility', // 対象
  'scheme', // 制度の仕組み
  'welfare', // 福利厚生・休暇
  'pay', // 給与・旅費・給付
  'conduct', // 服務・業務
  'information', // 実績・説明会・問い合わせ
] as const;
export const qaGroupSchema = z.enum(QA_GROUPS, { message: 'knowledge.group_unknown' });
export type QaGroup = z.infer<typeof qaGroupSchema>;

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const knowledgeSlugSchema = z.string().trim().max(80).regex(SLUG_PATTERN, { message: 'knowledge.slug_format' });
/** Paths of the guide itself (/guide/qa, /guide/manage): no page may take them. */
export const RESERVED_SLUGS = ['qa', 'manage', 'new'] as const;
const newSlugSchema = knowledgeSlugSchema.refine((s) => !(RESERVED_SLUGS as readonly string[]).includes(s), { message: 'knowledge.slug_reserved' });

const required = (max: number) => z.string().trim().min(1, { message: 'text.required' }).max(max);
export const TITLE_MAX = 300;
export const BODY_MAX = 30_000;
const title = required(TITLE_MAX);
const body = required(BODY_MAX);
const groupKey = z.string().trim().max(40).regex(/^[a-z0-9_-]*$/, { message: 'knowledge.group_format' });

/** A Q&A belongs to a topic and to one side (ministries or companies). */
function qaRules(v: { section: KnowledgeSection; audience: KnowledgeAudience; groupKey: string }, ctx: z.RefinementCtx) {
  if (v.section !== 'qa') return;
  if (!qaGroupSchema.safeParse(v.groupKey).success) ctx.addIssue({ code: 'custom', message: 'knowledge.group_unknown', path: ['groupKey'] });
  if (v.audience === 'all') ctx.addIssue({ code: 'custom', message: 'knowledge.qa_audience', path: ['audience'] });
}

// ---------------------------------------------------------------- content files

export const knowledgeContentPageSchema = z
  .strictObject({
    slug: newSlugSchema,
    section: knowledgeSectionSchema,
    audience: knowledgeAudienceSchema,
    groupKey,
    sortOrder: z.number().int().min(0).max(100_000),
    title: z.strictObject({ ja: title, en: title }),
    body: z.strictObject({ ja: body, en: body }),
    /** Where the text comes from: seed file, document and heading (and how it was adapted). */
    source: required(1000),
  })
  .superRefine(qaRules);
export type KnowledgeContentPage = z.infer<typeof knowledgeContentPageSchema>;
export const knowledgeContentFileSchema = z.array(knowledgeContentPageSchema).min(1);

// ---------------------------------------------------------------- public API

export const knowledgeSummarySchema = z.object({
  slug: z.string(),
  section: knowledgeSectionSchema,
  audience: knowledgeAudienceSchema,
  groupKey: z.string(),
  sortOrder: z.number().int(),
  title: messagesSchema,
  published: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type KnowledgeSummary = z.infer<typeof knowledgeSummarySchema>;
export const knowledgeListSchema = z.object({ items: z.array(knowledgeSummarySchema) });
export type KnowledgeList = z.infer<typeof knowledgeListSchema>;

export const knowledgeListQuerySchema = z.strictObject({ section: knowledgeSectionSchema.optional() });

/** A criteria parameter a page refers to ({{param:id}}), resolved as of a date, with its citation. */
export const knowledgeParameterSchema = z.object({
  id: z.string(),
  name: messagesSchema,
  unit: z.string(),
  value: z.unknown(),
  effectiveFrom: z.string(),
  citation: citationSchema,
});
export type KnowledgeParameter = z.infer<typeof knowledgeParameterSchema>;

export const knowledgePageSchema = knowledgeSummarySchema.extend({
  body: messagesSchema,
  source: z.string().nullable(),
  /** The date the parameters were resolved on (today in Japan unless `asOf` was given). */
  asOf: z.string(),
  parameters: z.array(knowledgeParameterSchema),
  /** Referred to but with no value in force on `asOf` (shown as "not in force"). */
  missingParameters: z.array(z.string()),
});
export type KnowledgePage = z.infer<typeof knowledgePageSchema>;

export const knowledgeSlugParamsSchema = z.strictObject({ slug: knowledgeSlugSchema });
export const knowledgePageQuerySchema = z.strictObject({ asOf: criteriaDate.optional() });

export const QA_QUERY_MAX = 100;
export const qaQuerySchema = z.strictObject({
  q: z.string().trim().max(QA_QUERY_MAX).optional(),
  audience: z.enum(['ministry', 'company']).optional(),
  group: qaGroupSchema.optional(),
});
export type QaQuery = z.infer<typeof qaQuerySchema>;

export const qaItemSchema = z.object({
  slug: z.string(),
  audience: knowledgeAudienceSchema,
  groupKey: z.string(),
  sortOrder: z.number().int(),
  title: messagesSchema,
  body: messagesSchema,
  source: z.string().nullable(),
  updatedAt: z.string(),
});
export type QaItem = z.infer<typeof qaItemSchema>;
/** `total`: every published Q&A (before the query), so "n of m" can be said. */
export const qaListSchema = z.object({
  items: z.array(qaItemSchema),
  total: z.number().int(),
  /** Criteria parameters the listed answers refer to, resolved as of `asOf` (today). */
  asOf: z.string(),
  parameters: z.array(knowledgeParameterSchema),
  missingParameters: z.array(z.string()),
});
export type QaList = z.infer<typeof qaListSchema>;

// ---------------------------------------------------------------- editing (knowledge:edit)

export const knowledgeCreateSchema = z
  .strictObject({
    slug: newSlugSchema,
    section: knowledgeSectionSchema,
    audience: knowledgeAudienceSchema.default('all'),
    groupKey: groupKey.default(''),
    sortOrder: z.number().int().min(0).max(100_000).default(0),
    titleJa: title,
    titleEn: title,
    bodyJa: body,
    bodyEn: body,
    source: z.string().trim().max(1000).optional(),
    published: z.boolean().default(true),
  })
  .superRefine(qaRules);
export type KnowledgeCreate = z.infer<typeof knowledgeCreateSchema>;

/** An edit names the version it was made on: if the page has moved on since, the save is refused (409). */
export const knowledgeUpdateSchema = z.strictObject({
  version: z.number().int().min(1),
  titleJa: title,
  titleEn: title,
  bodyJa: body,
  bodyEn: body,
});
export type KnowledgeUpdate = z.infer<typeof knowledgeUpdateSchema>;

export const knowledgePublishSchema = z.strictObject({ published: z.boolean() });

export const knowledgeVersionParamsSchema = z.strictObject({ slug: knowledgeSlugSchema, version: z.coerce.number().int().min(1).max(1_000_000) });

export const knowledgeVersionSummarySchema = z.object({
  version: z.number().int(),
  title: messagesSchema,
  changedBy: z.string().nullable(),
  changedAt: z.string(),
  current: z.boolean(),
});
export type KnowledgeVersionSummary = z.infer<typeof knowledgeVersionSummarySchema>;
export const knowledgeHistorySchema = z.object({ slug: z.string(), title: messagesSchema, items: z.array(knowledgeVersionSummarySchema) });
export type KnowledgeHistory = z.infer<typeof knowledgeHistorySchema>;

export const knowledgeVersionSchema = knowledgeVersionSummarySchema.extend({
  slug: z.string(),
  section: knowledgeSectionSchema,
  body: messagesSchema,
  asOf: z.string(),
  parameters: z.array(knowledgeParameterSchema),
  missingParameters: z.array(z.string()),
});
export type KnowledgeVersion = z.infer<typeof knowledgeVersionSchema>;
