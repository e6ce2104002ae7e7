// The public wish-sheet listing (交流希望シートの公開一覧) served from memory (ADR 008).
//
// Why: the listing must answer at p95 ≤ 50 ms under 50 connections over 100,000 published sheets
// (issue 5), ~1,000 requests a second on two shared cores; the SQL path (wishes.repository.ts
// publicList, kept as the reference implementation) spends several ms of database CPU per request
// counting up to 1,000 matches. Here every published sheet is kept as the list item the API
// returns, with its search text, facet keys and sort keys, plus posting lists (gram → ascending
// internal ids; facet key → ids) and one order (permutation) per sort.
//
// A query is answered like the SQL (same items, order, total, totalCapped): the terms, facet keys,
// period and start month pick posting lists (exact for the keys and ranges; the rarest gram of each
// term), intersected (in a per-snapshot arena: no typed array allocated per query); each candidate
// is checked (live on `today`, every term's text or reading as a substring of the search text; a
// term of one or two characters is its own gram, exact, and not checked, as in SQL), in the sort's
// order and only until the page is filled and the count passes the cap: a small candidate set is
// put in that order by its precomputed ranks, a large one (or none: no text, no keys) is walked in it.
//
// Kept current through the change feed of `wish_sheet_versions` (every save adds a version), as the
// suggestions index does (suggestions/sheet-index.ts): before answering, the versions above the last
// one seen are read (a primary-key range scan, shared by concurrent requests) and the sheets they
// name reloaded. A version becomes visible when its transaction commits, so a lower id can appear
// after a higher one: the feed is re-read from a window below the high-water mark, remembering the
// ids seen. A changed sheet's old entry is marked dead and its new one appended (new internal id,
// appended to the posting lists' overlays, merged into the orders at query time); past
// `overlayLimit` changes, or every `resyncMs` (rows written without a version, renamed owners), the
// whole index is rebuilt in the background and swapped in. Expiry is a date, not an event: the
// query checks `expiresOn >= today`.
import type { PublicWishItem } from '../../../../../common/src/schemas/wishes.schema.ts';
import type { WishSortKey } from '../wishes.repository.ts';
import type { QueryTerm } from '../search/search.ts';
import { Arena, concat, intersectAll, union, type Posting } from './postings.ts';

/** One stored sheet as the index loads it (wishes.repository.ts IndexSheetRow, already mapped). */
export type IndexSource = {
  id: number;
  status: string;
  /** The list item as the API returns it, as JSON (one string per sheet instead of a dozen objects: less for the GC to walk). */
  item: string;
  searchText: string;
  facetKeys: readonly string[]; // emptied once indexed
  periodMin: number;
  periodMax: number;
  startFrom: string;
  startTo: string;
  expiresOn: string | null;
  /** published_at in microseconds since the epoch (null: never published). */
  published: number | null;
};

export type IndexQuery = { terms: QueryTerm[]; keys: string[]; period?: number | undefined; startMonth?: string | undefined };
export type IndexResult = { items: PublicWishItem[]; total: number; capped: boolean };

export type PublicIndexFeed = {
  /** Published sheets after `afterId`, in id order. */
  page(afterId: number, limit: number): Promise<IndexSource[]>;
  /** The current rows of these sheets, whatever their status. */
  rows(ids: readonly number[]): Promise<IndexSource[]>;
  latestVersionId(): Promise<number>;
  versionsAfter(afterId: number, limit: number): Promise<{ id: number; sheetId: number }[]>;
};

export type PublicIndexOptions = {
  pageSize?: number;
  resyncMs?: number; // full rebuild in the background after this long (0: never)
  window?: number; // version ids re-read below the high-water mark
  overlayLimit?: number; // changed sheets appended before a rebuild
  now?: () => number;
  onError?: (e: unknown) => void;
};

const SORTS: readonly WishSortKey[] = ['newest', 'start', 'expires'];

