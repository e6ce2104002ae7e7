// Views of the public-private cube (records.cube.ts): the year series, one-dimension breakdowns for a
// year or a rolling window, cumulative totals, and the comparison with a published table. Pure.
// Every number comes from the same cube, so views and exports cannot disagree.
import { calendarYearLabel, eraYear } from '../../../../common/src/wareki.ts';
import {
  AGE_BANDS,
  TERM_BANDS,
  UNKNOWN,
  directions,
  fieldOf,
  genders,
  unitLevels,
  type CubeRow,
  type Dimension,
  type Direction,
} from './records.cube.ts';

/** First calendar year of the series: the law took effect in 2000 (平成12年, 官民人事交流法 施行 平成12年3月21日). */
export const FIRST_YEAR = 2000;

export interface Label {
  ja: string;
  en: string;
  sortOrder?: number;
}
/** Names for the codes in the cube: organisations by code, industry groups by stat_group_ja. */
export interface Labels {
  ministries: Readonly<Record<string, Label>>;
  industries: Readonly<Record<string, Label>>;
}

export interface SeriesRow {
  year: number;
  labelJa: string;
  labelEn: string;
  /** 新規交流派遣 / 新規交流採用: exchanges started in the year */
  dispatchStarted: number;
  hireStarted: number;
  started: number;
  /** exchanges ended in the year (復帰・中途終了) */
  dispatchEnded: number;
  hireEnded: number;
  ended: number;
  /** 年末現在交流中 */
  dispatchOnExchange: number;
  hireOnExchange: number;
  onExchange: number;
  /** the year has not ended yet (as of the asOf date): "year end" means now */
  partial: boolean;
}

const seriesRows = (cube: readonly CubeRow[]) => cube.filter((r) => r.endYear !== undefined);

/** Per calendar year from..to: started, ended and on exchange at year end, by direction. */
export function series(cube: readonly CubeRow[], opts: { from: number; to: number; asOf: string }): SeriesRow[] {
  const rows = seriesRows(cube);
  const asOfYear = Number(opts.asOf.slice(0, 4));
  const out: SeriesRow[] = [];
  for (let y = opts.from; y <= opts.to; y++) {
    const c = { dispatch: { s: 0, e: 0, o: 0 }, hire: { s: 0, e: 0, o: 0 } };
    for (const r of rows) {
      const t = c[r.direction];
      if (r.startYear === y) t.s += r.n;
      if (r.endYear === y) t.e += r.n;
      if (r.startYear <= y && (r.endYear === null || r.endYear! > y)) t.o += r.n;
    }
    out.push({
      year: y,
      labelJa: calendarYearLabel(y, 'ja'),
      labelEn: calendarYearLabel(y, 'en'),
      dispatchStarted: c.dispatch.s,
      hireStarted: c.hire.s,
      started: c.dispatch.s + c.hire.s,
      dispatchEnded: c.dispatch.e,
      hireEnded: c.hire.e,
      ended: c.dispatch.e + c.hire.e,
      dispatchOnExchange: c.dispatch.o,
      hireOnExchange: c.hire.o,
      onExchange: c.dispatch.o + c.hire.o,
      partial: y >= asOfYear,
    });
  }
  return out;
}

/** 「令和6年」, 「令和4年～6年」 (same era, as the seed), 「平成30年～令和2年」; en 「2024」, 「2022–2024」. */
export function windowLabel(fromYear: number, toYear: number, lang: 'ja' | 'en'): string {
  if (fromYear === toYear) return calendarYearLabel(toYear, lang);
  if (lang === 'en') return `${fromYear}–${toYear}`;
  const a = eraYear(fromYear);
  const b = eraYear(toYear);
  const tail = a.era.key === b.era.key ? `${b.year === 1 ? '元' : b.year}年` : calendarYearLabel(toYear, 'ja');
  return `${calendarYearLabel(fromYear, 'ja')}～${tail}`;
}

export interface BreakdownRow {
  key: string;
  labelJa: string;
  labelEn: string;
  dispatch: number;
  hire: number;
  total: number;
}
export interface BreakdownView {
  dimension: Dimension;
  fromYear: number;
  toYear: number;
  window: 1 | 3;
  direction: Direction | null;
  labelJa: string;
  labelEn: string;
  rows: BreakdownRow[];
  totals: { dispatch: number; hire: number; total: number };
}

