// Pure rules of wish sheets (交流希望シート): the listing columns and search text derived from a
// sheet, its effective status (expired after 掲載期限), the lifecycle transitions, and the labels the
// public listing shows. No HTTP, no SQL. The service, the demo data and bench/load-wish-sheets.ts
// all derive rows through `deriveRow`, so the stored search text is the same everywhere.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AGE_BANDS,
  FIELDS_OF_WORK,
  JSIC_MAJOR_GROUPS,
  POSITION_LEVELS,
  type CodeLabel,
  type WishDirection,
  type WishEffectiveStatus,
  type WishSheetInput,
  type WishStatus,
} from '../../../../common/src/schemas/wishes.schema.ts';
import { loadParameters, type ParameterSet } from '../criteria/parameters.ts';
import { gramsOf, searchTextOf, type SearchDictionary, defaultDictionary } from './search/search.ts';

// ---------------------------------------------------------------- reference labels

const referenceDir = join(dirname(fileURLToPath(import.meta.url)), '../../db/reference');
type RefRow = { code: string; name_ja: string; name_en: string };
type PrefRow = RefRow & { region_ja: string; region_en: string };
const readRef = <T>(file: string): T => JSON.parse(readFileSync(join(referenceDir, file), 'utf8')) as T;

let refCache: { industries: Map<string, CodeLabel>; prefectures: Map<string, CodeLabel & { regionJa: string; regionEn: string }> } | undefined;
export function referenceLabels() {
  if (!refCache) {
    const ind = readRef<{ rows: RefRow[] }>('industries.json').rows;
    const pref = readRef<{ rows: PrefRow[] }>('prefectures.json').rows;
    refCache = {
      industries: new Map(ind.map((r) => [r.code, { code: r.code, ja: r.name_ja, en: r.name_en }])),
      prefectures: new Map(pref.map((r) => [r.code, { code: r.code, ja: r.name_ja, en: r.name_en, regionJa: r.region_ja, regionEn: r.region_en }])),
    };
  }
  return refCache;
}

export const industryLabel = (code: string): CodeLabel => referenceLabels().industries.get(code) ?? { code, ja: code, en: code };
export const prefectureLabel = (code: string | null): CodeLabel | null => {
  if (!code) return null;
  const p = referenceLabels().prefectures.get(code);
  return p ? { code, ja: p.ja, en: p.en } : { code, ja: code, en: code };
};

/**
 * The prefecture codes a `region` filter stands for: a prefecture code ('13'), or a region's
 * English or Japanese name ('Kanto', 'kanto', '関東'). null: not a known region or prefecture.
 */
export function prefecturesOfRegion(region: string): string[] | null {
  const r = region.trim();
  const prefs = referenceLabels().prefectures;
  if (/^\d{2}$/.test(r)) return prefs.has(r) ? [r] : null;
  const key = r.normalize('NFKC').toLowerCase();
  const codes = [...prefs.values()].filter((p) => p.regionEn.toLowerCase() === key || p.regionJa === r || p.en.toLowerCase() === key || p.ja === r).map((p) => p.code);
  return codes.length ? codes : null;
}

/**
 * The facet key a `region` filter stands for (see facetKeysOf): 'r:<region>' for a region's
 * English or Japanese name ('Kanto', '関東'), 'p:<code>' for a prefecture ('13', 'Osaka', '大阪府').
 * null: unknown.
 */
export function regionKey(region: string): string | null {
  const r = region.trim();
  const key = r.normalize('NFKC').toLowerCase();
  const prefs = [...referenceLabels().prefectures.values()];
  const inRegion = prefs.find((p) => p.regionEn.toLowerCase() === key || p.regionJa === r);
  if (inRegion) return `r:${inRegion.regionEn.toLowerCase()}`;
  const pref = prefs.find((p) => p.code === r || p.en.toLowerCase() === key || p.ja === r);
  return pref ? `p:${pref.code}` : null;
}