/** The SQL orders (wishes.repository.ts matchOrder / orderOf), nulls placement included. */
function comparator(sort: WishSortKey): (a: IndexSource, b: IndexSource) => number {
  // published desc; nulls first (newest: `p desc`) or last (the others: `p desc nulls last`).
  const pubDesc = (a: IndexSource, b: IndexSource, nullsFirst: boolean) => {
    if (a.published === b.published) return 0;
    if (a.published === null) return nullsFirst ? -1 : 1;
    if (b.published === null) return nullsFirst ? 1 : -1;
    return b.published - a.published;
  };
  const idDesc = (a: IndexSource, b: IndexSource) => b.id - a.id;
  switch (sort) {
    case 'start':
      return (a, b) => (a.startFrom < b.startFrom ? -1 : a.startFrom > b.startFrom ? 1 : pubDesc(a, b, false) || idDesc(a, b));
    case 'expires':
      return (a, b) => {
        if (a.expiresOn !== b.expiresOn) {
          if (a.expiresOn === null) return 1;
          if (b.expiresOn === null) return -1;
          return a.expiresOn < b.expiresOn ? -1 : 1;
        }
        return pubDesc(a, b, false) || idDesc(a, b);
      };
    default:
      return (a, b) => pubDesc(a, b, true) || idDesc(a, b);
  }
}
const comparators = Object.fromEntries(SORTS.map((s) => [s, comparator(s)])) as Record<WishSortKey, (a: IndexSource, b: IndexSource) => number>;

/**
 * Every character and character bigram of every word of a search text, as search.ts gramsOf
 * (repeats included: the caller keeps one per sheet); without its sorting, which would dominate a
 * load of 100,000 sheets.
 */
export function eachGram(text: string, f: (g: string) => void): void {
  let prev = '';
  for (const c of text) {
    if (c === ' ') {
      prev = '';
      continue;
    }
    f(c);
    if (prev) f(prev + c);
    prev = c;
  }
}

// Range filters as posting lists too (candidates only: the exact condition is checked on each):
// every month from start.from to start.to, every period (1–60 months, the query's bounds) from the
// minimum to the maximum. A sheet whose months do not parse or span more than 20 years is listed
// under IRREGULAR instead, which a month query always adds.
const periodKey = (p: number) => `\u0000p:${p}`;
const monthKey = (m: string) => `\u0000m:${m}`;
const IRREGULAR = '\u0000m:*';
const YM = /^(\d{4})-(0[1-9]|1[0-2])$/;
const MAX_PERIOD = 60;
function rangeKeys(e: IndexSource): string[] {
  const out: string[] = [];
  for (let p = Math.max(1, e.periodMin); p <= Math.min(MAX_PERIOD, e.periodMax); p++) out.push(periodKey(p));
  const a = YM.exec(e.startFrom);
  const b = YM.exec(e.startTo);
  const from = a ? Number(a[1]) * 12 + Number(a[2]) - 1 : NaN;
  const to = b ? Number(b[1]) * 12 + Number(b[2]) - 1 : NaN;
  if (!(to - from <= 240)) {
    if (!(to < from)) out.push(IRREGULAR); // from > to: no month matches
    return out;
  }
  for (let x = from; x <= to; x++) out.push(monthKey(`${Math.floor(x / 12)}-${String((x % 12) + 1).padStart(2, '0')}`));
  return out;
}

const NO_KEYS: readonly string[] = [];
/** A date (YYYY-MM-DD) as YYYYMMDD, ordered like the date; 0 for none (before every day). */
function dayNumber(d: string | null): number {
  if (!d) return 0;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  return m ? Number(m[1]) * 10000 + Number(m[2]) * 100 + Number(m[3]) : 0;
}

/** A query word whose only gram is itself (one or two characters): its posting list is exactly the sheets containing it. */
const isOwnGram = (a: { text: string; grams: readonly string[] }) => a.grams.length === 1 && a.grams[0] === a.text;

/** Candidates above this many are walked in the sort's order rather than checked and sorted. */
const WALK_ABOVE = 4096;

/**
 * Builds the base's posting lists with little garbage: each sheet's keys are recorded once as key
 * numbers in one growing typed array, then every list is cut from one shared Int32Array of the
 * exact total size (instead of a growing number[] per key, which more than doubled the memory
 * needed while loading).
 */
