// The only SQL for the stored criteria facts: sales, contract totals, contract involvement,
// sanctions, licensing jurisdiction, posts and their licensing duties, past exchanges and division revenue.
// It also reads the few columns of companies, people, units and divisions that scope them.
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
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
  organisations,
  orgUnits,
  people,
  postAssignments,
} from '../../db/schema.ts';

export type ContractRow = typeof ministryContracts.$inferSelect;
export type NewContract = typeof ministryContracts.$inferInsert;

export type ContractScope = { organisationId?: number | undefined; companyId?: number | undefined };
export type ContractFilter = ContractScope & { fiscalYear?: number | undefined };
export type HistoryFilter = { companyId?: number | undefined; unitId?: number | undefined; organisationId?: number | undefined };

const salesColumns = {
  id: companySales.id,
  companyId: companySales.companyId,
  fiscalYear: companySales.fiscalYear,
  amountYen: companySales.amountYen,
  source: companySales.source,
  updatedAt: companySales.updatedAt,
};
const sanctionColumns = {
  id: companySanctions.id,
  companyId: companySanctions.companyId,
  caseRef: companySanctions.caseRef,
  kind: companySanctions.kind,
  subject: companySanctions.subject,
  occurredOn: companySanctions.occurredOn,
  description: companySanctions.description,
};
const revenueColumns = {
  id: divisionRevenue.id,
  divisionId: divisionRevenue.divisionId,
  fiscalYear: divisionRevenue.fiscalYear,
  publicYen: divisionRevenue.publicYen,
  totalYen: divisionRevenue.totalYen,
  updatedAt: divisionRevenue.updatedAt,
};
const contractColumns = {
  id: ministryContracts.id,
  organisationId: ministryContracts.organisationId,
  organisationCode: organisations.code,
  organisationNameJa: organisations.nameJa,
  companyId: ministryContracts.companyId,
  corporateNumber: companies.corporateNumber,
  companyName: companies.name,
  fiscalYear: ministryContracts.fiscalYear,
  amountYen: ministryContracts.amountYen,
  source: ministryContracts.source,
};
const jurisdictionColumns = {
  id: licensingJurisdictions.id,
  unitId: licensingJurisdictions.unitId,
  companyId: licensingJurisdictions.companyId,
  corporateNumber: companies.corporateNumber,
  companyName: companies.name,
  startDate: licensingJurisdictions.startDate,
  endDate: licensingJurisdictions.endDate,
  basis: licensingJurisdictions.basis,
};
const involvementColumns = {
  id: contractInvolvements.id,
  personId: contractInvolvements.personId,
  organisationId: contractInvolvements.organisationId,
  companyId: contractInvolvements.companyId,
  companyName: companies.name,
  startDate: contractInvolvements.startDate,
  endDate: contractInvolvements.endDate,
  role: contractInvolvements.role,
};
const postColumns = {
  id: postAssignments.id,
  personId: postAssignments.personId,
  unitId: postAssignments.unitId,
  postTitleJa: postAssignments.postTitleJa,
  startDate: postAssignments.startDate,
  endDate: postAssignments.endDate,
  handlesLicensing: postAssignments.handlesLicensing,
};
const postItemColumns = {
  ...postColumns,
  unitNameJa: orgUnits.nameJa,
  unitNameEn: orgUnits.nameEn,
  postTitleEn: postAssignments.postTitleEn,
};
const historyColumns = {
  id: exchangeHistory.id,
  companyId: exchangeHistory.companyId,
  companyName: companies.name,
  unitId: exchangeHistory.unitId,
  unitNameJa: orgUnits.nameJa,
  organisationId: orgUnits.organisationId,
  direction: exchangeHistory.direction,
  startDate: exchangeHistory.startDate,
  endDate: exchangeHistory.endDate,
  personId: exchangeHistory.personId,
  note: exchangeHistory.note,
};

const first = <T>(r: T[]): T | undefined => r[0];

function contractWhere(f: ContractFilter): SQL | undefined {
  return and(
    f.organisationId !== undefined ? eq(ministryContracts.organisationId, f.organisationId) : undefined,
    f.companyId !== undefined ? eq(ministryContracts.companyId, f.companyId) : undefined,
    f.fiscalYear !== undefined ? eq(ministryContracts.fiscalYear, f.fiscalYear) : undefined,
  );
}

