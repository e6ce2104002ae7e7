// The annual report from the database: collectAnnualReportData reads the published figures (and
// records when there are any); the NPA-only API returns the PDF and audits it; the CLI writes the
// file or refuses a year without figures (exit 1, ja and en).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../../db/schema.ts';
import { loginAs, testApp, type TestApp } from '../../../test/app.ts';
import { cliDatabase, runCli, type CliDatabase } from '../../../test/cli.ts';
import { annualReportDataFromPublished, collectAnnualReportData } from './annual-report.data.ts';
import { cooperationRows, internationalNarrative, publicPrivateNarrative } from './annual-report.ts';

let t: TestApp;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-report-db-'));
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('collectAnnualReportData', () => {
  it('from the stored published figures gives the same report text as the shipped JSON', async () => {
    for (const lang of ['ja', 'en'] as const) {
      const fromDb = await collectAnnualReportData(t.db.db, { year: 2023, lang, today: '2026-11-23' });
      const fromJson = annualReportDataFromPublished({ year: 2023, lang, generatedOn: '2026-11-23' });
      expect(fromDb.international.current).toEqual(fromJson.international.current);
      expect(fromDb.international.series).toHaveLength(54);
      expect(fromDb.international.totals).toMatchObject({ dispatched: 8857, returned: 8472, notResumed: 546 });
      expect(fromDb.consultations).toMatchObject({ fiscalYear: 2024, count: 2 });
      expect(fromDb.publicPrivate.industry?.total).toMatchObject({ hire: 397, dispatch: 26, total: 423 });
      expect(fromDb.publicPrivate.cumulative).toMatchObject({ year: 2024, dispatchPeople: 829, hirePeople: 3971, hirePeopleInclFormerJapanPost: 4012 });
      expect(internationalNarrative(fromDb)).toEqual(internationalNarrative(fromJson));
      expect(cooperationRows(fromDb)).toEqual(cooperationRows(fromJson));
      expect(publicPrivateNarrative(fromDb)).toEqual(publicPrivateNarrative(fromJson));
    }
  });
});

describe('GET /api/statistics/report/annual', () => {
  it('the NPA gets the PDF, and the download is audited', async () => {
    const npa = await loginAs(t, 'npa');
    const res = await npa.req('GET', '/api/statistics/report/annual?year=2023&lang=ja');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(String(res.headers['content-disposition'])).toContain('koryu-annual-report-2023-ja.pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const audits = await t.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'statistics.annual_report'), eq(auditLog.actorAccountId, npa.accountId)));
    expect(audits).toHaveLength(1);
  });

  it('others are refused; a year without figures is 404 in ja and en; a bad query is 400', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/statistics/report/annual?year=2023' })).statusCode).toBe(401);
    const company = await loginAs(t, 'company_hr');
    expect((await company.req('GET', '/api/statistics/report/annual?year=2023')).statusCode).toBe(403);
    const npa = await loginAs(t, 'npa');
    const nf = await npa.req('GET', '/api/statistics/report/annual?year=2031&lang=en');
    expect(nf.statusCode).toBe(404);
    const body = nf.json() as { error: { message: { ja: string; en: string } } };
    expect(body.error.message.ja).toContain('令和13年度');
    expect(body.error.message.en).toContain('FY2031');
    expect((await npa.req('GET', '/api/statistics/report/annual?year=abc')).statusCode).toBe(400);
    expect((await npa.req('GET', '/api/statistics/report/annual?year=2023&lang=fr')).statusCode).toBe(400);
  });

  it('is documented in the OpenAPI description', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, { get?: { parameters?: { name: string }[] } }> };
    const op = doc.paths['/api/statistics/report/annual']?.get;
    expect(op).toBeDefined();
    expect(op!.parameters!.map((p) => p.name).sort()).toEqual(['lang', 'year']);
  });
});

describe('koryu report annual', () => {
  let cli: CliDatabase;
  beforeAll(async () => {
    cli = await cliDatabase('report', tmp);
  });
  afterAll(async () => {
    await cli?.drop();
  });

  it('writes the PDF; a year without figures exits 1 naming it in ja and en', async () => {
    const out = path.join(tmp, 'annual-2023-en.pdf');
    const ok = await runCli(cli.env, 'report', 'annual', '--year', '2023', '--lang', 'en', '--out', out);
    expect(ok.code).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const missing = await runCli(cli.env, 'report', 'annual', '--year', '2031', '--lang', 'ja', '--out', path.join(tmp, 'x.pdf'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('令和13年度');
    expect(missing.err).toContain('FY2031');
    expect(fs.existsSync(path.join(tmp, 'x.pdf'))).toBe(false);
    expect((await runCli(cli.env, 'report', 'annual', '--year', '2023')).code).toBe(2);
  });
});