class PostingsBuilder {
  private ordinals = new Map<string, number>();
  private names: string[] = [];
  private last: number[] = []; // per key: the last sheet it was recorded for (once per sheet)
  private count: number[] = [];
  private stream = new Int32Array(1 << 20); // key numbers, sheet after sheet
  private n = 0;
  private starts: Int32Array; // sheet → its first position in the stream
  private sheet = -1;
  constructor(sheets: number) {
    this.starts = new Int32Array(sheets + 1);
  }
  /** Starts recording the keys of sheet i (sheets in ascending order, each once). */
  begin(i: number): void {
    this.starts[i] = this.n;
    this.sheet = i;
  }
  add(key: string): void {
    let o = this.ordinals.get(key);
    if (o === undefined) {
      o = this.names.length;
      this.ordinals.set(key, o);
      this.names.push(key);
      this.last.push(-1);
      this.count.push(0);
    }
    if (this.last[o] === this.sheet) return;
    this.last[o] = this.sheet;
    this.count[o]!++;
    if (this.n === this.stream.length) {
      const grown = new Int32Array(this.stream.length * 2);
      grown.set(this.stream);
      this.stream = grown;
    }
    this.stream[this.n++] = o;
  }
  finish(): Map<string, Int32Array> {
    const sheets = this.sheet + 1;
    this.starts[sheets] = this.n;
    const all = new Int32Array(this.n);
    const pos = new Int32Array(this.names.length);
    for (let o = 0, at = 0; o < this.names.length; o++) {
      pos[o] = at;
      at += this.count[o]!;
    }
    const out = new Map<string, Int32Array>();
    for (let o = 0; o < this.names.length; o++) out.set(this.names[o]!, all.subarray(pos[o]!, pos[o]! + this.count[o]!));
    for (let i = 0; i < sheets; i++) for (let j = this.starts[i]!; j < this.starts[i + 1]!; j++) all[pos[this.stream[j]!]!++] = i;
    this.stream = new Int32Array(0);
    return out;
  }
}

/** An immutable base (posting lists, orders) with an overlay of entries appended since. */
export class Snapshot {
  entries: IndexSource[] = []; // by internal id
  dead: Uint8Array = new Uint8Array(0);
  expiry: Int32Array = new Int32Array(0); // expires_on as YYYYMMDD (0: none, never listed)
  byId = new Map<number, number>(); // sheet id → live internal id
  grams = new Map<string, Int32Array>();
  keys = new Map<string, Int32Array>();
  orders = {} as Record<WishSortKey, Int32Array>;
  ranks = {} as Record<WishSortKey, Int32Array>; // internal id (base) → position in orders
  baseSize = 0;
  // overlay: entries appended after the base was built
  extraGrams = new Map<string, number[]>();
  extraKeys = new Map<string, number[]>();
  extraOrders: Partial<Record<WishSortKey, number[]>> = {};
  private stamp = new Int32Array(0);
  private arena = new Arena(); // one query's intermediate lists (queries are synchronous)
  private generation = 0;

  /** Builds the base; yields to the event loop every few thousand sheets (a build takes seconds). */
  static async build(sources: readonly IndexSource[]): Promise<Snapshot> {
    const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
    const s = new Snapshot();
    const live = sources.filter((x) => x.status === 'published').sort((a, b) => a.id - b.id);
    s.entries = live;
    s.baseSize = live.length;
    s.dead = new Uint8Array(Math.max(16, live.length * 2));
    s.expiry = new Int32Array(s.dead.length);
    const grams = new PostingsBuilder(live.length);
    const keys = new PostingsBuilder(live.length);
    const addGram = (g: string) => grams.add(g);
    for (let i = 0; i < live.length; i++) {
      const e = live[i]!;
      if (i % 2000 === 1999) await pause();
      s.byId.set(e.id, i);
      grams.begin(i);
      keys.begin(i);
      eachGram(e.searchText, addGram);
      for (const k of e.facetKeys) keys.add(k);
      for (const k of rangeKeys(e)) keys.add(k);
      s.expiry[i] = dayNumber(e.expiresOn);
      e.facetKeys = NO_KEYS; // in the posting lists now (exact: candidates need no second check)
    }
    await pause();
    s.grams = grams.finish();
    s.keys = keys.finish();
    for (const sort of SORTS) {
      await pause();
      const cmp = comparators[sort];
      const order = Int32Array.from(live.keys()).sort((a, b) => cmp(live[a]!, live[b]!));
      const rank = new Int32Array(live.length);
      for (let r = 0; r < order.length; r++) rank[order[r]!] = r;
      s.orders[sort] = order;
      s.ranks[sort] = rank;
    }
    return s;
  }

