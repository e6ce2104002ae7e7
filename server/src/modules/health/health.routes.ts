import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), ok: z.boolean() }),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    { config: { permission: 'public' }, schema: { tags: ['operations'], response: { 200: healthSchema, 503: healthSchema } } },
    async (_req, reply) => {
      const ok = await Promise.race([
        app.database.ping().catch(() => false),
        new Promise<boolean>((r) => setTimeout(() => r(false), 2000)),
      ]);
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database: { kind: app.database.kind, ok } });
    },
  );
};
