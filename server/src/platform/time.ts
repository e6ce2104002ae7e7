/** PostgreSQL returns timestamptz as '2026-11-22 18:12:54.123+00'; make it ISO-8601. */
export function pgTimestampToIso(v: string): string {
  return new Date(v.includes('T') ? v : v.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00')).toISOString();
}

export const minutesAgo = (m: number, now = Date.now()): string => new Date(now - m * 60_000).toISOString();
export const hoursFromNow = (h: number, now = Date.now()): string => new Date(now + h * 3_600_000).toISOString();

/** Today's date in Japan (Asia/Tokyo), as YYYY-MM-DD: legal dates are Japanese calendar days. */
export const todayInJapan = (now = Date.now()): string => new Date(now + 9 * 3_600_000).toISOString().slice(0, 10);
