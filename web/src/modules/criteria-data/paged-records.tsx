import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { QueryState } from '../../api-hooks.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { useLang } from '../../i18n.ts';
import { useCompany } from '../companies/companies.api.ts';
import type { Picked } from '../criteria/search-picker.tsx';
import { formatNumber } from '../../ui/format.ts';
import { Pagination } from '../../ui/pagination.tsx';
import { Loading } from '../../ui/primitives.tsx';
import { companyLabel } from './company-picker.tsx';
import type { Paged } from './criteria-data.api.ts';

// What the pages that list criteria records (contracts, past exchanges) share: filters read from the
// URL, the company filter, and the results section with its count, table and pages.

/** A record id from the URL, or '' when it is not one. */
export const positiveId = (v: string | null): string => (v && /^[1-9]\d{0,15}$/.test(v) ? v : '');

/** The page number from the URL (1 when absent or not a page). */
export function pageParam(p: URLSearchParams): number {
  const page = Number(p.get('page') ?? '1');
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/**
 * A page's filters, kept in the URL at `path`: `read` and `write` turn them from and into its query.
 * A search starts again at page 1; clearing empties the query.
 */
export function useUrlFilters<F extends { page: number }>(path: string, read: (p: URLSearchParams) => F, write: (f: F) => URLSearchParams) {
  const [params, setParams] = useSearchParams();
  const filters = read(params);
  const hrefOf = (f: F) => {
    const q = write(f).toString();
    return q ? `${path}?${q}` : path;
  };
  return {
    filters,
    search: (f: F) => setParams(write({ ...f, page: 1 })),
    clear: () => setParams(new URLSearchParams()),
    hrefFor: (page: number) => hrefOf({ ...filters, page }),
  };
}

/** The company chosen in a filter: the one just picked, or (from the URL) the company looked up by id. */
export function useCompanyFilter(companyId: string) {
  const company = useCompany(companyId || undefined);
  const [picked, setPicked] = useState<Picked | null>(null);
  const selected = companyId
    ? picked?.id === Number(companyId)
      ? picked
      : { id: Number(companyId), label: company.data ? companyLabel(company.data) : `ID ${companyId}` }
    : null;
  return { selected, setPicked };
}

type ResultsProps<T> = {
  /** Names the section's heading (`${id}-results-heading`). */
  id: string;
  heading: string;
  noResults: string;
  /** The latest change's outcome, shown above the results. */
  outcome: ReactNode;
  state: QueryState<Paged<T>>;
  hrefFor: (page: number) => string;
  /** The table of the page's rows (there is at least one). */
  children: (data: Paged<T>) => ReactNode;
};

/** The results section: heading, outcome, load state, "n results" status, the table and the page links. */
export function PagedResults<T>({ id, heading, noResults, outcome, state, hrefFor, children }: ResultsProps<T>) {
  const { t } = useTranslation();
  const lang = useLang();
  const { data, error, loading, reload } = state;
  return (
    <section aria-labelledby={`${id}-results-heading`} className="mb-12">
      <h2 id={`${id}-results-heading`} className="mb-2 text-std-24B-150 text-solid-gray-900">
        {heading}
      </h2>
      {outcome}
      {loading ? <Loading /> : null}
      {error ? <ErrorAlert error={error} title={t('errors.loadFailed')} onRetry={reload} /> : null}
      {data ? (
        <>
          <div role="status" className="mb-4 text-std-16N-170">
            {data.total === 0
              ? noResults
              : t('pagination.summary', {
                  total: formatNumber(data.total, lang),
                  from: formatNumber((data.page - 1) * data.pageSize + 1, lang),
                  to: formatNumber(Math.min(data.total, data.page * data.pageSize), lang),
                })}
          </div>
          {data.items.length > 0 ? (
            <>
              {children(data)}
              <Pagination page={data.page} pageSize={data.pageSize} total={data.total} hrefFor={hrefFor} />
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
