// The annual report PDF (年次報告) over the exchange cases loaded by bench/load-exchange-cases.ts
// (1,000,000 cases over 25 years) on the PostgreSQL server. Target: ≤ 3 s for collect + render.
//   npm run bench:annual-report -- --database-url postgres://postgres@127.0.0.1:5432/koryu_national [--year 2023]
// Measures:
//   in-process cold   collectAnnualReportData with the records cache dropped (the cube is read from
//                     the database) + renderAnnualReport, split into collect and render (--cold-runs, 5)
//   in-process warm   the same with the cube cached (--warm-runs, 10)
//   HTTP cold         GET /api/statistics/report/annual as the first request after starting koryu
//                     (--restarts, 2), then warm requests (--http-runs, 10)
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../server/src/db/client.ts';
import { seedPublishedStatistics } from '../server/src/modules/statistics/published.service.ts';
import { invalidateRecordsCache } from '../server/src/modules/statistics/records.service.ts';
import { collectAnnualReportData } from '../server/src/modules/statistics/report/annual-report.data.ts';
import { renderAnnualReport } from '../server/src/modules/statistics/report/annual-report.ts';
import { coldWarmHttp, latencyStats as stats } from './criteria-lib.ts';
import { arg, coldWarmArgs } from './lib.ts';

const { databaseUrl, port, coldRuns, warmRuns, restarts, httpRuns } = coldWarmArgs({ port: 3963, coldRuns: 5, warmRuns: 10, restarts: 2, httpRuns: 10 });
const year = Number(arg('year', '2023'));

const d = await openDatabase({ databaseUrl, poolSize: 4 });
await d.migrate();
await seedPublishedStatistics(d); // the shipped published history, as `koryu start` loads it
const facts = rowsOf<{ cases: number; from: number; to: number }>(
  await d.db.execute(sql`select count(*)::int as cases, min(extract(year from actual_start))::int as "from", max(extract(year from actual_start))::int as "to" from exchange_cases`),
)[0]!;
console.error(`[annual-report] ${facts.cases} cases, started ${facts.from}–${facts.to}; report year ${year}, on ${databaseUrl}`);
if (!facts.cases) throw new Error('no exchange cases: run bench/load-exchange-cases.ts first');

type Run = { collect: number; render: number; total: number; bytes: number; pages: number };
async function once(lang: 'ja' | 'en', cold: boolean): Promise<Run> {
  if (cold) invalidateRecordsCache(d.db);
  const t0 = performance.now();
  const data = await collectAnnualReportData(d.db, { year, lang });
  const t1 = performance.now();
  const pdf = await renderAnnualReport(data);
  const t2 = performance.now();
  const pages = (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
  return { collect: t1 - t0, render: t2 - t1, total: t2 - t0, bytes: pdf.length, pages };
}

const cold: Run[] = [];
for (let i = 0; i < coldRuns; i++) cold.push(await once(i % 2 ? 'en' : 'ja', true));
const warm: Run[] = [];
for (let i = 0; i < warmRuns; i++) warm.push(await once(i % 2 ? 'en' : 'ja', false));
const sample = await collectAnnualReportData(d.db, { year, lang: 'ja' });
await d.close();

// cold: ja; warm: ja and en in turn
const path = (i: number | null) => `/api/statistics/report/annual?year=${year}&lang=${i !== null && i % 2 ? 'en' : 'ja'}`;
const http = await coldWarmHttp({ databaseUrl, port, restarts, httpRuns, path, contentType: 'application/pdf' });

const result = {
  bench: 'annual-report',
  date: new Date().toISOString(),
  cases: facts.cases,
  years: `${facts.from}–${facts.to}`,
  reportYear: year,
  recordsSeriesYears: sample.publicPrivate.series.length,
  industrySource: sample.publicPrivate.industry?.source.kind ?? null,
  pdfBytes: cold.map((r) => r.bytes),
  pages: cold[0]?.pages,
  inProcessCold: { total: stats(cold.map((r) => r.total)), collect: stats(cold.map((r) => r.collect)), render: stats(cold.map((r) => r.render)) },
  inProcessWarm: { total: stats(warm.map((r) => r.total)), collect: stats(warm.map((r) => r.collect)), render: stats(warm.map((r) => r.render)) },
  httpCold: stats(http.cold),
  httpWarm: stats(http.warm),
  serverRssMb: http.rssMb,
  targetMs: 3000,
};
console.log(JSON.stringify(result, null, 2));
