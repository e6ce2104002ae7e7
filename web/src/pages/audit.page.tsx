import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app-errors.tsx';
import { useLang } from '../i18n.ts';
import { filtersFromParams, paramsFromFilters, useAuditSearch } from '../modules/audit/audit.api.ts';
import { AuditFiltersForm } from '../modules/audit/audit-filters-form.tsx';
import { AuditTable } from '../modules/audit/audit-table.tsx';
import { VerifyPanel } from '../modules/audit/verify-panel.tsx';
import { formatNumber } from '../ui/format.ts';
import { Pagination } from '../ui/pagination.tsx';
import { Loading, PageHeading, usePageTitle } from '../ui/primitives.tsx';

export function AuditPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('audit.title'));
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const { data, error, loading, reload } = useAuditSearch(filters);

  return (
    <>
      <PageHeading title={t('audit.title')} lead={t('audit.lead')} />
      <VerifyPanel />
      <AuditFiltersForm value={filters} onSearch={(f) => setParams(paramsFromFilters(f))} onClear={() => setParams(new URLSearchParams())} />
      {loading ? <Loading /> : null}
      {error ? <ErrorAlert error={error} title={t('errors.loadFailed')} onRetry={reload} /> : null}
      {data ? (
        data.items.length === 0 ? (
          <p role="status" className="rounded-8 bg-solid-gray-50 p-5 text-std-16N-170">
            {t('audit.empty')}
          </p>
        ) : (
          <>
            <AuditTable rows={data.items} caption={t('audit.caption', { total: formatNumber(data.total, lang) })} />
            <Pagination
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              hrefFor={(page) => {
                const p = paramsFromFilters({ ...filters, page }).toString();
                return p ? `/admin/audit?${p}` : '/admin/audit';
              }}
            />
          </>
        )
      ) : null}
    </>
  );
}
