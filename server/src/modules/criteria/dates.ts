// Calendar arithmetic for legal windows, on ISO dates (YYYY-MM-DD) only — no time zones.
// Periods follow 民法第143条: a period of N years starting on day D ends on the day before the
// day corresponding to D, N years later; when that month has no such day, on the month's last day.

export type IsoDate = string;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

// Days since 1970-01-01 and back by plain integer arithmetic (H. Hinnant's civil calendar
// algorithms): about five times faster than going through Date and toISOString, and the engine
// does this for every window.
export function toDays(d: IsoDate): number {
  let y = +d.slice(0, 4);
  const m = +d.slice(5, 7);
  const day = +d.slice(8, 10);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function fromDays(n: number): IsoDate {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m)}-${pad(day)}`;
}

export const addDays = (d: IsoDate, n: number): IsoDate => fromDays(toDays(d) + n);

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The same month and day N years later (or earlier); 29 February becomes 28 February when absent. */
export function shiftYears(d: IsoDate, n: number): IsoDate {
  const y = +d.slice(0, 4) + n;
  const md = d.slice(5);
  if (md === '02-29' && !isLeap(y)) return `${pad(y, 4)}-02-28`;
  return `${pad(y, 4)}-${md}`;
}

/** Last day of a period of N years that starts on `start` (民法第143条第2項). */
export function periodEnd(start: IsoDate, years: number): IsoDate {
  const y = +start.slice(0, 4) + years;
  if (start.slice(5) === '02-29' && !isLeap(y)) return `${pad(y, 4)}-02-28`;
  return addDays(shiftYears(start, years), -1);
}

/**
 * The N years before `start`: [start shifted back N years, the day before start].
 * From 29 February the window opens on 28 February — one day wider than 1 March, the
 * conservative reading for a restriction.
 */
export function lookback(start: IsoDate, years: number): { from: IsoDate; to: IsoDate } {
  return { from: shiftYears(start, -years), to: addDays(start, -1) };
}

/** 年度: fiscal year N runs from 1 April N to 31 March N+1. */
export function fiscalYearOf(d: IsoDate): number {
  const y = +d.slice(0, 4);
  return +d.slice(5, 7) >= 4 ? y : y - 1;
}

export const fiscalYearEnd = (fy: number): IsoDate => `${pad(fy + 1, 4)}-03-31`;

/** Fiscal years that overlap [from, to]. */
export function fiscalYearsBetween(from: IsoDate, to: IsoDate): number[] {
  const out: number[] = [];
  for (let fy = fiscalYearOf(from); fy <= fiscalYearOf(to); fy++) out.push(fy);
  return out;
}

export const overlaps = (aFrom: IsoDate, aTo: IsoDate | null | undefined, bFrom: IsoDate, bTo: IsoDate) =>
  aFrom <= bTo && (aTo == null || aTo >= bFrom);

/**
 * The first start date whose N-year lookback window no longer reaches `lastDay`
 * (the earliest date a restriction ending on `lastDay` stops applying).
 */
export function firstStartClear(lastDay: IsoDate, years: number): IsoDate {
  let candidate = addDays(shiftYears(lastDay, years), -2);
  while (lookback(candidate, years).from <= lastDay) candidate = addDays(candidate, 1);
  return candidate;
}

export const maxDate = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