// ---------------------------------------------------------------- derived row

/** The owner's names (searchable) and, for a ministry sheet, its organisation code (facet key). */
export type OwnerNames = { nameJa: string; nameEn: string; organisationCode?: string | null };
export type DerivedRow = {
  kind: WishSheetInput['kind'];
  direction: WishDirection;
  title: string;
  industryCodes: string[];
  fieldCodes: string[];
  ageBands: string[];
  prefectureCode: string | null;
  periodMinMonths: number;
  periodMaxMonths: number;
  startFrom: string;
  startTo: string;
  expiresOn: string | null;
  searchText: string;
  searchGrams: string[];
  facetKeys: string[];
};

const uniq = <T>(xs: Iterable<T>): T[] => [...new Set(xs)];
const fieldLabels = new Map<string, { ja: string; en: string }>(FIELDS_OF_WORK.map((f) => [f.code, f]));
const ageLabels = new Map<string, { ja: string; en: string }>(AGE_BANDS.map((a) => [a.code, a]));
const levelLabels = new Map<string, { ja: string; en: string }>(POSITION_LEVELS.map((p) => [p.code, p]));
const labelsOf = (m: Map<string, { ja: string; en: string }>, codes: readonly (string | null)[]) =>
  codes.flatMap((c) => {
    const l = c ? m.get(c) : undefined;
    return l ? [l.ja, l.en] : [];
  });

export function directionOf(s: WishSheetInput): WishDirection {
  if (s.kind === 'ministry_dispatch') return 'dispatch';
  if (s.kind === 'ministry_hire') return 'hire';
  if (s.hosts.length && s.sends.length) return 'both';
  return s.hosts.length ? 'dispatch' : 'hire';
}

export function fieldCodesOf(s: WishSheetInput): string[] {
  if (s.kind !== 'company') return uniq(s.fields);
  return uniq([...s.hosts.flatMap((h) => h.fields), ...s.sends.flatMap((p) => p.fields)]);
}

export function ageBandsOf(s: WishSheetInput): string[] {
  if (s.kind !== 'company') return uniq(s.ageBands);
  return uniq([...s.hosts.flatMap((h) => h.ageBands), ...s.sends.flatMap((p) => (p.ageBand ? [p.ageBand] : []))]);
}

/** The age bands a sheet is open to: all of them when it names none (or one place or person is open to any). */
export function acceptedAgeBandsOf(s: WishSheetInput): string[] {
  const all = AGE_BANDS.map((a) => a.code);
  if (s.kind !== 'company') return s.ageBands.length ? uniq(s.ageBands) : all;
  const open = s.hosts.some((h) => h.ageBands.length === 0) || s.sends.some((p) => p.ageBand === null);
  const named = ageBandsOf(s);
  return open || named.length === 0 ? all : named;
}

export function industryCodesOf(s: WishSheetInput): string[] {
  if (s.kind !== 'company') return uniq(s.industries);
  return s.industryCode ? [s.industryCode] : [];
}

/** The words a sheet is found by: its text, the labels of its codes (ja and en) and its owner's names. */
export function searchPartsOf(s: WishSheetInput, owner: OwnerNames, wantedMinistryNames: readonly string[] = []): string[] {
  const parts: string[] = [s.title, owner.nameJa, owner.nameEn];
  parts.push(...labelsOf(fieldLabels, fieldCodesOf(s)), ...labelsOf(ageLabels, ageBandsOf(s)));
  for (const c of industryCodesOf(s)) parts.push(industryLabel(c).ja, industryLabel(c).en);
  if (s.kind === 'company') {
    const p = prefectureLabel(s.prefectureCode);
    if (p) parts.push(p.ja, p.en);
    for (const h of s.hosts) parts.push(h.place, h.duties, ...h.skills);
    for (const p2 of s.sends) parts.push(...p2.skills, ...labelsOf(levelLabels, [p2.positionLevel]));
    parts.push(...wantedMinistryNames);
  } else {
    parts.push(...s.skills, ...labelsOf(levelLabels, s.positionLevels));
    if (s.kind === 'ministry_hire') parts.push(s.post, s.duties, s.experience);
  }
  parts.push(s.notes);
  return parts.filter((p) => p && p.trim() !== '').map(maskContacts);
}

