import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app-errors.tsx';
import { pick, useLang } from '../i18n.ts';
import { CriteriaDate, LookIcon, OutcomeBadge, ScreeningStatusBadge } from '../modules/criteria/criteria-labels.tsx';
import type { ScreeningResponse } from '../modules/criteria/criteria.api.ts';
import { ScreeningForm } from '../modules/criteria/screening-form.tsx';
import {
  modeScreeningFromParams,
  paramsFromModeScreening,
  screeningHref as hrefOf,
  screeningReady,
  useModeScreening,
  type ModeScreeningSearch,
} from '../modules/criteria/screening-search.ts';
import { unitName } from '../modules/criteria/unit-select.tsx';
import { useOrganisation } from '../modules/organisations/organisations.api.ts';
import { fullName, usePerson } from '../modules/people/people.api.ts';
import { makeLookup, useReference } from '../modules/reference/use-reference.ts';
import { Alert } from '../ui/alert.tsx';
import { cx } from '../ui/cx.ts';
import { formatNumber } from '../ui/format.ts';
import { Pagination } from '../ui/pagination.tsx';
import { Loading, PageHeading, usePageTitle } from '../ui/primitives.tsx';
import { useUrlDraft } from '../ui/search-panel.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';

export function CriteriaScreeningPage() {
  const { t } = useTranslation();
  const lang = useLang();
  usePageTitle(t('criteria.screening.title'));
  const [params, setParams] = useSearchParams();
  const search = modeScreeningFromParams(params);
  const post = search.mode === 'post';
  const person = usePerson(search.personId || undefined);
  const organisation = useOrganisation(search.organisationId || undefined);
  const { data, error, loading, reload } = useModeScreening(search);
  // The mode chosen in the form; the hint before any search follows it.
  const [formMode, setFormMode] = useUrlDraft(search.mode);
  // After "Search", the results heading takes focus once the results for that search are in.
  const [focusFor, setFocusFor] = useState<string | null>(null);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const searchKey = paramsFromModeScreening(search).toString();

  useEffect(() => {
    if (focusFor === null || focusFor !== searchKey || (!data && !error)) return;
    resultsHeading.current?.focus();
    setFocusFor(null);
  }, [focusFor, searchKey, data, error]);

  /** "経済産業省 › 製造産業局 › 素材産業課" from the organisation in the URL, else the official's post. */
  const unitLabel = (unitId: number): string => {
    const tree = organisation.data;
    const path = tree ? unitName(tree.units, unitId, lang) : null;
    if (tree && path) return `${pick(lang, tree.nameJa, tree.nameEn)} › ${path}`;
    const p = person.data?.posts.find((x) => x.unitId === unitId);
    return p ? pick(lang, p.unitNameJa, p.unitNameEn) : t('criteria.screening.unitId', { id: unitId });
  };
  const personText = (id: number | null) => (person.data ? fullName(person.data) : `ID ${id ?? search.personId}`);

  const unitForHeading = data?.unitId ?? (search.unitId ? Number(search.unitId) : null);
  const heading = !screeningReady(search)
    ? t('criteria.screening.resultsHeading')
    : post
      ? t('criteria.screening.resultsHeadingHire', { unit: unitForHeading ? unitLabel(unitForHeading) : '' })
      : t('criteria.screening.resultsHeadingDispatch', { person: personText(data?.personId ?? null) });

  return (
    <>
      <PageHeading title={t('criteria.screening.title')} lead={t('criteria.screening.lead')} />
      <ScreeningForm
        value={search}
        personName={person.data ? fullName(person.data) : null}
        onSearch={(s) => {
          const next = paramsFromModeScreening(s);
          setFocusFor(next.toString());
          setParams(next);
        }}
        onClear={(s) => setParams(paramsFromModeScreening(s))}
        onModeChange={setFormMode}
      />
      <section aria-labelledby="screening-results-heading" data-testid="screening-section" data-mode={search.mode}>
        <h2 id="screening-results-heading" ref={resultsHeading} tabIndex={-1} className="mb-2 text-std-20B-150 text-solid-gray-900">
          {heading}
        </h2>
        {!screeningReady(search) ? (
          <p className="text-std-16N-170 text-solid-gray-700">{t(formMode === 'post' ? 'criteria.screening.choosePost' : 'criteria.screening.choosePerson')}</p>
        ) : null}
        {loading ? <Loading label={t('criteria.screening.loading')} /> : null}
        {error ? <ErrorAlert error={error} title={t('errors.loadFailed')} onRetry={reload} /> : null}
        {data ? (
          <>
            <p className="mb-4 text-std-16N-170 text-solid-gray-800" data-testid="screening-conditions">
              {data.direction === 'hire'
                ? t('criteria.screening.conditionsHire')
                : t('criteria.screening.conditions', { person: personText(data.personId), unit: unitLabel(data.unitId) })}
              <CriteriaDate value={data.plannedStart} />
              {t('criteria.result.rangeSeparator')}
              <CriteriaDate value={data.plannedEnd} />
            </p>
            {data.direction === 'hire' ? (
              <Alert tone="info" className="mb-6 max-w-4xl" testId="screening-post-note">
                {t('criteria.screening.postNote', { rule: t('criteria.rules.contract_involvement') })}
              </Alert>
            ) : null}
            <Counts data={data} search={search} />
            <div role="status" className="mt-6 mb-4 text-std-16N-170">
              {data.total === 0
                ? t('criteria.screening.noResults')
                : t('pagination.summary', {
                    total: formatNumber(data.total, lang),
                    from: formatNumber((data.page - 1) * data.pageSize + 1, lang),
                    to: formatNumber(Math.min(data.total, data.page * data.pageSize), lang),
                  })}
            </div>
            {data.items.length > 0 ? (
              <>
                <ScreeningTable data={data} />
                <Pagination page={data.page} pageSize={data.pageSize} total={data.total} hrefFor={(page) => hrefOf({ ...search, page })} />
              </>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}

function Counts({ data, search }: { data: ScreeningResponse; search: ModeScreeningSearch }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows = [
    { key: 'total', value: data.counts.total, status: '', look: null },
    { key: 'open', value: data.counts.open, status: 'open', look: 'good' },
    { key: 'barred', value: data.counts.barred, status: 'barred', look: 'bad' },
    { key: 'needs_review', value: data.counts.needsReview, status: 'needs_review', look: 'unknown' },
  ] as const;
  return (
    <div>
      <h3 className="mb-2 text-std-18B-160 text-solid-gray-900">{t('criteria.screening.countsHeading')}</h3>
      <ul className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="screening-counts">
        {rows.map((r) => {
          const active = search.status === r.status;
          return (
            <li key={r.key}>
              <Link
                to={hrefOf({ ...search, status: r.status, page: 1 })}
                aria-current={active ? 'true' : undefined}
                className={cx(
                  'flex h-full flex-col gap-1 rounded-8 border bg-white p-4 text-solid-gray-900 no-underline visited:text-solid-gray-900 hover:bg-blue-50 hover:text-solid-gray-900',
                  active ? 'border-2 border-blue-900' : 'border-solid-gray-420',
                )}
              >
                <span className="flex items-center gap-2 text-std-16B-170 underline">
                  {r.look ? <LookIcon look={r.look} /> : null}
                  {r.key === 'total' ? t('criteria.screening.countTotal') : t(`criteria.screening.status.${r.key}`)}
                </span>
                <span className="text-std-28B-150 tabular-nums">{t('criteria.screening.countValue', { count: r.value, formatted: formatNumber(r.value, lang) })}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function ScreeningTable({ data }: { data: ScreeningResponse }) {
  const { t } = useTranslation();
  const lang = useLang();
  const reference = useReference();
  const lookup = makeLookup(reference.data, lang);
  return (
    <Table caption={t('criteria.screening.caption', { total: formatNumber(data.total, lang) })} testId="screening-results">
      <thead>
        <tr>
          <Th>{t('criteria.screening.colCompany')}</Th>
          <Th>{t('criteria.screening.colStatus')}</Th>
          <Th>{t('criteria.screening.colFailing')}</Th>
        </tr>
      </thead>
      <tbody>
        {data.items.map((c) => (
          <Tr key={c.companyId}>
            <Th scope="row" className="max-w-80 min-w-64 font-normal whitespace-normal">
              <Link to={`/companies/${c.companyId}`} className="font-bold">
                {c.name}
              </Link>
              <span className="mt-1 block text-dns-14N-130 text-solid-gray-700">
                {lookup.legalType(c.legalTypeCode)}・<span className="font-mono">{c.corporateNumber}</span>
              </span>
            </Th>
            <Td className="whitespace-nowrap">
              <ScreeningStatusBadge status={c.status} />
            </Td>
            <Td className="min-w-96">
              {c.failing.length === 0 ? (
                <span className="text-solid-gray-700">{t('criteria.screening.noFailing')}</span>
              ) : (
                <ul className="flex flex-col gap-3">
                  {c.failing.map((f) => (
                    <li key={f.ruleId}>
                      <span className="flex flex-wrap items-center gap-2 font-bold">
                        {t(`criteria.rules.${f.ruleId}`)} <OutcomeBadge outcome={f.outcome} />
                      </span>
                      <span className="block text-dns-16N-130 leading-170">{f.reason[lang]}</span>
                      {f.earliestPassDate ? (
                        <span className="mt-1 block text-dns-14N-130 leading-170 text-solid-gray-800">
                          {t('criteria.screening.earliestPass')}
                          <CriteriaDate value={f.earliestPassDate} />
                        </span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              )}
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