function historyWhere(f: HistoryFilter): SQL | undefined {
  return and(
    f.companyId !== undefined ? eq(exchangeHistory.companyId, f.companyId) : undefined,
    f.unitId !== undefined ? eq(exchangeHistory.unitId, f.unitId) : undefined,
    f.organisationId !== undefined ? eq(orgUnits.organisationId, f.organisationId) : undefined,
  );
}

export const criteriaDataRepository = {
  // ---------------------------------------------------------------- scoping lookups

  company: (db: Executor, id: number) =>
    db.select({ id: companies.id, status: companies.status, name: companies.name }).from(companies).where(eq(companies.id, id)).limit(1).then(first),

  division: (db: Executor, id: number) =>
    db
      .select({ id: companyDivisions.id, companyId: companyDivisions.companyId, name: companyDivisions.name })
      .from(companyDivisions)
      .where(eq(companyDivisions.id, id))
      .limit(1)
      .then(first),

  person: (db: Executor, id: number) =>
    db
      .select({ id: people.id, organisationId: people.organisationId, companyId: people.companyId })
      .from(people)
      .where(eq(people.id, id))
      .limit(1)
      .then(first),

  unit: (db: Executor, id: number) =>
    db.select({ id: orgUnits.id, organisationId: orgUnits.organisationId }).from(orgUnits).where(eq(orgUnits.id, id)).limit(1).then(first),

  organisation: (db: Executor, id: number) =>
    db.select({ id: organisations.id, code: organisations.code }).from(organisations).where(eq(organisations.id, id)).limit(1).then(first),

  organisations: (db: Executor) =>
    db.select({ id: organisations.id, code: organisations.code, nameJa: organisations.nameJa }).from(organisations).orderBy(asc(organisations.id)),

  companiesByCorporateNumbers: async (db: Executor, numbers: string[]) =>
    numbers.length === 0
      ? []
      : db
          .select({ id: companies.id, corporateNumber: companies.corporateNumber, status: companies.status })
          .from(companies)
          .where(inArray(companies.corporateNumber, numbers)),

  // ---------------------------------------------------------------- 売上額等

  sales: (db: Executor, companyId: number) =>
    db.select(salesColumns).from(companySales).where(eq(companySales.companyId, companyId)).orderBy(desc(companySales.fiscalYear)),

  salesOf: (db: Executor, companyId: number, fiscalYear: number) =>
    db
      .select(salesColumns)
      .from(companySales)
      .where(and(eq(companySales.companyId, companyId), eq(companySales.fiscalYear, fiscalYear)))
      .then(first),

  upsertSales: (db: Executor, v: { companyId: number; fiscalYear: number; amountYen: number; source: string | null }) =>
    db
      .insert(companySales)
      .values(v)
      .onConflictDoUpdate({
        target: [companySales.companyId, companySales.fiscalYear],
        set: { amountYen: v.amountYen, source: v.source, updatedAt: sql`now()` },
      })
      .returning(salesColumns)
      .then((r) => r[0]!),

  deleteSales: (db: Executor, companyId: number, fiscalYear: number) =>
    db
      .delete(companySales)
      .where(and(eq(companySales.companyId, companyId), eq(companySales.fiscalYear, fiscalYear)))
      .returning(salesColumns)
      .then(first),

  // ---------------------------------------------------------------- 起訴・不利益処分

  sanctions: (db: Executor, companyId: number) =>
    db
      .select(sanctionColumns)
      .from(companySanctions)
      .where(eq(companySanctions.companyId, companyId))
      .orderBy(desc(companySanctions.occurredOn), desc(companySanctions.id)),

  insertSanction: (db: Executor, v: typeof companySanctions.$inferInsert) =>
    db.insert(companySanctions).values(v).returning(sanctionColumns).then((r) => r[0]!),

  deleteSanction: (db: Executor, companyId: number, id: number) =>
    db
      .delete(companySanctions)
      .where(and(eq(companySanctions.id, id), eq(companySanctions.companyId, companyId)))
      .returning(sanctionColumns)
      .then(first),

  // ---------------------------------------------------------------- 部門別の収益

  revenue: (db: Executor, divisionId: number) =>
    db.select(revenueColumns).from(divisionRevenue).where(eq(divisionRevenue.divisionId, divisionId)).orderBy(desc(divisionRevenue.fiscalYear)),

  revenueOf: (db: Executor, divisionId: number, fiscalYear: number) =>
    db
      .select(revenueColumns)
      .from(divisionRevenue)
      .where(and(eq(divisionRevenue.divisionId, divisionId), eq(divisionRevenue.fiscalYear, fiscalYear)))
      .then(first),

  upsertRevenue: (db: Executor, v: { divisionId: number; fiscalYear: number; publicYen: number; totalYen: number }) =>
    db
      .insert(divisionRevenue)
      .values(v)
      .onConflictDoUpdate({
        target: [divisionRevenue.divisionId, divisionRevenue.fiscalYear],
        set: { publicYen: v.publicYen, totalYen: v.totalYen, updatedAt: sql`now()` },
      })
      .returning(revenueColumns)
      .then((r) => r[0]!),

  deleteRevenue: (db: Executor, divisionId: number, fiscalYear: number) =>
    db
      .delete(divisionRevenue)
      .where(and(eq(divisionRevenue.divisionId, divisionId), eq(divisionRevenue.fiscalYear, fiscalYear)))
      .returning(revenueColumns)
      .then(first),

  // ---------------------------------------------------------------- 府省等との契約

  async contracts(db: Executor, f: ContractFilter, page: number, pageSize: number) {
    const where = contractWhere(f);
    // One after another: a connection runs one query at a time.
    const items = await db
      .select(contractColumns)
      .from(ministryContracts)
      .innerJoin(organisations, eq(organisations.id, ministryContracts.organisationId))
      .innerJoin(companies, eq(companies.id, ministryContracts.companyId))
      .where(where)
      .orderBy(desc(ministryContracts.fiscalYear), asc(ministryContracts.organisationId), asc(ministryContracts.companyId))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const total = await db.select({ n: count() }).from(ministryContracts).where(where);
    return { items, total: Number(total[0]?.n ?? 0) };
  },

  contract: (db: Executor, id: number) =>
    db
      .select(contractColumns)
      .from(ministryContracts)
      .innerJoin(organisations, eq(organisations.id, ministryContracts.organisationId))
      .innerJoin(companies, eq(companies.id, ministryContracts.companyId))
      .where(eq(ministryContracts.id, id))
      .then(first),

  insertContract: (db: Executor, v: NewContract) => db.insert(ministryContracts).values(v).returning({ id: ministryContracts.id }).then((r) => r[0]!),

  deleteContract: (db: Executor, id: number) => db.delete(ministryContracts).where(eq(ministryContracts.id, id)).returning().then(first),

  /** Existing rows for (organisation, company, fiscal year) keys, for an import's audit "before". */
  async contractsByKeys(db: Executor, keys: { organisationId: number; companyId: number; fiscalYear: number }[]): Promise<ContractRow[]> {
    if (keys.length === 0) return [];
    const tuples = sql.join(
      keys.map((k) => sql`(${k.organisationId}::bigint, ${k.companyId}::bigint, ${k.fiscalYear}::int)`),
      sql`, `,
    );
    return db
      .select()
      .from(ministryContracts)
      .where(sql`(${ministryContracts.organisationId}, ${ministryContracts.companyId}, ${ministryContracts.fiscalYear}) in (${tuples})`);
  },

  upsertContracts: (db: Executor, values: NewContract[]) =>
    values.length === 0
      ? Promise.resolve([] as { id: number; inserted: boolean }[])
      : db
          .insert(ministryContracts)
          .values(values)
          .onConflictDoUpdate({
            target: [ministryContracts.organisationId, ministryContracts.companyId, ministryContracts.fiscalYear],
            set: { amountYen: sql`excluded.amount_yen`, source: sql`excluded.source`, updatedAt: sql`now()` },
          })
          .returning({ id: ministryContracts.id, inserted: sql<boolean>`(xmax = 0)` }),

  // ---------------------------------------------------------------- 所管関係

  jurisdictions: (db: Executor, unitId: number, companyId?: number) =>
    db
      .select(jurisdictionColumns)
      .from(licensingJurisdictions)
      .innerJoin(companies, eq(companies.id, licensingJurisdictions.companyId))
      .where(and(eq(licensingJurisdictions.unitId, unitId), companyId !== undefined ? eq(licensingJurisdictions.companyId, companyId) : undefined))
      .orderBy(asc(licensingJurisdictions.companyId), asc(licensingJurisdictions.id))
      .limit(10_000),

  insertJurisdiction: (db: Executor, v: typeof licensingJurisdictions.$inferInsert) =>
    db.insert(licensingJurisdictions).values(v).returning({ id: licensingJurisdictions.id }).then((r) => r[0]!),

  jurisdiction: (db: Executor, id: number) =>
    db
      .select(jurisdictionColumns)
      .from(licensingJurisdictions)
      .innerJoin(companies, eq(companies.id, licensingJurisdictions.companyId))
      .where(eq(licensingJurisdictions.id, id))
      .then(first),

  deleteJurisdiction: (db: Executor, unitId: number, id: number) =>
    db
      .delete(licensingJurisdictions)
      .where(and(eq(licensingJurisdictions.id, id), eq(licensingJurisdictions.unitId, unitId)))
      .returning()
      .then(first),

  // ---------------------------------------------------------------- 契約への関与

  involvements: (db: Executor, personId: number) =>
    db
      .select(involvementColumns)
      .from(contractInvolvements)
      .innerJoin(companies, eq(companies.id, contractInvolvements.companyId))
      .where(eq(contractInvolvements.personId, personId))
      .orderBy(desc(contractInvolvements.startDate), desc(contractInvolvements.id)),

  involvement: (db: Executor, id: number) =>
    db
      .select(involvementColumns)
      .from(contractInvolvements)
      .innerJoin(companies, eq(companies.id, contractInvolvements.companyId))
      .where(eq(contractInvolvements.id, id))
      .then(first),

  insertInvolvement: (db: Executor, v: typeof contractInvolvements.$inferInsert) =>
    db.insert(contractInvolvements).values(v).returning({ id: contractInvolvements.id }).then((r) => r[0]!),

  deleteInvolvement: (db: Executor, personId: number, id: number) =>
    db
      .delete(contractInvolvements)
      .where(and(eq(contractInvolvements.id, id), eq(contractInvolvements.personId, personId)))
      .returning()
      .then(first),

  // ---------------------------------------------------------------- 官職の許認可事務

  post: (db: Executor, personId: number, postId: number) =>
    db
      .select(postColumns)
      .from(postAssignments)
      .where(and(eq(postAssignments.id, postId), eq(postAssignments.personId, personId)))
      .then(first),

  setHandlesLicensing: (db: Executor, postId: number, handlesLicensing: boolean) =>
    db.update(postAssignments).set({ handlesLicensing }).where(eq(postAssignments.id, postId)).returning(postColumns).then((r) => r[0]!),

  postItem: (db: Executor, id: number) =>
    db
      .select(postItemColumns)
      .from(postAssignments)
      .innerJoin(orgUnits, eq(orgUnits.id, postAssignments.unitId))
      .where(eq(postAssignments.id, id))
      .then(first),

  insertPost: (db: Executor, v: typeof postAssignments.$inferInsert) =>
    db.insert(postAssignments).values(v).returning({ id: postAssignments.id }).then((r) => r[0]!),

  deletePost: (db: Executor, personId: number, id: number) =>
    db
      .delete(postAssignments)
      .where(and(eq(postAssignments.id, id), eq(postAssignments.personId, personId)))
      .returning()
      .then(first),

  // ---------------------------------------------------------------- 過去の交流

  async history(db: Executor, f: HistoryFilter, page: number, pageSize: number) {
    const where = historyWhere(f);
    const items = await db
      .select(historyColumns)
      .from(exchangeHistory)
      .innerJoin(companies, eq(companies.id, exchangeHistory.companyId))
      .innerJoin(orgUnits, eq(orgUnits.id, exchangeHistory.unitId))
      .where(where)
      .orderBy(desc(exchangeHistory.startDate), desc(exchangeHistory.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const total = await db
      .select({ n: count() })
      .from(exchangeHistory)
      .innerJoin(orgUnits, eq(orgUnits.id, exchangeHistory.unitId))
      .where(where);
    return { items, total: Number(total[0]?.n ?? 0) };
  },

  historyEntry: (db: Executor, id: number) =>
    db
      .select(historyColumns)
      .from(exchangeHistory)
      .innerJoin(companies, eq(companies.id, exchangeHistory.companyId))
      .innerJoin(orgUnits, eq(orgUnits.id, exchangeHistory.unitId))
      .where(eq(exchangeHistory.id, id))
      .then(first),

  insertHistory: (db: Executor, v: typeof exchangeHistory.$inferInsert) =>
    db.insert(exchangeHistory).values(v).returning({ id: exchangeHistory.id }).then((r) => r[0]!),

  deleteHistory: (db: Executor, id: number) => db.delete(exchangeHistory).where(eq(exchangeHistory.id, id)).returning().then(first),

  // ---------------------------------------------------------------- divisions (demo data)

  insertDivision: (db: Executor, companyId: number, name: string) =>
    db.insert(companyDivisions).values({ companyId, name }).returning({ id: companyDivisions.id }).then((r) => r[0]!.id),
};

export type CriteriaDataRepository = typeof criteriaDataRepository;
