import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { localeBodySchema, loginBodySchema, sessionResponseSchema } from '../../../../common/src/schemas/auth.schema.ts';
import { registrationBodySchema } from '../../../../common/src/schemas/companies.schema.ts';
import { errorResponseSchema, idParamSchema } from '../../../../common/src/schemas/common.schema.ts';
import { SESSION_COOKIE } from './accounts.service.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

const pendingRegistrationSchema = z.object({
  accountId: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  createdAt: z.string(),
  // status 'pending': the registration creates the company; 'active'/'archived': it claims a directory entry.
  company: z.object({ id: z.number().int(), corporateNumber: z.string(), name: z.string(), legalTypeCode: z.string(), status: z.string() }),
});

export const accountsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { accounts } = app.services;

  app.get(
    '/api/auth/session',
    { config: { permission: 'public' }, schema: { tags: ['auth'], response: { 200: sessionResponseSchema } } },
    async (req) => req.sessionView ?? { account: null, csrfToken: null },
  );

  app.post(
    '/api/auth/login',
    {
      config: { permission: 'public' },
      schema: { tags: ['auth'], body: loginBodySchema, response: { 200: sessionResponseSchema, 423: errorResponseSchema, 429: errorResponseSchema, ...errors } },
    },
    async (req, reply) => {
      const { token, session } = await accounts.login(req.body, { ...req.ctx, userAgent: req.headers['user-agent'] }, req.sessionId);
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: req.protocol === 'https',
      });
      return session.view;
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { permission: 'public' }, schema: { tags: ['auth'] } },
    async (req, reply) => {
      if (req.sessionId) await accounts.logout(req.sessionId, req.ctx);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.put(
    '/api/auth/locale',
    { config: { permission: 'authenticated' }, schema: { tags: ['auth'], body: localeBodySchema } },
    async (req, reply) => {
      await accounts.setLocale(req.ctx, req.body.locale);
      return reply.status(204).send();
    },
  );

  app.post(
    '/api/registrations',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['accounts'],
        summary: '企業人事担当者の自己登録 / Company HR self-registration (approved by the NPA)',
        body: registrationBodySchema,
        response: {
          201: z.object({ accountId: z.number().int(), companyId: z.number().int(), status: z.literal('pending') }),
          429: errorResponseSchema,
          ...errors,
        },
      },
    },
    async (req, reply) => reply.status(201).send(await accounts.registerCompanyHr(req.body, req.ctx)),
  );

  app.get(
    '/api/registrations',
    {
      config: { permission: 'accounts:manage' },
      schema: { tags: ['accounts'], response: { 200: z.object({ items: z.array(pendingRegistrationSchema) }) } },
    },
    async () => {
      const rows = await accounts.listPending();
      return {
        items: rows.map((r) => ({
          accountId: r.accountId,
          email: r.email,
          displayName: r.displayName,
          createdAt: r.createdAt,
          company: { id: r.companyId, corporateNumber: r.corporateNumber, name: r.companyName, legalTypeCode: r.legalTypeCode, status: r.companyStatus },
        })),
      };
    },
  );

  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/api/registrations/:id/${decision}`,
      { config: { permission: 'accounts:manage' }, schema: { tags: ['accounts'], params: idParamSchema, response: { 204: z.null(), ...errors } } },
      async (req, reply) => {
        await accounts.decide(req.params.id, decision, req.ctx);
        return reply.status(204).send(null);
      },
    );
  }
};
