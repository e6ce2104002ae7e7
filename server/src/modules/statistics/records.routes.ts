// Public-private statistics from records: the NPA's API (statistics:read). Each table also as CSV
// (UTF-8 with BOM, formula cells escaped), xlsx and JSON download via ?format=; a download is
// audited (statistics.export). Aggregates only: no personal data is returned.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorResponseSchema } from '../../../../common/src/schemas/common.schema.ts';
import {
  publicPrivateBreakdownQuerySchema,
  publicPrivateBreakdownSchema,
  publicPrivateComparisonQuerySchema,
  publicPrivateComparisonSchema,
  publicPrivateCumulativeQuerySchema,
  publicPrivateCumulativeSchema,
  publicPrivateOverviewQuerySchema,
  publicPrivateOverviewSchema,
  publicPrivateSeriesQuerySchema,
  publicPrivateSeriesSchema,
} from '../../../../common/src/schemas/statistics.schema.ts';
import { writeAudit } from '../../platform/audit.ts';
import { sendCsv, sendXlsx, type ExportColumn } from '../../platform/table-export.ts';
import { inTransaction } from '../../db/tx.ts';
import { dimensions } from './records.cube.ts';
import { cumulative, publicPrivateBreakdown, publicPrivateComparison, publicPrivateOverview, publicPrivateSeries } from './records.service.ts';
import type { BreakdownRow, BreakdownView, ComparisonRow, CumulativeView, SeriesRow } from './records.views.ts';

const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema };
const tags = ['statistics'];
const config = { permission: 'statistics:read' } as const;
type Lang = 'ja' | 'en';
const L = (lang: Lang, ja: string, en: string) => (lang === 'ja' ? ja : en);

export const seriesColumns = (lang: Lang): ExportColumn<SeriesRow>[] => [
  { header: L(lang, '年（暦年）', 'Calendar year'), value: (r) => r.year },
  { header: L(lang, '和暦', 'Japanese era'), value: (r) => r.labelJa },
  { header: L(lang, '新規交流派遣', 'New dispatches'), value: (r) => r.dispatchStarted },
  { header: L(lang, '新規交流採用', 'New hires'), value: (r) => r.hireStarted },
  { header: L(lang, '新規計', 'New, total'), value: (r) => r.started },
  { header: L(lang, '交流派遣 終了', 'Dispatches ended'), value: (r) => r.dispatchEnded },
  { header: L(lang, '交流採用 終了', 'Hires ended'), value: (r) => r.hireEnded },
  { header: L(lang, '年末現在 交流派遣中', 'On dispatch at year end'), value: (r) => r.dispatchOnExchange },
  { header: L(lang, '年末現在 交流採用中', 'Hired at year end'), value: (r) => r.hireOnExchange },
  { header: L(lang, '年末現在 計', 'On exchange at year end, total'), value: (r) => r.onExchange },
  { header: L(lang, '年途中', 'Year not over'), value: (r) => (r.partial ? L(lang, '途中', 'yes') : '') },
];
export const breakdownColumns = (lang: Lang, b: BreakdownView): ExportColumn<BreakdownRow>[] => [
  { header: L(lang, '期間', 'Period'), value: () => L(lang, b.labelJa, b.labelEn) },
  { header: L(lang, '区分', 'Category'), value: (r) => L(lang, r.labelJa, r.labelEn) },
  { header: L(lang, 'コード', 'Code'), value: (r) => r.key },
  { header: L(lang, '交流派遣', 'Dispatch'), value: (r) => r.dispatch },
  { header: L(lang, '交流採用', 'Hire'), value: (r) => r.hire },
  { header: L(lang, '計', 'Total'), value: (r) => r.total },
];
const dash = (v: number | null | undefined) => (v === null || v === undefined ? '' : v);
export const comparisonColumns = (lang: Lang): ExportColumn<ComparisonRow>[] => [
  { header: L(lang, '業種', 'Industry'), value: (r) => L(lang, r.industryJa, r.industryEn) },
  { header: L(lang, '記録 交流派遣', 'Records: dispatch'), value: (r) => r.records.dispatch },
  { header: L(lang, '記録 交流採用', 'Records: hire'), value: (r) => r.records.hire },
  { header: L(lang, '記録 計', 'Records: total'), value: (r) => r.records.total },
  { header: L(lang, '公表 交流派遣', 'Published: dispatch'), value: (r) => dash(r.published?.dispatch) },
  { header: L(lang, '公表 交流採用', 'Published: hire'), value: (r) => dash(r.published?.hire) },
  { header: L(lang, '公表 計', 'Published: total'), value: (r) => dash(r.published?.total) },
  { header: L(lang, '差（記録−公表） 計', 'Difference (records − published), total'), value: (r) => dash(r.difference?.total) },
];
type CumRow = CumulativeView['rows'][number];
export const cumulativeColumns = (lang: Lang, c: CumulativeView): ExportColumn<CumRow>[] => [
  { header: L(lang, '時点', 'As of'), value: () => L(lang, c.labelJa, c.labelEn) },
  { header: L(lang, '区分', 'Programme'), value: (r) => (r.direction === 'dispatch' ? L(lang, '交流派遣', 'Dispatch') : L(lang, '交流採用', 'Hire')) },
  { header: L(lang, '府省等の数', 'Ministries'), value: (r) => r.ministries },
  { header: L(lang, '人数（延べ）', 'People (exchanges)'), value: (r) => r.people },
];

