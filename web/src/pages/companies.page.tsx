import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang } from '../i18n.ts';
import { paramsFromSearch, searchFromParams, useCompanySearch } from '../modules/companies/companies.api.ts';
import { CompanyResults } from '../modules/companies/company-results.tsx';
import { CompanySearchForm } from '../modules/companies/company-search-form.tsx';
import { makeLookup, useReference } from '../modules/reference/use-reference.ts';
import { formatNumber } from '../ui/format.ts';
import { Pagination } from '../ui/pagination.tsx';
import { Loading, PageHeading, usePageTitle } from '../ui/primitives.tsx';

export function CompaniesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('companies.title'));
  const [params, setParams] = useSearchParams();
  const search = searchFromParams(params);
  const reference = useReference();
  const lookup = makeLookup(reference.data, lang);
  const { data, error, loading, reload } = useCompanySearch(search);

  const from = data && data.total > 0 ? (data.page - 1) * data.pageSize + 1 : 0;
  const to = data ? Math.min(data.total, data.page * data.pageSize) : 0;

  return (
    <>
      <PageHeading title={t('companies.title')} lead={t('companies.lead')} />
      <CompanySearchForm value={search} reference={reference.data} onSearch={(s) => setParams(paramsFromSearch(s))} onClear={() => setParams(new URLSearchParams())} />
      <section aria-labelledby="company-results-heading">
        <h2 id="company-results-heading" className="mb-2 text-std-20B-150 text-solid-gray-900">
          {t('companies.resultsCaption')}
        </h2>
        <div role="status" className="mb-4 text-std-16N-170">
          {data ? (
            data.total === 0 ? (
              t('companies.noResults')
            ) : (
              <>
                {t(data.totalCapped ? 'companies.resultsSummaryCapped' : 'companies.resultsSummary', { total: formatNumber(data.total, lang), count: data.total })}{' '}
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
            <CompanyResults rows={data.items} lookup={lookup} caption={t('companies.resultsCaption')} />
            <Pagination
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              hrefFor={(page) => {
                const p = paramsFromSearch({ ...search, page }).toString();
                return p ? `/companies?${p}` : '/companies';
              }}
            />
          </>
        ) : null}
      </section>
    </>
  );
}
