import { useTranslation } from 'react-i18next';
import { callApplicationInputSchema } from '../../../../common/src/schemas/public-call.schema.ts';
import { useSession } from '../accounts/session.tsx';
import { Button } from '../../ui/button.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { errorId } from '../../ui/field.tsx';
import { checkInput, RecordForm, useFormErrors, useFormValues, useSubmit } from '../criteria-data/form-kit.tsx';
import { applyToCall, type CallApplication } from './public-call.api.ts';

type Values = { wantsDispatch: boolean; wantsHire: boolean; divisions: string; conditions: string; contactName: string; contactEmail: string; contactPhone: string };

/** 公募への応募: the directions the company wants, its divisions and conditions, and whom the NPA and ministries contact. */
export function ApplicationForm({ onApplied }: { onApplied: (a: CallApplication) => void }) {
  const { t } = useTranslation();
  const { account } = useSession();
  const form = useFormErrors('apply.');
  const empty: Values = { wantsDispatch: false, wantsHire: false, divisions: '', conditions: '', contactName: account?.displayName ?? '', contactEmail: account?.email ?? '', contactPhone: '' };
  const { values: v, setValues, set, bind } = useFormValues<Values>(form, empty);
  const { busy, submit } = useSubmit(form);

  async function onSubmit() {
    const input = checkInput(form, callApplicationInputSchema, { ...v, contactPhone: v.contactPhone.trim() || null });
    if (!input) return;
    await submit(
      () => applyToCall(input),
      (a) => {
        setValues(empty);
        onApplied(a);
      },
    );
  }

  const labels = {
    wantsDispatch: t('publicCall.apply.directions'),
    divisions: t('publicCall.divisions'),
    conditions: t('publicCall.conditions'),
    contactName: t('publicCall.contactName'),
    contactEmail: t('publicCall.contactEmail'),
    contactPhone: t('publicCall.contactPhone'),
  };
  const directionError = form.error('wantsDispatch');
  return (
    <RecordForm name="apply" level={2} heading={t('publicCall.apply.formHeading')} form={form} labels={labels} onSubmit={onSubmit} className="max-w-3xl" describedBy="apply-form-lead">
      <p id="apply-form-lead" className="text-std-16N-170 text-solid-gray-800">
        {t('publicCall.apply.formLead')}
      </p>
      <fieldset className="flex flex-col gap-2" aria-describedby={['apply-directions-hint', directionError ? errorId(form.id('wantsDispatch')) : null].filter(Boolean).join(' ')}>
        <legend className="mb-2 text-std-17B-170 text-solid-gray-900">
          {labels.wantsDispatch}
          <span className="ml-2 text-dns-14N-130 text-error-2">{t('common.required')}</span>
        </legend>
        <p id="apply-directions-hint" className="text-dns-14N-130 text-solid-gray-700">
          {t('publicCall.apply.directionsHint')}
        </p>
        {(['wantsDispatch', 'wantsHire'] as const).map((k) => (
          <label key={k} className="flex cursor-pointer items-start gap-3 text-std-16N-170">
            <input
              id={k === 'wantsDispatch' ? form.id('wantsDispatch') : form.id('wantsHire')}
              type="checkbox"
              className="mt-1 size-5 shrink-0 accent-blue-900"
              checked={v[k]}
              aria-invalid={directionError ? true : undefined}
              onChange={(e) => set(k, e.target.checked, 'wantsDispatch')}
              data-testid={`apply-${k}`}
            />
            <span>
              <span className="font-bold">{t(k === 'wantsDispatch' ? 'criteria.direction.dispatch' : 'criteria.direction.hire')}</span>
              <span className="block text-dns-14N-130 text-solid-gray-700">{t(k === 'wantsDispatch' ? 'publicCall.apply.dispatchHint' : 'publicCall.apply.hireHint')}</span>
            </span>
          </label>
        ))}
        {directionError ? (
          <p id={errorId(form.id('wantsDispatch'))} className="text-dns-16N-130 text-error-2">
            <span aria-hidden="true">＊</span>
            {directionError}
          </p>
        ) : null}
      </fieldset>
      <TextArea {...bind('divisions')} label={labels.divisions} hint={t('publicCall.apply.divisionsHint')} required={false} rows={3} maxLength={1000} />
      <TextArea {...bind('conditions')} label={labels.conditions} hint={t('publicCall.apply.conditionsHint')} required={false} rows={4} maxLength={2000} />
      <fieldset className="flex flex-col gap-5">
        <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{t('publicCall.apply.contactLegend')}</legend>
        <TextField {...bind('contactName')} label={labels.contactName} required autoComplete="name" maxLength={100} className="max-w-xl" />
        <TextField {...bind('contactEmail')} type="email" label={labels.contactEmail} required autoComplete="email" maxLength={254} className="max-w-xl" />
        <TextField {...bind('contactPhone')} type="tel" label={labels.contactPhone} hint={t('publicCall.apply.phoneHint')} required={false} autoComplete="tel" maxLength={40} className="max-w-xs" />
      </fieldset>
      <div>
        <Button type="submit" disabled={busy} data-testid="apply-submit">
          {t('publicCall.apply.submit')}
        </Button>
      </div>
    </RecordForm>
  );
}
