import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../app-errors.tsx';
import { pick, useLang } from '../i18n.ts';
import { telHref, useOrganisations, type Organisation } from '../modules/organisations/organisations.api.ts';
import { Loading, PageHeading, usePageTitle } from '../ui/primitives.tsx';
import { Table, Td, Th, Tr } from '../ui/table.tsx';

function OrganisationTable({ caption, rows }: { caption: string; rows: Organisation[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table caption={caption} className="mb-8">
      <thead>
        <tr>
          <Th>{t('organisations.colName')}</Th>
          <Th>{t('organisations.colOffice')}</Th>
          <Th>{t('organisations.colPhone')}</Th>
          <Th>{t('organisations.colCode')}</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((o) => (
          <Tr key={o.id}>
            <Th scope="row">
              <Link to={`/organisations/${o.id}`}>{pick(lang, o.nameJa, o.nameEn)}</Link>
            </Th>
            <Td>{pick(lang, o.hrOfficeJa, o.hrOfficeEn) || '—'}</Td>
            <Td className="whitespace-nowrap">{o.phone ? <a href={telHref(o.phone)}>{o.phone}</a> : '—'}</Td>
            <Td className="font-mono text-solid-gray-700">{o.code}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

export function OrganisationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('organisations.title'));
  const { data, error, loading, reload } = useOrganisations();
  const ministries = data?.items.filter((o) => o.kind === 'ministry') ?? [];
  const agencies = data?.items.filter((o) => o.kind === 'execution_agency') ?? [];
  return (
    <>
      <PageHeading title={t('organisations.title')} lead={t('organisations.lead')} />
      {loading ? <Loading /> : null}
      {error ? <ErrorAlert error={error} title={t('errors.loadFailed')} onRetry={reload} /> : null}
      {data ? (
        <>
          <OrganisationTable caption={t('organisations.ministriesCaption', { count: ministries.length })} rows={ministries} />
          {agencies.length > 0 ? <OrganisationTable caption={t('organisations.agenciesCaption', { count: agencies.length })} rows={agencies} /> : null}
        </>
      ) : null}
    </>
  );
}
