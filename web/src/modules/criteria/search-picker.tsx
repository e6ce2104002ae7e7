import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, unexpectedError, type ApiError } from '../../api.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { cx } from '../../ui/cx.ts';
import { formatNumber } from '../../ui/format.ts';
import { TextField } from '../../ui/text-field.tsx';

export type Picked = { id: number; label: string };

type Props<T extends { id: number }> = {
  /** The search box's id: error-summary links land here. */
  id: string;
  legend: string;
  hint?: ReactNode;
  searchLabel: string;
  searchHint?: string;
  required?: boolean;
  error?: string;
  selected: Picked | null;
  onSelect: (item: T | null) => void;
  search: (q: string) => Promise<{ items: T[]; total: number }>;
  itemLabel: (item: T) => string;
  itemDetail?: (item: T) => ReactNode;
  testId?: string;
};

/**
 * Search, then choose one result: a search box with its own button (Enter searches, it does not
 * submit the surrounding form) and the results as radio buttons.
 */
export function SearchPicker<T extends { id: number }>(props: Props<T>) {
  const { id, legend, hint, searchLabel, searchHint, required, error, selected, onSelect, search, itemLabel, itemDetail, testId } = props;
  const { t } = useTranslation();
  const lang = useLang();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<{ items: T[]; total: number } | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function run() {
    setBusy(true);
    setFailure(null);
    try {
      setResults(await search(q.trim()));
    } catch (e) {
      setFailure(isApiError(e) ? e : unexpectedError());
      setResults(null);
    } finally {
      setBusy(false);
    }
  }

  const legendId = `${id}-legend`;
  return (
    <fieldset data-testid={testId} className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 bg-white p-4">
      <legend id={legendId} className="px-1 text-std-17B-170 text-solid-gray-900">
        {legend}
        {required === undefined ? null : (
          <span className={cx('ml-2 text-dns-14N-130', required ? 'text-error-2' : 'text-solid-gray-700')}>{required ? t('common.required') : t('common.optional')}</span>
        )}
      </legend>
      {hint ? <p className="text-dns-14N-130 leading-150 text-solid-gray-700">{hint}</p> : null}
      <p className="text-std-16N-170" data-testid={testId ? `${testId}-selected` : undefined}>
        <span className="font-bold">{t('criteria.picker.selected')}</span>
        {selected ? selected.label : <span className="text-solid-gray-700">{t('criteria.picker.none')}</span>}
        {selected && !required ? (
          <Button variant="tertiary" size="sm" className="ml-2" onClick={() => onSelect(null)}>
            {t('criteria.picker.clear')}
          </Button>
        ) : null}
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          id={id}
          type="search"
          label={searchLabel}
          hint={searchHint}
          error={error}
          autoComplete="off"
          maxLength={100}
          className="min-w-64 flex-1"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void run();
            }
          }}
        />
        <Button variant="secondary" onClick={() => void run()} disabled={busy} className={error ? 'mb-8' : undefined}>
          {t('criteria.picker.search', { what: legend })}
        </Button>
      </div>
      {failure ? <ErrorAlert error={failure} title={t('errors.loadFailed')} onRetry={() => void run()} /> : null}
      <div role="status" className="text-std-16N-170 text-solid-gray-800">
        {busy
          ? t('common.loading')
          : results
            ? results.total === 0
              ? t('criteria.picker.noResults')
              : results.total > results.items.length
                ? t('criteria.picker.resultsCapped', { total: formatNumber(results.total, lang), shown: formatNumber(results.items.length, lang) })
                : t('criteria.picker.results', { count: results.total, formatted: formatNumber(results.total, lang) })
            : ''}
      </div>
      {results && results.items.length > 0 ? (
        <fieldset>
          <legend className="sr-only">{t('criteria.picker.choose', { what: legend })}</legend>
          <ul className="flex flex-col gap-2">
            {results.items.map((item) => {
              const inputId = `${id}-option-${item.id}`;
              const checked = selected?.id === item.id;
              return (
                <li key={item.id}>
                  <label
                    htmlFor={inputId}
                    className={cx(
                      'flex cursor-pointer items-start gap-3 rounded-8 border px-3 py-2 hover:bg-blue-50',
                      checked ? 'border-2 border-blue-900 bg-blue-50' : 'border-solid-gray-420',
                    )}
                  >
                    <input
                      id={inputId}
                      type="radio"
                      name={`${id}-option`}
                      className="mt-1.5 size-5 shrink-0 accent-blue-900"
                      checked={checked}
                      onChange={() => onSelect(item)}
                    />
                    <span className="flex flex-col">
                      <span className="text-std-16B-170">{itemLabel(item)}</span>
                      {itemDetail ? <span className="text-dns-14N-130 leading-150 text-solid-gray-700">{itemDetail(item)}</span> : null}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ) : null}
    </fieldset>
  );
}
