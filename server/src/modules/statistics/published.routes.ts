// Published statistics (公表数値): the public open-data API (no login) with CSV / xlsx / JSON
// exports of every table, the history of a figure, and the NPA upload of a figures CSV.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { errorResponseSchema } from '../../../../common/src/schemas/common.schema.ts';
import {
  breakdownQuerySchema,
  breakdownSchema,
  cumulativeSchema,
  exportQuerySchema,
  figureHistoryQuerySchema,
  figureHistorySchema,
  figureListQuerySchema,
  figureListSchema,
  industryQuerySchema,
  industryTableSchema,
  internationalSeriesQuerySchema,
  internationalSeriesSchema,
  statsImportResultSchema,
} from '../../../../common/src/schemas/statistics.schema.ts';
import { fiscalYearLabel } from '../../../../common/src/wareki.ts';
import { AppError } from '../../platform/errors.ts';
import { sendCsv, sendXlsx, type ExportColumn } from '../../platform/table-export.ts';
import { acceptUploads, Upload } from '../../platform/upload.ts';
import { CsvFormatError, parseFiguresCsv } from './import.ts';
import {
  breakdown,
  cumulativeTotals,
  figureHistory,
  importFigures,
  internationalSeries,
  publishedIndustryTable,
  seriesFigures,
} from './published.service.ts';

const errors = { 400: errorResponseSchema, 404: errorResponseSchema };
const tags = ['statistics'];
const open = { permission: 'public' } as const;
const fmtNote =
  '?format=json (既定) | csv (UTF-8 BOM付き、数式となる先頭文字はエスケープ) | xlsx。JSONの形式は docs/statistics-open-data.md。 / ' +
  '?format=json (default) | csv (UTF-8 with BOM, formula-like cells escaped) | xlsx. The JSON format: docs/statistics-open-data.md.';

type Lang = 'ja' | 'en';
const src = (s: { publicationCode: string; table: string | null; lines?: string | null | undefined }) => [s.publicationCode, s.table ?? '', s.lines ? `l.${s.lines}` : ''].filter(Boolean).join(' ');
const num = (v: number | null | undefined) => (v == null ? '' : v);

/** Sends a table as CSV or xlsx; null when the format is JSON (the caller returns the object). */
async function sendTable<T>(reply: FastifyReply, format: 'json' | 'csv' | 'xlsx', name: string, sheet: string, columns: ExportColumn<T>[], rows: T[]) {
  if (format === 'csv') return sendCsv(reply, `${name}.csv`, columns, rows);
  return sendXlsx(reply, `${name}.xlsx`, sheet, columns, rows, 16);
}

