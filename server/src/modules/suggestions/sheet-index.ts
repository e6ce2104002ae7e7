// An in-process index of the published wish sheets, in the compact form the scoring needs.
//
// Why: ranking one wish against 100,000 sheets must take ≤ 200 ms (issue 5). Scoring them takes
// ~85 ms; reading and parsing 100,000 sheet bodies from the database on each request takes
// several times the whole budget. So the sheets are loaded once and kept current through the
// change feed of `wish_sheet_versions` (the wishes module adds a version on every save: create,
// update, publish, close, reopen): each request asks for the versions above the last one seen — a
// primary-key range scan of a few rows — and reloads only the sheets they name.
//
// Versions are numbered when inserted but become visible when their transaction commits, so a
// lower number can appear after a higher one. The feed is therefore re-read from a window below
// the high-water mark and every version id seen in that window is remembered: a late one is still
// applied. As a further guard (rows written without a version, e.g. by a bulk loader) the whole
// index is rebuilt in the background every `resyncMs` (default 10 minutes) and swapped in when done.
// Expiry is a date, not an event: callers filter on `expiresOn` against today.
//
// The scoring columns (fast-score.ts) of all sheets are built once (the base); a saved sheet then
// marks its old rows dead (their expiry set to 0, which no day passes) and goes into a small
// overlay rebuilt on each change, so an edit costs a few rows, not a rebuild of 100,000. Past
// `overlayLimit` changed sheets the base is rebuilt.
import {
  AGE_BANDS,
  FIELDS_OF_WORK,
  JSIC_MAJOR_GROUPS,
  type AgeBand,
  type CompanySheet,
  type FieldOfWork,
  type IndustryCode,
  type MinistryWish,
} from '../../../../common/src/schemas/wishes.schema.ts';
import type { IndexRow, SuggestionsRepository } from './suggestions.repository.ts';
import { buildTables, type CompanyTable, type Tables, type WishTable } from './fast-score.ts';

export type IndexedCompanySheet = CompanySheet & { id: number; companyId: number; expiresOn: string | null };
export type IndexedMinistryWish = MinistryWish & { id: number; organisationId: number; expiresOn: string | null };

export type TableKey = 'hosts' | 'sends' | 'dispatch' | 'hire';
/** Parts of each table: the base, then the overlay of sheets saved since the base was built. */
export type TableParts = { hosts: CompanyTable[]; sends: CompanyTable[]; dispatch: WishTable[]; hire: WishTable[] };

export type SheetIndexSnapshot = {
  size: number;
  get(id: number): IndexedCompanySheet | IndexedMinistryWish | undefined;
  /** The scoring columns (fast-score.ts): base and overlay parts of each table. */
  tables(): TableParts;
  /** The companies with an open (unexpired on `today`) sheet in a company table, memoised per day. */
  openCompanies(side: 'hosts' | 'sends', today: number): Set<number>;
};

export type SheetIndexOptions = {
  pageSize?: number; // rows per page of the full load
  resyncMs?: number; // full rebuild in the background after this long (0: never)
  window?: number; // version ids re-read below the high-water mark
  overlayLimit?: number; // saved sheets kept in the overlay before the base is rebuilt
  now?: () => number;
};

const FIELDS = new Set<string>(FIELDS_OF_WORK.map((f) => f.code));
const BANDS = new Set<string>(AGE_BANDS.map((a) => a.code));
const INDUSTRIES = new Set<string>(JSIC_MAJOR_GROUPS);
const YM = /^\d{4}-(0[1-9]|1[0-2])$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const codes = <T extends string>(v: unknown, known: Set<string>): T[] => strings(v).filter((x) => known.has(x)) as T[];
function period(v: unknown): { min: number; max: number } | null {
  if (!isObj(v) || typeof v.min !== 'number' || typeof v.max !== 'number' || v.min > v.max) return null;
  return { min: v.min, max: v.max };
}
function window(v: unknown): { from: string; to: string } | null {
  if (!isObj(v) || typeof v.from !== 'string' || typeof v.to !== 'string' || !YM.test(v.from) || !YM.test(v.to) || v.from > v.to) return null;
  return { from: v.from, to: v.to };
}

