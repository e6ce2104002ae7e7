// Public-private exchange statistics from case records (官民人事交流の実施状況, issue 6 item 4): the
// "cube" every view and export is computed from, and the parameters that define it. Pure: no I/O.
//
// A case counts as an exchange that happened (交流の実績) once it has started: it has an actual start
// (actual_start, 交流開始日) and is in one of COUNTED_STATES. Its start year is the calendar year (暦年,
// 1 January – 31 December) of actual_start; its end year that of actual_end (the last day of the
// exchange, 交流終了日) for finished cases, null while it goes on. A case is "on exchange at year end"
// (年末現在交流中) of year Y when it started in Y or earlier and did not end in Y or earlier, so for
// every year: onExchange(Y) = onExchange(Y − 1) + started(Y) − ended(Y) (the consistency rule of
// consistency.ts holds by construction).
//
// The cube is a list of rows (dimension values → count). The repository produces it in one SQL pass
// with GROUPING SETS: one set for the year series (start year × end year × direction) and one per
// breakdown dimension (start year × direction × that dimension). A dimension that a row's set leaves
// out is absent from the row (undefined). Views sum the rows that carry the dimension they need; as
// each dimension is carried by exactly one grouping set, nothing is counted twice. A full cube (every
// dimension on every row, as `cubeFromCases` builds for tests) gives the same views.

export type Direction = 'dispatch' | 'hire'; // 交流派遣 | 交流採用
export const directions: readonly Direction[] = ['dispatch', 'hire'];

/** The states of a case that has started (see workflow.ts). */
export const COUNTED_STATES = [
  'active', // 交流中
  'extended', // 延長中 (期間延長: still the same exchange)
  'returned', // 復帰 (ended as planned)
  'ended_early', // 中途終了 (ended early, e.g. resignation: it happened, and counts)
] as const;
/** The states of a finished exchange: its end year is that of actual_end (planned_end if missing). */
export const ENDED_STATES = ['returned', 'ended_early'] as const;

export type UnitLevel = 'head_office' | 'regional'; // 本府省 | 地方（地方支分部局）
/**
 * org_units.kind → 本府省 or 地方. The unit tree (server/src/db/schema.ts, org_units): 本府省 bureaus
 * (局) → divisions (課) and offices (室, e.g. 内閣総務官室, 調整室 — under a bureau or at the top of
 * the organisation); 地方支分部局 (国の出先機関) are regional_office (seed 001 Q.5/Q.6: 本府省との間
 * だけでなく、地方支分部局との間の人事交流も可能). No unit sits under a regional office except
 * another regional office (checked in the reference data), so the kind alone decides.
 */
export const UNIT_LEVEL_BY_KIND: Readonly<Record<string, UnitLevel>> = {
  bureau: 'head_office',
  division: 'head_office',
  office: 'head_office',
  regional_office: 'regional',
};
export const unitLevels: readonly { code: UnitLevel; ja: string; en: string }[] = [
  { code: 'head_office', ja: '本府省', en: 'Ministry headquarters' },
  { code: 'regional', ja: '地方機関', en: 'Regional offices' },
];

export interface Band {
  code: string;
  ja: string;
  en: string;
  /** inclusive lower bound (months for terms, years of age); null: open below */
  from: number | null;
}
/**
 * Term bands (期間別・任期別), on the agreed term planned_start → planned_end in whole months.
 * Why these cuts: the law's term (官民人事交流法 第9条・第19条) is 3 years as a rule, extendable to
 * 5 in total — seed 001 line 308 「期間 原則3年以内（最長5年）」 — and terms are set in whole years,
 * so the bands are the year steps up to 3 and the extension range. The published chart of the seed
 * (期間別・任期別状況 令和4年～6年) is an image whose categories the text does not give.
 */
export const TERM_BANDS: readonly Band[] = [
  { code: 'upTo1y', ja: '1年以下', en: '1 year or less', from: null },
  { code: '1to2y', ja: '1年超2年以下', en: 'Over 1 up to 2 years', from: 13 },
  { code: '2to3y', ja: '2年超3年以下', en: 'Over 2 up to 3 years', from: 25 },
  { code: '3to5y', ja: '3年超（延長）', en: 'Over 3 years (extended)', from: 37 },
];
/**
 * Age bands (年齢別), age in full years on the day the exchange started. Ten-year bands, as the
 * seed's survey reports ages (001 line 505: 「派遣したい年齢層は30代が多い」); the published chart
 * (年齢別状況 令和4年～6年) is an image without its categories in the text.
 */
export const AGE_BANDS: readonly Band[] = [
  { code: 'under30', ja: '29歳以下', en: '29 or younger', from: null },
  { code: '30s', ja: '30～39歳', en: '30–39', from: 30 },
  { code: '40s', ja: '40～49歳', en: '40–49', from: 40 },
  { code: '50plus', ja: '50歳以上', en: '50 or older', from: 50 },
];
export const UNKNOWN = 'unknown'; // 不明 (not recorded: no person, no birth date, no industry)

