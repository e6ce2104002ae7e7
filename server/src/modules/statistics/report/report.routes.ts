// GET /api/statistics/report/annual?year=&lang= — the annual report PDF (NPA only, audited).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { annualReportPdf } from './report.service.ts';

const disposition = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const annualReportQuerySchema = z.strictObject({
  year: z.coerce.number().int().min(1970).max(2200),
  lang: z.enum(['ja', 'en']).default('ja'),
});

export const annualReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/statistics/report/annual',
    {
      config: { permission: 'statistics:read' },
      schema: {
        tags: ['statistics'],
        summary: '年次報告（PDF） / Annual report (PDF)',
        description:
          'year = 報告の対象年度 Y: 国際機関等派遣は Y 年度、人事院への協議は Y+1 年度、官民人事交流は Y+1 年（年次報告書の章立てに合わせる）。統計がない年は 404。 / ' +
          'year = the report year Y: international dispatch for fiscal year Y, consultations in FY Y+1, public-private exchange in calendar year Y+1 (as in the NPA annual report). 404 when there are no figures for Y.',
        querystring: annualReportQuerySchema,
        produces: ['application/pdf'],
      },
    },
    async (req, reply) => {
      const f = await annualReportPdf(app.database.db, req.ctx, req.query);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', disposition(f.filename))
        .header('x-content-sha256', f.sha256)
        .send(f.bytes);
    },
  );
};
