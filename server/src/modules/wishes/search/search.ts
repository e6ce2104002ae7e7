// Public wish search (交流希望シートの検索): pure functions shared by the repository, the demo data
// and the benchmark loader, so stored text and queries are folded the same way (ADR 008).
//
// Stored:  search_text  = fold(every searchable part) + ' ' + the readings of known words in it
//          search_grams = the distinct characters and character bigrams of each word of search_text
// Query:   every whitespace-separated term must match; a term matches when, for one of its
//          alternatives (the term, and its reading when the dictionary has the term),
//          search_grams @> grams(alternative) and search_text LIKE '%alternative%'.
// fold = NFKC (full/half width), lower case, hiragana → katakana (normalizeForSearch), then variant
// kanji (髙 → 高) and dash-like characters from the dictionary (readings.json, kept as data).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeForSearch } from '../../../../../common/src/text.ts';

export type RawDictionary = { variants: Record<string, string>; readings: Record<string, string> };
export type SearchDictionary = {
  variants: ReadonlyMap<string, string>;
  variantRe: RegExp | null;
  /** folded word → folded reading (katakana), longest words first */
  readings: ReadonlyArray<readonly [string, string]>;
  readingOf: ReadonlyMap<string, string>;
};

/** Compiles a dictionary: keys and readings are folded like everything else. */
export function compileDictionary(raw: RawDictionary): SearchDictionary {
  const variants = new Map<string, string>();
  for (const [from, to] of Object.entries(raw.variants)) {
    const f = normalizeForSearch(from);
    // NFKC may already fold the character (then there is nothing to add).
    if ([...f].length === 1 && f !== to) variants.set(f, normalizeForSearch(to));
  }
  const chars = [...variants.keys()].map((c) => c.replace(/[\\\]^-]/g, (x) => `\\${x}`));
  const variantRe = chars.length ? new RegExp(`[${chars.join('')}]`, 'gu') : null;
  const foldVariants = (s: string) => (variantRe ? s.replace(variantRe, (c) => variants.get(c) ?? c) : s);
  const readingOf = new Map<string, string>();
  for (const [word, reading] of Object.entries(raw.readings)) {
    const w = foldVariants(normalizeForSearch(word));
    const r = foldVariants(normalizeForSearch(reading));
    if (w && r && w !== r && !readingOf.has(w)) readingOf.set(w, r);
  }
  const readings = [...readingOf.entries()].sort((a, b) => b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1));
  return { variants, variantRe, readings, readingOf };
}

const here = dirname(fileURLToPath(import.meta.url));
let cached: SearchDictionary | undefined;
export const defaultDictionary = (): SearchDictionary =>
  (cached ??= compileDictionary(JSON.parse(readFileSync(join(here, 'readings.json'), 'utf8')) as RawDictionary));

/** The search form of a text: NFKC, lower case, katakana, variant kanji folded, single spaces. */
export function fold(s: string, dict: SearchDictionary = defaultDictionary()): string {
  const n = normalizeForSearch(s);
  return dict.variantRe ? n.replace(dict.variantRe, (c) => dict.variants.get(c) ?? c) : n;
}

/** search_text: the folded parts, then the readings of the dictionary words they contain. */
export function searchTextOf(parts: readonly (string | null | undefined)[], dict: SearchDictionary = defaultDictionary()): string {
  const base = parts
    .map((p) => (p ? fold(p, dict) : ''))
    .filter((p) => p !== '')
    .join(' ');
  const extra: string[] = [];
  for (const [word, reading] of dict.readings) if (base.includes(word) && !extra.includes(reading)) extra.push(reading);
  return extra.length ? `${base} ${extra.join(' ')}` : base;
}

/** The grams of one word: its characters when it has one, else its distinct bigrams. */
export function wordGrams(word: string): string[] {
  const cs = Array.from(word);
  if (cs.length <= 1) return cs;
  const out = new Set<string>();
  for (let i = 0; i + 1 < cs.length; i++) out.add(cs[i]! + cs[i + 1]!);
  return [...out].sort();
}

/** search_grams: every distinct character and bigram of every word (so 1-character terms can use the index too). */
export function gramsOf(searchText: string): string[] {
  const out = new Set<string>();
  for (const word of searchText.split(' ')) {
    const cs = Array.from(word);
    for (let i = 0; i < cs.length; i++) {
      out.add(cs[i]!);
      if (i + 1 < cs.length) out.add(cs[i]! + cs[i + 1]!);
    }
  }
  return [...out].sort();
}

export type TermAlternative = { text: string; grams: string[] };
export type QueryTerm = { term: string; alternatives: TermAlternative[] };

export const MAX_TERMS = 8;

/** The query's terms (folded, distinct, at most MAX_TERMS), each with its alternatives. Empty: no text filter. */
export function queryTerms(q: string | undefined | null, dict: SearchDictionary = defaultDictionary()): QueryTerm[] {
  if (!q) return [];
  const terms = [...new Set(fold(q, dict).split(' ').filter((t) => t !== ''))];
  // A term contained in another term adds nothing (both must match anyway).
  const kept = terms.filter((t) => !terms.some((o) => o !== t && o.includes(t))).slice(0, MAX_TERMS);
  return kept.map((term) => {
    const texts = [term];
    const reading = dict.readingOf.get(term);
    if (reading && reading !== term) texts.push(reading);
    return { term, alternatives: texts.map((text) => ({ text, grams: wordGrams(text) })) };
  });
}

/** What the SQL does, in memory (tests and the bench's sanity check). */
export function matchesQuery(searchText: string, grams: ReadonlySet<string>, terms: readonly QueryTerm[]): boolean {
  return terms.every((t) => t.alternatives.some((a) => a.grams.every((g) => grams.has(g)) && searchText.includes(a.text)));
}
