// The stored-record check and the bulk screening, through the API, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { auditLog, companies, companySanctions, licensingJurisdictions, orgUnits, people, postAssignments } from '../../db/schema.ts';
import { createCompany, loginAs, orgId, testApp, type Session, type TestApp } from '../../test/app.ts';
import { createCriteriaRepository } from './criteria.repository.ts';
import { evaluate } from './engine.ts';
import { defaultParameters } from './parameters.ts';

let t: TestApp;
let npa: Session;
let metiHr: Session;
let mofHr: Session;
let companyHr: Session;
const c: Record<string, number> = {};
let person = 0;
let unitA = 0;
let unitB = 0;
const start = '2026-04-01';

type Item = { companyId: number; name: string; status: string; failing: { ruleId: string; reason: { ja: string; en: string }; earliestPassDate: string | null }[] };

beforeAll(async () => {
  t = await testApp();
  const db = t.db.db;
  const unit = async (code: string) => (await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code)))[0]!.id;
  const meti = await orgId(t, '経済産業省');
  [unitA, unitB] = [await unit('meti.mfg.auto'), await unit('meti.mfg.chem')];
  for (const k of ['licensed', 'child', 'prosecuted', 'agency', 'association', 'plainOne', 'plainTwo', 'partial']) c[k] = await createCompany(t, `スクリーニング${k}株式会社`);
  const set = (id: number, v: Partial<typeof companies.$inferInsert>) => db.update(companies).set(v).where(eq(companies.id, id));
  await set(c.child!, { parentId: c.licensed! });
  await set(c.agency!, { legalTypeCode: 'incorporated_administrative_agency' });
  await set(c.association!, { legalTypeCode: 'general_incorporated_association' });
  person = (await db.insert(people).values({ kind: 'official', familyName: '審査', givenName: '花子', organisationId: meti }).returning({ id: people.id }))[0]!.id;
  await db.insert(postAssignments).values([
    { personId: person, unitId: unitA, postTitleJa: '自動車課長', startDate: '2024-04-01', endDate: '2025-03-31' },
    { personId: person, unitId: unitB, postTitleJa: '化学物質管理課長', startDate: '2025-04-01', endDate: null },
  ]);
  await db.insert(licensingJurisdictions).values([
    { unitId: unitA, companyId: c.licensed! },
    // Jurisdiction that ended during the official's post: only that span counts.
    { unitId: unitA, companyId: c.partial!, startDate: '2010-04-01', endDate: '2024-06-30' },
  ]);
  await db.insert(companySanctions).values([{ companyId: c.prosecuted!, caseRef: 'S-1', kind: 'prosecution', subject: 'company', occurredOn: '2025-10-01' }]);
  [npa, metiHr, mofHr, companyHr] = await Promise.all([
    loginAs(t, 'npa'),
    loginAs(t, 'ministry_hr'),
    loginAs(t, 'ministry_hr', { organisationId: await orgId(t, '財務省') }),
    loginAs(t, 'company_hr'),
  ]);
});
afterAll(async () => t?.close());

const screenUrl = (extra = '') => `/api/criteria/screening?personId=${person}&plannedStart=${start}${extra}`;

