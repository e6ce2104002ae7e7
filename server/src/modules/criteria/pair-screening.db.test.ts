// Pair screening (organisation × company, no person or post) on stored facts, both databases.
// The cases are data (pair-screening.cases.json); each runs with a document per company and
// through the candidate queries, which must agree.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { companySales, companySanctions, licensingJurisdictions, ministryContracts, orgUnits } from '../../db/schema.ts';
import { systemContext } from '../../platform/context.ts';
import { newCorporateNumber, orgId, testApp, type TestApp } from '../../test/app.ts';
import { evaluate } from './engine.ts';
import { defaultParameters } from './parameters.ts';
import { createPairScreeningRepository } from './pair-screening.repository.ts';
import { jurisdictionCautions, screenPairs } from './pair-screening.ts';

type Cases = {
  companies: {
    key: string;
    legalTypeCode: string;
    capitalYen?: number;
    employees?: number;
    sales?: { fiscalYear: number; amountYen: number }[];
    contracts?: { organisation: string; fiscalYear: number; amountYen: number }[];
    sanctions?: { caseRef: string; kind: string; date: string }[];
  }[];
  cases: { id: string; organisation: string; plannedStart: string; plannedEnd: string; direction: 'dispatch' | 'hire'; expect: Record<string, string[] | 'review'> }[];
};
const data = JSON.parse(readFileSync(join(import.meta.dirname, 'pair-screening.cases.json'), 'utf8')) as Cases;

let t: TestApp;
const ids: Record<string, number> = {};
const orgs: Record<string, number> = {};
const actor = { ...systemContext('test'), actor: { accountId: 0, role: 'npa' as const, displayName: 'seed', organisationId: null, companyId: null, personId: null, locale: 'ja' as const } };

beforeAll(async () => {
  t = await testApp();
  const db = t.db.db;
  for (const name of ['経済産業省', '財務省']) orgs[name] = await orgId(t, name);
  for (const c of data.companies) {
    const created = await t.app.services.companies.create(
      { corporateNumber: newCorporateNumber(), name: `組合せ${c.key}株式会社`, legalTypeCode: c.legalTypeCode, capitalYen: c.capitalYen ?? null, employees: c.employees ?? null },
      actor,
    );
    ids[c.key] = created.id;
    for (const s of c.sales ?? []) await db.insert(companySales).values({ companyId: created.id, fiscalYear: s.fiscalYear, amountYen: s.amountYen });
    for (const x of c.contracts ?? []) await db.insert(ministryContracts).values({ organisationId: orgs[x.organisation]!, companyId: created.id, fiscalYear: x.fiscalYear, amountYen: x.amountYen });
    for (const s of c.sanctions ?? []) await db.insert(companySanctions).values({ companyId: created.id, caseRef: s.caseRef, kind: s.kind, occurredOn: s.date });
  }
});
afterAll(async () => t?.close());

const keyOf = (id: number) => Object.entries(ids).find(([, v]) => v === id)![0];

describe('pair screening (pair-screening.cases.json)', () => {
  for (const mode of ['document per company', 'candidate queries'] as const) {
    it.each(data.cases)(`${mode}: $id`, async (c) => {
      const repo = createPairScreeningRepository(t.db.db);
      const params = defaultParameters();
      const [verdicts] = await screenPairs(
        { repo, params, evaluate: (r) => evaluate(r, params), directLimit: mode === 'candidate queries' ? 0 : 2000 },
        [{ organisationId: orgs[c.organisation]!, direction: c.direction, plannedStart: c.plannedStart, plannedEnd: c.plannedEnd, companyIds: Object.values(ids) }],
      );
      const got: Record<string, string[] | 'review'> = {};
      for (const [id, v] of verdicts!) got[keyOf(id)] = v.bars.length ? v.bars.map((b) => b.ruleId) : 'review';
      expect(got).toEqual(c.expect);
      for (const v of verdicts!.values()) {
        expect(v.message.ja).toMatch(/交流基準/);
        expect(v.message.en).toMatch(/Exchange criteria/);
      }
    });
  }

  it('the prosecution bar names the exception the NPA may approve, and the day it ends', async () => {
    const [v] = await t.app.services.criteria.screenPairs([
      { organisationId: orgs['経済産業省']!, direction: 'dispatch', plannedStart: '2027-04-01', plannedEnd: '2028-03-31', companyIds: [ids.prosecuted!] },
    ]);
    const bar = v!.get(ids.prosecuted!)!.bars[0]!;
    expect(bar).toMatchObject({ ruleId: 'prosecution', exceptionAvailable: true, earliestPassDate: '2027-10-02' });
    expect(bar.reason.ja).toContain('人事院');
    expect(bar.reason.en).toContain('NPA');
  });

  it('licensing jurisdiction of a unit is a caution naming the unit, never a bar', async () => {
    const db = t.db.db;
    const unit = (await db.select({ id: orgUnits.id, nameJa: orgUnits.nameJa }).from(orgUnits).where(eq(orgUnits.code, 'meti.mfg.auto')))[0]!;
    await db.insert(licensingJurisdictions).values({ unitId: unit.id, companyId: ids.clean!, startDate: '2020-04-01' });
    const cautions = await jurisdictionCautions({ repo: createPairScreeningRepository(db), params: defaultParameters() }, { organisationIds: [orgs['経済産業省']!], companyIds: null, asOf: '2027-04-01' });
    const c = cautions.get(`${orgs['経済産業省']}:${ids.clean}`)!;
    expect(c.units.map((u) => u.ja)).toEqual([unit.nameJa]);
    expect(c.message.ja).toContain('2年間');
    const [v] = await t.app.services.criteria.screenPairs([
      { organisationId: orgs['経済産業省']!, direction: 'hire', plannedStart: '2027-04-01', plannedEnd: '2028-03-31', companyIds: [ids.clean!] },
    ]);
    expect(v!.has(ids.clean!)).toBe(false);
    const none = await jurisdictionCautions({ repo: createPairScreeningRepository(db), params: defaultParameters() }, { organisationIds: [orgs['財務省']!], companyIds: [ids.clean!], asOf: '2027-04-01' });
    expect(none.size).toBe(0);
  });
});
