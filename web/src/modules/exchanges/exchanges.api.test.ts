// The case list's filters as they live in the URL: read back exactly as written, junk ignored, the
// page left out of the export links. Who is offered the naming of a hire's employee, and the
// interview interval as typed.
import { describe, expect, it } from 'vitest';
import { emptyFilters, exportHref, filtersFromParams, mayCase, paramsFromFilters, parseMonths, type CaseFilters, type CaseState } from './exchanges.api.ts';

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

type Role = 'npa' | 'ministry_hr' | 'company_hr' | 'participant' | 'center';
const naming: Array<{ name: string; role: Role; companyId: number | null; direction: 'dispatch' | 'hire'; state: CaseState; offered: boolean }> = [
  { name: "the hire's company, in consultation", role: 'company_hr', companyId: 7, direction: 'hire', state: 'consultation', offered: true },
  { name: "the hire's company, answering a query", role: 'company_hr', companyId: 7, direction: 'hire', state: 'query_to_ministry', offered: true },
  { name: "the hire's company, informally approved", role: 'company_hr', companyId: 7, direction: 'hire', state: 'informally_approved', offered: true },
  { name: 'not while the NPA reviews', role: 'company_hr', companyId: 7, direction: 'hire', state: 'under_review', offered: false },
  { name: 'not once certified', role: 'company_hr', companyId: 7, direction: 'hire', state: 'certified', offered: false },
  { name: 'not on a dispatch', role: 'company_hr', companyId: 7, direction: 'dispatch', state: 'consultation', offered: false },
  { name: 'not another company', role: 'company_hr', companyId: 8, direction: 'hire', state: 'consultation', offered: false },
  { name: 'not the ministry (it cannot see the employees)', role: 'ministry_hr', companyId: null, direction: 'hire', state: 'consultation', offered: false },
  { name: 'not the NPA', role: 'npa', companyId: null, direction: 'hire', state: 'consultation', offered: false },
];

describe("naming a hire's employee (交流採用の対象者)", () => {
  it.each(naming)('$name', ({ role, companyId, direction, state, offered }) => {
    expect(mayCase.namePerson({ role, organisationId: role === 'ministry_hr' ? 1 : null, companyId }, { company: { id: 7 } as never, direction, state })).toBe(offered);
  });
});

const months: Array<{ typed: string; months: number | null }> = [
  { typed: '6', months: 6 },
  { typed: ' 12 ', months: 12 },
  { typed: '６', months: 6 },
  { typed: '24', months: 24 },
  { typed: '1', months: 1 },
  { typed: '0', months: null },
  { typed: '25', months: null },
  { typed: '1.5', months: null },
  { typed: '-3', months: null },
  { typed: '', months: null },
  { typed: '三', months: null },
];

describe('the follow-up interview interval as typed', () => {
  it.each(months)('"$typed" → $months', ({ typed, months: expected }) => {
    expect(parseMonths(typed)).toBe(expected);
  });
});
