// Seminars for foreign officials (JICA courses run with the NPA; issue 8 item 4). Pure: no I/O.
//
// Courses have a lineage: 上級人事管理セミナー (FY1991–FY2023) and 人事行政セミナー (FY1999–FY2023)
// were merged into 人事管理セミナー in FY2024 (seed 000 lines 135–138); `mergedInto` links them.
// Per year: "N people from M countries" from the participant records, else the published figure.
//
// Cumulative figures since a course began combine a published baseline (累計, e.g. 上級国家行政
// セミナー FY1986–FY2024: 85 countries/regions, 397 people, seed 000 lines 148–149) with the years after it:
// - people add up exactly: baseline + participants recorded (or published) for each later year;
// - countries cannot simply add up: the baseline is a count, and a country in a new session may
//   already be among the baseline's countries. When the baseline lists its countries (rarely) the
//   union is exact. Otherwise koryu reports bounds: at least the baseline count (or the distinct
//   countries known, if more), at most the baseline count + the distinct new countries (+ the
//   country counts of published-only years). min = max means the figure is exact. The new
//   countries are listed so that the NPA can say which are first-time and fix the figure.
// - years after the baseline with neither records nor a published figure are reported as missing
//   (the course may not have been held, e.g. during the pandemic; koryu cannot tell).

import type {
  SeminarBaseline,
  SeminarCourse,
  SeminarPublishedYear,
  SeminarSession,
} from '../../../../common/src/schemas/international.schema.ts';

export interface SeminarData {
  courses: readonly SeminarCourse[];
  sessions: readonly SeminarSession[];
  published: readonly SeminarPublishedYear[];
  baselines: readonly SeminarBaseline[];
}

export interface YearFigure {
  courseCode: string;
  fiscalYear: number;
  people: number;
  countries: number;
  /** distinct country codes (records only) */
  countryCodes: string[];
  source: 'records' | 'published';
}

const sessionsOf = (d: SeminarData, course: string, fy: number) => d.sessions.filter((s) => s.courseCode === course && s.fiscalYear === fy);

/** The year's figure from participant records, else the published one; null when neither exists. */
export function yearFigure(d: SeminarData, courseCode: string, fiscalYear: number): YearFigure | null {
  const sessions = sessionsOf(d, courseCode, fiscalYear);
  if (sessions.length) {
    const participants = sessions.flatMap((s) => s.participants);
    const codes = [...new Set(participants.map((p) => p.country))].sort();
    return { courseCode, fiscalYear, people: participants.length, countries: codes.length, countryCodes: codes, source: 'records' };
  }
  const p = d.published.find((x) => x.courseCode === courseCode && x.fiscalYear === fiscalYear);
  return p ? { courseCode, fiscalYear, people: p.people, countries: p.countries, countryCodes: [], source: 'published' } : null;
}

/** 「13か国・地域から13人」 / "13 people from 13 countries and regions". */
export function peopleFromCountries(people: number, countries: number | { min: number; max: number }, includeRegions = true): { ja: string; en: string } {
  const c = typeof countries === 'number' ? { min: countries, max: countries } : countries;
  const nJa = c.min === c.max ? `${c.min}` : `${c.min}〜${c.max}`;
  const nEn = c.min === c.max ? `${c.min}` : `${c.min}–${c.max}`;
  const one = c.max === 1;
  return {
    ja: `${nJa}か国${includeRegions ? '・地域' : ''}から${people}人`,
    en: `${people} ${people === 1 ? 'person' : 'people'} from ${nEn} ${one ? 'country' : 'countries'}${includeRegions ? (one ? ' or region' : ' and regions') : ''}`,
  };
}

/** The course and every course merged into it (recursively), earliest first. */
export function lineage(courses: readonly SeminarCourse[], code: string): SeminarCourse[] {
  const course = courses.find((c) => c.code === code);
  if (!course) return [];
  const out: SeminarCourse[] = [];
  const seen = new Set<string>();
  const visit = (c: SeminarCourse) => {
    if (seen.has(c.code)) return;
    seen.add(c.code);
    for (const p of courses.filter((x) => x.mergedInto === c.code)) visit(p);
    out.push(c);
  };
  visit(course);
  return out.sort((a, b) => a.firstFy - b.firstFy || a.code.localeCompare(b.code));
}

