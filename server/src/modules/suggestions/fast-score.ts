// The ranking hot path over the sheet index: every sheet's scoring features (fields, age bands,
// skills, industry, period and start months) are computed once when the index is built, as
// columns of typed arrays, so scoring one wish against 100,000 sheets is integer work with no
// allocation and no string handling per sheet. Only the listed pairs are explained afterwards with
// wishes/suggest.ts' scorePair, whose total this must equal exactly: the same arithmetic, in the
// same order (fast-score.test.ts checks it on seeded random pairs, both directions).
import { AGE_BANDS, FIELDS_OF_WORK, JSIC_MAJOR_GROUPS } from '../../../../common/src/schemas/wishes.schema.ts';
import { normalizeSkill, type SuggestParams } from '../wishes/suggest.ts';
import type { IndexedCompanySheet, IndexedMinistryWish } from './sheet-index.ts';

const fieldBit = new Map<string, number>(FIELDS_OF_WORK.map((f, i) => [f.code, 1 << i]));
const bandIndex = new Map<string, number>(AGE_BANDS.map((a, i) => [a.code, i]));
const industryIndex = new Map<string, number>(JSIC_MAJOR_GROUPS.map((c, i) => [c, i]));
const NO_EXPIRY = 99_999_999;

/** Skills are compared after NFKC and case folding; each distinct normalised word gets a number. */
const skillIds = new Map<string, number>();
const skillId = (raw: string): number => {
  const k = normalizeSkill(raw);
  let id = skillIds.get(k);
  if (id === undefined) skillIds.set(k, (id = skillIds.size));
  return id;
};

// Age bands as bit masks (4 bands: 16 masks); the distance of two masks as suggest.ts defines it.
const BANDS = AGE_BANDS.length;
const bandDistance = new Float64Array(1 << (2 * BANDS));
for (let a = 0; a < 1 << BANDS; a++) {
  for (let b = 0; b < 1 << BANDS; b++) {
    let best = Infinity;
    if (a & b) best = 0;
    else for (let i = 0; i < BANDS; i++) if (a & (1 << i)) for (let j = 0; j < BANDS; j++) if (b & (1 << j)) best = Math.min(best, Math.abs(i - j));
    bandDistance[(a << BANDS) | b] = best;
  }
}

const monthOf = (ym: string): number => Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1;
const dayNumber = (iso: string | null): number => (iso === null ? NO_EXPIRY : Number(iso.slice(0, 4)) * 10_000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10)));
export const todayNumber = dayNumber;

const popcount = (x: number): number => {
  let c = 0;
  for (let v = x >>> 0; v; v &= v - 1) c++;
  return c;
};
const rangeGap = (aMin: number, aMax: number, bMin: number, bMax: number): number => Math.max(0, aMin - bMax, bMin - aMax);
const linear = (gap: number, zeroAt: number): number => (gap <= 0 ? 1 : zeroAt <= 0 ? 0 : Math.max(0, 1 - gap / zeroAt));
const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;
function combine(field: number, skills: number | null, ageBand: number | null, period: number, timing: number, w: SuggestParams['weights']): number {
  let num = w.field * field + w.period * period + w.timing * timing;
  let den = w.field + w.period + w.timing;
  if (skills !== null) (num += w.skills * skills), (den += w.skills);
  if (ageBand !== null) (num += w.ageBand * ageBand), (den += w.ageBand);
  return den > 0 ? round4(num / den) : 0;
}

// ---- company sheets: one table per side (places to host, people to send) -----------------------

export type CompanyTable = {
  n: number;
  ids: Float64Array;
  companyIds: Float64Array;
  expires: Int32Array; // yyyymmdd, or NO_EXPIRY
  fields: Int32Array; // bit mask of the side's fields
  bands: Int32Array; // bit mask of the side's age bands
  industry: Int8Array; // JSIC index, -1: none
  pMin: Int16Array;
  pMax: Int16Array;
  sFrom: Int32Array;
  sTo: Int32Array;
  skillFrom: Int32Array; // the side's distinct skill ids are skills[skillFrom[i] .. skillFrom[i+1])
  skills: Int32Array;
};

