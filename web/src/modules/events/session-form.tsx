import { useTranslation } from 'react-i18next';
import { sessionInputSchema } from '../../../../common/src/schemas/events.schema.ts';
import { Button } from '../../ui/button.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { checkInput, RecordForm, useFormErrors, useFormValues, useSubmit } from '../criteria-data/form-kit.tsx';
import { addSession, type InfoEvent } from './events.api.ts';

type Values = { startsAt: string; endsAt: string; place: string; capacity: string; programme: string };
const empty: Values = { startsAt: '', endsAt: '', place: '', capacity: '', programme: '' };

/** 回（実地開催）の追加: start and end (Japan time), place, capacity in people, programme. */
export function SessionForm({ event, onAdded }: { event: InfoEvent; onAdded: (e: InfoEvent) => void }) {
  const { t } = useTranslation();
  const form = useFormErrors('session.');
  const { values: v, setValues, bind } = useFormValues<Values>(form, empty);
  const { busy, submit } = useSubmit(form);

  async function onSubmit() {
    const capacity = v.capacity.trim() === '' ? Number.NaN : Number(v.capacity.normalize('NFKC'));
    const input = checkInput(form, sessionInputSchema, { ...v, capacity });
    if (!input) return;
    await submit(
      () => addSession(event.id, input),
      (e) => {
        setValues(empty);
        onAdded(e);
      },
    );
  }

  const labels = {
    startsAt: t('events.sessionForm.startsAt'),
    endsAt: t('events.sessionForm.endsAt'),
    place: t('events.sessionForm.place'),
    capacity: t('events.sessionForm.capacity'),
    programme: t('events.sessionForm.programme'),
  };
  return (
    <RecordForm name="session" level={3} heading={t('events.sessionForm.heading')} form={form} labels={labels} onSubmit={onSubmit} className="max-w-3xl">
      <div className="flex flex-col gap-4 sm:flex-row">
        <TextField {...bind('startsAt')} type="datetime-local" label={labels.startsAt} required className="sm:max-w-72" />
        <TextField {...bind('endsAt')} type="datetime-local" label={labels.endsAt} required className="sm:max-w-72" />
      </div>
      <TextField {...bind('place')} label={labels.place} required maxLength={200} />
      <TextField {...bind('capacity')} inputMode="numeric" label={labels.capacity} hint={t('events.sessionForm.capacityHint')} required maxLength={6} className="max-w-60" />
      <TextArea {...bind('programme')} label={labels.programme} required={false} rows={5} maxLength={4000} />
      <div>
        <Button type="submit" disabled={busy} data-testid="session-submit">
          {t('events.sessionForm.submit')}
        </Button>
      </div>
    </RecordForm>
  );
}
