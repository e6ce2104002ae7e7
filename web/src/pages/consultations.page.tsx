import { Link, useNavigate } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n.ts';
import { useSession } from '../modules/accounts/session.tsx';
import { pageParam, PagedResults, useUrlFilters } from '../modules/criteria-data/paged-records.tsx';
import { ConsultationForm } from '../modules/public-call/consultation-form.tsx';
import { useConsultations, type ConsultationSummary, type Paged } from '../modules/public-call/public-call.api.ts';
import { formatDateTime, formatNumber } from '../ui/format.ts';
import { Badge, PageHeading, usePageTitle } from '../ui/primitives.tsx';
import { SearchPanel, useUrlDraft } from '../ui/search-panel.tsx';
import { Select } from '../ui/select.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';
import { pick } from '../i18n.ts';

type Filters = { status: '' | 'open' | 'closed'; page: number };
const read = (p: URLSearchParams): Filters => {
  const s = p.get('status');
  return { status: s === 'open' || s === 'closed' ? s : '', page: pageParam(p) };
};
const write = (f: Filters) => {
  const p = new URLSearchParams();
  if (f.status) p.set('status', f.status);
  if (f.page > 1) p.set('page', String(f.page));
  return p;
};

/** 事前相談: a company's consultations with ministries, or those addressed to a ministry (the NPA sees all). */
export function ConsultationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('publicCall.consultations.title'));
  const { account } = useSession();
  const navigate = useNavigate();
  const { filters, search, clear, hrefFor } = useUrlFilters('/consultations', read, write);
  const list = useConsultations(filters.status, filters.page);
  const isCompany = account?.role === 'company_hr';
  return (
    <>
      <PageHeading title={t('publicCall.consultations.title')} lead={t(isCompany ? 'publicCall.consultations.leadCompany' : 'publicCall.consultations.leadMinistry')} />
      <StatusFilter value={filters} onSearch={search} onClear={clear} />
      <PagedResults
        id="consultations"
        heading={t('publicCall.consultations.resultsHeading')}
        noResults={t('publicCall.consultations.noResults')}
        outcome={null}
        state={list}
        hrefFor={hrefFor}
      >
        {(data) => <ConsultationsTable data={data} />}
      </PagedResults>
      {isCompany ? (
        <div className="border-t border-solid-gray-420 pt-10">
          <ConsultationForm onOpened={(c) => navigate(`/consultations/${c.id}`, { state: { opened: true } })} />
        </div>
      ) : null}
    </>
  );
}

function StatusFilter({ value, onSearch, onClear }: { value: Filters; onSearch: (f: Filters) => void; onClear: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useUrlDraft(value);
  return (
    <SearchPanel id="consultations-search" heading={t('publicCall.consultations.filterHeading')} onSubmit={() => onSearch(draft)} onClear={onClear}>
      <Select id="consultations-status" label={t('publicCall.statusLabel')} className="max-w-xs" value={draft.status} onChange={(e) => setDraft((d) => ({ ...d, status: e.target.value as Filters['status'] }))}>
        <option value="">{t('common.all')}</option>
        <option value="open">{t('publicCall.consultations.status.open')}</option>
        <option value="closed">{t('publicCall.consultations.status.closed')}</option>
      </Select>
    </SearchPanel>
  );
}

function ConsultationsTable({ data }: { data: Paged<ConsultationSummary> }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table caption={t('publicCall.consultations.caption', { total: formatNumber(data.total, lang) })} testId="consultations-table">
      <thead>
        <tr>
          <Th>{t('publicCall.consultations.subject')}</Th>
          <Th>{t('publicCall.company')}</Th>
          <Th>{t('publicCall.consultations.ministry')}</Th>
          <Th>{t('publicCall.statusLabel')}</Th>
          <Th className="whitespace-nowrap">{t('publicCall.consultations.messages')}</Th>
          <Th>{t('publicCall.consultations.updatedAt')}</Th>
        </tr>
      </thead>
      <tbody>
        {data.items.map((c) => (
          <Tr key={c.id}>
            <Th scope="row" className="min-w-56 font-normal whitespace-normal">
              <Link to={`/consultations/${c.id}`} className="font-bold">
                {c.subject}
              </Link>
            </Th>
            <Td className="min-w-48">{c.companyName}</Td>
            <Td className="min-w-40">{pick(lang, c.organisationNameJa, c.organisationNameEn)}</Td>
            <Td>
              <Badge tone={c.status === 'open' ? 'blue' : 'gray'}>{t(`publicCall.consultations.status.${c.status}`)}</Badge>
            </Td>
            <Td className="text-right tabular-nums">{formatNumber(c.messageCount, lang)}</Td>
            <Td className="min-w-48">
              <time dateTime={c.updatedAt}>{formatDateTime(c.updatedAt, lang)}</time>
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
