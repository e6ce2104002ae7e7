// The criteria gatherer (modules/criteria/criteria.repository.ts): the facts document for a check
// on stored records, the same for many companies at once, and the "open companies" pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import {
  companies,
  companyDivisions,
  companySales,
  companySanctions,
  contractInvolvements,
  divisionRevenue,
  exchangeHistory,
  licensingJurisdictions,
  ministryContracts,
  orgUnits,
  people,
  postAssignments,
} from '../../db/schema.ts';
import { createCompany, orgId, testApp, type TestApp } from '../../test/app.ts';
import { createCriteriaRepository } from '../criteria/criteria.repository.ts';
import { criteriaRequestSchema, type CriteriaRequest } from '../../../../common/src/schemas/criteria.schema.ts';

let t: TestApp;
let meti = 0;
let mof = 0;
const unit = async (code: string) => (await t.db.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code)))[0]!.id;

// The scenario: an official of METI whose posts, contracts and the companies around them are on record.
const s = {} as {
  chem: number; // 化学物質管理課: licenses the group below; the official's current unit
  auto: number; // 自動車課: licensed the parent while the official was there
  acct: number; // 会計課: the official's first post
  holding: number; // 親: parent of `target`
  target: number;
  other: number; // unrelated, with facts of its own
  person: number;
  division: number;
  division2: number;
  home: number; // an employee's home company (hire)
  homeParent: number;
  employee: number;
};

beforeAll(async () => {
  t = await testApp();
  const db = t.db.db;
  meti = await orgId(t, '経済産業省');
  mof = await orgId(t, '財務省');
  s.chem = await unit('meti.mfg.chem');
  s.auto = await unit('meti.mfg.auto');
  s.acct = await unit('meti.sec.acct');
  s.holding = await createCompany(t, '東洋化学ホールディングス株式会社');
  s.target = await createCompany(t, '東洋化学株式会社');
  s.other = await createCompany(t, '無関係株式会社');
  s.home = await createCompany(t, '出向元株式会社');
  s.homeParent = await createCompany(t, '出向元グループ株式会社');
  await db.update(companies).set({ parentId: s.holding, capitalYen: 50_000_000, employees: 120 }).where(eq(companies.id, s.target));
  await db.update(companies).set({ parentId: s.homeParent }).where(eq(companies.id, s.home));

  s.person = (await db.insert(people).values({ kind: 'official', familyName: '中田', givenName: '颯太', organisationId: meti }).returning({ id: people.id }))[0]!.id;
  s.employee = (await db.insert(people).values({ kind: 'employee', familyName: '佐藤', givenName: '一郎', companyId: s.home }).returning({ id: people.id }))[0]!.id;
  await db.insert(postAssignments).values([
    { personId: s.person, unitId: s.acct, postTitleJa: '係員', startDate: '2019-04-01', endDate: '2022-03-31' },
    { personId: s.person, unitId: s.auto, postTitleJa: '係長', startDate: '2022-04-01', endDate: '2024-06-30' },
    { personId: s.person, unitId: s.chem, postTitleJa: '課長補佐', startDate: '2024-07-01', endDate: null, handlesLicensing: false },
  ]);
  await db.insert(licensingJurisdictions).values([
    { unitId: s.auto, companyId: s.holding, startDate: '2020-01-01', endDate: null, basis: '道路運送車両法' },
    { unitId: s.auto, companyId: s.other, startDate: null, endDate: null },
    // Ended before the official arrived: not in that post's list.
    { unitId: s.auto, companyId: s.target, startDate: '2010-01-01', endDate: '2015-12-31' },
    { unitId: s.chem, companyId: s.target, startDate: '2023-04-01', endDate: null, basis: '化審法' },
    { unitId: s.chem, companyId: s.homeParent, startDate: '2020-04-01', endDate: '2030-03-31' },
    { unitId: s.chem, companyId: s.home, startDate: '2020-04-01', endDate: '2025-03-31' }, // over before a 2026 start
  ]);
  await db.insert(companySales).values([
    { companyId: s.target, fiscalYear: 2024, amountYen: 80_000_000 },
    { companyId: s.target, fiscalYear: 2023, amountYen: 75_000_000 },
    { companyId: s.holding, fiscalYear: 2024, amountYen: 900_000_000 },
    { companyId: s.other, fiscalYear: 2024, amountYen: 1 },
  ]);
  await db.insert(ministryContracts).values([
    { organisationId: meti, companyId: s.target, fiscalYear: 2024, amountYen: 25_000_000 },
    { organisationId: meti, companyId: s.target, fiscalYear: 2023, amountYen: 3_000_000 },
    { organisationId: mof, companyId: s.target, fiscalYear: 2024, amountYen: 99_000_000 }, // another ministry
    { organisationId: meti, companyId: s.other, fiscalYear: 2024, amountYen: 50_000_000 },
  ]);
  await db.insert(contractInvolvements).values([
    { personId: s.person, organisationId: meti, companyId: s.target, startDate: '2020-04-01', endDate: '2021-03-31', role: '契約の締結' },
    { personId: s.person, organisationId: meti, companyId: s.other, startDate: '2021-04-01', endDate: null },
  ]);
  await db.insert(companySanctions).values([
    { companyId: s.target, caseRef: 'C-1', kind: 'prosecution', subject: 'officer', occurredOn: '2025-10-01', description: '談合' },
    { companyId: s.target, caseRef: 'C-1', kind: 'business_suspension', occurredOn: '2025-12-01' },
    { companyId: s.other, caseRef: 'X', kind: 'prosecution', occurredOn: '2025-10-01' },
  ]);
  await db.insert(exchangeHistory).values([
    { companyId: s.target, unitId: s.chem, direction: 'dispatch', startDate: '2020-04-01', endDate: '2022-03-31' },
    { companyId: s.target, unitId: s.chem, direction: 'hire', startDate: '2022-04-01', endDate: null, note: '継続中' },
    { companyId: s.target, unitId: s.auto, direction: 'dispatch', startDate: '2018-04-01', endDate: '2020-03-31' }, // another unit
    { companyId: s.other, unitId: s.chem, direction: 'dispatch', startDate: '2018-04-01', endDate: '2020-03-31' },
  ]);
  s.division = (await db.insert(companyDivisions).values({ companyId: s.target, name: '受託研究部' }).returning({ id: companyDivisions.id }))[0]!.id;
  s.division2 = (await db.insert(companyDivisions).values({ companyId: s.target, name: '製品部' }).returning({ id: companyDivisions.id }))[0]!.id;
  await db.insert(divisionRevenue).values([
    { divisionId: s.division, fiscalYear: 2024, publicYen: 60_000_000, totalYen: 70_000_000 },
    { divisionId: s.division, fiscalYear: 2023, publicYen: 50_000_000, totalYen: 65_000_000 },
  ]);
});
afterAll(async () => t?.close());

