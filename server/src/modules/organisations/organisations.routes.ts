import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema, idParamSchema } from '../../../../common/src/schemas/common.schema.ts';
import { organisationSchema, organisationTreeSchema, referenceBundleSchema } from '../../../../common/src/schemas/reference.schema.ts';

const list = z.object({ items: z.array(organisationSchema) });

export const organisationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { organisations } = app.services;

  app.get(
    '/api/public/organisations',
    {
      config: { permission: 'public' },
      schema: { tags: ['public'], summary: '各府省等のお問い合わせ先 / Ministry contacts directory', response: { 200: list } },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return { items: await organisations.list() };
    },
  );

  app.get(
    '/api/reference',
    { config: { permission: 'public' }, schema: { tags: ['public'], response: { 200: referenceBundleSchema } } },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return organisations.reference();
    },
  );

  app.get(
    '/api/organisations',
    { config: { permission: 'organisations:read' }, schema: { tags: ['organisations'], response: { 200: list, 401: errorResponseSchema } } },
    async () => ({ items: await organisations.list() }),
  );

  app.get(
    '/api/organisations/:id',
    {
      config: { permission: 'organisations:read' },
      schema: { tags: ['organisations'], params: idParamSchema, response: { 200: organisationTreeSchema, 404: errorResponseSchema } },
    },
    async (req) => organisations.tree(req.params.id),
  );
};
