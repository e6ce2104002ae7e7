// One source of truth (issue 6, done-when): records generated for a year give the same totals in
// every view and export — series JSON, breakdown JSON for every dimension, CSV, xlsx (read back with
// ExcelJS), JSON downloads, cumulative and the page overview — and the SQL cube equals the pure
// reference semantics (records.cube.ts cubeFromCases) cell for cell.
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, newCorporateNumber, testApp, type Session, type TestApp } from '../../test/app.ts';
import { rowsOf } from '../../db/client.ts';
import { companies, exchangeCases, people } from '../../db/schema.ts';
import { cubeFromCases, dimensions, toGroupingSets, type CaseRecord, type CubeRow } from './records.cube.ts';
import { recordsRepository } from './records.repository.ts';
import { CACHE_TTL_MS, invalidateRecordsCache, recordsCube, setSlowReadThreshold } from './records.service.ts';

let t: TestApp;
let npa: Session;
let ministry: Session;
const records: CaseRecord[] = [];
const YEAR = 2024;

// Deterministic pseudo-random choices.
let seed = 11;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

beforeAll(async () => {
  t = await testApp();
  [npa, ministry] = await Promise.all([loginAs(t, 'npa'), loginAs(t, 'ministry_hr')]);
  const db = t.db.db;
  const units = rowsOf<{ id: number; organisation_id: number; kind: string; code: string }>(
    await db.execute(sql`
      (select u.id, u.organisation_id, u.kind, o.code from org_units u join organisations o on o.id = u.organisation_id where u.kind = 'division' order by u.id limit 3)
      union all
      (select u.id, u.organisation_id, u.kind, o.code from org_units u join organisations o on o.id = u.organisation_id where u.kind = 'regional_office' order by u.id limit 2)
      union all
      (select u.id, u.organisation_id, u.kind, o.code from org_units u join organisations o on o.id = u.organisation_id where u.kind = 'office' order by u.id limit 1)`),
  );
  const industries = rowsOf<{ code: string; stat_group_ja: string }>(await db.execute(sql`select code, stat_group_ja from industries where code in ('E','L','N','J','G')`));
  const companyRows: { id: number; industry: string | null }[] = [];
  for (const code of ['E', 'L', 'N', 'J', 'G', null]) {
    const [c] = await db
      .insert(companies)
      .values({ corporateNumber: newCorporateNumber(), name: `統計テスト${code ?? 'X'}株式会社`, nameNormalized: `統計テスト${code ?? 'X'}株式会社`, legalTypeCode: 'kabushiki_kaisha', industryCode: code })
      .returning({ id: companies.id });
    companyRows.push({ id: c!.id, industry: code ? industries.find((i) => i.code === code)!.stat_group_ja : null });
  }
  let n = 0;
  for (let i = 0; i < 90; i++) {
    // Mostly 2024 starts; some earlier (so stock and cumulative have history) and some never started.
    const y = i < 60 ? YEAR : 2019 + Math.floor(rand() * 5);
    const start = iso(y, 1 + Math.floor(rand() * 12), 1 + Math.floor(rand() * 28));
    const years = pick([1, 2, 3, 5]);
    const plannedEnd = iso(y + years, 1 + Math.floor(rand() * 12), 1 + Math.floor(rand() * 28));
    const state = pick(['active', 'returned', 'ended_early', 'extended', 'active', 'withdrawn', 'under_review']);
    const started = !['withdrawn', 'under_review'].includes(state);
    const ended = state === 'returned' || state === 'ended_early';
    const actualEnd = ended ? (state === 'returned' ? plannedEnd : iso(y + 1, 6, 30)) : null;
    const direction = pick(['dispatch', 'hire'] as const);
    const unit = pick(units);
    const company = pick(companyRows);
    const gender = pick(['female', 'male', 'other', null]);
    const birthDate = rand() < 0.15 ? null : iso(1960 + Math.floor(rand() * 40), 1 + Math.floor(rand() * 12), 1 + Math.floor(rand() * 28));
    const withPerson = rand() > 0.1;
    let personId: number | null = null;
    if (withPerson) {
      const [p] = await db
        .insert(people)
        .values({ kind: direction === 'dispatch' ? 'official' : 'employee', familyName: '統計', givenName: `${i}`, gender, birthDate, organisationId: direction === 'dispatch' ? unit.organisation_id : null, companyId: direction === 'hire' ? company.id : null })
        .returning({ id: people.id });
      personId = p!.id;
    }
    await db.insert(exchangeCases).values({
      reference: `KR-STAT-${String(++n).padStart(4, '0')}`,
      direction,
      hireType: direction === 'hire' ? 'continued' : null,
      organisationId: unit.organisation_id,
      unitId: unit.id,
      postTitle: '係長',
      companyId: company.id,
      personId,
      plannedStart: start,
      plannedEnd,
      state,
      actualStart: started ? start : null,
      actualEnd,
    });
    records.push({
      direction,
      state,
      plannedStart: start,
      plannedEnd,
      actualStart: started ? start : null,
      actualEnd,
      ministry: unit.code,
      unitKind: unit.kind,
      industry: company.industry,
      gender: withPerson ? gender : null,
      birthDate: withPerson ? birthDate : null,
    });
  }
  invalidateRecordsCache(db);
});
afterAll(async () => t?.close());

