import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ReferenceBundle } from '../../../common/src/schemas/reference.schema.ts';
import { useLang } from '../i18n.ts';
import { PagedResults, useUrlFilters } from '../modules/criteria-data/paged-records.tsx';
import { IndustrySelect } from '../modules/reference/industry-select.tsx';
import { useReference } from '../modules/reference/use-reference.ts';
import { fieldOfWorkLabel, joinLabels } from '../modules/wishes/wish-labels.tsx';
import { interestedFiltersFrom, interestedParamsFrom, type InterestedFilters } from '../modules/wishes/wish-query.ts';
import { FieldOfWorkSelect, RegionSelects } from '../modules/wishes/wish-search-form.tsx';
import { interestedExportHref, useInterestedCompanies, wishHref, type InterestedCompanyItem } from '../modules/wishes/wishes.api.ts';
import { DownloadLink } from '../ui/file-upload.tsx';
import { formatDate, formatNumber } from '../ui/format.ts';
import { PageHeading, usePageTitle } from '../ui/primitives.tsx';
import { SearchPanel, useUrlDraft } from '../ui/search-panel.tsx';
import { Select } from '../ui/select.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';
import { TextField } from '../ui/text-field.tsx';

/**
 * 官民人事交流に関心が高い企業の一覧 (ministries, the NPA, the center): companies whose application to
 * the call was accepted or that publish a wish sheet, with what they want; filters in the URL, the
 * same list as CSV or Excel. The contacts are personal data (the server audits every read).
 */
export function InterestedCompaniesPage() {
  const { t } = useTranslation();
  usePageTitle(t('wishes.interested.title'));
  const { filters, search, clear, hrefFor } = useUrlFilters('/interested-companies', interestedFiltersFrom, interestedParamsFrom);
  const list = useInterestedCompanies(filters);
  const reference = useReference();
  return (
    <>
      <PageHeading title={t('wishes.interested.title')} lead={t('wishes.interested.lead')} />
      <InterestedFiltersForm value={filters} reference={reference.data} onSearch={search} onClear={clear} />
      <section aria-labelledby="interested-downloads-heading" className="mb-8">
        <h2 id="interested-downloads-heading" className="text-std-20B-150 text-solid-gray-900">
          {t('wishes.interested.downloadHeading')}
        </h2>
        <p className="mt-1 text-std-16N-170 text-solid-gray-800">{t('wishes.interested.downloadLead')}</p>
        <ul className="mt-2 flex flex-wrap gap-x-8">
          <li>
            <DownloadLink href={interestedExportHref(filters, 'csv')} testId="interested-csv">
              {t('wishes.interested.downloadCsv')}
            </DownloadLink>
          </li>
          <li>
            <DownloadLink href={interestedExportHref(filters, 'xlsx')} testId="interested-xlsx">
              {t('wishes.interested.downloadXlsx')}
            </DownloadLink>
          </li>
        </ul>
      </section>
      <PagedResults id="interested" heading={t('wishes.interested.resultsHeading')} noResults={t('wishes.interested.noResults')} outcome={null} state={list} hrefFor={hrefFor}>
        {(data) => <InterestedTable items={data.items} total={data.total} />}
      </PagedResults>
    </>
  );
}

