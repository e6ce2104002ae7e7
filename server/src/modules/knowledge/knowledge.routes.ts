import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema } from '../../../../common/src/schemas/common.schema.ts';
import {
  knowledgeCreateSchema,
  knowledgeHistorySchema,
  knowledgeListQuerySchema,
  knowledgeListSchema,
  knowledgePageQuerySchema,
  knowledgePageSchema,
  knowledgePublishSchema,
  knowledgeSlugParamsSchema,
  knowledgeUpdateSchema,
  knowledgeVersionParamsSchema,
  knowledgeVersionSchema,
  qaListSchema,
  qaQuerySchema,
} from '../../../../common/src/schemas/knowledge.schema.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };
const tags = ['knowledge'];
const open = { permission: 'public' } as const;
const edit = { permission: 'knowledge:edit' } as const;

export const knowledgeRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = app.services.knowledge;

  // ---------------------------------------------------------------- public (no login)

  app.get(
    '/api/public/knowledge/pages',
    {
      config: open,
      schema: {
        tags,
        summary: '公開中の知識ページ一覧（区分で絞込み） / Published knowledge pages, optionally of one section',
        querystring: knowledgeListQuerySchema,
        response: { 200: knowledgeListSchema, ...errors },
      },
    },
    async (req) => s.list(req.query.section),
  );
  app.get(
    '/api/public/knowledge/pages/:slug',
    {
      config: open,
      schema: {
        tags,
        summary: '知識ページ（交流基準の数値はパラメータから解決） / A knowledge page, criteria figures resolved from the parameters',
        description:
          '本文の {{param:ID}} は交流基準パラメータの参照で、asOf（既定は本日）時点の値と出典を parameters に返します。 / ' +
          '{{param:ID}} in a body refers to a criteria parameter; `parameters` holds its value in force on `asOf` (default: today) with its citation.',
        params: knowledgeSlugParamsSchema,
        querystring: knowledgePageQuerySchema,
        response: { 200: knowledgePageSchema, ...errors },
      },
    },
    async (req) => s.page(req.params.slug, req.query.asOf),
  );
  app.get(
    '/api/public/knowledge/qa',
    {
      config: open,
      schema: {
        tags,
        summary: 'Q&Aの検索（全角・半角、ひらがな・カタカナを区別しない） / Search the Q&A (full/half width and hiragana/katakana folded)',
        querystring: qaQuerySchema,
        response: { 200: qaListSchema, ...errors },
      },
    },
    async (req) => s.searchQa(req.query),
  );

  // ---------------------------------------------------------------- editing (NPA, center)

  app.get(
    '/api/knowledge/pages',
    {
      config: edit,
      schema: { tags, summary: '知識ページ一覧（非公開を含む） / Knowledge pages, unpublished ones included', querystring: knowledgeListQuerySchema, response: { 200: knowledgeListSchema, ...errors } },
    },
    async (req) => s.listForEditor(req.ctx, req.query.section),
  );
  app.post(
    '/api/knowledge/pages',
    {
      config: edit,
      schema: {
        tags,
        summary: '知識ページの作成 / Create a knowledge page',
        description: 'スラッグが使用済みなら409。 / 409 when the slug is taken. 422 when a body refers to an unknown parameter or links to a target not allowed.',
        body: knowledgeCreateSchema,
        response: { 201: knowledgePageSchema, ...errors, 409: errorResponseSchema, 422: errorResponseSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await s.create(req.ctx, req.body)),
  );
  app.get(
    '/api/knowledge/pages/:slug',
    {
      config: edit,
      schema: {
        tags,
        summary: '編集用の知識ページ（非公開を含む） / A knowledge page for editing (unpublished too)',
        params: knowledgeSlugParamsSchema,
        querystring: knowledgePageQuerySchema,
        response: { 200: knowledgePageSchema, ...errors },
      },
    },
    async (req) => s.pageForEditor(req.ctx, req.params.slug, req.query.asOf),
  );
  app.put(
    '/api/knowledge/pages/:slug',
    {
      config: edit,
      schema: {
        tags,
        summary: '題名・本文（日英）の更新（直前の版を履歴に保存） / Update title and body (ja/en); the previous text is kept as a version',
        description: '編集元の版（version）が最新でなければ409。 / 409 when `version` is not the current version (someone saved first).',
        params: knowledgeSlugParamsSchema,
        body: knowledgeUpdateSchema,
        response: { 200: knowledgePageSchema, ...errors, 409: errorResponseSchema, 422: errorResponseSchema },
      },
    },
    async (req) => s.update(req.ctx, req.params.slug, req.body),
  );
  app.post(
    '/api/knowledge/pages/:slug/publish',
    {
      config: edit,
      schema: {
        tags,
        summary: '公開・非公開の切替え / Publish or unpublish a page',
        params: knowledgeSlugParamsSchema,
        body: knowledgePublishSchema,
        response: { 200: knowledgePageSchema, ...errors },
      },
    },
    async (req) => s.setPublished(req.ctx, req.params.slug, req.body.published),
  );
  app.get(
    '/api/knowledge/pages/:slug/versions',
    {
      config: edit,
      schema: { tags, summary: '版の履歴 / Version history', params: knowledgeSlugParamsSchema, response: { 200: knowledgeHistorySchema, ...errors } },
    },
    async (req) => s.history(req.ctx, req.params.slug),
  );
  app.get(
    '/api/knowledge/pages/:slug/versions/:version',
    {
      config: edit,
      schema: {
        tags,
        summary: '過去の版の内容 / One version’s text',
        params: knowledgeVersionParamsSchema,
        querystring: knowledgePageQuerySchema,
        response: { 200: knowledgeVersionSchema, ...errors },
      },
    },
    async (req) => s.version(req.ctx, req.params.slug, req.params.version, req.query.asOf),
  );
};
