import { useTranslation } from 'react-i18next';
import { SearchPanel, useUrlDraft } from '../../ui/search-panel.tsx';
import { TextField } from '../../ui/text-field.tsx';
import type { PeopleSearch } from './people.api.ts';

type Props = {
  value: PeopleSearch;
  onSearch: (s: PeopleSearch) => void;
  onClear: () => void;
};

export function PeopleSearchForm({ value, onSearch, onClear }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useUrlDraft(value.q);

  return (
    <SearchPanel id="people-search" heading={t('people.searchHeading')} onSubmit={() => onSearch({ q: draft, page: 1 })} onClear={onClear}>
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
    </SearchPanel>
  );
}
