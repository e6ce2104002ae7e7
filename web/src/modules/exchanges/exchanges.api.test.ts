// The case list's filters as they live in the URL: read back exactly as written, junk ignored, the
// page left out of the export links.
import { describe, expect, it } from 'vitest';
import { emptyFilters, exportHref, filtersFromParams, paramsFromFilters, type CaseFilters } from './exchanges.api.ts';

const cases: Array<{ name: string; query: string; filters: Partial<CaseFilters>; canonical: string }> = [
  { name: 'nothing', query: '', filters: {}, canonical: '' },
  {
    name: 'every filter',
    query: 'state=submitted&state=under_review&direction=hire&startFrom=2027-04-01&startTo=2027-04-30&overdue=true&q=KR-2027&sort=age&page=3',
    filters: { state: ['submitted', 'under_review'], direction: 'hire', startFrom: '2027-04-01', startTo: '2027-04-30', overdue: true, q: 'KR-2027', sort: 'age', page: 3 },
    canonical: 'state=submitted&state=under_review&direction=hire&startFrom=2027-04-01&startTo=2027-04-30&overdue=true&q=KR-2027&sort=age&page=3',
  },
  {
    name: 'unknown states, a bad direction, dates and page are dropped',
    query: 'state=active&state=nonsense&direction=sideways&startFrom=2027-13&startTo=tomorrow&overdue=yes&sort=random&page=-2',
    filters: { state: ['active'] },
    canonical: 'state=active',
  },
  { name: 'the default order and page 1 stay out of the URL', query: 'sort=start&page=1&q=%20%20', filters: { q: '  ' }, canonical: '' },
];

describe('case list filters in the URL', () => {
  it.each(cases)('$name', ({ query, filters, canonical }) => {
    const read = filtersFromParams(new URLSearchParams(query));
    expect(read).toEqual({ ...emptyFilters, ...filters });
    expect(paramsFromFilters(read).toString()).toBe(canonical);
  });

  it('export links carry the filters but not the page', () => {
    const f = filtersFromParams(new URLSearchParams('state=submitted&overdue=true&page=4'));
    expect(exportHref('csv', f)).toBe('/api/exchanges/cases.csv?state=submitted&overdue=true');
    expect(exportHref('xlsx', emptyFilters)).toBe('/api/exchanges/cases.xlsx');
  });
});