type Category = { key: string; ja: string; en: string };
const fixedCategories: Partial<Record<Dimension, readonly Category[]>> = {
  gender: genders.map((g) => ({ key: g.code, ja: g.ja, en: g.en })),
  term: TERM_BANDS.map((b) => ({ key: b.code, ja: b.ja, en: b.en })),
  age: AGE_BANDS.map((b) => ({ key: b.code, ja: b.ja, en: b.en })),
  level: unitLevels.map((l) => ({ key: l.code, ja: l.ja, en: l.en })),
  direction: [
    { key: 'dispatch', ja: '交流派遣', en: 'Dispatch' },
    { key: 'hire', ja: '交流採用', en: 'Hire' },
  ],
};
const unknownLabel = { ja: '不明', en: 'Not recorded' };

/**
 * New exchanges (started) in the window toYear − window + 1 … toYear, by one dimension. Fixed
 * categories (gender, bands, level, direction) are all listed, in their order; ministries and
 * industries are listed when non-zero, largest first (as the seed's industry table). "Not recorded"
 * comes last, when non-zero.
 */
export function breakdown(
  cube: readonly CubeRow[],
  opts: { dimension: Dimension; year: number; window: 1 | 3; direction?: Direction | null },
  labels: Labels,
): BreakdownView {
  const fromYear = opts.year - opts.window + 1;
  const toYear = opts.year;
  const dir = opts.direction ?? null;
  const field = opts.dimension === 'direction' ? null : fieldOf(opts.dimension);
  const sums = new Map<string, { dispatch: number; hire: number }>();
  for (const r of cube) {
    if (r.startYear < fromYear || r.startYear > toYear) continue;
    if (dir && r.direction !== dir) continue;
    let key: string;
    if (field === null) {
      if (r.endYear === undefined) continue; // the series set carries the direction-only counts
      key = r.direction;
    } else {
      const v = r[field];
      if (v === undefined || v === null) continue;
      key = String(v);
    }
    const s = sums.get(key) ?? { dispatch: 0, hire: 0 };
    s[r.direction] += r.n;
    sums.set(key, s);
  }
  const fixed = fixedCategories[opts.dimension];
  const named = opts.dimension === 'ministry' ? labels.ministries : opts.dimension === 'industry' ? labels.industries : null;
  const rows: BreakdownRow[] = [];
  const push = (key: string, ja: string, en: string) => {
    const s = sums.get(key) ?? { dispatch: 0, hire: 0 };
    rows.push({ key, labelJa: ja, labelEn: en, dispatch: s.dispatch, hire: s.hire, total: s.dispatch + s.hire });
  };
  if (fixed) {
    for (const c of fixed) {
      if (opts.dimension === 'direction' && dir && c.key !== dir) continue;
      push(c.key, c.ja, c.en);
    }
  } else {
    const keys = [...sums.keys()].filter((k) => k !== UNKNOWN);
    const order = (k: string) => named?.[k]?.sortOrder ?? Number.MAX_SAFE_INTEGER;
    const total = (k: string) => sums.get(k)!.dispatch + sums.get(k)!.hire;
    keys.sort((a, b) => total(b) - total(a) || order(a) - order(b) || a.localeCompare(b));
    for (const k of keys) push(k, named?.[k]?.ja ?? k, named?.[k]?.en ?? k);
  }
  if (sums.has(UNKNOWN)) push(UNKNOWN, unknownLabel.ja, unknownLabel.en);
  const totals = rows.reduce((t, r) => ({ dispatch: t.dispatch + r.dispatch, hire: t.hire + r.hire, total: t.total + r.total }), { dispatch: 0, hire: 0, total: 0 });
  return {
    dimension: opts.dimension,
    fromYear,
    toYear,
    window: opts.window,
    direction: dir,
    labelJa: windowLabel(fromYear, toYear, 'ja'),
    labelEn: windowLabel(fromYear, toYear, 'en'),
    rows,
    totals,
  };
}

export interface CumulativeView {
  year: number;
  labelJa: string;
  labelEn: string;
  fromYear: number;
  rows: { direction: Direction; people: number; ministries: number }[];
}

