import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useLang } from '../i18n.ts';
import { useSession } from '../modules/accounts/session.tsx';
import { useCompany, type CompanyDetail } from '../modules/companies/companies.api.ts';
import { CompanyEditForm } from '../modules/companies/company-edit-form.tsx';
import { StatusBadge } from '../modules/companies/company-results.tsx';
import { DivisionForm } from '../modules/companies/division-form.tsx';
import { CompanyCriteriaData } from '../modules/criteria-data/company-criteria-data.tsx';
import { makeLookup, useReference } from '../modules/reference/use-reference.ts';
import { Alert } from '../ui/alert.tsx';
import { Button } from '../ui/button.tsx';
import { formatDate, formatNumber, formatYen } from '../ui/format.ts';
import { DescriptionList, Loading, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { NotFoundPage, QueryFailurePage } from './status-pages.tsx';

export function CompanyDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data, error, reload } = useCompany(id);
  if (!id || !/^\d+$/.test(id)) return <NotFoundPage />;
  if (error) return <QueryFailurePage error={error} title={t('companies.title')} onRetry={reload} />;
  return <CompanyView company={data} reload={reload} />;
}

function CompanyView({ company, reload }: { company: CompanyDetail | undefined; reload: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const reference = useReference();
  const lookup = makeLookup(reference.data, lang);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  usePageTitle(company?.name ?? t('companies.title'));

  const canEdit = company != null && account != null && (account.role === 'npa' || (account.role === 'company_hr' && account.companyId === company.id));
  const dash = '—';

  return (
    <>
      <p className="mb-4 text-std-16N-170">
        <Link to="/companies">{t('companies.detail.backToList')}</Link>
      </p>
      <PageHeading title={company?.name ?? t('companies.title')}>
        {company ? (
          <p className="mt-2 flex flex-wrap items-center gap-3 text-std-16N-170 text-solid-gray-700">
            {company.nameKana ? <span>{company.nameKana}</span> : null}
            <StatusBadge status={company.status} />
          </p>
        ) : null}
      </PageHeading>
      {!company ? (
        <Loading />
      ) : (
        <>
          {saved ? (
            <Alert tone="success" live="polite" className="mb-6">
              {t('companies.detail.saved')}
            </Alert>
          ) : null}
          <div className="flex flex-wrap items-end justify-between gap-4">
            <SectionHeading className="mt-0 mb-4">{editing ? t('companies.detail.editHeading') : t('companies.detail.basics')}</SectionHeading>
            {canEdit && !editing ? (
              <Button
                ref={editButton}
                variant="secondary"
                size="sm"
                className="mb-4"
                onClick={() => {
                  setSaved(false);
                  setEditing(true);
                }}
              >
                {t('common.edit')}
              </Button>
            ) : null}
          </div>
          {editing && reference.data ? (
            <CompanyEditForm
              company={company}
              reference={reference.data}
              onSaved={() => {
                setEditing(false);
                setSaved(true);
                reload();
              }}
              onCancel={() => {
                setEditing(false);
                setTimeout(() => editButton.current?.focus(), 0);
              }}
            />
          ) : (
            <DescriptionList
              items={[
                { term: t('companies.detail.corporateNumber'), value: <span className="font-mono">{company.corporateNumber}</span> },
                { term: t('companies.detail.legalType'), value: lookup.legalType(company.legalTypeCode) },
                { term: t('companies.detail.industry'), value: lookup.industry(company.industryCode) || dash },
                { term: t('companies.detail.prefecture'), value: lookup.prefecture(company.prefectureCode) || dash },
                { term: t('companies.detail.address'), value: company.address || dash },
                { term: t('companies.detail.capital'), value: company.capitalYen == null ? dash : formatYen(company.capitalYen, lang) },
                {
                  term: t('companies.detail.employees'),
                  value: company.employees == null ? dash : t('companies.employeesValue', { formatted: formatNumber(company.employees, lang) }),
                },
                { term: t('companies.detail.createdAt'), value: <time dateTime={company.createdAt}>{formatDate(company.createdAt, lang)}</time> },
                { term: t('companies.detail.updatedAt'), value: <time dateTime={company.updatedAt}>{formatDate(company.updatedAt, lang)}</time> },
              ]}
            />
          )}

          <SectionHeading>{t('companies.detail.groupHeading')}</SectionHeading>
          <div className="grid gap-6 md:grid-cols-2">
            <section aria-labelledby="company-parent">
              <h3 id="company-parent" className="mb-2 text-std-18B-160">
                {t('companies.detail.parent')}
              </h3>
              {company.parent ? (
                <p className="text-std-16N-170">
                  <Link to={`/companies/${company.parent.id}`}>{company.parent.name}</Link>{' '}
                  <span className="font-mono text-solid-gray-700">{company.parent.corporateNumber}</span>
                </p>
              ) : (
                <p className="text-std-16N-170 text-solid-gray-700">{t('companies.detail.noParent')}</p>
              )}
            </section>
            <section aria-labelledby="company-subsidiaries">
              <h3 id="company-subsidiaries" className="mb-2 text-std-18B-160">
                {t('companies.detail.subsidiaries')}
              </h3>
              {company.subsidiaries.length > 0 ? (
                <ul className="list-disc space-y-1 pl-6 text-std-16N-170">
                  {company.subsidiaries.map((s) => (
                    <li key={s.id}>
                      <Link to={`/companies/${s.id}`}>{s.name}</Link> <span className="font-mono text-solid-gray-700">{s.corporateNumber}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-std-16N-170 text-solid-gray-700">{t('companies.detail.noSubsidiaries')}</p>
              )}
            </section>
          </div>

          <SectionHeading>{t('companies.detail.divisionsHeading')}</SectionHeading>
          <p className="mb-3 text-std-16N-170 text-solid-gray-700">{t('companies.detail.divisionsNote')}</p>
          {company.divisions.length > 0 ? (
            <ul className="list-disc space-y-1 pl-6 text-std-16N-170">
              {company.divisions.map((d) => (
                <li key={d.id}>{d.name}</li>
              ))}
            </ul>
          ) : (
            <p className="text-std-16N-170 text-solid-gray-700">{t('companies.detail.noDivisions')}</p>
          )}
          {canEdit ? <DivisionForm companyId={company.id} onAdded={reload} /> : null}
          <CompanyCriteriaData company={company} />
        </>
      )}
    </>
  );
}
