// Published figures in the database: the shipped history on a fresh database reproduces the seeds
// (54 fiscal years, 8,857 / 8,472 / (546), the 2024 industry table, checks pass); the FY2012 revision
// history; imports refused (naming the year, nothing stored) or accepted as a flagged revision; the
// public API's shape and exports (BOM, formula escaping, xlsx); the CLI's exit codes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { auditLog, statPublications, statPublishedFigures } from '../../db/schema.ts';
import { systemContext } from '../../platform/context.ts';
import { loginAs, testApp, type TestApp } from '../../test/app.ts';
import { cliDatabase, runCli, type CliDatabase } from '../../test/cli.ts';
import { shippedHistory } from './published.data.ts';
import { checkStored, cumulativeTotals, figureHistory, importFigures, internationalSeries, publishedIndustryTable, seedPublishedStatistics, StatsImportRejected } from './published.service.ts';

let t: TestApp;
const db = () => t.db.db;
const counts = async () => ({
  publications: Number((await db().select({ n: count() }).from(statPublications))[0]!.n),
  figures: Number((await db().select({ n: count() }).from(statPublishedFigures))[0]!.n),
});
const ctx = systemContext('test');
const header = 'series,period_kind,year,dimension,measure,value,source,table,lines,source_title_ja,source_published_year';

beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the shipped published history on a fresh database', () => {
  it('is loaded in the template, and loading again inserts nothing', async () => {
    const before = await counts();
    expect(before.figures).toBe(shippedHistory().figures.length);
    expect(before.publications).toBe(4);
    expect(await seedPublishedStatistics(t.db)).toBe(0);
    expect(await counts()).toEqual(before);
  });

  it('reproduces 資料8: 54 fiscal years 1970–2023, totals 8,857 / 8,472 / (546)', async () => {
    const s = await internationalSeries(db());
    expect(s.rows.map((r) => r.fiscalYear)).toEqual(Array.from({ length: 54 }, (_, i) => 1970 + i));
    const sum = (k: 'dispatched' | 'returned' | 'notResumed') => s.rows.reduce((a, r) => a + (r[k] ?? 0), 0);
    expect([sum('dispatched'), sum('returned'), sum('notResumed')]).toEqual([8857, 8472, 546]);
    expect(s.totals).toMatchObject({ fromYear: 1970, toYear: 2023, dispatched: 8857, returned: 8472, notResumed: 546 });
    expect(s.rows[0]).toMatchObject({ fiscalYear: 1970, labelJa: '昭和45年度', dispatched: 159, returned: 19, notResumed: null, endOfYear: 140 });
    expect(s.rows.find((r) => r.fiscalYear === 2003)).toMatchObject({ endOfYear: 526, adjustedEndOfYear: 505 });
    expect(s.rows.at(-1)).toMatchObject({ fiscalYear: 2023, labelJa: '令和5年度', dispatched: 138, returned: 142, notResumed: 16, endOfYear: 342 });
    expect(s.rows.at(-1)!.source).toMatchObject({ publicationCode: 'npa-annual-report-fy2024-ch8', table: '資料8 派遣職員数の推移', lines: '89' });
  });

  it('shows the latest FY2012 figures (148 / 132 / 426) flagged as revised, with the FY2013 report version in the history', async () => {
    const s = await internationalSeries(db(), { from: 2011, to: 2013 });
    expect(s.rows.map((r) => [r.fiscalYear, r.dispatched, r.returned, r.endOfYear, r.revised])).toEqual([
      [2011, 147, 139, 410, false],
      [2012, 148, 132, 426, true],
      [2013, 119, 148, 397, false],
    ]);
    const h = await figureHistory(db(), { series: 'international.dispatch', year: 2012, measure: 'dispatched' });
    expect(h!.versions.map((v) => [v.value, v.latest, v.source.publicationCode])).toEqual([
      [148, true, 'npa-annual-report-fy2024-ch8'],
      [143, false, 'npa-annual-report-fy2013-en-ch8'],
    ]);
    expect(h!.versions[1]!.source.text).toContain('143 persons');
  });

  it('reproduces the 2024 industry table: 12 rows, 397 + 26 = 423, サービス業 = JSIC L + N + R', async () => {
    const tbl = await publishedIndustryTable(db(), 2024);
    expect(tbl.rows).toHaveLength(12);
    expect(tbl.total).toEqual({ hire: 397, dispatch: 26, total: 423 });
    expect(tbl.rows[0]).toMatchObject({ industryJa: '製造業', hire: 89, dispatch: 6, total: 95 });
    expect(tbl.rows.find((r) => r.industryJa === 'サービス業')!.jsicCodes).toEqual(['L', 'N', 'R']);
    expect(tbl.rows.reduce((a, r) => a + (r.total ?? 0), 0)).toBe(423);
  });

  it('has the cumulative totals to the end of 2024 and passes every consistency check', async () => {
    const c = await cumulativeTotals(db());
    expect(c.year).toBe(2024);
    expect(c.rows.map((r) => [r.programme, r.ministries, r.people])).toEqual([
      ['dispatch', 27, 829],
      ['hire', 35, 3971],
      ['hireInclFormerJapanPost', null, 4012],
    ]);
    expect(await checkStored(db())).toEqual([]);
  });
});

