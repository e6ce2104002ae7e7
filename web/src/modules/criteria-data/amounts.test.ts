import { describe, expect, it } from 'vitest';
import { fiscalYearOf, formatFiscalYear, formatPercent, parseFiscalYear, parseYen, sharePercent } from './amounts.ts';

describe('parseYen', () => {
  it.each([
    ['1234567', 1234567],
    ['1,234,567', 1234567],
    ['１，２３４，５６７', 1234567],
    ['1,234,567円', 1234567],
    ['¥20,000,000', 20000000],
    ['￥20,000,000', 20000000],
    [' 0 ', 0],
    ['-5', -5],
  ])('%s → %d', (text, value) => expect(parseYen(text)).toBe(value));

  it.each(['', 'abc', '1,23,4', '12.5', ',123', '1e6', '99999999999999999999'])('%s is not an amount', (text) => expect(parseYen(text)).toBeNull());
});

describe('fiscal years', () => {
  it.each([
    ['2025', 2025],
    ['２０２５年度', 2025],
    ['令和7年度', 2025],
    ['令和元年度', 2019],
    ['平成30', 2018],
    ['R7', 2025],
    ['FY2024', 2024],
  ])('%s → %d', (text, fy) => expect(parseFiscalYear(text)).toBe(fy));

  it.each(['', '25', '令和', 'abcd'])('%s is not a fiscal year', (text) => expect(parseFiscalYear(text)).toBeNull());

  it('shows the era the fiscal year is named by', () => {
    expect(formatFiscalYear(2025, 'ja')).toBe('2025年度（令和7年度）');
    expect(formatFiscalYear(2019, 'ja')).toBe('2019年度（令和元年度）');
    expect(formatFiscalYear(2018, 'ja')).toBe('2018年度（平成30年度）');
    expect(formatFiscalYear(2025, 'en')).toBe('FY2025 (Reiwa 7)');
  });

  it('starts a fiscal year on 1 April', () => {
    expect(fiscalYearOf('2026-03-31')).toBe(2025);
    expect(fiscalYearOf('2026-04-01')).toBe(2026);
  });
});

describe('sharePercent', () => {
  it('floors to two decimals with integers', () => {
    expect(sharePercent(90_000_000, 120_000_000)).toBe(75);
    expect(sharePercent(1, 3)).toBe(33.33);
    expect(sharePercent(5, 0)).toBeNull();
    expect(formatPercent(75, 'ja')).toBe('75.00%');
    expect(formatPercent(null, 'en')).toBe('—');
  });
});
