// The only SQL for matching suggestions: reads wish sheets (the wishes module owns and writes
// them), the change feed of their versions (every save adds one), and the labels of listed sheets.
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Executor } from '../../db/client.ts';
import { idArray } from '../../db/sql.ts';

export type SheetRow = {
  id: number;
  reference: string;
  kind: 'ministry_dispatch' | 'ministry_hire' | 'company';
  status: 'draft' | 'published' | 'closed';
  organisationId: number | null;
  companyId: number | null;
  title: string;
  expiresOn: string | null;
  body: unknown;
};
export type IndexRow = Pick<SheetRow, 'id' | 'kind' | 'status' | 'organisationId' | 'companyId' | 'expiresOn' | 'body'>;
export type SheetLabel = { id: number; reference: string; kind: SheetRow['kind']; title: string; ownerNameJa: string; ownerNameEn: string };

const indexColumns = sql`s.id::float8 as id, s.kind, s.status, s.organisation_id::float8 as "organisationId",
  s.company_id::float8 as "companyId", s.expires_on::text as "expiresOn", s.body`;

function fix<T extends { id: number; organisationId: number | null; companyId: number | null }>(list: T[]): T[] {
  for (const r of list) {
    r.id = Number(r.id);
    if (r.organisationId != null) r.organisationId = Number(r.organisationId);
    if (r.companyId != null) r.companyId = Number(r.companyId);
  }
  return list;
}

export function createSuggestionsRepository(db: Executor) {
  const rows = async <T>(q: SQL) => rowsOf<T>(await db.execute(q));
  return {
    async sheet(id: number): Promise<SheetRow | null> {
      const r = await rows<SheetRow>(
        sql`select ${indexColumns}, s.reference, s.title from wish_sheets s where s.id = ${id}`,
      );
      return r[0] ? fix(r)[0]! : null;
    },

    /** Published sheets after `afterId` in id order (the index loads them a page at a time). */
    async publishedPage(afterId: number, limit: number): Promise<IndexRow[]> {
      return fix(
        await rows<IndexRow>(sql`select ${indexColumns} from wish_sheets s where s.status = 'published' and s.id > ${afterId} order by s.id limit ${limit}`),
      );
    },

    /** The current rows of these sheets, whatever their status (a missing id was deleted). */
    async sheetsByIds(ids: readonly number[]): Promise<IndexRow[]> {
      if (!ids.length) return [];
      return fix(await rows<IndexRow>(sql`select ${indexColumns} from wish_sheets s where s.id = any(${idArray(ids)})`));
    },

    /** The newest version id (0 when none): the change feed's high-water mark. A primary-key lookup. */
    async latestVersionId(): Promise<number> {
      const r = await rows<{ id: number | null }>(sql`select max(id)::float8 as id from wish_sheet_versions`);
      return Number(r[0]?.id ?? 0);
    },

    /** Versions with an id above `afterId` (ascending): which sheets changed. A primary-key range scan. */
    async versionsAfter(afterId: number, limit: number): Promise<{ id: number; sheetId: number }[]> {
      const r = await rows<{ id: number; sheetId: number }>(
        sql`select id::float8 as id, sheet_id::float8 as "sheetId" from wish_sheet_versions where id > ${afterId} order by id limit ${limit}`,
      );
      return r.map((x) => ({ id: Number(x.id), sheetId: Number(x.sheetId) }));
    },

    /** Reference, title and owner's name of listed sheets. */
    async labels(ids: readonly number[]): Promise<Map<number, SheetLabel>> {
      if (!ids.length) return new Map();
      const r = await rows<SheetLabel>(
        sql`select s.id::float8 as id, s.reference, s.kind, s.title,
                   coalesce(o.name_ja, c.name, '') as "ownerNameJa", coalesce(o.name_en, c.name, '') as "ownerNameEn"
            from wish_sheets s
            left join organisations o on o.id = s.organisation_id
            left join companies c on c.id = s.company_id
            where s.id = any(${idArray(ids)})`,
      );
      return new Map(r.map((x) => [Number(x.id), { ...x, id: Number(x.id) }]));
    },
  };
}

export type SuggestionsRepository = ReturnType<typeof createSuggestionsRepository>;
