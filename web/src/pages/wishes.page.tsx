import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../modules/accounts/session.tsx';
import { PagedResults, useUrlFilters } from '../modules/criteria-data/paged-records.tsx';
import { usePublicOrganisations } from '../modules/organisations/organisations.api.ts';
import { useReference } from '../modules/reference/use-reference.ts';
import { WishCard } from '../modules/wishes/wish-card.tsx';
import { wishFiltersFrom, wishParamsFrom } from '../modules/wishes/wish-query.ts';
import { WishSearchForm } from '../modules/wishes/wish-search-form.tsx';
import { usePublicWishes, wishWriterRoles } from '../modules/wishes/wishes.api.ts';
import { PageHeading, usePageTitle } from '../ui/primitives.tsx';

/** 交流希望情報 (public, no login): the published wish sheets of ministries and companies, searched and filtered in the URL. */
export function WishesPage() {
  const { t } = useTranslation();
  usePageTitle(t('wishes.list.title'));
  const { account } = useSession();
  const { filters, search, clear, hrefFor } = useUrlFilters('/wishes', wishFiltersFrom, wishParamsFrom);
  const list = usePublicWishes(filters);
  const reference = useReference();
  const organisations = usePublicOrganisations();
  return (
    <>
      <PageHeading title={t('wishes.list.title')} lead={t('wishes.list.lead')}>
        {account && wishWriterRoles.includes(account.role) ? (
          <p className="mt-3 text-std-16N-170">
            <Link to="/my-wishes">{t('wishes.list.toMine')}</Link>
          </p>
        ) : null}
      </PageHeading>
      <WishSearchForm value={filters} reference={reference.data} ministries={organisations.data?.items ?? []} onSearch={search} onClear={clear} />
      <PagedResults id="wishes" heading={t('wishes.list.resultsHeading')} noResults={t('wishes.list.noResults')} outcome={null} state={list} hrefFor={hrefFor}>
        {(data) => (
          <ul className="flex flex-col gap-4" data-testid="wish-results">
            {data.items.map((item) => (
              <li key={item.reference}>
                <WishCard item={item} />
              </li>
            ))}
          </ul>
        )}
      </PagedResults>
    </>
  );
}