const str = String;

describe('gather', () => {
  it('builds the whole facts document for a dispatch from stored records', async () => {
    const repo = createCriteriaRepository(t.db.db);
    const doc = await repo.gather({
      direction: 'dispatch',
      personId: s.person,
      unitId: s.chem,
      companyId: s.target,
      divisionId: s.division,
      plannedStart: '2026-04-01',
      plannedEnd: '2028-03-31',
    });
    const expected: CriteriaRequest = {
      exchange: {
        direction: 'dispatch',
        organisationId: str(meti),
        unitId: str(s.chem),
        companyId: str(s.target),
        divisionId: str(s.division),
        personId: str(s.person),
        plannedStart: '2026-04-01',
        plannedEnd: '2028-03-31',
      },
      facts: {
        companies: [
          {
            id: str(s.target),
            name: '東洋化学株式会社',
            legalTypeCode: 'kabushiki_kaisha',
            capitalYen: 50_000_000,
            employees: 120,
            parentId: str(s.holding),
            sales: [
              { fiscalYear: 2023, amountYen: 75_000_000 },
              { fiscalYear: 2024, amountYen: 80_000_000 },
            ],
          },
          {
            id: str(s.holding),
            name: '東洋化学ホールディングス株式会社',
            legalTypeCode: 'kabushiki_kaisha',
            capitalYen: 10_000_000,
            employees: 20,
            parentId: null,
            sales: [{ fiscalYear: 2024, amountYen: 900_000_000 }],
          },
        ],
        postHistory: [
          { unitId: str(s.acct), title: '係員', from: '2019-04-01', to: '2022-03-31', licensingCompanyIds: [] },
          // The holding company (the target's parent); the unrelated company is not in this document.
          { unitId: str(s.auto), title: '係長', from: '2022-04-01', to: '2024-06-30', licensingCompanyIds: [str(s.holding)] },
          // The unit licenses the target, but this post does not handle it.
          { unitId: str(s.chem), title: '課長補佐', from: '2024-07-01', to: null, licensingCompanyIds: [] },
        ],
        contractInvolvements: [
          { organisationId: str(meti), companyId: str(s.target), from: '2020-04-01', to: '2021-03-31', role: '契約の締結' },
          { organisationId: str(meti), companyId: str(s.other), from: '2021-04-01', to: null },
        ],
        contracts: [
          { organisationId: str(meti), companyId: str(s.target), fiscalYear: 2023, amountYen: 3_000_000 },
          { organisationId: str(meti), companyId: str(s.target), fiscalYear: 2024, amountYen: 25_000_000 },
        ],
        sanctions: [
          { companyId: str(s.target), caseId: 'C-1', kind: 'prosecution', subject: 'officer', date: '2025-10-01', description: '談合' },
          { companyId: str(s.target), caseId: 'C-1', kind: 'business_suspension', subject: 'company', date: '2025-12-01' },
        ],
        jurisdictions: [{ unitId: str(s.chem), companyId: str(s.target), from: '2023-04-01', to: null }],
        priorExchanges: [
          { companyId: str(s.target), unitId: str(s.chem), direction: 'dispatch', start: '2020-04-01', end: '2022-03-31' },
          { companyId: str(s.target), unitId: str(s.chem), direction: 'hire', start: '2022-04-01', end: null },
        ],
        divisions: [
          {
            id: str(s.division),
            companyId: str(s.target),
            name: '受託研究部',
            revenue: [
              { fiscalYear: 2023, publicYen: 50_000_000, totalYen: 65_000_000 },
              { fiscalYear: 2024, publicYen: 60_000_000, totalYen: 70_000_000 },
            ],
          },
          { id: str(s.division2), companyId: str(s.target), name: '製品部', revenue: [] },
        ],
      },
    };
    expect(doc).toEqual(expected);
    expect(criteriaRequestSchema.parse(doc)).toEqual(expected);
  });

  it('for a hire: the receiving post licenses what its unit has on the start, with the home company and its parents', async () => {
    const repo = createCriteriaRepository(t.db.db);
    const doc = (await repo.gather({
      direction: 'hire',
      personId: s.employee,
      unitId: s.chem,
      companyId: s.home,
      plannedStart: '2026-04-01',
      plannedEnd: '2028-03-31',
      extensionApprovedByNpa: false,
    }))!;
    expect(doc.exchange).toEqual({
      direction: 'hire',
      organisationId: str(meti),
      unitId: str(s.chem),
      companyId: str(s.home),
      personId: str(s.employee),
      plannedStart: '2026-04-01',
      plannedEnd: '2028-03-31',
      extensionApprovedByNpa: false,
      post: { licensingCompanyIds: [str(s.homeParent)] },
    });
    expect(doc.facts.companies!.map((c) => c.id)).toEqual([str(s.home), str(s.homeParent)]);
    expect(doc.facts.jurisdictions).toEqual([
      { unitId: str(s.chem), companyId: str(s.home), from: '2020-04-01', to: '2025-03-31' },
      { unitId: str(s.chem), companyId: str(s.homeParent), from: '2020-04-01', to: '2030-03-31' },
    ]);
    // Every fact list that comes from a table is there, empty meaning "known: none".
    expect(doc.facts).toMatchObject({ postHistory: [], contractInvolvements: [], contracts: [], sanctions: [], priorExchanges: [], divisions: [] });
    criteriaRequestSchema.parse(doc);
  });

  it('returns null for an unknown person, unit, company or a division of another company', async () => {
    const repo = createCriteriaRepository(t.db.db);
    const check = { direction: 'dispatch' as const, personId: s.person, unitId: s.chem, companyId: s.target, plannedStart: '2026-04-01', plannedEnd: '2027-03-31' };
    expect(await repo.gather(check)).not.toBeNull();
    expect(await repo.gather({ ...check, personId: 99_999_999 })).toBeNull();
    expect(await repo.gather({ ...check, unitId: 99_999_999 })).toBeNull();
    expect(await repo.gather({ ...check, companyId: 99_999_999 })).toBeNull();
    const foreign = (await t.db.db.insert(companyDivisions).values({ companyId: s.other, name: '他社部門' }).returning({ id: companyDivisions.id }))[0]!.id;
    expect(await repo.gather({ ...check, divisionId: foreign })).toBeNull();
  });

  it('gatherMany gives the same document as gather for each company, in a fixed number of queries', async () => {
    const repo = createCriteriaRepository(t.db.db);
    const common = { personId: s.person, unitId: s.chem, plannedStart: '2026-04-01', plannedEnd: '2028-03-31' };
    const many = await repo.gatherMany({ ...common, companyIds: [s.target, s.other, s.holding, 99_999_999] });
    expect([...many.keys()].sort((a, b) => a - b)).toEqual([s.target, s.other, s.holding].sort((a, b) => a - b));
    for (const id of [s.target, s.other, s.holding]) {
      expect(many.get(id)).toEqual(await repo.gather({ ...common, direction: 'dispatch', companyId: id }));
    }
    const other = many.get(s.other)!;
    expect(other.facts.postHistory![1]!.licensingCompanyIds).toEqual([str(s.other)]);
    expect(other.facts.contracts).toEqual([{ organisationId: str(meti), companyId: str(s.other), fiscalYear: 2024, amountYen: 50_000_000 }]);

    let queries = 0;
    const counting = new Proxy(t.db.db, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver) as unknown;
        if (prop === 'execute' && typeof v === 'function') {
          return (...args: unknown[]) => {
            queries++;
            return (v as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return v;
      },
    });
    // Both sets are two levels deep (a company and its parent): one query per level, then eight.
    const few = await createCriteriaRepository(counting).gatherMany({ ...common, companyIds: [s.target] });
    const before = queries;
    const all = await createCriteriaRepository(counting).gatherMany({ ...common, companyIds: [s.target, s.other, s.holding, s.home] });
    expect(few.size).toBe(1);
    expect(all.size).toBe(4);
    expect(queries - before).toBe(before);
    expect(before).toBeLessThanOrEqual(10);
  });
});

