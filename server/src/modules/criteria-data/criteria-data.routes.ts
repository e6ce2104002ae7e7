import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema, idParamSchema } from '../../../../common/src/schemas/common.schema.ts';
import {
  companyParamsSchema,
  companyRecordParamsSchema,
  companyYearParamsSchema,
  contractInputSchema,
  contractItemSchema,
  contractListQuerySchema,
  contractListSchema,
  divisionParamsSchema,
  divisionRevenueInputSchema,
  divisionRevenueItemSchema,
  divisionRevenueListSchema,
  divisionYearParamsSchema,
  exchangeHistoryInputSchema,
  exchangeHistoryItemSchema,
  exchangeHistoryListSchema,
  exchangeHistoryQuerySchema,
  importResultSchema,
  involvementInputSchema,
  involvementItemSchema,
  involvementListSchema,
  jurisdictionInputSchema,
  jurisdictionItemSchema,
  jurisdictionListSchema,
  postLicensingPatchSchema,
  postLicensingSchema,
  postInputSchema,
  postItemSchema,
  postParamsSchema,
  salesInputSchema,
  salesItemSchema,
  salesListSchema,
  sanctionInputSchema,
  sanctionItemSchema,
  sanctionListSchema,
  unitRecordParamsSchema,
} from '../../../../common/src/schemas/criteria-data.schema.ts';
import { AppError } from '../../platform/errors.ts';
import { acceptUploads, Upload } from '../../platform/upload.ts';
import { ImportRejected } from '../companies/companies.import.ts';

const errors = {
  400: errorResponseSchema,
  401: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const deleted = { 204: z.null(), ...errors };
const tags = ['criteria-data'];
const read = { permission: 'criteria_data:read' } as const;
const write = { permission: 'criteria_data:write' } as const;

const IMPORT_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];
const IMPORT_LIMIT = 20 * 1024 * 1024;
const IMPORT_ERRORS_SHOWN = 1000;

