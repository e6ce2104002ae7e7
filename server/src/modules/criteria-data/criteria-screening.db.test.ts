// screeningCandidates: exactly the companies a stored fact could bar (or leave undecided) for one
// official, and none of the others. Its own file: the type and sanction branches look at every
// company in the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  companies,
  companyDivisions,
  companySanctions,
  divisionRevenue,
  contractInvolvements,
  exchangeHistory,
  licensingJurisdictions,
  ministryContracts,
  orgUnits,
  people,
  postAssignments,
} from '../../db/schema.ts';
import { createCompany, orgId, testApp, type TestApp } from '../../test/app.ts';
import { createCriteriaRepository, screeningWindows } from '../criteria/criteria.repository.ts';

let t: TestApp;
const c: Record<string, number> = {};
let person = 0;
let meti = 0;
let unitX = 0;

beforeAll(async () => {
  t = await testApp();
  const db = t.db.db;
  const unit = async (code: string) => (await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code)))[0]!.id;
  meti = await orgId(t, '経済産業省');
  const mof = await orgId(t, '財務省');
  const [ua, ub, uc] = [await unit('meti.mfg.auto'), await unit('meti.mfg.chem'), await unit('meti.sec.acct')];
  unitX = await unit('meti.trade.policy');
  for (const k of ['J1', 'J1c', 'J1cc', 'M', 'K', 'L', 'G', 'G2', 'N', 'O', 'Q', 'Q2', 'Q3', 'Q4', 'R', 'V', 'W', 'X', 'X2', 'Y', 'Y2', 'Z', 'E', 'E2', 'U']) {
    c[k] = await createCompany(t, `${k}株式会社`);
  }
  const setCompany = (id: number, v: Partial<typeof companies.$inferInsert>) => db.update(companies).set(v).where(eq(companies.id, id));
  await setCompany(c.J1c!, { parentId: c.J1! });
  await setCompany(c.J1cc!, { parentId: c.J1c! });
  await setCompany(c.Y!, { legalTypeCode: 'general_incorporated_association' });
  await setCompany(c.Y2!, { legalTypeCode: 'general_incorporated_foundation' });
  await setCompany(c.Z!, { legalTypeCode: 'incorporated_administrative_agency' });
  const division = (await db.insert(companyDivisions).values({ companyId: c.Y2!, name: '受託事業部' }).returning({ id: companyDivisions.id }))[0]!.id;
  await db.insert(divisionRevenue).values({ divisionId: division, fiscalYear: 2024, publicYen: 1, totalYen: 10 });
  // Division revenue of a company that is not `*`: never a reason to evaluate it.
  const plain = (await db.insert(companyDivisions).values({ companyId: c.U!, name: '営業部' }).returning({ id: companyDivisions.id }))[0]!.id;
  await db.insert(divisionRevenue).values({ divisionId: plain, fiscalYear: 2024, publicYen: 9, totalYen: 10 });

  person = (await db.insert(people).values({ kind: 'official', familyName: '審査', givenName: '太郎', organisationId: meti }).returning({ id: people.id }))[0]!.id;
  await db.insert(postAssignments).values([
    { personId: person, unitId: uc, postTitleJa: '係員', startDate: '2018-04-01', endDate: '2022-03-31' },
    { personId: person, unitId: ua, postTitleJa: '係長', startDate: '2022-04-01', endDate: '2025-03-31' },
    { personId: person, unitId: ub, postTitleJa: '課長補佐', startDate: '2025-04-01', endDate: null, handlesLicensing: false },
  ]);
  await db.insert(licensingJurisdictions).values([
    { unitId: ua, companyId: c.J1! },
    { unitId: ua, companyId: c.M!, startDate: '2015-04-01', endDate: '2021-12-31' },
    { unitId: ub, companyId: c.K! },
    { unitId: uc, companyId: c.L! },
    { unitId: unitX, companyId: c.G!, startDate: '2026-04-01' },
    { unitId: unitX, companyId: c.G2!, endDate: '2025-12-31' },
  ]);
  await db.insert(contractInvolvements).values([
    { personId: person, organisationId: meti, companyId: c.N!, startDate: '2022-01-01', endDate: '2022-12-31' },
    { personId: person, organisationId: meti, companyId: c.O!, startDate: '2015-01-01', endDate: '2021-03-31' },
  ]);
  await db.insert(ministryContracts).values([
    { organisationId: meti, companyId: c.Q!, fiscalYear: 2025, amountYen: 25_000_000 },
    { organisationId: meti, companyId: c.R!, fiscalYear: 2025, amountYen: 5_000_000 },
    { organisationId: mof, companyId: c.Q2!, fiscalYear: 2025, amountYen: 30_000_000 },
    { organisationId: meti, companyId: c.Q3!, fiscalYear: 2020, amountYen: 30_000_000 },
    { organisationId: meti, companyId: c.Q4!, fiscalYear: 2021, amountYen: 20_000_000 },
  ]);
  await db.insert(companySanctions).values([
    { companyId: c.V!, caseRef: 'V-1', kind: 'prosecution', occurredOn: '2025-10-01' },
    { companyId: c.W!, caseRef: 'W-1', kind: 'other_disposition', occurredOn: '2026-01-01' },
    { companyId: c.X!, caseRef: 'X-1', kind: 'prosecution', occurredOn: '2024-01-01' },
    { companyId: c.X2!, caseRef: 'X2-1', kind: 'surcharge_order', occurredOn: '2026-05-01' },
  ]);
  await db.insert(exchangeHistory).values([
    { companyId: c.E!, unitId: unitX, direction: 'dispatch', startDate: '2019-04-01', endDate: '2021-03-31' },
    { companyId: c.E2!, unitId: ua, direction: 'dispatch', startDate: '2019-04-01', endDate: '2021-03-31' },
  ]);
});
afterAll(async () => t?.close());

