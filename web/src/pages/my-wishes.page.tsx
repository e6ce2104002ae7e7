import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { WishKind } from '../../../common/src/schemas/wishes.schema.ts';
import { useLang } from '../i18n.ts';
import { useSession, type Role } from '../modules/accounts/session.tsx';
import { pageParam, PagedResults, useUrlFilters } from '../modules/criteria-data/paged-records.tsx';
import { WishKindBadge, WishStatusBadge, WISH_KINDS } from '../modules/wishes/wish-labels.tsx';
import { useMyWishes, wishHref, type WishSheetSummary } from '../modules/wishes/wishes.api.ts';
import { buttonClass } from '../ui/button.tsx';
import { formatDate, formatDateTime, formatNumber } from '../ui/format.ts';
import { PageHeading, usePageTitle } from '../ui/primitives.tsx';
import { SearchPanel, useUrlDraft } from '../ui/search-panel.tsx';
import { Select } from '../ui/select.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';
import { pick } from '../i18n.ts';

const STATUSES = ['draft', 'published', 'expired', 'closed'] as const;

/** The kinds of sheet a role writes: ministries their two wishes, companies their sheet, the NPA any. */
export function kindsFor(role: Role | undefined): WishKind[] {
  if (role === 'ministry_hr') return ['ministry_dispatch', 'ministry_hire'];
  if (role === 'company_hr') return ['company'];
  if (role === 'npa') return [...WISH_KINDS];
  return [];
}

type Filters = { status: string; kind: string; page: number };
const read = (p: URLSearchParams): Filters => ({
  status: (STATUSES as readonly string[]).includes(p.get('status') ?? '') ? p.get('status')! : '',
  kind: (WISH_KINDS as readonly string[]).includes(p.get('kind') ?? '') ? p.get('kind')! : '',
  page: pageParam(p),
});
const write = (f: Filters) => {
  const p = new URLSearchParams();
  if (f.status) p.set('status', f.status);
  if (f.kind) p.set('kind', f.kind);
  if (f.page > 1) p.set('page', String(f.page));
  return p;
};

/** 自分の交流希望シート (ministry HR, company HR, NPA): the sheets in the account's scope, with their state, and new ones. */
export function MyWishesPage() {
  const { t } = useTranslation();
  usePageTitle(t('wishes.mine.title'));
  const { account } = useSession();
  const { filters, search, clear, hrefFor } = useUrlFilters('/my-wishes', read, write);
  const list = useMyWishes(filters.status, filters.kind, filters.page);
  const kinds = kindsFor(account?.role);
  return (
    <>
      <PageHeading title={t('wishes.mine.title')} lead={t(account?.role === 'company_hr' ? 'wishes.mine.leadCompany' : 'wishes.mine.leadMinistry')}>
        <ul className="mt-6 flex flex-wrap gap-3">
          {kinds.map((k) => (
            <li key={k}>
              <Link to={`/my-wishes/new?kind=${k}`} className={buttonClass('primary', 'md')} data-testid={`new-wish-${k}`}>
                {t(`wishes.mine.create.${k}`)}
              </Link>
            </li>
          ))}
          <li>
            <Link to="/wishes" className={buttonClass('tertiary', 'md')}>
              {t('wishes.mine.toPublic')}
            </Link>
          </li>
        </ul>
      </PageHeading>
      <MyFilters value={filters} kinds={kinds} onSearch={search} onClear={clear} />
      <PagedResults id="my-wishes" heading={t('wishes.mine.resultsHeading')} noResults={t('wishes.mine.noResults')} outcome={null} state={list} hrefFor={hrefFor}>
        {(data) => <MyWishesTable items={data.items} total={data.total} showOwner={account?.role === 'npa'} />}
      </PagedResults>
    </>
  );
}

function MyFilters({ value, kinds, onSearch, onClear }: { value: Filters; kinds: WishKind[]; onSearch: (f: Filters) => void; onClear: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useUrlDraft(value);
  return (
    <SearchPanel id="my-wishes-search" heading={t('wishes.mine.filterHeading')} onSubmit={() => onSearch(draft)} onClear={onClear}>
      <div className="grid grid-cols-1 gap-5 sm:grid-cols-2 lg:max-w-3xl">
        <Select id="my-wishes-status" label={t('wishes.mine.status')} value={draft.status} onChange={(e) => setDraft((d) => ({ ...d, status: e.target.value }))}>
          <option value="">{t('common.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`wishes.status.${s}`)}
            </option>
          ))}
        </Select>
        {kinds.length > 1 ? (
          <Select id="my-wishes-kind" label={t('wishes.mine.kind')} value={draft.kind} onChange={(e) => setDraft((d) => ({ ...d, kind: e.target.value }))}>
            <option value="">{t('common.all')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`wishes.kind.${k}`)}
              </option>
            ))}
          </Select>
        ) : null}
      </div>
    </SearchPanel>
  );
}

function MyWishesTable({ items, total, showOwner }: { items: WishSheetSummary[]; total: number; showOwner: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table caption={t('wishes.mine.caption', { total: formatNumber(total, lang) })} testId="my-wishes-table">
      <thead>
        <tr>
          <Th>{t('wishes.mine.titleColumn')}</Th>
          <Th>{t('wishes.mine.kind')}</Th>
          {showOwner ? <Th>{t('wishes.sheet.owner')}</Th> : null}
          <Th>{t('wishes.mine.status')}</Th>
          <Th>{t('wishes.sheet.expiresOn')}</Th>
          <Th>{t('wishes.mine.updatedAt')}</Th>
          <Th className="whitespace-nowrap">{t('wishes.mine.publicPage')}</Th>
        </tr>
      </thead>
      <tbody>
        {items.map((w) => (
          <Tr key={w.id}>
            <Th scope="row" className="min-w-64 font-normal whitespace-normal">
              <Link to={`/my-wishes/${w.id}`} className="font-bold">
                {w.title}
              </Link>
              <span className="block text-dns-14N-130 text-solid-gray-700">{w.reference}</span>
            </Th>
            <Td>
              <WishKindBadge kind={w.kind} />
            </Td>
            {showOwner ? <Td className="min-w-40">{pick(lang, w.owner.nameJa, w.owner.nameEn)}</Td> : null}
            <Td>
              <WishStatusBadge status={w.effectiveStatus} />
            </Td>
            <Td className="min-w-40">{w.expiresOn ? formatDate(w.expiresOn, lang) : '—'}</Td>
            <Td className="min-w-48">
              <time dateTime={w.updatedAt}>{formatDateTime(w.updatedAt, lang)}</time>
            </Td>
            <Td className="whitespace-nowrap">
              {w.effectiveStatus === 'published' ? (
                <Link to={wishHref(w.reference)} aria-label={t('wishes.mine.publicPageOf', { title: w.title })}>
                  {t('wishes.mine.open')}
                </Link>
              ) : (
                <span>
                  <span aria-hidden="true">—</span>
                  <span className="sr-only">{t('wishes.mine.notPublic')}</span>
                </span>
              )}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