export const criteriaDataRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = app.services.criteriaData;

  // Files for POST /api/contracts/import arrive as the raw body (this plugin's parsers only).
  acceptUploads(app, IMPORT_TYPES, IMPORT_LIMIT);

  // ---------------------------------------------------------------- 売上額等

  app.get(
    '/api/companies/:id/sales',
    { config: read, schema: { tags, summary: '売上額等（年度別） / Sales per fiscal year', params: companyParamsSchema, response: { 200: salesListSchema, ...errors } } },
    async (req) => s.listSales(req.ctx, req.params.id),
  );
  app.put(
    '/api/companies/:id/sales',
    {
      config: write,
      schema: { tags, summary: '売上額等の登録・更新（1年度） / Record one fiscal year’s sales', params: companyParamsSchema, body: salesInputSchema, response: { 200: salesItemSchema, ...errors } },
    },
    async (req) => s.upsertSales(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/companies/:id/sales/:fiscalYear',
    { config: write, schema: { tags, params: companyYearParamsSchema, response: deleted } },
    async (req, reply) => {
      await s.deleteSales(req.ctx, req.params.id, req.params.fiscalYear);
      return reply.status(204).send(null);
    },
  );

  // ---------------------------------------------------------------- 起訴・不利益処分

  app.get(
    '/api/companies/:id/sanctions',
    { config: read, schema: { tags, summary: '起訴・不利益処分 / Prosecutions and dispositions', params: companyParamsSchema, response: { 200: sanctionListSchema, ...errors } } },
    async (req) => s.listSanctions(req.ctx, req.params.id),
  );
  app.post(
    '/api/companies/:id/sanctions',
    { config: write, schema: { tags, params: companyParamsSchema, body: sanctionInputSchema, response: { 201: sanctionItemSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.addSanction(req.ctx, req.params.id, req.body)),
  );
  app.delete(
    '/api/companies/:id/sanctions/:recordId',
    { config: write, schema: { tags, params: companyRecordParamsSchema, response: deleted } },
    async (req, reply) => {
      await s.deleteSanction(req.ctx, req.params.id, req.params.recordId);
      return reply.status(204).send(null);
    },
  );

  // ---------------------------------------------------------------- 部門別の収益

  app.get(
    '/api/companies/:id/divisions/:divisionId/revenue',
    { config: read, schema: { tags, summary: '部門の収益（年度別） / Division revenue per fiscal year', params: divisionParamsSchema, response: { 200: divisionRevenueListSchema, ...errors } } },
    async (req) => s.listRevenue(req.ctx, req.params.id, req.params.divisionId),
  );
  app.put(
    '/api/companies/:id/divisions/:divisionId/revenue',
    { config: write, schema: { tags, params: divisionParamsSchema, body: divisionRevenueInputSchema, response: { 200: divisionRevenueItemSchema, ...errors } } },
    async (req) => s.upsertRevenue(req.ctx, req.params.id, req.params.divisionId, req.body),
  );
  app.delete(
    '/api/companies/:id/divisions/:divisionId/revenue/:fiscalYear',
    { config: write, schema: { tags, params: divisionYearParamsSchema, response: deleted } },
    async (req, reply) => {
      await s.deleteRevenue(req.ctx, req.params.id, req.params.divisionId, req.params.fiscalYear);
      return reply.status(204).send(null);
    },
  );

  // ---------------------------------------------------------------- 府省等との契約

  app.get(
    '/api/contracts',
    { config: read, schema: { tags, summary: '府省等と法人との契約額（年度別総額） / Contract totals per fiscal year', querystring: contractListQuerySchema, response: { 200: contractListSchema, ...errors } } },
    async (req) => s.listContracts(req.ctx, req.query),
  );
  app.post(
    '/api/contracts',
    { config: write, schema: { tags, body: contractInputSchema, response: { 201: contractItemSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.addContract(req.ctx, req.body)),
  );
  app.delete(
    '/api/contracts/:id',
    { config: write, schema: { tags, params: idParamSchema, response: deleted } },
    async (req, reply) => {
      await s.deleteContract(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/contracts/import',
    {
      config: { permission: 'criteria_data:import' },
      bodyLimit: IMPORT_LIMIT,
      schema: {
        tags,
        summary: '契約額の一括取込（CSV / xlsx、全件成功時のみ登録） / Import contract totals (CSV or xlsx, all or nothing)',
        description:
          '本文にファイルそのものを送ります（Content-Type: text/csv 又は application/vnd.openxmlformats-officedocument.spreadsheetml.sheet）。列: 府省等（コード又は名称）, 法人番号, 年度, 契約額。 / Send the file as the body. Columns: organisation (code or name), corporate number, fiscal year, amount (yen).',
        querystring: z.strictObject({ filename: z.string().max(200).optional() }),
        response: { 200: importResultSchema, ...errors, 415: errorResponseSchema, 422: errorResponseSchema },
      },
    },
    async (req) => {
      const body = req.body as unknown;
      const file = body instanceof Upload ? body.bytes : typeof body === 'string' ? Buffer.from(body, 'utf8') : null;
      if (!file) throw new AppError('unsupported_media_type');
      const label = (req.query.filename ?? 'upload').replace(/[/\\]/g, '_');
      try {
        return await s.importContracts(req.ctx, file, label);
      } catch (err) {
        if (!(err instanceof ImportRejected)) throw err;
        // Every bad row is found; the answer lists the first ones (a whole bad file would make it
        // tens of megabytes) and says how many there are. The CLI prints them all.
        const shown = err.rowErrors.slice(0, IMPORT_ERRORS_SHOWN);
        throw new AppError('import_rejected', {
          details: { errors: err.rowErrors.length, shown: shown.length, rows: shown },
          fields: shown.map((e) => ({ path: `${e.row}.${e.column}`, code: e.code, message: e.message })),
        });
      }
    },
  );

  // ---------------------------------------------------------------- 所管関係

  app.get(
    '/api/org-units/:id/jurisdictions',
    { config: read, schema: { tags, summary: '課等が許認可等を所掌する法人 / Companies a unit licenses', params: idParamSchema, response: { 200: jurisdictionListSchema, ...errors } } },
    async (req) => s.listJurisdictions(req.ctx, req.params.id),
  );
  app.post(
    '/api/org-units/:id/jurisdictions',
    { config: write, schema: { tags, params: idParamSchema, body: jurisdictionInputSchema, response: { 201: jurisdictionItemSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.addJurisdiction(req.ctx, req.params.id, req.body)),
  );
  app.delete(
    '/api/org-units/:id/jurisdictions/:recordId',
    { config: write, schema: { tags, params: unitRecordParamsSchema, response: deleted } },
    async (req, reply) => {
      await s.deleteJurisdiction(req.ctx, req.params.id, req.params.recordId);
      return reply.status(204).send(null);
    },
  );

  // ---------------------------------------------------------------- 契約への関与 (個人情報)

  app.get(
    '/api/people/:id/contract-involvements',
    { config: read, schema: { tags, summary: '契約の締結・履行に携わった期間 / Involvement in contracts', params: idParamSchema, response: { 200: involvementListSchema, ...errors } } },
    async (req) => s.listInvolvements(req.ctx, req.params.id),
  );
  app.post(
    '/api/people/:id/contract-involvements',
    { config: write, schema: { tags, params: idParamSchema, body: involvementInputSchema, response: { 201: involvementItemSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.addInvolvement(req.ctx, req.params.id, req.body)),
  );
  app.delete(
    '/api/people/:id/contract-involvements/:recordId',
    { config: write, schema: { tags, params: companyRecordParamsSchema, response: deleted } },
    async (req, reply) => {
      await s.deleteInvolvement(req.ctx, req.params.id, req.params.recordId);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/people/:id/posts',
    { config: write, schema: { tags, summary: '官職歴に官職を追加 / Add a post to the post history', params: idParamSchema, body: postInputSchema, response: { 201: postItemSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.addPost(req.ctx, req.params.id, req.body)),
  );
  app.delete(
    '/api/people/:id/posts/:postId',
    { config: write, schema: { tags, summary: '官職歴から官職を削除 / Remove a post from the post history', params: postParamsSchema, response: deleted } },
    async (req, reply) => {
      await s.deletePost(req.ctx, req.params.id, req.params.postId);
      return reply.status(204).send(null);
    },
  );
  app.patch(
    '/api/people/:id/posts/:postId',
    {
      config: write,
      schema: { tags, summary: '官職が許認可等の事務を所掌するか / Whether a post handles its unit’s licensing', params: postParamsSchema, body: postLicensingPatchSchema, response: { 200: postLicensingSchema, ...errors } },
    },
    async (req) => s.setPostLicensing(req.ctx, req.params.id, req.params.postId, req.body.handlesLicensing),
  );

  // ---------------------------------------------------------------- 過去の交流

  app.get(
    '/api/exchange-history',
    { config: read, schema: { tags, summary: '過去の交流（法人×課等） / Past exchanges', querystring: exchangeHistoryQuerySchema, response: { 200: exchangeHistoryListSchema, ...errors } } },
    async (req) => s.listHistory(req.ctx, req.query),
  );
  app.post(
    '/api/exchange-history',
    { config: write, schema: { tags, body: exchangeHistoryInputSchema, response: { 201: exchangeHistoryItemSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.addHistory(req.ctx, req.body)),
  );
  app.delete(
    '/api/exchange-history/:id',
    { config: write, schema: { tags, params: idParamSchema, response: deleted } },
    async (req, reply) => {
      await s.deleteHistory(req.ctx, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
