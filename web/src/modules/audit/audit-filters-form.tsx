import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/text-field.tsx';
import type { AuditFilters } from './audit.api.ts';

export function AuditFiltersForm({ value, onSearch, onClear }: { value: AuditFilters; onSearch: (f: AuditFilters) => void; onClear: () => void }) {
  const { t } = useTranslation();
  // The URL is the source of truth: when it changes (back/forward, a shared link) the form refills.
  const [draft, setDraft] = useState(value);
  const urlKey = JSON.stringify(value);
  const [seenKey, setSeenKey] = useState(urlKey);
  if (seenKey !== urlKey) {
    setSeenKey(urlKey);
    setDraft(value);
  }
  const bind = (k: Exclude<keyof AuditFilters, 'page'>) => ({
    value: draft[k],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value })),
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    onSearch({ ...draft, page: 1 });
  }

  return (
    <search aria-labelledby="audit-filters-heading" className="mb-8 block rounded-8 border border-solid-gray-420 bg-solid-gray-50 p-5">
      <form onSubmit={submit} className="flex flex-col gap-5">
        <h2 id="audit-filters-heading" className="text-std-20B-150 text-solid-gray-900">
          {t('audit.filtersHeading')}
        </h2>
        <div className="grid grid-cols-1 items-end gap-5 sm:grid-cols-2 lg:grid-cols-3">
          <TextField id="audit-action" label={t('audit.action')} hint={t('audit.actionHint')} autoComplete="off" {...bind('action')} />
          <TextField id="audit-record-type" label={t('audit.recordType')} hint={t('audit.recordTypeHint')} autoComplete="off" {...bind('recordType')} />
          <TextField id="audit-record-id" label={t('audit.recordId')} autoComplete="off" {...bind('recordId')} />
          <TextField id="audit-actor" label={t('audit.actorAccountId')} inputMode="numeric" autoComplete="off" {...bind('actorAccountId')} />
          <TextField id="audit-from" type="date" label={t('audit.from')} {...bind('from')} />
          <TextField id="audit-to" type="date" label={t('audit.to')} {...bind('to')} />
        </div>
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
