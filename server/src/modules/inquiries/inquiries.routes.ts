import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '../../platform/route-errors.ts';
import {
  inquiryActionSchema,
  inquiryContactsSchema,
  inquiryDetailSchema,
  inquiryForwardSchema,
  inquiryInputSchema,
  inquiryListQuerySchema,
  inquiryListSchema,
  inquiryMessageInputSchema,
  inquiryParamsSchema,
} from '../../../../common/src/schemas/inquiries.schema.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const tags = ['inquiries'];
// The two sides (inquiries:use) and the contact window (inquiries:manage) share the list, the
// thread, replies and closing: those routes only need a login, and the policy scopes the record
// (an account of neither kind sees no inquiry: an empty list, 404 for each).
const party = { permission: 'inquiries:use' } as const;
const window = { permission: 'inquiries:manage' } as const;
const either = { permission: 'authenticated' } as const;

export const inquiriesRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = app.services.inquiries;

  app.post(
    '/api/inquiries',
    {
      config: party,
      schema: {
        tags,
        summary: '交流希望シートについて問い合わせる（窓口宛て） / Ask the contact window about a wish sheet',
        description:
          '相手側（企業は府省等、府省等は企業等）の公開中のシートに限ります（それ以外は422）。 / Only a published sheet of the other side (a company asks about a ministry’s sheet and vice versa; else 422).',
        body: inquiryInputSchema,
        response: { 201: inquiryDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.ask(req.ctx, req.body)),
  );
  app.get(
    '/api/inquiries',
    {
      config: either,
      schema: {
        tags,
        summary: '問合せの一覧（窓口は全件、各側は自組織の分） / Inquiries (the window all; each side its own)',
        querystring: inquiryListQuerySchema,
        response: { 200: inquiryListSchema, ...errors },
      },
    },
    async (req) => s.list(req.ctx, req.query),
  );
  app.get(
    '/api/inquiries/:id',
    {
      config: either,
      schema: { tags, summary: '問合せのスレッドと経過 / An inquiry’s thread and timeline', params: inquiryParamsSchema, response: { 200: inquiryDetailSchema, ...errors } },
    },
    async (req) => s.inquiry(req.ctx, req.params.id),
  );
  app.post(
    '/api/inquiries/:id/messages',
    {
      config: either,
      schema: {
        tags,
        summary: '問合せへの書き込み（掲載側の最初の書き込みで回答済み） / Post to the thread (the owner’s first post answers)',
        params: inquiryParamsSchema,
        body: inquiryMessageInputSchema,
        response: { 201: inquiryDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.post(req.ctx, req.params.id, req.body)),
  );
  app.post(
    '/api/inquiries/:id/forward',
    {
      config: window,
      schema: {
        tags,
        summary: '掲載側へ回送（窓口） / Forward to the sheet’s owner (contact window)',
        params: inquiryParamsSchema,
        body: inquiryForwardSchema,
        response: { 200: inquiryDetailSchema, ...errors },
      },
    },
    async (req) => s.forward(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/inquiries/:id/agree',
    {
      config: party,
      schema: {
        tags,
        summary: '連絡先の交換に同意する（双方の同意で交換） / Agree to exchange contacts (exchanged once both agree)',
        params: inquiryParamsSchema,
        body: inquiryActionSchema,
        response: { 200: inquiryDetailSchema, ...errors },
      },
    },
    async (req) => s.agree(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/inquiries/:id/withdraw-agreement',
    {
      config: party,
      schema: {
        tags,
        summary: '同意の取消し（相手方の同意前に限る） / Withdraw the agreement (only before the other side agrees)',
        params: inquiryParamsSchema,
        body: inquiryActionSchema,
        response: { 200: inquiryDetailSchema, ...errors },
      },
    },
    async (req) => s.withdrawAgreement(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/inquiries/:id/close',
    {
      config: either,
      schema: { tags, summary: '問合せを終える（窓口又は問合せ側） / Close (the window or the asker)', params: inquiryParamsSchema, body: inquiryActionSchema, response: { 200: inquiryDetailSchema, ...errors } },
    },
    async (req) => s.close(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/inquiries/:id/contacts',
    {
      config: party,
      schema: {
        tags,
        summary: '交換された双方の連絡先（双方の同意後、当事者のみ。閲覧は監査記録） / Both sides’ contacts (after both agreed; the two sides only; every read audited)',
        params: inquiryParamsSchema,
        response: { 200: inquiryContactsSchema, ...errors },
      },
    },
    async (req) => s.contacts(req.ctx, req.params.id),
  );
};
