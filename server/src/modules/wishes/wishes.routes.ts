// HTTP for wish sheets (交流希望シート): the owner's API under /api/wishes (wishes:write), the
// public listing under /api/public/wishes (no login), and the interested-companies list
// (官民人事交流に関心が高い企業の一覧) with its CSV and xlsx exports. Thin: the service decides.
// Route list for the web pages: /work/brief/wishes-api.md.
import { sendCsv, sendXlsx, type ExportColumn } from '../../platform/table-export.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponseSchema } from '../../../../common/src/schemas/common.schema.ts';
import { errorResponses } from '../../platform/route-errors.ts';
import {
  FIELDS_OF_WORK,
  interestedCompanyExportQuerySchema,
  interestedCompanyListSchema,
  interestedCompanyQuerySchema,
  myWishQuerySchema,
  publicWishDetailSchema,
  publicWishListSchema,
  publicWishQuerySchema,
  wishHistorySchema,
  wishReferenceParamsSchema,
  wishSheetDetailSchema,
  wishSheetInputSchema,
  wishSheetListSchema,
  wishSheetParamsSchema,
  wishSheetUpdateSchema,
  wishTransitionSchema,
  type InterestedCompanyItem,
} from '../../../../common/src/schemas/wishes.schema.ts';

const errors = errorResponses(400, 401, 403, 404, 409);
const tags = ['wishes'];
const publicTags = ['public'];
const write = { permission: 'wishes:write' } as const;
const interested = { permission: 'interested_companies:read' } as const;

const fieldJa = new Map<string, string>(FIELDS_OF_WORK.map((f) => [f.code, f.ja]));

const sizeJa = { large: '大企業', medium: '中堅企業', small: '小規模' } as const;
const exportColumns: ExportColumn<InterestedCompanyItem>[] = [
  { header: '法人番号 / Corporate number', value: (c) => c.corporateNumber },
  { header: '企業名 / Company', value: (c) => c.companyName },
  { header: '業種 / Industry', value: (c) => (c.industry ? `${c.industry.code} ${c.industry.ja}` : '') },
  { header: '所在地 / Prefecture', value: (c) => c.prefecture?.ja ?? '' },
  { header: '従業員数 / Employees', value: (c) => c.employees ?? '' },
  { header: '資本金（円） / Capital (yen)', value: (c) => c.capitalYen ?? '' },
  { header: '規模 / Size', value: (c) => (c.size ? `${sizeJa[c.size]} (${c.size})` : '') },
  { header: '交流派遣（受入れ） / Hosts officials', value: (c) => (c.wantsDispatch ? '希望 / yes' : '') },
  { header: '交流採用（送り出し） / Sends employees', value: (c) => (c.wantsHire ? '希望 / yes' : '') },
  { header: '業務分野 / Fields of work', value: (c) => c.fieldCodes.map((f) => fieldJa.get(f) ?? f).join('、') },
  { header: '希望する府省等 / Wanted ministries', value: (c) => c.wantedMinistries.map((m) => m.ja).join('、') },
  { header: '交流希望シート / Wish sheets', value: (c) => c.sheetReferences.join(' ') },
  { header: '公募への応募 / Call application', value: (c) => (c.sources.includes('call_application') ? '受理 / accepted' : '') },
  { header: '条件 / Conditions', value: (c) => c.conditions },
  { header: '担当者 / Contact', value: (c) => c.contactName ?? '' },
  { header: 'メール / E-mail', value: (c) => c.contactEmail ?? '' },
  { header: '電話 / Phone', value: (c) => c.contactPhone ?? '' },
];

