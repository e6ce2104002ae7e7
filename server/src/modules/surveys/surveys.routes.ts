// /api/surveys/* — thin: permission, schema, call the service (route list in
// common/src/schemas/surveys-api.schema.ts).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../platform/route-errors.ts';
import { sendCsv, sendXlsx, type ExportColumn } from '../../platform/table-export.ts';
import { inTransaction } from '../../db/tx.ts';
import { writeAudit } from '../../platform/audit.ts';
import {
  mySurveyFormSchema,
  mySurveyListSchema,
  mySurveyParamsSchema,
  surveyAnswersInputSchema,
  surveyDefinitionDetailSchema,
  surveyDefinitionInputSchema,
  surveyDefinitionListSchema,
  surveyDefinitionParamsSchema,
  surveyDraftSavedSchema,
  surveyGapQuerySchema,
  surveyGapResponseSchema,
  surveyResultsQuerySchema,
  surveyResultsResponseSchema,
  surveyRoundActionSchema,
  surveyRoundInputSchema,
  surveyRoundListSchema,
  surveyRoundParamsSchema,
  surveyRoundPatchSchema,
  surveyRoundSchema,
  surveySubmittedSchema,
  surveyTargetListSchema,
  surveyTargetParamsSchema,
  surveyTargetsAddedSchema,
  surveyTargetsInputSchema,
} from '../../../../common/src/schemas/surveys-api.schema.ts';
import type { ResultRow } from './surveys.service.ts';
import { renderSurveyReport } from './surveys.report.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 422);
const tags = ['surveys'];
const manage = { permission: 'surveys:manage' } as const;
const resultsPerm = { permission: 'surveys:results' } as const;
const answer = { permission: 'surveys:answer' } as const;

const exportQuerySchema = surveyResultsQuerySchema;
const rawQuerySchema = z.strictObject({ lang: z.enum(['ja', 'en']).default('ja') });

const resultColumns = (lang: 'ja' | 'en'): ExportColumn<ResultRow>[] => {
  const ja = lang === 'ja';
  return [
    { header: ja ? 'セクション' : 'Section', value: (r) => r.section },
    { header: ja ? '問' : 'No.', value: (r) => r.questionNo },
    { header: ja ? '設問ID' : 'Question id', value: (r) => r.questionId },
    { header: ja ? '設問' : 'Question', value: (r) => r.question },
    { header: ja ? '形式' : 'Type', value: (r) => r.type },
    { header: ja ? '項目ID' : 'Item id', value: (r) => r.itemId },
    { header: ja ? '項目' : 'Item', value: (r) => r.item },
    { header: ja ? '選択肢ID' : 'Option id', value: (r) => r.optionId },
    { header: ja ? '選択肢' : 'Option', value: (r) => r.option },
    { header: ja ? '回答数' : 'Count', value: (r) => r.count },
    { header: 'n', value: (r) => r.n },
    { header: ja ? '割合（％）' : 'Share (%)', value: (r) => r.sharePercent },
    { header: ja ? '値' : 'Value', value: (r) => r.value },
  ];
};

