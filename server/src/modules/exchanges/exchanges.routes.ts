import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendCsv, sendXlsx, type ExportColumn } from '../../platform/table-export.ts';
import { z } from 'zod';
import { errorResponseSchema, idParamSchema } from '../../../../common/src/schemas/common.schema.ts';
import {
  caseDetailSchema,
  caseListQuerySchema,
  caseListSchema,
  caseMessageSchema,
  createCaseSchema,
  criteriaCheckResultSchema,
  exceptionsInputSchema,
  extensionDecisionSchema,
  extensionParamsSchema,
  extensionRequestSchema,
  extensionSchema,
  interviewInputSchema,
  interviewParamsSchema,
  interviewRecordSchema,
  interviewSchema,
  messageInputSchema,
  pipelineSchema,
  transitionSchema,
  updateCaseSchema,
  type CaseItem,
} from '../../../../common/src/schemas/exchanges.schema.ts';
import { pgTimestampToIso } from '../../platform/time.ts';
import { AppError } from '../../platform/errors.ts';
import { acceptUploads, Upload } from '../../platform/upload.ts';
import { documentParamsSchema, caseDocumentSchema } from '../../../../common/src/schemas/exchanges.schema.ts';
import { inputSheetSchema } from '../../../../common/src/schemas/exchange-sheet.schema.ts';
import { planResponseSchema } from '../../../../common/src/schemas/exchange-planner.schema.ts';
import { maxInputSheetBytes } from './documents/input-sheet.ts';
import { planSchedule } from './planner.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** RFC 6266 filename for a download (ASCII fallback plus the UTF-8 name). */
const disposition = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 422: errorResponseSchema };
const tags = ['exchanges'];
const read = { permission: 'exchanges:read' } as const;
const write = { permission: 'exchanges:write' } as const;

const exportQuerySchema = caseListQuerySchema.omit({ page: true, pageSize: true });

const stateJa: Record<CaseItem['state'], string> = {
  consultation: '協議中',
  submitted: '提出済',
  under_review: '審査中',
  query_to_ministry: '照会中',
  informally_approved: '内諾',
  formal_application: '正式申請',
  certified: '認定',
  agreement_signed: '取決め締結',
  active: '交流中',
  extended: '延長中',
  returned: '復帰',
  ended_early: '中途終了',
  withdrawn: '取下げ',
  rejected: '不承認',
};

const exportColumns: ExportColumn<CaseItem>[] = [
  { header: '案件番号 / Reference', value: (c) => c.reference },
  { header: '種別 / Direction', value: (c) => (c.direction === 'dispatch' ? '交流派遣' : `交流採用（${c.hireType === 'continued' ? '雇用継続型' : '退職型'}）`) },
  { header: '状態 / State', value: (c) => `${stateJa[c.state]} (${c.state})` },
  { header: '府省等 / Ministry', value: (c) => c.organisation.nameJa },
  { header: '課等 / Unit', value: (c) => c.unit.nameJa },
  { header: '官職 / Post', value: (c) => c.postTitle },
  { header: '法人番号 / Corporate number', value: (c) => c.company.corporateNumber },
  { header: '民間企業等 / Company', value: (c) => c.company.name },
  { header: '氏名 / Person', value: (c) => c.personName ?? '' },
  { header: '開始予定日 / Planned start', value: (c) => c.plannedStart },
  { header: '終了予定日 / Planned end', value: (c) => c.plannedEnd },
  { header: '提出日 / Submitted', value: (c) => c.submittedOn ?? '' },
  { header: '内諾目標日 / Review due', value: (c) => c.reviewDueOn ?? '' },
  { header: '期限超過 / Overdue', value: (c) => (c.overdue ? '超過 / overdue' : '') },
  { header: '更新日時 / Updated', value: (c) => c.updatedAt },
];

