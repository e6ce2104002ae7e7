import { useApiQuery } from '../../api-hooks.ts';
import type { Query } from '../../api.ts';

// The shapes of GET /api/people and /api/people/:id (server/src/modules/people/people.routes.ts).
export type PersonKind = 'official' | 'employee';

export type Person = {
  id: number;
  kind: PersonKind;
  familyName: string;
  givenName: string;
  familyNameKana: string | null;
  givenNameKana: string | null;
  birthDate: string | null;
  gender: string | null;
  organisationId: number | null;
  companyId: number | null;
};

export type Post = {
  id: number;
  unitId: number;
  unitNameJa: string;
  unitNameEn: string;
  postTitleJa: string;
  postTitleEn: string | null;
  startDate: string;
  endDate: string | null;
  /** Whether the post's duties include its unit's licensing (交流基準). */
  handlesLicensing?: boolean;
};

export type PersonDetail = Person & { posts: Post[] };
export type PeoplePage = { items: Person[]; total: number; page: number; pageSize: number };

export type PeopleSearch = { q: string; page: number };

export function searchFromParams(params: URLSearchParams): PeopleSearch {
  const page = Number(params.get('page') ?? '1');
  return { q: params.get('q') ?? '', page: Number.isInteger(page) && page >= 1 ? page : 1 };
}

/** Only non-empty criteria go into the URL, so shared links stay short and canonical. */
export function paramsFromSearch(s: PeopleSearch): URLSearchParams {
  const p = new URLSearchParams();
  const q = s.q.trim();
  if (q) p.set('q', q);
  if (s.page > 1) p.set('page', String(s.page));
  return p;
}

export const PAGE_SIZE = 20;

/** The server matches the family and given names (or readings) written together, so spaces between them are dropped. */
export const searchText = (q: string): string => q.normalize('NFKC').replace(/\s+/g, '');

export function usePeopleSearch(s: PeopleSearch) {
  const query: Query = { q: searchText(s.q).slice(0, 100), page: s.page, pageSize: PAGE_SIZE };
  return useApiQuery<PeoplePage>('/api/people', query);
}

export const usePerson = (id: string | undefined) => useApiQuery<PersonDetail>(id && /^\d+$/.test(id) ? `/api/people/${id}` : null);

export const fullName = (p: Pick<Person, 'familyName' | 'givenName'>): string => `${p.familyName} ${p.givenName}`;

export const fullReading = (p: Pick<Person, 'familyNameKana' | 'givenNameKana'>): string =>
  [p.familyNameKana, p.givenNameKana].filter((s): s is string => Boolean(s)).join(' ');

export const genders = ['female', 'male', 'other'] as const;

/** Newest first for reading: current posts on top, then by start date descending. */
export function postsNewestFirst(posts: Post[]): Post[] {
  return [...posts].sort((a, b) => {
    if ((a.endDate === null) !== (b.endDate === null)) return a.endDate === null ? -1 : 1;
    return b.startDate.localeCompare(a.startDate) || b.id - a.id;
  });
}