export function companyTable(sheets: readonly IndexedCompanySheet[], side: 'hosts' | 'sends'): CompanyTable {
  const n = sheets.length;
  const t: CompanyTable = {
    n,
    ids: new Float64Array(n),
    companyIds: new Float64Array(n),
    expires: new Int32Array(n),
    fields: new Int32Array(n),
    bands: new Int32Array(n),
    industry: new Int8Array(n),
    pMin: new Int16Array(n),
    pMax: new Int16Array(n),
    sFrom: new Int32Array(n),
    sTo: new Int32Array(n),
    skillFrom: new Int32Array(n + 1),
    skills: new Int32Array(0),
  };
  const skills: number[] = [];
  sheets.forEach((s, i) => {
    t.ids[i] = s.id;
    t.companyIds[i] = s.companyId;
    t.expires[i] = dayNumber(s.expiresOn);
    t.industry[i] = s.industryCode === null ? -1 : (industryIndex.get(s.industryCode) ?? -1);
    t.pMin[i] = s.periodMonths.min;
    t.pMax[i] = s.periodMonths.max;
    t.sFrom[i] = monthOf(s.start.from);
    t.sTo[i] = monthOf(s.start.to);
    let fields = 0;
    let bands = 0;
    const mine = new Set<number>();
    if (side === 'hosts') {
      for (const h of s.hosts) {
        for (const f of h.fields) fields |= fieldBit.get(f)!;
        for (const k of h.skills) mine.add(skillId(k));
        for (const a of h.ageBands) bands |= 1 << bandIndex.get(a)!;
      }
    } else {
      for (const p of s.sends) {
        for (const f of p.fields) fields |= fieldBit.get(f)!;
        for (const k of p.skills) mine.add(skillId(k));
        if (p.ageBand) bands |= 1 << bandIndex.get(p.ageBand)!;
      }
    }
    t.fields[i] = fields;
    t.bands[i] = bands;
    t.skillFrom[i] = skills.length;
    for (const k of mine) skills.push(k);
  });
  t.skillFrom[n] = skills.length;
  t.skills = Int32Array.from(skills);
  return t;
}

// ---- ministry wishes ----------------------------------------------------------------------------

type WishFeatures = {
  fields: number; // bit mask
  fieldList: number[]; // one bit per listed field, duplicates kept (the coverage divides by the listed count)
  industries: number; // bit mask; 0 with `anyIndustry`
  anyIndustry: boolean; // the wish names no industry
  skills: number[]; // skill id per listed skill, duplicates kept
  bands: number;
  pMin: number;
  pMax: number;
  sFrom: number;
  sTo: number;
};

function wishFeatures(w: Pick<IndexedMinistryWish, 'fields' | 'industries' | 'skills' | 'ageBands' | 'periodMonths' | 'start'>): WishFeatures {
  let fields = 0;
  for (const f of w.fields) fields |= fieldBit.get(f)!;
  let industries = 0;
  for (const c of w.industries) industries |= 1 << industryIndex.get(c)!;
  let bands = 0;
  for (const a of w.ageBands) bands |= 1 << bandIndex.get(a)!;
  return {
    fields,
    fieldList: w.fields.map((f) => fieldBit.get(f)!),
    industries,
    anyIndustry: w.industries.length === 0,
    skills: w.skills.map(skillId),
    bands,
    pMin: w.periodMonths.min,
    pMax: w.periodMonths.max,
    sFrom: monthOf(w.start.from),
    sTo: monthOf(w.start.to),
  };
}

export type WishTable = {
  n: number;
  ids: Float64Array;
  organisationIds: Float64Array;
  expires: Int32Array;
  features: WishFeatures[];
  /** The distinct (start window's first month, shortest period) of the wishes, and each row's: what the criteria's planned exchange depends on. */
  windows: { from: string; min: number }[];
  window: Int32Array;
};

function wishTable(wishes: readonly IndexedMinistryWish[]): WishTable {
  const n = wishes.length;
  const t: WishTable = { n, ids: new Float64Array(n), organisationIds: new Float64Array(n), expires: new Int32Array(n), features: new Array<WishFeatures>(n), windows: [], window: new Int32Array(n) };
  const windowIndex = new Map<string, number>();
  wishes.forEach((w, i) => {
    const key = `${w.start.from}|${w.periodMonths.min}`;
    let k = windowIndex.get(key);
    if (k === undefined) {
      windowIndex.set(key, (k = t.windows.length));
      t.windows.push({ from: w.start.from, min: w.periodMonths.min });
    }
    t.window[i] = k;
    t.ids[i] = w.id;
    t.organisationIds[i] = w.organisationId;
    t.expires[i] = dayNumber(w.expiresOn);
    t.features[i] = wishFeatures(w);
  });
  return t;
}

export type Tables = { hosts: CompanyTable; sends: CompanyTable; dispatch: WishTable; hire: WishTable };

export function buildTables(x: { companyHosts: readonly IndexedCompanySheet[]; companySends: readonly IndexedCompanySheet[]; dispatchWishes: readonly IndexedMinistryWish[]; hireWishes: readonly IndexedMinistryWish[] }): Tables {
  return { hosts: companyTable(x.companyHosts, 'hosts'), sends: companyTable(x.companySends, 'sends'), dispatch: wishTable(x.dispatchWishes), hire: wishTable(x.hireWishes) };
}

// ---- scoring --------------------------------------------------------------------------------------

/**
 * One wish against every open company sheet of a table: score per row, NaN for rows left out
 * (expired before `today`, or the row `skipId`).
 */
