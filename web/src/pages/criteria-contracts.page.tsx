import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../i18n.ts';
import { useSession } from '../modules/accounts/session.tsx';
import { formatFiscalYear, parseFiscalYear } from '../modules/criteria-data/amounts.ts';
import { CompanyPicker } from '../modules/criteria-data/company-picker.tsx';
import { ContractForm } from '../modules/criteria-data/contract-form.tsx';
import { ContractImport } from '../modules/criteria-data/contract-import.tsx';
import { CONTRACTS_PAGE_SIZE, deleteContract, may, useContracts, type ContractItem, type Paged } from '../modules/criteria-data/criteria-data.api.ts';
import { DeleteAction, useOutcome } from '../modules/criteria-data/form-kit.tsx';
import { pageParam, PagedResults, positiveId, useCompanyFilter, useUrlFilters } from '../modules/criteria-data/paged-records.tsx';
import { useOrganisations } from '../modules/organisations/organisations.api.ts';
import { formatNumber, formatYen } from '../ui/format.ts';
import { PageHeading, usePageTitle } from '../ui/primitives.tsx';
import { SearchPanel, useUrlDraft } from '../ui/search-panel.tsx';
import { Select } from '../ui/select.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';
import { TextField } from '../ui/text-field.tsx';

type Filters = { organisationId: string; companyId: string; fiscalYear: string; page: number };

function filtersFromParams(p: URLSearchParams): Filters {
  const fy = p.get('fiscalYear') ?? '';
  return {
    organisationId: positiveId(p.get('organisationId')),
    companyId: positiveId(p.get('companyId')),
    fiscalYear: /^\d{4}$/.test(fy) ? fy : '',
    page: pageParam(p),
  };
}

function paramsFromFilters(f: Filters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.organisationId) p.set('organisationId', f.organisationId);
  if (f.companyId) p.set('companyId', f.companyId);
  if (f.fiscalYear) p.set('fiscalYear', f.fiscalYear);
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}

/** 府省等との契約: contract totals per ministry, company and fiscal year, with one-by-one entry and a bulk import. */
export function CriteriaContractsPage() {
  const { t } = useTranslation();
  usePageTitle(t('criteriaData.contracts.title'));
  const { account } = useSession();
  const { filters, search, clear, hrefFor } = useUrlFilters('/criteria/contracts', filtersFromParams, paramsFromFilters);
  const contracts = useContracts({ ...filters, pageSize: CONTRACTS_PAGE_SIZE });
  const { reload } = contracts;
  const outcome = useOutcome();

  return (
    <>
      <PageHeading title={t('criteriaData.contracts.title')} lead={t('criteriaData.contracts.lead')} />
      <ContractFilters value={filters} onSearch={search} onClear={clear} />

      <PagedResults
        id="contracts"
        heading={t('criteriaData.contracts.resultsHeading')}
        noResults={t('criteriaData.contracts.noResults')}
        outcome={outcome.view('contracts-outcome')}
        state={contracts}
        hrefFor={hrefFor}
      >
        {(data) => (
          <ContractsTable
            data={data}
            onDelete={(c) =>
              outcome.run(() => deleteContract(c.id), (t, lang) => t('criteriaData.contracts.deleted', { company: c.companyName, fy: formatFiscalYear(c.fiscalYear, lang) }), reload)
            }
          />
        )}
      </PagedResults>

      {may.addContracts(account) ? (
        <div className="mb-12 border-t border-solid-gray-420 pt-10">
          <ContractForm
            onAdded={(c) => {
              outcome.show({
                ok: (t, lang) => t('criteriaData.contracts.added', { company: c.companyName, fy: formatFiscalYear(c.fiscalYear, lang), amount: formatYen(c.amountYen, lang) }),
              });
              reload();
            }}
          />
        </div>
      ) : null}
      {may.importContracts(account) ? (
        <div className="border-t border-solid-gray-420 pt-10">
          <ContractImport onImported={reload} />
        </div>
      ) : null}
    </>
  );
}

