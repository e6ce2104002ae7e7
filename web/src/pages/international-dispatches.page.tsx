// 国際機関等派遣の登録簿 (issue 8 item 1–2): the list with its filters in the URL, the dispatches that
// will cross 5 years within N months, and the exports. Ministry HR sees its own; the NPA sees all.
import { useState } from 'react';
import { Pagination } from '../ui/pagination.tsx';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../i18n.ts';
import { useOrganisations } from '../modules/organisations/organisations.api.ts';
import { useSession } from '../modules/accounts/session.tsx';
import { dispatchQuery, HOST_TYPES, mayIntl, STATUSES, useDispatches, useUpcoming } from '../modules/international/international.api.ts';
import { DispatchTable, ExportLinks, Loaded, useIntlLabels } from '../modules/international/intl-ui.tsx';
import { Badge } from '../ui/primitives.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';
import { buttonClass } from '../ui/button.tsx';
import { PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { SearchPanel, useUrlDraft } from '../ui/search-panel.tsx';
import { Select } from '../ui/select.tsx';

const FILTERS = ['state', 'hostType', 'region', 'fiscalYear', 'sendingOrganisationId'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

export function InternationalDispatchesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('international.registry.title'));
  const { account } = useSession();
  const role = account?.role;
  const [params, setParams] = useSearchParams();
  const current = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Filters;
  const [draft, setDraft] = useUrlDraft(current);
  const list = useDispatches(dispatchQuery(params, lang));
  const { regions } = useIntlLabels();
  const ministries = useOrganisations();
  const thisFy = (() => {
    const d = new Date();
    return d.getMonth() >= 3 ? d.getFullYear() : d.getFullYear() - 1;
  })();
  const years = Array.from({ length: 12 }, (_, i) => thisFy + 1 - i);

  return (
    <>
      <PageHeading title={t('international.registry.title')} lead={t(`international.registry.lead.${role === 'npa' ? 'npa' : 'ministry'}`)}>
        <div className="mt-4 flex flex-wrap gap-3">
          {mayIntl.register(role) ? (
            <Link to="/international/dispatches/new" className={buttonClass('primary', 'md')} data-testid="new-dispatch">
              {t('international.registry.new')}
            </Link>
          ) : null}
          <Link to="/international/consultations" className={buttonClass('secondary', 'md')}>
            {t('international.consultations.title')}
          </Link>
          <Link to="/international/figures" className={buttonClass('secondary', 'md')}>
            {t('international.figures.title')}
          </Link>
        </div>
      </PageHeading>

      <SearchPanel
        id="dispatch-search"
        heading={t('international.registry.filters')}
        onSubmit={() => setParams(new URLSearchParams(Object.entries(draft).filter(([, v]) => v)))}
        onClear={() => setParams(new URLSearchParams())}
      >
        <div className="grid items-end gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Select id="f-state" label={t('international.dispatch.status')} value={draft.state} onChange={(e) => setDraft({ ...draft, state: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`international.status.${s}`)}
              </option>
            ))}
          </Select>
          <Select id="f-hostType" label={t('international.dispatch.hostType')} value={draft.hostType} onChange={(e) => setDraft({ ...draft, hostType: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {HOST_TYPES.map((s) => (
              <option key={s} value={s}>
                {t(`international.hostType.${s}`)}
              </option>
            ))}
          </Select>
          <Select id="f-region" label={t('international.dispatch.region')} value={draft.region} onChange={(e) => setDraft({ ...draft, region: e.target.value })}>
            <option value="">{t('common.all')}</option>
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
          </Select>
          <Select
            id="f-fiscalYear"
            label={t('international.registry.fiscalYear')}
            hint={t('international.registry.fiscalYearHint')}
            value={draft.fiscalYear}
            onChange={(e) => setDraft({ ...draft, fiscalYear: e.target.value })}
          >
            <option value="">{t('common.all')}</option>
            {years.map((y) => (
              <option key={y} value={String(y)}>
                {lang === 'ja' ? `${y}年度` : `FY${y}`}
              </option>
            ))}
          </Select>
          {role === 'npa' ? (
            <Select
              id="f-sendingOrganisationId"
              label={t('international.dispatch.ministry')}
              value={draft.sendingOrganisationId}
              onChange={(e) => setDraft({ ...draft, sendingOrganisationId: e.target.value })}
            >
              <option value="">{t('common.all')}</option>
              {(ministries.data?.items ?? []).map((o) => (
                <option key={o.id} value={String(o.id)}>
                  {pick(lang, o.nameJa, o.nameEn)}
                </option>
              ))}
            </Select>
          ) : null}
        </div>
      </SearchPanel>

      <section aria-labelledby="dispatch-results">
        <SectionHeading id="dispatch-results">{t('international.registry.results')}</SectionHeading>
        <Loaded state={list}>
          {(data) =>
            data.items.length === 0 ? (
              <p role="status">{t('international.registry.none')}</p>
            ) : (
              <>
                <p role="status" className="mb-3">
                  {t('common.count', { count: data.total })}
                </p>
                <DispatchTable rows={data.items} caption={t('international.registry.caption')} testId="dispatch-table" />
                <Pagination
                  page={data.page}
                  pageSize={data.pageSize}
                  total={data.total}
                  hrefFor={(page) => {
                    const p = new URLSearchParams(params);
                    p.set('page', String(page));
                    return `/international/dispatches?${p.toString()}`;
                  }}
                />
              </>
            )
          }
        </Loaded>
        <ExportLinks what="dispatches" label={t('international.registry.title')} query={Object.fromEntries(Object.entries(current).filter(([, v]) => v))} />
      </section>

      <UpcomingSection />
    </>
  );
}

/** 5年を超えることとなる派遣 within the next N months. */
function UpcomingSection() {
  const { t } = useTranslation();
  const lang = useLang();
  const [months, setMonths] = useState(12);
  const upcoming = useUpcoming(months);
  return (
    <section aria-labelledby="upcoming-heading">
      <SectionHeading id="upcoming-heading">{t('international.upcoming.title')}</SectionHeading>
      <p className="mb-4 max-w-4xl">{t('international.upcoming.lead')}</p>
      <Select id="upcoming-months" label={t('international.upcoming.months')} value={String(months)} onChange={(e) => setMonths(Number(e.target.value))} className="mb-4 max-w-xs">
        {[3, 6, 12, 24, 36].map((m) => (
          <option key={m} value={m}>
            {t('international.upcoming.monthsOption', { count: m })}
          </option>
        ))}
      </Select>
      <Loaded state={upcoming}>
        {(data) =>
          data.items.length === 0 ? (
            <p role="status">{t('international.upcoming.none', { count: months })}</p>
          ) : (
            <Table caption={t('international.upcoming.caption', { from: data.asOf, until: data.until })} testId="upcoming-table">
              <thead>
                <tr>
                  <Th>{t('international.dispatch.person')}</Th>
                  <Th>{t('international.dispatch.host')}</Th>
                  <Th>{t('international.upcoming.periodStart')}</Th>
                  <Th>{t('international.upcoming.crossesOn')}</Th>
                  <Th>{t('international.dispatch.plannedEnd')}</Th>
                  <Th>{t('international.upcoming.kind')}</Th>
                  <Th>{t('international.dispatch.fiveYears')}</Th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((u) => (
                  <Tr key={`${u.dispatchId}-${u.kind}`}>
                    <Th scope="row" className="text-left">
                      <Link to={`/international/dispatches/${u.dispatchId}`} className="text-blue-1000 underline">
                        {u.personName}
                      </Link>
                      <span className="block text-dns-14N-130 text-solid-gray-700">{u.sendingOrganisation[lang]}</span>
                    </Th>
                    <Td>{u.host[lang]}</Td>
                    <Td className="whitespace-nowrap">{u.periodStart}</Td>
                    <Td className="whitespace-nowrap">{u.crossesOn}</Td>
                    <Td className="whitespace-nowrap">{u.currentPlannedEnd}</Td>
                    <Td>{t(`international.upcoming.kinds.${u.kind}`)}</Td>
                    <Td>{u.consulted ? <Badge tone="green">{t('international.dispatch.consulted')}</Badge> : <Badge tone="orange">{t('international.dispatch.needsConsultation')}</Badge>}</Td>
                  </Tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </Loaded>
    </section>
  );
}
