import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../i18n.ts';
import { countUnits, telHref, useOrganisation, type OrganisationTree } from '../modules/organisations/organisations.api.ts';
import { UnitTree } from '../modules/organisations/unit-tree.tsx';
import { UnitJurisdictions } from '../modules/criteria-data/unit-jurisdictions.tsx';
import { DescriptionList, Loading, PageHeading, SectionHeading, usePageTitle } from '../ui/primitives.tsx';
import { NotFoundPage, QueryFailurePage } from './status-pages.tsx';

export function OrganisationDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data, error, reload } = useOrganisation(id);
  if (!id || !/^\d+$/.test(id)) return <NotFoundPage />;
  if (error) return <QueryFailurePage error={error} title={t('organisations.title')} onRetry={reload} />;
  return <OrganisationView data={data} />;
}

function OrganisationView({ data }: { data: OrganisationTree | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const name = data ? pick(lang, data.nameJa, data.nameEn) : t('organisations.title');
  usePageTitle(name);
  const headquarters = data?.units.filter((u) => u.kind !== 'regional_office') ?? [];
  const regional = data?.units.filter((u) => u.kind === 'regional_office') ?? [];

  return (
    <>
      <p className="mb-4 text-std-16N-170">
        <Link to="/organisations">{t('organisations.detail.backToList')}</Link>
      </p>
      <PageHeading title={name} />
      {!data ? (
        <Loading />
      ) : (
        <>
          <SectionHeading className="mt-0">{t('organisations.detail.overview')}</SectionHeading>
          <DescriptionList
            items={[
              { term: t('organisations.detail.kind'), value: t(`organisations.kind.${data.kind}`) },
              { term: t('organisations.detail.code'), value: <span className="font-mono">{data.code}</span> },
              { term: t('organisations.detail.hrOffice'), value: pick(lang, data.hrOfficeJa, data.hrOfficeEn) || '—' },
              { term: t('organisations.detail.phone'), value: data.phone ? <a href={telHref(data.phone)}>{data.phone}</a> : '—' },
            ]}
          />
          <SectionHeading>
            {t('organisations.detail.unitsHeading')}
            <span className="ml-3 text-std-16N-170 text-solid-gray-700">{t('organisations.detail.unitsCount', { count: countUnits(data.units) })}</span>
          </SectionHeading>
          {data.units.length === 0 ? (
            <p className="text-std-16N-170 text-solid-gray-700">{t('organisations.detail.noUnits')}</p>
          ) : (
            <>
              {headquarters.length > 0 ? (
                <section aria-labelledby="units-hq" className="mb-8">
                  <h3 id="units-hq" className="mb-3 text-std-20B-150 text-solid-gray-900">
                    {t('organisations.detail.headquarters')}
                  </h3>
                  <UnitTree units={headquarters} headingLevel={4} />
                </section>
              ) : null}
              {regional.length > 0 ? (
                <section aria-labelledby="units-regional">
                  <h3 id="units-regional" className="mb-3 text-std-20B-150 text-solid-gray-900">
                    {t('organisations.detail.regional')}
                  </h3>
                  <UnitTree units={regional} headingLevel={4} />
                </section>
              ) : null}
            </>
          )}
          <UnitJurisdictions organisationId={data.id} units={data.units} />
        </>
      )}
    </>
  );
}
