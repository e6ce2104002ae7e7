import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { callApplicationReturnSchema } from '../../../../common/src/schemas/public-call.schema.ts';
import { Button } from '../../ui/button.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { checkInput, RecordForm, useFormErrors, useFormValues, useSubmit } from '../criteria-data/form-kit.tsx';
import { returnApplication, type CallApplication, type ReviewItem } from './public-call.api.ts';

/** 差戻し: the NPA returns one application with its reason (required), which the company then sees. */
export function ReturnForm({ item, defaultReason, onReturned, onCancel }: { item: ReviewItem; defaultReason: string; onReturned: (a: CallApplication) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const form = useFormErrors('return.');
  const { values, bind } = useFormValues(form, { reason: defaultReason });
  const { busy, submit } = useSubmit(form);
  // Opened from a row's button: the reason box takes focus.
  const areaId = form.id('reason');
  useEffect(() => document.getElementById(areaId)?.focus(), [item.id, areaId]);

  async function onSubmit() {
    const input = checkInput(form, callApplicationReturnSchema, { reason: values.reason });
    if (!input) return;
    await submit(() => returnApplication(item.id, input.reason), onReturned);
  }

  return (
    <RecordForm
      name="return"
      level={2}
      heading={t('publicCall.review.returnHeading', { company: item.companyName })}
      form={form}
      labels={{ reason: t('publicCall.returnReason') }}
      onSubmit={onSubmit}
      className="mt-8 max-w-3xl rounded-8 border border-solid-gray-420 p-5"
    >
      <TextArea {...bind('reason')} label={t('publicCall.returnReason')} hint={t('publicCall.review.reasonHint')} required rows={4} maxLength={1000} data-testid="return-reason-input" />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="danger" disabled={busy} data-testid="return-submit">
          {t('publicCall.review.returnSubmit')}
        </Button>
        <Button variant="tertiary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </RecordForm>
  );
}
