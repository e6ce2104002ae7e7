import { useTranslation } from 'react-i18next';
import { consultationMessageInputSchema } from '../../../../common/src/schemas/public-call.schema.ts';
import { useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { cx } from '../../ui/cx.ts';
import { formatDateTime } from '../../ui/format.ts';
import { TextArea } from '../../ui/text-area.tsx';
import { checkInput, RecordForm, useFormErrors, useFormValues, useSubmit } from '../criteria-data/form-kit.tsx';
import { postConsultationMessage, type ConsultationDetail } from './public-call.api.ts';

/** The messages of a consultation, oldest first, each with its side (company or ministry), author and time. */
export function ConsultationMessages({ consultation }: { consultation: ConsultationDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <ol className="flex flex-col gap-4" aria-label={t('publicCall.consultations.threadLabel')} data-testid="consultation-messages">
      {consultation.messages.map((m) => (
        <li
          key={m.id}
          className={cx(
            'max-w-3xl rounded-8 border p-4',
            m.side === 'company' ? 'border-solid-gray-420 bg-white' : m.side === 'ministry' ? 'border-blue-900 bg-blue-50 sm:ml-12' : 'border-solid-gray-420 bg-solid-gray-50 sm:ml-6',
          )}
        >
          <p className="mb-2 flex flex-wrap items-baseline gap-x-3 text-dns-14N-130 text-solid-gray-700">
            <span className="font-bold text-solid-gray-900">{t(`publicCall.consultations.side.${m.side}`)}</span>
            {m.authorName ? <span>{m.authorName}</span> : null}
            <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, lang)}</time>
          </p>
          <p className="text-std-16N-170 whitespace-pre-line break-words">{m.body}</p>
        </li>
      ))}
    </ol>
  );
}

/** A party's reply to the thread. */
export function ReplyForm({ consultation, onPosted }: { consultation: ConsultationDetail; onPosted: (c: ConsultationDetail) => void }) {
  const { t } = useTranslation();
  const form = useFormErrors('reply.');
  const { values, setValues, bind } = useFormValues(form, { body: '' });
  const { busy, submit } = useSubmit(form);
  async function onSubmit() {
    const input = checkInput(form, consultationMessageInputSchema, values);
    if (!input) return;
    await submit(
      () => postConsultationMessage(consultation.id, input.body),
      (c) => {
        setValues({ body: '' });
        onPosted(c);
      },
    );
  }
  return (
    <RecordForm name="reply" level={2} heading={t('publicCall.consultations.replyHeading')} form={form} labels={{ body: t('publicCall.consultations.message') }} onSubmit={onSubmit} className="mt-10 max-w-3xl">
      <TextArea {...bind('body')} label={t('publicCall.consultations.message')} required rows={5} maxLength={5000} data-testid="reply-body" />
      <div>
        <Button type="submit" disabled={busy} data-testid="reply-submit">
          {t('publicCall.consultations.send')}
        </Button>
      </div>
    </RecordForm>
  );
}