  get overlaySize(): number {
    return this.entries.length - this.baseSize;
  }

  /** Replaces a sheet's entry (or removes it when it is no longer published). */
  apply(sheetId: number, source: IndexSource | null): void {
    const old = this.byId.get(sheetId);
    if (old !== undefined) {
      this.dead[old] = 1;
      this.byId.delete(sheetId);
    }
    if (!source || source.status !== 'published') return;
    const i = this.entries.length;
    this.entries.push(source);
    if (this.dead.length <= i) {
      const grown = new Uint8Array(this.dead.length * 2);
      grown.set(this.dead);
      this.dead = grown;
      const expiry = new Int32Array(grown.length);
      expiry.set(this.expiry);
      this.expiry = expiry;
    }
    this.expiry[i] = dayNumber(source.expiresOn);
    this.byId.set(sheetId, i);
    const push = (m: Map<string, number[]>, k: string) => {
      const l = m.get(k);
      if (l) l.push(i);
      else m.set(k, [i]);
    };
    eachGram(source.searchText, (g) => {
      const l = this.extraGrams.get(g);
      if (!l) this.extraGrams.set(g, [i]);
      else if (l[l.length - 1] !== i) l.push(i);
    });
    for (const k of new Set(source.facetKeys)) push(this.extraKeys, k);
    for (const k of rangeKeys(source)) push(this.extraKeys, k);
    source.facetKeys = NO_KEYS;
    this.extraOrders = {};
  }

  private gramList(g: string): Posting {
    return concat(this.grams.get(g), this.extraGrams.get(g), this.arena);
  }

  private keyList(k: string): Posting {
    return concat(this.keys.get(k), this.extraKeys.get(k), this.arena);
  }

  /** The overlay's live entries in the sort's order. */
  private extraOrder(sort: WishSortKey): number[] {
    let o = this.extraOrders[sort];
    if (!o) {
      const cmp = comparators[sort];
      o = [];
      for (let i = this.baseSize; i < this.entries.length; i++) if (!this.dead[i]) o.push(i);
      o.sort((a, b) => cmp(this.entries[a]!, this.entries[b]!));
      this.extraOrders[sort] = o;
    }
    return o;
  }