/**
 * Facet keys: the listing's code filters as one containment test (ADR 008). Stored twice: with the
 * grams in search_grams (one GIN scan for text and filters) and alone in facet_keys (checked row by
 * row in ordered scans). Each key has 3+ characters, so it never equals a gram (1–2 characters).
 * s: side, d: direction ('both' gives both), i: industry (a ministry sheet naming none gets all),
 * o: ministry, p: prefecture, r: region, f: field of work, a: age band (open sheets get all).
 */
export function facetKeysOf(s: WishSheetInput, organisationCode: string | null | undefined): string[] {
  const keys: string[] = [`s:${s.kind === 'company' ? 'company' : 'ministry'}`];
  const dir = directionOf(s);
  if (dir !== 'hire') keys.push('d:dispatch');
  if (dir !== 'dispatch') keys.push('d:hire');
  const industries = industryCodesOf(s);
  const openIndustry = s.kind !== 'company' && industries.length === 0;
  for (const c of openIndustry ? JSIC_MAJOR_GROUPS : industries) keys.push(`i:${c}`);
  if (s.kind !== 'company' && organisationCode) keys.push(`o:${organisationCode}`);
  if (s.kind === 'company' && s.prefectureCode) {
    keys.push(`p:${s.prefectureCode}`);
    const p = referenceLabels().prefectures.get(s.prefectureCode);
    if (p) keys.push(`r:${p.regionEn.toLowerCase()}`);
  }
  for (const f of fieldCodesOf(s)) keys.push(`f:${f}`);
  for (const a of acceptedAgeBandsOf(s)) keys.push(`a:${a}`);
  return keys;
}

export function deriveRow(s: WishSheetInput, owner: OwnerNames, wantedMinistryNames: readonly string[] = [], dict: SearchDictionary = defaultDictionary()): DerivedRow {
  const searchText = searchTextOf(searchPartsOf(s, owner, wantedMinistryNames), dict);
  const facets = facetKeysOf(s, owner.organisationCode);
  return {
    kind: s.kind,
    direction: directionOf(s),
    title: s.title,
    industryCodes: industryCodesOf(s),
    fieldCodes: fieldCodesOf(s),
    ageBands: ageBandsOf(s),
    prefectureCode: s.kind === 'company' ? s.prefectureCode : null,
    periodMinMonths: s.periodMonths.min,
    periodMaxMonths: s.periodMonths.max,
    startFrom: s.start.from,
    startTo: s.start.to,
    expiresOn: s.expiresOn,
    searchText,
    searchGrams: [...gramsOf(searchText), ...facets],
    facetKeys: facets,
  };
}

/** A short text for the listing: the first place or duties, else the notes, cut at ~160 characters. */
export function summaryOf(s: WishSheetInput, max = 160): string {
  const source =
    s.kind === 'ministry_hire'
      ? `${s.post}：${s.duties}`
      : s.kind === 'company'
        ? s.hosts.length
          ? s.hosts.map((h) => (h.duties ? `${h.place}：${h.duties}` : h.place)).join(' / ')
          : s.notes
        : s.notes;
  const flat = (source || s.notes).replace(/\s+/g, ' ').trim();
  const cs = Array.from(flat);
  return cs.length > max ? `${cs.slice(0, max - 1).join('')}…` : flat;
}

// ---------------------------------------------------------------- contacts kept off the public pages

