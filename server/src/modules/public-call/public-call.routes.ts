import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema } from '../../../../common/src/schemas/common.schema.ts';
import { errorResponses } from '../../platform/route-errors.ts';
import {
  callApplicationInputSchema,
  callApplicationParamsSchema,
  callApplicationReturnSchema,
  callApplicationSchema,
  consultationDetailSchema,
  consultationInputSchema,
  consultationListQuerySchema,
  consultationListSchema,
  consultationMessageInputSchema,
  consultationParamsSchema,
  emptyBodySchema,
  ownCallApplicationsSchema,
  reviewListSchema,
  reviewQuerySchema,
  rosterListSchema,
  rosterQuerySchema,
} from '../../../../common/src/schemas/public-call.schema.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['public-call'];
const consultationTags = ['consultations'];
const apply = { permission: 'public_call:apply' } as const;
const review = { permission: 'public_call:review' } as const;
const consult = { permission: 'consultations:use' } as const;

export const publicCallRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = app.services.publicCall;

  // ---------------------------------------------------------------- 応募 (company HR)

  app.post(
    '/api/call-applications',
    {
      config: apply,
      schema: {
        tags,
        summary: '公募への応募（年間を通じて受付） / Apply to the public call (open all year)',
        description: '審査中又は受理済みの応募がある間は応募できません（409）。 / One open (submitted or accepted) application per company (else 409).',
        body: callApplicationInputSchema,
        response: { 201: callApplicationSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.apply(req.ctx, req.body)),
  );
  app.get(
    '/api/call-applications/mine',
    { config: apply, schema: { tags, summary: '自社の応募と状況 / The company’s own applications and their status', response: { 200: ownCallApplicationsSchema, ...errors } } },
    async (req) => s.listOwn(req.ctx),
  );
  app.post(
    '/api/call-applications/:id/withdraw',
    {
      config: apply,
      schema: { tags, summary: '応募の取下げ / Withdraw an application', params: callApplicationParamsSchema, body: emptyBodySchema, response: { 200: callApplicationSchema, ...errors } },
    },
    async (req) => s.withdraw(req.ctx, req.params.id),
  );

  // ---------------------------------------------------------------- 審査 (NPA)

  app.get(
    '/api/call-applications',
    {
      config: review,
      schema: {
        tags,
        summary: '応募の審査待ち一覧（法人の種類の判定付き） / The review queue, with the legal-entity type check for today',
        querystring: reviewQuerySchema,
        response: { 200: reviewListSchema, ...errors },
      },
    },
    async (req) => s.reviewQueue(req.ctx, req.query),
  );
  app.post(
    '/api/call-applications/:id/accept',
    {
      config: review,
      schema: {
        tags,
        summary: '応募の受理（名簿に掲載） / Accept an application (it joins the roster)',
        description: '判断日に法人の種類が対象でなければ422。 / 422 when the legal-entity type is not eligible on the decision date.',
        params: callApplicationParamsSchema,
        body: emptyBodySchema,
        response: { 200: callApplicationSchema, ...errors, 422: errorResponseSchema },
      },
    },
    async (req) => s.accept(req.ctx, req.params.id),
  );
  app.post(
    '/api/call-applications/:id/return',
    {
      config: review,
      schema: {
        tags,
        summary: '応募の差戻し（理由は必須） / Return an application (a reason is required)',
        params: callApplicationParamsSchema,
        body: callApplicationReturnSchema,
        response: { 200: callApplicationSchema, ...errors },
      },
    },
    async (req) => s.returnApplication(req.ctx, req.params.id, req.body.reason),
  );

  // ---------------------------------------------------------------- 名簿

  app.get(
    '/api/roster',
    {
      config: { permission: 'roster:read' },
      schema: {
        tags,
        summary: '応募企業等の名簿（受理日の新しい順） / The roster of accepted applicants (newest acceptance first)',
        querystring: rosterQuerySchema,
        response: { 200: rosterListSchema, ...errors },
      },
    },
    async (req) => s.roster(req.ctx, req.query),
  );

  // ---------------------------------------------------------------- 事前相談

  app.get(
    '/api/consultations',
    {
      config: consult,
      schema: {
        tags: consultationTags,
        summary: '事前相談の一覧（企業は自社、府省等は自府省等宛て） / Consultations (a company its own, a ministry those addressed to it)',
        querystring: consultationListQuerySchema,
        response: { 200: consultationListSchema, ...errors },
      },
    },
    async (req) => s.listConsultations(req.ctx, req.query),
  );
  app.post(
    '/api/consultations',
    {
      config: consult,
      schema: {
        tags: consultationTags,
        summary: '府省等への事前相談を始める（民間企業等） / Open a consultation with a ministry (company HR)',
        body: consultationInputSchema,
        response: { 201: consultationDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.openConsultation(req.ctx, req.body)),
  );
  app.get(
    '/api/consultations/:id',
    { config: consult, schema: { tags: consultationTags, summary: '事前相談のやり取り / A consultation’s thread', params: consultationParamsSchema, response: { 200: consultationDetailSchema, ...errors } } },
    async (req) => s.consultation(req.ctx, req.params.id),
  );
  app.post(
    '/api/consultations/:id/messages',
    {
      config: consult,
      schema: {
        tags: consultationTags,
        summary: '事前相談への書き込み / Post to a consultation',
        params: consultationParamsSchema,
        body: consultationMessageInputSchema,
        response: { 201: consultationDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.postMessage(req.ctx, req.params.id, req.body.body)),
  );
  app.post(
    '/api/consultations/:id/close',
    {
      config: consult,
      schema: { tags: consultationTags, summary: '事前相談を終える / Close a consultation', params: consultationParamsSchema, body: emptyBodySchema, response: { 200: consultationDetailSchema, ...errors } },
    },
    async (req) => s.closeConsultation(req.ctx, req.params.id),
  );
};
