export type DisplayLang = 'ja' | 'en';

const TZ = 'Asia/Tokyo';

const warekiFmt = new Intl.DateTimeFormat('ja-JP-u-ca-japanese', { era: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: TZ });
const seirekiFmt = new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', timeZone: TZ });
const enFmt = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'long', day: 'numeric', timeZone: TZ });
const timeFmt = new Intl.DateTimeFormat('ja-JP', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false, timeZone: TZ });
const isoDateFmt = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: TZ });

function toDate(value: string | Date): Date | null {
  const d = typeof value === 'string' ? new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+09:00` : value) : value;
  return Number.isNaN(d.getTime()) ? null : d;
}

/** The calendar date in Japan as YYYY-MM-DD. */
export function isoDateInJapan(value: string | Date): string {
  const d = toDate(value);
  return d ? isoDateFmt.format(d) : '';
}

/** 和暦 (e.g. 令和6年4月1日) — the Japanese-calendar form alone. */
export function formatWareki(value: string | Date): string {
  const d = toDate(value);
  return d ? warekiFmt.format(d) : '';
}

/** Japanese: 令和6年4月1日（2024年4月1日）. English: 1 April 2024 (2024-04-01). */
export function formatDate(value: string | Date | null | undefined, lang: DisplayLang): string {
  if (value == null) return '';
  const d = toDate(value);
  if (!d) return String(value);
  return lang === 'ja' ? `${warekiFmt.format(d)}（${seirekiFmt.format(d)}）` : `${enFmt.format(d)} (${isoDateFmt.format(d)})`;
}

/** Date and time in Japan Standard Time. */
export function formatDateTime(value: string | Date | null | undefined, lang: DisplayLang): string {
  if (value == null) return '';
  const d = toDate(value);
  if (!d) return String(value);
  const time = timeFmt.format(d);
  return lang === 'ja' ? `${warekiFmt.format(d)} ${time}（${isoDateFmt.format(d)}）` : `${isoDateFmt.format(d)} ${time} JST`;
}

/** The two halves of a date-time for stacked display: Japanese calendar (or ISO) first, then the other form. */
export function formatDateTimeParts(value: string | Date, lang: DisplayLang): { primary: string; secondary: string } {
  const d = toDate(value);
  if (!d) return { primary: String(value), secondary: '' };
  const time = timeFmt.format(d);
  return lang === 'ja'
    ? { primary: `${warekiFmt.format(d)} ${time}`, secondary: isoDateFmt.format(d) }
    : { primary: `${isoDateFmt.format(d)} ${time} JST`, secondary: enFmt.format(d) };
}

export function formatNumber(value: number | null | undefined, lang: DisplayLang): string {
  if (value == null) return '';
  return new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-GB').format(value);
}

export function formatYen(value: number | null | undefined, lang: DisplayLang): string {
  if (value == null) return '';
  return lang === 'ja' ? `${formatNumber(value, 'ja')}円` : `¥${formatNumber(value, 'en')}`;
}
