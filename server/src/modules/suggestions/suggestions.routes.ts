import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema, idParamSchema } from '../../../../common/src/schemas/common.schema.ts';
import { suggestionListSchema, suggestionQuerySchema } from '../../../../common/src/schemas/suggestions.schema.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

export const suggestionsRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = app.services.suggestions;
  app.get(
    '/api/wishes/:id/suggestions',
    {
      config: { permission: 'wishes:suggest' },
      schema: {
        tags: ['wishes'],
        summary: 'マッチング候補（項目ごとの説明付き、交流基準に該当する組合せは理由付きで末尾） / Matching suggestions, each score explained; pairs the exchange criteria bar come last with the reason',
        description:
          '府省等の希望には公開中の企業等のシートを、企業等のシートには公開中の府省等の希望を、分野・業種、知識・技能、年齢層、期間、開始時期で採点して順に返します。自らのシートのみ（人事院・センターは全て）。 / For a ministry wish, the published company sheets; for a company sheet, the published ministry wishes; scored on field/industry, skills, age band, period and timing. Own sheets only (NPA and center: any).',
        params: idParamSchema,
        querystring: suggestionQuerySchema,
        response: { 200: suggestionListSchema, ...errors },
      },
    },
    async (req) => s.suggestionsFor(req.ctx, req.params.id, req.query),
  );
};
