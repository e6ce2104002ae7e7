// Matching suggestions (マッチング候補): a ministry's wish (交流派遣希望 / 交流採用希望) scored against
// companies' wish sheets (交流希望シート), and the reverse. Pure: no HTTP, no SQL.
//
// Five terms, each a value in [0, 1] or not applicable (null):
//   field   分野・業種   share of the wish's fields of work the sheet offers; averaged with the
//                        industry match when the wish names industries
//   skills  知識・技能   share of the wish's skills found on the sheet (after NFKC, case folding)
//   ageBand 年齢層       1 when the bands overlap, minus `ageBandStep` per band apart
//   period  期間         1 when the month ranges overlap, falling linearly to 0 at `periodMonths` apart
//   timing  開始時期     1 when the start windows overlap, falling linearly to 0 at `timingMonths` apart
// total = Σ weight·value / Σ weight over the applicable terms, rounded to 4 decimals.
// Pairs the criteria engine bars are kept, marked with the reason, and ranked after the others.
// Ties: higher score first, then the lower id (deterministic).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AGE_BANDS,
  FIELDS_OF_WORK,
  type AgeBand,
  type CompanySheet,
  type MinistryWish,
  type PeriodMonths,
  type StartWindow,
} from '../../../../common/src/schemas/wishes.schema.ts';
import { loadParameters, type ParameterSet, type ResolvedParameter } from '../criteria/parameters.ts';

export type Messages = { ja: string; en: string };
export type TermName = 'field' | 'skills' | 'ageBand' | 'period' | 'timing';
export const TERMS: readonly TermName[] = ['field', 'skills', 'ageBand', 'period', 'timing'];

export type SuggestWeights = Record<TermName, number>;
export type SuggestTolerances = { ageBandStep: number; periodMonths: number; timingMonths: number };
export type SuggestParams = { weights: SuggestWeights; tolerances: SuggestTolerances; used?: ResolvedParameter[] };

export type TermScore = {
  term: TermName;
  weight: number;
  value: number | null; // null: not applicable (left out of the total)
  message: Messages;
};
export type PairScore = { total: number; terms: TermScore[] };
export type Suggestion = { id: number; score: number; terms: TermScore[]; barred: Messages | null };
export type BarredMap = ReadonlyMap<number, Messages>;
export type RankOptions = { limit?: number }; // limit applies to the unbarred; barred pairs are always listed

// ---- parameters -------------------------------------------------------------------------------

export const wishParametersDir = join(dirname(fileURLToPath(import.meta.url)), 'parameters');
let cached: ParameterSet | undefined;
export const wishParameters = (): ParameterSet => (cached ??= loadParameters(wishParametersDir));

export function suggestParams(asOf: string, set: ParameterSet = wishParameters()): SuggestParams {
  const w = set.resolve<SuggestWeights>('suggest.weights', asOf);
  const t = set.resolve<SuggestTolerances>('suggest.tolerances', asOf);
  return { weights: w.value, tolerances: t.value, used: [w, t] };
}

// ---- helpers ----------------------------------------------------------------------------------

const ageIndex = new Map<string, number>(AGE_BANDS.map((a, i) => [a.code, i]));
const fieldLabel = new Map<string, { ja: string; en: string }>(FIELDS_OF_WORK.map((f) => [f.code, f]));
const ageLabel = new Map<string, { ja: string; en: string }>(AGE_BANDS.map((a) => [a.code, a]));

const normCache = new Map<string, string>();
export function normalizeSkill(s: string): string {
  let n = normCache.get(s);
  if (n === undefined) {
    n = s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
    if (normCache.size > 100_000) normCache.clear();
    normCache.set(s, n);
  }
  return n;
}

const monthIndex = (ym: string): number => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const rangeGap = (aMin: number, aMax: number, bMin: number, bMax: number): number => Math.max(0, aMin - bMax, bMin - aMax);
const linear = (gap: number, zeroAt: number): number => (gap <= 0 ? 1 : zeroAt <= 0 ? 0 : Math.max(0, 1 - gap / zeroAt));
const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;
const pct = (x: number): string => `${Math.round(x * 100)}%`;
const listJa = (xs: string[]): string => xs.join('、');
const listEn = (xs: string[]): string => xs.join(', ');

