import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema, idParamSchema } from '../../../../common/src/schemas/common.schema.ts';
import {
  companyDetailSchema,
  companyInputSchema,
  companyListQuerySchema,
  companyListResponseSchema,
  companyPatchSchema,
  divisionInputSchema,
  divisionSchema,
} from '../../../../common/src/schemas/companies.schema.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

export const companiesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { companies } = app.services;

  app.get(
    '/api/companies',
    {
      config: { permission: 'companies:read' },
      schema: {
        tags: ['companies'],
        summary: '企業ディレクトリの検索 / Search the company directory',
        querystring: companyListQuerySchema,
        response: { 200: companyListResponseSchema, ...errors },
      },
    },
    async (req) => companies.search(req.actor!, req.query),
  );

  app.get(
    '/api/companies/:id',
    { config: { permission: 'companies:read' }, schema: { tags: ['companies'], params: idParamSchema, response: { 200: companyDetailSchema, ...errors } } },
    async (req) => companies.detail(req.actor!, req.params.id),
  );

  app.post(
    '/api/companies',
    {
      config: { permission: 'companies:import' },
      schema: { tags: ['companies'], body: companyInputSchema, response: { 201: companyDetailSchema, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await companies.create(req.body, req.ctx)),
  );

  app.patch(
    '/api/companies/:id',
    {
      config: { permission: 'companies:write' },
      schema: { tags: ['companies'], params: idParamSchema, body: companyPatchSchema, response: { 200: companyDetailSchema, ...errors } },
    },
    async (req) => companies.update(req.params.id, req.body, req.ctx),
  );

  app.post(
    '/api/companies/:id/divisions',
    {
      config: { permission: 'companies:write' },
      schema: { tags: ['companies'], params: idParamSchema, body: divisionInputSchema, response: { 201: divisionSchema, ...errors } },
    },
    async (req, reply) => reply.status(201).send(await companies.addDivision(req.params.id, req.body.name, req.ctx)),
  );
};
