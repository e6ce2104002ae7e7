import { useTranslation } from 'react-i18next';
import { consultationInputSchema } from '../../../../common/src/schemas/public-call.schema.ts';
import { copyMessage, type FieldErrors } from '../../form-errors.ts';
import { pick, useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { Select } from '../../ui/select.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { checkInput, RecordForm, useFormErrors, useFormValues, useSubmit } from '../criteria-data/form-kit.tsx';
import { useOrganisations } from '../organisations/organisations.api.ts';
import { openConsultation, type ConsultationDetail } from './public-call.api.ts';

type Values = { organisationId: string; subject: string; body: string };

/** A company opens a consultation with a ministry's HR before applying (Q&A Q.5). */
export function ConsultationForm({ onOpened }: { onOpened: (c: ConsultationDetail) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const organisations = useOrganisations();
  const form = useFormErrors('consult.');
  const { values: v, set, bind } = useFormValues<Values>(form, { organisationId: '', subject: '', body: '' });
  const { busy, submit } = useSubmit(form);

  async function onSubmit() {
    const problems: FieldErrors = {};
    if (!v.organisationId) problems.organisationId = copyMessage('choose');
    const input = checkInput(form, consultationInputSchema, { organisationId: Number(v.organisationId) || 1, subject: v.subject, body: v.body }, problems);
    if (!input) return;
    await submit(() => openConsultation(input), onOpened);
  }

  const labels = { organisationId: t('publicCall.consultations.ministry'), subject: t('publicCall.consultations.subject'), body: t('publicCall.consultations.firstMessage') };
  return (
    <RecordForm name="consult" level={2} heading={t('publicCall.consultations.newHeading')} form={form} labels={labels} onSubmit={onSubmit} className="max-w-3xl">
      <Select
        id={form.id('organisationId')}
        label={labels.organisationId}
        hint={t('publicCall.consultations.ministryHint')}
        required
        className="max-w-xl"
        value={v.organisationId}
        error={form.error('organisationId')}
        onChange={(e) => set('organisationId', e.target.value)}
        data-testid="consult-organisation"
      >
        <option value="">{t('common.choose')}</option>
        {organisations.data?.items.map((o) => (
          <option key={o.id} value={o.id}>
            {pick(lang, o.nameJa, o.nameEn)}
          </option>
        ))}
      </Select>
      <TextField {...bind('subject')} label={labels.subject} required maxLength={200} className="max-w-2xl" />
      <TextArea {...bind('body')} label={labels.body} hint={t('publicCall.consultations.firstMessageHint')} required rows={5} maxLength={5000} />
      <div>
        <Button type="submit" disabled={busy} data-testid="consult-submit">
          {t('publicCall.consultations.open')}
        </Button>
      </div>
    </RecordForm>
  );
}
