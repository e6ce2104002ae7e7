// 法人番号 (corporate number): 13 digits, the first being a check digit over the 12-digit base.
// Check digit = 9 − (Σ Pn·Qn mod 9), Pn the n-th digit of the base counted from the right,
// Qn = 1 for odd n and 2 for even n (法人番号の指定等に関する省令 第2条).

export function corporateNumberCheckDigit(base12: string): number {
  if (!/^[0-9]{12}$/.test(base12)) throw new Error('base must be 12 digits');
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = base12.charCodeAt(12 - n) - 48;
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

export type CorporateNumberCheck = { ok: true } | { ok: false; reason: 'format' | 'check_digit' };

/** Accepts full-width digits and hyphens/spaces as people type them; checks the normalised form. */
export function normalizeCorporateNumber(input: string): string {
  return input.normalize('NFKC').replace(/[\s\-‐－]/g, '');
}

export function checkCorporateNumber(input: string): CorporateNumberCheck {
  const n = normalizeCorporateNumber(input);
  if (!/^[0-9]{13}$/.test(n)) return { ok: false, reason: 'format' };
  return corporateNumberCheckDigit(n.slice(1)) === n.charCodeAt(0) - 48 ? { ok: true } : { ok: false, reason: 'check_digit' };
}

export function makeCorporateNumber(base12: string): string {
  return `${corporateNumberCheckDigit(base12)}${base12}`;
}
