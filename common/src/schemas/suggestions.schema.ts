// Matching suggestions (マッチング候補): for one wish sheet, the other side's published sheets ranked
// by the five explained terms of server/src/modules/wishes/suggest.ts; pairs the exchange criteria
// (交流基準) bar are listed after the others with the rule's reason, never dropped.
import { z } from 'zod';
import { messagesSchema } from './common.schema.ts';

export const suggestionQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20), // ranked suggestions; barred pairs are always all listed
});
export type SuggestionQuery = z.infer<typeof suggestionQuerySchema>;

export const suggestionTermNameSchema = z.enum(['field', 'skills', 'ageBand', 'period', 'timing']); // 分野・業種, 知識・技能, 年齢層, 期間, 開始時期
export type SuggestionTermName = z.infer<typeof suggestionTermNameSchema>;

export const suggestionTermSchema = z.object({
  term: suggestionTermNameSchema,
  weight: z.number(),
  value: z.number().nullable(), // 0..1; null: not applicable, left out of the total
  message: messagesSchema,
});
export type SuggestionTerm = z.infer<typeof suggestionTermSchema>;

const sheetRefSchema = z.object({
  id: z.number().int(),
  reference: z.string(), // public URL /wishes/:reference
  kind: z.enum(['ministry_dispatch', 'ministry_hire', 'company']),
  title: z.string(),
  ownerNameJa: z.string(),
  ownerNameEn: z.string(),
});
export type SuggestionSheetRef = z.infer<typeof sheetRefSchema>;

export const barRuleSchema = z.object({
  ruleId: z.string(),
  title: messagesSchema,
  reason: messagesSchema,
  earliestPassDate: z.string().nullable(),
  exceptionAvailable: z.boolean(),
});
export const suggestionCautionSchema = z.object({
  code: z.enum(['licensing_jurisdiction', 'criteria_review']),
  message: messagesSchema,
});

export const suggestionItemSchema = z.object({
  sheet: sheetRefSchema,
  score: z.number(), // 0..1
  terms: z.array(suggestionTermSchema),
  barred: z.object({ message: messagesSchema, rules: z.array(barRuleSchema) }).nullable(),
  cautions: z.array(suggestionCautionSchema),
});
export type SuggestionItem = z.infer<typeof suggestionItemSchema>;

export const suggestionListSchema = z.object({
  sheet: sheetRefSchema, // the sheet the suggestions are for
  direction: z.enum(['dispatch', 'hire', 'both']), // which side of the company sheets is compared
  plannedStart: z.string(), // the day the exchange criteria were applied as of
  candidates: z.number().int(), // published, unexpired sheets of the other side that were scored
  limit: z.number().int(),
  items: z.array(suggestionItemSchema), // best first
  barred: z.array(suggestionItemSchema), // every barred pair, best first
  weights: z.record(suggestionTermNameSchema, z.number()),
  weightsFrom: z.string(), // effective date of the weights (parameters/suggest.weights.json)
});
export type SuggestionList = z.infer<typeof suggestionListSchema>;
