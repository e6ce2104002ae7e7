import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './button.tsx';

/**
 * The editable copy of a search that lives in the URL. The URL is the source of truth: when it
 * changes (back/forward, a shared link) the draft refills from it.
 */
export function useUrlDraft<T>(value: T): [T, (update: T | ((d: T) => T)) => void] {
  const [draft, setDraft] = useState(value);
  const urlKey = JSON.stringify(value);
  const [seenKey, setSeenKey] = useState(urlKey);
  if (seenKey !== urlKey) {
    setSeenKey(urlKey);
    setDraft(value);
  }
  return [draft, setDraft];
}

type Props = { id: string; heading: string; onSubmit: () => void; onClear: () => void; children: ReactNode };

/** A search landmark with its heading, the fields, and the search / clear buttons. */
export function SearchPanel({ id, heading, onSubmit, onClear, children }: Props) {
  const { t } = useTranslation();
  return (
    <search aria-labelledby={`${id}-heading`} className="mb-8 block rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-5">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
        className="flex flex-col gap-5"
      >
        <h2 id={`${id}-heading`} className="text-std-20B-150 text-solid-gray-900">
          {heading}
        </h2>
        {children}
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
