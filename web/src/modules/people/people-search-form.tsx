import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/text-field.tsx';
import type { PeopleSearch } from './people.api.ts';

type Props = {
  value: PeopleSearch;
  onSearch: (s: PeopleSearch) => void;
  onClear: () => void;
};

export function PeopleSearchForm({ value, onSearch, onClear }: Props) {
  const { t } = useTranslation();
  // The URL is the source of truth: when it changes (back/forward, a shared link) the form refills.
  const [draft, setDraft] = useState(value.q);
  const [seen, setSeen] = useState(value.q);
  if (seen !== value.q) {
    setSeen(value.q);
    setDraft(value.q);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    onSearch({ q: draft, page: 1 });
  }

  return (
    <search aria-labelledby="people-search-heading" className="mb-8 block rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-5">
      <form onSubmit={submit} className="flex flex-col gap-5">
        <h2 id="people-search-heading" className="text-std-20B-150 text-solid-gray-900">
          {t('people.searchHeading')}
        </h2>
        <TextField
          id="people-q"
          type="search"
          label={t('people.q')}
          hint={t('people.qHint')}
          data-testid="people-search"
          autoComplete="off"
          maxLength={100}
          className="max-w-2xl"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit">{t('common.search')}</Button>
          <Button variant="tertiary" onClick={onClear}>
            {t('common.clear')}
          </Button>
        </div>
      </form>
    </search>
  );
}
