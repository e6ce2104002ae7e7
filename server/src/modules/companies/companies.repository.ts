// The only SQL for companies and their divisions.
import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryPrepared, rowsOf, type Executor } from '../../db/client.ts';
import { companies, companyDivisions, industries, legalEntityTypes, prefectures } from '../../db/schema.ts';

export type CompanyRow = typeof companies.$inferSelect;
export type NewCompany = typeof companies.$inferInsert;

export type CompanyFilter = {
  text?: string | undefined; // normalised search text
  corporateNumber?: string | undefined;
  industry?: string | undefined;
  legalType?: string | undefined;
  prefecture?: string | undefined;
  size?: { minCapital?: number; minEmployees?: number; maxEmployees?: number; notLarge?: { capital: number; employees: number } } | undefined;
  statuses: string[];
  onlyId?: number | undefined;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Text search: 3+ characters match anywhere (trigram index); 1–2 match the start of the core name or reading. */
function textCondition(text: string): SQL {
  const e = escapeLike(text);
  if ([...text].length >= 3) {
    return sql`(${companies.nameNormalized} like ${`%${e}%`} or ${companies.nameKanaNormalized} like ${`%${e}%`})`;
  }
  return sql`(${companies.nameCore} like ${`${e}%`} or ${companies.nameKanaNormalized} like ${`${e}%`})`;
}

function whereOf(f: CompanyFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [inArray(companies.status, f.statuses)];
  if (f.onlyId !== undefined) conds.push(eq(companies.id, f.onlyId));
  if (f.corporateNumber) conds.push(eq(companies.corporateNumber, f.corporateNumber));
  if (f.text) conds.push(textCondition(f.text));
  if (f.industry) conds.push(eq(companies.industryCode, f.industry));
  if (f.legalType) conds.push(eq(companies.legalTypeCode, f.legalType));
  if (f.prefecture) conds.push(eq(companies.prefectureCode, f.prefecture));
  if (f.size?.minCapital !== undefined) conds.push(sql`${companies.capitalYen} >= ${f.size.minCapital}`);
  if (f.size?.minEmployees !== undefined) conds.push(sql`${companies.employees} >= ${f.size.minEmployees}`);
  if (f.size?.maxEmployees !== undefined) conds.push(sql`${companies.employees} < ${f.size.maxEmployees}`);
  if (f.size?.notLarge) {
    conds.push(
      sql`not (coalesce(${companies.capitalYen}, 0) >= ${f.size.notLarge.capital} and coalesce(${companies.employees}, 0) >= ${f.size.notLarge.employees})`,
    );
  }
  return and(...conds);
}

type SummaryRow = {
  id: number;
  corporateNumber: string;
  name: string;
  nameKana: string | null;
  legalTypeCode: string;
  industryCode: string | null;
  prefectureCode: string | null;
  capitalYen: number | null;
  employees: number | null;
  status: string;
  total: number;
};

export const summaryColumns = {
  id: companies.id,
  corporateNumber: companies.corporateNumber,
  name: companies.name,
  nameKana: companies.nameKana,
  legalTypeCode: companies.legalTypeCode,
  industryCode: companies.industryCode,
  prefectureCode: companies.prefectureCode,
  capitalYen: companies.capitalYen,
  employees: companies.employees,
  status: companies.status,
};

export const companiesRepository = {
  /**
   * One page plus a total counted up to `countCap`. The matches (at most countCap + 1, found
   * through the trigram, prefix or filter indexes, never by walking the whole table in id order)
   * are ranked: with search text, exact core name, then names starting with the text, then
   * shorter names; without text, by id.
   */
  async search(db: Executor, f: CompanyFilter, page: number, pageSize: number, countCap: number) {
    const where = whereOf(f) ?? sql`true`;
    const offset = (page - 1) * pageSize;
    const rank = f.text
      ? sql`(m.name_core = ${f.text}) desc, (m.name_core like ${`${escapeLike(f.text)}%`}) desc, length(m.name_normalized), m.id`
      : sql`m.id`;
    const rows = await queryPrepared<SummaryRow>(
      db,
      sql`
        with m as materialized (
          select ${companies.id} as id, ${companies.nameNormalized} as name_normalized, ${companies.nameCore} as name_core
          from ${companies} where ${where} limit ${countCap + 1}
        ), page as (
          select m.id, row_number() over (order by ${rank}) as ord from m order by ${rank} limit ${pageSize} offset ${offset}
        )
        select c.id::float8 as "id", c.corporate_number as "corporateNumber", c.name, c.name_kana as "nameKana",
               c.legal_type_code as "legalTypeCode", c.industry_code as "industryCode", c.prefecture_code as "prefectureCode",
               c.capital_yen::float8 as "capitalYen", c.employees, c.status,
               (select count(*) from m)::int as total
        from page join ${companies} c on c.id = page.id
        order by page.ord`,
    );
    let n = rows[0]?.total;
    if (n === undefined) {
      // Past the last page: still report the total.
      const counted = rowsOf<{ n: number }>(
        await db.execute(sql`select count(*)::int as n from (select 1 from ${companies} where ${where} limit ${countCap + 1}) t`),
      );
      n = counted[0]?.n ?? 0;
    }
    const items = rows.map(({ total: _total, ...r }) => ({ ...r, id: Number(r.id), capitalYen: r.capitalYen === null ? null : Number(r.capitalYen) }));
    return { items, total: Math.min(n, countCap), totalCapped: n > countCap };
  },

  async findById(db: Executor, id: number): Promise<CompanyRow | undefined> {
    const rows = await db.select().from(companies).where(eq(companies.id, id)).limit(1);
    return rows[0];
  },

  async findByCorporateNumbers(db: Executor, numbers: string[]): Promise<Pick<CompanyRow, 'id' | 'corporateNumber'>[]> {
    if (numbers.length === 0) return [];
    return db
      .select({ id: companies.id, corporateNumber: companies.corporateNumber })
      .from(companies)
      .where(inArray(companies.corporateNumber, numbers));
  },

  async subsidiaries(db: Executor, parentId: number) {
    return db
      .select({ id: companies.id, corporateNumber: companies.corporateNumber, name: companies.name })
      .from(companies)
      .where(eq(companies.parentId, parentId))
      .orderBy(asc(companies.id))
      .limit(500);
  },

  async divisions(db: Executor, companyId: number) {
    return db
      .select({ id: companyDivisions.id, name: companyDivisions.name })
      .from(companyDivisions)
      .where(eq(companyDivisions.companyId, companyId))
      .orderBy(asc(companyDivisions.id));
  },

  async insert(db: Executor, values: NewCompany): Promise<CompanyRow> {
    const rows = await db.insert(companies).values(values).returning();
    return rows[0]!;
  },

  async insertMany(db: Executor, values: NewCompany[]): Promise<{ id: number; corporateNumber: string }[]> {
    if (values.length === 0) return [];
    return db.insert(companies).values(values).returning({ id: companies.id, corporateNumber: companies.corporateNumber });
  },

  async update(db: Executor, id: number, values: Partial<NewCompany>): Promise<CompanyRow | undefined> {
    const rows = await db
      .update(companies)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(companies.id, id))
      .returning();
    return rows[0];
  },

  async insertDivision(db: Executor, companyId: number, name: string) {
    const rows = await db.insert(companyDivisions).values({ companyId, name }).returning();
    return rows[0]!;
  },

  async count(db: Executor, statuses: string[]): Promise<number> {
    const r = await db.select({ n: count() }).from(companies).where(inArray(companies.status, statuses));
    return Number(r[0]?.n ?? 0);
  },

  async referenceCodes(db: Executor) {
    const [types, inds, prefs] = await Promise.all([
      db
        .select({
          code: legalEntityTypes.code,
          nameJa: legalEntityTypes.nameJa,
          eligible: legalEntityTypes.eligible,
          effectiveFrom: legalEntityTypes.effectiveFrom,
          effectiveTo: legalEntityTypes.effectiveTo,
        })
        .from(legalEntityTypes),
      db.select({ code: industries.code, nameJa: industries.nameJa }).from(industries),
      db.select({ code: prefectures.code, nameJa: prefectures.nameJa }).from(prefectures),
    ]);
    return { types, industries: inds, prefectures: prefs };
  },
};
