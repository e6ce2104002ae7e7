import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../platform/route-errors.ts';
import {
  capacityInputSchema,
  eligibleQuerySchema,
  eligibleSheetsSchema,
  myRoundSchema,
  participantsInputSchema,
  rankingInputSchema,
  roundDetailSchema,
  roundInputSchema,
  roundListSchema,
  roundParamsSchema,
  roundSheetParamsSchema,
} from '../../../../common/src/schemas/matching.schema.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const tags = ['matching'];
const manage = { permission: 'matching:manage' } as const;
const rank = { permission: 'matching:rank' } as const;
const emptyBody = z.strictObject({});

export const matchingRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = app.services.matching;

  // ---------------------------------------------------------------- the center and the NPA

  app.get(
    '/api/matching/rounds',
    { config: manage, schema: { tags, summary: 'マッチングラウンドの一覧 / Matching rounds', response: { 200: roundListSchema, ...errors } } },
    async (req) => s.listRounds(req.ctx),
  );
  app.post(
    '/api/matching/rounds',
    {
      config: manage,
      schema: {
        tags,
        summary: 'マッチングラウンドを作る / Create a matching round',
        description: '方向（交流派遣・交流採用）、希望順位の上限N、提案側、順位登録の締切日。 / Direction, the ranking limit N, the proposing side, the ranking close date.',
        body: roundInputSchema,
        response: { 201: roundDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.createRound(req.ctx, req.body)),
  );
  app.get(
    '/api/matching/rounds/:id',
    {
      config: manage,
      schema: { tags, summary: 'ラウンドの参加者・希望順位・提案・透明性レポート / A round: participants, rankings, proposals and the transparency report', params: roundParamsSchema, response: { 200: roundDetailSchema, ...errors } },
    },
    async (req) => s.roundDetail(req.ctx, req.params.id),
  );
  app.get(
    '/api/matching/rounds/:id/eligible-sheets',
    {
      config: manage,
      schema: {
        tags,
        summary: '参加させられる公開中のシート / Published sheets that could join the round',
        params: roundParamsSchema,
        querystring: eligibleQuerySchema,
        response: { 200: eligibleSheetsSchema, ...errors },
      },
    },
    async (req) => s.eligibleSheets(req.ctx, req.params.id, req.query),
  );
  app.post(
    '/api/matching/rounds/:id/participants',
    {
      config: manage,
      schema: {
        tags,
        summary: '参加者（シート）を追加 / Add sheets as participants',
        description: '受入・派遣可能数は府省等の希望人数、企業等の受入れ部署数（派遣）又は送り出し人数（採用）。1件でも参加できなければ何も追加せず422。 / Capacity starts at the ministry’s headcount or the company’s places (dispatch) or people (hire). If any sheet cannot join, none is added (422).',
        params: roundParamsSchema,
        body: participantsInputSchema,
        response: { 200: roundDetailSchema, ...errors },
      },
    },
    async (req) => s.addParticipants(req.ctx, req.params.id, req.body.sheetIds),
  );
  app.patch(
    '/api/matching/rounds/:id/participants/:sheetId',
    {
      config: manage,
      schema: { tags, summary: '受入・派遣可能数を変更 / Change a participant’s capacity', params: roundSheetParamsSchema, body: capacityInputSchema, response: { 200: roundDetailSchema, ...errors } },
    },
    async (req) => s.setCapacity(req.ctx, req.params.id, req.params.sheetId, req.body.capacity),
  );
  app.delete(
    '/api/matching/rounds/:id/participants/:sheetId',
    {
      config: manage,
      schema: { tags, summary: '参加者を外す（その希望順位と、他の順位の中のこのシートも削除） / Remove a participant (its ranking and its place in others’ rankings go too)', params: roundSheetParamsSchema, response: { 200: roundDetailSchema, ...errors } },
    },
    async (req) => s.removeParticipant(req.ctx, req.params.id, req.params.sheetId),
  );
  app.post(
    '/api/matching/rounds/:id/run',
    {
      config: manage,
      schema: {
        tags,
        summary: 'ラウンドを実施（受入保留方式） / Run the round (deferred acceptance)',
        description: '交流基準で対象外の組合せを除いて安定マッチングを求め、結果（提案、拘束力なし）と透明性レポートを保存します。 / Finds a stable matching without the pairs the exchange criteria bar and stores the result (proposals, not binding) and the transparency report.',
        params: roundParamsSchema,
        body: emptyBody,
        response: { 200: roundDetailSchema, ...errors },
      },
    },
    async (req) => s.run(req.ctx, req.params.id),
  );

  // ---------------------------------------------------------------- participants' owners (ministry and company HR)

  app.get(
    '/api/matching/my-rounds',
    { config: rank, schema: { tags, summary: '自らのシートが参加するラウンド / Rounds one’s own sheets take part in', response: { 200: roundListSchema, ...errors } } },
    async (req) => s.listMine(req.ctx),
  );
  app.get(
    '/api/matching/my-rounds/:id',
    {
      config: rank,
      schema: { tags, summary: '自らのシートの希望順位と提案 / One’s own sheets’ rankings and proposals in a round', params: roundParamsSchema, response: { 200: myRoundSchema, ...errors } },
    },
    async (req) => s.myRound(req.ctx, req.params.id),
  );
  app.put(
    '/api/matching/my-rounds/:id/rankings/:sheetId',
    {
      config: rank,
      schema: {
        tags,
        summary: '希望順位を登録（相手側のシートをN件まで、上位から） / Rank up to N sheets of the other side, best first',
        description: 'N件超、重複、自分の側のシート、参加していないシートは422。 / More than N, duplicates, sheets of one’s own side or not in the round: 422.',
        params: roundSheetParamsSchema,
        body: rankingInputSchema,
        response: { 200: myRoundSchema, ...errors },
      },
    },
    async (req) => s.setRanking(req.ctx, req.params.id, req.params.sheetId, req.body),
  );
};
