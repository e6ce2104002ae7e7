// The standalone schedule planner (逆算) and the guidance on an exchange's type. Stateless: both
// answer from pure modules (planner.ts, guidance.ts) and the dated parameters; nothing is read
// from or written to the database.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema } from '../../../../common/src/schemas/common.schema.ts';
import {
  guidanceQuerySchema,
  guidanceSchema,
  planResponseSchema,
  plannerQuerySchema,
} from '../../../../common/src/schemas/exchange-planner.schema.ts';
import { todayInJapan } from '../../platform/time.ts';
import { exchangeParameters } from './exchanges.parameters.ts';
import { guidanceFor } from './guidance.ts';
import { planSchedule } from './planner.ts';

const tags = ['exchanges'];

export const plannerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/exchanges/planner',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags,
        summary: 'スケジュールの逆算（開始予定日から各手続の期日） / Schedule planner: the due date of each step for a planned start',
        description:
          'Steps from the first contact with the company to the start, each with its due date (a government working day: no weekends, ' +
          'public holidays or 29 Dec – 3 Jan; a date falling on a day off moves to the previous working day), the rule or planning ' +
          'margin behind it (dated parameters with citations) and, given `today` (default: today in Japan), whether it is overdue.',
        querystring: plannerQuerySchema,
        response: { 200: planResponseSchema, 400: errorResponseSchema, 401: errorResponseSchema },
      },
    },
    async (req) => planSchedule(req.query.start, exchangeParameters(), req.query.today ?? todayInJapan()),
  );

  app.get(
    '/api/exchanges/guidance',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: '福利厚生制度等の適用関係と服務上の制約 / Welfare applicability and duty constraints for a type of exchange',
        description:
          'The pamphlet’s table (福利厚生制度等の適用関係) for a dispatch or a hire (雇用継続型 continued / 退職型 resigned), with its footnotes, ' +
          'and the constraints on the person, the ministry and the company, each with its source. Public information.',
        querystring: guidanceQuerySchema,
        response: { 200: guidanceSchema, 400: errorResponseSchema },
      },
    },
    async (req, reply) => {
      void reply.header('cache-control', 'public, max-age=3600');
      return guidanceFor(req.query.direction, req.query.hireType);
    },
  );
};
