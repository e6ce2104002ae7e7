import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exchangeHistoryInputSchema } from '../../../../common/src/schemas/criteria-data.schema.ts';
import { copyMessage, type FieldErrors } from '../../form-errors.ts';
import { Button } from '../../ui/button.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { useSession } from '../accounts/session.tsx';
import { personLabel, searchPeople } from '../criteria/record-search.ts';
import { SearchPicker, type Picked } from '../criteria/search-picker.tsx';
import { fullReading, type Person } from '../people/people.api.ts';
import { CompanyPicker } from './company-picker.tsx';
import { addExchangeHistory, type ExchangeHistoryItem } from './criteria-data.api.ts';
import { checkInput, RecordForm, UnitFieldset, unitChoiceProblems, useFormErrors, useFormValues, useSubmit } from './form-kit.tsx';

const P = 'history.';

type Values = { company: Picked | null; organisationId: string; unitId: string; direction: 'dispatch' | 'hire'; startDate: string; endDate: string; person: Picked | null; note: string };

/** A past exchange between a company and a unit (the consecutive-exchanges rule counts them). */
export function ExchangeHistoryForm({ onAdded }: { onAdded: (h: ExchangeHistoryItem) => void }) {
  const { t } = useTranslation();
  const { account } = useSession();
  const own = account?.role === 'ministry_hr' ? account.organisationId : null;
  const empty: Values = { company: null, organisationId: own != null ? String(own) : '', unitId: '', direction: 'dispatch', startDate: '', endDate: '', person: null, note: '' };
  const form = useFormErrors(P);
  const { values: v, setValues, set, bind } = useFormValues<Values>(form, empty);
  const { busy, submit } = useSubmit(form);
  const [round, setRound] = useState(0);

  async function onSubmit() {
    const problems: FieldErrors = {};
    if (!v.company) problems.companyId = copyMessage('choose');
    Object.assign(problems, unitChoiceProblems(v));
    if (!v.startDate) problems.startDate = copyMessage('required');
    const input = checkInput(
      form,
      exchangeHistoryInputSchema,
      {
        companyId: v.company?.id ?? 1,
        unitId: Number(v.unitId) || 1,
        direction: v.direction,
        startDate: v.startDate || '2000-01-01',
        endDate: v.endDate || null,
        personId: v.person?.id ?? null,
        note: v.note.trim() || null,
      },
      problems,
    );
    if (!input) return;
    await submit(
      () => addExchangeHistory(input),
      (added) => {
        setValues(empty);
        setRound((r) => r + 1);
        onAdded(added);
      },
    );
  }

  const labels = {
    companyId: t('criteriaData.company'),
    organisationId: t('criteriaData.organisation'),
    unitId: t('criteriaData.unit'),
    direction: t('criteriaData.history.direction'),
    startDate: t('criteriaData.startDate'),
    endDate: t('criteriaData.endDate'),
    personId: t('criteriaData.history.person'),
    note: t('criteriaData.history.note'),
  };
  return (
    <RecordForm
      name="history"
      level={2}
      heading={t('criteriaData.history.addHeading')}
      form={form}
      labels={labels}
      onSubmit={onSubmit}
      className="max-w-3xl"
    >
      <CompanyPicker key={`company-${round}`} id={form.id('companyId')} testId="history-company" required error={form.error('companyId')} selected={v.company} onSelect={(c) => set('company', c, 'companyId')} />
      <UnitFieldset legend={t('criteriaData.history.unitLegend')} form={form} own={own} value={v} onChange={(u) => setValues((d) => ({ ...d, ...u }))} />
      <fieldset id={form.id('direction')} className="flex flex-col gap-2">
        <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{labels.direction}</legend>
        {(['dispatch', 'hire'] as const).map((d) => (
          <label key={d} className="flex cursor-pointer items-center gap-3 text-std-16N-170">
            <input type="radio" name="history-direction" value={d} className="size-5 shrink-0 accent-blue-900" checked={v.direction === d} onChange={() => set('direction', d)} />
            {t(`criteria.direction.${d}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{t('criteriaData.history.period')}</legend>
        <div className="grid max-w-2xl grid-cols-1 gap-5 sm:grid-cols-2">
          <TextField {...bind('startDate')} type="date" label={labels.startDate} required />
          <TextField {...bind('endDate')} type="date" label={labels.endDate} hint={t('criteriaData.history.endDateHint')} required={false} />
        </div>
      </fieldset>
      <SearchPicker<Person>
        key={`person-${round}`}
        id={form.id('personId')}
        testId="history-person"
        legend={labels.personId}
        hint={t('criteriaData.history.personHint')}
        searchLabel={t('criteria.check.personSearch')}
        searchHint={t('criteria.check.personSearchHint')}
        required={false}
        error={form.error('personId')}
        selected={v.person}
        onSelect={(p) => set('person', p ? { id: p.id, label: personLabel(p) } : null, 'personId')}
        search={searchPeople}
        itemLabel={personLabel}
        itemDetail={(p) => [fullReading(p), t(`people.kind.${p.kind}`)].filter(Boolean).join('・')}
      />
      <TextArea {...bind('note')} label={labels.note} required={false} rows={2} maxLength={500} />
      <div>
        <Button type="submit" variant="secondary" disabled={busy}>
          {t('criteriaData.register')}
        </Button>
      </div>
    </RecordForm>
  );
}
