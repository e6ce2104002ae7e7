// The Japanese public-holiday calendar and working-day arithmetic for 1980–2099, computed by rule
// (no table to update each year, no network). Pure; dates are ISO 'YYYY-MM-DD' strings.
//
// Holidays (国民の祝日に関する法律, 昭和23年法律第178号, with its amendments):
// - the 国民の祝日 of each year as the law stood in that year (fixed days, the Happy Monday days
//   from 2000/2003, 春分の日・秋分の日 by the standard formula, 天皇誕生日 4/29 → 12/23 → 2/23, 海の日
//   from 1996, 山の日 from 2016, 体育の日 → スポーツの日 in 2020, the 2020/2021 Olympic moves);
// - one-off holidays set by special laws (1989 大喪の礼, 1990 即位礼正殿の儀, 1993 結婚の儀, 2019
//   即位の日 5/1 and 即位礼正殿の儀 10/22) — treated as 国民の祝日 for §3(2)(3) (the 2019 law says so
//   expressly; for the earlier ones it makes no difference: none of them touches a Sunday or a
//   day between two holidays);
// - 振替休日 (§3(2)): until 2006 the Monday after a holiday on a Sunday; from 2007 (平成17年法律第43号)
//   the first following day that is not itself a 国民の祝日;
// - 国民の休日 (§3(3), from 1985-12-27, 昭和60年法律第103号): a day whose previous and next days are
//   both 国民の祝日; until 2006 not on a Sunday nor on a 振替休日.
//
// Working days (開庁日) are the complement of 行政機関の休日 (行政機関の休日に関する法律, 昭和63年法律
// 第91号, 第1条第1項): Saturdays and Sundays, the holidays above, AND the year-end closure from
// 29 December to 3 January. The year-end closure is part of the working-day definition here: the
// NPA's review clock and the planner's due dates do not run over it.
import { fromDays, toDays, type IsoDate } from '../criteria/dates.ts';

export type HolidayKind =
  | 'national' // 国民の祝日
  | 'special' // 特別法による休日 (即位の日 etc.)
  | 'substitute' // 振替休日
  | 'citizens'; // 国民の休日 (a day between two holidays)

export type Holiday = { ja: string; en: string; kind: HolidayKind };

export const calendarRange = { from: 1980, to: 2099 } as const;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number): IsoDate => `${y}-${pad(m)}-${pad(d)}`;

/** Day of the week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekday = (d: IsoDate): number => (((toDays(d) + 4) % 7) + 7) % 7;

/** The n-th Monday of a month (Happy Monday system, 祝日法改正 平成10年法律第141号・平成13年法律第59号). */
function nthMonday(y: number, m: number, n: number): IsoDate {
  const first = weekday(iso(y, m, 1));
  const day = 1 + ((8 - first) % 7) + (n - 1) * 7;
  return iso(y, m, day);
}

// 春分日・秋分日: the standard approximation (国立天文台 formula), valid for 1980–2099. The official
// day is fixed each February for the next year in the 官報 (暦要項); the formula agrees for these years.
const equinoxDay = (y: number, base: number) => Math.floor(base + 0.242194 * (y - 1980) - Math.floor((y - 1980) / 4));
export const vernalEquinox = (y: number): IsoDate => iso(y, 3, equinoxDay(y, 20.8431));
export const autumnalEquinox = (y: number): IsoDate => iso(y, 9, equinoxDay(y, 23.2488));

const h = (ja: string, en: string, kind: HolidayKind = 'national'): Holiday => ({ ja, en, kind });

