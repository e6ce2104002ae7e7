import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roleSchema } from '../../../../common/src/schemas/common.schema.ts';

export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/dashboard',
    {
      config: { permission: 'authenticated' },
      schema: { tags: ['dashboard'], response: { 200: z.object({ role: roleSchema, items: z.array(z.object({ key: z.string(), value: z.number() })) }) } },
    },
    async (req) => app.services.dashboard.forActor(req.actor!),
  );
};