export const wishesRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = app.services.wishes;

  // ---------------------------------------------------------------- public listing

  app.get(
    '/api/public/wishes',
    {
      config: { permission: 'public' },
      schema: {
        tags: publicTags,
        summary: '交流希望シートの公開一覧・検索 / Public listing and search of wish sheets',
        description:
          'ログイン不要。公開中で掲載期限内のシートのみ。q は空白区切りの語がすべて含まれるもの（全角・半角、ひらがな・カタカナ、主な語の読みを区別しない）。 / No login. Published, unexpired sheets only. q: every space-separated word must occur (full/half width, hiragana/katakana and the readings of common words are folded).',
        querystring: publicWishQuerySchema,
        response: { 200: publicWishListSchema, 400: errorResponseSchema },
      },
    },
    async (req, reply) => {
      const r = await s.publicListFrom(req.query);
      reply.header('x-koryu-listing', r.source); // in-process index or SQL (while the index loads)
      return r.list;
    },
  );
  app.get(
    '/api/public/wishes/:reference',
    {
      config: { permission: 'public' },
      schema: {
        tags: publicTags,
        summary: '交流希望シートの公開ページ / A published wish sheet (stable URL)',
        params: wishReferenceParamsSchema,
        response: { 200: publicWishDetailSchema, 400: errorResponseSchema, 404: errorResponseSchema },
      },
    },
    async (req) => s.publicDetail(req.params.reference),
  );

  // ---------------------------------------------------------------- own sheets

  app.get(
    '/api/wishes',
    {
      config: write,
      schema: {
        tags,
        summary: '自府省等・自社の交流希望シート（人事院は全件） / Own sheets (the NPA: all)',
        querystring: myWishQuerySchema,
        response: { 200: wishSheetListSchema, ...errors },
      },
    },
    async (req) => s.listMine(req.ctx, req.query),
  );
  app.post(
    '/api/wishes',
    {
      config: write,
      schema: {
        tags,
        summary: '交流希望シートの作成（下書き） / Create a wish sheet (as a draft)',
        body: wishSheetInputSchema,
        response: { 201: wishSheetDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.create(req.ctx, req.body)),
  );
  app.get(
    '/api/wishes/:id',
    { config: write, schema: { tags, summary: '交流希望シート / A wish sheet', params: wishSheetParamsSchema, response: { 200: wishSheetDetailSchema, ...errors } } },
    async (req) => s.get(req.ctx, req.params.id),
  );
  app.put(
    '/api/wishes/:id',
    {
      config: write,
      schema: {
        tags,
        summary: '交流希望シートの編集（版番号が古ければ409） / Edit a sheet (409 when the version is stale)',
        params: wishSheetParamsSchema,
        body: wishSheetUpdateSchema,
        response: { 200: wishSheetDetailSchema, ...errors },
      },
    },
    async (req) => s.update(req.ctx, req.params.id, req.body),
  );
  for (const [event, summary] of [
    ['publish', '公開（掲載期限がなければ既定の期間） / Publish (the default listing period when no expiry is set)'],
    ['close', '終了 / Close'],
    ['reopen', '下書きに戻す（終了・期限切れのシート） / Reopen as a draft (closed or expired sheets)'],
  ] as const) {
    app.post(
      `/api/wishes/:id/${event}`,
      {
        config: write,
        schema: { tags, summary, params: wishSheetParamsSchema, body: wishTransitionSchema, response: { 200: wishSheetDetailSchema, ...errors } },
      },
      async (req) => s[event](req.ctx, req.params.id, req.body),
    );
  }
  app.get(
    '/api/wishes/:id/history',
    {
      config: write,
      schema: { tags, summary: '編集履歴（保存ごとの版） / Edit history (every saved version)', params: wishSheetParamsSchema, response: { 200: wishHistorySchema, ...errors } },
    },
    async (req) => s.history(req.ctx, req.params.id),
  );

  // ---------------------------------------------------------------- 官民人事交流に関心が高い企業の一覧

  app.get(
    '/api/interested-companies',
    {
      config: interested,
      schema: {
        tags,
        summary: '官民人事交流に関心が高い企業の一覧 / Companies interested in exchanges (accepted applicants and sheet posters)',
        querystring: interestedCompanyQuerySchema,
        response: { 200: interestedCompanyListSchema, ...errors },
      },
    },
    async (req) => s.interestedCompanies(req.ctx, req.query),
  );
  app.get(
    '/api/interested-companies.csv',
    { config: interested, schema: { tags, summary: '関心企業一覧のCSV出力 / Export as CSV', querystring: interestedCompanyExportQuerySchema, produces: ['text/csv'] } },
    async (req, reply) => {
      return sendCsv(reply, 'interested-companies.csv', exportColumns, await s.interestedCompaniesExport(req.ctx, req.query, 'csv'));
    },
  );
  app.get(
    '/api/interested-companies.xlsx',
    { config: interested, schema: { tags, summary: '関心企業一覧のExcel出力 / Export as xlsx', querystring: interestedCompanyExportQuerySchema } },
    async (req, reply) => {
      return sendXlsx(reply, 'interested-companies.xlsx', '関心企業一覧', exportColumns, await s.interestedCompaniesExport(req.ctx, req.query, 'xlsx'), 20);
    },
  );
};
