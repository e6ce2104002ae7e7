import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n.ts';
import { useSession } from '../modules/accounts/session.tsx';
import { PagedResults, useUrlFilters } from '../modules/criteria-data/paged-records.tsx';
import { CaseFilterPanel, CaseTable, countText, ExportLinks } from '../modules/exchanges/case-list.tsx';
import { InterviewIntervalSettings } from '../modules/exchanges/exchange-settings.tsx';
import { filtersFromParams, mayCase, paramsFromFilters, useCases } from '../modules/exchanges/exchanges.api.ts';
import { PipelineView } from '../modules/exchanges/pipeline.tsx';
import { buttonClass } from '../ui/button.tsx';
import { PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';

/** 交流案件: the pipeline (ministry, NPA, center), then the list with its filters in the URL, and the exports; a ministry's settings last. */
export function ExchangeListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('exchangeCases.list.title'));
  const { account } = useSession();
  const { filters, search, clear, hrefFor } = useUrlFilters('/exchanges', filtersFromParams, (f) => paramsFromFilters(f));
  const cases = useCases('cases', filters);
  const role = account?.role;
  return (
    <>
      <PageHeading title={t('exchangeCases.list.title')} lead={t(`exchangeCases.list.lead.${role ?? 'npa'}`)}>
        <div className="mt-4 flex flex-wrap gap-3">
          {mayCase.create(account) ? (
            <Link to="/exchanges/new" className={buttonClass('primary', 'md')} data-testid="new-case">
              {t('exchangeCases.list.new')}
            </Link>
          ) : null}
          {mayCase.queue(account) ? (
            <Link to="/exchanges/queue" className={buttonClass('secondary', 'md')}>
              {t('exchangeCases.queue.title')}
            </Link>
          ) : null}
        </div>
      </PageHeading>
      {mayCase.pipeline(account) ? <PipelineView /> : null}
      <CaseFilterPanel id="cases-search" value={filters} onSearch={search} onClear={clear} />
      <PagedResults
        id="cases"
        heading={t('exchangeCases.list.resultsHeading')}
        noResults={t('exchangeCases.list.noResults')}
        outcome={mayCase.export(account) ? <ExportLinks filters={filters} /> : null}
        state={cases}
        hrefFor={hrefFor}
      >
        {(data) => <CaseTable data={data} caption={countText(t, data.total, lang)} testId="cases-table" />}
      </PagedResults>
      {mayCase.settings(account) ? (
        <section aria-labelledby="settings-heading">
          <SectionHeading id="settings-heading">{t('exchangeCases.settings.heading')}</SectionHeading>
          <InterviewIntervalSettings />
        </section>
      ) : null}
    </>
  );
}
