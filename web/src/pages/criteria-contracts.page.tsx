import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app-errors.tsx';
import { pick, useLang } from '../i18n.ts';
import { useSession } from '../modules/accounts/session.tsx';
import { useCompany } from '../modules/companies/companies.api.ts';
import { formatFiscalYear, parseFiscalYear } from '../modules/criteria-data/amounts.ts';
import { CompanyPicker, companyLabel } from '../modules/criteria-data/company-picker.tsx';
import { ContractForm } from '../modules/criteria-data/contract-form.tsx';
import { ContractImport } from '../modules/criteria-data/contract-import.tsx';
import { CONTRACTS_PAGE_SIZE, deleteContract, may, useContracts, type ContractItem, type Paged } from '../modules/criteria-data/criteria-data.api.ts';
import { DeleteAction, useOutcome } from '../modules/criteria-data/form-kit.tsx';
import { useOrganisations } from '../modules/organisations/organisations.api.ts';
import { formatNumber, formatYen } from '../ui/format.ts';
import { Pagination } from '../ui/pagination.tsx';
import { Loading, PageHeading, usePageTitle } from '../ui/primitives.tsx';
import { SearchPanel, useUrlDraft } from '../ui/search-panel.tsx';
import { Select } from '../ui/select.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';
import { TextField } from '../ui/text-field.tsx';

type Filters = { organisationId: string; companyId: string; fiscalYear: string; page: number };

const positiveId = (v: string | null): string => (v && /^[1-9]\d{0,15}$/.test(v) ? v : '');

function filtersFromParams(p: URLSearchParams): Filters {
  const page = Number(p.get('page') ?? '1');
  const fy = p.get('fiscalYear') ?? '';
  return {
    organisationId: positiveId(p.get('organisationId')),
    companyId: positiveId(p.get('companyId')),
    fiscalYear: /^\d{4}$/.test(fy) ? fy : '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
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

const hrefOf = (f: Filters) => {
  const q = paramsFromFilters(f).toString();
  return q ? `/criteria/contracts?${q}` : '/criteria/contracts';
};

/** 府省等との契約: contract totals per ministry, company and fiscal year, with one-by-one entry and a bulk import. */
export function CriteriaContractsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('criteriaData.contracts.title'));
  const { account } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const { data, error, loading, reload } = useContracts({ ...filters, pageSize: CONTRACTS_PAGE_SIZE });
  const outcome = useOutcome();

  return (
    <>
      <PageHeading title={t('criteriaData.contracts.title')} lead={t('criteriaData.contracts.lead')} />
      <ContractFilters value={filters} onSearch={(f) => setParams(paramsFromFilters({ ...f, page: 1 }))} onClear={() => setParams(new URLSearchParams())} />

      <section aria-labelledby="contracts-results-heading" className="mb-12">
        <h2 id="contracts-results-heading" className="mb-2 text-std-24B-150 text-solid-gray-900">
          {t('criteriaData.contracts.resultsHeading')}
        </h2>
        {outcome.view('contracts-outcome')}
        {loading ? <Loading /> : null}
        {error ? <ErrorAlert error={error} title={t('errors.loadFailed')} onRetry={reload} /> : null}
        {data ? (
          <>
            <div role="status" className="mb-4 text-std-16N-170">
              {data.total === 0
                ? t('criteriaData.contracts.noResults')
                : t('pagination.summary', {
                    total: formatNumber(data.total, lang),
                    from: formatNumber((data.page - 1) * data.pageSize + 1, lang),
                    to: formatNumber(Math.min(data.total, data.page * data.pageSize), lang),
                  })}
            </div>
            {data.items.length > 0 ? (
              <>
                <ContractsTable
                  data={data}
                  onDeleted={(c) => {
                    outcome.show({ ok: (t, lang) => t('criteriaData.contracts.deleted', { company: c.companyName, fy: formatFiscalYear(c.fiscalYear, lang) }) });
                    reload();
                  }}
                  onFailed={(err) => outcome.show({ error: err })}
                />
                <Pagination page={data.page} pageSize={data.pageSize} total={data.total} hrefFor={(page) => hrefOf({ ...filters, page })} />
              </>
            ) : null}
          </>
        ) : null}
      </section>

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
  const company = useCompany(draft.companyId || undefined);
  const [picked, setPicked] = useState<{ id: number; label: string } | null>(null);
  const selected = draft.companyId
    ? picked?.id === Number(draft.companyId)
      ? picked
      : { id: Number(draft.companyId), label: company.data ? companyLabel(company.data) : `ID ${draft.companyId}` }
    : null;
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

function ContractsTable({ data, onDeleted, onFailed }: { data: Paged<ContractItem>; onDeleted: (c: ContractItem) => void; onFailed: (err: unknown) => void }) {
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
                    <DeleteAction
                      label={t('criteriaData.contracts.rowLabel', { company: c.companyName, organisation: orgName(c), fy })}
                      onConfirm={async () => {
                        try {
                          await deleteContract(c.id);
                          onDeleted(c);
                        } catch (err) {
                          onFailed(err);
                        }
                      }}
                    />
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
