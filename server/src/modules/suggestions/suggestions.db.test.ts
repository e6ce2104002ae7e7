// GET /api/wishes/:id/suggestions on both databases: ranking order and scores, the term-by-term
// explanation, barred pairs last with the rule's reason, cautions, scoping, and the sheet index
// following changes. The sheets and expected rankings are data (suggestions.cases.json).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { companySales, companySanctions, licensingJurisdictions, ministryContracts, orgUnits } from '../../db/schema.ts';
import { systemContext } from '../../platform/context.ts';
import { loginAs, newCorporateNumber, orgId, testApp, type Session, type TestApp } from '../../test/app.ts';
import type { SuggestionItem, SuggestionList } from '../../../../common/src/schemas/suggestions.schema.ts';
import { setSheetStatus, storeSheet } from './sheets.fixture.ts';

type Company = {
  name: string;
  capitalYen?: number;
  employees?: number;
  jurisdiction?: string;
  sales?: { fiscalYear: number; amountYen: number }[];
  contracts?: { organisation: string; fiscalYear: number; amountYen: number }[];
  sanctions?: { caseRef: string; kind: string; date: string }[];
};
type Expected = { sheet: string; score: number; rules?: string[]; cautions?: string[] };
type Cases = {
  today: string;
  companies: Record<string, Company>;
  sheets: { key: string; owner: string; status: 'draft' | 'published' | 'closed'; expiresOn?: string; body: Record<string, unknown> }[];
  rankings: { id: string; sheet: string; candidates: number; items: Expected[]; barred: Expected[] }[];
};
const data = JSON.parse(readFileSync(join(import.meta.dirname, 'suggestions.cases.json'), 'utf8')) as Cases;

let t: TestApp;
const orgs: Record<string, number> = {};
const companyIds: Record<string, number> = {};
const sheets: Record<string, { id: number; reference: string }> = {};
const as: Record<string, Session> = {};
const seedActor = { ...systemContext('test'), actor: { accountId: 0, role: 'npa' as const, displayName: 'seed', organisationId: null, companyId: null, personId: null, locale: 'ja' as const } };

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'koryu-suggest-'));
  writeFileSync(join(dir, 'today'), data.today);
  t = await testApp({ KORYU_CLOCK_FILE: join(dir, 'today') });
  const db = t.db.db;
  for (const name of ['経済産業省', '財務省']) orgs[name] = await orgId(t, name);
  for (const [key, c] of Object.entries(data.companies)) {
    const created = await t.app.services.companies.create(
      { corporateNumber: newCorporateNumber(), name: c.name, legalTypeCode: 'kabushiki_kaisha', capitalYen: c.capitalYen ?? null, employees: c.employees ?? null },
      seedActor,
    );
    companyIds[key] = created.id;
    for (const s of c.sales ?? []) await db.insert(companySales).values({ companyId: created.id, fiscalYear: s.fiscalYear, amountYen: s.amountYen });
    for (const x of c.contracts ?? []) await db.insert(ministryContracts).values({ organisationId: orgs[x.organisation]!, companyId: created.id, fiscalYear: x.fiscalYear, amountYen: x.amountYen });
    for (const s of c.sanctions ?? []) await db.insert(companySanctions).values({ companyId: created.id, caseRef: s.caseRef, kind: s.kind, occurredOn: s.date });
    if (c.jurisdiction) {
      const unit = (await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, c.jurisdiction)))[0]!;
      await db.insert(licensingJurisdictions).values({ unitId: unit.id, companyId: created.id, startDate: '2020-04-01' });
    }
  }
  for (const s of data.sheets) {
    const owner = orgs[s.owner] ? { organisationId: orgs[s.owner]! } : { companyId: companyIds[s.owner]! };
    sheets[s.key] = await storeSheet(db, { owner, status: s.status, expiresOn: s.expiresOn ?? null, body: s.body });
  }
  as.metiHr = await loginAs(t, 'ministry_hr', { organisationId: orgs['経済産業省']! });
  as.mofHr = await loginAs(t, 'ministry_hr', { organisationId: orgs['財務省']! });
  as.fullHr = await loginAs(t, 'company_hr', { companyId: companyIds.full! });
  as.center = await loginAs(t, 'center');
  as.npa = await loginAs(t, 'npa');
  as.participant = await loginAs(t, 'participant');
});
afterAll(async () => t?.close());

const keyOf = (id: number) => Object.entries(sheets).find(([, v]) => v.id === id)?.[0];
const get = (s: Session, sheet: string, query = '') => s.req('GET', `/api/wishes/${sheets[sheet]!.id}/suggestions${query}`);
const brief = (i: SuggestionItem) => ({
  sheet: keyOf(i.sheet.id),
  score: i.score,
  ...(i.barred ? { rules: i.barred.rules.map((r) => r.ruleId) } : {}),
  ...(i.cautions.length ? { cautions: i.cautions.map((c) => c.code) } : {}),
});

