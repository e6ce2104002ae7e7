// Matching rounds (マッチングラウンド): the center creates a round, adds published wish sheets as
// participants with a capacity, each side ranks at most N sheets of the other side, and the center
// runs deferred acceptance (server/src/modules/matching/stable-matching.ts). The result is a set of
// proposals (提案), not binding.
import { z } from 'zod';
import { isoDate, messagesSchema } from './common.schema.ts';

const recordId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const matchingDirectionSchema = z.enum(['dispatch', 'hire']); // 交流派遣・交流採用
export const matchingSideSchema = z.enum(['ministry', 'company']); // 府省等・民間企業等
export type MatchingSide = z.infer<typeof matchingSideSchema>;
export const roundStatusSchema = z.enum(['ranking', 'run', 'closed']); // 順位登録中・実施済み・終了
export type RoundStatus = z.infer<typeof roundStatusSchema>;

export const roundParamsSchema = z.strictObject({ id: recordId });
export const roundSheetParamsSchema = z.strictObject({ id: recordId, sheetId: recordId });

export const roundInputSchema = z.strictObject({
  title: z.string().trim().min(1, { message: 'text.required' }).max(200),
  direction: matchingDirectionSchema,
  maxRanks: z.number().int().min(1, { message: 'matching.max_ranks_range' }).max(20, { message: 'matching.max_ranks_range' }),
  proposingSide: matchingSideSchema,
  rankingClosesOn: isoDate.nullable().default(null),
});
export type RoundInput = z.infer<typeof roundInputSchema>;

export const participantsInputSchema = z.strictObject({ sheetIds: z.array(z.number().int().positive()).min(1).max(200) });
export const capacityInputSchema = z.strictObject({ capacity: z.number().int().min(1, { message: 'matching.capacity_range' }).max(100, { message: 'matching.capacity_range' }) });
export const rankingInputSchema = z.strictObject({ rankedSheetIds: z.array(z.number().int().positive()).max(100) });
export type RankingInput = z.infer<typeof rankingInputSchema>;
export const eligibleQuerySchema = z.strictObject({
  side: matchingSideSchema.optional(),
  q: z.string().trim().max(100).optional(),
});

export const roundSheetSchema = z.object({
  sheetId: z.number().int(),
  reference: z.string(),
  kind: z.enum(['ministry_dispatch', 'ministry_hire', 'company']),
  side: matchingSideSchema,
  title: z.string(),
  ownerNameJa: z.string(),
  ownerNameEn: z.string(),
});
export type RoundSheet = z.infer<typeof roundSheetSchema>;

export const roundSummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  direction: matchingDirectionSchema,
  maxRanks: z.number().int(),
  proposingSide: matchingSideSchema,
  status: roundStatusSchema,
  rankingClosesOn: z.string().nullable(),
  rankingOpen: z.boolean(), // status 'ranking' and the close date not passed
  participants: z.object({ ministry: z.number().int(), company: z.number().int() }),
  runAt: z.string().nullable(),
  createdAt: z.string(),
});
export type RoundSummary = z.infer<typeof roundSummarySchema>;
export const roundListSchema = z.object({ items: z.array(roundSummarySchema) });

export const proposalSchema = z.object({
  ministry: roundSheetSchema,
  company: roundSheetSchema,
  ministryRank: z.number().int(), // where the ministry ranked the company sheet (1 = first)
  companyRank: z.number().int(),
});
export type Proposal = z.infer<typeof proposalSchema>;

const stepSchema = z.object({
  round: z.number().int(),
  action: z.enum(['propose', 'hold', 'reject']),
  from: z.string().optional(),
  to: z.string().optional(),
  by: z.string().optional(),
  of: z.string().optional(),
  displaced: z.boolean().optional(),
});

/** The round's figures and the transparency report (center and NPA). */
export const roundReportSchema = z.object({
  algorithm: z.object({ name: messagesSchema, guarantee: messagesSchema }),
  proposingSide: matchingSideSchema,
  asOf: z.string(), // the day the exchange criteria were applied as of
  figures: z.object({
    ministries: z.number().int(),
    companies: z.number().int(),
    ministryCapacity: z.number().int(),
    companyCapacity: z.number().int(),
    rankingsSubmitted: z.number().int(), // participants with a non-empty ranking
    pairs: z.number().int(),
    unfilledMinistry: z.number().int(),
    unfilledCompany: z.number().int(),
    rounds: z.number().int(), // rounds of proposals
    proposals: z.number().int(),
    rejections: z.number().int(),
    barredPairs: z.number().int(),
  }),
  steps: z.array(stepSchema),
  stepsTruncated: z.boolean(),
  barred: z.array(z.object({ ministry: z.string(), company: z.string(), ruleId: z.string(), reason: messagesSchema, mutuallyListed: z.boolean() })),
  participants: z.array(
    z.object({
      reference: z.string(),
      side: matchingSideSchema,
      capacity: z.number().int(),
      matched: z.array(z.string()),
      unfilled: z.number().int(),
      bestMissed: z.object({ reference: z.string(), rank: z.number().int(), code: z.string(), message: messagesSchema }).nullable(),
    }),
  ),
});
export type RoundReport = z.infer<typeof roundReportSchema>;

export const roundParticipantSchema = roundSheetSchema.extend({
  capacity: z.number().int(),
  ranking: z.array(z.string()), // references, best first (center view)
});
export type RoundParticipant = z.infer<typeof roundParticipantSchema>;

export const roundDetailSchema = roundSummarySchema.extend({
  participantList: z.array(roundParticipantSchema),
  proposals: z.array(proposalSchema),
  report: roundReportSchema.nullable(),
});
export type RoundDetail = z.infer<typeof roundDetailSchema>;

export const eligibleSheetsSchema = z.object({ items: z.array(roundSheetSchema.extend({ defaultCapacity: z.number().int() })) });

/** What a participant (ministry or company HR) sees of a round: its own sheets, rankings and proposals. */
export const myRoundSchema = roundSummarySchema.extend({
  mySheets: z.array(
    roundSheetSchema.extend({
      capacity: z.number().int(),
      ranking: z.array(roundSheetSchema),
      proposals: z.array(z.object({ partner: roundSheetSchema, myRank: z.number().int(), theirRank: z.number().int() })),
      /** After the run: why the best-ranked partner not obtained was missed, without naming others. */
      missed: z.object({ reference: z.string(), rank: z.number().int(), message: messagesSchema }).nullable(),
    }),
  ),
  otherSide: z.array(roundSheetSchema.extend({ capacity: z.number().int() })),
  algorithm: z.object({ name: messagesSchema, guarantee: messagesSchema }).nullable(),
});
export type MyRound = z.infer<typeof myRoundSchema>;