/** The scoring view of a stored row (text the scores never read is left out); null when unusable. */
export function compactSheet(row: IndexRow): IndexedCompanySheet | IndexedMinistryWish | null {
  const b = row.body;
  if (!isObj(b)) return null;
  const periodMonths = period(b.periodMonths);
  const start = window(b.start);
  if (!periodMonths || !start) return null;
  const common = { title: '', status: 'published' as const, expiresOn: row.expiresOn, periodMonths, start, notes: '' };
  if (row.kind === 'company') {
    if (row.companyId == null) return null;
    const industry = typeof b.industryCode === 'string' && INDUSTRIES.has(b.industryCode) ? (b.industryCode as IndustryCode) : null;
    return {
      ...common,
      id: row.id,
      kind: 'company',
      companyId: row.companyId,
      industryCode: industry,
      prefectureCode: null,
      hosts: (Array.isArray(b.hosts) ? b.hosts.filter(isObj) : []).map((h) => ({
        place: '',
        duties: '',
        fields: codes<FieldOfWork>(h.fields, FIELDS),
        skills: strings(h.skills),
        ageBands: codes<AgeBand>(h.ageBands, BANDS),
      })),
      sends: (Array.isArray(b.sends) ? b.sends.filter(isObj) : []).map((p) => ({
        fields: codes<FieldOfWork>(p.fields, FIELDS),
        skills: strings(p.skills),
        ageBand: typeof p.ageBand === 'string' && BANDS.has(p.ageBand) ? (p.ageBand as AgeBand) : null,
        positionLevel: null,
      })),
      wantedMinistries: [],
    };
  }
  if (row.organisationId == null || (row.kind !== 'ministry_dispatch' && row.kind !== 'ministry_hire')) return null;
  const wish = {
    ...common,
    id: row.id,
    organisationId: row.organisationId,
    organisationCode: typeof b.organisationCode === 'string' ? b.organisationCode : '',
    fields: codes<FieldOfWork>(b.fields, FIELDS),
    industries: codes<IndustryCode>(b.industries, INDUSTRIES),
    skills: strings(b.skills),
    ageBands: codes<AgeBand>(b.ageBands, BANDS),
    positionLevels: [],
    headcount: typeof b.headcount === 'number' ? b.headcount : 1,
  };
  return row.kind === 'ministry_dispatch'
    ? { ...wish, kind: 'ministry_dispatch' }
    : { ...wish, kind: 'ministry_hire', post: '', duties: '', experience: '' };
}

type Base = { tables: Tables; rowsOf: Map<number, [TableKey, number][]> };

type State = {
  sheets: Map<number, IndexedCompanySheet | IndexedMinistryWish>;
  hwm: number;
  seen: Set<number>;
  loadedAt: number;
  base: Base | null;
  overlay: Set<number>; // sheets saved since the base was built (their base rows are dead)
  snapshot: SheetIndexSnapshot | null;
};

/** The four tables' inputs from a set of sheets, in id order. */
function split(sheets: Iterable<IndexedCompanySheet | IndexedMinistryWish>) {
  const companyHosts: IndexedCompanySheet[] = [];
  const companySends: IndexedCompanySheet[] = [];
  const dispatchWishes: IndexedMinistryWish[] = [];
  const hireWishes: IndexedMinistryWish[] = [];
  for (const x of [...sheets].sort((a, b) => a.id - b.id)) {
    if (x.kind === 'company') {
      if (x.hosts.length) companyHosts.push(x);
      if (x.sends.length) companySends.push(x);
    } else if (x.kind === 'ministry_dispatch') dispatchWishes.push(x);
    else hireWishes.push(x);
  }
  return { companyHosts, companySends, dispatchWishes, hireWishes };
}

function buildBase(sheets: Map<number, IndexedCompanySheet | IndexedMinistryWish>): Base {
  const tables = buildTables(split(sheets.values()));
  const rowsOf = new Map<number, [TableKey, number][]>();
  for (const key of ['hosts', 'sends', 'dispatch', 'hire'] as const) {
    const t = tables[key];
    for (let i = 0; i < t.n; i++) {
      const id = t.ids[i]!;
      const list = rowsOf.get(id);
      if (list) list.push([key, i]);
      else rowsOf.set(id, [[key, i]]);
    }
  }
  return { tables, rowsOf };
}