export const publicPrivateRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  /** A download: audited, then sent in the asked format. */
  async function download<T>(
    req: FastifyRequest,
    reply: FastifyReply,
    o: { format: 'json' | 'csv' | 'xlsx'; name: string; sheet: string; columns: readonly ExportColumn<T>[]; rows: readonly T[]; json: unknown; query: unknown },
  ) {
    await inTransaction(db, (tx) =>
      writeAudit(tx, req.ctx, { action: 'statistics.export', recordType: 'statistics', recordId: o.name, after: { format: o.format, query: o.query } }),
    );
    if (o.format === 'csv') return sendCsv(reply, `${o.name}.csv`, o.columns, o.rows);
    if (o.format === 'xlsx') return sendXlsx(reply, `${o.name}.xlsx`, o.sheet, o.columns, o.rows, 20);
    return reply.header('content-disposition', `attachment; filename="${o.name}.json"`).send(o.json);
  }

  app.get(
    '/api/statistics/public-private/series',
    {
      config,
      schema: {
        tags,
        summary: '官民人事交流 年別推移（記録・暦年） / Public-private exchanges per calendar year, from records',
        description:
          'Per calendar year (暦年) from..to (default 2000 to this year): exchanges started (新規), ended, and on exchange on 31 December (年末現在), by direction (交流派遣/交流採用). An exchange counts from its actual start (states active, extended, returned, ended_early). ?format=csv|xlsx|json downloads (audited).',
        querystring: publicPrivateSeriesQuerySchema,
        response: { 200: publicPrivateSeriesSchema, ...errors },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const result = await publicPrivateSeries(db, { from: q.from, to: q.to });
      if (!q.format) return result;
      return download(req, reply, { format: q.format, name: `public-private-series-${result.from}-${result.to}`, sheet: L(q.lang, '年別推移', 'Series'), columns: seriesColumns(q.lang), rows: result.rows, json: result, query: q });
    },
  );

  app.get(
    '/api/statistics/public-private/breakdown',
    {
      config,
      schema: {
        tags,
        summary: '官民人事交流 内訳（記録） / Public-private exchanges started, by one dimension',
        description: `Exchanges started in a calendar year (window=1) or the three years to it (window=3, e.g. 令和4年～6年), by one dimension (${dimensions.join(', ')}), optionally one direction. ?format=csv|xlsx|json downloads (audited).`,
        querystring: publicPrivateBreakdownQuerySchema,
        response: { 200: publicPrivateBreakdownSchema, ...errors },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const result = await publicPrivateBreakdown(db, { dimension: q.dimension, year: q.year, window: q.window as 1 | 3, direction: q.direction ?? null });
      if (!q.format) return result;
      const name = `public-private-${q.dimension}-${result.fromYear}-${result.toYear}${q.direction ? `-${q.direction}` : ''}`;
      const totalRow: BreakdownRow = { key: 'total', labelJa: '計', labelEn: 'Total', ...result.totals };
      return download(req, reply, { format: q.format, name, sheet: L(q.lang, '内訳', 'Breakdown'), columns: breakdownColumns(q.lang, result), rows: [...result.rows, totalRow], json: result, query: q });
    },
  );

  app.get(
    '/api/statistics/public-private/cumulative',
    {
      config,
      schema: {
        tags,
        summary: '官民人事交流 累計（記録） / Cumulative exchanges and ministries to a year end',
        description: 'People = exchanges started since records begin (延べ); ministries = distinct 府省等 with one or more. ?format= downloads (audited).',
        querystring: publicPrivateCumulativeQuerySchema,
        response: { 200: publicPrivateCumulativeSchema, ...errors },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const result = await cumulative(db, q.year);
      if (!q.format) return result;
      return download(req, reply, { format: q.format, name: `public-private-cumulative-${q.year}`, sheet: L(q.lang, '累計', 'Cumulative'), columns: cumulativeColumns(q.lang, result), rows: result.rows, json: result, query: q });
    },
  );

  app.get(
    '/api/statistics/public-private/comparison',
    {
      config,
      schema: {
        tags,
        summary: '記録と公表値の比較（業種別） / Records vs the published industry table',
        description: 'For the year of the shipped published industry table (業種別の交流状況, 令和6年): records, published figures and the difference (records − published) per industry group. ?format= downloads (audited).',
        querystring: publicPrivateComparisonQuerySchema,
        response: { 200: publicPrivateComparisonSchema, ...errors },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const result = await publicPrivateComparison(db);
      if (!q.format) return result;
      return download(req, reply, { format: q.format, name: `public-private-comparison-${result.year}`, sheet: L(q.lang, '比較', 'Comparison'), columns: comparisonColumns(q.lang), rows: [...result.rows, result.totals], json: result, query: q });
    },
  );

  app.get(
    '/api/statistics/public-private/overview',
    {
      config,
      schema: {
        tags,
        summary: '統計ページのデータ一式 / Everything the public-private statistics page shows',
        description: 'The series (from..to), every breakdown dimension for year (default: last full calendar year) and window (default 3), the cumulative totals to that year and the comparison with the published table.',
        querystring: publicPrivateOverviewQuerySchema,
        response: { 200: publicPrivateOverviewSchema, ...errors },
      },
    },
    async (req) => publicPrivateOverview(db, req.query),
  );
};
