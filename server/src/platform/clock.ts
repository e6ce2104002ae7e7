// "Today" for the rules (deadlines, review clocks, reminders). Normally the date in Japan. A test or
// training environment can set KORYU_CLOCK_FILE to a file holding a date (YYYY-MM-DD): koryu then
// takes that date as today, so a browser test can walk an exchange from submission to return.
// Without the variable the file is never read.
import { readFileSync } from 'node:fs';
import { todayInJapan } from './time.ts';

export type Clock = { today(): string; overridden: boolean };

export function createClock(clockFile: string | undefined): Clock {
  if (!clockFile) return { today: () => todayInJapan(), overridden: false };
  return {
    overridden: true,
    today() {
      try {
        const v = readFileSync(clockFile, 'utf8').trim();
        if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
      } catch {
        // no file yet: the real date
      }
      return todayInJapan();
    },
  };
}
