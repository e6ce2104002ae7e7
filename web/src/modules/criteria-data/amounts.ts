import type { Lang } from '../../i18n.ts';

// Amounts and fiscal years as people type them (1,234,567 / １，２３４，５６７円 / 令和7年度) and as
// the screens show them (separators, 2025年度（令和7年度）).

const normalise = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');

/** Yen typed with or without separators, full-width digits, 円 or ¥: the integer, or null if it is not a number. */
export function parseYen(text: string): number | null {
  const s = normalise(text).replace(/^¥/, '').replace(/円$/, '');
  if (!/^-?(\d{1,3}(,\d{3})+|\d+)$/.test(s)) return null;
  const n = Number(s.replace(/,/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

const eraStart: Record<string, number> = { 令和: 2018, 平成: 1988, 昭和: 1925, r: 2018, h: 1988, s: 1925 };

/** A fiscal year as 2025, 2025年度, 令和7年度, 令和元年度 or R7: the Western year, or null. */
export function parseFiscalYear(text: string): number | null {
  const s = normalise(text).replace(/年度?$/, '').replace(/^FY/i, '');
  if (/^\d{4}$/.test(s)) return Number(s);
  const m = /^(令和|平成|昭和|[RHS])(元|\d{1,2})$/i.exec(s);
  if (!m) return null;
  const base = eraStart[m[1]!.length === 1 ? m[1]!.toLowerCase() : m[1]!];
  return base === undefined ? null : base + (m[2] === '元' ? 1 : Number(m[2]));
}

const eraJa = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'Asia/Tokyo' });
const eraEn = new Intl.DateTimeFormat('en-u-ca-japanese', { era: 'long', year: 'numeric', timeZone: 'Asia/Tokyo' });

/**
 * 2025年度（令和7年度） / FY2025 (Reiwa 7). The era is the one in force on 1 July of the year, so a
 * fiscal year that began in the last weeks of an era takes the new era's name (2019 → 令和元年度).
 */
export function formatFiscalYear(fy: number, lang: Lang): string {
  const mid = new Date(`${String(fy).padStart(4, '0')}-07-01T00:00:00+09:00`);
  if (Number.isNaN(mid.getTime())) return String(fy);
  const parts = (lang === 'ja' ? eraJa : eraEn).formatToParts(mid);
  const era = parts.find((p) => p.type === 'era')?.value ?? '';
  const year = parts.find((p) => p.type === 'year')?.value ?? '';
  return lang === 'ja' ? `${fy}年度（${era}${year}年度）` : `FY${fy} (${era} ${year})`;
}

/** The fiscal year (April–March) a date in Japan falls in. */
export const fiscalYearOf = (isoDate: string): number => Number(isoDate.slice(0, 4)) - (Number(isoDate.slice(5, 7)) < 4 ? 1 : 0);

/** public ÷ total as a percentage floored to two decimals (as the criteria engine words it), or null when the total is 0. */
export function sharePercent(publicYen: number, totalYen: number): number | null {
  if (totalYen <= 0) return null;
  return Number((BigInt(publicYen) * 10_000n) / BigInt(totalYen)) / 100;
}

export function formatPercent(value: number | null, lang: Lang): string {
  if (value === null) return '—';
  return `${new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)}%`;
}

/** A yen amount for an input box: 1,234,567 (the box keeps separators so long figures stay readable). */
export const yenForInput = (n: number): string => new Intl.NumberFormat('ja-JP').format(n);
