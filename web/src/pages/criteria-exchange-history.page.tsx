import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../i18n.ts';
import { useSession } from '../modules/accounts/session.tsx';
import { UnitSelect } from '../modules/criteria/unit-select.tsx';
import { CompanyPicker } from '../modules/criteria-data/company-picker.tsx';
import { deleteExchangeHistory, HISTORY_PAGE_SIZE, may, useExchangeHistory, type ExchangeHistoryItem, type Paged } from '../modules/criteria-data/criteria-data.api.ts';
import { ExchangeHistoryForm } from '../modules/criteria-data/exchange-history-form.tsx';
import { DeleteAction, useOutcome } from '../modules/criteria-data/form-kit.tsx';
import { pageParam, PagedResults, positiveId, useCompanyFilter, useUrlFilters } from '../modules/criteria-data/paged-records.tsx';
import { useOrganisations } from '../modules/organisations/organisations.api.ts';
import { formatDate, formatNumber } from '../ui/format.ts';
import { PageHeading, usePageTitle } from '../ui/primitives.tsx';
import { SearchPanel, useUrlDraft } from '../ui/search-panel.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';

type Filters = { companyId: string; organisationId: string; unitId: string; page: number };

function filtersFromParams(p: URLSearchParams): Filters {
  return {
    companyId: positiveId(p.get('companyId')),
    organisationId: positiveId(p.get('organisationId')),
    unitId: positiveId(p.get('unitId')),
    page: pageParam(p),
  };
}

function paramsFromFilters(f: Filters): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of ['companyId', 'organisationId', 'unitId'] as const) if (f[k]) p.set(k, f[k]);
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}

/** 過去の交流実績: exchanges between a company and a unit before koryu kept the cases (the consecutive-exchanges rule reads them). */
export function CriteriaExchangeHistoryPage() {
  const { t } = useTranslation();
  usePageTitle(t('criteriaData.history.title'));
  const { account } = useSession();
  const { filters, search, clear, hrefFor } = useUrlFilters('/criteria/exchange-history', filtersFromParams, paramsFromFilters);
  const history = useExchangeHistory({ companyId: filters.companyId, unitId: filters.unitId, page: filters.page, pageSize: HISTORY_PAGE_SIZE });
  const { reload } = history;
  const outcome = useOutcome();

  return (
    <>
      <PageHeading title={t('criteriaData.history.title')} lead={t('criteriaData.history.lead')} />
      <HistoryFilters value={filters} onSearch={search} onClear={clear} />
      <PagedResults
        id="history"
        heading={t('criteriaData.history.resultsHeading')}
        noResults={t('criteriaData.history.noResults')}
        outcome={outcome.view('history-outcome')}
        state={history}
        hrefFor={hrefFor}
      >
        {(data) => (
          <HistoryTable
            data={data}
            onDelete={(h) => outcome.run(() => deleteExchangeHistory(h.id), (t) => t('criteriaData.history.deleted', { company: h.companyName, unit: h.unitNameJa }), reload)}
          />
        )}
      </PagedResults>
      {may.addHistory(account) ? (
        <div className="border-t border-solid-gray-420 pt-10">
          <ExchangeHistoryForm
            onAdded={(h) => {
              outcome.show({ ok: (t, lang) => t('criteriaData.history.added', { company: h.companyName, unit: h.unitNameJa }) });
              reload();
            }}
          />
        </div>
      ) : null}
    </>
  );
}