const names = (list: number[]) => list.map((id) => Object.keys(c).find((k) => c[k] === id) ?? id);

describe('screeningCandidates', () => {
  it('finds exactly the companies with a restricting fact, including every subsidiary of a licensed company', async () => {
    const repo = createCriteriaRepository(t.db.db);
    const ids = await repo.screeningCandidates({ personId: person, unitId: unitX, organisationId: meti, plannedStart: '2026-04-01' });
    const expected = ['J1', 'J1c', 'J1cc', 'G', 'N', 'Q', 'Q4', 'V', 'Y', 'Y2', 'Z', 'E'].map((k) => c[k]!).sort((a, b) => a - b);
    expect(names(ids)).toEqual(names(expected));
  });

  it('with typeClasses: false leaves out companies restricted by their type alone, but not `*` ones with division revenue', async () => {
    const repo = createCriteriaRepository(t.db.db);
    const ids = await repo.screeningCandidates({ personId: person, unitId: unitX, organisationId: meti, plannedStart: '2026-04-01', typeClasses: false });
    const expected = ['J1', 'J1c', 'J1cc', 'G', 'N', 'Q', 'Q4', 'V', 'Y2', 'E'].map((k) => c[k]!).sort((a, b) => a - b);
    expect(names(ids)).toEqual(names(expected));
  });

  it('moves its windows with the planned start (as the engine’s dated parameters say)', async () => {
    const repo = createCriteriaRepository(t.db.db);
    // Two years later: the licensing post (ended 2025-03-31), the 2022 involvement, the FY2021
    // contract and the 2025 prosecution have aged out; the FY2025 contract has not.
    const later = await repo.screeningCandidates({ personId: person, unitId: unitX, organisationId: meti, plannedStart: '2028-04-01' });
    const expected = ['G', 'Q', 'Y', 'Y2', 'Z', 'E'].map((k) => c[k]!).sort((a, b) => a - b);
    expect(later).toEqual(expected);
    expect(screeningWindows('2026-04-01')).toMatchObject({
      licensingFrom: '2024-04-01',
      involvementFrom: '2021-04-01',
      contractFiscalYears: [2021, 2025],
      contractMinTotalYen: 20_000_000,
    });
  });
});