export function createSheetIndex(repo: SuggestionsRepository, opts: SheetIndexOptions = {}) {
  const pageSize = opts.pageSize ?? 5000;
  const resyncMs = opts.resyncMs ?? 30 * 60_000;
  const WINDOW = opts.window ?? 256;
  const FEED_LIMIT = 5000; // more changes than this at once: reload instead
  const overlayLimit = opts.overlayLimit ?? 2000;
  const now = opts.now ?? Date.now;
  let state: State | null = null;
  let refreshing: Promise<void> | null = null;
  let rebuilding: Promise<void> | null = null;

  async function load(): Promise<State> {
    // The mark is read first: a sheet saved during the load is both loaded and replayed (idempotent).
    const hwm = await repo.latestVersionId();
    const seen = new Set((await repo.versionsAfter(Math.max(0, hwm - WINDOW), WINDOW * 4)).filter((v) => v.id <= hwm).map((v) => v.id));
    const sheets = new Map<number, IndexedCompanySheet | IndexedMinistryWish>();
    for (let after = 0; ; ) {
      const page = await repo.publishedPage(after, pageSize);
      for (const row of page) {
        const c = compactSheet(row);
        if (c) sheets.set(row.id, c);
      }
      if (page.length < pageSize) break;
      after = page[page.length - 1]!.id;
    }
    return { sheets, hwm, seen, loadedAt: now(), base: null, overlay: new Set(), snapshot: null };
  }

  /** `s` with the feed applied, or a fresh load when too much changed at once. */
  async function applyFeed(s: State): Promise<State> {
    const versions = await repo.versionsAfter(Math.max(0, s.hwm - WINDOW), FEED_LIMIT);
    const fresh = versions.filter((v) => !s.seen.has(v.id));
    if (!fresh.length) return s;
    if (versions.length >= FEED_LIMIT) return load();
    const ids = [...new Set(fresh.map((v) => v.sheetId))];
    const rows = new Map((await repo.sheetsByIds(ids)).map((r) => [r.id, r]));
    for (const id of ids) {
      const row = rows.get(id);
      const c = row && row.status === 'published' ? compactSheet(row) : null;
      if (c) s.sheets.set(id, c);
      else s.sheets.delete(id);
      // Its rows in the base die (no day passes expiry 0); its current version, if any, is in the overlay.
      for (const [key, r] of s.base?.rowsOf.get(id) ?? []) s.base!.tables[key].expires[r] = 0;
      s.overlay.add(id);
    }
    if (s.overlay.size > overlayLimit) {
      s.base = null;
      s.overlay.clear();
    }
    for (const v of fresh) {
      s.seen.add(v.id);
      if (v.id > s.hwm) s.hwm = v.id;
    }
    for (const id of s.seen) if (id <= s.hwm - WINDOW) s.seen.delete(id);
    s.snapshot = null;
    return s;
  }

  function snapshotOf(s: State): SheetIndexSnapshot {
    if (s.snapshot) return s.snapshot;
    const byId = s.sheets;
    let parts: TableParts | undefined;
    const companies = new Map<string, Set<number>>();
    const snapshot: SheetIndexSnapshot = {
      size: byId.size,
      get: (id) => byId.get(id),
      tables: () => {
        if (parts) return parts;
        if (!s.base) {
          s.base = buildBase(byId);
          s.overlay.clear();
        }
        const base = s.base.tables;
        const extra = s.overlay.size ? buildTables(split([...s.overlay].map((id) => byId.get(id)).filter((x) => x !== undefined))) : null;
        const both = <T extends CompanyTable | WishTable>(a: T, b: T | undefined): T[] => (b && b.n ? [a, b] : [a]);
        parts = { hosts: both(base.hosts, extra?.hosts), sends: both(base.sends, extra?.sends), dispatch: both(base.dispatch, extra?.dispatch), hire: both(base.hire, extra?.hire) };
        return parts;
      },
      openCompanies(side, today) {
        const key = `${side}|${today}`;
        let set = companies.get(key);
        if (!set) {
          set = new Set<number>();
          for (const t of snapshot.tables()[side]) for (let i = 0; i < t.n; i++) if (t.expires[i]! >= today) set.add(t.companyIds[i]!);
          companies.clear();
          companies.set(key, set);
        }
        return set;
      },
    };
    s.snapshot = snapshot;
    return snapshot;
  }

  return {
    /** The index brought up to date with the change feed (loaded on first use). */
    async current(): Promise<SheetIndexSnapshot> {
      if (!refreshing) {
        refreshing = (async () => {
          state = state ? await applyFeed(state) : await load();
        })().finally(() => {
          refreshing = null;
        });
      }
      await refreshing;
      if (resyncMs > 0 && !rebuilding && now() - state!.loadedAt > resyncMs) {
        rebuilding = load()
          .then(async (fresh) => {
            const next = await applyFeed(fresh);
            next.base ??= buildBase(next.sheets);
            state = next;
          })
          .catch(() => {})
          .finally(() => {
            rebuilding = null;
          });
      }
      return snapshotOf(state!);
    },
    /** Drops everything (tests; a restore of the database). */
    reset(): void {
      state = null;
    },
  };
}

export type SheetIndex = ReturnType<typeof createSheetIndex>;
