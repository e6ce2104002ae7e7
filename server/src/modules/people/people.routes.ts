import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema, idParamSchema, pageQuery, pagedOf } from '../../../../common/src/schemas/common.schema.ts';

const personSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['official', 'employee']),
  familyName: z.string(),
  givenName: z.string(),
  familyNameKana: z.string().nullable(),
  givenNameKana: z.string().nullable(),
  birthDate: z.string().nullable(),
  gender: z.string().nullable(),
  organisationId: z.number().int().nullable(),
  companyId: z.number().int().nullable(),
});
const postSchema = z.object({
  id: z.number().int(),
  unitId: z.number().int(),
  unitNameJa: z.string(),
  unitNameEn: z.string(),
  postTitleJa: z.string(),
  postTitleEn: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string().nullable(),
  /** Whether the post's duties include its unit's licensing (交流基準; PATCH /api/people/:id/posts/:postId). */
  handlesLicensing: z.boolean(),
});

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { people } = app.services;
  app.get(
    '/api/people',
    {
      config: { permission: 'people:read' },
      schema: {
        tags: ['people'],
        querystring: z.strictObject({ q: z.string().max(100).optional(), ...pageQuery }),
        response: { 200: pagedOf(personSchema), 403: errorResponseSchema },
      },
    },
    async (req) => people.search(req.ctx, req.query.q, req.query.page, req.query.pageSize),
  );
  app.get(
    '/api/people/:id',
    {
      config: { permission: 'people:read' },
      schema: { tags: ['people'], params: idParamSchema, response: { 200: personSchema.extend({ posts: z.array(postSchema) }), 404: errorResponseSchema } },
    },
    async (req) => people.detail(req.ctx, req.params.id),
  );
};
