// The demo data gives the criteria engine something to say about every rule: loaded on the demo
// registry, gathered from the database and evaluated, each demo company fails the rule it was made
// for; a second load adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, count, eq } from 'drizzle-orm';
import { auditLog, companies, companySanctions, people } from '../db/schema.ts';
import { testApp, type TestApp } from '../test/app.ts';
import { loadDemo } from './demo.ts';
import { DEMO_CASE_REF, loadDemoCriteria, type DemoCriteriaFacts } from './demo-criteria.ts';
import { createCriteriaRepository } from '../modules/criteria/criteria.repository.ts';
import { evaluate } from '../modules/criteria/engine.ts';
import { defaultParameters } from '../modules/criteria/parameters.ts';
import type { Decision, RuleId, StoredCheck } from '../../../common/src/schemas/criteria.schema.ts';

let t: TestApp;
let facts: DemoCriteriaFacts;
const today = new Date().toISOString().slice(0, 10);
const plannedEnd = `${Number(today.slice(0, 4)) + 2}${today.slice(4, 8)}01`;

beforeAll(async () => {
  t = await testApp();
  const r = await loadDemo(t.db, { scale: 'demo', seed: 42, ifEmpty: true });
  expect(r.counts.demoCriteriaFacts).toBe(1);
  // What the loader added is in its audit entry.
  const row = (await t.db.db.select({ after: auditLog.after }).from(auditLog).where(eq(auditLog.action, 'demo.criteria_facts')))[0];
  facts = row!.after as DemoCriteriaFacts;
}, 120_000);
afterAll(async () => t?.close());

async function decide(companyId: number, extra: Partial<StoredCheck> = {}): Promise<Decision> {
  const check: StoredCheck = {
    direction: 'dispatch',
    personId: facts.personId,
    unitId: facts.currentUnitId,
    companyId,
    plannedStart: today,
    plannedEnd,
    ...extra,
  };
  const doc = await createCriteriaRepository(t.db.db).gather(check);
  expect(doc).not.toBeNull();
  return evaluate(doc!, defaultParameters());
}
const outcome = (d: Decision, rule: RuleId) => d.rules.find((r) => r.ruleId === rule)!.outcome;

describe('demo criteria facts', () => {
  it('bar the participant from the company their recent licensing post covered, and from its subsidiary', async () => {
    expect(outcome(await decide(facts.companies.licensing.id), 'licensing_post')).toBe('fail');
    if (facts.companies.licensing.subsidiaryId) expect(outcome(await decide(facts.companies.licensing.subsidiaryId), 'licensing_post')).toBe('fail');
  });

  it('show a recent prosecution, contract dependence and contract involvement', async () => {
    expect(outcome(await decide(facts.companies.prosecuted.id), 'prosecution')).toBe('fail');
    expect(outcome(await decide(facts.companies.contractDependent.id), 'contract_dependence')).toBe('fail');
    const involved = await decide(facts.companies.involvement.id);
    expect(outcome(involved, 'contract_involvement')).toBe('fail');
    expect(outcome(involved, 'contract_dependence')).toBe('pass');
  });

  it('show a public-revenue division (fail), an ordinary one (pass) and no division named (indeterminate)', async () => {
    const d = facts.companies.publicRevenue;
    expect(outcome(await decide(d.id, { divisionId: d.publicDivisionId }), 'public_revenue_division')).toBe('fail');
    expect(outcome(await decide(d.id, { divisionId: d.otherDivisionId }), 'public_revenue_division')).toBe('pass');
    expect(outcome(await decide(d.id), 'public_revenue_division')).toBe('indeterminate');
  });

  it('show a fourth consecutive exchange with one unit, and a type outside the scheme', async () => {
    expect(outcome(await decide(facts.companies.consecutive.id, { unitId: facts.consecutiveUnitId }), 'consecutive_exchanges')).toBe('fail');
    const ineligible = await decide(facts.companies.ineligible.id);
    expect(outcome(ineligible, 'entity_type')).toBe('fail');
    expect(ineligible.overall).toBe('ineligible');
  });

  it('leave an ordinary company open', async () => {
    const first = (await t.db.db.select({ id: companies.id }).from(companies).where(eq(companies.status, 'active')).orderBy(asc(companies.id)).limit(1))[0]!;
    expect((await decide(first.id)).overall).toBe('eligible');
  });

  it('are loaded once', async () => {
    const people0 = Number((await t.db.db.select({ n: count() }).from(people))[0]!.n);
    expect(await loadDemoCriteria(t.db)).toBeNull();
    const again = await loadDemo(t.db, { scale: 'demo', seed: 42, ifEmpty: true });
    expect(again.counts.demoCriteriaFacts).toBe(0);
    expect((await t.db.db.select().from(companySanctions).where(eq(companySanctions.caseRef, DEMO_CASE_REF))).length).toBe(1);
    expect(Number((await t.db.db.select({ n: count() }).from(people))[0]!.n)).toBe(people0);
  });
});
