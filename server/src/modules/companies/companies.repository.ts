// The only SQL for companies and their divisions.
import { escapeLike } from '../../db/sql.ts';
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


/** Every condition but the search text (see `matchesOf`). */
function whereOf(f: CompanyFilter): SQL {
  const conds: (SQL | undefined)[] = [inArray(companies.status, f.statuses)];
  if (f.onlyId !== undefined) conds.push(eq(companies.id, f.onlyId));
  if (f.corporateNumber) conds.push(eq(companies.corporateNumber, f.corporateNumber));
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
  return and(...conds)!;
}

const matchColumns = sql`${companies.id} as id, ${companies.nameNormalized} as name_normalized, ${companies.nameCore} as name_core`;

/**
 * The matches a search ranks (id, name_normalized, name_core), at most `n` rows, each branch an
 * index walk that stops early. Without text: the first `n` by id (the pkey or an (…, id) index).
 * With text: three disjoint branches, each limited to `n`, so that the best matches are never
 * crowded out by many weaker ones: (0) core name or reading equal to the text (btree equality),
 * (1) other core names or readings starting with it (text_pattern_ops prefix), (2) for 3+
 * characters, the rest with the text anywhere in the name or reading (trigram). `union all` under
 * one limit runs them in that order and stops as soon as `n` rows are found.
 */
function matchesOf(f: CompanyFilter, n: number): SQL {
  const where = whereOf(f);
  if (!f.text) return sql`select ${matchColumns} from ${companies} where ${where} order by ${companies.id} limit ${n}`;
  const text = f.text;
  const prefix = `${escapeLike(text)}%`;
  // The plain forms use the indexes; the coalesced ones exclude earlier branches (a null reading
  // must count as "no match", not make the whole condition null).
  const exact = sql`(${companies.nameCore} = ${text} or ${companies.nameKanaNormalized} = ${text})`;
  const notExact = sql`not (${companies.nameCore} = ${text} or coalesce(${companies.nameKanaNormalized} = ${text}, false))`;
  const starts = sql`(${companies.nameCore} like ${prefix} or ${companies.nameKanaNormalized} like ${prefix})`;
  const notStarts = sql`not (${companies.nameCore} like ${prefix} or coalesce(${companies.nameKanaNormalized} like ${prefix}, false))`;
  const branches = [
    sql`(select ${matchColumns} from ${companies} where ${where} and ${exact} limit ${n})`,
    sql`(select ${matchColumns} from ${companies} where ${where} and ${starts} and ${notExact} limit ${n})`,
  ];
  if ([...text].length >= 3) {
    const anywhere = `%${escapeLike(text)}%`;
    branches.push(
      sql`(select ${matchColumns} from ${companies}
           where ${where} and (${companies.nameNormalized} like ${anywhere} or ${companies.nameKanaNormalized} like ${anywhere}) and ${notStarts} limit ${n})`,
    );
  }
  return sql`select * from (${sql.join(branches, sql` union all `)}) b limit ${n}`;
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
   * One page plus a total counted up to `countCap`. The matches (at most countCap + 1, see
   * `matchesOf`: found through the exact/prefix, trigram or filter indexes) are ranked: with
   * search text, exact core name, then names starting with the text, then shorter names, then id;
   * without text, by id. Pages stop at `countCap` rows: the extra match only says "more".
   */
  async search(db: Executor, f: CompanyFilter, page: number, pageSize: number, countCap: number) {
    const offset = (page - 1) * pageSize;
    const limit = Math.max(0, Math.min(pageSize, countCap - offset));
    const matches = matchesOf(f, countCap + 1);
    const rank = f.text
      ? sql`(m.name_core = ${f.text}) desc, (m.name_core like ${`${escapeLike(f.text)}%`}) desc, length(m.name_normalized), m.id`
      : sql`m.id`;
    const rows = limit === 0 ? [] : await queryPrepared<SummaryRow>(
      db,
      sql`
        with m as materialized (${matches}), page as (
          select m.id, row_number() over (order by ${rank}) as ord from m order by ${rank} limit ${limit} offset ${offset}
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
      const counted = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from (${matches}) t`));
      n = counted[0]?.n ?? 0;
    }
    const items = rows.map(({ total: _total, ...r }) => ({ ...r, id: Number(r.id), capitalYen: r.capitalYen === null ? null : Number(r.capitalYen) }));
    return { items, total: Math.min(n, countCap), totalCapped: n > countCap };
  },

  async findById(db: Executor, id: number): Promise<CompanyRow | undefined> {
    const rows = await db.select().from(companies).where(eq(companies.id, id)).limit(1);
    return rows[0];
  },

  async findByCorporateNumbers(db: Executor, numbers: string[]): Promise<Pick<CompanyRow, 'id' | 'corporateNumber' | 'status'>[]> {
    if (numbers.length === 0) return [];
    return db
      .select({ id: companies.id, corporateNumber: companies.corporateNumber, status: companies.status })
      .from(companies)
      .where(inArray(companies.corporateNumber, numbers));
  },

  /** Whole rows (the importer's "before" for its audit entries). */
  async findRowsByCorporateNumbers(db: Executor, numbers: string[]): Promise<CompanyRow[]> {
    if (numbers.length === 0) return [];
    return db.select().from(companies).where(inArray(companies.corporateNumber, numbers));
  },

  /** Subsidiaries in the given statuses (the caller still checks each against the policy). */
  async subsidiaries(db: Executor, parentId: number, statuses: string[]) {
    return db
      .select({ id: companies.id, corporateNumber: companies.corporateNumber, name: companies.name, status: companies.status })
      .from(companies)
      .where(and(eq(companies.parentId, parentId), inArray(companies.status, statuses)))
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
    // One after another: this runs inside transactions, and a connection runs one query at a time.
    const types = await db
      .select({
        code: legalEntityTypes.code,
        nameJa: legalEntityTypes.nameJa,
        eligible: legalEntityTypes.eligible,
        effectiveFrom: legalEntityTypes.effectiveFrom,
        effectiveTo: legalEntityTypes.effectiveTo,
      })
      .from(legalEntityTypes);
    const inds = await db.select({ code: industries.code, nameJa: industries.nameJa }).from(industries);
    const prefs = await db.select({ code: prefectures.code, nameJa: prefectures.nameJa }).from(prefectures);
    return { types, industries: inds, prefectures: prefs };
  },
};