describe('imports', () => {
  it('refuses a copy of 資料8 with one altered figure, naming that year and the numbers; nothing stored', async () => {
    const before = await counts();
    const rows = (await internationalSeries(db())).rows;
    const csv = [
      header,
      ...rows.flatMap((r) =>
        (['dispatched', 'returned', 'endOfYear'] as const).map((m) => `international.dispatch,fiscal,${r.fiscalYear},,${m},${r.fiscalYear === 1999 && m === 'dispatched' ? (r[m] ?? 0) + 5 : r[m]},npa-test-copy,資料8,,テスト複製,2026`),
      ),
    ];
    const records = csv.slice(1).map((l) => Object.fromEntries(header.split(',').map((h, i) => [h, l.split(',')[i] ?? ''])));
    const err = await importFigures(db(), ctx, records).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StatsImportRejected);
    const e = err as StatsImportRejected;
    expect(e.issues.map((i) => [i.series, i.year])).toEqual([
      ['international.dispatch', 1999],
      ['international.dispatch.total', 2023], // 計 8,857 ≠ the sum of the years
    ]);
    expect(e.messages.ja).toContain('平成11年度');
    expect(e.messages.en).toContain('FY1999');
    expect(e.messages.en).toContain('235'); // 528 + 235 − 219 = 544, but 539 is given
    expect(await counts()).toEqual(before);
  });

  it('accepts it with --revision as a flagged revision, which becomes the latest; audited', async () => {
    const rec = { series: 'international.dispatch', period_kind: 'fiscal', year: '令和5', dimension: '', measure: 'returned', value: '141', source: 'npa-test-revision', table: '資料8', lines: '', source_title_ja: '訂正資料', source_published_year: '2026' };
    await expect(importFigures(db(), ctx, [rec])).rejects.toThrow(/FY2023/);
    const r = await importFigures(db(), ctx, [rec], { revision: true, label: 'test' });
    expect(r).toMatchObject({ inserted: 1, flaggedRevision: true });
    expect(r.issues[0]!.messageEn).toContain('FY2023');
    const row = (await internationalSeries(db(), { from: 2023 })).rows[0]!;
    expect(row).toMatchObject({ returned: 141, revised: true, flaggedRevision: true });
    const audit = await db().select().from(auditLog).where(eq(auditLog.action, 'statistics.import_revision'));
    expect(audit).toHaveLength(1);
    // the stored series now fails its check (the flagged revision says so)
    expect((await checkStored(db())).map((i) => i.year)).toContain(2023);
  });

  it('stores a consistent new publication of other figures; re-importing it changes nothing', async () => {
    const rec = { series: 'international.byRegion', period_kind: 'fiscal', year: '2023', dimension: 'asia', measure: 'endOfYear', value: '100', source: 'npa-test-regions', table: '図8-3', lines: '', source_title_ja: 'テスト', source_published_year: '2025' };
    expect(await importFigures(db(), ctx, [rec])).toMatchObject({ inserted: 1, unchanged: 0 });
    expect(await importFigures(db(), ctx, [rec])).toMatchObject({ inserted: 0, unchanged: 1 });
    await expect(importFigures(db(), ctx, [{ ...rec, value: '101' }])).rejects.toThrow(/npa-test-regions/);
  });

  it('refuses invalid rows with row and column named', async () => {
    const err = (await importFigures(db(), ctx, [{ series: 'x', year: 'abc', measure: 'm', value: '=1+1', source: '' }]).catch((e: unknown) => e)) as StatsImportRejected;
    expect(err.rowErrors.map((e) => e.column).sort()).toEqual(['source', 'value', 'year']);
  });
});

