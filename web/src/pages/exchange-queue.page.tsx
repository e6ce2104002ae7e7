import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n.ts';
import { PagedResults, useUrlFilters } from '../modules/criteria-data/paged-records.tsx';
import { CaseFilterPanel, CaseTable, countText, ExportLinks } from '../modules/exchanges/case-list.tsx';
import { filtersFromParams, paramsFromFilters, queueStates, useCases } from '../modules/exchanges/exchanges.api.ts';
import { PageHeading, usePageTitle } from '../ui/primitives.tsx';

/** 審査待ち: the NPA's queue, by planned start then by time waiting; overdue reviews flagged. */
export function ExchangeQueuePage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('exchangeCases.queue.title'));
  const { filters, search, clear, hrefFor } = useUrlFilters('/exchanges/queue', filtersFromParams, (f) => paramsFromFilters(f));
  const cases = useCases('queue', filters);
  // The exports carry the queue's states when none is chosen.
  const exportFilters = filters.state.length ? filters : { ...filters, state: queueStates };
  return (
    <>
      <p className="mb-4 text-std-16N-170">
        <Link to="/exchanges">{t('exchangeCases.backToList')}</Link>
      </p>
      <PageHeading title={t('exchangeCases.queue.title')} lead={t('exchangeCases.queue.lead')} />
      <CaseFilterPanel id="queue-search" value={filters} onSearch={search} onClear={clear} states={queueStates} />
      <PagedResults
        id="queue"
        heading={t('exchangeCases.queue.resultsHeading')}
        noResults={t('exchangeCases.queue.noResults')}
        outcome={<ExportLinks filters={exportFilters} />}
        state={cases}
        hrefFor={hrefFor}
      >
        {(data) => <CaseTable data={data} caption={countText(t, data.total, lang)} testId="queue-table" queue />}
      </PagedResults>
    </>
  );
}
