import { describe, expect, it } from 'vitest';
import { checkCorporateNumber, corporateNumberCheckDigit, makeCorporateNumber } from './corporate-number.ts';

// 国税庁's published 法人番号 (7000012050002), a hand-checked number, and near misses.
const cases: { input: string; expected: ReturnType<typeof checkCorporateNumber> }[] = [
  { input: '7000012050002', expected: { ok: true } }, // 国税庁
  { input: '1000012160153', expected: { ok: true } }, // Σ PnQn = 26, 9 − (26 mod 9) = 1
  { input: '７０００－０１２０５－０００２', expected: { ok: true } }, // full width with hyphens
  { input: '8000012050002', expected: { ok: false, reason: 'check_digit' } },
  { input: '6000012050002', expected: { ok: false, reason: 'check_digit' } },
  { input: '700001205000', expected: { ok: false, reason: 'format' } },
  { input: '70000120500021', expected: { ok: false, reason: 'format' } },
  { input: '70000120500a2', expected: { ok: false, reason: 'format' } },
  { input: '', expected: { ok: false, reason: 'format' } },
];

describe('法人番号 check digit', () => {
  it.each(cases)('$input → $expected', ({ input, expected }) => {
    expect(checkCorporateNumber(input)).toEqual(expected);
  });

  it('every generated number validates and every other first digit fails', () => {
    for (let i = 0; i < 2000; i++) {
      const base = String(i * 7919 + 123456789).padStart(12, '0');
      const n = makeCorporateNumber(base);
      expect(checkCorporateNumber(n)).toEqual({ ok: true });
      for (let d = 1; d <= 9; d++) {
        if (d === corporateNumberCheckDigit(base)) continue;
        expect(checkCorporateNumber(`${d}${base}`).ok).toBe(false);
      }
    }
  });
});