// What the company side offers for the wish's direction: hosting places for 交流派遣, people for 交流採用.
type Side = { fields: Set<string>; skills: Set<string>; ageBands: AgeBand[]; industry: string | null; count: number };

function companySide(wish: MinistryWish, sheet: CompanySheet): Side {
  const fields = new Set<string>();
  const skills = new Set<string>();
  const bands = new Set<AgeBand>();
  if (wish.kind === 'ministry_dispatch') {
    for (const h of sheet.hosts) {
      for (const f of h.fields) fields.add(f);
      for (const s of h.skills) skills.add(normalizeSkill(s));
      for (const a of h.ageBands) bands.add(a);
    }
    return { fields, skills, ageBands: [...bands], industry: sheet.industryCode, count: sheet.hosts.length };
  }
  for (const p of sheet.sends) {
    for (const f of p.fields) fields.add(f);
    for (const s of p.skills) skills.add(normalizeSkill(s));
    if (p.ageBand) bands.add(p.ageBand);
  }
  return { fields, skills, ageBands: [...bands], industry: sheet.industryCode, count: sheet.sends.length };
}

// ---- the terms (numbers only; sentences are built for the listed pairs) -----------------------

type Raw = {
  field: number;
  fieldMatched: string[];
  industryMatch: boolean | null; // null: the wish names no industry
  skills: number | null;
  skillsMatched: string[];
  ageBand: number | null;
  ageDistance: number;
  period: number;
  periodGap: number;
  timing: number;
  timingGap: number;
  sideCount: number;
};

function rawTerms(wish: MinistryWish, sheet: CompanySheet, t: SuggestTolerances): Raw {
  const side = companySide(wish, sheet);
  const fieldMatched = wish.fields.filter((f) => side.fields.has(f));
  const coverage = wish.fields.length === 0 ? 0 : fieldMatched.length / wish.fields.length;
  const industryMatch = wish.industries.length === 0 ? null : side.industry !== null && (wish.industries as string[]).includes(side.industry);
  const field = industryMatch === null ? coverage : (coverage + (industryMatch ? 1 : 0)) / 2;

  let skills: number | null = null;
  const skillsMatched: string[] = [];
  if (wish.skills.length > 0) {
    for (const s of wish.skills) if (side.skills.has(normalizeSkill(s))) skillsMatched.push(s);
    skills = skillsMatched.length / wish.skills.length;
  }

  let ageBand: number | null = null;
  let ageDistance = 0;
  if (wish.ageBands.length > 0 && side.ageBands.length > 0) {
    ageDistance = Infinity;
    for (const a of wish.ageBands) for (const b of side.ageBands) ageDistance = Math.min(ageDistance, Math.abs(ageIndex.get(a)! - ageIndex.get(b)!));
    ageBand = Math.max(0, 1 - ageDistance * t.ageBandStep);
  }

  const periodGap = rangeGap(wish.periodMonths.min, wish.periodMonths.max, sheet.periodMonths.min, sheet.periodMonths.max);
  const timingGap = rangeGap(monthIndex(wish.start.from), monthIndex(wish.start.to), monthIndex(sheet.start.from), monthIndex(sheet.start.to));
  return {
    field,
    fieldMatched,
    industryMatch,
    skills,
    skillsMatched,
    ageBand,
    ageDistance,
    period: linear(periodGap, t.periodMonths),
    periodGap,
    timing: linear(timingGap, t.timingMonths),
    timingGap,
    sideCount: side.count,
  };
}

function combine(field: number, skills: number | null, ageBand: number | null, period: number, timing: number, w: SuggestWeights): number {
  let num = w.field * field + w.period * period + w.timing * timing;
  let den = w.field + w.period + w.timing;
  if (skills !== null) (num += w.skills * skills), (den += w.skills);
  if (ageBand !== null) (num += w.ageBand * ageBand), (den += w.ageBand);
  return den > 0 ? round4(num / den) : 0;
}
const total = (r: Raw, w: SuggestWeights): number => combine(r.field, r.skills, r.ageBand, r.period, r.timing, w);

