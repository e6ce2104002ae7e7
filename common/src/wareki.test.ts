import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calendarYearLabel, eraOn, eras, fiscalYearLabel, parseEraYear } from './wareki.ts';

interface Cases {
  eraOn: [string, string, number][];
  calendarYear: [number, string, string][];
  fiscalYear: [number, string, string][];
  parse: [string, number | null][];
  outOfRange: number[];
}
const cases = JSON.parse(readFileSync(join(import.meta.dirname, 'wareki.cases.json'), 'utf8')) as Cases;

describe('和暦', () => {
  it.each(cases.eraOn)('eraOn(%s) = %s %i', (date, era, year) => {
    const e = eraOn(date);
    expect([e.era.nameJa, e.year]).toEqual([era, year]);
  });

  it.each(cases.calendarYear)('calendar year %i → %s / %s', (year, ja, en) => {
    expect(calendarYearLabel(year, 'ja')).toBe(ja);
    expect(calendarYearLabel(year, 'en')).toBe(en);
  });

  it.each(cases.fiscalYear)('fiscal year %i → %s / %s', (year, ja, en) => {
    expect(fiscalYearLabel(year, 'ja')).toBe(ja);
    expect(fiscalYearLabel(year, 'en')).toBe(en);
  });

  it.each(cases.parse)('parseEraYear(%s) = %s', (text, year) => {
    expect(parseEraYear(text)).toBe(year);
  });

  it.each(cases.outOfRange)('year %s is refused', (year) => {
    expect(() => calendarYearLabel(year, 'ja')).toThrow(RangeError);
  });

  it('the era table is contiguous: each era starts the day after the previous ends', () => {
    for (let i = 1; i < eras.length; i++) {
      const prevEnd = new Date(`${eras[i - 1]!.end}T00:00:00Z`);
      prevEnd.setUTCDate(prevEnd.getUTCDate() + 1);
      expect(prevEnd.toISOString().slice(0, 10)).toBe(eras[i]!.start);
    }
  });

  it('label and parse round-trip for every fiscal year 1927–2100', () => {
    for (let y = 1927; y <= 2100; y++) {
      expect(parseEraYear(fiscalYearLabel(y, 'ja'))).toBe(y);
    }
  });
});
