import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema } from '../../../../common/src/schemas/common.schema.ts';
import { errorResponses } from '../../platform/route-errors.ts';
import {
  attendanceInputSchema,
  contactInputSchema,
  contactListSchema,
  contactParamsSchema,
  contactPatchSchema,
  contactSchema,
  emptyBodySchema,
  eventFiguresSchema,
  eventInputSchema,
  eventListSchema,
  eventParamsSchema,
  eventPatchSchema,
  eventSchema,
  managedEventListSchema,
  ministriesInputSchema,
  publicEventsQuerySchema,
  registrationInputSchema,
  registrationListSchema,
  registrationParamsSchema,
  registrationSchema,
  sessionInputSchema,
  sessionParamsSchema,
  sessionPatchSchema,
} from '../../../../common/src/schemas/events.schema.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['events'];
const manage = { permission: 'events:manage' } as const;
const register = { permission: 'events:register' } as const;

export const eventsRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = app.services.events;

  // ---------------------------------------------------------------- public (no login)

  app.get(
    '/api/public/events',
    {
      config: { permission: 'public' },
      schema: {
        tags,
        summary: '説明会の一覧（回ごとの残席付き） / Information sessions, with seats left per session',
        description: '準備中の説明会は含まない。残席は個人情報ではない。 / Events being prepared are left out. Seats left are not personal data.',
        querystring: publicEventsQuerySchema,
        response: { 200: eventListSchema, ...errors },
      },
    },
    async (req) => s.publicEvents(req.ctx, req.query),
  );
  app.get(
    '/api/public/events/:id',
    {
      config: { permission: 'public' },
      schema: { tags, summary: '説明会の詳細（回、プログラム、参加府省等、オンライン配信期間） / An event: sessions, programme, ministries, replay period', params: eventParamsSchema, response: { 200: eventSchema, ...errors } },
    },
    async (req) => s.event(req.ctx, req.params.id),
  );

  // ---------------------------------------------------------------- company HR

  app.post(
    '/api/events/:id/registrations',
    {
      config: register,
      schema: {
        tags,
        summary: '説明会への申込み（実地の回又はオンライン配信） / Register for an on-site session or the online replay',
        description:
          '満席の回は422（event_session_full）、同じ回（又はオンライン配信）への2件目の申込みは409（event_registration_duplicate）。 / A full session is 422 (event_session_full); a second registration for the same session (or the replay) is 409 (event_registration_duplicate).',
        params: eventParamsSchema,
        body: registrationInputSchema,
        response: { 201: registrationSchema, ...errors, 422: errorResponseSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await s.register(req.ctx, req.params.id, req.body)),
  );
  app.get(
    '/api/event-registrations/mine',
    { config: register, schema: { tags, summary: '自社の申込み / The company’s own registrations', response: { 200: registrationListSchema, ...errors } } },
    async (req) => s.ownRegistrations(req.ctx),
  );
  app.post(
    '/api/event-registrations/:id/cancel',
    {
      config: register,
      schema: { tags, summary: '申込みの取消し（回の開始前まで） / Cancel a registration (until the session starts)', params: registrationParamsSchema, body: emptyBodySchema, response: { 200: registrationSchema, ...errors } },
    },
    async (req) => s.cancel(req.ctx, req.params.id),
  );

  // ---------------------------------------------------------------- organisers (center, NPA)

  app.get(
    '/api/events',
    { config: manage, schema: { tags, summary: '説明会の管理一覧（準備中を含む、実施状況の数値付き） / All events, with their figures', response: { 200: managedEventListSchema, ...errors } } },
    async (req) => s.managedEvents(req.ctx),
  );
  app.post(
    '/api/events',
    {
      config: manage,
      schema: {
        tags,
        summary: '説明会の作成 / Create an event',
        description: 'オンライン配信の終了日を省くと、開始日から1か月（events.replay_months）。 / Without a replay end, the replay lasts one month from its start (events.replay_months).',
        body: eventInputSchema,
        response: { 201: eventSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.createEvent(req.ctx, req.body)),
  );
  app.patch(
    '/api/events/:id',
    { config: manage, schema: { tags, summary: '説明会の変更 / Edit an event', params: eventParamsSchema, body: eventPatchSchema, response: { 200: eventSchema, ...errors } } },
    async (req) => s.updateEvent(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/events/:id/sessions',
    { config: manage, schema: { tags, summary: '回（実地開催）の追加 / Add an on-site session', params: eventParamsSchema, body: sessionInputSchema, response: { 201: eventSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.addSession(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/api/events/:id/sessions/:sessionId',
    {
      config: manage,
      schema: {
        tags,
        summary: '回の変更（定員は申込済みの人数未満にできない） / Edit a session (the capacity cannot go below the people registered)',
        params: sessionParamsSchema,
        body: sessionPatchSchema,
        response: { 200: eventSchema, ...errors },
      },
    },
    async (req) => s.updateSession(req.ctx, req.params.id, req.params.sessionId, req.body),
  );
  app.delete(
    '/api/events/:id/sessions/:sessionId',
    { config: manage, schema: { tags, summary: '回の削除（申込みのない回のみ） / Delete a session without registrations', params: sessionParamsSchema, response: { 200: eventSchema, ...errors } } },
    async (req) => s.deleteSession(req.ctx, req.params.id, req.params.sessionId),
  );
  app.put(
    '/api/events/:id/ministries',
    {
      config: manage,
      schema: { tags, summary: '参加府省等（意向紹介・意見交換／意見交換のみ） / The ministries taking part (talks / exchange of views only)', params: eventParamsSchema, body: ministriesInputSchema, response: { 200: eventSchema, ...errors } },
    },
    async (req) => s.setMinistries(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/events/:id/registrations',
    {
      config: manage,
      schema: { tags, summary: '申込みの一覧（参加者氏名を含む。閲覧は監査記録に残る） / Registrations with attendees’ names (the read is audited)', params: eventParamsSchema, response: { 200: registrationListSchema, ...errors } },
    },
    async (req) => s.eventRegistrations(req.ctx, req.params.id),
  );
  app.put(
    '/api/events/:id/attendance',
    {
      config: manage,
      schema: { tags, summary: '出席（視聴）人数の記録 / Record attendance (on site) or viewing (online)', params: eventParamsSchema, body: attendanceInputSchema, response: { 200: eventFiguresSchema, ...errors } },
    },
    async (req) => (await s.recordAttendance(req.ctx, req.params.id, req.body)).figures,
  );
  app.get(
    '/api/events/:id/contacts',
    { config: manage, schema: { tags, summary: '説明会後の情報交換とフォローアップ / Contact exchanges after the event and their follow-up', params: eventParamsSchema, response: { 200: contactListSchema, ...errors } } },
    async (req) => s.contacts(req.ctx, req.params.id),
  );
  app.post(
    '/api/events/:id/contacts',
    { config: manage, schema: { tags, summary: '情報交換の記録 / Record a contact exchange', params: eventParamsSchema, body: contactInputSchema, response: { 201: contactSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.addContact(req.ctx, req.params.id, req.body)),
  );
  app.patch(
    '/api/events/:id/contacts/:contactId',
    { config: manage, schema: { tags, summary: 'フォローアップ状況の更新 / Update a contact’s follow-up', params: contactParamsSchema, body: contactPatchSchema, response: { 200: contactSchema, ...errors } } },
    async (req) => s.updateContact(req.ctx, req.params.id, req.params.contactId, req.body),
  );
  app.get(
    '/api/events/:id/figures',
    { config: manage, schema: { tags, summary: '実施状況の数値（記録から計算） / The event’s figures, computed from the records', params: eventParamsSchema, response: { 200: eventFiguresSchema, ...errors } } },
    async (req) => s.figures(req.ctx, req.params.id),
  );
};
