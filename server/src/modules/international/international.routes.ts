// /api/international/* and /api/statistics/international/records-series — thin: permission, schema,
// call the service (route list in common/src/schemas/international-api.schema.ts).
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorResponses } from '../../platform/route-errors.ts';
import { sendCsv, sendXlsx, type ExportColumn } from '../../platform/table-export.ts';
import {
  intlConsultationAnswerInputSchema,
  intlConsultationInputSchema,
  intlConsultationListSchema,
  intlConsultationQuerySchema,
  intlConsultationSchema,
  intlConsultationYearsSchema,
  intlDelegationInputSchema,
  intlDelegationListSchema,
  intlDelegationSchema,
  intlDispatchCheckSchema,
  intlDispatchDetailSchema,
  intlDispatchInputSchema,
  intlDispatchListSchema,
  intlDispatchPatchSchema,
  intlDispatchQuerySchema,
  intlEndInputSchema,
  intlFellowshipInputSchema,
  intlFellowshipListSchema,
  intlFellowshipSchema,
  intlFiguresQuerySchema,
  intlFiguresSchema,
  intlIdParamsSchema,
  intlNetworkEventInputSchema,
  intlNetworkEventListSchema,
  intlNetworkEventSchema,
  intlNetworkQuerySchema,
  intlOrganisationInputSchema,
  intlOrganisationListSchema,
  intlOrganisationPatchSchema,
  intlOrganisationQuerySchema,
  intlOrganisationSchema,
  intlRecordsSeriesSchema,
  intlReferenceSchema,
  intlRenewalInputSchema,
  intlSeminarOverviewSchema,
  intlSeminarQuerySchema,
  intlSeminarSessionInputSchema,
  intlSeminarSessionListSchema,
  intlSeminarSessionSchema,
  intlUpcomingListSchema,
  intlUpcomingQuerySchema,
  intlVersionSchema,
  intlYearQuerySchema,
  type IntlDispatchSummary,
  type IntlYearRow,
} from '../../../../common/src/schemas/international-api.schema.ts';

const tags = ['international'];
const read = { permission: 'international:register' } as const;
const register = { permission: 'international:register' } as const;
const manage = { permission: 'international:manage' } as const;
const e = errorResponses(400, 401, 403, 404);
const ew = errorResponses(400, 401, 403, 404, 409, 422);
type Lang = 'ja' | 'en';

const dispatchColumns = (lang: Lang): ExportColumn<IntlDispatchSummary>[] => {
  const ja = lang === 'ja';
  return [
    { header: 'ID', value: (r) => r.id },
    { header: ja ? '職員' : 'Official', value: (r) => r.person.name },
    { header: ja ? '派遣元府省' : 'Sending ministry', value: (r) => r.sendingOrganisation.name[lang] },
    { header: ja ? '派遣先機関' : 'Host', value: (r) => r.hostOrganisation?.name[lang] ?? r.hostName ?? '' },
    { header: ja ? '種類' : 'Host type', value: (r) => r.hostType },
    { header: ja ? '地域' : 'Region', value: (r) => r.region },
    { header: ja ? '官職' : 'Post', value: (r) => r.post ?? '' },
    { header: ja ? '派遣開始日' : 'Start', value: (r) => r.start },
    { header: ja ? '派遣終了予定日' : 'Planned end', value: (r) => r.currentPlannedEnd },
    { header: ja ? '派遣終了日' : 'Actual end', value: (r) => r.actualEnd ?? '' },
    { header: ja ? '終了時の区分' : 'Outcome', value: (r) => r.outcome ?? '' },
    { header: ja ? '状態' : 'State', value: (r) => r.state },
    { header: ja ? '5年を超える日' : '5-year mark', value: (r) => r.crossesOn },
    { header: ja ? '協議要' : 'Consultation required', value: (r) => (r.consultationRequired ? (ja ? '要' : 'yes') : '') },
    { header: ja ? '協議了承' : 'Consultation agreed', value: (r) => (r.consulted ? (ja ? '済' : 'yes') : '') },
  ];
};

const figureColumns = (lang: Lang, regions: { code: string; ja: string; en: string }[], hostTypes: { code: string; ja: string; en: string }[]): ExportColumn<IntlYearRow>[] => {
  const ja = lang === 'ja';
  return [
    { header: ja ? '年度' : 'Fiscal year', value: (r) => r.fiscalYear },
    { header: ja ? '年度内の派遣職員数' : 'Dispatched', value: (r) => r.dispatched },
    { header: ja ? '年度内に派遣を終了した職員数' : 'Returned', value: (r) => r.returned },
    { header: ja ? 'うち職務に復帰しなかった者' : 'of which not resumed', value: (r) => r.notResumed },
    { header: ja ? '年度末現在派遣中の職員数' : 'On dispatch at year end', value: (r) => r.endOfYear },
    ...hostTypes.map((t) => ({ header: `${ja ? '種類' : 'Type'}: ${t[lang]}`, value: (r: IntlYearRow) => r.byHostType[t.code] ?? 0 })),
    ...regions.map((g) => ({ header: `${ja ? '地域' : 'Region'}: ${g[lang]}`, value: (r: IntlYearRow) => r.byRegion[g.code] ?? 0 })),
  ];
};

