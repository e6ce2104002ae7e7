import { useTranslation } from 'react-i18next';
import { eventInputSchema, eventPatchSchema, eventStatusSchema } from '../../../../common/src/schemas/events.schema.ts';
import { Button } from '../../ui/button.tsx';
import { Select } from '../../ui/select.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { checkInput, RecordForm, useFormErrors, useFormValues, useSubmit } from '../criteria-data/form-kit.tsx';
import { createEvent, updateEvent, type InfoEvent } from './events.api.ts';

type Values = { title: string; titleEn: string; description: string; descriptionEn: string; replayFrom: string; replayUntil: string; replayCapacity: string; status: InfoEvent['status'] };

const valuesOf = (e: InfoEvent | null): Values => ({
  title: e?.title ?? '',
  titleEn: e?.titleEn ?? '',
  description: e?.description ?? '',
  descriptionEn: e?.descriptionEn ?? '',
  replayFrom: e?.replayFrom ?? '',
  replayUntil: e?.replayUntil ?? '',
  replayCapacity: e?.replayCapacity == null ? '' : String(e.replayCapacity),
  status: e?.status ?? 'planned',
});

/** 説明会の作成・変更: titles and descriptions in both languages, the online replay period, the status. */
export function EventForm({ event, onSaved }: { event: InfoEvent | null; onSaved: (e: InfoEvent) => void }) {
  const { t } = useTranslation();
  const form = useFormErrors(event ? 'edit.' : 'new.');
  const { values: v, bind, set } = useFormValues<Values>(form, valuesOf(event));
  const { busy, submit } = useSubmit(form);

  async function onSubmit() {
    const capacity = v.replayCapacity.trim() === '' ? null : Number(v.replayCapacity.normalize('NFKC'));
    const data = {
      title: v.title,
      titleEn: v.titleEn,
      description: v.description,
      descriptionEn: v.descriptionEn,
      replayFrom: v.replayFrom || null,
      // Creating with a start only: the server sets the end (one month, events.replay_months).
      ...(event || v.replayUntil ? { replayUntil: v.replayUntil || null } : {}),
      replayCapacity: capacity,
      status: v.status,
    };
    const input = checkInput(form, event ? eventPatchSchema : eventInputSchema, data);
    if (!input) return;
    await submit(() => (event ? updateEvent(event.id, input) : createEvent(input as Parameters<typeof createEvent>[0])), onSaved);
  }

  const name = event ? 'event-edit' : 'event-new';
  const labels = {
    title: t('events.form.title'),
    titleEn: t('events.form.titleEn'),
    description: t('events.form.description'),
    descriptionEn: t('events.form.descriptionEn'),
    replayFrom: t('events.form.replayFrom'),
    replayUntil: t('events.form.replayUntil'),
    replayCapacity: t('events.form.replayCapacity'),
    status: t('events.form.status'),
  };
  return (
    <RecordForm name={name} level={event ? 3 : 2} heading={event ? t('events.form.editHeading') : t('events.form.newHeading')} form={form} labels={labels} onSubmit={onSubmit} className="max-w-3xl">
      <TextField {...bind('title')} label={labels.title} required maxLength={200} />
      <TextField {...bind('titleEn')} label={labels.titleEn} required={false} maxLength={200} lang="en" />
      <TextArea {...bind('description')} label={labels.description} required={false} rows={4} maxLength={4000} />
      <TextArea {...bind('descriptionEn')} label={labels.descriptionEn} required={false} rows={4} maxLength={4000} lang="en" />
      <fieldset className="flex flex-col gap-4" aria-describedby={event ? undefined : `${name}-replay-hint`}>
        <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{t('events.form.replayLegend')}</legend>
        {event ? null : (
          <p id={`${name}-replay-hint`} className="text-dns-14N-130 text-solid-gray-700">
            {t('events.form.replayUntilHint')}
          </p>
        )}
        <div className="flex flex-col gap-4 sm:flex-row">
          <TextField {...bind('replayFrom')} type="date" label={labels.replayFrom} required={false} className="sm:max-w-60" />
          <TextField {...bind('replayUntil')} type="date" label={labels.replayUntil} required={false} className="sm:max-w-60" />
        </div>
        <TextField {...bind('replayCapacity')} inputMode="numeric" label={labels.replayCapacity} hint={t('events.form.replayCapacityHint')} required={false} maxLength={6} className="max-w-60" />
      </fieldset>
      <Select id={form.id('status')} label={labels.status} hint={t('events.form.statusHint')} value={v.status} error={form.error('status')} onChange={(e) => set('status', e.target.value as Values['status'])} className="max-w-xs">
        {eventStatusSchema.options.map((s) => (
          <option key={s} value={s}>
            {t(`events.status.${s}`)}
          </option>
        ))}
      </Select>
      <div>
        <Button type="submit" disabled={busy} data-testid={`${name}-submit`}>
          {event ? t('common.save') : t('events.form.create')}
        </Button>
      </div>
    </RecordForm>
  );
}
