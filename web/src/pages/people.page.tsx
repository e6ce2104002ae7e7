import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang } from '../i18n.ts';
import { paramsFromSearch, searchFromParams, usePeopleSearch } from '../modules/people/people.api.ts';
import { PeopleResults } from '../modules/people/people-results.tsx';
import { PeopleSearchForm } from '../modules/people/people-search-form.tsx';
import { formatNumber } from '../ui/format.ts';
import { Pagination } from '../ui/pagination.tsx';
import { Loading, PageHeading, usePageTitle } from '../ui/primitives.tsx';

export function PeoplePage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('people.title'));
  const [params, setParams] = useSearchParams();
  const search = searchFromParams(params);
  const { data, error, loading, reload } = usePeopleSearch(search);

  const from = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const to = data ? Math.min(data.total, data.page * data.pageSize) : 0;

  return (
    <>
      <PageHeading title={t('people.title')} lead={t('people.lead')} />
      <PeopleSearchForm value={search} onSearch={(s) => setParams(paramsFromSearch(s))} onClear={() => setParams(new URLSearchParams())} />
      <section aria-labelledby="people-results-heading">
        <h2 id="people-results-heading" className="mb-2 text-std-20B-150 text-solid-gray-900">
          {t('people.resultsCaption')}
        </h2>
        <div role="status" className="mb-4 text-std-16N-170">
          {data ? (
            data.total === 0 ? (
              t(search.q.trim() ? 'people.noResults' : 'people.empty')
            ) : (
              <>
                {t('people.resultsSummary', { total: formatNumber(data.total, lang), count: data.total })}{' '}
                <span className="text-solid-gray-700">
                  {t('pagination.summary', { total: formatNumber(data.total, lang), from: formatNumber(from, lang), to: formatNumber(to, lang) })}
                </span>
              </>
            )
          ) : null}
        </div>
        {loading ? <Loading /> : null}
        {error ? <ErrorAlert error={error} title={t('errors.loadFailed')} onRetry={reload} /> : null}
        {data && data.items.length > 0 ? (
          <>
            <PeopleResults rows={data.items} caption={t('people.resultsCaption')} />
            <Pagination
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              hrefFor={(page) => {
                const p = paramsFromSearch({ ...search, page }).toString();
                return p ? `/people?${p}` : '/people';
              }}
            />
          </>
        ) : null}
      </section>
    </>
  );
}