export function scoreWishAgainst(wish: IndexedMinistryWish, table: CompanyTable, p: SuggestParams, today: number, skipId = -1): Float64Array {
  const { weights: w, tolerances: tol } = p;
  const f = wishFeatures(wish);
  const fieldDen = f.fieldList.length;
  const simpleFields = popcount(f.fields) === fieldDen;
  const nSkills = f.skills.length;
  // Skill id → the bits of the wish's skills with that id (2**i, as suggest.ts numbers them).
  const skillBits = new Map<number, number>();
  f.skills.forEach((id, i) => skillBits.set(id, (skillBits.get(id) ?? 0) | (2 ** i)));
  const out = new Float64Array(table.n);
  for (let i = 0; i < table.n; i++) {
    if (table.expires[i]! < today || table.ids[i] === skipId) {
      out[i] = NaN;
      continue;
    }
    const mask = table.fields[i]!;
    let covered: number;
    if (simpleFields) covered = popcount(f.fields & mask);
    else {
      covered = 0;
      for (const b of f.fieldList) if (mask & b) covered++;
    }
    const coverage = fieldDen === 0 ? 0 : covered / fieldDen;
    const ind = table.industry[i]!;
    const field = f.anyIndustry ? coverage : (coverage + (ind >= 0 && f.industries & (1 << ind) ? 1 : 0)) / 2;
    let skills: number | null = null;
    if (nSkills) {
      let bits = 0;
      for (let k = table.skillFrom[i]!, end = table.skillFrom[i + 1]!; k < end; k++) bits |= skillBits.get(table.skills[k]!) ?? 0;
      let found = 0;
      for (let s = 0; s < nSkills; s++) if (bits & (2 ** s)) found++;
      skills = found / nSkills;
    }
    const bands = table.bands[i]!;
    const age = f.bands && bands ? Math.max(0, 1 - bandDistance[(f.bands << BANDS) | bands]! * tol.ageBandStep) : null;
    const period = linear(rangeGap(f.pMin, f.pMax, table.pMin[i]!, table.pMax[i]!), tol.periodMonths);
    const timing = linear(rangeGap(f.sFrom, f.sTo, table.sFrom[i]!, table.sTo[i]!), tol.timingMonths);
    out[i] = combine(field, skills, age, period, timing, w);
  }
  return out;
}

/** One company sheet's side (row `row` of `side`) against every open wish of a table; NaN as above. */
export function scoreSheetAgainst(side: CompanyTable, row: number, table: WishTable, p: SuggestParams, today: number): Float64Array {
  const { weights: w, tolerances: tol } = p;
  const mask = side.fields[row]!;
  const bands = side.bands[row]!;
  const ind = side.industry[row]!;
  const has = new Set<number>();
  for (let k = side.skillFrom[row]!, end = side.skillFrom[row + 1]!; k < end; k++) has.add(side.skills[k]!);
  const sMin = side.pMin[row]!;
  const sMax = side.pMax[row]!;
  const sFrom = side.sFrom[row]!;
  const sTo = side.sTo[row]!;
  const out = new Float64Array(table.n);
  for (let i = 0; i < table.n; i++) {
    if (table.expires[i]! < today) {
      out[i] = NaN;
      continue;
    }
    const f = table.features[i]!;
    let covered = 0;
    for (const b of f.fieldList) if (mask & b) covered++;
    const coverage = f.fieldList.length === 0 ? 0 : covered / f.fieldList.length;
    const field = f.anyIndustry ? coverage : (coverage + (ind >= 0 && f.industries & (1 << ind) ? 1 : 0)) / 2;
    let skills: number | null = null;
    if (f.skills.length) {
      let found = 0;
      for (const id of f.skills) if (has.has(id)) found++;
      skills = found / f.skills.length;
    }
    const age = f.bands && bands ? Math.max(0, 1 - bandDistance[(f.bands << BANDS) | bands]! * tol.ageBandStep) : null;
    const period = linear(rangeGap(f.pMin, f.pMax, sMin, sMax), tol.periodMonths);
    const timing = linear(rangeGap(f.sFrom, f.sTo, sFrom, sTo), tol.timingMonths);
    out[i] = combine(field, skills, age, period, timing, w);
  }
  return out;
}

/**
 * The best `limit` open rows (higher score first, then the lower id) and every barred row (same
 * order), as row indexes; NaN rows are left out. `barred(row)` says whether a row is barred.
 */
export function selectRows(ids: Float64Array, scores: Float64Array, barred: (row: number) => boolean, limit: number): { top: number[]; barred: number[] } {
  const order = (a: number, b: number): number => scores[b]! - scores[a]! || ids[a]! - ids[b]!;
  const top: number[] = [];
  const shut: number[] = [];
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (s !== s) continue; // NaN: left out
    if (barred(i)) {
      shut.push(i);
      continue;
    }
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
  return { top, barred: shut.sort(order) };
}
