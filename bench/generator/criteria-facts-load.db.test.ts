import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDb } from '../../server/src/test/db.ts';
import { FactsPresentError, loadCriteriaFacts } from './criteria-facts-load.ts';
import { loadScale } from './load.ts';

let d: TestDb;
beforeAll(async () => {
  d = await freshDatabase();
  await loadScale(d, { scale: { companies: 400, officials: 200, employees: 0 }, seed: 5 });
});
afterAll(async () => {
  await d?.drop();
});

const n = async (text: string): Promise<number> => Number(((await d.db.execute(sql.raw(text))) as unknown as { rows: { n: unknown }[] }).rows[0]!.n);
const counts = { jurisdictions: 120, contracts: 300, sanctionCases: 10, involvements: 80, exchanges: 40, divisionRevenue: 21 };

describe('loadCriteriaFacts', () => {
  it('adds the seven fact tables on top of companies and officials', async () => {
    const r = await loadCriteriaFacts(d, { scale: counts, seed: 1, statementRows: 50 });
    expect(r.ministry_contracts).toBe(300);
    expect(await n('select count(*) as n from ministry_contracts')).toBe(300);
    expect(await n('select count(*) as n from contract_involvements')).toBe(80);
    expect(await n('select count(*) as n from exchange_history')).toBe(40);
    expect(await n('select count(distinct case_ref) as n from company_sanctions')).toBe(10);
    expect(await n('select count(*) as n from licensing_jurisdictions')).toBe(r.licensing_jurisdictions);
    expect(await n('select count(*) as n from company_sales')).toBe(r.company_sales);
    expect(await n('select count(*) as n from division_revenue')).toBe(r.division_revenue);
    // Involved officials belong to the contracting ministry.
    expect(await n('select count(*) as n from contract_involvements i join people p on p.id = i.person_id where p.organisation_id <> i.organisation_id')).toBe(0);
  });

  it('refuses to load twice unless replacing, and replacing gives the same rows', async () => {
    const before = await n("select sum(amount_yen)::bigint as n from ministry_contracts");
    await expect(loadCriteriaFacts(d, { scale: counts, seed: 1 })).rejects.toBeInstanceOf(FactsPresentError);
    await loadCriteriaFacts(d, { scale: counts, seed: 1, replace: true });
    expect(await n('select count(*) as n from ministry_contracts')).toBe(300);
    expect(await n("select sum(amount_yen)::bigint as n from ministry_contracts")).toBe(before);
    expect(await n('select count(*) as n from companies')).toBe(400);
  });
});