/**
 * Cumulative to the end of `year` (制度開始からの累計): people = exchanges started since records
 * begin (延べ人数: a person exchanged twice counts twice, as the published counts of 交流派遣者・
 * 交流採用者 do); ministries = distinct organisations (府省等) with at least one started exchange.
 */
export function cumulative(cube: readonly CubeRow[], year: number): CumulativeView {
  const rows = directions.map((direction) => {
    let people = 0;
    const orgs = new Set<string>();
    for (const r of cube) {
      if (r.direction !== direction || r.startYear > year) continue;
      if (r.endYear !== undefined) people += r.n;
      if (r.ministry !== undefined && r.n > 0) orgs.add(r.ministry);
    }
    return { direction, people, ministries: orgs.size };
  });
  const first = cube.reduce((m, r) => Math.min(m, r.startYear), Number.POSITIVE_INFINITY);
  return {
    year,
    labelJa: `${calendarYearLabel(year, 'ja')}末`,
    labelEn: `end of ${year}`,
    fromYear: Number.isFinite(first) ? Math.min(first, year) : year,
    rows,
  };
}

/** A published one-year industry table (published/public-private-industry-2024.json). */
export interface PublishedIndustryTable {
  code: string;
  year: number;
  rows: { dimension: string; industryJa: string; industryEn: string; sortOrder?: number; hire: number | null; dispatch: number | null; total: number | null }[];
  totals: { hire: number | null; dispatch: number | null; total: number | null };
}
export interface ComparisonRow {
  industryJa: string;
  industryEn: string;
  records: { dispatch: number; hire: number; total: number };
  published: { dispatch: number | null; hire: number | null; total: number | null } | null;
  /** records − published; null where nothing was published */
  difference: { dispatch: number | null; hire: number | null; total: number | null } | null;
}
export interface ComparisonView {
  year: number;
  labelJa: string;
  labelEn: string;
  publication: string;
  rows: ComparisonRow[];
  totals: ComparisonRow;
}

const diff = (a: number, b: number | null) => (b === null ? null : a - b);

/**
 * Records vs the published industry table for its year, per industry group (matched on the group's
 * Japanese name, industries.stat_group_ja = the table's 業種). Published rows come first in their
 * order; groups only in the records follow.
 */
export function compareWithPublished(cube: readonly CubeRow[], published: PublishedIndustryTable, labels: Labels): ComparisonView {
  const b = breakdown(cube, { dimension: 'industry', year: published.year, window: 1 }, labels);
  const byKey = new Map(b.rows.map((r) => [r.key, r]));
  const zero = { dispatch: 0, hire: 0, total: 0 };
  const rows: ComparisonRow[] = [];
  const seen = new Set<string>();
  for (const p of published.rows) {
    const r = byKey.get(p.industryJa);
    const rec = r ? { dispatch: r.dispatch, hire: r.hire, total: r.total } : zero;
    seen.add(p.industryJa);
    rows.push({
      industryJa: p.industryJa,
      industryEn: p.industryEn,
      records: rec,
      published: { dispatch: p.dispatch, hire: p.hire, total: p.total },
      difference: { dispatch: diff(rec.dispatch, p.dispatch), hire: diff(rec.hire, p.hire), total: diff(rec.total, p.total) },
    });
  }
  for (const r of b.rows) {
    if (seen.has(r.key)) continue;
    rows.push({ industryJa: r.labelJa, industryEn: r.labelEn, records: { dispatch: r.dispatch, hire: r.hire, total: r.total }, published: null, difference: null });
  }
  const t = published.totals;
  return {
    year: published.year,
    labelJa: calendarYearLabel(published.year, 'ja'),
    labelEn: calendarYearLabel(published.year, 'en'),
    publication: published.code,
    rows,
    totals: {
      industryJa: '計',
      industryEn: 'Total',
      records: b.totals,
      published: { dispatch: t.dispatch, hire: t.hire, total: t.total },
      difference: { dispatch: diff(b.totals.dispatch, t.dispatch), hire: diff(b.totals.hire, t.hire), total: diff(b.totals.total, t.total) },
    },
  };
}
