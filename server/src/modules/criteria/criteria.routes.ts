import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema } from '../../../../common/src/schemas/common.schema.ts';
import {
  criteriaRequestSchema,
  decisionSchema,
  parameterListSchema,
  screeningQueryRefined,
  screeningResponseSchema,
  storedCheckResponseSchema,
  storedCheckSchema,
} from '../../../../common/src/schemas/criteria.schema.ts';
import { loadCases } from './cases.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 422: errorResponseSchema };

// The OpenAPI examples are case files, so every documented example is also a tested case.
const example = (id: string) => loadCases().find((c) => c.id === id)?.input;

export const criteriaRoutes: FastifyPluginAsyncZod = async (app) => {
  const { criteria } = app.services;

  app.post(
    '/api/criteria/evaluate',
    {
      config: { permission: 'criteria:evaluate' },
      schema: {
        tags: ['criteria'],
        summary: '交流基準の判定（事実を全て指定） / Evaluate the exchange criteria on a facts document',
        description:
          'Stateless: the exchange and every fact are in the body; nothing is read from or written to the database. ' +
          'A fact list that is absent means "not known" (the rules needing it are indeterminate); an empty list means "none". ' +
          'Every rule is returned with its outcome, reasons (ja/en), facts used, parameters (value, effective date, citation), windows and the earliest passing start date.',
        body: criteriaRequestSchema.meta({ example: example('licensing.pamphlet_director_with_jurisdiction') }),
        response: { 200: decisionSchema, ...errors },
      },
    },
    async (req) => criteria.evaluate(req.body),
  );

  app.get(
    '/api/criteria/parameters',
    {
      config: { permission: 'reference:read' },
      schema: {
        tags: ['criteria'],
        summary: '交流基準のパラメータ（適用日・出典付き） / Criteria parameters with their dated values and citations',
        response: { 200: parameterListSchema, 401: errorResponseSchema },
      },
    },
    async () => criteria.parameters(),
  );

  app.post(
    '/api/criteria/check',
    {
      config: { permission: 'criteria:check' },
      schema: {
        tags: ['criteria'],
        summary: '登録済みの職員・課等・企業での判定 / Check stored records (facts gathered from the database)',
        body: storedCheckSchema,
        response: { 200: storedCheckResponseSchema, ...errors },
      },
    },
    async (req) => criteria.check(req.ctx, req.body),
  );

  app.get(
    '/api/criteria/screening',
    {
      config: { permission: 'criteria:check' },
      schema: {
        tags: ['criteria'],
        summary: 'スクリーニング（職員の派遣先・ポストの受入れ元） / Screen the whole registry for one official or one post',
        description: 'With personId: where could this official be dispatched (交流派遣)? With unitId alone: from which companies could its post hire (交流採用)? Every active company with its verdict (open, barred, needs review) and the failing rules, paged and filterable.',
        querystring: screeningQueryRefined,
        response: { 200: screeningResponseSchema, ...errors },
      },
    },
    async (req) => criteria.screen(req.ctx, req.query),
  );
};
