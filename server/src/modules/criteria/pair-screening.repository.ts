// SQL for screening organisation × company pairs (a ministry's wish against companies' wish
// sheets, or a matching round): no official and no post yet, so only the facts of the company and
// of the pair — contracts with the organisation, sanctions, the legal-entity type, sales — and,
// as a caution, the organisation's units with licensing jurisdiction over the company.
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../db/client.ts';
import { idArray, textArray } from '../../db/sql.ts';
import type { ScreeningWindows } from './criteria.repository.ts';

export type PairCompanyRow = { id: number; name: string; legalTypeCode: string; capitalYen: number | null; employees: number | null };
export type PairFacts = {
  companies: PairCompanyRow[];
  sales: { companyId: number; fiscalYear: number; amountYen: number }[];
  contracts: { organisationId: number; companyId: number; fiscalYear: number; amountYen: number }[];
  sanctions: { companyId: number; caseRef: string; kind: string; subject: string; date: string; description: string | null }[];
};
export type JurisdictionRow = { organisationId: number; companyId: number; unitNameJa: string; unitNameEn: string };

export function createPairScreeningRepository(db: Executor) {
  const rows = async <T>(q: SQL) => rowsOf<T>(await db.execute(q));
  const num = <T extends Record<string, unknown>>(list: T[], keys: (keyof T)[]) => {
    for (const r of list) for (const k of keys) if (r[k] != null) (r as Record<keyof T, unknown>)[k] = Number(r[k]);
    return list;
  };
  return {
    /**
     * Companies with any stored fact a pair rule could fail on, for these organisations and a start
     * whose look-back windows are `w`: contract totals at or above the threshold, restricting
     * sanctions, a legal-entity type not eligible on the start. A superset is safe (the engine
     * decides); every other company passes those rules. Each branch is an index walk.
     */
    async candidates(organisationIds: readonly number[], plannedStart: string, w: ScreeningWindows): Promise<Set<number>> {
      const out = new Set<number>();
      const found = await rows<{ id: number }>(
        sql`select company_id::float8 as id from ministry_contracts
            where organisation_id = any(${idArray(organisationIds)})
              and fiscal_year between ${w.contractFiscalYears[0]} and ${w.contractFiscalYears[1]}
              and amount_yen >= ${w.contractMinTotalYen}
            union
            select company_id::float8 from company_sanctions
            where occurred_on between ${w.sanctionsFrom}::date and ${plannedStart}::date and kind = any(${textArray(w.sanctionKinds)})`,
      );
      for (const r of found) out.add(Number(r.id));
      const types = await rows<{ code: string }>(sql`select code from legal_entity_types`);
      const eligible = new Set(w.eligibleTypeCodes);
      const ineligible = types.map((t) => t.code).filter((c) => !eligible.has(c));
      if (ineligible.length) {
        for (const r of await rows<{ id: number }>(sql`select id::float8 as id from companies where legal_type_code = any(${textArray(ineligible)})`)) out.add(Number(r.id));
      }
      return out;
    },

    /** The facts of these companies, and their contracts with these organisations (four queries whatever the count). */
    async facts(companyIds: readonly number[], organisationIds: readonly number[]): Promise<PairFacts> {
      if (!companyIds.length) return { companies: [], sales: [], contracts: [], sanctions: [] };
      const ids = idArray(companyIds);
      const companies = num(
        await rows<PairCompanyRow>(
          sql`select id::float8 as id, name, legal_type_code as "legalTypeCode", capital_yen::float8 as "capitalYen", employees
              from companies where id = any(${ids})`,
        ),
        ['id', 'capitalYen', 'employees'],
      );
      const sales = num(
        await rows<PairFacts['sales'][number]>(
          sql`select company_id::float8 as "companyId", fiscal_year as "fiscalYear", amount_yen::float8 as "amountYen"
              from company_sales where company_id = any(${ids}) order by company_id, fiscal_year`,
        ),
        ['companyId', 'amountYen'],
      );
      const contracts = organisationIds.length
        ? num(
            await rows<PairFacts['contracts'][number]>(
              sql`select organisation_id::float8 as "organisationId", company_id::float8 as "companyId", fiscal_year as "fiscalYear",
                         amount_yen::float8 as "amountYen"
                  from ministry_contracts where company_id = any(${ids}) and organisation_id = any(${idArray(organisationIds)})
                  order by company_id, organisation_id, fiscal_year`,
            ),
            ['organisationId', 'companyId', 'amountYen'],
          )
        : [];
      const sanctions = num(
        await rows<PairFacts['sanctions'][number]>(
          sql`select company_id::float8 as "companyId", case_ref as "caseRef", kind, subject, occurred_on::text as date, description
              from company_sanctions where company_id = any(${ids}) order by company_id, occurred_on, id`,
        ),
        ['companyId'],
      );
      return { companies, sales, contracts, sanctions };
    },

    /**
     * Units of these organisations with licensing jurisdiction (所管関係) on `asOf`, over these
     * companies (or, with `companyIds` null, over any company).
     */
    async jurisdictions(organisationIds: readonly number[] | null, companyIds: readonly number[] | null, asOf: string): Promise<JurisdictionRow[]> {
      const conds: SQL[] = [sql`(j.start_date is null or j.start_date <= ${asOf}::date)`, sql`(j.end_date is null or j.end_date >= ${asOf}::date)`];
      if (organisationIds) conds.push(sql`u.organisation_id = any(${idArray(organisationIds)})`);
      if (companyIds) conds.push(sql`j.company_id = any(${idArray(companyIds)})`);
      return num(
        await rows<JurisdictionRow>(
          sql`select distinct u.organisation_id::float8 as "organisationId", j.company_id::float8 as "companyId",
                     u.name_ja as "unitNameJa", u.name_en as "unitNameEn"
              from licensing_jurisdictions j join org_units u on u.id = j.unit_id
              where ${sql.join(conds, sql` and `)}
              order by 1, 2, 3`,
        ),
        ['organisationId', 'companyId'],
      );
    },
  };
}

export type PairScreeningRepository = ReturnType<typeof createPairScreeningRepository>;