type App = Parameters<FastifyPluginAsyncZod>[0];
type Names = { ja: string; en: string };

/** GET `<path>.csv` and `<path>.xlsx` for one table: the list's query, one file name, a sheet name per language. */
function tableExportRoutes<Q extends z.ZodType<{ lang: Lang }>, R>(
  app: App,
  path: string,
  querystring: Q,
  summary: Names,
  sheet: Names,
  load: (req: FastifyRequest, query: z.output<Q>) => Promise<{ cols: ExportColumn<R>[]; rows: readonly R[] }>,
) {
  const file = path.slice(path.lastIndexOf('/') + 1);
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `${path}.${format}`,
      { config: read, schema: { tags, summary: `${summary.ja}（${format}） / ${summary.en} (${format})`, querystring, produces: [format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] } },
      async (req, reply) => {
        const query = req.query as z.output<Q>;
        const { cols, rows } = await load(req, query);
        return format === 'csv' ? sendCsv(reply, `international-${file}.csv`, cols, rows) : sendXlsx(reply, `international-${file}.xlsx`, sheet[query.lang], cols, rows);
      },
    );
  }
}

export const internationalRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = app.services.international;

  // ---------------------------------------------------------------- reference, host organisations
  app.get('/api/international/reference', { config: read, schema: { tags, summary: '国際関係の区分（派遣先の種類、終了時の区分、地域、研修コース） / Reference lists', response: { 200: intlReferenceSchema, ...e } } }, async () => s.reference());
  app.get(
    '/api/international/organisations',
    { config: read, schema: { tags, summary: '派遣先機関の一覧 / Host organisations', querystring: intlOrganisationQuerySchema, response: { 200: intlOrganisationListSchema, ...e } } },
    async (req) => s.listOrganisations(req.query),
  );
  app.post(
    '/api/international/organisations',
    { config: manage, schema: { tags, summary: '派遣先機関の追加（人事院） / Add a host organisation (NPA)', body: intlOrganisationInputSchema, response: { 201: intlOrganisationSchema, ...ew } } },
    async (req, reply) => reply.status(201).send(await s.createOrganisation(req.ctx, req.body)),
  );
  app.patch(
    '/api/international/organisations/:id',
    { config: manage, schema: { tags, summary: '派遣先機関の変更（人事院） / Edit a host organisation (NPA)', params: intlIdParamsSchema, body: intlOrganisationPatchSchema, response: { 200: intlOrganisationSchema, ...ew } } },
    async (req) => s.patchOrganisation(req.ctx, req.params.id, req.body),
  );

  // ---------------------------------------------------------------- dispatches
  app.get(
    '/api/international/dispatches',
    { config: read, schema: { tags, summary: '派遣法による派遣の一覧（府省は自府省のみ） / Dispatches (ministries: their own)', querystring: intlDispatchQuerySchema, response: { 200: intlDispatchListSchema, ...e } } },
    async (req) => s.listDispatches(req.ctx, req.query),
  );
  tableExportRoutes(app, '/api/international/dispatches', intlDispatchQuerySchema, { ja: '派遣の一覧', en: 'Dispatches' }, { ja: '派遣一覧', en: 'Dispatches' }, async (req, query) => ({
    cols: dispatchColumns(query.lang),
    rows: await s.exportDispatches(req.ctx, query),
  }));
  app.post(
    '/api/international/dispatches',
    { config: register, schema: { tags, summary: '派遣の登録（登録中） / Register a dispatch (draft)', body: intlDispatchInputSchema, response: { 201: intlDispatchDetailSchema, ...ew } } },
    async (req, reply) => reply.status(201).send(await s.createDispatch(req.ctx, req.body)),
  );
  app.post(
    '/api/international/dispatches/check',
    { config: register, schema: { tags, summary: '派遣の事前確認（保存しない） / Check a dispatch without storing it', body: intlDispatchInputSchema, response: { 200: intlDispatchCheckSchema, ...ew } } },
    async (req) => s.checkDispatch(req.ctx, req.body),
  );
  app.get(
    '/api/international/dispatches/:id',
    { config: read, schema: { tags, summary: '派遣の詳細（更新、協議、5年の判定） / A dispatch with renewals, consultations and 5-year checks', params: intlIdParamsSchema, response: { 200: intlDispatchDetailSchema, ...e } } },
    async (req) => s.getDispatch(req.ctx, req.params.id),
  );
  app.patch(
    '/api/international/dispatches/:id',
    { config: register, schema: { tags, summary: '派遣の変更（登録中のみ） / Edit a draft dispatch', params: intlIdParamsSchema, body: intlDispatchPatchSchema, response: { 200: intlDispatchDetailSchema, ...ew } } },
    async (req) => s.patchDispatch(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/international/dispatches/:id/activate',
    {
      config: register,
      schema: {
        tags,
        summary: '派遣開始（5年を超える場合は了承された協議が必要） / Activate (needs an agreed consultation beyond 5 years)',
        params: intlIdParamsSchema,
        body: intlVersionSchema,
        response: { 200: intlDispatchDetailSchema, ...ew },
      },
    },
    async (req) => s.activate(req.ctx, req.params.id, req.body.version),
  );
  app.post(
    '/api/international/dispatches/:id/renewals',
    { config: register, schema: { tags, summary: '派遣の更新 / Renew a dispatch', params: intlIdParamsSchema, body: intlRenewalInputSchema, response: { 200: intlDispatchDetailSchema, ...ew } } },
    async (req) => s.renew(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/international/dispatches/:id/end',
    { config: register, schema: { tags, summary: '派遣の終了 / End a dispatch', params: intlIdParamsSchema, body: intlEndInputSchema, response: { 200: intlDispatchDetailSchema, ...ew } } },
    async (req) => s.end(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/international/dispatches/:id/cancel',
    { config: register, schema: { tags, summary: '派遣の取消し（登録中のみ） / Cancel a draft dispatch', params: intlIdParamsSchema, body: intlVersionSchema, response: { 200: intlDispatchDetailSchema, ...ew } } },
    async (req) => s.cancel(req.ctx, req.params.id, req.body.version),
  );
  app.post(
    '/api/international/dispatches/:id/consultations',
    { config: register, schema: { tags, summary: '人事院への協議の提出 / File a consultation with the NPA', params: intlIdParamsSchema, body: intlConsultationInputSchema, response: { 201: intlConsultationSchema, ...ew } } },
    async (req, reply) => reply.status(201).send(await s.fileConsultation(req.ctx, req.params.id, req.body)),
  );

  // ---------------------------------------------------------------- consultations
  app.get(
    '/api/international/consultations',
    { config: read, schema: { tags, summary: '協議の一覧 / Consultations', querystring: intlConsultationQuerySchema, response: { 200: intlConsultationListSchema, ...e } } },
    async (req) => s.listConsultations(req.ctx, req.query),
  );
  app.get(
    '/api/international/consultations/years',
    { config: read, schema: { tags, summary: '年度別の協議件数 / Consultations per fiscal year', response: { 200: intlConsultationYearsSchema, ...e } } },
    async () => s.consultationYears(),
  );
  app.post(
    '/api/international/consultations/:id/answer',
    { config: manage, schema: { tags, summary: '協議への回答（人事院） / Answer a consultation (NPA)', params: intlIdParamsSchema, body: intlConsultationAnswerInputSchema, response: { 200: intlConsultationSchema, ...ew } } },
    async (req) => s.answerConsultation(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/international/consultations/:id/withdraw',
    { config: register, schema: { tags, summary: '協議の取下げ / Withdraw a consultation', params: intlIdParamsSchema, body: intlVersionSchema, response: { 200: intlConsultationSchema, ...ew } } },
    async (req) => s.withdrawConsultation(req.ctx, req.params.id, req.body.version),
  );
  app.get(
    '/api/international/upcoming',
    { config: read, schema: { tags, summary: 'N か月以内に5年を超える派遣 / Dispatches crossing 5 years within N months', querystring: intlUpcomingQuerySchema, response: { 200: intlUpcomingListSchema, ...e } } },
    async (req) => s.upcoming(req.ctx, req.query.months, req.query.asOf),
  );

  // ---------------------------------------------------------------- figures
  app.get(
    '/api/international/figures',
    { config: read, schema: { tags, summary: '記録に基づく年度別派遣状況（資料8、図8-2、図8-3） / Year figures from the records', querystring: intlFiguresQuerySchema, response: { 200: intlFiguresSchema, ...e } } },
    async (req) => s.figures(req.query),
  );
  tableExportRoutes(app, '/api/international/figures', intlFiguresQuerySchema, { ja: '年度別派遣状況', en: 'Year figures' }, { ja: '派遣状況', en: 'Figures' }, async (_req, query) => {
    const f = await s.figures(query);
    return { cols: figureColumns(query.lang, f.regions, f.hostTypes), rows: f.rows };
  });
  app.get(
    '/api/statistics/international/records-series',
    {
      config: { permission: 'statistics:read' },
      schema: {
        tags: ['statistics', ...tags],
        summary: '派遣職員数の推移（公表値＋記録、両方ある年は差） / Dispatch series: published years, then the records; the difference where both exist',
        querystring: intlFiguresQuerySchema,
        response: { 200: intlRecordsSeriesSchema, ...e },
      },
    },
    async (req) => s.recordsSeries(req.query),
  );

  // ---------------------------------------------------------------- seminars, fellowships, delegations, networks
  app.get(
    '/api/international/seminars',
    { config: read, schema: { tags, summary: '外国公務員研修（年度別と累計） / Seminars for foreign officials: per year and cumulative', querystring: intlSeminarQuerySchema, response: { 200: intlSeminarOverviewSchema, ...e } } },
    async (req) => s.seminarOverview(req.query),
  );
  app.get(
    '/api/international/seminars/sessions',
    { config: read, schema: { tags, summary: '研修の実施回と参加者 / Seminar sessions and participants', querystring: intlSeminarQuerySchema, response: { 200: intlSeminarSessionListSchema, ...e } } },
    async (req) => s.seminarSessions(req.query),
  );
  app.post(
    '/api/international/seminars/sessions',
    { config: manage, schema: { tags, summary: '研修の実施回の登録（人事院） / Record a seminar session (NPA)', body: intlSeminarSessionInputSchema, response: { 201: intlSeminarSessionSchema, ...ew } } },
    async (req, reply) => reply.status(201).send(await s.createSeminarSession(req.ctx, req.body)),
  );
  app.get(
    '/api/international/fellowships',
    { config: read, schema: { tags, summary: 'マンスフィールド研修（期別） / Mansfield fellowship cohorts', response: { 200: intlFellowshipListSchema, ...e } } },
    async () => s.fellowships(),
  );
  app.post(
    '/api/international/fellowships',
    { config: manage, schema: { tags, summary: 'フェローシップ期の登録（人事院） / Record a fellowship cohort (NPA)', body: intlFellowshipInputSchema, response: { 201: intlFellowshipSchema, ...ew } } },
    async (req, reply) => reply.status(201).send(await s.createFellowship(req.ctx, req.body)),
  );
  app.get(
    '/api/international/delegations',
    { config: read, schema: { tags, summary: '外国からの調査訪問と年度別件数 / Foreign delegations and yearly counts', querystring: intlYearQuerySchema, response: { 200: intlDelegationListSchema, ...e } } },
    async (req) => s.delegations(req.query),
  );
  tableExportRoutes(app, '/api/international/delegations', intlYearQuerySchema, { ja: '年度別の調査訪問', en: 'Delegations per year' }, { ja: '調査訪問', en: 'Delegations' }, async (_req, { lang }) => {
    const ja = lang === 'ja';
    const { years } = await s.delegations({});
    type Y = (typeof years)[number];
    const num = (v: number | null) => (v == null ? '' : v);
    const cols: ExportColumn<Y>[] = [
      { header: ja ? '年度' : 'Fiscal year', value: (r) => r.fiscalYear },
      { header: ja ? '出典' : 'Source', value: (r) => r.source },
      { header: ja ? '来訪回数' : 'Visits', value: (r) => num(r.visits) },
      { header: ja ? '国・地域数' : 'Countries and regions', value: (r) => num(r.countries) },
      { header: ja ? '機関数' : 'Organisations', value: (r) => num(r.organisations) },
      { header: ja ? '人数' : 'People', value: (r) => num(r.people) },
      { header: ja ? '表記' : 'Label', value: (r) => r.label[lang] },
    ];
    return { cols, rows: years };
  });
  app.post(
    '/api/international/delegations',
    { config: manage, schema: { tags, summary: '調査訪問の登録（人事院） / Record a delegation visit (NPA)', body: intlDelegationInputSchema, response: { 201: intlDelegationSchema, ...ew } } },
    async (req, reply) => reply.status(201).send(await s.createDelegation(req.ctx, req.body)),
  );
  app.get(
    '/api/international/network-events',
    { config: read, schema: { tags, summary: 'ACCSM+3・日中韓ネットワークの会合等 / Network events (ACCSM+3, China–Japan–Korea)', querystring: intlNetworkQuerySchema, response: { 200: intlNetworkEventListSchema, ...e } } },
    async (req) => s.networkEvents(req.query),
  );
  app.post(
    '/api/international/network-events',
    { config: manage, schema: { tags, summary: 'ネットワーク会合等の登録（人事院） / Record a network event (NPA)', body: intlNetworkEventInputSchema, response: { 201: intlNetworkEventSchema, ...ew } } },
    async (req, reply) => reply.status(201).send(await s.createNetworkEvent(req.ctx, req.body)),
  );
};

