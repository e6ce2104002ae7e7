import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n.ts';
import { useSession } from '../modules/accounts/session.tsx';
import { pageParam, PagedResults, useUrlFilters } from '../modules/criteria-data/paged-records.tsx';
import { inquiryStatuses, inquiryWindowRoles, useInquiries, type InquiryStatus, type InquirySummary, type Paged } from '../modules/inquiries/inquiries.api.ts';
import { askerLabel, InquiryStatusBadge, ownerLabel } from '../modules/inquiries/inquiry-thread.tsx';
import { formatDateTime, formatNumber } from '../ui/format.ts';
import { PageHeading, usePageTitle } from '../ui/primitives.tsx';
import { SearchPanel, useUrlDraft } from '../ui/search-panel.tsx';
import { Select } from '../ui/select.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';

type Filters = { status: '' | InquiryStatus; side: '' | 'asker' | 'owner'; page: number };
const read = (p: URLSearchParams): Filters => {
  const s = p.get('status');
  const side = p.get('side');
  return {
    status: inquiryStatuses.includes(s as InquiryStatus) ? (s as InquiryStatus) : '',
    side: side === 'asker' || side === 'owner' ? side : '',
    page: pageParam(p),
  };
};
const write = (f: Filters) => {
  const p = new URLSearchParams();
  if (f.status) p.set('status', f.status);
  if (f.side) p.set('side', f.side);
  if (f.page > 1) p.set('page', String(f.page));
  return p;
};

/** 問合せ: the window sees every inquiry with both sides' names; a company or a ministry, its own. */
export function InquiriesPage() {
  const { t } = useTranslation();
  usePageTitle(t('inquiries.title'));
  const { account } = useSession();
  const isWindow = account ? inquiryWindowRoles.includes(account.role) : false;
  const { filters, search, clear, hrefFor } = useUrlFilters('/inquiries', read, write);
  const list = useInquiries(filters);
  return (
    <>
      <PageHeading title={t('inquiries.title')} lead={t(isWindow ? 'inquiries.leadCenter' : 'inquiries.leadParty')} />
      <InquiryFilters value={filters} onSearch={search} onClear={clear} showSide={!isWindow} />
      <PagedResults id="inquiries" heading={t('inquiries.resultsHeading')} noResults={t('inquiries.noResults')} outcome={null} state={list} hrefFor={hrefFor}>
        {(data) => <InquiriesTable data={data} />}
      </PagedResults>
    </>
  );
}

function InquiryFilters({ value, onSearch, onClear, showSide }: { value: Filters; onSearch: (f: Filters) => void; onClear: () => void; showSide: boolean }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useUrlDraft(value);
  return (
    <SearchPanel id="inquiries-search" heading={t('inquiries.filterHeading')} onSubmit={() => onSearch(draft)} onClear={onClear}>
      <div className="flex flex-wrap gap-6">
        <Select id="inquiries-status" label={t('inquiries.statusLabel')} className="max-w-xs" value={draft.status} onChange={(e) => setDraft((d) => ({ ...d, status: e.target.value as Filters['status'] }))}>
          <option value="">{t('common.all')}</option>
          {inquiryStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`inquiries.status.${s}`)}
            </option>
          ))}
        </Select>
        {showSide ? (
          <Select id="inquiries-side" label={t('inquiries.sideLabel')} className="max-w-xs" value={draft.side} onChange={(e) => setDraft((d) => ({ ...d, side: e.target.value as Filters['side'] }))}>
            <option value="">{t('common.all')}</option>
            <option value="asker">{t('inquiries.sideAsker')}</option>
            <option value="owner">{t('inquiries.sideOwner')}</option>
          </Select>
        ) : null}
      </div>
    </SearchPanel>
  );
}

function InquiriesTable({ data }: { data: Paged<InquirySummary> }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table caption={t('inquiries.caption', { total: formatNumber(data.total, lang) })} testId="inquiries-table">
      <thead>
        <tr>
          <Th>{t('inquiries.subject')}</Th>
          <Th>{t('inquiries.sheet')}</Th>
          <Th>{t('inquiries.asker')}</Th>
          <Th>{t('inquiries.owner')}</Th>
          <Th>{t('inquiries.statusLabel')}</Th>
          <Th>{t('inquiries.mySide')}</Th>
          <Th>{t('inquiries.lastActivity')}</Th>
        </tr>
      </thead>
      <tbody>
        {data.items.map((q) => (
          <Tr key={q.id}>
            <Th scope="row" className="min-w-56 font-normal whitespace-normal">
              <Link to={`/inquiries/${q.id}`} className="font-bold">
                {q.subject}
              </Link>
            </Th>
            <Td className="min-w-48">
              <Link to={`/wishes/${q.sheet.reference}`}>{q.sheet.reference}</Link>
              <span className="block text-dns-14N-130 text-solid-gray-700">{q.sheet.title}</span>
            </Td>
            <Td className="min-w-44">{askerLabel(q, t, lang)}</Td>
            <Td className="min-w-40">{ownerLabel(q, lang)}</Td>
            <Td>
              <InquiryStatusBadge status={q.status} />
            </Td>
            <Td className="whitespace-nowrap">{t(`inquiries.side.${q.mySide}`)}</Td>
            <Td className="min-w-44">
              <time dateTime={q.lastActivityAt}>{formatDateTime(q.lastActivityAt, lang)}</time>
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