// The ranking hot path: the wish prepared once as bit masks, each sheet scored with no allocation
// beyond the skill lookups. Must give exactly `total(rawTerms(...))` (the tests check it).
const fieldBit = new Map<string, number>(FIELDS_OF_WORK.map((f, i) => [f.code, 1 << i]));
const monthCache = new Map<string, number>();
const monthOf = (ym: string): number => {
  let m = monthCache.get(ym);
  if (m === undefined) {
    m = monthIndex(ym);
    if (monthCache.size > 10_000) monthCache.clear();
    monthCache.set(ym, m);
  }
  return m;
};
const popcount = (x: number): number => {
  let c = 0;
  for (let v = x >>> 0; v; v &= v - 1) c++;
  return c;
};
const ageBit = (a: string): number => 1 << ageIndex.get(a)!;
function bandDistance(a: number, b: number): number {
  if (a & b) return 0;
  let best = Infinity;
  for (let i = 0; i < AGE_BANDS.length; i++) if (a & (1 << i)) for (let j = 0; j < AGE_BANDS.length; j++) if (b & (1 << j)) best = Math.min(best, Math.abs(i - j));
  return best;
}

function prepare(wish: MinistryWish, p: SuggestParams): (sheet: CompanySheet) => number {
  const { weights: w, tolerances: t } = p;
  const dispatch = wish.kind === 'ministry_dispatch';
  let wishFields = 0;
  for (const f of wish.fields) wishFields |= fieldBit.get(f)!;
  const nFields = popcount(wishFields); // duplicates in the wish count once here …
  const fieldDen = wish.fields.length; // … but rawTerms divides by the listed count: keep that
  const industries = wish.industries.length === 0 ? null : new Set<string>(wish.industries);
  const skillBit = new Map<string, number>();
  wish.skills.forEach((s, i) => {
    const k = normalizeSkill(s);
    skillBit.set(k, (skillBit.get(k) ?? 0) | (2 ** i));
  });
  const nSkills = wish.skills.length;
  const rawSkill = new Map<string, number>(); // the sheet's raw word → bits, so each distinct word is normalised once
  const skillOf = (raw: string): number => {
    let b = rawSkill.get(raw);
    if (b === undefined) {
      b = skillBit.get(normalizeSkill(raw)) ?? 0;
      if (rawSkill.size < 100_000) rawSkill.set(raw, b);
    }
    return b;
  };
  let wishBands = 0;
  for (const a of wish.ageBands) wishBands |= ageBit(a);
  const wMin = wish.periodMonths.min;
  const wMax = wish.periodMonths.max;
  const sFrom = monthIndex(wish.start.from);
  const sTo = monthIndex(wish.start.to);
  const countFields = (mask: number): number => {
    if (nFields === fieldDen) return popcount(wishFields & mask);
    let c = 0;
    for (const f of wish.fields) if (mask & fieldBit.get(f)!) c++;
    return c;
  };
  return (sheet) => {
    let fields = 0;
    let skills = 0; // bits of the wish's skills found (as a number: up to 30 skills, 2**i)
    let bands = 0;
    if (dispatch) {
      for (const h of sheet.hosts) {
        for (const f of h.fields) fields |= fieldBit.get(f)!;
        if (nSkills) for (const s of h.skills) skills |= skillOf(s);
        for (const a of h.ageBands) bands |= ageBit(a);
      }
    } else {
      for (const q of sheet.sends) {
        for (const f of q.fields) fields |= fieldBit.get(f)!;
        if (nSkills) for (const s of q.skills) skills |= skillOf(s);
        if (q.ageBand) bands |= ageBit(q.ageBand);
      }
    }
    const coverage = fieldDen === 0 ? 0 : countFields(fields) / fieldDen;
    const field =
      industries === null ? coverage : (coverage + (sheet.industryCode !== null && industries.has(sheet.industryCode) ? 1 : 0)) / 2;
    let skillsValue: number | null = null;
    if (nSkills) {
      let found = 0;
      for (let i = 0; i < nSkills; i++) if (skills & (2 ** i)) found++;
      skillsValue = found / nSkills;
    }
    const ageValue = wishBands && bands ? Math.max(0, 1 - bandDistance(wishBands, bands) * t.ageBandStep) : null;
    const period = linear(rangeGap(wMin, wMax, sheet.periodMonths.min, sheet.periodMonths.max), t.periodMonths);
    const timing = linear(rangeGap(sFrom, sTo, monthOf(sheet.start.from), monthOf(sheet.start.to)), t.timingMonths);
    return combine(field, skillsValue, ageValue, period, timing, w);
  };
}