/** The X-Filename header, percent-decoded; a malformed escape (`%E0%A4%A`) keeps the raw text instead of failing the upload. */
function fileNameHeader(raw: string): string {
  try {
    return decodeURIComponent(raw).slice(0, 200);
  } catch {
    return raw.slice(0, 200);
  }
}

export const exchangesRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = app.services.exchanges;
  const docs = app.services.caseDocuments;
  acceptUploads(app, [XLSX, 'application/octet-stream'], maxInputSheetBytes);

  app.get(
    '/api/exchanges/cases',
    { config: read, schema: { tags, summary: '交流案件の一覧 / Exchange cases (scoped to the caller)', querystring: caseListQuerySchema, response: { 200: caseListSchema, ...errors } } },
    async (req) => s.list(req.ctx, req.query),
  );
  app.get(
    '/api/exchanges/queue',
    {
      config: read,
      schema: {
        tags,
        summary: '人事院の審査待ち一覧（開始予定日・経過順） / The NPA review queue by start date and age',
        querystring: caseListQuerySchema,
        response: { 200: caseListSchema, ...errors },
      },
    },
    async (req) => s.list(req.ctx, { ...req.query, state: req.query.state ?? ['submitted', 'under_review', 'query_to_ministry', 'formal_application'] }),
  );
  app.get(
    '/api/exchanges/pipeline',
    { config: read, schema: { tags, summary: 'パイプライン集計 / Pipeline by state and start month', response: { 200: pipelineSchema, ...errors } } },
    async (req) => s.pipeline(req.ctx),
  );
  app.get(
    '/api/exchanges/cases.csv',
    { config: read, schema: { tags, summary: '一覧のCSV出力 / Export the filtered list as CSV', querystring: exportQuerySchema, produces: ['text/csv'] } },
    async (req, reply) => {
      return sendCsv(reply, 'exchange-cases.csv', exportColumns, await s.exportRows(req.ctx, req.query));
    },
  );
  app.get(
    '/api/exchanges/cases.xlsx',
    { config: read, schema: { tags, summary: '一覧のExcel出力 / Export the filtered list as xlsx', querystring: exportQuerySchema } },
    async (req, reply) => {
      return sendXlsx(reply, 'exchange-cases.xlsx', '交流案件', exportColumns, await s.exportRows(req.ctx, req.query), 18);
    },
  );
  app.post(
    '/api/exchanges/cases',
    { config: write, schema: { tags, summary: '交流案件の作成（協議中） / Open a case (consultation)', body: createCaseSchema, response: { 201: caseDetailSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.create(req.ctx, req.body)),
  );
  app.get(
    '/api/exchanges/cases/:id',
    { config: read, schema: { tags, summary: '交流案件 / One case with its history, thread, documents and possible steps', params: idParamSchema, response: { 200: caseDetailSchema, ...errors } } },
    async (req) => s.get(req.ctx, req.params.id),
  );
  app.patch(
    '/api/exchanges/cases/:id',
    { config: write, schema: { tags, summary: '計画の変更 / Change the plan', params: idParamSchema, body: updateCaseSchema, response: { 200: caseDetailSchema, ...errors } } },
    async (req) => s.update(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/exchanges/cases/:id/transitions',
    {
      config: write,
      schema: {
        tags,
        summary: '状態の遷移（規則で止められた場合は422と理由） / Take a workflow step (422 with the reasons when a rule blocks it)',
        params: idParamSchema,
        body: transitionSchema,
        response: { 200: caseDetailSchema, ...errors },
      },
    },
    async (req) => s.transition(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/exchanges/cases/:id/criteria-check',
    { config: write, schema: { tags, summary: '交流基準のチェック（最新の事実） / Check the criteria on fresh facts', params: idParamSchema, response: { 200: criteriaCheckResultSchema, ...errors } } },
    async (req) => s.checkCriteria(req.ctx, req.params.id),
  );
  app.put(
    '/api/exchanges/cases/:id/exceptions',
    { config: write, schema: { tags, summary: '人事院が承認した例外 / Exceptions approved by the NPA', params: idParamSchema, body: exceptionsInputSchema, response: { 200: caseDetailSchema, ...errors } } },
    async (req) => s.setExceptions(req.ctx, req.params.id, req.body.version, req.body.exceptions),
  );
  app.post(
    '/api/exchanges/cases/:id/messages',
    { config: write, schema: { tags, summary: 'スレッドへの投稿 / Post a note on the thread', params: idParamSchema, body: messageInputSchema, response: { 201: caseMessageSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.postMessage(req.ctx, req.params.id, req.body.body)),
  );
  const interviewOut = (i: { id: number; scheduledOn: string; heldOn: string | null; status: string; interviewer: string | null; notes: string | null }) => ({ ...i, status: i.status as 'held' });
  app.post(
    '/api/exchanges/cases/:id/interviews',
    { config: write, schema: { tags, summary: 'フォローアップ面談の予定 / Schedule a follow-up interview', params: idParamSchema, body: interviewInputSchema, response: { 201: interviewSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(interviewOut(await s.scheduleInterview(req.ctx, req.params.id, req.body))),
  );
  app.patch(
    '/api/exchanges/cases/:id/interviews/:interviewId',
    { config: write, schema: { tags, summary: '面談の記録 / Record an interview', params: interviewParamsSchema, body: interviewRecordSchema, response: { 200: interviewSchema, ...errors } } },
    async (req) => interviewOut(await s.recordInterview(req.ctx, req.params.id, req.params.interviewId, req.body)),
  );
  const extensionOut = (x: { id: number; requestedEnd: string; reason: string; status: string; decisionNote: string | null; createdAt: string; decidedAt: string | null }) => ({
    id: x.id,
    requestedEnd: x.requestedEnd,
    reason: x.reason,
    status: x.status as 'requested',
    decisionNote: x.decisionNote,
    createdAt: pgTimestampToIso(x.createdAt),
    decidedAt: x.decidedAt ? pgTimestampToIso(x.decidedAt) : null,
  });
  app.post(
    '/api/exchanges/cases/:id/extensions',
    { config: write, schema: { tags, summary: '延長の申請 / Request an extension', params: idParamSchema, body: extensionRequestSchema, response: { 201: extensionSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(extensionOut(await s.requestExtension(req.ctx, req.params.id, req.body))),
  );
  app.post(
    '/api/exchanges/cases/:id/extensions/:extensionId/decision',
    {
      config: write,
      schema: { tags, summary: '延長の承認・不承認（人事院） / The NPA decides an extension', params: extensionParamsSchema, body: extensionDecisionSchema, response: { 200: caseDetailSchema, ...errors } },
    },
    async (req) => s.decideExtension(req.ctx, req.params.id, req.params.extensionId, req.body),
  );

  const settingsSchema = z.object({ organisationId: z.number().int(), interviewIntervalMonths: z.number().int() });
  app.get(
    '/api/exchanges/settings',
    {
      config: { permission: 'exchanges:settings' },
      schema: {
        tags,
        summary: '府省等の設定（フォローアップ面談の間隔） / A ministry’s settings (follow-up interview interval)',
        querystring: z.strictObject({ organisationId: z.coerce.number().int().positive().optional() }),
        response: { 200: settingsSchema, ...errors },
      },
    },
    async (req) => s.settings(req.ctx, req.query.organisationId),
  );
  app.put(
    '/api/exchanges/settings',
    {
      config: { permission: 'exchanges:settings' },
      schema: {
        tags,
        summary: 'フォローアップ面談の間隔（月）を設定 / Set the follow-up interview interval (months)',
        body: z.strictObject({ organisationId: z.number().int().positive().max(2_147_483_647).optional(), interviewIntervalMonths: z.number().int().min(1).max(24) }),
        response: { 200: settingsSchema, ...errors },
      },
    },
    async (req) => s.setSettings(req.ctx, req.body),
  );

  // ---------------------------------------------------------------- documents

  app.get(
    '/api/exchanges/cases/:id/schedule',
    { config: read, schema: { tags, summary: '案件のスケジュール（逆算） / The case’s schedule, counted back from its planned start', params: idParamSchema, response: { 200: planResponseSchema, ...errors } } },
    async (req) => {
      const c = await s.get(req.ctx, req.params.id);
      return planSchedule(c.plannedStart, s.params, s.today());
    },
  );
  app.get(
    '/api/exchanges/cases/:id/input-sheet.xlsx',
    { config: read, schema: { tags, summary: '入力支援シート（記入済みの状態でダウンロード） / The input-support sheet, pre-filled', params: idParamSchema } },
    async (req, reply) => {
      const f = await docs.sheetWorkbook(req.ctx, req.params.id);
      return reply.header('content-type', XLSX).header('content-disposition', disposition(f.filename)).send(f.bytes);
    },
  );
  app.post(
    '/api/exchanges/cases/:id/input-sheet',
    {
      config: write,
      schema: {
        tags,
        summary: '入力支援シートのアップロード（誤りがあれば行ごとに返し、何も保存しない） / Upload the sheet (errors per row; nothing saved if any)',
        params: idParamSchema,
        consumes: [XLSX],
        response: { 200: caseDetailSchema, ...errors, 413: errorResponseSchema, 415: errorResponseSchema },
      },
    },
    async (req) => {
      const body = req.body as unknown;
      if (!(body instanceof Upload)) throw new AppError('unsupported_media_type');
      const name = typeof req.headers['x-filename'] === 'string' ? fileNameHeader(req.headers['x-filename']) : undefined;
      return docs.uploadSheet(req.ctx, req.params.id, body.bytes, name);
    },
  );
  app.get(
    '/api/exchanges/cases/:id/sheet',
    {
      config: read,
      schema: {
        tags,
        summary: '入力支援シートの内容 / The sheet’s content (saved, and as pre-filled from the case)',
        params: idParamSchema,
        response: { 200: z.object({ sheet: z.unknown().nullable(), prefill: z.unknown(), version: z.number().int() }), ...errors },
      },
    },
    async (req) => docs.sheet(req.ctx, req.params.id),
  );
  app.put(
    '/api/exchanges/cases/:id/sheet',
    {
      config: write,
      schema: { tags, summary: '入力支援シートを画面で入力 / Fill the sheet on screen', params: idParamSchema, body: z.strictObject({ version: z.number().int().positive(), sheet: inputSheetSchema }), response: { 200: caseDetailSchema, ...errors } },
    },
    async (req) => docs.putSheet(req.ctx, req.params.id, req.body.version, req.body.sheet),
  );
  app.post(
    '/api/exchanges/cases/:id/documents/agreement',
    { config: write, schema: { tags, summary: '取決め書（案）の作成（PDF、新しい版） / Generate the draft agreement (PDF, a new version)', params: idParamSchema, response: { 201: caseDocumentSchema, ...errors } } },
    async (req, reply) => {
      const d = await docs.generateAgreement(req.ctx, req.params.id);
      return reply.status(201).send({ ...d, kind: d.kind as 'agreement_draft', createdAt: pgTimestampToIso(d.createdAt) });
    },
  );
  app.get(
    '/api/exchanges/cases/:id/documents/:docId',
    { config: read, schema: { tags, summary: '書類のダウンロード（版を指定） / Download one version of a document', params: documentParamsSchema } },
    async (req, reply) => {
      const d = await docs.download(req.ctx, req.params.id, req.params.docId);
      return reply.header('content-type', d.contentType).header('content-disposition', disposition(d.filename)).header('x-content-sha256', d.sha256).send(d.content);
    },
  );
};
