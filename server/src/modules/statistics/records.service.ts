// Public-private statistics from case records (官民人事交流の実施状況): the cube read once and kept in
// process, and the views the page, the exports and the annual report read from it.
//
// Cache: one entry per database handle, holding the cube and labels with the data version they were
// read at (recordsRepository.version: the counts of the started states per organisation, < 1 ms).
// - version changed (an exchange started, was extended or ended): the cube is read again before
//   answering, so a state change shows at once — unless the last read took over SLOW_READ_MS
//   (national scale: seconds), then the previous cube is served, with its version and time, while the
//   new one is read in the background;
// - same version, entry older than CACHE_TTL_MS: the entry is still served and a refresh runs in the
//   background (edits that change no state — a plan's dates, a person's gender, a company's
//   industry — show within about the TTL);
// - otherwise the entry is served. Concurrent callers share one computation.
// Reading the cube costs about 2 s at 1,000,000 cases on 2 cores; serving a view from the cache a
// few ms (docs/benchmarks.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Executor } from '../../db/client.ts';
import { recordsRepository } from './records.repository.ts';
import { dimensions, type CubeRow, type Dimension, type Direction } from './records.cube.ts';
import {
  FIRST_YEAR,
  breakdown,
  compareWithPublished,
  cumulative as cumulativeView,
  series,
  type BreakdownView,
  type ComparisonView,
  type CumulativeView,
  type Labels,
  type PublishedIndustryTable,
  type SeriesRow,
} from './records.views.ts';

/** How long a cached cube may be reused without re-reading (its version is still checked each call). */
export const CACHE_TTL_MS = 60_000;

type Entry = { version: string; at: number; cube: CubeRow[]; labels: Labels };
const cache = new WeakMap<object, Entry>();
const pending = new WeakMap<object, Promise<Entry>>();
/** How long the last cube read took per database handle; above SLOW_READ_MS a changed version is refreshed in the background. */
const lastReadMs = new WeakMap<object, number>();
export const SLOW_READ_MS = 250;
let slowReadMs = SLOW_READ_MS;
/** Sets the slow-read threshold (tests: 0 makes every changed version refresh in the background; -1 or Infinity per need). */
export function setSlowReadThreshold(ms: number = SLOW_READ_MS): void {
  slowReadMs = ms;
}

/** Drops the cached cube (tests; after bulk loads). */
export function invalidateRecordsCache(db: Executor): void {
  cache.delete(db);
}

/** The cube and labels, from the cache when still current. `computed` tells whether it was read now. */
export async function recordsCube(db: Executor, now = Date.now()): Promise<Entry & { computed: boolean }> {
  const version = await recordsRepository.version(db);
  const hit = cache.get(db);
  const read = () => {
    let p = pending.get(db);
    if (!p) {
      p = (async () => {
        const started = Date.now();
        const [{ rows }, labels] = await Promise.all([recordsRepository.cube(db), recordsRepository.labels(db)]);
        const entry = { version, at: Date.now(), cube: rows, labels };
        lastReadMs.set(db, entry.at - started);
        cache.set(db, entry);
        return entry;
      })().finally(() => pending.delete(db));
      pending.set(db, p);
    }
    return p;
  };
  if (hit && hit.version === version) {
    if (now - hit.at >= CACHE_TTL_MS && !pending.has(db)) read().catch(() => cache.delete(db)); // stale: refresh in the background
    return { ...hit, computed: false };
  }
  // Version changed but the last read was slow (a national-scale database): serve the previous
  // cube, marked by its version and time, and read the new one in the background, so the page never
  // waits seconds for a recount; a fast read (up to SLOW_READ_MS) is awaited, so a change shows at once.
  if (hit && (lastReadMs.get(db) ?? 0) > slowReadMs) {
    if (!pending.has(db)) read().catch(() => undefined);
    return { ...hit, computed: false };
  }
  return { ...(await read()), computed: true };
}

/** Reads the cube in the background (at start), so the first page view does not wait for it. */
export function warmRecordsCache(db: Executor, onError: (err: unknown) => void = () => undefined): void {
  recordsCube(db).catch(onError);
}

const todayIso = () => new Date().toISOString().slice(0, 10);

export interface SeriesResult {
  periodKind: 'calendar';
  from: number;
  to: number;
  asOf: string;
  rows: SeriesRow[];
}

/** Per calendar year from..to (defaults: 2000 to this year). */
export async function publicPrivateSeries(db: Executor, opts: { from?: number; to?: number; asOf?: string } = {}): Promise<SeriesResult> {
  const asOf = opts.asOf ?? todayIso();
  const from = opts.from ?? FIRST_YEAR;
  const to = opts.to ?? Number(asOf.slice(0, 4));
  const { cube } = await recordsCube(db);
  return { periodKind: 'calendar', from, to, asOf, rows: series(cube, { from, to, asOf }) };
}

/** Started exchanges in a year (window 1) or the three years to it (window 3), by one dimension. */
export async function publicPrivateBreakdown(
  db: Executor,
  opts: { dimension: Dimension; year: number; window?: 1 | 3; direction?: Direction | null },
): Promise<BreakdownView> {
  const { cube, labels } = await recordsCube(db);
  return breakdown(cube, { dimension: opts.dimension, year: opts.year, window: opts.window ?? 1, direction: opts.direction ?? null }, labels);
}

/** Cumulative people and ministries to the end of `year`, by direction. */
export async function cumulative(db: Executor, year: number): Promise<CumulativeView> {
  const { cube } = await recordsCube(db);
  return cumulativeView(cube, year);
}

let publishedIndustry: PublishedIndustryTable | null = null;
/** The shipped published industry table (published/public-private-industry-2024.json). */
export function publishedIndustryTable(): PublishedIndustryTable {
  publishedIndustry ??= JSON.parse(readFileSync(join(import.meta.dirname, 'published', 'public-private-industry-2024.json'), 'utf8')) as PublishedIndustryTable;
  return publishedIndustry;
}

/** Records vs the published industry table, for that table's year. */
export async function publicPrivateComparison(db: Executor, published: PublishedIndustryTable = publishedIndustryTable()): Promise<ComparisonView> {
  const { cube, labels } = await recordsCube(db);
  return compareWithPublished(cube, published, labels);
}

/**
 * Everything the statistics page shows, from one read of the cube: the series, every breakdown
 * dimension for `year` (default: the last full calendar year) and `window` (default 3), the
 * cumulative totals to that year and the comparison with the published table (null if the shipped
 * table cannot be read).
 */
export async function publicPrivateOverview(
  db: Executor,
  q: { from?: number; to?: number; year?: number; window?: number; direction?: Direction; asOf?: string } = {},
) {
  const asOf = q.asOf ?? todayIso();
  const from = q.from ?? FIRST_YEAR;
  const to = q.to ?? Number(asOf.slice(0, 4));
  const year = q.year ?? Number(asOf.slice(0, 4)) - 1;
  const window = (q.window === 1 ? 1 : 3) as 1 | 3;
  const { cube, labels } = await recordsCube(db);
  let comparison: ComparisonView | null = null;
  try {
    comparison = compareWithPublished(cube, publishedIndustryTable(), labels);
  } catch {
    comparison = null;
  }
  return {
    series: { periodKind: 'calendar' as const, from, to, asOf, rows: series(cube, { from, to, asOf }) },
    breakdowns: dimensions.map((dimension) => breakdown(cube, { dimension, year, window, direction: q.direction ?? null }, labels)),
    cumulative: cumulativeView(cube, year),
    comparison,
  };
}
