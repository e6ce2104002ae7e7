// The only SQL for published figures (公表数値) and their publications (公表資料).
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { statPublications, statPublishedFigures } from '../../db/schema.ts';
import type { FigureVersion } from './published.domain.ts';

export type PublicationRow = typeof statPublications.$inferSelect;
export type NewPublication = typeof statPublications.$inferInsert;
export type NewFigure = typeof statPublishedFigures.$inferInsert;

/** Serialises the loading of the shipped history and imports across app instances. */
const STATS_LOCK = 727_061;

export type StoredVersion = FigureVersion & { importedAt: string };

const versionColumns = {
  id: statPublishedFigures.id,
  series: statPublishedFigures.series,
  periodKind: statPublishedFigures.periodKind,
  year: statPublishedFigures.periodYear,
  dimension: statPublishedFigures.dimension,
  measure: statPublishedFigures.measure,
  value: statPublishedFigures.value,
  publication: statPublications.code,
  publicationId: statPublishedFigures.publicationId,
  publishedYear: statPublications.publishedYear,
  publishedOn: statPublications.publishedOn,
  table: statPublishedFigures.sourceTable,
  page: statPublishedFigures.sourcePage,
  lines: statPublishedFigures.sourceLines,
  text: statPublishedFigures.sourceText,
  flaggedRevision: statPublishedFigures.flaggedRevision,
  importedAt: statPublishedFigures.importedAt,
};

export const publishedRepository = {
  lock: (tx: Executor) => tx.execute(sql`select pg_advisory_xact_lock(${STATS_LOCK})`),

  publications: (db: Executor): Promise<PublicationRow[]> => db.select().from(statPublications).orderBy(asc(statPublications.id)),

  insertPublications: async (tx: Executor, rows: NewPublication[]): Promise<PublicationRow[]> =>
    rows.length ? tx.insert(statPublications).values(rows).returning() : [],

  /** Every stored version of the given series (all series when none given). */
  versions: async (db: Executor, series?: readonly string[]): Promise<StoredVersion[]> => {
    const rows = await db
      .select(versionColumns)
      .from(statPublishedFigures)
      .innerJoin(statPublications, eq(statPublications.id, statPublishedFigures.publicationId))
      .where(series ? inArray(statPublishedFigures.series, [...series]) : undefined)
      .orderBy(asc(statPublishedFigures.series), asc(statPublishedFigures.periodYear), asc(statPublishedFigures.id));
    return rows as StoredVersion[];
  },

  /** Versions of one figure key. */
  versionsOf: async (db: Executor, k: { series: string; periodKind?: string | undefined; year: number; dimension: string; measure: string }): Promise<StoredVersion[]> =>
    (await db
      .select(versionColumns)
      .from(statPublishedFigures)
      .innerJoin(statPublications, eq(statPublications.id, statPublishedFigures.publicationId))
      .where(
        and(
          eq(statPublishedFigures.series, k.series),
          k.periodKind ? eq(statPublishedFigures.periodKind, k.periodKind) : undefined,
          eq(statPublishedFigures.periodYear, k.year),
          eq(statPublishedFigures.dimension, k.dimension),
          eq(statPublishedFigures.measure, k.measure),
        ),
      )) as StoredVersion[],

  /** Inserts figures; a figure already stored for the same key and publication is left alone. Returns how many were inserted. */
  insertFigures: async (tx: Executor, rows: NewFigure[]): Promise<number> => {
    let n = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const r = await tx
        .insert(statPublishedFigures)
        .values(rows.slice(i, i + 500))
        .onConflictDoNothing()
        .returning({ id: statPublishedFigures.id });
      n += r.length;
    }
    return n;
  },
};
