// The annual report as a service: collect the data, render the PDF, audit the export.
// Used by the API route (report.routes.ts) and the CLI (`koryu report annual`).
import { createHash } from 'node:crypto';
import type { Database } from '../../../db/client.ts';
import { inTransaction } from '../../../db/tx.ts';
import { writeAudit } from '../../../platform/audit.ts';
import type { RequestContext } from '../../../platform/context.ts';
import { collectAnnualReportData, type ReportLang } from './annual-report.data.ts';
import { renderAnnualReport } from './annual-report.ts';

export type AnnualReportFile = { filename: string; bytes: Buffer; sha256: string };

/** Builds the PDF for `year` (see annual-report.data.ts for the periods). Throws not_found without data. */
export async function annualReportPdf(
  db: Database["db"],
  ctx: RequestContext,
  opts: { year: number; lang: ReportLang; today?: string },
): Promise<AnnualReportFile> {
  const data = await collectAnnualReportData(db, opts);
  const bytes = await renderAnnualReport(data);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const filename = `koryu-annual-report-${opts.year}-${opts.lang}.pdf`;
  await inTransaction(db, (tx) =>
    writeAudit(tx, ctx, {
      action: 'statistics.annual_report',
      recordType: 'statistics_report',
      after: { year: opts.year, lang: opts.lang, bytes: bytes.length, sha256 },
    }),
  );
  return { filename, bytes, sha256 };
}