const canonicalCube = (rows: readonly CubeRow[]) =>
  rows
    .map((r) => JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)))))
    .sort();

const startedIn = (y: number, d?: 'dispatch' | 'hire') => records.filter((r) => r.actualStart?.startsWith(String(y)) && !['withdrawn', 'under_review'].includes(r.state) && (!d || r.direction === d)).length;

async function csvTotal(url: string): Promise<number[]> {
  const res = await npa.req('GET', url);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('text/csv');
  expect(res.body.startsWith('\uFEFF')).toBe(true);
  const lines = res.body.slice(1).trim().split('\r\n');
  const last = lines[lines.length - 1]!.split(',').map((c) => c.replace(/^"|"$/g, ''));
  return last.slice(-3).map(Number);
}
async function xlsxTotal(url: string): Promise<number[]> {
  const res = await npa.req('GET', url);
  expect(res.statusCode).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const row = ws.getRow(ws.rowCount).values as unknown[];
  return row.slice(-3).map(Number);
}

describe('public-private statistics from records: one source of truth', () => {
  it('the SQL cube equals the reference cube of the same records (grouping-sets form)', async () => {
    const { rows } = await recordsRepository.cube(t.db.db);
    expect(canonicalCube(rows)).toEqual(canonicalCube(toGroupingSets(cubeFromCases(records))));
  });

  it('every view and export gives the same totals for the year', async () => {
    const want = { dispatch: startedIn(YEAR, 'dispatch'), hire: startedIn(YEAR, 'hire') };
    const total = want.dispatch + want.hire;
    expect(total).toBeGreaterThan(20);

    const series = (await npa.req('GET', `/api/statistics/public-private/series?from=${YEAR}&to=${YEAR}`)).json();
    expect(series.rows[0]).toMatchObject({ year: YEAR, labelJa: '令和6年', dispatchStarted: want.dispatch, hireStarted: want.hire, started: total });

    const seriesCsv = await npa.req('GET', `/api/statistics/public-private/series?from=${YEAR}&to=${YEAR}&format=csv`);
    const seriesLine = seriesCsv.body.slice(1).trim().split('\r\n')[1]!.split(',').map((c) => c.replace(/^"|"$/g, ''));
    expect(seriesLine.slice(0, 5)).toEqual([String(YEAR), '令和6年', String(want.dispatch), String(want.hire), String(total)]);

    const cumNow = (await npa.req('GET', `/api/statistics/public-private/cumulative?year=${YEAR}`)).json();
    const cumBefore = (await npa.req('GET', `/api/statistics/public-private/cumulative?year=${YEAR - 1}`)).json();
    const people = (c: { rows: { direction: string; people: number }[] }, d: string) => c.rows.find((r) => r.direction === d)!.people;
    expect(people(cumNow, 'dispatch') - people(cumBefore, 'dispatch')).toBe(want.dispatch);
    expect(people(cumNow, 'hire') - people(cumBefore, 'hire')).toBe(want.hire);

    const overview = (await npa.req('GET', `/api/statistics/public-private/overview?year=${YEAR}&window=1&from=2019&to=${YEAR}`)).json();
    expect(overview.series.rows.find((r: { year: number }) => r.year === YEAR).started).toBe(total);

    for (const dimension of dimensions) {
      const q = `dimension=${dimension}&year=${YEAR}&window=1`;
      const json = (await npa.req('GET', `/api/statistics/public-private/breakdown?${q}`)).json();
      expect(json.totals, dimension).toEqual({ ...want, total });
      expect(json.rows.reduce((s: number, r: { total: number }) => s + r.total, 0)).toBe(total);
      expect(overview.breakdowns.find((b: { dimension: string }) => b.dimension === dimension).totals).toEqual(json.totals);
      expect(await csvTotal(`/api/statistics/public-private/breakdown?${q}&format=csv`), `${dimension} csv`).toEqual([want.dispatch, want.hire, total]);
      expect(await xlsxTotal(`/api/statistics/public-private/breakdown?${q}&format=xlsx&lang=en`), `${dimension} xlsx`).toEqual([want.dispatch, want.hire, total]);
      const download = await npa.req('GET', `/api/statistics/public-private/breakdown?${q}&format=json`);
      expect(download.headers['content-disposition']).toContain('attachment');
      expect(download.json().totals).toEqual(json.totals);
    }
    // The three-year window (令和4年～6年) equals the sum of its years' series.
    const s3 = (await npa.req('GET', `/api/statistics/public-private/series?from=${YEAR - 2}&to=${YEAR}`)).json();
    const w3 = (await npa.req('GET', `/api/statistics/public-private/breakdown?dimension=gender&year=${YEAR}&window=3`)).json();
    expect(w3.labelJa).toBe('令和4年～6年');
    expect(w3.totals.total).toBe(s3.rows.reduce((s: number, r: { started: number }) => s + r.started, 0));
  });

  it('audits downloads, not views', async () => {
    const count = async () => rowsOf<{ n: number }>(await t.db.db.execute(sql`select count(*)::int as n from audit_log where action = 'statistics.export'`))[0]!.n;
    const before = await count();
    await npa.req('GET', `/api/statistics/public-private/breakdown?dimension=industry&year=${YEAR}`);
    expect(await count()).toBe(before);
    await npa.req('GET', `/api/statistics/public-private/breakdown?dimension=industry&year=${YEAR}&format=csv`);
    expect(await count()).toBe(before + 1);
  });

  it('compares records with the published 2024 industry table', async () => {
    const res = await npa.req('GET', '/api/statistics/public-private/comparison');
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.year).toBe(2024);
    expect(c.totals.published).toEqual({ dispatch: 26, hire: 397, total: 423 });
    expect(c.totals.records.total).toBe(startedIn(2024));
    expect(c.totals.difference.total).toBe(startedIn(2024) - 423);
    const mfg = c.rows.find((r: { industryJa: string }) => r.industryJa === '製造業');
    expect(mfg.published).toEqual({ dispatch: 6, hire: 89, total: 95 });
  });

  it('serves from the cache until the data version changes', async () => {
    const db = t.db.db;
    invalidateRecordsCache(db);
    expect((await recordsCube(db)).computed).toBe(true);
    expect((await recordsCube(db)).computed).toBe(false);
    await db.execute(sql`insert into exchange_case_counts (organisation_id, state, n) select organisation_id, 'active', 0 from exchange_cases limit 1 on conflict do nothing`);
    await db.execute(sql`update exchange_case_counts set n = n + 1 where state = 'active'`);
    expect((await recordsCube(db)).computed).toBe(true);
    // Past the TTL with the same version: the cached cube is served, refreshed in the background.
    const stale = await recordsCube(db, Date.now() + CACHE_TTL_MS + 1);
    expect(stale.computed).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    expect((await recordsCube(db)).computed).toBe(false);
  });

  it('after a slow read, a changed version is served from the previous cube and re-read in the background', async () => {
    const db = t.db.db;
    invalidateRecordsCache(db);
    setSlowReadThreshold(-1); // every read counts as slow
    try {
      const first = await recordsCube(db);
      expect(first.computed).toBe(true);
      await db.execute(sql`update exchange_case_counts set n = n + 1 where state = 'active'`);
      const served = await recordsCube(db);
      expect(served.computed).toBe(false);
      expect(served.version).toBe(first.version); // the previous cube, with its own version
      await new Promise((r) => setTimeout(r, 500));
      const next = await recordsCube(db);
      expect(next.computed).toBe(false);
      expect(next.version).not.toBe(first.version); // the background read has replaced it
    } finally {
      setSlowReadThreshold();
    }
  });

  it('is for the NPA only, and validates its query', async () => {
    expect((await ministry.req('GET', `/api/statistics/public-private/series`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/statistics/public-private/series' })).statusCode).toBe(401);
    const bad = await npa.req('GET', `/api/statistics/public-private/breakdown?dimension=shoe_size&year=${YEAR}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    expect((await npa.req('GET', `/api/statistics/public-private/breakdown?dimension=age&year=${YEAR}&window=2`)).statusCode).toBe(400);
    expect((await npa.req('GET', `/api/statistics/public-private/series?from=2010&to=2005`)).statusCode).toBe(400);
  });
});