export interface CountryBounds {
  min: number;
  max: number;
  /** min when min = max, else null */
  exact: number | null;
}

export interface CumulativePart {
  courseCode: string;
  fromFy: number;
  throughFy: number;
  baseline: SeminarBaseline | null;
  people: number;
  yearsFromRecords: number[];
  yearsFromPublished: number[];
  missingYears: number[];
  /** distinct countries in the records after the baseline that are not in its list (all of them when it has none) */
  newCountries: string[];
  countries: CountryBounds;
}

export interface Cumulative {
  courseCode: string;
  fromFy: number;
  throughFy: number;
  people: number;
  countries: CountryBounds;
  /** every year after the baselines has a record or a published figure */
  complete: boolean;
  parts: CumulativePart[];
  label: { ja: string; en: string };
}

interface PartWork {
  part: CumulativePart;
  known: Set<string>;
  /** countries counted but not known by code (a count-only baseline, published-only years) */
  unknownMass: number;
  floor: number;
}

function partFor(d: SeminarData, course: SeminarCourse, throughFy: number): PartWork {
  const end = Math.min(throughFy, course.lastFy ?? throughFy);
  const baseline =
    d.baselines
      .filter((b) => b.courseCode === course.code && b.throughFy <= end)
      .sort((a, b) => b.throughFy - a.throughFy)[0] ?? null;
  const after = baseline ? baseline.throughFy : course.firstFy - 1;
  const baseSet = baseline?.countryList ? new Set(baseline.countryList) : null;
  const recordCountries = new Set<string>();
  const yearsFromRecords: number[] = [];
  const yearsFromPublished: number[] = [];
  const missingYears: number[] = [];
  let people = baseline?.people ?? 0;
  let unknownMass = baseline && !baseSet ? baseline.countries : 0;
  let floor = baseline?.countries ?? 0;
  for (let fy = after + 1; fy <= end; fy++) {
    const f = yearFigure(d, course.code, fy);
    if (!f) missingYears.push(fy);
    else if (f.source === 'records') {
      yearsFromRecords.push(fy);
      people += f.people;
      for (const c of f.countryCodes) recordCountries.add(c);
    } else {
      yearsFromPublished.push(fy);
      people += f.people;
      unknownMass += f.countries;
      floor = Math.max(floor, f.countries);
    }
  }
  const known = new Set([...(baseSet ?? []), ...recordCountries]);
  const newCountries = [...recordCountries].filter((c) => !baseSet?.has(c)).sort();
  const min = Math.max(floor, known.size);
  const max = known.size + unknownMass;
  return {
    part: {
      courseCode: course.code,
      fromFy: course.firstFy,
      throughFy: end,
      baseline,
      people,
      yearsFromRecords,
      yearsFromPublished,
      missingYears,
      newCountries,
      countries: { min, max, exact: min === max ? min : null },
    },
    known,
    unknownMass,
    floor,
  };
}

/**
 * Cumulative participants of a course from its start through `throughFy`; with
 * `includePredecessors`, also of the courses merged into it (e.g. 人事管理セミナー since FY1991).
 */
export function cumulative(d: SeminarData, courseCode: string, throughFy: number, options: { includePredecessors?: boolean } = {}): Cumulative | null {
  const courses = options.includePredecessors ? lineage(d.courses, courseCode) : d.courses.filter((c) => c.code === courseCode);
  if (!courses.length) return null;
  const work = courses.filter((c) => c.firstFy <= throughFy).map((c) => partFor(d, c, throughFy));
  const known = new Set(work.flatMap((w) => [...w.known]));
  const min = Math.max(known.size, ...work.map((w) => Math.max(w.floor, w.known.size)));
  const max = known.size + work.reduce((s, w) => s + w.unknownMass, 0);
  const people = work.reduce((s, w) => s + w.part.people, 0);
  const countries = { min, max, exact: min === max ? min : null };
  return {
    courseCode,
    fromFy: Math.min(...courses.map((c) => c.firstFy)),
    throughFy,
    people,
    countries,
    complete: work.every((w) => w.part.missingYears.length === 0),
    parts: work.map((w) => w.part),
    label: peopleFromCountries(people, countries, true),
  };
}

