import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema, pageQuery } from '../../../../common/src/schemas/common.schema.ts';
import { auditPageSchema, auditVerifySchema } from '../../../../common/src/schemas/audit.schema.ts';

const querySchema = z.strictObject({
  action: z.string().max(100).optional(),
  recordType: z.string().max(100).optional(),
  recordId: z.string().max(100).optional(),
  actorAccountId: z.coerce.number().int().positive().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  ...pageQuery,
});


export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const { audit } = app.services;
  app.get(
    '/api/audit',
    {
      config: { permission: 'audit:read' },
      schema: { tags: ['audit'], summary: '監査証跡の検索 / Search the audit trail', querystring: querySchema, response: { 200: auditPageSchema, 403: errorResponseSchema } },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      return audit.search(f, page, pageSize, req.ctx);
    },
  );
  app.get(
    '/api/audit/verify',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags: ['audit'],
        response: { 200: auditVerifySchema },
      },
    },
    async () => {
      const r = await audit.verify();
      return r.ok ? { ok: true, rows: r.rows } : { ok: false, rows: r.rows, brokenAtId: r.brokenAtId, reason: r.reason };
    },
  );
};