/** The 国民の祝日 and special-law holidays of a year (before substitutes and in-between days). */
function baseHolidays(y: number): Map<IsoDate, Holiday> {
  const out = new Map<IsoDate, Holiday>();
  const add = (d: IsoDate, ja: string, en: string, kind: HolidayKind = 'national') => out.set(d, h(ja, en, kind));

  add(iso(y, 1, 1), '元日', "New Year's Day");
  add(y >= 2000 ? nthMonday(y, 1, 2) : iso(y, 1, 15), '成人の日', 'Coming of Age Day');
  add(iso(y, 2, 11), '建国記念の日', 'National Foundation Day');
  if (y >= 2020) add(iso(y, 2, 23), '天皇誕生日', "The Emperor's Birthday");
  add(vernalEquinox(y), '春分の日', 'Vernal Equinox Day');
  if (y <= 1988) add(iso(y, 4, 29), '天皇誕生日', "The Emperor's Birthday");
  else if (y <= 2006) add(iso(y, 4, 29), 'みどりの日', 'Greenery Day');
  else add(iso(y, 4, 29), '昭和の日', 'Showa Day');
  add(iso(y, 5, 3), '憲法記念日', 'Constitution Memorial Day');
  if (y >= 2007) add(iso(y, 5, 4), 'みどりの日', 'Greenery Day');
  add(iso(y, 5, 5), 'こどもの日', "Children's Day");

  // 海の日 from 1996 (平成7年法律第22号); third Monday of July from 2003; Olympic moves in 2020 and 2021.
  if (y === 2020) add('2020-07-23', '海の日', 'Marine Day');
  else if (y === 2021) add('2021-07-22', '海の日', 'Marine Day');
  else if (y >= 2003) add(nthMonday(y, 7, 3), '海の日', 'Marine Day');
  else if (y >= 1996) add(iso(y, 7, 20), '海の日', 'Marine Day');

  // 山の日 from 2016 (平成26年法律第43号); Olympic moves in 2020 and 2021.
  if (y === 2020) add('2020-08-10', '山の日', 'Mountain Day');
  else if (y === 2021) add('2021-08-08', '山の日', 'Mountain Day');
  else if (y >= 2016) add(iso(y, 8, 11), '山の日', 'Mountain Day');

  add(y >= 2003 ? nthMonday(y, 9, 3) : iso(y, 9, 15), '敬老の日', 'Respect for the Aged Day');
  add(autumnalEquinox(y), '秋分の日', 'Autumnal Equinox Day');

  // 体育の日 (10/10, second Monday of October from 2000); スポーツの日 from 2020 (平成30年法律第57号).
  if (y === 2020) add('2020-07-24', 'スポーツの日', 'Sports Day');
  else if (y === 2021) add('2021-07-23', 'スポーツの日', 'Sports Day');
  else if (y >= 2020) add(nthMonday(y, 10, 2), 'スポーツの日', 'Sports Day');
  else add(y >= 2000 ? nthMonday(y, 10, 2) : iso(y, 10, 10), '体育の日', 'Health and Sports Day');

  add(iso(y, 11, 3), '文化の日', 'Culture Day');
  add(iso(y, 11, 23), '勤労感謝の日', 'Labour Thanksgiving Day');
  if (y >= 1989 && y <= 2018) add(iso(y, 12, 23), '天皇誕生日', "The Emperor's Birthday");

  // One-off holidays by special law.
  if (y === 1989) add('1989-02-24', '昭和天皇の大喪の礼', 'State Funeral of Emperor Showa', 'special');
  if (y === 1990) add('1990-11-12', '即位礼正殿の儀', 'Enthronement Ceremony', 'special');
  if (y === 1993) add('1993-06-09', '皇太子徳仁親王の結婚の儀', 'Wedding of Crown Prince Naruhito', 'special');
  if (y === 2019) {
    // 天皇の即位の日及び即位礼正殿の儀の行われる日を休日とする法律 (平成30年法律第99号).
    add('2019-05-01', '天皇の即位の日', 'Day of the Emperor’s Enthronement', 'special');
    add('2019-10-22', '即位礼正殿の儀の行われる日', 'Day of the Enthronement Ceremony', 'special');
  }
  return out;
}

const SUBSTITUTE = h('振替休日', 'Substitute holiday', 'substitute');
const CITIZENS = h('国民の休日', "Citizens' holiday (between two holidays)", 'citizens');

function checkYear(y: number): void {
  if (!Number.isInteger(y) || y < calendarRange.from || y > calendarRange.to) {
    throw new RangeError(`the holiday calendar covers ${calendarRange.from}–${calendarRange.to}, not ${y}`);
  }
}

