import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { pick, useLang } from '../i18n.ts';
import { useSession } from '../modules/accounts/session.tsx';
import { useCompany } from '../modules/companies/companies.api.ts';
import { ContractInvolvements } from '../modules/criteria-data/contract-involvements.tsx';
import { may } from '../modules/criteria-data/criteria-data.api.ts';
import { usePostHistoryEdit } from '../modules/criteria-data/post-history-edit.tsx';
import { usePostLicensing } from '../modules/criteria-data/post-licensing.tsx';
import { useOrganisations } from '../modules/organisations/organisations.api.ts';
import { fullName, fullReading, postsNewestFirst, usePerson, type PersonDetail } from '../modules/people/people.api.ts';
import { DateText, KindBadge, useGenderLabel } from '../modules/people/person-labels.tsx';
import { PostHistory } from '../modules/people/post-history.tsx';
import { DescriptionList, Loading, PageHeading, SectionHeading, usePageTitle, type DescriptionItem } from '../ui/primitives.tsx';
import { NotFoundPage, QueryFailurePage } from './status-pages.tsx';

export function PersonDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const { data, error, reload } = usePerson(id);
  if (!id || !/^\d+$/.test(id)) return <NotFoundPage />;
  if (error) return <QueryFailurePage error={error} title={t('people.title')} onRetry={reload} />;
  return <PersonView person={data} onChanged={reload} />;
}

function PersonView({ person, onChanged }: { person: PersonDetail | undefined; onChanged: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const genderLabel = useGenderLabel();
  const isSelf = person != null && account?.personId === person.id;
  const name = person ? fullName(person) : t('people.title');
  usePageTitle(name);
  const reading = person ? fullReading(person) : '';

  // Affiliation names come from the records the viewer may read anyway; participants cannot read companies.
  const organisations = useOrganisations();
  const canReadCompanies = account != null && account.role !== 'participant' && account.role !== 'center';
  const company = useCompany(canReadCompanies && person?.companyId != null ? String(person.companyId) : undefined);
  const organisation = person?.organisationId != null ? organisations.data?.items.find((o) => o.id === person.organisationId) : undefined;
  const current = person ? postsNewestFirst(person.posts).filter((p) => p.endDate === null) : [];
  // 交流基準 facts (licensing duties, contract involvement): for those who may read them.
  const showFacts = person != null && person.organisationId != null && may.readPersonFacts(account, person);
  const writeFacts = person != null && may.writePersonFacts(account, person);
  const licensing = usePostLicensing(person?.id ?? 0, writeFacts);
  // Posts are added and removed by those who may change the licensing flag.
  const editPosts = showFacts && writeFacts;
  const postEdit = usePostHistoryEdit({ id: person?.id ?? 0, organisationId: person?.organisationId ?? null }, onChanged);
  const dash = '—';

  const items: DescriptionItem[] = person
    ? [
        { term: t('people.detail.name'), value: fullName(person) },
        { term: t('people.detail.reading'), value: reading || dash },
        { term: t('people.detail.kind'), value: t(`people.kind.${person.kind}`) },
        { term: t('people.detail.birthDate'), value: <DateText value={person.birthDate} /> },
        { term: t('people.detail.gender'), value: genderLabel(person.gender) },
        ...(person.organisationId != null
          ? [
              {
                term: t('people.detail.organisation'),
                value: organisation ? <Link to={`/organisations/${organisation.id}`}>{pick(lang, organisation.nameJa, organisation.nameEn)}</Link> : dash,
              },
            ]
          : []),
        ...(person.companyId != null
          ? [{ term: t('people.detail.company'), value: company.data ? <Link to={`/companies/${company.data.id}`}>{company.data.name}</Link> : dash }]
          : []),
        {
          term: t('people.detail.currentPost'),
          value:
            current.length === 0
              ? dash
              : current.map((p) => (
                  <span key={p.id} className="block">
                    {t('people.detail.postAt', { title: pick(lang, p.postTitleJa, p.postTitleEn), unit: pick(lang, p.unitNameJa, p.unitNameEn) })}
                  </span>
                )),
        },
      ]
    : [];

  return (
    <>
      <p className="mb-4 text-std-16N-170">
        {account?.role === 'participant' ? <Link to="/dashboard">{t('people.detail.backToDashboard')}</Link> : <Link to="/people">{t('people.detail.backToList')}</Link>}
      </p>
      <PageHeading title={name}>
        {person ? (
          <>
            <p className="mt-2 flex flex-wrap items-center gap-3 text-std-16N-170 text-solid-gray-700">
              {reading ? <span>{reading}</span> : null}
              <KindBadge kind={person.kind} />
            </p>
            <p className="mt-3 max-w-4xl text-std-16N-175 text-solid-gray-800">{t(isSelf ? 'people.detail.leadSelf' : 'people.detail.lead')}</p>
          </>
        ) : null}
      </PageHeading>
      {!person ? (
        <Loading />
      ) : (
        <>
          <SectionHeading className="mt-0">{t('people.detail.basics')}</SectionHeading>
          <DescriptionList items={items} />

          <SectionHeading>
            {t('people.detail.postsHeading')}
            <span className="ml-3 text-std-16N-170 text-solid-gray-700">{t('people.detail.postsCount', { count: person.posts.length })}</span>
          </SectionHeading>
          {editPosts ? postEdit.status : null}
          {person.posts.length === 0 ? (
            <p className="text-std-16N-170 text-solid-gray-700">{t('people.detail.noPosts')}</p>
          ) : (
            <>
              <p className="mb-3 text-std-16N-170 text-solid-gray-700">{t('people.detail.postsNote')}</p>
              {showFacts ? licensing.status : null}
              <PostHistory
                posts={person.posts}
                caption={t('people.detail.postsHeading')}
                extraColumns={showFacts ? [licensing.column, ...(editPosts ? [postEdit.column] : [])] : []}
              />
            </>
          )}
          {editPosts ? postEdit.form : null}
          {showFacts ? <ContractInvolvements person={person} canWrite={writeFacts} /> : null}
        </>
      )}
    </>
  );
}
