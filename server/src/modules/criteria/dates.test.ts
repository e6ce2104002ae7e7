import { describe, expect, it } from 'vitest';
import { firstStartClear, fromDays, toDays, fiscalYearOf, fiscalYearsBetween, lookback, periodEnd, shiftYears } from './dates.ts';

describe('legal calendar', () => {
  it.each([
    ['2026-04-01', 3, '2029-03-31'],
    ['2026-04-02', 3, '2029-04-01'],
    ['2028-02-29', 3, '2031-02-28'], // no 29 Feb in 2031: the month's last day (民法第143条第2項)
    ['2028-02-29', 4, '2032-02-28'], // 29 Feb 2032 exists: the day before it
    ['2028-03-01', 3, '2031-02-28'],
    ['2025-01-01', 1, '2025-12-31'],
  ])('period from %s of %i years ends %s', (start, years, end) => expect(periodEnd(start, years)).toBe(end));

  it.each([
    ['2026-04-01', 2, '2024-04-01', '2026-03-31'],
    ['2028-02-29', 2, '2026-02-28', '2028-02-28'],
    ['2026-01-01', 5, '2021-01-01', '2025-12-31'],
  ])('look-back from %s of %i years is %s..%s', (start, years, from, to) => expect(lookback(start, years)).toEqual({ from, to }));

  it.each([
    ['2026-03-31', 2025],
    ['2026-04-01', 2026],
    ['2027-01-15', 2026],
  ])('%s is in FY %i', (d, fy) => expect(fiscalYearOf(d)).toBe(fy));

  it('lists the fiscal years a window touches', () => {
    expect(fiscalYearsBetween('2021-04-01', '2026-03-31')).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(fiscalYearsBetween('2021-03-31', '2026-03-30')).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
  });

  it.each([
    ['2024-03-31', 2, '2026-04-01'],
    ['2024-04-01', 2, '2026-04-02'],
    ['2026-02-28', 2, '2028-03-01'], // start 2028-02-29 would still reach back to 2026-02-28
    ['2021-03-31', 5, '2026-04-01'],
  ])('a restriction ending %s (%i-year look-back) clears on %s', (last, years, first) => expect(firstStartClear(last, years)).toBe(first));

  it('shifts 29 February to 28 February in common years', () => {
    expect(shiftYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(shiftYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('counts days exactly as the Date API does, 1890–2200', () => {
    for (let n = toDays('1890-01-01'); n <= toDays('2200-12-31'); n++) {
      const iso = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (fromDays(n) !== iso || toDays(iso) !== n) throw new Error(`day ${n}: ${fromDays(n)} / ${toDays(iso)} vs ${iso}`);
    }
  });
});
