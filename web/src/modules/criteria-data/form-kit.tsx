import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { isApiError, unexpectedError, type ApiError } from '../../api.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { copyMessage, fieldErrorsFrom, fieldIdOf, summaryItems, type FieldErrors } from '../../form-errors.ts';
import { useLang, type Lang } from '../../i18n.ts';
import { fieldMessages } from '../../../../common/src/messages.ts';
import { Alert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { TextField, type TextFieldProps } from '../../ui/text-field.tsx';
import { parseFiscalYear, parseYen } from './amounts.ts';

// The pieces every criteria-data form shares: errors keyed by field path (prefixed, so that several
// forms can share a page), the summary that links to each field, the success message that takes
// focus, and the yen and fiscal-year boxes.

export type FormErrors = {
  errors: FieldErrors;
  attempt: number;
  formError: ApiError | null;
  /** The id of the field's control. */
  id: (field: string) => string;
  /** The field's message in the current language. */
  error: (field: string) => string | undefined;
  clear: (field: string) => void;
  reset: () => void;
  /** Client-side problems, keyed by the unprefixed field name. */
  fail: (problems: FieldErrors) => void;
  /** A refused request: its field errors go to the fields, the rest to the summary's title. */
  failWith: (err: unknown) => void;
};

export function useFormErrors(prefix: string): FormErrors {
  const lang = useLang();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [attempt, setAttempt] = useState(0);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const keyed = (problems: FieldErrors) => Object.fromEntries(Object.entries(problems).map(([k, v]) => [`${prefix}${k}`, v]));
  const clear = useCallback(
    (field: string) => setErrors((e) => (`${prefix}${field}` in e ? Object.fromEntries(Object.entries(e).filter(([p]) => p !== `${prefix}${field}`)) : e)),
    [prefix],
  );
  return {
    errors,
    attempt,
    formError,
    id: (field) => fieldIdOf(`${prefix}${field}`),
    error: (field) => errors[`${prefix}${field}`]?.[lang],
    clear,
    reset: () => {
      setErrors({});
      setFormError(null);
    },
    fail: (problems) => {
      setErrors(keyed(problems));
      setFormError(null);
      setAttempt((a) => a + 1);
    },
    failWith: (err) => {
      const apiErr = isApiError(err) ? err : unexpectedError();
      setErrors(keyed(fieldErrorsFrom(apiErr)));
      setFormError(apiErr);
      setAttempt((a) => a + 1);
    },
  };
}

/** The error summary of one form: fields in form order, each linked; a refusal without fields as an alert. */
export function FormErrorSummary({ form, prefix, fields }: { form: FormErrors; prefix: string; fields: Array<{ field: string; label: string }> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const items = summaryItems(
    form.errors,
    lang,
    fields.map((f) => ({ path: `${prefix}${f.field}`, label: f.label })),
    (label, message) => t('errorSummary.item', { label, message }),
  );
  if (form.formError && items.length === 0) return <ErrorAlert error={form.formError} />;
  return <ErrorSummary items={items} title={form.formError && items.length > 0 ? form.formError.messages[lang] : undefined} focusKey={form.attempt} />;
}

/** Yen as typed → a number, or the field's error. */
export function readYen(text: string, required = true): { value: number | null } | { error: FieldErrors[string] } {
  if (text.trim() === '') return required ? { error: copyMessage('required') } : { value: null };
  const n = parseYen(text);
  if (n === null) return { error: copyMessage('yen') };
  return n < 0 ? { error: fieldMessages['integer.nonnegative'] } : { value: n };
}

export function readFiscalYear(text: string): { value: number } | { error: FieldErrors[string] } {
  if (text.trim() === '') return { error: copyMessage('required') };
  const fy = parseFiscalYear(text);
  return fy === null || fy < 1900 || fy > 2200 ? { error: fieldMessages['fiscal_year.range'] } : { value: fy };
}

export function YenField(props: Omit<TextFieldProps, 'hint' | 'inputMode'> & { hint?: ReactNode }) {
  const { t } = useTranslation();
  return <TextField inputMode="numeric" autoComplete="off" maxLength={30} hint={props.hint ?? t('criteriaData.yenHint')} inputClassName="max-w-72 tabular-nums" {...props} />;
}

export function FiscalYearField(props: Omit<TextFieldProps, 'hint' | 'inputMode'>) {
  const { t } = useTranslation();
  return <TextField inputMode="numeric" autoComplete="off" maxLength={12} hint={t('criteriaData.fiscalYearHint')} inputClassName="max-w-48" {...props} />;
}

/** A message written when it is shown, so that it follows a change of language. */
export type Say = (t: TFunction, lang: Lang) => string;

/** The latest change's outcome: success text (announced, and focused so the next Tab continues from here) or an error. */
export function useOutcome() {
  const { t } = useTranslation();
  const lang = useLang();
  const ref = useRef<HTMLDivElement>(null);
  const [outcome, setOutcome] = useState<{ ok: Say } | { error: ApiError } | null>(null);
  const show = (o: { ok: Say } | { error: unknown }) => {
    setOutcome('ok' in o ? o : { error: isApiError(o.error) ? o.error : unexpectedError() });
    setTimeout(() => ref.current?.focus(), 0);
  };
  const view = (testId?: string) => (
    <div ref={ref} tabIndex={-1} className="focus:outline-none" data-testid={testId}>
      {outcome && 'ok' in outcome ? (
        <Alert tone="success" live="polite" className="mb-4">
          {outcome.ok(t, lang)}
        </Alert>
      ) : null}
      {outcome && 'error' in outcome ? <ErrorAlert error={outcome.error} /> : null}
    </div>
  );
  return { show, clear: () => setOutcome(null), view };
}

/** A row's delete button, then "delete? yes / cancel" in its place. `label` names the row for screen readers. */
export function DeleteAction({ label, onConfirm, disabled }: { label: string; onConfirm: () => Promise<void> | void; disabled?: boolean }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  if (!confirming) {
    return (
      <Button ref={deleteButton} size="sm" variant="danger" aria-label={t('criteriaData.deleteLabel', { what: label })} disabled={disabled} onClick={() => setConfirming(true)}>
        {t('criteriaData.delete')}
      </Button>
    );
  }
  return (
    <div role="group" aria-label={t('criteriaData.deleteLabel', { what: label })} className="flex flex-wrap items-center gap-2">
      <span className="text-dns-16B-130 text-error-2">{t('criteriaData.confirmDelete')}</span>
      <Button
        size="sm"
        variant="danger"
        autoFocus
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await onConfirm();
          } finally {
            setBusy(false);
            setConfirming(false);
          }
        }}
      >
        {t('criteriaData.confirmDeleteYes')}
      </Button>
      <Button
        size="sm"
        variant="tertiary"
        onClick={() => {
          setConfirming(false);
          setTimeout(() => deleteButton.current?.focus(), 0);
        }}
      >
        {t('common.cancel')}
      </Button>
    </div>
  );
}
