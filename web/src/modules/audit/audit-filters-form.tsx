import { useTranslation } from 'react-i18next';
import { SearchPanel, useUrlDraft } from '../../ui/search-panel.tsx';
import { TextField } from '../../ui/text-field.tsx';
import type { AuditFilters } from './audit.api.ts';

export function AuditFiltersForm({ value, onSearch, onClear }: { value: AuditFilters; onSearch: (f: AuditFilters) => void; onClear: () => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useUrlDraft(value);
  const bind = (k: Exclude<keyof AuditFilters, 'page'>) => ({
    value: draft[k],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value })),
  });

  return (
    <SearchPanel id="audit-filters" heading={t('audit.filtersHeading')} onSubmit={() => onSearch({ ...draft, page: 1 })} onClear={onClear}>
      <div className="grid grid-cols-1 items-end gap-5 sm:grid-cols-2 lg:grid-cols-3">
        <TextField id="audit-action" label={t('audit.action')} hint={t('audit.actionHint')} autoComplete="off" {...bind('action')} />
        <TextField id="audit-record-type" label={t('audit.recordType')} hint={t('audit.recordTypeHint')} autoComplete="off" {...bind('recordType')} />
        <TextField id="audit-record-id" label={t('audit.recordId')} autoComplete="off" {...bind('recordId')} />
        <TextField id="audit-actor" label={t('audit.actorAccountId')} inputMode="numeric" autoComplete="off" {...bind('actorAccountId')} />
        <TextField id="audit-from" type="date" label={t('audit.from')} {...bind('from')} />
        <TextField id="audit-to" type="date" label={t('audit.to')} {...bind('to')} />
      </div>
    </SearchPanel>
  );
}