describe('POST /api/criteria/check', () => {
  it('gathers the stored facts, explains the bar and audits the read', async () => {
    const res = await metiHr.req('POST', '/api/criteria/check', { direction: 'dispatch', personId: person, unitId: unitB, companyId: c.child, plannedStart: start, plannedEnd: '2028-03-31' });
    expect(res.statusCode).toBe(200);
    const { request, decision } = res.json();
    expect(request.exchange).toMatchObject({ companyId: String(c.child), unitId: String(unitB), plannedStart: start });
    expect(decision.overall).toBe('ineligible');
    const lic = decision.rules.find((r: { ruleId: string }) => r.ruleId === 'licensing_post');
    expect(lic).toMatchObject({ outcome: 'fail', earliestPassDate: '2027-04-01' });
    expect(lic.reasons[0].message.ja).toContain('自動車課長');
    const audits = await t.db.db.select({ n: count() }).from(auditLog).where(and(eq(auditLog.action, 'criteria.check'), eq(auditLog.recordId, String(person))));
    expect(Number(audits[0]!.n)).toBe(1);
  });

  it('counts a post only for the span in which its unit had jurisdiction', async () => {
    const res = await npa.req('POST', '/api/criteria/check', { direction: 'dispatch', personId: person, unitId: unitB, companyId: c.partial, plannedStart: start, plannedEnd: '2028-03-31' });
    const { request, decision } = res.json();
    expect(request.facts.postHistory).toContainEqual({ unitId: String(unitA), title: '自動車課長', from: '2024-04-01', to: '2024-06-30', licensingCompanyIds: [String(c.partial)] });
    expect(decision.rules.find((r: { ruleId: string }) => r.ruleId === 'licensing_post')).toMatchObject({ outcome: 'fail', earliestPassDate: '2026-07-01' });
  });

  it('hides other organisations’ checks and refuses roles without the permission', async () => {
    const body = { direction: 'dispatch', personId: person, unitId: unitB, companyId: c.plainOne, plannedStart: start, plannedEnd: '2028-03-31' };
    expect((await mofHr.req('POST', '/api/criteria/check', body)).statusCode).toBe(404);
    expect((await companyHr.req('POST', '/api/criteria/check', body)).statusCode).toBe(403);
    expect((await npa.req('POST', '/api/criteria/check', { ...body, companyId: 999_999_999 })).statusCode).toBe(404);
    const bad = await npa.req('POST', '/api/criteria/check', { ...body, plannedStart: '2026-13-01', personId: -1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['plannedStart', 'personId']));
  });
});

