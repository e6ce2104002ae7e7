import type { CompanyDetail, CompanySummary } from '../../../../common/src/schemas/companies.schema.ts';
import { useApiQuery } from '../../api-hooks.ts';
import type { Query } from '../../api.ts';

export type { CompanyDetail, CompanySummary };
export type CompanyPage = { items: CompanySummary[]; total: number; totalCapped: boolean; page: number; pageSize: number };

export const companySizes = ['small', 'medium', 'large'] as const;
export type CompanySize = (typeof companySizes)[number];

export type CompanySearch = { q: string; industry: string; legalType: string; prefecture: string; size: string; page: number };

export const searchKeys = ['q', 'industry', 'legalType', 'prefecture', 'size'] as const;

export function searchFromParams(params: URLSearchParams): CompanySearch {
  const page = Number(params.get('page') ?? '1');
  return {
    q: params.get('q') ?? '',
    industry: params.get('industry') ?? '',
    legalType: params.get('legalType') ?? '',
    prefecture: params.get('prefecture') ?? '',
    size: (companySizes as readonly string[]).includes(params.get('size') ?? '') ? (params.get('size') as string) : '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** Only non-empty criteria go into the URL, so shared links stay short and canonical. */
export function paramsFromSearch(s: CompanySearch): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of searchKeys) {
    const v = s[k].trim();
    if (v) p.set(k, v);
  }
  if (s.page > 1) p.set('page', String(s.page));
  return p;
}

export const PAGE_SIZE = 20;

export function useCompanySearch(s: CompanySearch) {
  const query: Query = { q: s.q.trim(), industry: s.industry, legalType: s.legalType, prefecture: s.prefecture, size: s.size, page: s.page, pageSize: PAGE_SIZE };
  return useApiQuery<CompanyPage>('/api/companies', query);
}

export const useCompany = (id: string | undefined) => useApiQuery<CompanyDetail>(id && /^\d+$/.test(id) ? `/api/companies/${id}` : null);
