// Small SQL fragments shared by repositories (the only places that write SQL).
import { sql, type SQL } from 'drizzle-orm';

/** A bigint[] parameter for `= any(…)`: one bound value however many ids. */
export function idArray(ids: readonly number[]): SQL {
  for (const id of ids) if (!Number.isSafeInteger(id)) throw new Error(`not an id: ${id}`);
  return sql`${`{${ids.join(',')}}`}::bigint[]`;
}

/** A text[] parameter (array literal with quoting) for `= any(…)`. */
export const textArray = (xs: readonly string[]): SQL => sql`${`{${xs.map((x) => `"${x.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]`;

/** Escapes LIKE wildcards in user text. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
