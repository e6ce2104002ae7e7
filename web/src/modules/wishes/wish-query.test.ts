import { describe, expect, it } from 'vitest';
import {
  emptyWishFilters,
  formFieldOf,
  hasWishFilters,
  interestedFiltersFrom,
  interestedParamsFrom,
  monthParam,
  monthsParam,
  regionChoice,
  regionParam,
  splitWords,
  wishApiQuery,
  wishFiltersFrom,
  wishParamsFrom,
} from './wish-query.ts';

const prefectures = [
  { code: '13', regionEn: 'Kanto' },
  { code: '27', regionEn: 'Kinki' },
  { code: '47', regionEn: 'Kyushu-Okinawa' },
];

describe('public wish search in the URL', () => {
  it('round-trips every filter, keeps a full-width search as typed, and leaves the defaults out', () => {
    const url = 'q=%EF%BC%A4%EF%BC%B8+%E4%BA%BA%E6%9D%90&direction=hire&side=company&industry=G&ministry=meti&region=Kyushu-Okinawa&field=digital&ageBand=30s&period=24&startMonth=2026-04&sort=start&page=3';
    const f = wishFiltersFrom(new URLSearchParams(url));
    expect(f).toEqual({
      q: 'ＤＸ 人材',
      direction: 'hire',
      side: 'company',
      industry: 'G',
      ministry: 'meti',
      region: 'Kyushu-Okinawa',
      field: 'digital',
      ageBand: '30s',
      period: '24',
      startMonth: '2026-04',
      sort: 'start',
      page: 3,
    });
    expect(wishParamsFrom(f).toString()).toBe(url);
    expect(wishParamsFrom({ ...emptyWishFilters, q: '  ' }).toString()).toBe('');
  });

  it('drops what the API would refuse instead of sending it', () => {
    const f = wishFiltersFrom(new URLSearchParams('direction=both&side=npa&industry=Z&field=cooking&ageBand=10s&period=61&startMonth=2026-13&sort=random&page=-2&ministry=%3Cx%3E&region=%E9%96%A2%E6%9D%B1'));
    expect(f).toEqual(emptyWishFilters);
    expect(hasWishFilters(f)).toBe(false);
  });

  it('reads full-width and slashed months as typed in a shared link', () => {
    expect(monthsParam('２４')).toBe('24');
    expect(monthsParam('0')).toBe('');
    expect(monthsParam('1.5')).toBe('');
    expect(monthParam('２０２６/４')).toBe('2026-04');
    expect(monthParam('2026-4')).toBe('2026-04');
    expect(monthParam('2026-00')).toBe('');
  });

  it('sends the API the filters with the sort and page, blanks left for withQuery to drop', () => {
    const q = wishApiQuery({ ...emptyWishFilters, q: ' ＤＸ ', industry: 'J', page: 2 });
    expect(q).toMatchObject({ q: 'ＤＸ', industry: 'J', sort: 'newest', page: 2, direction: '' });
  });
});

describe('the region parameter and its two selects', () => {
  const cases: Array<[string, { region: string; prefecture: string }]> = [
    ['13', { region: 'Kanto', prefecture: '13' }],
    ['Kinki', { region: 'Kinki', prefecture: '' }],
    ['99', { region: '', prefecture: '99' }],
    ['', { region: '', prefecture: '' }],
  ];
  it.each(cases)('%s', (param, choice) => {
    expect(regionChoice(param, prefectures)).toEqual(choice);
    expect(regionParam(choice)).toBe(param);
  });
});

describe('interested companies in the URL', () => {
  it('keeps only its own filters', () => {
    const f = interestedFiltersFrom(new URLSearchParams('q=%E5%95%86%E4%BA%8B&industry=E&ageBand=30s&region=13&direction=dispatch&field=energy&page=2'));
    expect(f).toEqual({ q: '商事', industry: 'E', region: '13', direction: 'dispatch', field: 'energy', page: 2 });
    expect(interestedParamsFrom({ ...f, page: 1 }).toString()).toBe('q=%E5%95%86%E4%BA%8B&industry=E&region=13&direction=dispatch&field=energy');
  });
});

describe('editor helpers', () => {
  const shown = new Set(['title', 'skills', 'hosts.0.fields', 'hosts.0.skills', 'hosts', 'periodMonths.max', 'start.to']);
  const cases: Array<[string, string | null]> = [
    ['title', 'title'],
    ['sheet.title', 'title'],
    ['skills.3', 'skills'],
    ['sheet.hosts.0.skills.1', 'hosts.0.skills'],
    ['hosts.0.fields', 'hosts.0.fields'],
    ['hosts.4.place', 'hosts'],
    ['periodMonths.max', 'periodMonths.max'],
    ['version', null],
  ];
  it.each(cases)('error path %s belongs to %s', (path, field) => {
    expect(formFieldOf(path, shown)).toBe(field);
  });

  it('splits skills on commas, 、 and lines, each once', () => {
    expect(splitWords('Python、データ分析,  M&A\n\nPython；法務')).toEqual(['Python', 'データ分析', 'M&A', '法務']);
    expect(splitWords(' 、 ')).toEqual([]);
  });
});