  query(q: IndexQuery, today: string, sort: WishSortKey, page: number, pageSize: number, cap: number): IndexResult {
    // Candidates: the intersection of one posting list per required key and per term (its rarest
    // gram; a term with a reading: the union over its alternatives).
    const arena = this.arena;
    arena.reset();
    const lists: Posting[] = [];
    for (const k of new Set(q.keys)) lists.push(this.keyList(k));
    if (q.period !== undefined && q.period >= 1 && q.period <= MAX_PERIOD) lists.push(this.keyList(periodKey(q.period)));
    if (q.startMonth) {
      const odd = this.keyList(IRREGULAR);
      lists.push(odd.length ? union([this.keyList(monthKey(q.startMonth)), odd], arena) : this.keyList(monthKey(q.startMonth)));
    }
    for (const t of q.terms) {
      const perAlt = t.alternatives.map((a) => {
        // A term of one or two characters is its own gram: its list is exact (no check, as in SQL).
        if (isOwnGram(a)) return this.gramList(a.text);
        let best: Posting | null = null;
        for (const g of a.grams) {
          const l = this.gramList(g);
          if (!best || l.length < best.length) best = l;
        }
        return best ?? [];
      });
      lists.push(perAlt.length === 1 ? perAlt[0]! : union(perAlt, arena));
    }
    const candidates = intersectAll(lists, arena);
    const entries = this.entries;
    const dead = this.dead;
    // Facet keys need no check: every key's posting list is in the intersection, and those lists
    // are exact. The period and month lists are too, except for irregular months: checked here.
    const expiry = this.expiry;
    const day = dayNumber(today);
    const ranges = q.period !== undefined || !!q.startMonth;
    // Only terms with an alternative longer than its gram need the substring check.
    const terms = q.terms.filter((t) => !t.alternatives.every(isOwnGram));
    const matches = (i: number): boolean => {
      if (dead[i] || expiry[i]! < day) return false;
      if (!ranges && !terms.length) return true;
      const e = entries[i]!;
      if (q.period !== undefined && (e.periodMin > q.period || e.periodMax < q.period)) return false;
      if (q.startMonth && (e.startFrom > q.startMonth || e.startTo < q.startMonth)) return false;
      for (const t of terms) if (!t.alternatives.some((a) => e.searchText.includes(a.text))) return false;
      return true;
    };
    const offset = (page - 1) * pageSize;
    const cmp = comparators[sort];

    if (candidates && candidates.length <= WALK_ABOVE) {
      if (!candidates.length || candidates[candidates.length - 1]! < this.baseSize) {
        // All in the base: sort their positions in the sort's order (a numeric sort), then check
        // them in that order only until the page is filled and the count passes the cap.
        const rank = this.ranks[sort];
        const order = this.orders[sort];
        const rs = arena.take(candidates.length);
        for (let j = 0; j < candidates.length; j++) rs[j] = rank[candidates[j]!]!;
        rs.sort();
        const items: PublicWishItem[] = [];
        let n = 0;
        for (let j = 0; j < rs.length; j++) {
          const i = order[rs[j]!]!;
          if (!matches(i)) continue;
          if (n >= offset && n < offset + pageSize) items.push(JSON.parse(entries[i]!.item) as PublicWishItem);
          n++;
          if (n > cap && n >= offset + pageSize) break;
        }
        return n > cap ? { items, total: cap, capped: true } : { items, total: n, capped: false };
      }
      const found: number[] = [];
      for (let i = 0; i < candidates.length; i++) if (matches(candidates[i]!)) found.push(candidates[i]!);
      const page = found.sort((a, b) => cmp(entries[a]!, entries[b]!)).slice(offset, offset + pageSize);
      const items = page.map((i) => JSON.parse(entries[i]!.item) as PublicWishItem);
      return found.length > cap ? { items, total: cap, capped: true } : { items, total: found.length, capped: false };
    }

    // Walk in the sort's order (the base order merged with the overlay's), counting up to cap + 1.
    let member: ((i: number) => boolean) | null = null;
    if (candidates) {
      if (this.stamp.length < entries.length) this.stamp = new Int32Array(dead.length);
      const gen = ++this.generation;
      const stamp = this.stamp;
      for (let i = 0; i < candidates.length; i++) stamp[candidates[i]!] = gen;
      member = (i) => stamp[i] === gen;
    }
    const base = this.orders[sort];
    const extra = this.extraOrder(sort);
    const items: PublicWishItem[] = [];
    let n = 0;
    let bi = 0;
    let xi = 0;
    while (bi < base.length || xi < extra.length) {
      let i: number;
      if (xi >= extra.length || (bi < base.length && cmp(entries[base[bi]!]!, entries[extra[xi]!]!) <= 0)) i = base[bi++]!;
      else i = extra[xi++]!;
      if ((member && !member(i)) || !matches(i)) continue;
      if (n >= offset && n < offset + pageSize) items.push(JSON.parse(entries[i]!.item) as PublicWishItem);
      n++;
      if (n > cap && n >= offset + pageSize) break;
    }
    return n > cap ? { items, total: cap, capped: true } : { items, total: n, capped: false };
  }
}