function HistoryFilters({ value, onSearch, onClear }: { value: Filters; onSearch: (f: Filters) => void; onClear: () => void }) {
  const { t } = useTranslation();
  const { account } = useSession();
  const [draft, setDraft] = useUrlDraft(value);
  const { selected, setPicked } = useCompanyFilter(draft.companyId);
  return (
    <SearchPanel
      id="history-search"
      heading={t('criteriaData.history.searchHeading')}
      onSubmit={() => onSearch(draft)}
      onClear={() => {
        setPicked(null);
        onClear();
      }}
    >
      <CompanyPicker
        key={value.companyId}
        id="history-filter-companyId"
        testId="history-filter-company"
        hint={t('criteriaData.companyFilterHint')}
        selected={selected}
        onSelect={(c) => {
          setPicked(c);
          setDraft((d) => ({ ...d, companyId: c ? String(c.id) : '' }));
        }}
      />
      <UnitSelect
        idPrefix="history-filter-"
        organisationId={draft.organisationId}
        unitId={draft.unitId}
        onlyOrganisationId={account?.role === 'ministry_hr' ? account.organisationId : undefined}
        emptyLabels={{ organisation: t('common.all'), unit: t('common.all') }}
        onChange={({ organisationId, unitId }) => setDraft((d) => ({ ...d, organisationId, unitId }))}
      />
    </SearchPanel>
  );
}

function HistoryTable({ data, onDelete }: { data: Paged<ExchangeHistoryItem>; onDelete: (h: ExchangeHistoryItem) => Promise<void> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const organisations = useOrganisations();
  const orgName = (id: number) => {
    const o = organisations.data?.items.find((x) => x.id === id);
    return o ? pick(lang, o.nameJa, o.nameEn) : '';
  };
  const anyWritable = data.items.some((h) => may.writeHistory(account, h.organisationId));
  // The center may not read people's records: the id alone, without a link it could not follow.
  const canReadPeople = account?.role === 'npa' || account?.role === 'ministry_hr';
  return (
    <Table caption={t('criteriaData.history.caption', { total: formatNumber(data.total, lang) })} testId="history-table">
      <thead>
        <tr>
          <Th>{t('criteriaData.company')}</Th>
          <Th>{t('criteriaData.unit')}</Th>
          <Th className="whitespace-nowrap">{t('criteriaData.history.direction')}</Th>
          <Th>{t('criteriaData.history.period')}</Th>
          <Th className="whitespace-nowrap">{t('criteriaData.history.person')}</Th>
          <Th>{t('criteriaData.history.note')}</Th>
          {anyWritable ? <Th>{t('criteriaData.actions')}</Th> : null}
        </tr>
      </thead>
      <tbody>
        {data.items.map((h) => (
          <Tr key={h.id}>
            <Th scope="row" className="min-w-48 font-normal whitespace-normal">
              <Link to={`/companies/${h.companyId}`} className="font-bold">
                {h.companyName}
              </Link>
            </Th>
            <Td className="min-w-48">
              <span lang="ja" className="block">
                {h.unitNameJa}
              </span>
              <span className="block text-dns-14N-130 text-solid-gray-700">{orgName(h.organisationId)}</span>
            </Td>
            <Td className="whitespace-nowrap">{t(`criteria.direction.${h.direction}`)}</Td>
            <Td className="min-w-56">
              <time dateTime={h.startDate}>{formatDate(h.startDate, lang)}</time>
              {t('criteriaData.rangeSeparator')}
              {h.endDate ? <time dateTime={h.endDate}>{formatDate(h.endDate, lang)}</time> : t('criteriaData.history.ongoing')}
            </Td>
            <Td className="whitespace-nowrap">
              {h.personId == null ? '—' : canReadPeople ? <Link to={`/people/${h.personId}`}>{t('criteriaData.history.personLink', { id: h.personId })}</Link> : t('criteriaData.history.personId', { id: h.personId })}
            </Td>
            <Td className="min-w-48">{h.note ?? '—'}</Td>
            {anyWritable ? (
              <Td>
                {may.writeHistory(account, h.organisationId) ? (
                  <DeleteAction
                    label={t('criteriaData.history.rowLabel', { company: h.companyName, unit: h.unitNameJa, start: formatDate(h.startDate, lang) })}
                    onConfirm={() => onDelete(h)}
                  />
                ) : null}
              </Td>
            ) : null}
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