describe('the public API', () => {
  it('serves the series without login, one row per fiscal year with its source', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/statistics/international/series?from=1970&to=1972' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { rows: Record<string, unknown>[] };
    expect(body.rows).toHaveLength(3);
    expect(Object.keys(body.rows[0]!)).toEqual(expect.arrayContaining(['fiscalYear', 'dispatched', 'returned', 'notResumed', 'endOfYear', 'adjustedEndOfYear', 'source', 'revised']));
    expect(body.rows[0]!.source).toMatchObject({ publicationCode: 'npa-annual-report-fy2024-ch8', document: expect.any(String), edition: expect.any(String) });
  });

  it('exports CSV with a BOM and escaped formula-like cells, and xlsx', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/statistics/public-private/industry?year=2024&format=csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.charCodeAt(0)).toBe(0xfeff);
    expect(res.body).toContain('"製造業","E","89","6","95"');
    expect(res.body).toContain('"計","","397","26","423"');
    // a dimension starting with = (imported) is escaped in CSV
    await importFigures(db(), ctx, [{ series: 'international.byOrganisation', period_kind: 'fiscal', year: '2023', dimension: '=cmd', measure: 'endOfYear', value: '3', source: 'npa-test-orgs', table: '図8-2', source_title_ja: 'テスト', source_published_year: '2025' }]);
    const org = await t.app.inject({ method: 'GET', url: '/api/statistics/international/by-organisation?year=2023&format=csv&lang=en' });
    expect(org.body).toContain(`"'=cmd"`);
    const x = await t.app.inject({ method: 'GET', url: '/api/statistics/international/series?format=xlsx' });
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.rowCount).toBe(55);
  });

  it('serves history, cumulative totals and the other published figures; 404 for an unknown figure', async () => {
    const h = await t.app.inject({ method: 'GET', url: '/api/statistics/published/history?series=international.dispatch&year=2012&measure=endOfYear' });
    expect((h.json() as { versions: { value: number }[] }).versions.map((v) => v.value)).toEqual([426, 424]);
    const c = await t.app.inject({ method: 'GET', url: '/api/statistics/published/cumulative' });
    expect((c.json() as { rows: unknown[] }).rows).toHaveLength(3);
    const f = await t.app.inject({ method: 'GET', url: '/api/statistics/published/figures?series=international.fellowship' });
    expect((f.json() as { items: { year: number; measure: string; value: number }[] }).items.filter((i) => i.measure === 'cohort').map((i) => [i.year, i.value])).toEqual([
      [2024, 28],
      [2013, 18],
    ]);
    const nf = await t.app.inject({ method: 'GET', url: '/api/statistics/published/history?series=international.dispatch&year=1900&measure=endOfYear' });
    expect(nf.statusCode).toBe(404);
  });

  it('the upload is for the NPA only; a bad file is refused in ja/en', async () => {
    const anon = await t.app.inject({ method: 'POST', url: '/api/statistics/published/import', headers: { 'content-type': 'text/csv' }, payload: header });
    expect(anon.statusCode).toBe(401);
    const npa = await loginAs(t, 'npa');
    const bad = await npa.req('POST', '/api/statistics/published/import', 'a,b\n1,2\n', { 'content-type': 'text/csv' });
    expect(bad.statusCode).toBe(400);
    const refused = await npa.req('POST', '/api/statistics/published/import', `${header}\ninternational.dispatch,fiscal,2000,,endOfYear,999,npa-test-upload,資料8,,テスト,2026\n`, { 'content-type': 'text/csv' });
    expect(refused.statusCode).toBe(422);
    expect((refused.json() as { error: { message: { ja: string; en: string } } }).error.message.en).toContain('FY2000');
  });
});

describe('the CLI', () => {
  let tmp: string;
  let cli: CliDatabase;
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-stats-'));
    cli = await cliDatabase('stats', tmp);
  });
  afterAll(async () => {
    await cli?.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('stats check passes; an import that breaks a check exits 1 naming the year (ja), --revision accepts it', async () => {
    expect((await runCli(cli.env, 'stats', 'check')).code).toBe(0);
    const file = path.join(tmp, 'fix.csv');
    fs.writeFileSync(file, `\uFEFF${header}\ninternational.dispatch,fiscal,1985,,dispatched,140,npa-cli-test,資料8,,テスト,2026\n`);
    const r = await runCli(cli.env, 'stats', 'import', file, '--lang', 'ja');
    expect(r.code).toBe(1);
    expect(r.err).toContain('昭和60年度');
    expect(r.err).not.toContain('FY1985');
    const en = await runCli({ ...cli.env, KORYU_LANG: 'en' }, 'stats', 'import', file);
    expect(en.err).toContain('FY1985');
    const ok = await runCli(cli.env, 'stats', 'import', file, '--revision', '--lang', 'en');
    expect(ok.code, ok.err).toBe(0);
    const check = await runCli(cli.env, 'stats', 'check', '--lang', 'en');
    expect(check.code).toBe(1);
    expect(check.err).toContain('FY1985');
  });
});