const periodText = (p: PeriodMonths): Messages =>
  p.min === p.max ? { ja: `${p.min}か月`, en: `${p.min} months` } : { ja: `${p.min}〜${p.max}か月`, en: `${p.min}–${p.max} months` };
const windowText = (w: StartWindow): Messages =>
  w.from === w.to ? { ja: w.from, en: w.from } : { ja: `${w.from}〜${w.to}`, en: `${w.from} to ${w.to}` };

function explain(wish: MinistryWish, sheet: CompanySheet, r: Raw, w: SuggestWeights): TermScore[] {
  const hire = wish.kind === 'ministry_hire';
  const fj = r.fieldMatched.map((f) => fieldLabel.get(f)?.ja ?? f);
  const fe = r.fieldMatched.map((f) => fieldLabel.get(f)?.en ?? f);
  let field: Messages =
    r.sideCount === 0
      ? hire
        ? { ja: 'このシートには送り出す人材の記載がありません。', en: 'This sheet lists no people the company would send.' }
        : { ja: 'このシートには受入れ可能な部署の記載がありません。', en: 'This sheet lists no places that could host an official.' }
      : r.fieldMatched.length === 0
        ? { ja: `希望分野${wish.fields.length}件のいずれも一致しません。`, en: `None of the ${wish.fields.length} wished fields of work match.` }
        : {
            ja: `希望分野${wish.fields.length}件のうち${r.fieldMatched.length}件が一致（${listJa(fj)}）。`,
            en: `${r.fieldMatched.length} of ${wish.fields.length} wished fields of work match (${listEn(fe)}).`,
          };
  if (r.industryMatch !== null) {
    field = r.industryMatch
      ? { ja: `${field.ja}業種（${sheet.industryCode}）も希望どおり。`, en: `${field.en} The industry (${sheet.industryCode}) is one wished for.` }
      : {
          ja: `${field.ja}業種（${sheet.industryCode ?? '未記入'}）は希望外。`,
          en: `${field.en} The industry (${sheet.industryCode ?? 'not given'}) is not one wished for.`,
        };
  }

  const skills: Messages =
    r.skills === null
      ? { ja: '希望する知識・技能の指定がないため評価しません。', en: 'The wish names no skills, so this term is left out.' }
      : r.skillsMatched.length === 0
        ? { ja: `希望する知識・技能${wish.skills.length}件のいずれも記載がありません。`, en: `None of the ${wish.skills.length} wished skills appear on the sheet.` }
        : {
            ja: `希望する知識・技能${wish.skills.length}件のうち${r.skillsMatched.length}件が一致（${listJa(r.skillsMatched)}）。`,
            en: `${r.skillsMatched.length} of ${wish.skills.length} wished skills appear (${listEn(r.skillsMatched)}).`,
          };

  const bandsJa = wish.ageBands.map((a) => ageLabel.get(a)?.ja ?? a);
  const bandsEn = wish.ageBands.map((a) => ageLabel.get(a)?.en ?? a);
  const ageBand: Messages =
    r.ageBand === null
      ? { ja: '年齢層の指定がない（いずれか一方）ため評価しません。', en: 'An age band is not given on one side, so this term is left out.' }
      : r.ageDistance === 0
        ? { ja: `年齢層（${listJa(bandsJa)}）が一致。`, en: `The age band (${listEn(bandsEn)}) matches.` }
        : {
            ja: `年齢層が希望（${listJa(bandsJa)}）から${r.ageDistance}区分離れています。`,
            en: `The age band is ${r.ageDistance} band${r.ageDistance === 1 ? '' : 's'} away from the wish (${listEn(bandsEn)}).`,
          };

  const wp = periodText(wish.periodMonths);
  const sp = periodText(sheet.periodMonths);
  const period: Messages =
    r.periodGap === 0
      ? { ja: `期間（希望${wp.ja}、シート${sp.ja}）が重なります。`, en: `The periods overlap (wish ${wp.en}, sheet ${sp.en}).` }
      : {
          ja: `期間が${r.periodGap}か月離れています（希望${wp.ja}、シート${sp.ja}）。`,
          en: `The periods are ${r.periodGap} months apart (wish ${wp.en}, sheet ${sp.en}).`,
        };

  const ww = windowText(wish.start);
  const sw = windowText(sheet.start);
  const timing: Messages =
    r.timingGap === 0
      ? { ja: `開始時期（希望${ww.ja}、シート${sw.ja}）が重なります。`, en: `The start windows overlap (wish ${ww.en}, sheet ${sw.en}).` }
      : {
          ja: `開始時期が${r.timingGap}か月離れています（希望${ww.ja}、シート${sw.ja}）。`,
          en: `The start windows are ${r.timingGap} months apart (wish ${ww.en}, sheet ${sw.en}).`,
        };

  const term = (name: TermName, value: number | null, message: Messages): TermScore => ({
    term: name,
    weight: w[name],
    value: value === null ? null : round4(value),
    message: value === null ? message : { ja: `${message.ja}（${pct(value)}）`, en: `${message.en} (${pct(value)})` },
  });
  return [
    term('field', r.field, field),
    term('skills', r.skills, skills),
    term('ageBand', r.ageBand, ageBand),
    term('period', r.period, period),
    term('timing', r.timing, timing),
  ];
}