describe('GET /api/criteria/screening', () => {
  it('classifies every active company and explains each bar', async () => {
    const res = await metiHr.req('GET', screenUrl('&pageSize=200'));
    expect(res.statusCode).toBe(200);
    const body = res.json() as { counts: { total: number; open: number; barred: number; needsReview: number }; items: Item[]; total: number; unitId: number; plannedEnd: string };
    const active = Number((await t.db.db.select({ n: count() }).from(companies).where(eq(companies.status, 'active')))[0]!.n);
    expect(body.counts.total).toBe(active);
    expect(body.counts.open + body.counts.barred + body.counts.needsReview).toBe(active);
    expect(body.unitId).toBe(unitB); // the post held on the start date
    expect(body.plannedEnd).toBe('2029-03-31');
    const by = new Map(body.items.map((i) => [i.companyId, i]));
    expect(by.get(c.licensed!)).toMatchObject({ status: 'barred', failing: [{ ruleId: 'licensing_post', earliestPassDate: '2027-04-01' }] });
    expect(by.get(c.child!)!.failing.map((f) => f.ruleId)).toEqual(['licensing_post']);
    expect(by.get(c.prosecuted!)).toMatchObject({ status: 'needs_review', failing: [{ ruleId: 'prosecution', earliestPassDate: '2026-10-02' }] });
    expect(by.get(c.agency!)).toMatchObject({ status: 'barred', failing: [{ ruleId: 'entity_type' }] });
    expect(by.get(c.association!)).toMatchObject({ status: 'needs_review', failing: [{ ruleId: 'public_revenue_division' }] });
    expect(by.get(c.plainOne!)).toMatchObject({ status: 'open', failing: [] });
  });

  it('gives a company without facts of its own the verdict of its own gathered document', async () => {
    const repo = createCriteriaRepository(t.db.db);
    const res = (await npa.req('GET', screenUrl('&pageSize=200'))).json() as { items: Item[]; plannedEnd: string };
    for (const id of [c.plainOne!, c.plainTwo!, c.association!, c.agency!, c.licensed!]) {
      const doc = await repo.gather({ direction: 'dispatch', personId: person, unitId: unitB, companyId: id, plannedStart: start, plannedEnd: res.plannedEnd });
      const overall = evaluate(doc!, defaultParameters()).overall;
      const status = res.items.find((i) => i.companyId === id)!.status;
      expect({ id, status }).toEqual({ id, status: { eligible: 'open', ineligible: 'barred', needs_review: 'needs_review' }[overall] });
    }
  });

  it('filters by status, rule and name, pages, and counts what it filters', async () => {
    const barred = (await npa.req('GET', screenUrl('&status=barred&pageSize=200'))).json() as { items: Item[]; total: number; counts: { barred: number } };
    expect(barred.items.every((i) => i.status === 'barred')).toBe(true);
    expect(barred.total).toBe(barred.counts.barred);
    const lic = (await npa.req('GET', screenUrl('&ruleId=licensing_post'))).json() as { items: Item[]; total: number };
    expect(lic.items.map((i) => i.companyId).sort()).toEqual([c.licensed!, c.child!, c.partial!].sort());
    expect(lic.total).toBe(3);
    const named = (await npa.req('GET', screenUrl(`&q=${encodeURIComponent('スクリーニングplainOne')}`))).json() as { items: Item[]; total: number };
    expect(named.items.map((i) => i.companyId)).toEqual([c.plainOne!]);
    const p1 = (await npa.req('GET', screenUrl('&status=open&pageSize=1&page=1'))).json() as { items: Item[] };
    const p2 = (await npa.req('GET', screenUrl('&status=open&pageSize=1&page=2'))).json() as { items: Item[] };
    expect(p1.items[0]!.companyId).toBeLessThan(p2.items[0]!.companyId);
  });

  it('is scoped, validated and audited', async () => {
    expect((await mofHr.req('GET', screenUrl())).statusCode).toBe(404);
    expect((await companyHr.req('GET', screenUrl())).statusCode).toBe(403);
    const bad = await npa.req('GET', `/api/criteria/screening?personId=abc&plannedStart=2026-02-30&status=maybe`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['personId', 'plannedStart', 'status']));
    const before = await t.db.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'criteria.screen'));
    await npa.req('GET', screenUrl());
    const after = await t.db.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'criteria.screen'));
    expect(Number(after[0]!.n)).toBe(Number(before[0]!.n) + 1);
  });
});

describe('GET /api/criteria/screening for a post (hire, no person yet)', () => {
  it('bars the companies the post licenses and their subsidiaries, and leaves the person’s rule for later', async () => {
    const res = await npa.req('GET', `/api/criteria/screening?unitId=${unitA}&plannedStart=${start}&pageSize=200`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { direction: string; personId: number | null; items: Item[]; counts: { total: number } };
    expect(body).toMatchObject({ direction: 'hire', personId: null });
    const by = new Map(body.items.map((i) => [i.companyId, i]));
    expect(by.get(c.licensed!)).toMatchObject({ status: 'barred', failing: [{ ruleId: 'licensing_post', earliestPassDate: null }] });
    expect(by.get(c.child!)!.status).toBe('barred');
    // The jurisdiction over `partial` ended in 2024: the post no longer handles it.
    expect(by.get(c.partial!)!.status).toBe('open');
    expect(by.get(c.plainOne!)!.failing).toEqual([]);
    const doc = await createCriteriaRepository(t.db.db).gatherMany({ personId: null, unitId: unitA, plannedStart: start, plannedEnd: '2029-03-31', companyIds: [c.plainOne!], direction: 'hire' });
    const d = evaluate(doc.get(c.plainOne!)!, defaultParameters());
    expect(d.rules.find((r) => r.ruleId === 'contract_involvement')).toMatchObject({ outcome: 'not_applicable', reasons: [{ code: 'contract_involvement.no_person' }] });
  });

  it('needs an official or a unit', async () => {
    const res = await npa.req('GET', `/api/criteria/screening?plannedStart=${start}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'personId', code: 'criteria.person_or_unit' });
  });
});
