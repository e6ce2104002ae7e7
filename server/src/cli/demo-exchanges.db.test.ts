// The demo exchange cases: loaded after the demo registry and criteria facts, they fill METI's
// pipeline (the counts table agrees with the cases), give the company HR login a case, name the
// people the browser test walks, and include a hire the 交流基準 bar; a second load adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { exchangeCases, people } from '../db/schema.ts';
import { loginAs, orgId, testApp, type TestApp } from '../test/app.ts';
import { loadDemo } from './demo.ts';
import { DEMO_BARRED_POST, demoExchangePeople, loadDemoExchanges } from './demo-exchanges.ts';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
  const r = await loadDemo(t.db, { scale: 'demo', seed: 42, ifEmpty: true });
  expect(r.counts.demoExchangeCases).toBe(5);
}, 120_000);
afterAll(async () => t?.close());

describe('demo exchange cases', () => {
  it('fill METI’s pipeline, with the counts table in step with the cases', async () => {
    const ministry = await loginAs(t, 'ministry_hr', { organisationId: await orgId(t, '経済産業省') });
    const p = (await ministry.req('GET', '/api/exchanges/pipeline')).json();
    const byState = Object.fromEntries(p.byState.map((s: { state: string; count: number }) => [s.state, s.count]));
    expect(byState).toEqual({ active: 1, under_review: 1, returned: 1, consultation: 2 });
    expect(p.onExchange).toBe(1);
    expect(p.overdue).toBe(1);
    const list = (await ministry.req('GET', '/api/exchanges/cases')).json();
    expect(list.total).toBe(5);
  });

  it('name the people of the browser test and give the company HR login a case', async () => {
    for (const p of Object.values(demoExchangePeople)) {
      const rows = await t.db.db.select({ id: people.id }).from(people).where(and(eq(people.familyName, p.familyName), eq(people.givenName, p.givenName)));
      expect(rows).toHaveLength(1);
    }
    const [employee] = await t.db.db.select({ companyId: people.companyId }).from(people).where(eq(people.familyName, demoExchangePeople.employee.familyName));
    const company = await loginAs(t, 'company_hr', { companyId: employee!.companyId! });
    expect((await company.req('GET', '/api/exchanges/cases')).json().total).toBe(1);
  });

  it('include a hire into a unit that licenses the employee’s company, which the criteria bar', async () => {
    const [c] = await t.db.db.select({ id: exchangeCases.id, organisationId: exchangeCases.organisationId }).from(exchangeCases).where(eq(exchangeCases.postTitle, DEMO_BARRED_POST));
    const ministry = await loginAs(t, 'ministry_hr', { organisationId: c!.organisationId });
    const res = await ministry.req('POST', `/api/exchanges/cases/${c!.id}/criteria-check`);
    expect(res.statusCode).toBe(200);
    expect(res.json().verdict).toBe('ineligible');
    expect(res.json().decision.rules.find((r: { ruleId: string }) => r.ruleId === 'licensing_post').outcome).toBe('fail');
  });

  it('are loaded once', async () => {
    expect(await loadDemoExchanges(t.db)).toBe(0);
  });
});
