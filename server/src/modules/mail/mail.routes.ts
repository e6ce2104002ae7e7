import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema, idParamSchema } from '../../../../common/src/schemas/common.schema.ts';
import { mailDetailSchema, outboxPageSchema, outboxQuerySchema } from '../../../../common/src/schemas/mail.schema.ts';

// The outbox page's API (送信メール). Record scope: NPA every mail, others their own (mail.service.ts).
export const mailRoutes: FastifyPluginAsyncZod = async (app) => {
  const { mail } = app.services;
  app.get(
    '/api/mail/outbox',
    {
      config: { permission: 'mail:read' },
      schema: {
        tags: ['mail'],
        summary: '送信メール一覧 / Outbox',
        querystring: outboxQuerySchema,
        response: { 200: outboxPageSchema, 401: errorResponseSchema, 403: errorResponseSchema },
      },
    },
    async (req) => mail.list(req.ctx, req.query.status, req.query.page, req.query.pageSize),
  );
  app.get(
    '/api/mail/outbox/:id',
    {
      config: { permission: 'mail:read' },
      schema: {
        tags: ['mail'],
        summary: '送信メール / One mail of the outbox',
        params: idParamSchema,
        response: { 200: mailDetailSchema, 401: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (req) => mail.detail(req.ctx, req.params.id),
  );
};
