// The only SQL for wish sheets (交流希望シート): the sheets and their versions, the public listing
// with its bigram search (ADR 008), the owner's list, and the interested-companies list
// (官民人事交流に関心が高い企業の一覧) built from accepted call applications and published sheets.
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { queryPrepared, rowsOf, type Executor } from '../../db/client.ts';
import { escapeLike, idArray } from '../../db/sql.ts';
import { accounts, callApplications, companies, organisations, wishSheets, wishSheetVersions } from '../../db/schema.ts';
import type { QueryTerm } from './search/search.ts';

export type NewSheet = typeof wishSheets.$inferInsert;
export type SheetValues = Omit<NewSheet, 'id' | 'reference' | 'createdAt' | 'createdBy'>;

/** A text[] literal as one bound parameter; quotes and backslashes escaped (grams may hold any character). */
export function pgTextArray(xs: readonly string[]): SQL {
  return sql`${`{${xs.map((x) => `"${x.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`}::text[]`;
}

const sheetColumns = {
  id: wishSheets.id,
  reference: wishSheets.reference,
  kind: wishSheets.kind,
  direction: wishSheets.direction,
  organisationId: wishSheets.organisationId,
  companyId: wishSheets.companyId,
  status: wishSheets.status,
  title: wishSheets.title,
  body: wishSheets.body,
  industryCodes: wishSheets.industryCodes,
  fieldCodes: wishSheets.fieldCodes,
  ageBands: wishSheets.ageBands,
  prefectureCode: wishSheets.prefectureCode,
  periodMinMonths: wishSheets.periodMinMonths,
  periodMaxMonths: wishSheets.periodMaxMonths,
  startFrom: wishSheets.startFrom,
  startTo: wishSheets.startTo,
  expiresOn: wishSheets.expiresOn,
  publishedAt: wishSheets.publishedAt,
  closedAt: wishSheets.closedAt,
  version: wishSheets.version,
  createdAt: wishSheets.createdAt,
  updatedAt: wishSheets.updatedAt,
  organisationCode: organisations.code,
  organisationNameJa: organisations.nameJa,
  organisationNameEn: organisations.nameEn,
  companyName: companies.name,
};
export type SheetRow = {
  id: number;
  reference: string;
  kind: string;
  direction: string;
  organisationId: number | null;
  companyId: number | null;
  status: string;
  title: string;
  body: unknown;
  industryCodes: string[];
  fieldCodes: string[];
  ageBands: string[];
  prefectureCode: string | null;
  periodMinMonths: number;
  periodMaxMonths: number;
  startFrom: string;
  startTo: string;
  expiresOn: string | null;
  publishedAt: string | null;
  closedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  organisationCode: string | null;
  organisationNameJa: string | null;
  organisationNameEn: string | null;
  companyName: string | null;
};

/** What the in-process listing keeps of a sheet: the row, its search text and facet keys, and
 * published_at in microseconds (the listing's order; JavaScript dates hold milliseconds only). */
const indexColumns = {
  ...sheetColumns,
  searchText: wishSheets.searchText,
  facetKeys: wishSheets.facetKeys,
  publishedMicros: sql<number | string | null>`(extract(epoch from ${wishSheets.publishedAt}) * 1000000)::float8`.as('published_micros'),
};
export type IndexSheetRow = SheetRow & { searchText: string; facetKeys: string[]; publishedMicros: number | string | null };

const sheetsFrom = (db: Executor, columns: typeof sheetColumns | typeof indexColumns = sheetColumns) =>
  db
    .select(columns)
    .from(wishSheets)
    .leftJoin(organisations, eq(organisations.id, wishSheets.organisationId))
    .leftJoin(companies, eq(companies.id, wishSheets.companyId));

/**
 * Listed publicly: published, and not past its expiry date. A published sheet always has one (the
 * service sets the default on publish and keeps it on edits), so the bound is a plain range the
 * expiry index can use.
 */
const live = (today: string) => sql`${wishSheets.status} = 'published' and ${wishSheets.expiresOn} >= ${today}::date`;

export type PublicFilter = {
  terms: QueryTerm[];
  /** Facet keys (wishes.rules.ts facetKeysOf), all required. */
  keys: string[];
  period?: number | undefined;
  startMonth?: string | undefined;
};
export type WishSortKey = 'newest' | 'start' | 'expires';

/**
 * One alternative of a term. With `grams` (the alternative's grams, and any others the row must
 * have): they are in search_grams (the GIN index); then a term of one or two characters needs
 * nothing else (the gram is the substring: no gram spans a space), a longer one is checked in the
 * text (bigrams present need not be adjacent). Without (an ordered scan through many matches) the
 * text alone decides: search_text stays in the row, while the grams array is large (TOASTed) and
 * costly to read row by row.
 */
function alternativeCondition(a: QueryTerm['alternatives'][number], grams: readonly string[] | null): SQL {
  const like = sql`${wishSheets.searchText} like ${`%${escapeLike(a.text)}%`}`;
  if (!grams) return like;
  const contained = sql`${wishSheets.searchGrams} @> ${pgTextArray([...new Set(grams)])}`;
  return Array.from(a.text).length > 2 ? sql`(${contained} and ${like})` : contained;
}

function publicWhere(f: PublicFilter, today: string, useGrams: boolean): SQL {
  const conds: SQL[] = [live(today)];
  const single = f.terms.filter((t) => t.alternatives.length === 1).map((t) => t.alternatives[0]!);
  const multi = f.terms.filter((t) => t.alternatives.length > 1);
  if (!useGrams || !f.terms.length) {
    if (f.keys.length) conds.push(sql`${wishSheets.facetKeys} @> ${pgTextArray([...new Set(f.keys)])}`);
    for (const a of single) conds.push(alternativeCondition(a, null));
    for (const t of multi) conds.push(sql`(${sql.join(t.alternatives.map((a) => alternativeCondition(a, null)), sql` or `)})`);
  } else {
    // Every containment carries all the grams and facet keys the row must have, so each is one GIN
    // scan and no row's grams are read from the table: they go into one array, or into each
    // alternative of the first term that has a reading.
    const required = [...f.keys, ...single.flatMap((a) => a.grams)];
    if (!multi.length && required.length) conds.push(sql`${wishSheets.searchGrams} @> ${pgTextArray([...new Set(required)])}`);
    for (const a of single) if (Array.from(a.text).length > 2) conds.push(alternativeCondition(a, null));
    // A term with a reading: (grams₁ or grams₂) and (text₁ or text₂). The same rows as
    // (grams₁ and text₁) or (grams₂ and text₂), since a text holding the term holds its grams; but
    // here the grams are the bitmap's own condition and the table is read for the text only.
    multi.forEach((t, i) => {
      const grams = t.alternatives.map((a) => sql`${wishSheets.searchGrams} @> ${pgTextArray([...new Set(i === 0 ? [...required, ...a.grams] : a.grams)])}`);
      conds.push(sql`(${sql.join(grams, sql` or `)})`);
      conds.push(sql`(${sql.join(t.alternatives.map((a) => alternativeCondition(a, null)), sql` or `)})`);
    });
  }
  if (f.period !== undefined) conds.push(sql`${wishSheets.periodMinMonths} <= ${f.period} and ${wishSheets.periodMaxMonths} >= ${f.period}`);
  if (f.startMonth) conds.push(sql`${wishSheets.startFrom} <= ${f.startMonth} and ${wishSheets.startTo} >= ${f.startMonth}`);
  return and(...conds)!;
}

/** The listing's orders on the matches' columns (p published, s start, e expiry) of publicList. */
const matchOrder: Record<WishSortKey, SQL> = {
  newest: sql.raw('p desc, id desc'),
  start: sql.raw('s asc, p desc nulls last, id desc'),
  expires: sql.raw('e asc nulls last, p desc nulls last, id desc'),
};

/** An int[] as the driver hands it over: an array (node-postgres, PGlite) or its text form. */
function parseIntArray(v: number[] | string | null | undefined): number[] {
  if (!v) return [];
  if (Array.isArray(v)) return v.map(Number);
  const inner = v.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',').map(Number) : [];
}

// Written to match the partial indexes (wish_sheets_published_idx read backwards for newest;
// wish_sheets_start_idx, wish_sheets_expires_idx), nulls placement included.
const orderOf = (sort: WishSortKey): SQL[] => {
  const newest = [sql`${wishSheets.publishedAt} desc nulls last`, sql`${wishSheets.id} desc nulls last`];
  switch (sort) {
    case 'start':
      return [sql`${wishSheets.startFrom} asc`, ...newest];
    case 'expires':
      return [sql`${wishSheets.expiresOn} asc nulls last`, ...newest];
    default:
      return [desc(wishSheets.publishedAt), desc(wishSheets.id)];
  }
};

export type OwnScope = { organisationId?: number; companyId?: number } | 'all';
export type OwnFilter = { status?: 'draft' | 'published' | 'expired' | 'closed' | undefined; kind?: string | undefined };

function ownWhere(scope: OwnScope, f: OwnFilter, today: string): SQL | undefined {
  const conds: SQL[] = [];
  if (scope !== 'all') {
    if (scope.organisationId !== undefined) conds.push(eq(wishSheets.organisationId, scope.organisationId));
    if (scope.companyId !== undefined) conds.push(eq(wishSheets.companyId, scope.companyId));
  }
  if (f.kind) conds.push(eq(wishSheets.kind, f.kind));
  if (f.status === 'expired') conds.push(sql`${wishSheets.status} = 'published' and ${wishSheets.expiresOn} < ${today}::date`);
  else if (f.status === 'published') conds.push(live(today));
  else if (f.status) conds.push(eq(wishSheets.status, f.status));
  return conds.length ? and(...conds) : undefined;
}

// ---------------------------------------------------------------- interested companies

export type InterestedFilter = {
  text?: string | undefined; // normalised company-name words
  industry?: string | undefined;
  prefectureCodes?: string[] | undefined;
  direction?: 'dispatch' | 'hire' | undefined;
  field?: string | undefined;
};

/**
 * The companies the list starts from: accepted applicants and companies with a live sheet, each
 * side already narrowed by the direction (and a field, which only sheets name).
 */
function interestedSource(f: InterestedFilter, today: string): SQL {
  const appFlag = f.direction === 'dispatch' ? sql` and ${callApplications.wantsDispatch}` : f.direction === 'hire' ? sql` and ${callApplications.wantsHire}` : sql``;
  const sheetDirection = f.direction ? sql` and ${wishSheets.direction} in (${f.direction}, 'both')` : sql``;
  const sheets = (extra: SQL) => sql`select ${wishSheets.companyId} as company_id from ${wishSheets} where ${wishSheets.kind} = 'company' and ${live(today)}${extra}`;
  if (f.field) {
    // A field comes from a sheet; the direction from any sheet of the company or its application.
    const withField = sheets(sql` and ${wishSheets.searchGrams} @> ${pgTextArray([`f:${f.field}`])}`);
    if (!f.direction) return sql`(select distinct company_id from (${withField}) w)`;
    return sql`(${withField} intersect (select ${callApplications.companyId} from ${callApplications} where ${callApplications.status} = 'accepted'${appFlag} union ${sheets(sheetDirection)}))`;
  }
  return sql`(select ${callApplications.companyId} as company_id from ${callApplications} where ${callApplications.status} = 'accepted'${appFlag} union ${sheets(sheetDirection)})`;
}

function interestedWhere(f: InterestedFilter): SQL {
  const conds: SQL[] = [sql`${companies.status} = 'active'`];
  if (f.text) conds.push(sql`${companies.nameNormalized} like ${`%${escapeLike(f.text)}%`}`);
  if (f.industry) conds.push(eq(companies.industryCode, f.industry));
  if (f.prefectureCodes) conds.push(sql`${companies.prefectureCode} = any(${pgTextArray(f.prefectureCodes)})`);
  return and(...conds)!;
}

export const wishesRepository = {
  // ---------------------------------------------------------------- lookups

  organisationByCode: async (db: Executor, code: string) =>
    (await db.select({ id: organisations.id, code: organisations.code, nameJa: organisations.nameJa, nameEn: organisations.nameEn }).from(organisations).where(eq(organisations.code, code)).limit(1))[0],

  organisationsByCodes: (db: Executor, codes: readonly string[]) =>
    codes.length
      ? db.select({ code: organisations.code, nameJa: organisations.nameJa, nameEn: organisations.nameEn }).from(organisations).where(inArray(organisations.code, [...codes]))
      : Promise.resolve([]),

  organisationIdOfCode: async (db: Executor, code: string) => (await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.code, code)).limit(1))[0]?.id,

  company: async (db: Executor, id: number) =>
    (await db.select({ id: companies.id, name: companies.name, status: companies.status }).from(companies).where(eq(companies.id, id)).limit(1))[0],

  // ---------------------------------------------------------------- sheets

  /** Inserts a sheet and gives it its reference (WS- and the id), in the caller's transaction. */
  async insertSheet(tx: Executor, values: SheetValues & { createdBy: number | null }, referenceOf: (id: number) => string): Promise<number> {
    const placeholder = `WS-new-${Math.random().toString(36).slice(2)}-${Date.now()}`;
    const [r] = await tx.insert(wishSheets).values({ ...values, reference: placeholder }).returning({ id: wishSheets.id });
    await tx.update(wishSheets).set({ reference: referenceOf(r!.id) }).where(eq(wishSheets.id, r!.id));
    return r!.id;
  },

  sheet: async (db: Executor, id: number): Promise<SheetRow | undefined> => (await sheetsFrom(db).where(eq(wishSheets.id, id)).limit(1))[0] as SheetRow | undefined,

  /** The sheet row locked for a change (FOR UPDATE), without joins. */
  lockSheet: async (tx: Executor, id: number) =>
    (await tx.select({ id: wishSheets.id, version: wishSheets.version, status: wishSheets.status }).from(wishSheets).where(eq(wishSheets.id, id)).for('update').limit(1))[0],

  /** Sets new values when the version is still `expectedVersion`; returns the new version, or null when stale. */
  async updateSheet(tx: Executor, id: number, expectedVersion: number, values: Partial<SheetValues>): Promise<number | null> {
    const r = await tx
      .update(wishSheets)
      .set({ ...values, version: sql`${wishSheets.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(wishSheets.id, id), eq(wishSheets.version, expectedVersion)))
      .returning({ version: wishSheets.version });
    return r[0]?.version ?? null;
  },

  insertVersion: (tx: Executor, v: typeof wishSheetVersions.$inferInsert) => tx.insert(wishSheetVersions).values(v),

  versions: (db: Executor, sheetId: number) =>
    db
      .select({
        version: wishSheetVersions.version,
        status: wishSheetVersions.status,
        body: wishSheetVersions.body,
        note: wishSheetVersions.note,
        changedAt: wishSheetVersions.changedAt,
        changedByName: accounts.displayName,
        changedBy: wishSheetVersions.changedBy,
      })
      .from(wishSheetVersions)
      .leftJoin(accounts, eq(accounts.id, wishSheetVersions.changedBy))
      .where(eq(wishSheetVersions.sheetId, sheetId))
      .orderBy(desc(wishSheetVersions.version)),

  async ownList(db: Executor, scope: OwnScope, f: OwnFilter, today: string, page: number, pageSize: number) {
    const where = ownWhere(scope, f, today);
    const [items, total] = await Promise.all([
      sheetsFrom(db)
        .where(where)
        .orderBy(desc(wishSheets.updatedAt), desc(wishSheets.id))
        .limit(pageSize)
        .offset((page - 1) * pageSize),
      db.select({ n: sql<number>`count(*)::int` }).from(wishSheets).where(where),
    ]);
    return { items: items as SheetRow[], total: Number(total[0]?.n ?? 0) };
  },

  // ---------------------------------------------------------------- public listing

  /**
   * A page of the listing and the number of matches, counted up to `cap` (then `capped`).
   * First, in one statement answering one row, at most cap + 1 matches found through the GIN
   * indexes (grams of the text, facet keys): their number and, sorted, the ids of the page. When
   * there are more matches than the cap, at least one row in N/cap matches, so the page comes from
   * a scan in the listing's order (the partial index per sort) that checks the text and the facet
   * keys row by row — without the grams, which are costly to read row by row.
   */
  async publicList(db: Executor, f: PublicFilter, today: string, sort: WishSortKey, page: number, pageSize: number, cap: number) {
    const offset = (page - 1) * pageSize;
    const [head] = await queryPrepared<{ n: number; ids: number[] | string }>(
      db,
      sql`with m as materialized (
            select ${wishSheets.id} as id, ${wishSheets.publishedAt} as p, ${wishSheets.startFrom} as s, ${wishSheets.expiresOn} as e
            from ${wishSheets} where ${publicWhere(f, today, true)} limit ${cap + 1})
          select (select count(*) from m)::int as n,
                 array(select id from m order by ${matchOrder[sort]} limit ${pageSize} offset ${offset})::int[] as ids`,
    );
    const n = Number(head?.n ?? 0);
    if (n > cap) {
      const items = await sheetsFrom(db).where(publicWhere(f, today, false)).orderBy(...orderOf(sort)).limit(pageSize).offset(offset);
      return { items: items as SheetRow[], total: cap, capped: true };
    }
    const ids = parseIntArray(head?.ids);
    if (!ids.length) return { items: [], total: n, capped: false };
    const rows = (await sheetsFrom(db).where(sql`${wishSheets.id} = any(${idArray(ids)})`)) as SheetRow[];
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    return { items: ids.flatMap((id) => byId.get(id) ?? []), total: n, capped: false };
  },

  // ---------------------------------------------------------------- in-process listing (public-listing/public-index.ts)

  /** Published sheets after `afterId` in id order, with what the index keeps (a page of its load). */
  publicIndexPage: async (db: Executor, afterId: number, limit: number): Promise<IndexSheetRow[]> =>
    (await sheetsFrom(db, indexColumns)
      .where(and(eq(wishSheets.status, 'published'), sql`${wishSheets.id} > ${afterId}`))
      .orderBy(asc(wishSheets.id))
      .limit(limit)) as unknown as IndexSheetRow[],

  /** The current rows of these sheets, whatever their status (a missing id was deleted). */
  publicIndexRows: async (db: Executor, ids: readonly number[]): Promise<IndexSheetRow[]> =>
    ids.length ? ((await sheetsFrom(db, indexColumns).where(sql`${wishSheets.id} = any(${idArray(ids)})`)) as unknown as IndexSheetRow[]) : [],

  /** The change feed's high-water mark: the newest version id (0 when none). */
  async latestVersionId(db: Executor): Promise<number> {
    const r = rowsOf<{ id: number | string | null }>(await db.execute(sql`select max(id)::float8 as id from ${wishSheetVersions}`));
    return Number(r[0]?.id ?? 0);
  },

  /** Versions with an id above `afterId`, ascending: which sheets changed. A primary-key range scan. */
  async versionsAfter(db: Executor, afterId: number, limit: number): Promise<{ id: number; sheetId: number }[]> {
    const r = rowsOf<{ id: number | string; sheetId: number | string }>(
      await db.execute(sql`select id::float8 as id, sheet_id::float8 as "sheetId" from ${wishSheetVersions} where id > ${afterId} order by id limit ${limit}`),
    );
    return r.map((x) => ({ id: Number(x.id), sheetId: Number(x.sheetId) }));
  },

  publicSheet: async (db: Executor, reference: string, today: string): Promise<SheetRow | undefined> =>
    (await sheetsFrom(db).where(and(eq(wishSheets.reference, reference), live(today))).limit(1))[0] as SheetRow | undefined,

  // ---------------------------------------------------------------- interested companies

  async interestedCompanyIds(db: Executor, f: InterestedFilter, today: string, limit: number, offset: number) {
    const source = interestedSource(f, today);
    const where = interestedWhere(f);
    const [rows, total] = await Promise.all([
      db.execute(sql`select ${companies.id} as id from ${source} ic join ${companies} on ${companies.id} = ic.company_id
        where ${where} order by ${companies.nameNormalized}, ${companies.id} limit ${limit} offset ${offset}`),
      db.execute(sql`select count(*)::int as n from ${source} ic join ${companies} on ${companies.id} = ic.company_id where ${where}`),
    ]);
    return { ids: rowsOf<{ id: string | number }>(rows).map((r) => Number(r.id)), total: Number(rowsOf<{ n: string | number }>(total)[0]?.n ?? 0) };
  },

  interestedCompanies: (db: Executor, ids: readonly number[]) =>
    db
      .select({
        id: companies.id,
        name: companies.name,
        corporateNumber: companies.corporateNumber,
        industryCode: companies.industryCode,
        prefectureCode: companies.prefectureCode,
        employees: companies.employees,
        capitalYen: companies.capitalYen,
      })
      .from(companies)
      .where(sql`${companies.id} = any(${idArray(ids)})`),

  /** The latest accepted application of each company. */
  acceptedApplications: (db: Executor, companyIds: readonly number[]) =>
    db
      .selectDistinctOn([callApplications.companyId], {
        companyId: callApplications.companyId,
        wantsDispatch: callApplications.wantsDispatch,
        wantsHire: callApplications.wantsHire,
        conditions: callApplications.conditions,
        contactName: callApplications.contactName,
        contactEmail: callApplications.contactEmail,
        contactPhone: callApplications.contactPhone,
        decidedAt: callApplications.decidedAt,
      })
      .from(callApplications)
      .where(and(sql`${callApplications.companyId} = any(${idArray(companyIds)})`, eq(callApplications.status, 'accepted')))
      .orderBy(callApplications.companyId, desc(callApplications.decidedAt), desc(callApplications.id)),

  liveCompanySheets: (db: Executor, companyIds: readonly number[], today: string) =>
    db
      .select({
        companyId: wishSheets.companyId,
        reference: wishSheets.reference,
        direction: wishSheets.direction,
        fieldCodes: wishSheets.fieldCodes,
        wantedMinistries: sql<string[] | null>`${wishSheets.body} -> 'wantedMinistries'`,
        publishedAt: wishSheets.publishedAt,
      })
      .from(wishSheets)
      .where(and(sql`${wishSheets.companyId} = any(${idArray(companyIds)})`, eq(wishSheets.kind, 'company'), live(today)))
      .orderBy(desc(wishSheets.publishedAt), desc(wishSheets.id)),
};
