import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays } from '../criteria/dates.ts';
import {
  addWorkingDays,
  autumnalEquinox,
  dayOffReason,
  holidayOn,
  holidaysOf,
  isHoliday,
  isWorkingDay,
  vernalEquinox,
  weekday,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  workingDaysBetween,
  type HolidayKind,
} from './calendar.ts';

type Cases = {
  holidays: Record<string, Record<string, [string, HolidayKind]>>;
  specific: { id: string; date: string; ja: string; kind: HolidayKind }[];
  notHolidays: { id: string; date: string }[];
  cabinetOffice: { restDays: Record<string, string[]>; vernalEquinox: string; autumnalEquinox: string };
  workingDays: { date: string; working: boolean; why: string }[];
  addWorkingDays: { id: string; from: string; n: number; expect: string }[];
  workingDaysBetween: { a: string; b: string; expect: number }[];
};
const cases = JSON.parse(readFileSync(join(import.meta.dirname, 'calendar.cases.json'), 'utf8')) as Cases;

describe('Japanese public holidays', () => {
  it.each(Object.entries(cases.holidays))('lists every holiday of %s as the Cabinet Office does', (year, expected) => {
    const got = Object.fromEntries(Object.entries(holidaysOf(+year)).map(([d, h]) => [d, [h.ja, h.kind]]));
    expect(got).toEqual(expected);
  });

  it.each(cases.specific.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    expect(holidayOn(c.date)).toMatchObject({ ja: c.ja, kind: c.kind });
  });

  it.each(cases.notHolidays.map((c) => [c.id, c.date] as const))('%s: not a holiday', (_id, date) => {
    expect(isHoliday(date)).toBe(false);
  });

  const years = Object.keys(cases.cabinetOffice.restDays).map(Number);
  const vernal = cases.cabinetOffice.vernalEquinox.split(' ');
  const autumnal = cases.cabinetOffice.autumnalEquinox.split(' ');
  it.each(years)('%i: substitute and in-between days, equinoxes as in syukujitsu.csv', (y) => {
    const rest = Object.entries(holidaysOf(y))
      .filter(([, h]) => h.kind === 'substitute' || h.kind === 'citizens')
      .map(([d]) => d.slice(5));
    expect(rest).toEqual(cases.cabinetOffice.restDays[String(y)]);
    expect(vernalEquinox(y)).toBe(`${y}-03-${vernal[y - 1980]}`);
    expect(autumnalEquinox(y)).toBe(`${y}-09-${autumnal[y - 1980]}`);
  });

  it('gives every holiday a Japanese and an English name, in date order, inside its year', () => {
    for (let y = 1980; y <= 2099; y++) {
      const dates = Object.keys(holidaysOf(y));
      expect(dates).toEqual([...dates].sort());
      for (const [d, h] of Object.entries(holidaysOf(y))) {
        expect(d.startsWith(`${y}-`)).toBe(true);
        expect(h.ja && h.en).toBeTruthy();
      }
      expect(dates.length).toBeGreaterThanOrEqual(12); // 1983: the 12 国民の祝日 of the time and no substitute
    }
  });

  it('moves a Sunday holiday to the next day that is not itself a holiday (from 2007)', () => {
    for (let y = 2007; y <= 2099; y++) {
      for (const [d, h] of Object.entries(holidaysOf(y))) {
        if (h.kind === 'substitute') continue;
        if (weekday(d) !== 0) continue;
        let next = addDays(d, 1);
        while (holidayOn(next) && holidayOn(next)!.kind !== 'substitute') next = addDays(next, 1);
        expect(holidayOn(next)?.kind, `${d} ${h.ja}`).toBe('substitute');
      }
    }
  });

  it('refuses years outside 1980–2099', () => {
    expect(() => holidaysOf(1979)).toThrow(RangeError);
    expect(() => holidaysOf(2100)).toThrow(RangeError);
  });
});

describe('working days (行政機関の休日に関する法律)', () => {
  it.each(cases.workingDays.map((c) => [c.date, c.working, c.why] as const))('%s working: %s (%s)', (date, working) => {
    expect(isWorkingDay(date)).toBe(working);
    expect(dayOffReason(date) === null).toBe(working);
  });

  it.each(cases.addWorkingDays.map((c) => [c.id, c] as const))('addWorkingDays: %s', (_id, c) => {
    expect(addWorkingDays(c.from, c.n)).toBe(c.expect);
  });

  it.each(cases.workingDaysBetween.map((c) => [c.a, c.b, c.expect] as const))('workingDaysBetween(%s, %s) = %i', (a, b, n) => {
    expect(workingDaysBetween(a, b)).toBe(n);
  });

  it('round-trips: addWorkingDays(a, workingDaysBetween(a, b)) is b for a working day b', () => {
    for (let d = '2026-12-01'; d <= '2027-01-31'; d = addDays(d, 1)) {
      if (!isWorkingDay(d)) continue;
      for (const n of [-15, -1, 1, 10]) {
        const b = addWorkingDays(d, n);
        expect(isWorkingDay(b)).toBe(true);
        expect(workingDaysBetween(d, b)).toBe(n);
      }
    }
  });

  it('names the day off', () => {
    expect(dayOffReason('2027-01-01')).toEqual({ ja: '元日', en: "New Year's Day" });
    expect(dayOffReason('2026-12-30')?.en).toContain('year-end');
    expect(dayOffReason('2026-10-31')).toEqual({ ja: '土曜日', en: 'Saturday' });
    expect(dayOffReason('2027-01-31')).toEqual({ ja: '日曜日', en: 'Sunday' });
  });

  it('finds the nearest working day on either side', () => {
    expect(workingDayOnOrBefore('2027-01-03')).toBe('2026-12-28');
    expect(workingDayOnOrAfter('2026-12-29')).toBe('2027-01-04');
    expect(workingDayOnOrBefore('2026-05-06')).toBe('2026-05-01');
    expect(workingDayOnOrBefore('2026-06-01')).toBe('2026-06-01');
  });

  it('refuses a fractional number of days', () => {
    expect(() => addWorkingDays('2026-06-01', 1.5)).toThrow(RangeError);
  });
});