export const genders = [
  { code: 'female', ja: '女性', en: 'Women' },
  { code: 'male', ja: '男性', en: 'Men' },
  { code: 'other', ja: 'その他', en: 'Other' },
] as const;

/** The band a value falls in (bands in ascending order of `from`); null value → UNKNOWN. */
export function bandOf(bands: readonly Band[], value: number | null): string {
  if (value === null || !Number.isFinite(value)) return UNKNOWN;
  let code = bands[0]!.code;
  for (const b of bands) if (b.from === null || value >= b.from) code = b.code;
  return code;
}
/** The lower bounds of the bands after the first, for SQL width_bucket (bucket i → bands[i]). */
export const bandThresholds = (bands: readonly Band[]): number[] => bands.slice(1).map((b) => b.from!);

export type Dimension = 'industry' | 'gender' | 'term' | 'age' | 'ministry' | 'level' | 'direction';
export const dimensions: readonly Dimension[] = ['industry', 'gender', 'term', 'age', 'ministry', 'level', 'direction'];

/** One cell of the cube. Absent (undefined) dimensions are summed over. */
export interface CubeRow {
  /** calendar year of actual_start */
  startYear: number;
  direction: Direction;
  /** calendar year of the end; null: still on exchange */
  endYear?: number | null;
  /** organisations.code (府省等) */
  ministry?: string;
  level?: UnitLevel;
  /** industries.stat_group_ja (the seed's grouping, e.g. サービス業) or UNKNOWN */
  industry?: string;
  /** people.gender or UNKNOWN */
  gender?: string;
  /** TERM_BANDS code */
  term?: string;
  /** AGE_BANDS code or UNKNOWN */
  age?: string;
  n: number;
}

/** A case as the statistics see it (the repository's columns; tests build these as JSON). */
export interface CaseRecord {
  direction: Direction;
  state: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string | null;
  actualEnd: string | null;
  ministry: string;
  unitKind: string;
  industry: string | null;
  gender: string | null;
  birthDate: string | null;
}

const year = (iso: string) => Number(iso.slice(0, 4));

/** Whole months from a start date to the day after the last day (2025-04-01 → 2027-03-31 = 24). */
export function termMonths(start: string, lastDay: string): number {
  const end = new Date(`${lastDay}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  const ey = end.getUTCFullYear();
  const em = end.getUTCMonth() + 1;
  const ed = end.getUTCDate();
  return (ey - sy) * 12 + (em - sm) - (ed < sd ? 1 : 0);
}

/** Age in full years on a date. */
export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function countsAsStarted(c: Pick<CaseRecord, 'state' | 'actualStart'>): boolean {
  return c.actualStart !== null && (COUNTED_STATES as readonly string[]).includes(c.state);
}

export function endYearOf(c: Pick<CaseRecord, 'state' | 'actualEnd' | 'plannedEnd'>): number | null {
  if (!(ENDED_STATES as readonly string[]).includes(c.state)) return null;
  return year(c.actualEnd ?? c.plannedEnd);
}

/** The full cube of a list of cases (every dimension on every row). The reference semantics. */
export function cubeFromCases(cases: readonly CaseRecord[]): CubeRow[] {
  const cells = new Map<string, CubeRow>();
  for (const c of cases) {
    if (!countsAsStarted(c)) continue;
    const row: CubeRow = {
      startYear: year(c.actualStart!),
      direction: c.direction,
      endYear: endYearOf(c),
      ministry: c.ministry,
      level: UNIT_LEVEL_BY_KIND[c.unitKind] ?? 'head_office',
      industry: c.industry ?? UNKNOWN,
      gender: c.gender ?? UNKNOWN,
      term: bandOf(TERM_BANDS, termMonths(c.plannedStart, c.plannedEnd)),
      age: bandOf(AGE_BANDS, c.birthDate ? ageOn(c.birthDate, c.actualStart!) : null),
      n: 0,
    };
    const key = JSON.stringify({ ...row, n: undefined });
    const cell = cells.get(key) ?? row;
    cell.n += 1;
    cells.set(key, cell);
  }
  return [...cells.values()];
}

const dimensionField = { industry: 'industry', gender: 'gender', term: 'term', age: 'age', ministry: 'ministry', level: 'level' } as const;

/** A full cube reduced to the repository's grouping sets (the compact form): same views, fewer rows. */
export function toGroupingSets(full: readonly CubeRow[]): CubeRow[] {
  const out = new Map<string, CubeRow>();
  const add = (row: CubeRow) => {
    const key = JSON.stringify({ ...row, n: undefined });
    const cell = out.get(key);
    if (cell) cell.n += row.n;
    else out.set(key, { ...row });
  };
  for (const r of full) {
    add({ startYear: r.startYear, direction: r.direction, endYear: r.endYear ?? null, n: r.n });
    for (const f of Object.values(dimensionField)) add({ startYear: r.startYear, direction: r.direction, [f]: r[f], n: r.n });
  }
  return [...out.values()];
}

/** The field of CubeRow a breakdown dimension reads (direction is always present). */
export function fieldOf(d: Exclude<Dimension, 'direction'>): keyof CubeRow {
  return dimensionField[d];
}