function ContractFilters({ value, onSearch, onClear }: { value: Filters; onSearch: (f: Filters) => void; onClear: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const organisations = useOrganisations();
  const [draft, setDraft] = useUrlDraft(value);
  const [fyText, setFyText] = useUrlDraft(value.fiscalYear);
  const [fyError, setFyError] = useState(false);
  const { selected, setPicked } = useCompanyFilter(draft.companyId);
  const ministry = account?.role === 'ministry_hr';

  return (
    <SearchPanel
      id="contracts-search"
      heading={t('criteriaData.contracts.searchHeading')}
      onSubmit={() => {
        const fy = fyText.trim() ? parseFiscalYear(fyText) : null;
        if (fyText.trim() && fy === null) {
          setFyError(true);
          document.getElementById('contracts-fiscalYear')?.focus();
          return;
        }
        setFyError(false);
        onSearch({ ...draft, fiscalYear: fy === null ? '' : String(fy) });
      }}
      onClear={() => {
        setPicked(null);
        setFyError(false);
        onClear();
      }}
    >
      <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
        {ministry ? (
          <p className="text-std-16N-170 text-solid-gray-800 md:col-span-2">{t('criteriaData.ownOrganisationShown')}</p>
        ) : (
          <Select id="contracts-organisationId" label={t('criteriaData.organisation')} value={draft.organisationId} onChange={(e) => setDraft((d) => ({ ...d, organisationId: e.target.value }))}>
            <option value="">{t('common.all')}</option>
            {(organisations.data?.items ?? []).map((o) => (
              <option key={o.id} value={o.id}>
                {pick(lang, o.nameJa, o.nameEn)}
              </option>
            ))}
          </Select>
        )}
        <TextField
          id="contracts-fiscalYear"
          label={t('criteriaData.fiscalYear')}
          hint={t('criteriaData.fiscalYearFilterHint')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={12}
          inputClassName="max-w-48"
          value={fyText}
          error={fyError ? t('criteriaData.fiscalYearInvalid') : undefined}
          onChange={(e) => {
            setFyText(e.target.value);
            setFyError(false);
          }}
        />
      </div>
      <CompanyPicker
        key={value.companyId}
        id="contracts-companyId"
        testId="contracts-filter-company"
        hint={t('criteriaData.companyFilterHint')}
        selected={selected}
        onSelect={(c) => {
          setPicked(c);
          setDraft((d) => ({ ...d, companyId: c ? String(c.id) : '' }));
        }}
      />
    </SearchPanel>
  );
}

function ContractsTable({ data, onDelete }: { data: Paged<ContractItem>; onDelete: (c: ContractItem) => Promise<void> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const organisations = useOrganisations();
  const orgName = (c: ContractItem) => {
    const o = organisations.data?.items.find((x) => x.id === c.organisationId);
    return o ? pick(lang, o.nameJa, o.nameEn) : c.organisationNameJa;
  };
  const anyWritable = data.items.some((c) => may.writeContract(account, c.organisationId));
  return (
    <Table caption={t('criteriaData.contracts.caption', { total: formatNumber(data.total, lang) })} testId="contracts-table">
      <thead>
        <tr>
          <Th>{t('criteriaData.company')}</Th>
          <Th>{t('criteriaData.organisation')}</Th>
          <Th>{t('criteriaData.fiscalYear')}</Th>
          <Th className="text-right">{t('criteriaData.contracts.amount')}</Th>
          <Th>{t('criteriaData.source')}</Th>
          {anyWritable ? <Th>{t('criteriaData.actions')}</Th> : null}
        </tr>
      </thead>
      <tbody>
        {data.items.map((c) => {
          const fy = formatFiscalYear(c.fiscalYear, lang);
          return (
            <Tr key={c.id}>
              <Th scope="row" className="min-w-56 font-normal whitespace-normal">
                <Link to={`/companies/${c.companyId}`} className="font-bold">
                  {c.companyName}
                </Link>
                <span className="mt-1 block font-mono text-dns-14N-130 text-solid-gray-700">{c.corporateNumber}</span>
              </Th>
              <Td className="min-w-40">{orgName(c)}</Td>
              <Td className="whitespace-nowrap">{fy}</Td>
              <Td className="text-right whitespace-nowrap tabular-nums">{formatYen(c.amountYen, lang)}</Td>
              <Td className="min-w-40 break-all">{c.source ?? '—'}</Td>
              {anyWritable ? (
                <Td>
                  {may.writeContract(account, c.organisationId) ? (
                    <DeleteAction label={t('criteriaData.contracts.rowLabel', { company: c.companyName, organisation: orgName(c), fy })} onConfirm={() => onDelete(c)} />
                  ) : null}
                </Td>
              ) : null}
            </Tr>
          );
        })}
      </tbody>
    </Table>
  );
}