export function createPublicIndex(feed: PublicIndexFeed, opts: PublicIndexOptions = {}) {
  const pageSize = opts.pageSize ?? 5000;
  const resyncMs = opts.resyncMs ?? 30 * 60_000;
  const WINDOW = opts.window ?? 256;
  const FEED_LIMIT = 5000; // more changes than this at once: rebuild instead
  const overlayLimit = opts.overlayLimit ?? 5000;
  const now = opts.now ?? Date.now;
  type State = { snap: Snapshot; hwm: number; seen: Set<number>; loadedAt: number };
  let state: State | null = null;
  let loading: Promise<void> | null = null;
  let inflight: Promise<void> | null = null;
  let queued: Promise<void> | null = null;
  let lastLoadMs: number | null = null;

  async function load(): Promise<State> {
    const t0 = performance.now();
    // The mark is read first: a sheet saved during the load is both loaded and replayed (idempotent).
    const hwm = await feed.latestVersionId();
    const seen = new Set((await feed.versionsAfter(Math.max(0, hwm - WINDOW), WINDOW * 4)).filter((v) => v.id <= hwm).map((v) => v.id));
    const sources: IndexSource[] = [];
    for (let after = 0; ; ) {
      const rows = await feed.page(after, pageSize);
      for (const r of rows) sources.push(r);
      if (rows.length < pageSize) break;
      after = rows[rows.length - 1]!.id;
    }
    const next = { snap: await Snapshot.build(sources), hwm, seen, loadedAt: now() };
    lastLoadMs = performance.now() - t0;
    return next;
  }

  /** Applies the versions not yet seen; false when too much changed (the caller rebuilds). */
  async function applyFeed(s: State): Promise<boolean> {
    const versions = await feed.versionsAfter(Math.max(0, s.hwm - WINDOW), FEED_LIMIT);
    const fresh = versions.filter((v) => !s.seen.has(v.id));
    if (!fresh.length) return true;
    if (versions.length >= FEED_LIMIT) return false;
    const ids = [...new Set(fresh.map((v) => v.sheetId))];
    const rows = new Map((await feed.rows(ids)).map((r) => [r.id, r]));
    for (const id of ids) s.snap.apply(id, rows.get(id) ?? null);
    for (const v of fresh) {
      s.seen.add(v.id);
      if (v.id > s.hwm) s.hwm = v.id;
    }
    for (const id of s.seen) if (id <= s.hwm - WINDOW) s.seen.delete(id);
    return true;
  }

  /** Loads a fresh index in the background and swaps it in (one at a time). */
  function rebuildInBackground(): Promise<void> {
    loading ??= load()
      .then(async (fresh) => {
        if (await applyFeed(fresh)) state = fresh;
      })
      // The listing keeps answering from SQL; the failure is reported, never swallowed.
      .catch((e) => (opts.onError ?? ((err: unknown) => console.warn('[koryu] public wish index: load failed, listing answers from SQL:', err)))(e))
      .finally(() => {
        loading = null;
      });
    return loading;
  }

  async function refresh(): Promise<void> {
    const s = state;
    if (!s) return;
    if (!(await applyFeed(s))) rebuildInBackground();
    if (s.snap.overlaySize > overlayLimit || (resyncMs > 0 && now() - s.loadedAt > resyncMs)) rebuildInBackground();
  }

  /** Catches up with the feed; a request arriving while a catch-up runs waits for the next one. */
  function catchUp(): Promise<void> {
    if (!inflight) {
      inflight = refresh().finally(() => {
        inflight = null;
      });
      return inflight;
    }
    // The waiters' catch-up starts once the one in flight has settled, whether it succeeded or
    // failed: chained on success only, a failed catch-up (e.g. no pool connection within its
    // timeout) left `queued` rejected for good, and every later request that arrived while another
    // catch-up ran was refused at once (seen under bench/mixed-load.ts: 99% of listings 503).
    const next = () => {
      queued = null;
      return catchUp();
    };
    queued ??= inflight.then(next, next);
    return queued;
  }

  return {
    /** Loads (if needed) and waits until loaded (tests, warm-up). */
    async loaded(): Promise<void> {
      if (!state) await rebuildInBackground();
      if (!state) throw new Error('public index failed to load');
    },
    /** Answers a query from the index, brought up to date with the change feed; null while not loaded. */
    async query(q: IndexQuery, today: string, sort: WishSortKey, page: number, size: number, cap: number): Promise<IndexResult | null> {
      if (!state) {
        rebuildInBackground();
        return null;
      }
      await catchUp();
      return state.snap.query(q, today, sort, page, size, cap);
    },
    stats() {
      return { loaded: state !== null, sheets: state?.snap.byId.size ?? 0, overlay: state?.snap.overlaySize ?? 0, lastLoadMs };
    },
    /** Drops everything (tests; a restore of the database). */
    reset(): void {
      state = null;
    },
  };
}

export type PublicIndex = ReturnType<typeof createPublicIndex>;
