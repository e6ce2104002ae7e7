// `koryu report annual --year 2023 [--lang ja|en] --out FILE.pdf`
// Exit codes: 0 written; 1 no figures for the year (message in ja and en); 2 usage.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from '../../../db/client.ts';
import type { RequestContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { seedPublishedStatistics } from '../published.service.ts';
import { annualReportPdf } from './report.service.ts';

export const REPORT_HELP = `  report annual --year Y [--lang ja|en] --out FILE.pdf
                                 the annual report PDF: international dispatch in fiscal year Y, consultations in
                                 FY Y+1, public-private exchange in calendar year Y+1 (as the NPA annual report);
                                 exit 1 when there are no figures for Y`;

export async function reportCommand(
  sub: string | undefined,
  rest: string[],
  withDb: <T>(fn: (d: Database) => Promise<T>) => Promise<T>,
  ctx: () => RequestContext,
): Promise<number | null> {
  if (sub !== 'annual') return null;
  let values: { year?: string; lang?: string; out?: string };
  try {
    ({ values } = parseArgs({ args: rest, options: { year: { type: 'string' }, lang: { type: 'string', default: 'ja' }, out: { type: 'string' } } }));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${REPORT_HELP}`);
    return 2;
  }
  const year = Number(values.year);
  const lang = values.lang;
  if (!values.year || !Number.isInteger(year) || year < 1900 || year > 2200 || (lang !== 'ja' && lang !== 'en') || !values.out) {
    console.error(`年（--year）、言語（--lang ja|en）と出力先（--out）を指定してください。 / Give --year YYYY, --lang ja|en and --out FILE.pdf.\n\n${REPORT_HELP}`);
    return 2;
  }
  const out = path.resolve(values.out);
  return withDb(async (d) => {
    await seedPublishedStatistics(d); // the shipped history, as `koryu start` loads it (no-op when present)
    try {
      const f = await annualReportPdf(d.db, ctx(), { year, lang });
      fs.writeFileSync(out, f.bytes);
      console.log(`${out}: ${f.bytes.length} bytes, sha256 ${f.sha256}`);
      return 0;
    } catch (e) {
      if (e instanceof AppError && e.code === 'not_found') {
        console.error(`${e.messages.ja}\n${e.messages.en}`);
        return 1;
      }
      throw e;
    }
  });
}
