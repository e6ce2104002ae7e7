import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, unexpectedError, type ApiError } from '../../api.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { copyMessage, fieldErrorsFrom } from '../../form-errors.ts';
import { useLang } from '../../i18n.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { cx } from '../../ui/cx.ts';
import { formatDateTime } from '../../ui/format.ts';
import { TextArea } from '../../ui/text-area.tsx';
import { useSession } from '../accounts/session.tsx';
import { mayCase, postMessage, type CaseDetail } from './exchanges.api.ts';

const kindStyle = { query: 'border-l-orange-1000', answer: 'border-l-blue-900', note: 'border-l-solid-gray-420' } as const;

/** スレッド: the NPA's queries, the ministry's answers and notes, oldest first; every party may add a note. */
export function CaseThread({ detail, onPosted }: { detail: CaseDetail; onPosted: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { account } = useSession();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [posted, setPosted] = useState(false);
  const [busy, setBusy] = useState(false);
  const status = useRef<HTMLDivElement>(null);
  const focusArea = () => document.getElementById('thread-body')?.focus();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setPosted(false);
    setFailure(null);
    if (!body.trim()) {
      setError(copyMessage('required')[lang]);
      focusArea();
      return;
    }
    setBusy(true);
    try {
      await postMessage(detail.id, body);
      setBody('');
      setError(null);
      setPosted(true);
      onPosted();
      setTimeout(() => status.current?.focus(), 0);
    } catch (err) {
      const apiErr = isApiError(err) ? err : unexpectedError();
      const field = fieldErrorsFrom(apiErr).body;
      if (field) {
        setError(field[lang]);
        focusArea();
      } else setFailure(apiErr);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-col gap-4" data-testid="case-thread">
      {detail.messages.length === 0 ? (
        <p className="text-std-16N-170 text-solid-gray-700">{t('exchangeCases.thread.none')}</p>
      ) : (
        <ol className="flex flex-col gap-3" aria-label={t('exchangeCases.thread.listLabel')}>
          {detail.messages.map((m) => (
            <li key={m.id} className={cx('rounded-8 border border-l-8 border-solid-gray-420 bg-white p-4', kindStyle[m.kind])} data-testid={`message-${m.kind}`}>
              <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-dns-14N-130 text-solid-gray-700">
                <span className="text-dns-16B-130 text-solid-gray-900">{t(`exchangeCases.thread.kind.${m.kind}`)}</span>
                <span>{t('exchangeCases.thread.author', { name: m.authorName, role: t(`roles.${m.authorRole}`, { defaultValue: m.authorRole }) })}</span>
                <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, lang)}</time>
              </p>
              <p className="mt-2 text-std-16N-170 whitespace-pre-wrap text-solid-gray-900">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {mayCase.post(account, detail) ? (
        <form noValidate onSubmit={submit} className="flex max-w-3xl flex-col gap-3" aria-labelledby="thread-form-heading" data-testid="thread-form">
          <h3 id="thread-form-heading" className="text-std-18B-160">
            {t('exchangeCases.thread.formHeading')}
          </h3>
          <TextArea
            id="thread-body"
            label={t('exchangeCases.thread.body')}
            hint={t('exchangeCases.thread.bodyHint')}
            required
            rows={3}
            maxLength={4000}
            value={body}
            error={error ?? undefined}
            onChange={(e) => {
              setBody(e.target.value);
              setError(null);
            }}
          />
          <div>
            <Button type="submit" variant="secondary" disabled={busy} data-testid="thread-submit">
              {t('exchangeCases.thread.post')}
            </Button>
          </div>
        </form>
      ) : null}
      <div ref={status} tabIndex={-1} className="focus:outline-none">
        {posted ? (
          <Alert tone="success" live="polite">
            {t('exchangeCases.thread.posted')}
          </Alert>
        ) : null}
        {failure ? <ErrorAlert error={failure} /> : null}
      </div>
    </div>
  );
}
