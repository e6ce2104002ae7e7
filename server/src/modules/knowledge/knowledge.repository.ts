// The only SQL for the knowledge pages (知識ページ) and their saved versions.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { accounts, knowledgePages, knowledgePageVersions } from '../../db/schema.ts';

export type PageRow = typeof knowledgePages.$inferSelect;
export type NewPage = typeof knowledgePages.$inferInsert;
export type NewVersion = typeof knowledgePageVersions.$inferInsert;

/** Serialises the seeding of missing pages across app instances starting together. */
const SEED_LOCK = 727_051;

const summaryColumns = {
  slug: knowledgePages.slug,
  section: knowledgePages.section,
  audience: knowledgePages.audience,
  groupKey: knowledgePages.groupKey,
  sortOrder: knowledgePages.sortOrder,
  titleJa: knowledgePages.titleJa,
  titleEn: knowledgePages.titleEn,
  published: knowledgePages.published,
  version: knowledgePages.version,
  updatedAt: knowledgePages.updatedAt,
};
// The order the content files give (sortOrder) within a section; Q&A topics are grouped by the screens.
const order = [asc(knowledgePages.section), asc(knowledgePages.sortOrder), asc(knowledgePages.id)];

const listPages = (db: Executor, f: { section?: string | undefined; publishedOnly: boolean }) =>
  db
    .select(summaryColumns)
    .from(knowledgePages)
    .where(and(f.section ? eq(knowledgePages.section, f.section) : undefined, f.publishedOnly ? eq(knowledgePages.published, true) : undefined))
    .orderBy(...order);
export type SummaryRow = Awaited<ReturnType<typeof listPages>>[number];

export const knowledgeRepository = {
  list: listPages,

  bySlug: async (db: Executor, slug: string): Promise<PageRow | undefined> => (await db.select().from(knowledgePages).where(eq(knowledgePages.slug, slug)).limit(1))[0],

  /** Every published Q&A (a few hundred rows at most: the search filters them in memory). */
  publishedQa: (db: Executor): Promise<PageRow[]> =>
    db
      .select()
      .from(knowledgePages)
      .where(and(eq(knowledgePages.section, 'qa'), eq(knowledgePages.published, true)))
      .orderBy(...order),

  insert: async (tx: Executor, values: NewPage): Promise<PageRow> => (await tx.insert(knowledgePages).values(values).returning())[0]!,

  /** Saves new text only if the page is still at `expectedVersion` (else undefined: someone saved first). */
  updateText: async (
    tx: Executor,
    id: number,
    expectedVersion: number,
    v: { titleJa: string; titleEn: string; bodyJa: string; bodyEn: string; updatedBy: number | null },
  ): Promise<PageRow | undefined> =>
    (
      await tx
        .update(knowledgePages)
        .set({ ...v, version: sql`${knowledgePages.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(knowledgePages.id, id), eq(knowledgePages.version, expectedVersion)))
        .returning()
    )[0],

  setPublished: async (tx: Executor, id: number, published: boolean, updatedBy: number | null): Promise<PageRow | undefined> =>
    (await tx.update(knowledgePages).set({ published, updatedBy, updatedAt: sql`now()` }).where(eq(knowledgePages.id, id)).returning())[0],

  insertVersion: async (tx: Executor, v: NewVersion): Promise<void> => {
    await tx.insert(knowledgePageVersions).values(v);
  },

  /** The saved (previous) versions of a page, newest first, with the display name of who wrote each. */
  versions: (db: Executor, pageId: number) =>
    db
      .select({
        version: knowledgePageVersions.version,
        titleJa: knowledgePageVersions.titleJa,
        titleEn: knowledgePageVersions.titleEn,
        changedById: knowledgePageVersions.changedBy,
        changedBy: accounts.displayName,
        changedAt: knowledgePageVersions.changedAt,
      })
      .from(knowledgePageVersions)
      .leftJoin(accounts, eq(accounts.id, knowledgePageVersions.changedBy))
      .where(eq(knowledgePageVersions.pageId, pageId))
      .orderBy(desc(knowledgePageVersions.version)),

  version: async (db: Executor, pageId: number, version: number) =>
    (
      await db
        .select({
          version: knowledgePageVersions.version,
          titleJa: knowledgePageVersions.titleJa,
          titleEn: knowledgePageVersions.titleEn,
          bodyJa: knowledgePageVersions.bodyJa,
          bodyEn: knowledgePageVersions.bodyEn,
          changedById: knowledgePageVersions.changedBy,
          changedBy: accounts.displayName,
          changedAt: knowledgePageVersions.changedAt,
        })
        .from(knowledgePageVersions)
        .leftJoin(accounts, eq(accounts.id, knowledgePageVersions.changedBy))
        .where(and(eq(knowledgePageVersions.pageId, pageId), eq(knowledgePageVersions.version, version)))
        .limit(1)
    )[0],

  accountName: async (db: Executor, id: number | null): Promise<string | null> =>
    id == null ? null : ((await db.select({ name: accounts.displayName }).from(accounts).where(eq(accounts.id, id)).limit(1))[0]?.name ?? null),

  // ---------------------------------------------------------------- seeding

  lockSeeding: async (tx: Executor): Promise<void> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
  },

  slugs: async (db: Executor): Promise<Set<string>> => new Set((await db.select({ slug: knowledgePages.slug }).from(knowledgePages)).map((r) => r.slug)),

  insertMany: async (tx: Executor, rows: NewPage[]): Promise<void> => {
    if (rows.length) await tx.insert(knowledgePages).values(rows);
  },
};