function InterestedFiltersForm({ value, reference, onSearch, onClear }: { value: InterestedFilters; reference: ReferenceBundle | undefined; onSearch: (f: InterestedFilters) => void; onClear: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useUrlDraft(value);
  const set = <K extends keyof InterestedFilters>(k: K, v: InterestedFilters[K]) => setDraft((d) => ({ ...d, [k]: v }));
  return (
    <SearchPanel id="interested-search" heading={t('wishes.interested.searchHeading')} onSubmit={() => onSearch(draft)} onClear={onClear}>
      <TextField id="interested-q" type="search" label={t('wishes.interested.q')} hint={t('wishes.interested.qHint')} autoComplete="off" maxLength={200} className="max-w-2xl" value={draft.q} onChange={(e) => set('q', e.target.value)} />
      <div className="grid grid-cols-1 items-end gap-5 sm:grid-cols-2 lg:grid-cols-3">
        <IndustrySelect id="interested-industry" label={t('wishes.filters.industry')} value={draft.industry} onChange={(e) => set('industry', e.target.value)} industries={reference?.industries} />
        <RegionSelects idPrefix="interested" value={draft.region} reference={reference} onChange={(r) => set('region', r)} />
        <Select id="interested-direction" label={t('wishes.interested.direction')} value={draft.direction} onChange={(e) => set('direction', e.target.value as InterestedFilters['direction'])}>
          <option value="">{t('common.all')}</option>
          <option value="dispatch">{t('wishes.interested.wantsDispatch')}</option>
          <option value="hire">{t('wishes.interested.wantsHire')}</option>
        </Select>
        <FieldOfWorkSelect id="interested-field" label={t('wishes.filters.field')} value={draft.field} onChange={(e) => set('field', e.target.value)} />
      </div>
    </SearchPanel>
  );
}

function InterestedTable({ items, total }: { items: InterestedCompanyItem[]; total: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table caption={t('wishes.interested.caption', { total: formatNumber(total, lang) })} testId="interested-table">
      <thead>
        <tr>
          <Th>{t('wishes.interested.company')}</Th>
          <Th>{t('wishes.interested.industryPlace')}</Th>
          <Th>{t('wishes.interested.wants')}</Th>
          <Th>{t('wishes.interested.fields')}</Th>
          <Th>{t('wishes.interested.wantedMinistries')}</Th>
          <Th>{t('wishes.interested.sources')}</Th>
          <Th>{t('wishes.interested.contact')}</Th>
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <Tr key={c.companyId}>
            <Th scope="row" className="min-w-56 font-normal whitespace-normal">
              <Link to={`/companies/${c.companyId}`} className="font-bold">
                {c.companyName}
              </Link>
              <span className="block text-dns-14N-130 text-solid-gray-700">{t('wishes.interested.corporateNumber', { number: c.corporateNumber })}</span>
              {c.size ? <span className="block text-dns-14N-130 text-solid-gray-700">{t(`companies.sizes.${c.size}`)}</span> : null}
            </Th>
            <Td className="min-w-40">
              {c.industry ? c.industry[lang] : '—'}
              <span className="block text-dns-14N-130 text-solid-gray-700">{c.prefecture ? c.prefecture[lang] : '—'}</span>
            </Td>
            <Td className="min-w-40">
              <ul>
                {c.wantsDispatch ? <li>{t('wishes.interested.wantsDispatch')}</li> : null}
                {c.wantsHire ? <li>{t('wishes.interested.wantsHire')}</li> : null}
                {!c.wantsDispatch && !c.wantsHire ? <li>—</li> : null}
              </ul>
              {c.conditions ? <span className="mt-1 block text-dns-14N-130 whitespace-pre-line text-solid-gray-700">{c.conditions}</span> : null}
            </Td>
            <Td className="min-w-48">{c.fieldCodes.length ? joinLabels(c.fieldCodes.map((f) => fieldOfWorkLabel(f, lang)), lang) : '—'}</Td>
            <Td className="min-w-40">
              {c.wantedMinistries.length ? joinLabels(c.wantedMinistries.map((m) => m[lang]), lang) : c.sheetReferences.length ? t('wishes.sheet.anyMinistry') : '—'}
            </Td>
            <Td className="min-w-44">
              <ul>
                {c.sources.map((s) => (
                  <li key={s}>
                    {t(`wishes.interested.source.${s}`)}
                    {s === 'wish_sheet' && c.sheetReferences.length ? (
                      <ul>
                        {c.sheetReferences.map((r) => (
                          <li key={r}>
                            <Link to={wishHref(r)} aria-label={t('wishes.interested.sheetLink', { reference: r, company: c.companyName })}>
                              {r}
                            </Link>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
              <span className="block text-dns-14N-130 text-solid-gray-700">{t('wishes.interested.since', { date: formatDate(c.since, lang) })}</span>
            </Td>
            <Td className="min-w-56">
              {c.contactName || c.contactEmail || c.contactPhone ? (
                <>
                  {c.contactName ? <span className="block">{c.contactName}</span> : null}
                  {c.contactEmail ? (
                    <a className="block break-all" href={`mailto:${c.contactEmail}`}>
                      {c.contactEmail}
                    </a>
                  ) : null}
                  {c.contactPhone ? <span className="block">{c.contactPhone}</span> : null}
                </>
              ) : (
                t('wishes.interested.noContact')
              )}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
