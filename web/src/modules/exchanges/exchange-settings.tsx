import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, unexpectedError, type ApiError, type Messages } from '../../api.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { fieldErrorsFrom, fieldIdOf } from '../../form-errors.ts';
import { useLang } from '../../i18n.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Loading } from '../../ui/primitives.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { INTERVAL_MONTHS, parseMonths, putExchangeSettings, useExchangeSettings } from './exchanges.api.ts';

const inputId = fieldIdOf('settings.interviewIntervalMonths');

/**
 * 府省等の設定: the ministry's follow-up interview interval (フォローアップ面談の間隔), in months. Cases
 * opened from now on schedule their interviews that far apart; cases already opened keep theirs.
 */
export function InterviewIntervalSettings() {
  const { t } = useTranslation();
  const lang = useLang();
  const settings = useExchangeSettings(true);
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<Messages | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<number | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const status = useRef<HTMLDivElement>(null);
  const label = t('exchangeCases.settings.interval');
  const shown = value ?? (settings.data ? String(settings.data.interviewIntervalMonths) : '');

  function fail(m: Messages) {
    setError(m);
    setAttempt((a) => a + 1);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    setFailure(null);
    const months = parseMonths(shown);
    if (months === null) return fail({ ja: t('exchangeCases.settings.range', { lng: 'ja', ...INTERVAL_MONTHS }), en: t('exchangeCases.settings.range', { lng: 'en', ...INTERVAL_MONTHS }) });
    setBusy(true);
    try {
      const r = await putExchangeSettings(months);
      setError(null);
      setValue(String(r.interviewIntervalMonths));
      setSaved(r.interviewIntervalMonths);
      settings.reload();
      setTimeout(() => status.current?.focus(), 0);
    } catch (err) {
      const apiErr = isApiError(err) ? err : unexpectedError();
      const field = fieldErrorsFrom(apiErr).interviewIntervalMonths;
      if (field) fail(field);
      else {
        setFailure(apiErr);
        setTimeout(() => status.current?.focus(), 0);
      }
    } finally {
      setBusy(false);
    }
  }

  if (settings.error && !settings.data) return <ErrorAlert error={settings.error} title={t('errors.loadFailed')} onRetry={settings.reload} />;
  if (!settings.data) return <Loading />;
  return (
    <div className="flex max-w-3xl flex-col gap-4" data-testid="interview-settings">
      <ErrorSummary items={error ? [{ fieldId: inputId, message: t('errorSummary.item', { label, message: error[lang] }) }] : []} focusKey={attempt} />
      <form noValidate onSubmit={submit} className="flex flex-col gap-3" aria-labelledby="settings-heading" data-testid="interview-settings-form">
        <TextField
          id={inputId}
          type="text"
          inputMode="numeric"
          label={label}
          hint={t('exchangeCases.settings.hint', { ...INTERVAL_MONTHS })}
          required
          maxLength={2}
          className="max-w-md"
          inputClassName="max-w-32"
          value={shown}
          error={error?.[lang]}
          onChange={(e) => {
            setValue(e.target.value);
            setError(null);
          }}
        />
        <div>
          <Button type="submit" variant="secondary" disabled={busy} data-testid="interview-settings-save">
            {t('common.save')}
          </Button>
        </div>
      </form>
      <div ref={status} tabIndex={-1} className="focus:outline-none" data-testid="interview-settings-status">
        {saved !== null ? (
          <Alert tone="success" live="polite">
            {t('exchangeCases.settings.saved', { months: saved })}
          </Alert>
        ) : null}
        {failure ? <ErrorAlert error={failure} /> : null}
      </div>
    </div>
  );
}
