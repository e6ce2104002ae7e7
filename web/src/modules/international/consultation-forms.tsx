// 協議: the ministry files one (reason, step), the NPA answers it (agree / not agree + note).
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, type ApiError } from '../../api.ts';
import { useLang } from '../../i18n.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { Select } from '../../ui/select.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import type { IntlConsultation, IntlDispatchDetail } from '../../../../common/src/schemas/international-api.schema.ts';
import { intlApi } from './international.api.ts';

/** The ja/en messages of an API error: its field messages, else its own message. */
export function errorText(e: unknown, lang: 'ja' | 'en', fallback: string): string {
  if (!isApiError(e)) return fallback;
  const err = e as ApiError;
  return err.fields.length ? err.fields.map((f) => f.message[lang]).join(' ') : err.messages[lang];
}

/** `renewal`: a consultation for a renewal not yet made (step = the next renewal, with its planned end). */
export function FileConsultationForm({ dispatch, onDone, renewal }: { dispatch: IntlDispatchDetail; onDone: () => void; renewal?: { plannedEnd: string } }) {
  const { t } = useTranslation();
  const lang = useLang();
  const needing = dispatch.checks.filter((c) => c.consultationRequired && !c.consulted);
  const steps: ('initial' | number)[] = renewal ? [dispatch.renewals.length] : needing.length ? needing.map((c) => c.step) : ['initial'];
  const [step, setStep] = useState<string>(String(steps[0]));
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const stepLabel = (s: 'initial' | number) => (s === 'initial' ? t('international.consultation.stepInitial') : t('international.consultation.stepRenewal', { n: s + 1 }));
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError(t('international.consultation.reasonRequired'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await intlApi.fileConsultation(dispatch.id, { version: dispatch.version, step: step === 'initial' ? 'initial' : Number(step), reason: reason.trim(), ...(renewal ? { plannedEnd: renewal.plannedEnd } : {}) });
      setReason('');
      onDone();
    } catch (e2) {
      setError(errorText(e2, lang, t('errors.unexpected')));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={onSubmit} noValidate className="flex max-w-3xl flex-col gap-4" data-testid="consultation-form">
      <Select id="consultation-step" label={t('international.consultation.step')} value={step} onChange={(e) => setStep(e.target.value)}>
        {steps.map((s) => (
          <option key={String(s)} value={String(s)}>
            {stepLabel(s)}
          </option>
        ))}
      </Select>
      <TextArea
        id="consultation-reason"
        label={t('international.consultation.reason')}
        hint={t('international.consultation.reasonHint')}
        required
        error={error}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={5}
        maxLength={4000}
      />
      <div>
        <Button type="submit" disabled={busy} data-testid="consultation-submit">
          {t('international.consultation.file')}
        </Button>
      </div>
    </form>
  );
}

export function AnswerForm({ consultation, onDone }: { consultation: IntlConsultation; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const send = async (answer: 'agreed' | 'not_agreed') => {
    setBusy(true);
    setError(undefined);
    try {
      await intlApi.answer(consultation.id, { version: consultation.version, answer, note: note.trim() || null });
      onDone();
    } catch (e) {
      setError(errorText(e, lang, t('errors.unexpected')));
    } finally {
      setBusy(false);
    }
  };
  const id = `answer-note-${consultation.id}`;
  return (
    <div className="flex flex-col gap-3" data-testid={`answer-form-${consultation.id}`}>
      <TextArea id={id} label={t('international.consultation.note')} required={false} value={note} onChange={(e) => setNote(e.target.value)} rows={2} maxLength={2000} />
      {error ? (
        <Alert tone="error" live="assertive">
          {error}
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button size="sm" disabled={busy} onClick={() => void send('agreed')} data-testid={`agree-${consultation.id}`}>
          {t('international.consultation.agree')}
        </Button>
        <Button size="sm" variant="secondary" disabled={busy} onClick={() => void send('not_agreed')} data-testid={`disagree-${consultation.id}`}>
          {t('international.consultation.disagree')}
        </Button>
      </div>
    </div>
  );
}
