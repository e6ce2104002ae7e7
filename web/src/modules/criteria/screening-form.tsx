import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../accounts/session.tsx';
import { SearchPanel, useUrlDraft } from '../../ui/search-panel.tsx';
import { Select } from '../../ui/select.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { fullReading, type Person } from '../people/people.api.ts';
import { ruleIds, screeningStatuses, type ScreeningSearch } from './criteria.api.ts';
import { SearchPicker } from './search-picker.tsx';
import { personLabel, searchPeople } from './record-search.ts';
import { UnitSelect } from './unit-select.tsx';

type Props = {
  value: ScreeningSearch;
  /** The official's name when the URL names one (the form starts from a shared link). */
  personName: string | null;
  onSearch: (s: ScreeningSearch) => void;
  onClear: () => void;
};

export function ScreeningForm({ value, personName, onSearch, onClear }: Props) {
  const { t } = useTranslation();
  const { account } = useSession();
  const [draft, setDraft] = useUrlDraft(value);
  const [picked, setPicked] = useState<{ id: string; label: string } | null>(null);
  const [personError, setPersonError] = useState(false);
  const set = (k: Exclude<keyof ScreeningSearch, 'page'>) => (v: string) => setDraft((d) => ({ ...d, [k]: v }));

  const label = draft.personId ? (picked?.id === draft.personId ? picked.label : draft.personId === value.personId && personName ? personName : `ID ${draft.personId}`) : null;

  return (
    <SearchPanel
      id="screening-search"
      heading={t('criteria.screening.searchHeading')}
      onSubmit={() => {
        if (!draft.personId) {
          setPersonError(true);
          document.getElementById('screening-person')?.focus();
          return;
        }
        onSearch({ ...draft, page: 1 });
      }}
      onClear={() => {
        setPicked(null);
        setPersonError(false);
        onClear();
      }}
    >
      <SearchPicker<Person>
        // A new search in the URL folds the list of candidates away.
        key={value.personId}
        id="screening-person"
        testId="pick-official"
        legend={t('criteria.screening.person')}
        hint={t('criteria.screening.personHint')}
        searchLabel={t('criteria.check.personSearch')}
        searchHint={t('criteria.check.personSearchHint')}
        required
        error={personError && !draft.personId ? t('criteria.screening.personRequired') : undefined}
        selected={draft.personId && label ? { id: Number(draft.personId), label } : null}
        onSelect={(p) => {
          setPicked(p ? { id: String(p.id), label: personLabel(p) } : null);
          setDraft((d) => ({ ...d, personId: p ? String(p.id) : '' }));
        }}
        search={searchPeople}
        itemLabel={personLabel}
        itemDetail={(p) => [fullReading(p), t(`people.kind.${p.kind}`)].filter(Boolean).join('・')}
      />
      <UnitSelect
        idPrefix="screening-"
        organisationId={draft.organisationId}
        unitId={draft.unitId}
        onlyOrganisationId={account?.role === 'ministry_hr' ? account.organisationId : undefined}
        organisationHint={t('criteria.screening.organisationHint')}
        unitHint={t('criteria.screening.unitHint')}
        emptyLabels={{ organisation: t('criteria.screening.organisationDefault'), unit: t('criteria.screening.unitDefault') }}
        onChange={({ organisationId, unitId }) => setDraft((d) => ({ ...d, organisationId, unitId }))}
      />
      <div className="grid grid-cols-1 items-end gap-5 sm:grid-cols-2 lg:grid-cols-4">
        <TextField
          id="screening-start"
          type="date"
          label={t('criteria.check.plannedStart')}
          hint={t('criteria.screening.startHint')}
          value={draft.plannedStart}
          onChange={(e) => set('plannedStart')(e.target.value)}
        />
        <Select id="screening-status" label={t('criteria.screening.statusFilter')} value={draft.status} onChange={(e) => set('status')(e.target.value)}>
          <option value="">{t('common.all')}</option>
          {screeningStatuses.map((s) => (
            <option key={s} value={s}>
              {t(`criteria.screening.status.${s}`)}
            </option>
          ))}
        </Select>
        <Select id="screening-rule" label={t('criteria.screening.ruleFilter')} value={draft.ruleId} onChange={(e) => set('ruleId')(e.target.value)}>
          <option value="">{t('common.all')}</option>
          {ruleIds.map((r) => (
            <option key={r} value={r}>
              {t(`criteria.rules.${r}`)}
            </option>
          ))}
        </Select>
        <TextField
          id="screening-q"
          type="search"
          label={t('criteria.screening.q')}
          autoComplete="off"
          maxLength={200}
          value={draft.q}
          onChange={(e) => set('q')(e.target.value)}
        />
      </div>
    </SearchPanel>
  );
}