export const publishedStatisticsRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = () => app.database.db;

  acceptUploads(app, ['text/csv', 'application/octet-stream'], 5 * 1024 * 1024);

  app.get(
    '/api/statistics/international/series',
    {
      config: open,
      schema: {
        tags,
        summary: '国際機関等派遣職員数の推移（年度別、資料8） / International dispatch by fiscal year (資料8), latest published figures with their source',
        description: fmtNote,
        querystring: internationalSeriesQuerySchema,
        response: { 200: internationalSeriesSchema, ...errors },
      },
    },
    async (req, reply) => {
      const { format, lang, ...range } = req.query;
      const s = await internationalSeries(db(), range);
      if (format === 'json') return s;
      const l = lang as Lang;
      const cols: ExportColumn<(typeof s.rows)[number]>[] = [
        { header: l === 'ja' ? '年度' : 'Fiscal year', value: (r) => r.fiscalYear },
        { header: l === 'ja' ? '和暦' : 'Japanese era', value: (r) => fiscalYearLabel(r.fiscalYear, 'ja') },
        { header: l === 'ja' ? '年度内の派遣職員数' : 'Dispatched', value: (r) => num(r.dispatched) },
        { header: l === 'ja' ? '年度内に派遣を終了した職員数' : 'Returned', value: (r) => num(r.returned) },
        { header: l === 'ja' ? 'うち職務に復帰しなかった者' : 'of which did not resume duty', value: (r) => num(r.notResumed) },
        { header: l === 'ja' ? '年度末現在派遣中の職員数' : 'On dispatch at fiscal year end', value: (r) => num(r.endOfYear) },
        { header: l === 'ja' ? '調整後の年度末人数［ ］' : 'Adjusted year-end figure [ ]', value: (r) => num(r.adjustedEndOfYear) },
        { header: l === 'ja' ? '出典' : 'Source', value: (r) => src(r.source) },
        { header: l === 'ja' ? '改訂あり' : 'Revised', value: (r) => (r.revised ? (l === 'ja' ? '改訂あり' : 'revised') : '') },
      ];
      return sendTable(reply, format, 'international-dispatch-series', '派遣職員数の推移', cols, s.rows);
    },
  );

  for (const [path, series, sheet, summary] of [
    ['/api/statistics/international/by-organisation', 'international.byOrganisation', '派遣先機関別', '年度末派遣先機関別状況（図8-2） / On dispatch at fiscal year end by organisation type (figure 8-2)'],
    ['/api/statistics/international/by-region', 'international.byRegion', '派遣先地域別', '年度末派遣先地域別状況（図8-3） / On dispatch at fiscal year end by region (figure 8-3)'],
  ] as const) {
    app.get(
      path,
      { config: open, schema: { tags, summary, description: fmtNote, querystring: breakdownQuerySchema, response: { 200: breakdownSchema, ...errors } } },
      async (req, reply) => {
        const b = await breakdown(db(), series, 'endOfYear', req.query.year);
        if (req.query.format === 'json') return b;
        const ja = req.query.lang === 'ja';
        return sendTable(reply, req.query.format, series.replace(/\./g, '-'), sheet, [
          { header: ja ? '年度' : 'Fiscal year', value: () => b.year ?? '' },
          { header: ja ? '区分' : 'Category', value: (r: (typeof b.rows)[number]) => r.dimension },
          { header: ja ? '年度末派遣中の職員数' : 'On dispatch at year end', value: (r) => num(r.value) },
          { header: ja ? '出典' : 'Source', value: (r) => src(r.source) },
        ], b.rows);
      },
    );
  }

  app.get(
    '/api/statistics/public-private/industry',
    {
      config: open,
      schema: { tags, summary: '官民人事交流 業種別の交流状況（公表値、暦年） / Public-private exchange by industry (published table, calendar year)', description: fmtNote, querystring: industryQuerySchema, response: { 200: industryTableSchema, ...errors } },
    },
    async (req, reply) => {
      const t = await publishedIndustryTable(db(), req.query.year);
      if (req.query.format === 'json') return t;
      const ja = req.query.lang === 'ja';
      type R = { label: string; jsic: string; hire: number | null; dispatch: number | null; total: number | null };
      const rows: R[] = [
        ...t.rows.map((r) => ({ label: ja ? r.industryJa : r.industryEn, jsic: r.jsicCodes.join('+'), hire: r.hire, dispatch: r.dispatch, total: r.total })),
        { label: ja ? '計' : 'Total', jsic: '', ...t.total },
      ];
      return sendTable(reply, req.query.format, `public-private-industry-${t.year}`, `業種別${t.year}`, [
        { header: ja ? '業種' : 'Industry', value: (r: R) => r.label },
        { header: ja ? '日本標準産業分類' : 'JSIC groups', value: (r) => r.jsic },
        { header: ja ? '交流採用' : 'Hire (交流採用)', value: (r) => num(r.hire) },
        { header: ja ? '交流派遣' : 'Dispatch (交流派遣)', value: (r) => num(r.dispatch) },
        { header: ja ? '計' : 'Total', value: (r) => num(r.total) },
      ], rows);
    },
  );

  app.get(
    '/api/statistics/published/cumulative',
    { config: open, schema: { tags, summary: '官民人事交流のこれまでの交流状況（累計、公表値） / Cumulative public-private exchanges (published)', description: fmtNote, querystring: exportQuerySchema, response: { 200: cumulativeSchema, ...errors } } },
    async (req, reply) => {
      const c = await cumulativeTotals(db());
      if (req.query.format === 'json') return c;
      const ja = req.query.lang === 'ja';
      return sendTable(reply, req.query.format, 'public-private-cumulative', '累計', [
        { header: ja ? '年末' : 'Year end', value: () => c.year ?? '' },
        { header: ja ? '区分' : 'Programme', value: (r: (typeof c.rows)[number]) => r.programme },
        { header: ja ? '府省数' : 'Ministries', value: (r) => num(r.ministries) },
        { header: ja ? '人数' : 'People', value: (r) => num(r.people) },
        { header: ja ? '出典' : 'Source', value: (r) => src(r.source) },
      ], c.rows);
    },
  );

  app.get(
    '/api/statistics/published/figures',
    {
      config: open,
      schema: {
        tags,
        summary: '系列の公表数値（最新版）: international.seminars / international.fellowship / international.visits / … / Latest published figures of a series',
        description: fmtNote,
        querystring: figureListQuerySchema,
        response: { 200: figureListSchema, ...errors },
      },
    },
    async (req, reply) => {
      const f = await seriesFigures(db(), req.query.series);
      if (req.query.format === 'json') return f;
      const ja = req.query.lang === 'ja';
      return sendTable(reply, req.query.format, req.query.series.replace(/\./g, '-'), req.query.series.slice(0, 30), [
        { header: ja ? '年度・年' : 'Year', value: (r: (typeof f.items)[number]) => (r.periodKind === 'fiscal' ? `FY${r.year}` : r.year) },
        { header: ja ? '区分' : 'Dimension', value: (r) => r.dimension },
        { header: ja ? '項目' : 'Measure', value: (r) => r.measure },
        { header: ja ? '数値' : 'Value', value: (r) => num(r.value) },
        { header: ja ? '出典' : 'Source', value: (r) => src(r.source) },
      ], f.items);
    },
  );

  app.get(
    '/api/statistics/published/history',
    {
      config: open,
      schema: { tags, summary: '公表数値の改訂履歴（全ての版と出典） / Every published version of a figure, with sources', querystring: figureHistoryQuerySchema, response: { 200: figureHistorySchema, ...errors } },
    },
    async (req) => {
      const h = await figureHistory(db(), req.query);
      if (!h) throw new AppError('not_found');
      return h;
    },
  );

  app.post(
    '/api/statistics/published/import',
    {
      config: { permission: 'statistics:import' },
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags,
        summary: '公表数値の取込（CSV、整合性チェック、全件成功時のみ登録） / Import published figures (CSV; consistency-checked; all or nothing)',
        description: '本文にCSVファイルを送ります（Content-Type: text/csv）。形式は docs/statistics-import.md。?revision=true で改訂として明示的に登録。 / Send the CSV as the body; see docs/statistics-import.md. ?revision=true stores it as an explicitly flagged revision.',
        querystring: z.strictObject({ revision: z.enum(['true', 'false']).default('false'), filename: z.string().max(200).optional() }),
        response: { 200: statsImportResultSchema, ...errors, 415: errorResponseSchema, 422: errorResponseSchema },
      },
    },
    async (req) => {
      const body = req.body as unknown;
      const file = body instanceof Upload ? body.bytes : typeof body === 'string' ? Buffer.from(body, 'utf8') : null;
      if (!file) throw new AppError('unsupported_media_type');
      let records: Record<string, string>[];
      try {
        records = parseFiguresCsv(file.toString('utf8'));
      } catch (err) {
        if (err instanceof CsvFormatError) throw new AppError('validation_failed', { messages: { ja: err.messageJa, en: err.messageEn } });
        throw err;
      }
      const label = `api:${(req.query.filename ?? 'upload').replace(/[/\\]/g, '_')}`;
      return importFigures(db(), req.ctx, records, { revision: req.query.revision === 'true', label });
    },
  );
};
