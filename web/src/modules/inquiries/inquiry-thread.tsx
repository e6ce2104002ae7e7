import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { inquiryForwardSchema, inquiryMessageInputSchema, type InquirySide } from '../../../../common/src/schemas/inquiries.schema.ts';
import { pick, useLang, type Lang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { cx } from '../../ui/cx.ts';
import { formatDateTime } from '../../ui/format.ts';
import { Select } from '../../ui/select.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { Badge, type BadgeTone } from '../../ui/primitives.tsx';
import { checkInput, RecordForm, useFormErrors, useFormValues, useSubmit } from '../criteria-data/form-kit.tsx';
import { forwardInquiry, inquiryStatuses, postInquiryMessage, type InquiryAudience, type InquiryDetail, type InquiryStatus, type InquirySummary } from './inquiries.api.ts';

// The pieces of an inquiry's page: status badge and names, the timeline, the messages (each with
// who may read it), the reply form and the window's forward form.

export const statusTone: Record<InquiryStatus, BadgeTone> = { open: 'orange', forwarded: 'blue', answered: 'purple', contact_exchanged: 'green', closed: 'gray' };

export function InquiryStatusBadge({ status }: { status: InquiryStatus }) {
  const { t } = useTranslation();
  return <Badge tone={statusTone[status]}>{t(`inquiries.status.${status}`)}</Badge>;
}

/** The asker's name, or (for the sheet owner, before contacts are exchanged) only whether it is a company or a ministry. */
export const askerLabel = (q: InquirySummary, t: TFunction, lang: Lang) =>
  q.asker.name
    ? pick(lang, q.asker.name.ja, q.asker.name.en)
    : t(q.askerAgreed && q.ownerAgreed ? 'inquiries.askerInContacts' : 'inquiries.askerHidden', { party: t(`inquiries.party.${q.asker.type}`) });
export const ownerLabel = (q: InquirySummary, lang: Lang) => pick(lang, q.owner.name.ja, q.owner.name.en);

/** Every step of the life of an inquiry, with the time it was reached (or not yet). */
export function InquiryTimeline({ inquiry }: { inquiry: InquiryDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const reached = new Map(inquiry.timeline.map((s) => [s.status, s.at]));
  // A closed inquiry skips the steps it never reached.
  const steps = inquiryStatuses.filter((s) => reached.has(s) || inquiry.status !== 'closed');
  return (
    <ol aria-label={t('inquiries.timeline.label')} className="flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:gap-0" data-testid="inquiry-timeline">
      {steps.map((s, i) => {
        const at = reached.get(s);
        return (
          <li key={s} className={cx('flex items-start gap-2 sm:min-w-44 sm:flex-1 sm:flex-col sm:border-t-4 sm:pt-2', at ? 'sm:border-blue-900' : 'sm:border-solid-gray-300')}>
            <span aria-hidden="true" className={cx('inline-flex size-7 shrink-0 items-center justify-center rounded-full text-dns-14B-120', at ? 'bg-blue-900 text-white' : 'border border-solid-gray-420 text-solid-gray-700')}>
              {i + 1}
            </span>
            <span>
              <span className="block text-dns-16B-130">{t(`inquiries.status.${s}`)}</span>
              <span className="block text-dns-14N-130 text-solid-gray-700">
                {at ? (
                  <>
                    <span className="sr-only">{t('inquiries.timeline.done')}: </span>
                    <time dateTime={at}>{formatDateTime(at, lang)}</time>
                  </>
                ) : (
                  t('inquiries.timeline.pending')
                )}
              </span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

const sideClass: Record<string, string> = {
  asker: 'border-solid-gray-420 bg-white',
  owner: 'border-blue-900 bg-blue-50 sm:ml-12',
  center: 'border-solid-gray-420 bg-solid-gray-50 sm:ml-6',
};

/** The messages the caller may read, oldest first; status changes as short lines between them. */
export function InquiryMessages({ inquiry }: { inquiry: InquiryDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (inquiry.messages.length === 0) return <p className="text-std-16N-170 text-solid-gray-700">{t('inquiries.thread.empty')}</p>;
  const sideName = (s: InquirySide | null) => (s ? t(`inquiries.eventSide.${s}`) : '');
  return (
    <ol className="flex flex-col gap-4" aria-label={t('inquiries.thread.label')} data-testid="inquiry-messages">
      {inquiry.messages.map((m) =>
        m.side === 'system' ? (
          <li key={m.id} className="max-w-3xl border-l-4 border-solid-gray-420 py-1 pl-3 text-dns-14N-130 text-solid-gray-800 sm:ml-6">
            <span>{t(`inquiries.event.${m.event ?? 'forwarded'}`, { side: sideName(m.eventSide) })}</span> <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, lang)}</time>
          </li>
        ) : (
          <li key={m.id} className={cx('max-w-3xl rounded-8 border p-4', sideClass[m.side])}>
            <p className="mb-2 flex flex-wrap items-baseline gap-x-3 text-dns-14N-130 text-solid-gray-700">
              <span className="font-bold text-solid-gray-900">{t(`inquiries.side.${m.side}`)}</span>
              {m.authorName ? <span>{m.authorName}</span> : null}
              <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, lang)}</time>
              <span>{t('inquiries.thread.audienceLabel', { audience: t(`inquiries.audience.${m.audience}`) })}</span>
            </p>
            <p className="text-std-16N-170 whitespace-pre-line break-words">{m.body}</p>
          </li>
        ),
      )}
    </ol>
  );
}

/** A message to the thread, with the audiences the caller may choose (its default first). */
export function InquiryReplyForm({ inquiry, onPosted }: { inquiry: InquiryDetail; onPosted: (d: InquiryDetail) => void }) {
  const { t } = useTranslation();
  const form = useFormErrors('reply.');
  const { values, setValues, set, bind } = useFormValues<{ body: string; audience: string }>(form, { body: '', audience: inquiry.audiences[0] ?? 'all' });
  const { busy, submit } = useSubmit(form);
  async function onSubmit() {
    const input = checkInput(form, inquiryMessageInputSchema, values);
    if (!input) return;
    await submit(
      () => postInquiryMessage(inquiry.id, input.body, (input.audience ?? 'all') as InquiryAudience),
      (d) => {
        setValues({ body: '', audience: d.audiences[0] ?? 'all' });
        onPosted(d);
      },
    );
  }
  const labels = { audience: t('inquiries.reply.audience'), body: t('inquiries.reply.body') };
  return (
    <RecordForm name="reply" level={2} heading={t('inquiries.reply.heading')} form={form} labels={labels} onSubmit={onSubmit} className="mt-10 max-w-3xl">
      {inquiry.mySide === 'owner' && inquiry.status === 'forwarded' ? <p className="text-std-16N-170 text-solid-gray-800">{t('inquiries.reply.answerHint')}</p> : null}
      <Select
        id={form.id('audience')}
        label={labels.audience}
        hint={t('inquiries.reply.audienceHint')}
        className="max-w-xl"
        value={values.audience}
        error={form.error('audience')}
        onChange={(e) => set('audience', e.target.value)}
        data-testid="reply-audience"
      >
        {inquiry.audiences.map((a) => (
          <option key={a} value={a}>
            {t(`inquiries.audience.${a}`)}
          </option>
        ))}
      </Select>
      <TextArea {...bind('body')} label={labels.body} required rows={5} maxLength={5000} data-testid="reply-body" />
      <div>
        <Button type="submit" disabled={busy} data-testid="reply-submit">
          {t('inquiries.reply.send')}
        </Button>
      </div>
    </RecordForm>
  );
}

/** The window forwards the inquiry to the sheet's owner, with an optional note only the owner reads. */
export function InquiryForwardForm({ inquiry, onForwarded }: { inquiry: InquiryDetail; onForwarded: (d: InquiryDetail) => void }) {
  const { t } = useTranslation();
  const form = useFormErrors('forward.');
  const { values, bind } = useFormValues(form, { note: '' });
  const { busy, submit } = useSubmit(form);
  async function onSubmit() {
    const input = checkInput(form, inquiryForwardSchema, { note: values.note, version: inquiry.version });
    if (!input) return;
    await submit(() => forwardInquiry(inquiry.id, input.note, inquiry.version), onForwarded);
  }
  return (
    <RecordForm name="forward" level={2} heading={t('inquiries.forward.heading')} form={form} labels={{ note: t('inquiries.forward.note') }} onSubmit={onSubmit} className="mt-10 max-w-3xl" describedBy="forward-lead">
      <p id="forward-lead" className="text-std-16N-170 text-solid-gray-800">
        {t('inquiries.forward.lead')}
      </p>
      <TextArea {...bind('note')} label={t('inquiries.forward.note')} hint={t('inquiries.forward.noteHint')} rows={4} maxLength={5000} data-testid="forward-note" />
      <div>
        <Button type="submit" disabled={busy} data-testid="forward-submit">
          {t('inquiries.forward.submit')}
        </Button>
      </div>
    </RecordForm>
  );
}
