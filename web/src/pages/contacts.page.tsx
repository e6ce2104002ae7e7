import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeForSearch } from '../../../common/src/text.ts';
import { ErrorAlert } from '../app-errors.tsx';
import { ContactsTable } from '../modules/organisations/contacts-table.tsx';
import { usePublicOrganisations, type Organisation } from '../modules/organisations/organisations.api.ts';
import { Loading, PageHeading, usePageTitle } from '../ui/primitives.tsx';
import { TextField } from '../ui/text-field.tsx';

const haystack = (o: Organisation) =>
  normalizeForSearch([o.nameJa, o.nameEn, o.hrOfficeJa, o.hrOfficeEn, o.phone, o.code].filter(Boolean).join(' '));

export function ContactsPage() {
  const { t } = useTranslation();
  usePageTitle(t('contacts.title'));
  const { data, error, loading, reload } = usePublicOrganisations();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);

  const indexed = useMemo(() => (data?.items ?? []).map((o) => ({ o, text: haystack(o) })), [data]);
  const terms = normalizeForSearch(deferred).split(' ').filter(Boolean);
  const matches = indexed.filter(({ text }) => terms.every((term) => text.includes(term))).map(({ o }) => o);
  const ministries = matches.filter((o) => o.kind === 'ministry');
  const agencies = matches.filter((o) => o.kind === 'execution_agency');

  return (
    <>
      <PageHeading title={t('contacts.title')} lead={t('contacts.lead')} />
      <search className="mb-6 block max-w-xl">
        <TextField
          id="contacts-filter"
          type="search"
          label={t('contacts.searchLabel')}
          hint={t('contacts.searchHint')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoComplete="off"
        />
      </search>
      {loading ? <Loading /> : null}
      {error ? <ErrorAlert error={error} title={t('errors.loadFailed')} onRetry={reload} /> : null}
      {data ? (
        <>
          <p role="status" className="mb-4 text-std-16N-170 text-solid-gray-800">
            {matches.length === 0 ? t('contacts.noResults') : t('contacts.resultCount', { count: matches.length })}
          </p>
          {ministries.length > 0 ? (
            <ContactsTable caption={t('contacts.ministriesCaption', { count: ministries.length })} nameHeader={t('contacts.colName')} rows={ministries} testId="contacts-ministries" />
          ) : null}
          {agencies.length > 0 ? (
            <div className="mt-8">
              <ContactsTable caption={t('contacts.agenciesCaption', { count: agencies.length })} nameHeader={t('contacts.colAgency')} rows={agencies} testId="contacts-agencies" />
              <p className="mt-2 text-dns-14N-130 text-solid-gray-700">{t('contacts.agenciesNote')}</p>
            </div>
          ) : null}
        </>
      ) : null}
    </>
  );
}