// ---- public API -------------------------------------------------------------------------------

export function scorePair(ministryWish: MinistryWish, companySheet: CompanySheet, params: SuggestParams): PairScore {
  const r = rawTerms(ministryWish, companySheet, params.tolerances);
  return { total: total(r, params.weights), terms: explain(ministryWish, companySheet, r, params.weights) };
}

function rank<T extends { id: number }>(
  items: readonly T[],
  score: (item: T) => number,
  explainAt: (item: T) => TermScore[],
  barred: BarredMap | undefined,
  opts: RankOptions,
): Suggestion[] {
  const n = items.length;
  const scores = new Float64Array(n);
  const ids = new Float64Array(n);
  const open: number[] = [];
  const shut: number[] = [];
  for (let i = 0; i < n; i++) {
    const it = items[i]!;
    scores[i] = score(it);
    ids[i] = it.id;
    (barred !== undefined && barred.has(it.id) ? shut : open).push(i);
  }
  // Higher score first, then the lower id: a total order, so the result is independent of input order.
  const order = (a: number, b: number): number => scores[b]! - scores[a]! || ids[a]! - ids[b]!;
  const limit = Math.max(0, opts.limit ?? Infinity);
  let top: number[];
  if (limit < open.length && limit <= 1000) {
    // Keep the best `limit` in a small sorted buffer: O(n log k) instead of sorting everything.
    top = [];
    for (const i of open) {
      if (top.length === limit && order(i, top[limit - 1]!) >= 0) continue;
      let lo = 0;
      let hi = top.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (order(top[mid]!, i) <= 0) lo = mid + 1;
        else hi = mid;
      }
      top.splice(lo, 0, i);
      if (top.length > limit) top.pop();
    }
  } else top = open.sort(order).slice(0, limit === Infinity ? undefined : limit);
  shut.sort(order);
  const out: Suggestion[] = [];
  for (const i of top) out.push({ id: ids[i]!, score: scores[i]!, terms: explainAt(items[i]!), barred: null });
  for (const i of shut) out.push({ id: ids[i]!, score: scores[i]!, terms: explainAt(items[i]!), barred: barred!.get(ids[i]!)! });
  return out;
}

/** A ministry's wish → company sheets, best first; barred pairs last, with their reason. */
export function rankSuggestions(
  wish: MinistryWish,
  sheets: readonly (CompanySheet & { id: number })[],
  params: SuggestParams,
  barred?: BarredMap,
  opts: RankOptions = {},
): Suggestion[] {
  const score = prepare(wish, params);
  return rank(
    sheets,
    score,
    (s) => explain(wish, s, rawTerms(wish, s, params.tolerances), params.weights),
    barred,
    opts,
  );
}

/** The reverse: a company sheet → ministries' wishes, best first; barred is keyed by wish id. */
export function rankWishesForSheet(
  sheet: CompanySheet,
  wishes: readonly (MinistryWish & { id: number })[],
  params: SuggestParams,
  barred?: BarredMap,
  opts: RankOptions = {},
): Suggestion[] {
  return rank(
    wishes,
    (w) => total(rawTerms(w, sheet, params.tolerances), params.weights),
    (w) => explain(w, sheet, rawTerms(w, sheet, params.tolerances), params.weights),
    barred,
    opts,
  );
}

