// SQL for the bulk screening (one official against the whole registry): the official, the
// company classes by legal-entity type, and pages of companies by class and candidate sets.
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../db/client.ts';
import { escapeLike, idArray, textArray } from '../../db/sql.ts';
import { normalizeCorporateNumber } from '../../../../common/src/corporate-number.ts';
import { normalizeForSearch } from '../../../../common/src/text.ts';

export type ScreenPageItem = { id: number; corporateNumber: string; name: string; legalTypeCode: string };

export function createScreeningRepository(db: Executor) {
  const rows = async <T>(q: SQL) => rowsOf<T>(await db.execute(q));
  return {
    /** The person, and the unit of the post they hold on `asOf` (else their latest earlier post). */
    async official(personId: number, asOf: string) {
      const r = await rows<{ kind: string; organisationId: number | null; unitId: number | null }>(
        sql`select p.kind, p.organisation_id::float8 as "organisationId",
                   (select pa.unit_id::float8 from post_assignments pa
                    where pa.person_id = p.id and pa.start_date <= ${asOf}::date
                    order by (pa.end_date is null or pa.end_date >= ${asOf}::date) desc, pa.start_date desc limit 1) as "unitId"
            from people p where p.id = ${personId}`,
      );
      const p = r[0];
      return p ? { kind: p.kind, organisationId: p.organisationId == null ? null : Number(p.organisationId), unitId: p.unitId == null ? null : Number(p.unitId) } : null;
    },

    async activeOf(ids: readonly number[]): Promise<number[]> {
      if (!ids.length) return [];
      const r = await rows<{ id: number }>(sql`select id::float8 as id from companies where id = any(${idArray(ids)}) and status = 'active'`);
      return r.map((x) => Number(x.id));
    },

    async unitOrganisation(unitId: number): Promise<number | null> {
      const r = await rows<{ o: number }>(sql`select organisation_id::float8 as o from org_units where id = ${unitId}`);
      return r[0] ? Number(r[0].o) : null;
    },

    /** Active companies per legal-entity type, and of those how many are in `ids`. */
    async countByType(ids: readonly number[]): Promise<Map<string, { all: number; inIds: number }>> {
      const all = await rows<{ code: string; n: number }>(
        sql`select legal_type_code as code, count(*)::float8 as n from companies where status = 'active' group by legal_type_code`,
      );
      const inIds = ids.length
        ? await rows<{ code: string; n: number }>(
            sql`select legal_type_code as code, count(*)::float8 as n from companies
                where status = 'active' and id = any(${idArray(ids)}) group by legal_type_code`,
          )
        : [];
      const out = new Map<string, { all: number; inIds: number }>();
      for (const r of all) out.set(r.code, { all: Number(r.n), inIds: 0 });
      for (const r of inIds) out.get(r.code)!.inIds = Number(r.n);
      return out;
    },

    /**
     * Active companies (ascending id) that are either of one of `types` and not in `exclude`,
     * or in `include`; optionally filtered by name or 法人番号.
     */
    async page(args: { types: readonly string[]; exclude: readonly number[]; include: readonly number[]; q?: string | undefined; page: number; pageSize: number; count: boolean }) {
      const byType = args.types.length
        ? args.exclude.length
          ? sql`(c.legal_type_code = any(${textArray(args.types)}) and c.id not in (select unnest(${idArray(args.exclude)})))`
          : sql`c.legal_type_code = any(${textArray(args.types)})`
        : sql`false`;
      const conds: SQL[] = [sql`c.status = 'active'`, args.include.length ? sql`(${byType} or c.id = any(${idArray(args.include)}))` : byType];
      const text = args.q?.trim();
      if (text) {
        const digits = normalizeCorporateNumber(text);
        if (/^[0-9]{13}$/.test(digits)) conds.push(sql`c.corporate_number = ${digits}`);
        else conds.push(sql`c.name_normalized like ${`%${escapeLike(normalizeForSearch(text))}%`}`);
      }
      const where = sql.join(conds, sql` and `);
      const items = await rows<ScreenPageItem>(
        sql`select c.id::float8 as id, c.corporate_number as "corporateNumber", c.name, c.legal_type_code as "legalTypeCode"
            from companies c where ${where} order by c.id limit ${args.pageSize} offset ${(args.page - 1) * args.pageSize}`,
      );
      const total = args.count ? Number((await rows<{ n: number }>(sql`select count(*)::float8 as n from companies c where ${where}`))[0]?.n ?? 0) : null;
      return { items: items.map((i) => ({ ...i, id: Number(i.id) })), total };
    },
  };
}
