import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n.ts';
import { PagedResults, useUrlFilters } from '../modules/criteria-data/paged-records.tsx';
import { useRoster } from '../modules/public-call/public-call.api.ts';
import { RosterFiltersForm, rosterFiltersFrom, rosterParamsFrom } from '../modules/public-call/roster-filters.tsx';
import { RosterTable } from '../modules/public-call/roster-table.tsx';
import { makeLookup, useReference } from '../modules/reference/use-reference.ts';
import { PageHeading, usePageTitle } from '../ui/primitives.tsx';

/** 名簿 (NPA, center, ministries): the companies whose applications to the public call were accepted; filters live in the URL. */
export function RosterPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('publicCall.roster.title'));
  const { filters, search, clear, hrefFor } = useUrlFilters('/roster', rosterFiltersFrom, rosterParamsFrom);
  const roster = useRoster(filters);
  const reference = useReference();
  const lookup = makeLookup(reference.data, lang);
  return (
    <>
      <PageHeading title={t('publicCall.roster.title')} lead={t('publicCall.roster.lead')} />
      <RosterFiltersForm value={filters} reference={reference.data} onSearch={search} onClear={clear} />
      <PagedResults id="roster" heading={t('publicCall.roster.resultsHeading')} noResults={t('publicCall.roster.noResults')} outcome={null} state={roster} hrefFor={hrefFor}>
        {(data) => <RosterTable data={data} lookup={lookup} />}
      </PagedResults>
    </>
  );
}