describe('suggestions: ranking (suggestions.cases.json)', () => {
  it.each(data.rankings)('$id', async (c) => {
    const res = await get(as.npa!, c.sheet);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as SuggestionList;
    expect(body.candidates).toBe(c.candidates);
    expect(body.items.map(brief)).toEqual(c.items);
    expect(body.barred.map(brief)).toEqual(c.barred);
    expect(body.sheet.reference).toBe(sheets[c.sheet]!.reference);
  });

  it('explains every term with its weight and a ja/en sentence, and names the other sheet and its owner', async () => {
    const body = (await get(as.metiHr!, 'meti_dispatch')).json() as SuggestionList;
    const first = body.items[0]!;
    expect(first.sheet).toMatchObject({ reference: sheets.full!.reference, title: 'DX・データ部門で受入れ', ownerNameJa: 'ＡＢＣデジタル株式会社' });
    expect(first.terms.map((x) => x.term)).toEqual(['field', 'skills', 'ageBand', 'period', 'timing']);
    expect(first.terms.map((x) => x.weight)).toEqual([0.35, 0.25, 0.1, 0.1, 0.2]);
    expect(first.terms[0]!.message.ja).toContain('希望分野2件のうち2件が一致');
    expect(first.terms[1]!.message.en).toContain('2 of 2 wished skills');
    const review = body.items.find((i) => keyOf(i.sheet.id) === 'review')!;
    expect(review.terms.find((x) => x.term === 'ageBand')).toMatchObject({ value: null });
    expect(review.cautions[0]!.message.ja).toContain('確認が必要');
    const licensed = body.items.find((i) => keyOf(i.sheet.id) === 'licensed')!;
    expect(licensed.cautions[0]!.message.ja).toContain('許認可等を所掌');
    expect(body.plannedStart).toBe('2027-04-01');
    expect(body.weights).toEqual({ field: 0.35, skills: 0.25, ageBand: 0.1, period: 0.1, timing: 0.2 });
  });

  it('a barred pair carries the rule, its reason in both languages, and when it would pass', async () => {
    const body = (await get(as.metiHr!, 'meti_dispatch')).json() as SuggestionList;
    const [dependent, prosecuted] = body.barred;
    expect(dependent!.barred!.message.ja).toContain('契約関係にある国の機関');
    expect(dependent!.barred!.rules[0]!.reason.en).toContain('30,000,000 yen');
    expect(prosecuted!.barred!.rules[0]).toMatchObject({ ruleId: 'prosecution', exceptionAvailable: true, earliestPassDate: '2027-10-02' });
    expect(prosecuted!.barred!.message.en).toContain('Exchange criteria');
    expect(prosecuted!.terms).toHaveLength(5);
  });

  it('limit cuts the ranked list, never the barred pairs', async () => {
    const body = (await get(as.npa!, 'meti_dispatch', '?limit=2')).json() as SuggestionList;
    expect(body.items.map((i) => keyOf(i.sheet.id))).toEqual(['full', 'licensed']);
    expect(body.barred).toHaveLength(2);
    const bad = await get(as.npa!, 'meti_dispatch', '?limit=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message.ja).toBeTruthy();
  });
});

describe('suggestions: scope', () => {
  const table: [string, string, number][] = [
    ['metiHr', 'meti_dispatch', 200], // own organisation's wish
    ['metiHr', 'meti_draft', 200], // own draft: suggestions before publishing
    ['mofHr', 'meti_dispatch', 403], // another ministry's published wish: public, not theirs
    ['mofHr', 'meti_draft', 404], // another ministry's draft: as if missing
    ['fullHr', 'full', 200], // own company's sheet
    ['fullHr', 'partial', 403], // another company's published sheet
    ['fullHr', 'draft', 404], // another company's draft
    ['fullHr', 'expired', 404], // another company's expired sheet is no longer public
    ['center', 'partial', 200],
    ['npa', 'meti_draft', 200],
    ['participant', 'meti_dispatch', 403], // no wishes:suggest
  ];
  it.each(table)('%s → %s: %i', async (who, sheet, status) => {
    const res = await get(as[who]!, sheet);
    expect(res.statusCode).toBe(status);
    if (status !== 200) expect(res.json().error.message.en).toBeTruthy();
  });

  it('an unknown sheet is 404, and no login is 401', async () => {
    expect((await as.npa!.req('GET', '/api/wishes/999999/suggestions')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/wishes/${sheets.full!.id}/suggestions` })).statusCode).toBe(401);
  });
});

describe('suggestions: the sheet index follows saves', () => {
  it('a newly published sheet is suggested at once; a closed one disappears', async () => {
    const before = (await get(as.metiHr!, 'meti_dispatch')).json() as SuggestionList;
    expect(before.items.map((i) => keyOf(i.sheet.id))).not.toContain('late');
    sheets.late = await storeSheet(t.db.db, {
      owner: { companyId: companyIds.partial! },
      status: 'published',
      body: { title: '追加の受入れ', hosts: [{ place: '新部署', fields: ['digital', 'data'], skills: ['Python'], ageBands: ['30s'] }], periodMonths: { min: 12, max: 24 }, start: { from: '2027-04', to: '2027-06' } },
    });
    const after = (await get(as.metiHr!, 'meti_dispatch')).json() as SuggestionList;
    expect(after.candidates).toBe(before.candidates + 1);
    expect(after.items.map((i) => keyOf(i.sheet.id))[1]).toBe('late');
    await setSheetStatus(t.db.db, sheets.full!.id, 'closed');
    const closed = (await get(as.metiHr!, 'meti_dispatch')).json() as SuggestionList;
    expect(closed.items.map((i) => keyOf(i.sheet.id))).not.toContain('full');
    expect(closed.candidates).toBe(before.candidates);
    await setSheetStatus(t.db.db, sheets.full!.id, 'published');
    const back = (await get(as.metiHr!, 'meti_dispatch')).json() as SuggestionList;
    expect(back.items.map((i) => keyOf(i.sheet.id))[0]).toBe('full');
  });
});