describe('companyPage', () => {
  it('pages companies outside or inside an id set, by id, with a name or 法人番号 filter', async () => {
    const repo = createCriteriaRepository(t.db.db);
    const everything = await repo.companyPage({ ids: [], mode: 'exclude', page: 1, pageSize: 200 });
    const ids = everything.items.map((c) => c.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(everything.total).toBe(ids.length);

    const open = await repo.companyPage({ ids: [s.target, s.holding], mode: 'exclude', page: 1, pageSize: 200 });
    expect(open.items.map((c) => c.id)).toEqual(ids.filter((id) => id !== s.target && id !== s.holding));
    expect(open.total).toBe(ids.length - 2);

    const only = await repo.companyPage({ ids: [s.holding, s.target], mode: 'only', page: 1, pageSize: 1 });
    expect(only).toEqual({ items: [expect.objectContaining({ id: Math.min(s.holding, s.target), legalTypeCode: 'kabushiki_kaisha' })], total: 2, totalCapped: false });
    expect(await repo.companyPage({ ids: [], mode: 'exclude', page: 1, pageSize: 1, countCap: 2 })).toMatchObject({ total: 2, totalCapped: true });

    const named = await repo.companyPage({ ids: [s.holding], mode: 'exclude', q: 'ＴＯＹＯ 東洋化学', page: 1, pageSize: 20 });
    expect(named.items).toEqual([]);
    const byName = await repo.companyPage({ ids: [s.holding], mode: 'exclude', q: '東洋化学', page: 1, pageSize: 20 });
    expect(byName.items.map((c) => c.name)).toEqual(['東洋化学株式会社']);
    const number = byName.items[0]!.corporateNumber;
    const byNumber = await repo.companyPage({ ids: [], mode: 'exclude', q: `${number.slice(0, 4)}-${number.slice(4)}`, page: 1, pageSize: 20 });
    expect(byNumber.items.map((c) => c.id)).toEqual([s.target]);
    const secondPage = await repo.companyPage({ ids: [], mode: 'exclude', page: 2, pageSize: 2 });
    expect(secondPage.items.map((c) => c.id)).toEqual(ids.slice(2, 4));
  });
});