function computeYear(y: number): Readonly<Record<IsoDate, Holiday>> {
  const base = baseHolidays(y);
  const all = new Map(base);
  const dates = [...base.keys()].sort();

  // 振替休日 (§3(2)).
  for (const d of dates) {
    if (weekday(d) !== 0) continue;
    let n = toDays(d) + 1;
    if (d >= '2007-01-01') {
      while (base.has(fromDays(n))) n++;
    } else if (base.has(fromDays(n))) continue;
    all.set(fromDays(n), SUBSTITUTE);
  }

  // 国民の休日 (§3(3)), in force from 1985-12-27.
  for (const d of dates) {
    const between = fromDays(toDays(d) + 1);
    if (between < '1985-12-27' || base.has(between) || !base.has(fromDays(toDays(d) + 2))) continue;
    if (between < '2007-01-01' && (weekday(between) === 0 || all.has(between))) continue;
    if (!all.has(between)) all.set(between, CITIZENS);
  }

  const sorted = [...all.entries()].filter(([d]) => d.startsWith(`${y}-`)).sort(([a], [b]) => a.localeCompare(b));
  return Object.freeze(Object.fromEntries(sorted));
}

const cache = new Map<number, Readonly<Record<IsoDate, Holiday>>>();

/** Every holiday of a year (国民の祝日, special days, 振替休日, 国民の休日), date → name, in date order. */
export function holidaysOf(year: number): Readonly<Record<IsoDate, Holiday>> {
  checkYear(year);
  let y = cache.get(year);
  if (!y) cache.set(year, (y = computeYear(year)));
  return y;
}

/** The holiday on a date, if any. */
export const holidayOn = (date: IsoDate): Holiday | undefined => holidaysOf(+date.slice(0, 4))[date];

export const isHoliday = (date: IsoDate): boolean => holidayOn(date) !== undefined;

/** 12/29–1/3: 行政機関の休日に関する法律 第1条第1項第3号. */
export const isYearEndClosure = (date: IsoDate): boolean => {
  const md = date.slice(5);
  return md >= '12-29' || md <= '01-03';
};

/**
 * A working day (開庁日) of the government: not a Saturday or Sunday, not a holiday, and not in
 * the year-end closure 29 December – 3 January (行政機関の休日に関する法律 第1条第1項).
 */
export function isWorkingDay(date: IsoDate): boolean {
  const wd = weekday(date);
  return wd !== 0 && wd !== 6 && !isYearEndClosure(date) && !isHoliday(date);
}

/** Why a date is not a working day (null on a working day), in ja/en — for explanations. */
export function dayOffReason(date: IsoDate): { ja: string; en: string } | null {
  const hol = holidayOn(date);
  if (hol) return { ja: hol.ja, en: hol.en };
  if (isYearEndClosure(date)) return { ja: '年末年始・12月29日〜1月3日', en: 'year-end closure, 29 Dec – 3 Jan' };
  const wd = weekday(date);
  if (wd === 6) return { ja: '土曜日', en: 'Saturday' };
  if (wd === 0) return { ja: '日曜日', en: 'Sunday' };
  return null;
}

/** The date itself when it is a working day, else the closest working day before it. */
export function workingDayOnOrBefore(date: IsoDate): IsoDate {
  let n = toDays(date);
  while (!isWorkingDay(fromDays(n))) n--;
  return fromDays(n);
}

/** The date itself when it is a working day, else the closest working day after it. */
export function workingDayOnOrAfter(date: IsoDate): IsoDate {
  let n = toDays(date);
  while (!isWorkingDay(fromDays(n))) n++;
  return fromDays(n);
}

/**
 * The n-th working day after `date` (n > 0) or before it (n < 0); `date` itself is not counted,
 * whether or not it is a working day. n = 0 returns `date` unchanged.
 * E.g. from Friday 2026-05-01, +1 is Thursday 2026-05-07 (5/2–5/6 are a weekend and Golden Week).
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`addWorkingDays needs a whole number of days, not ${n}`);
  const step = n < 0 ? -1 : 1;
  let day = toDays(date);
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isWorkingDay(fromDays(day))) left--;
  }
  return fromDays(day);
}

/**
 * Working days in (a, b] — after `a`, up to and including `b` — so that, for a working day b,
 * addWorkingDays(a, workingDaysBetween(a, b)) === b. Negative when b is before a
 * (minus the working days in (b, a]); 0 when they are equal.
 */
export function workingDaysBetween(a: IsoDate, b: IsoDate): number {
  const from = toDays(a);
  const to = toDays(b);
  if (to < from) return -workingDaysBetween(b, a);
  let count = 0;
  for (let n = from + 1; n <= to; n++) if (isWorkingDay(fromDays(n))) count++;
  return count;
}
