import { AGE_BANDS, FIELDS_OF_WORK, JSIC_MAJOR_GROUPS, type WishSort } from '../../../../common/src/schemas/wishes.schema.ts';
import type { Query } from '../../api.ts';

// The searches of the wish-sheet pages, kept in the URL so that a search can be shared or
// bookmarked: reading drops anything malformed (a hand-edited link never reaches the API as a
// 400), writing leaves out what is at its default. Filter meanings: publicWishQuerySchema.

export type WishFilters = {
  q: string;
  direction: '' | 'dispatch' | 'hire';
  side: '' | 'ministry' | 'company';
  industry: string; // JSIC letter
  ministry: string; // organisation code
  region: string; // a prefecture code ('13') or a region's English name ('Kanto')
  field: string;
  ageBand: string;
  period: string; // months, 1–60
  startMonth: string; // YYYY-MM
  sort: WishSort;
  page: number;
};

export const emptyWishFilters: WishFilters = {
  q: '',
  direction: '',
  side: '',
  industry: '',
  ministry: '',
  region: '',
  field: '',
  ageBand: '',
  period: '',
  startMonth: '',
  sort: 'newest',
  page: 1,
};

const FILTER_KEYS = ['q', 'direction', 'side', 'industry', 'ministry', 'region', 'field', 'ageBand', 'period', 'startMonth'] as const;

const oneOf = <T extends string>(v: string | null, allowed: readonly T[]): T | '' => (v !== null && (allowed as readonly string[]).includes(v) ? (v as T) : '');
const fieldCodes = FIELDS_OF_WORK.map((f) => f.code);
const ageCodes = AGE_BANDS.map((a) => a.code);

export function pageFrom(p: URLSearchParams): number {
  const n = Number(p.get('page') ?? '1');
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

/** A month count 1–60 as typed (full-width digits allowed), or ''. */
export function monthsParam(v: string | null): string {
  const s = (v ?? '').normalize('NFKC').trim();
  if (!/^\d{1,2}$/.test(s)) return '';
  const n = Number(s);
  return n >= 1 && n <= 60 ? String(n) : '';
}

/** YYYY-MM (also YYYY/M, full-width), or ''. */
export function monthParam(v: string | null): string {
  const m = /^(\d{4})[-/](\d{1,2})$/.exec((v ?? '').normalize('NFKC').trim());
  if (!m) return '';
  const mo = Number(m[2]);
  return mo >= 1 && mo <= 12 ? `${m[1]}-${String(mo).padStart(2, '0')}` : '';
}

/** The public listing's search from the URL. */
export function wishFiltersFrom(p: URLSearchParams): WishFilters {
  const region = (p.get('region') ?? '').trim();
  return {
    q: (p.get('q') ?? '').slice(0, 200),
    direction: oneOf(p.get('direction'), ['dispatch', 'hire'] as const),
    side: oneOf(p.get('side'), ['ministry', 'company'] as const),
    industry: oneOf(p.get('industry'), JSIC_MAJOR_GROUPS),
    ministry: /^[\w.-]{1,64}$/.test(p.get('ministry') ?? '') ? p.get('ministry')! : '',
    region: /^(\d{2}|[A-Za-z][A-Za-z -]{0,39})$/.test(region) ? region : '',
    field: oneOf(p.get('field'), fieldCodes),
    ageBand: oneOf(p.get('ageBand'), ageCodes),
    period: monthsParam(p.get('period')),
    startMonth: monthParam(p.get('startMonth')),
    sort: oneOf(p.get('sort'), ['newest', 'start', 'expires'] as const) || 'newest',
    page: pageFrom(p),
  };
}

/** The URL query of a search: set filters in a fixed order, the default sort and page 1 left out. */
export function wishParamsFrom(f: WishFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = k === 'q' ? f.q.trim() : f[k];
    if (v) p.set(k, v);
  }
  if (f.sort !== 'newest') p.set('sort', f.sort);
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}

/** What GET /api/public/wishes is sent (the same names; empty filters left out by withQuery). */
export function wishApiQuery(f: WishFilters): Query {
  const q: Query = { sort: f.sort, page: f.page };
  for (const k of FILTER_KEYS) q[k] = k === 'q' ? f.q.trim() : f[k];
  return q;
}

/** True when any filter (not the sort or page) is set. */
export const hasWishFilters = (f: WishFilters): boolean => FILTER_KEYS.some((k) => (k === 'q' ? f.q.trim() : f[k]) !== '');

// ---------------------------------------------------------------- region ↔ the two selects

type PrefectureRef = { code: string; regionEn: string };

/** The one `region` parameter as the two selects show it: a prefecture code selects its region too. */
export function regionChoice(region: string, prefectures: readonly PrefectureRef[]): { region: string; prefecture: string } {
  if (/^\d{2}$/.test(region)) {
    const pref = prefectures.find((p) => p.code === region);
    return { region: pref?.regionEn ?? '', prefecture: region };
  }
  return { region, prefecture: '' };
}

/** The two selects back to the one parameter: the prefecture when chosen, else the region. */
export const regionParam = (choice: { region: string; prefecture: string }): string => choice.prefecture || choice.region;

// ---------------------------------------------------------------- interested companies

export type InterestedFilters = {
  q: string;
  industry: string;
  region: string;
  direction: '' | 'dispatch' | 'hire';
  field: string;
  page: number;
};

const INTERESTED_KEYS = ['q', 'industry', 'region', 'direction', 'field'] as const;

export function interestedFiltersFrom(p: URLSearchParams): InterestedFilters {
  const w = wishFiltersFrom(p);
  return { q: w.q, industry: w.industry, region: w.region, direction: w.direction, field: w.field, page: pageFrom(p) };
}

export function interestedParamsFrom(f: InterestedFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of INTERESTED_KEYS) {
    const v = k === 'q' ? f.q.trim() : f[k];
    if (v) p.set(k, v);
  }
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}

export function interestedApiQuery(f: InterestedFilters): Query {
  const q: Query = { page: f.page };
  for (const k of INTERESTED_KEYS) q[k] = k === 'q' ? f.q.trim() : f[k];
  return q;
}

// ---------------------------------------------------------------- editor error paths

/**
 * The form field a server error path belongs to: the path itself when the form shows it, else its
 * nearest shown parent ('skills.3' → 'skills', 'hosts.0.skills.1' → 'hosts.0.skills'). A PUT's
 * paths carry the body's 'sheet.' prefix, which is dropped. Null when no shown field holds it.
 */
export function formFieldOf(path: string, shown: ReadonlySet<string>): string | null {
  let parts = path.split('.');
  if (parts[0] === 'sheet') parts = parts.slice(1);
  while (parts.length) {
    const p = parts.join('.');
    if (shown.has(p)) return p;
    parts = parts.slice(0, -1);
  }
  return null;
}

/** Free words typed in one box (skills): split on commas, 、 and line breaks, trimmed, each once. */
export function splitWords(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of text.split(/[,，、;；\n]/)) {
    const t = w.trim();
    if (t && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  }
  return out;
}