// Free text is published as typed, so e-mail addresses and phone numbers written into it are
// masked on the public pages (and kept out of the search text). Names cannot be recognised
// reliably: the form asks not to write them (contacts go through the single contact window).
const emailRe = /[\p{L}\p{N}._%+\-．]+\s*[@＠]\s*[\p{L}\p{N}.\-．]+[.．][\p{L}]{2,}/gu;
const phoneRe = /(?<![0-9０-９])[(（]?(?:\+81[-\s]?|[0０])[0-9０-９]{1,4}[-−‐－ー\s(（)）]{0,2}[0-9０-９]{1,4}[-−‐－ー\s)）]{0,2}[0-9０-９]{3,4}/gu;
export const MASKED_EMAIL = '［メールアドレス非公開］';
export const MASKED_PHONE = '［電話番号非公開］';

const mayHoldContact = /[@＠]|[0-9０-９][^0-9０-９]{0,2}[0-9０-９][^0-9０-９]{0,2}[0-9０-９]/u;

export function maskContacts(text: string): string {
  // Most text has no '@' and no run of digits: skip the full patterns.
  if (!mayHoldContact.test(text)) return text;
  return text.replace(emailRe, MASKED_EMAIL).replace(phoneRe, MASKED_PHONE);
}

/** Every string in a value with contacts masked (the public view of a sheet). */
export function maskContactsDeep<T>(value: T): T {
  if (typeof value === 'string') return maskContacts(value) as T;
  if (Array.isArray(value)) return value.map(maskContactsDeep) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskContactsDeep(v)])) as T;
  return value;
}

// ---------------------------------------------------------------- lifecycle (下書き → 公開中 → 終了)

export type WishEvent = 'update' | 'publish' | 'close' | 'reopen';

/** The effective status: a published sheet whose expiry date is before today shows as expired. */
export function effectiveStatus(status: WishStatus, expiresOn: string | null, today: string): WishEffectiveStatus {
  if (status === 'published' && expiresOn !== null && expiresOn < today) return 'expired';
  return status;
}

/** The status after an event, or null when the event is not allowed from the effective status. */
export function nextWishStatus(current: WishEffectiveStatus, event: WishEvent): WishStatus | null {
  switch (event) {
    case 'update':
      return current === 'draft' ? 'draft' : current === 'published' ? 'published' : current === 'expired' ? 'published' : null;
    case 'publish':
      return current === 'draft' || current === 'expired' ? 'published' : null;
    case 'close':
      return current === 'draft' || current === 'published' || current === 'expired' ? 'closed' : null;
    case 'reopen':
      return current === 'closed' || current === 'expired' ? 'draft' : null;
  }
}

export const wishRefusals: Record<WishEvent, { ja: string; en: string }> = {
  update: { ja: '終了したシートは編集できません。下書きに戻してから編集してください。', en: 'A closed sheet cannot be edited. Reopen it as a draft first.' },
  publish: { ja: 'このシートは公開できる状態ではありません（公開中又は終了）。', en: 'This sheet cannot be published now (it is already published or closed).' },
  close: { ja: 'このシートは既に終了しています。', en: 'This sheet is already closed.' },
  reopen: { ja: '下書きに戻せるのは終了又は掲載期限切れのシートだけです。', en: 'Only a closed or expired sheet can be reopened as a draft.' },
};

// ---------------------------------------------------------------- listing period (parameter)

const listingDir = join(dirname(fileURLToPath(import.meta.url)), 'listing');
let listingCache: ParameterSet | undefined;
export const listingParameters = (): ParameterSet => (listingCache ??= loadParameters(listingDir));

/** The expiry given to a sheet published without one: today + the parameter's months (same day, clamped to month end). */
export function defaultExpiry(today: string, set: ParameterSet = listingParameters()): string {
  const months = set.resolve<{ defaultExpiryMonths: number }>('wishes.listing', today).value.defaultExpiryMonths;
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** 'WS-000123' from the row id. */
export const referenceOf = (id: number): string => `WS-${String(id).padStart(6, '0')}`;
