import { api } from '../../api.ts';
import type { CompanyPage } from '../companies/companies.api.ts';
import { fullName, searchText, type PeoplePage, type Person } from '../people/people.api.ts';

// The searches behind the person and company pickers: a few candidates, the people directory's and
// the company registry's own rules for who may see what.
const PICK_SIZE = 10;

export const searchPeople = async (q: string) => {
  const page = await api.get<PeoplePage>('/api/people', { q: searchText(q).slice(0, 100), pageSize: PICK_SIZE });
  return { items: page.items, total: page.total };
};

export const searchCompanies = async (q: string) => {
  const page = await api.get<CompanyPage>('/api/companies', { q: q.trim().slice(0, 200), pageSize: PICK_SIZE });
  return { items: page.items, total: page.total };
};

export const personLabel = (p: Person): string => fullName(p);