const disposition = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const surveysRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = app.services.surveys;

  // ---------------------------------------------------------------- definitions
  app.get(
    '/api/surveys/definitions',
    { config: manage, schema: { tags, summary: '設問定義の一覧（同梱テンプレートを含む） / Survey definitions (shipped templates included)', response: { 200: surveyDefinitionListSchema, ...errors } } },
    async () => s.listDefinitions(),
  );
  app.get(
    '/api/surveys/definitions/:key/:version',
    {
      config: manage,
      schema: { tags, summary: '設問定義（プレビュー用） / A survey definition (preview)', params: surveyDefinitionParamsSchema, response: { 200: surveyDefinitionDetailSchema, ...errors } },
    },
    async (req) => s.definition(req.params.key, req.params.version),
  );
  app.post(
    '/api/surveys/definitions',
    {
      config: manage,
      schema: {
        tags,
        summary: '設問定義の登録（JSON） / Import a survey definition (JSON)',
        description: '検証に失敗した場合は400（箇所ごとの日英メッセージ）。同じキーと版があれば409。 / 400 with per-path ja/en issues; 409 when the key and version exist.',
        body: surveyDefinitionInputSchema,
        response: { 201: surveyDefinitionDetailSchema, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await s.importDefinition(req.ctx, req.body)),
  );

  // ---------------------------------------------------------------- rounds
  app.get('/api/surveys/rounds', { config: manage, schema: { tags, summary: '実施回の一覧 / Survey rounds', response: { 200: surveyRoundListSchema, ...errors } } }, async () => s.listRounds());
  app.post(
    '/api/surveys/rounds',
    { config: manage, schema: { tags, summary: '実施回の作成（準備中） / Create a round (draft)', body: surveyRoundInputSchema, response: { 201: surveyRoundSchema, ...errors } } },
    async (req, reply) => reply.status(201).send(await s.createRound(req.ctx, req.body)),
  );
  app.get(
    '/api/surveys/rounds/:id',
    { config: manage, schema: { tags, summary: '実施回 / A round', params: surveyRoundParamsSchema, response: { 200: surveyRoundSchema, ...errors } } },
    async (req) => s.round(req.params.id),
  );
  app.patch(
    '/api/surveys/rounds/:id',
    {
      config: manage,
      schema: { tags, summary: '実施回の変更（実施中は題名・終了日・督促のみ） / Change a round (while open: title, closing date, reminders only)', params: surveyRoundParamsSchema, body: surveyRoundPatchSchema, response: { 200: surveyRoundSchema, ...errors } },
    },
    async (req) => s.patchRound(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/surveys/rounds/:id/open',
    { config: manage, schema: { tags, summary: '回答受付の開始（設問定義を凍結） / Open the round (freezes the definition)', params: surveyRoundParamsSchema, body: surveyRoundActionSchema, response: { 200: surveyRoundSchema, ...errors } } },
    async (req) => s.openRound(req.ctx, req.params.id, req.body.version),
  );
  app.post(
    '/api/surveys/rounds/:id/close',
    { config: manage, schema: { tags, summary: '回答受付の終了 / Close the round', params: surveyRoundParamsSchema, body: surveyRoundActionSchema, response: { 200: surveyRoundSchema, ...errors } } },
    async (req) => s.closeRound(req.ctx, req.params.id, req.body.version),
  );
  app.get(
    '/api/surveys/rounds/:id/targets',
    { config: manage, schema: { tags, summary: '配布先と回答状況 / Targets and who has answered', params: surveyRoundParamsSchema, response: { 200: surveyTargetListSchema, ...errors } } },
    async (req) => s.targets(req.params.id),
  );
  app.post(
    '/api/surveys/rounds/:id/targets',
    {
      config: manage,
      schema: {
        tags,
        summary: '配布先の追加（府省等・人事系統・交流記録から参加者） / Add targets (organisations, HR lines, participants from exchange records)',
        params: surveyRoundParamsSchema,
        body: surveyTargetsInputSchema,
        response: { 200: surveyTargetsAddedSchema, ...errors },
      },
    },
    async (req) => s.addTargets(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/surveys/rounds/:id/targets/:targetId',
    { config: manage, schema: { tags, summary: '配布先の削除（準備中のみ） / Remove a target (draft rounds only)', params: surveyTargetParamsSchema, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await s.removeTarget(req.ctx, req.params.id, req.params.targetId);
      return reply.status(204).send(null);
    },
  );

  // ---------------------------------------------------------------- results
  app.get(
    '/api/surveys/rounds/:id/results',
    {
      config: resultsPerm,
      schema: {
        tags,
        summary: '集計結果（フィルタ・前回比較） / Results (filters, comparison with an earlier round)',
        description: '無記名の実施回では n が minN 未満の設問・集団は非表示（suppressed）。 / Anonymous rounds hide questions and subgroups with n below minN.',
        params: surveyRoundParamsSchema,
        querystring: surveyResultsQuerySchema,
        response: { 200: surveyResultsResponseSchema, ...errors },
      },
    },
    async (req) => s.results(req.params.id, req.query),
  );
  app.get(
    '/api/surveys/rounds/:id/results.csv',
    { config: resultsPerm, schema: { tags, summary: '集計結果（CSV） / Results (CSV)', params: surveyRoundParamsSchema, querystring: exportQuerySchema, produces: ['text/csv'] } },
    async (req, reply) => {
      const r = await s.results(req.params.id, req.query);
      await auditExport(req.ctx, req.params.id, 'csv');
      return sendCsv(reply, `survey-${req.params.id}-results.csv`, resultColumns(req.query.lang), s.resultRows(r, req.query.lang));
    },
  );
  app.get(
    '/api/surveys/rounds/:id/results.xlsx',
    { config: resultsPerm, schema: { tags, summary: '集計結果（Excel） / Results (xlsx)', params: surveyRoundParamsSchema, querystring: exportQuerySchema, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] } },
    async (req, reply) => {
      const r = await s.results(req.params.id, req.query);
      await auditExport(req.ctx, req.params.id, 'xlsx');
      return sendXlsx(reply, `survey-${req.params.id}-results.xlsx`, req.query.lang === 'ja' ? '集計' : 'Results', resultColumns(req.query.lang), s.resultRows(r, req.query.lang));
    },
  );
  app.get(
    '/api/surveys/rounds/:id/report.pdf',
    { config: resultsPerm, schema: { tags, summary: '集計報告（PDF、グラフ付き） / Results report (PDF with charts)', params: surveyRoundParamsSchema, querystring: exportQuerySchema, produces: ['application/pdf'] } },
    async (req, reply) => {
      const r = await s.results(req.params.id, req.query);
      let gaps = null;
      try {
        gaps = await s.gaps(req.params.id);
      } catch {
        gaps = null;
      }
      const bytes = await renderSurveyReport(r, gaps, req.query.lang, s.today());
      await auditExport(req.ctx, req.params.id, 'pdf');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', disposition(`survey-${req.params.id}-report-${req.query.lang}.pdf`))
        .send(bytes);
    },
  );
  app.get(
    '/api/surveys/rounds/:id/gaps',
    {
      config: resultsPerm,
      schema: { tags, summary: '認識差（府省の取組と参加者の希望） / Gap analysis (what organisations do vs what participants want)', params: surveyRoundParamsSchema, querystring: surveyGapQuerySchema, response: { 200: surveyGapResponseSchema, ...errors } },
    },
    async (req) => s.gaps(req.params.id, req.query.participantRound),
  );
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/api/surveys/rounds/:id/answers.${format}`,
      {
        config: manage,
        schema: {
          tags,
          summary: `個票（記名の実施回のみ、閲覧は監査記録） / Raw answers, identified rounds only (${format}, audited)`,
          params: surveyRoundParamsSchema,
          querystring: rawQuerySchema,
          produces: [format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        },
      },
      async (req, reply) => {
        const { columns, rows } = await s.rawAnswers(req.ctx, req.params.id, req.query.lang);
        const name = `survey-${req.params.id}-answers.${format}`;
        return format === 'csv' ? sendCsv(reply, name, columns, rows) : sendXlsx(reply, name, req.query.lang === 'ja' ? '個票' : 'Answers', columns, rows);
      },
    );
  }

  // ---------------------------------------------------------------- answering
  app.get('/api/surveys/my', { config: answer, schema: { tags, summary: '自分宛てのアンケート / My surveys', response: { 200: mySurveyListSchema, ...errors } } }, async (req) => s.mySurveys(req.ctx));
  app.get(
    '/api/surveys/my/:targetId',
    { config: answer, schema: { tags, summary: '回答フォーム（設問・一時保存） / The answer form (definition, draft)', params: mySurveyParamsSchema, response: { 200: mySurveyFormSchema, ...errors } } },
    async (req) => s.myForm(req.ctx, req.params.targetId),
  );
  app.put(
    '/api/surveys/my/:targetId/draft',
    { config: answer, schema: { tags, summary: '一時保存 / Save a draft', params: mySurveyParamsSchema, body: surveyAnswersInputSchema, response: { 200: surveyDraftSavedSchema, ...errors } } },
    async (req) => s.saveDraft(req.ctx, req.params.targetId, req.body.answers),
  );
  app.post(
    '/api/surveys/my/:targetId/submit',
    {
      config: answer,
      schema: {
        tags,
        summary: '回答の提出（1回のみ） / Submit (once)',
        description:
          '必須・上位N・排他選択肢を検証し、誤りがあれば400 validation_failed（設問ごとの日英メッセージ）で何も保存しない。提出済みは409、期間外は422。 / Required, up-to-N and exclusive options are checked: 400 validation_failed with per-question ja/en messages, nothing stored; 409 when already submitted; 422 outside the answering period.',
        params: mySurveyParamsSchema,
        body: surveyAnswersInputSchema,
        response: { 200: surveySubmittedSchema, ...errors },
      },
    },
    async (req) => s.submit(req.ctx, req.params.targetId, req.body.answers),
  );

  async function auditExport(ctx: Parameters<typeof writeAudit>[1], id: number, format: string) {
    await inTransaction(app.database.db, (tx) => writeAudit(tx, ctx, { action: 'survey_round.export_results', recordType: 'survey_round', recordId: id, after: { format } }));
  }
};