export type BaselineIssueCode = 'baseline_people_decrease' | 'baseline_countries_decrease' | 'baseline_people_mismatch' | 'baseline_countries_gain_exceeds_new';
export interface BaselineIssue {
  code: BaselineIssueCode;
  courseCode: string;
  fromFy: number;
  throughFy: number;
  expected: number;
  actual: number;
  messageJa: string;
  messageEn: string;
}

/**
 * Check two successive published baselines of a course against the years between them: the people
 * added must equal the records (when every year between is known), and the country count can grow
 * by at most the distinct countries seen in between.
 */
export function reconcileBaselines(d: SeminarData, courseCode: string): BaselineIssue[] {
  const bs = d.baselines.filter((b) => b.courseCode === courseCode).sort((a, b) => a.throughFy - b.throughFy);
  const out: BaselineIssue[] = [];
  for (let i = 1; i < bs.length; i++) {
    const a = bs[i - 1]!;
    const b = bs[i]!;
    const base = { courseCode, fromFy: a.throughFy + 1, throughFy: b.throughFy };
    const span = `FY${a.throughFy + 1}–FY${b.throughFy}`;
    if (b.people < a.people)
      out.push({ ...base, code: 'baseline_people_decrease', expected: a.people, actual: b.people,
        messageJa: `累計参加者数が減っています（${a.throughFy}年度まで${a.people}人、${b.throughFy}年度まで${b.people}人）。`,
        messageEn: `The cumulative number of participants decreases (${a.people} to FY${a.throughFy}, ${b.people} to FY${b.throughFy}).` });
    if (b.countries < a.countries)
      out.push({ ...base, code: 'baseline_countries_decrease', expected: a.countries, actual: b.countries,
        messageJa: `累計の国・地域数が減っています（${a.countries}から${b.countries}）。`,
        messageEn: `The cumulative number of countries decreases (${a.countries} to ${b.countries}).` });
    const years = Array.from({ length: b.throughFy - a.throughFy }, (_, k) => a.throughFy + 1 + k);
    const figures = years.map((fy) => yearFigure(d, courseCode, fy));
    if (figures.some((f) => f === null)) continue;
    const people = figures.reduce((s, f) => s + f!.people, 0);
    if (people !== b.people - a.people)
      out.push({ ...base, code: 'baseline_people_mismatch', expected: b.people - a.people, actual: people,
        messageJa: `${a.throughFy + 1}年度から${b.throughFy}年度までの参加者（${people}人）が、累計の差（${b.people}−${a.people}＝${b.people - a.people}人）と一致しません。`,
        messageEn: `Participants in ${span} (${people}) differ from the difference of the cumulative figures (${b.people} − ${a.people} = ${b.people - a.people}).` });
    const seen = new Set(figures.flatMap((f) => f!.countryCodes)).size + figures.filter((f) => f!.source === 'published').reduce((s, f) => s + f!.countries, 0);
    if (b.countries - a.countries > seen)
      out.push({ ...base, code: 'baseline_countries_gain_exceeds_new', expected: seen, actual: b.countries - a.countries,
        messageJa: `累計の国・地域数の増加（${b.countries - a.countries}）が、${a.throughFy + 1}年度から${b.throughFy}年度までの参加国・地域数（${seen}）を超えています。`,
        messageEn: `The cumulative number of countries grows by ${b.countries - a.countries}, more than the ${seen} countries taking part in ${span}.` });
  }
  return out;
}
