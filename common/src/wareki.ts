// 和暦 (Japanese era) labels for calendar years (年) and fiscal years (年度, April–March).
//
// Rules (documented choices):
// - A date is labelled with the era in force on that date (eraOn).
// - A calendar year (年) is labelled with the era in force on 31 December of that year, so 1989 is
//   平成元年 and 2019 is 令和元年 (the common usage for a whole-year label).
// - A fiscal year (年度) starting 1 April of year Y is labelled like the calendar year Y (era in force on
//   31 December of Y), NOT the era on 1 April. This follows what the NPA writes in its own tables:
//   ../shared/seeds/000_4d3b3c34f3ae3940.txt 資料8 「派遣職員数の推移」 lists FY1988 as 「63」 under 昭和
//   (line 52), FY1989 as 「平成元」 (line 54) and FY2019 as 「令和元」 (line 85), although on 1 April 2019
//   the era was still 平成 (平成31年度 is not used there).
// - Year 1 of an era is written 元 (平成元年, 令和元年度).

export type EraKey = 'showa' | 'heisei' | 'reiwa';

export interface Era {
  key: EraKey;
  nameJa: string; // 元号
  nameEn: string;
  /** first day, ISO date (inclusive) */
  start: string;
  /** last day, ISO date (inclusive); null while in force */
  end: string | null;
  source: string;
}

/** The era table (data). Dates are those fixed by the instruments named in `source`. */
export const eras: readonly Era[] = [
  {
    key: 'showa',
    nameJa: '昭和',
    nameEn: 'Shōwa',
    start: '1926-12-25',
    end: '1989-01-07',
    source: '大正15年12月25日 改元の詔書 (昭和 from 1926-12-25); ended by 元号を改める政令 (昭和64年政令第1号)',
  },
  {
    key: 'heisei',
    nameJa: '平成',
    nameEn: 'Heisei',
    start: '1989-01-08',
    end: '2019-04-30',
    source: '元号を改める政令 (昭和64年政令第1号, 1989-01-07), 附則: 公布の日の翌日から施行',
  },
  {
    key: 'reiwa',
    nameJa: '令和',
    nameEn: 'Reiwa',
    start: '2019-05-01',
    end: null,
    source: '元号を改める政令 (平成31年政令第143号, 2019-04-01), 附則: 平成31年5月1日から施行',
  },
];

export interface EraYear {
  era: Era;
  /** 1 for 元年 */
  year: number;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The era and era-year in force on an ISO date (YYYY-MM-DD). Throws RangeError before 昭和. */
export function eraOn(date: string): EraYear {
  const m = isoDate.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  for (let i = eras.length - 1; i >= 0; i--) {
    const era = eras[i]!;
    if (date >= era.start && (era.end === null || date <= era.end)) {
      return { era, year: Number(m[1]) - Number(era.start.slice(0, 4)) + 1 };
    }
  }
  throw new RangeError(`no era table entry for ${date}`);
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < 1926 || year > 9999) throw new RangeError(`year out of range: ${year}`);
}

/** Era of a calendar year: the era in force on 31 December of that year. */
export function eraYear(year: number): EraYear {
  checkYear(year);
  return eraOn(`${String(year).padStart(4, '0')}-12-31`);
}

/** Era of a fiscal year (年度) starting 1 April `fiscalYear`: same as the calendar year (see rule above). */
export function fiscalEraYear(fiscalYear: number): EraYear {
  return eraYear(fiscalYear);
}

/** 「平成元」「令和6」 — the short form used in the NPA tables. */
export function eraYearText(e: EraYear): string {
  return `${e.era.nameJa}${e.year === 1 ? '元' : String(e.year)}`;
}

export type Lang = 'ja' | 'en';

/** Calendar-year label: ja 「令和6年」「平成元年」, en 「2024」. */
export function calendarYearLabel(year: number, lang: Lang): string {
  const e = eraYear(year);
  return lang === 'ja' ? `${eraYearText(e)}年` : String(year);
}

/** Fiscal-year label: ja 「昭和45年度」「令和元年度」, en 「FY1970」. */
export function fiscalYearLabel(fiscalYear: number, lang: Lang): string {
  const e = fiscalEraYear(fiscalYear);
  return lang === 'ja' ? `${eraYearText(e)}年度` : `FY${fiscalYear}`;
}

/**
 * The Western year for an era name and era year (「平成」, 1 → 1989). Accepts 元 as "1" via
 * parseEraYear. Returns null when the era is unknown or the year lies beyond that era's end.
 */
export function westernYear(eraNameJa: string, year: number): number | null {
  const era = eras.find((e) => e.nameJa === eraNameJa);
  if (!era || !Number.isInteger(year) || year < 1) return null;
  const western = Number(era.start.slice(0, 4)) + year - 1;
  if (era.end !== null && western > Number(era.end.slice(0, 4))) return null;
  return western;
}

/** Parse 「平成元」「昭和45」「令和6年」「令和元年度」 into a Western year; null if not recognised. */
export function parseEraYear(text: string): number | null {
  const m = /^\s*(昭和|平成|令和)\s*(元|[0-9０-９]+)\s*(?:年度?|)\s*$/.exec(text);
  if (!m) return null;
  const digits = m[2]!.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return westernYear(m[1]!, m[2] === '元' ? 1 : Number(digits));
}
