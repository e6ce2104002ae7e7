import { useCallback, useRef, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import type { ZodType } from 'zod';
import { useTranslation } from 'react-i18next';
import type { QueryState } from '../../api-hooks.ts';
import { isApiError, unexpectedError, type ApiError } from '../../api.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { copyMessage, fieldErrorsFrom, fieldIdOf, summaryItems, validate, type FieldErrors } from '../../form-errors.ts';
import { useLang, type Lang } from '../../i18n.ts';
import { fieldMessages } from '../../../../common/src/messages.ts';
import { Alert } from '../../ui/alert.tsx';
import { ConfirmAction } from '../../ui/confirm-action.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Loading, SectionHeading } from '../../ui/primitives.tsx';
import { TextField, type TextFieldProps } from '../../ui/text-field.tsx';
import { UnitSelect } from '../criteria/unit-select.tsx';
import { parseFiscalYear, parseYen } from './amounts.ts';

// The pieces every criteria-data form shares: errors keyed by field path (prefixed, so that several
// forms can share a page), the summary that links to each field, the success message that takes
// focus, and the yen and fiscal-year boxes.

export type FormErrors = {
  /** Put before each field's name in the error keys and control ids. */
  prefix: string;
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
    prefix,
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

/** The error summary of one form: fields in form order (as `labels` lists them), each linked; a refusal without fields as an alert. */
export function FormErrorSummary({ form, labels }: { form: FormErrors; labels: Record<string, string> }) {
  const { t } = useTranslation();
  const lang = useLang();
  const items = summaryItems(
    form.errors,
    lang,
    Object.entries(labels).map(([field, label]) => ({ path: `${form.prefix}${field}`, label })),
    (label, message) => t('errorSummary.item', { label, message }),
  );
  if (form.formError && items.length === 0) return <ErrorAlert error={form.formError} />;
  return <ErrorSummary items={items} title={form.formError && items.length > 0 ? form.formError.messages[lang] : undefined} focusKey={form.attempt} />;
}

const formHeadingClass = { 2: 'text-std-24B-150 text-solid-gray-900', 3: 'text-std-18B-160', 4: 'text-std-18B-160' } as const;

type RecordFormProps = {
  /** Names the form: `${name}-form` is its test id, `${name}-form-heading` its heading's id. */
  name: string;
  level: keyof typeof formHeadingClass;
  heading: ReactNode;
  form: FormErrors;
  /** The fields' labels, in form order, for the error summary. */
  labels: Record<string, string>;
  /** Runs instead of the browser's submit (and its own validation). */
  onSubmit: () => unknown;
  className?: string;
  /** The id of text that describes the whole form. */
  describedBy?: string;
  children: ReactNode;
};

/** A form that records criteria data: its error summary above it, then the form, labelled by its heading, with the fields and buttons. */
export function RecordForm({ name, level, heading, form, labels, onSubmit, className, describedBy, children }: RecordFormProps) {
  const Heading = `h${level}` as const;
  return (
    <div className={className}>
      <FormErrorSummary form={form} labels={labels} />
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
        aria-labelledby={`${name}-form-heading`}
        aria-describedby={describedBy}
        className="flex flex-col gap-5"
        data-testid={`${name}-form`}
      >
        <Heading id={`${name}-form-heading`} className={formHeadingClass[level]}>
          {heading}
        </Heading>
        {children}
      </form>
    </div>
  );
}

type UnitChoice = { organisationId: string; unitId: string };

/** A missing ministry or unit. Without a ministry the unit list is disabled: the error then belongs to the ministry. */
export const unitChoiceProblems = ({ organisationId, unitId }: UnitChoice): FieldErrors =>
  !organisationId ? { organisationId: copyMessage('choose') } : !unitId ? { unitId: copyMessage('choose') } : {};

/** The ministry and unit a record is about (fields `organisationId`, `unitId`), as a fieldset; `own` limits the choice to one ministry. */
export function UnitFieldset({ legend, form, own, value, onChange }: { legend: string; form: FormErrors; own: number | null; value: UnitChoice; onChange: (v: UnitChoice) => void }) {
  const { t } = useTranslation();
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{legend}</legend>
      <UnitSelect
        idPrefix={form.id('')}
        organisationId={value.organisationId}
        unitId={value.unitId}
        onlyOrganisationId={own}
        required
        organisationHint={own != null ? t('criteriaData.ownOrganisationOnly') : undefined}
        unitError={form.error('unitId')}
        organisationError={form.error('organisationId')}
        onChange={({ organisationId, unitId }) => {
          onChange({ organisationId, unitId });
          form.clear('unitId');
          form.clear('organisationId');
        }}
      />
    </fieldset>
  );
}

/** The keys of `V` whose values are text (those a text box, select or text area edits). */
type TextKey<V> = { [K in keyof V]: V[K] extends string ? K : never }[keyof V] & string;

/**
 * A form's values. `set` changes one and clears its field's error (`field` when the error is keyed
 * otherwise, e.g. `company` → `companyId`); `bind` gives a text control its id, value, error and onChange.
 */
export function useFormValues<V extends Record<string, unknown>>(form: FormErrors, initial: V) {
  const [values, setValues] = useState<V>(initial);
  const set = <K extends keyof V & string>(k: K, value: V[K], field: string = k) => {
    setValues((d) => ({ ...d, [k]: value }));
    form.clear(field);
  };
  const bind = (k: TextKey<V>) => ({
    id: form.id(k),
    value: values[k] as string,
    error: form.error(k),
    onChange: (e: { target: { value: string } }) => set(k, e.target.value as V[typeof k]),
  });
  return { values, setValues, set, bind };
}

/**
 * Checks the input with the shared schema, adding its problems to the client's own (a field keeps the
 * first message). The value when all is well; otherwise null, and the form shows the problems.
 */
export function checkInput<T extends ZodType>(form: FormErrors, schema: T, data: unknown, problems: FieldErrors = {}): T['_output'] | null {
  const checked = validate(schema, data);
  if (!checked.ok) for (const [k, m] of Object.entries(checked.errors)) problems[k] ??= m;
  if (Object.keys(problems).length || !checked.ok) {
    form.fail(problems);
    return null;
  }
  return checked.value;
}

/** Sends a checked form: `busy` while the request is on its way; on success the errors go and `done` runs, a refusal goes to the fields and the summary. */
export function useSubmit(form: FormErrors) {
  const [busy, setBusy] = useState(false);
  async function submit<R>(request: () => Promise<R>, done: (result: R) => void) {
    setBusy(true);
    try {
      const result = await request();
      form.reset();
      done(result);
    } catch (err) {
      form.failWith(err);
    } finally {
      setBusy(false);
    }
  }
  return { busy, submit };
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
  /** Makes a change (e.g. a delete): its success message or its error is shown, and on success `then` runs (e.g. a reload). */
  const run = async (change: () => Promise<unknown>, ok: Say, then?: () => void) => {
    try {
      await change();
      show({ ok });
      then?.();
    } catch (err) {
      show({ error: err });
    }
  };
  return { show, run, clear: () => setOutcome(null), view };
}

/** A section of criteria data on a record's page: heading, the lead that explains it, then its content. */
export function RecordSection({ headingId, testId, heading, lead, children }: { headingId: string; testId: string; heading: string; lead: string; children: ReactNode }) {
  return (
    <section aria-labelledby={headingId} data-testid={testId}>
      <SectionHeading id={headingId}>{heading}</SectionHeading>
      <p className="mb-4 max-w-4xl text-std-16N-170 text-solid-gray-800">{lead}</p>
      {children}
    </section>
  );
}

/** A list as it loads: the spinner, a failed load (with retry), the `empty` text when there are no rows, else the list. */
export function LoadedList({ state, count, empty, children }: { state: QueryState<unknown>; count: number; empty: string; children: () => ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      {state.loading ? <Loading /> : null}
      {state.error ? <ErrorAlert error={state.error} title={t('errors.loadFailed')} onRetry={state.reload} /> : null}
      {state.data ? count === 0 ? <p className="text-std-16N-170 text-solid-gray-700">{empty}</p> : children() : null}
    </>
  );
}

/** A row's delete button, then "delete? yes / cancel" in its place. `label` names the row for screen readers. */
export function DeleteAction({ label, onConfirm, disabled }: { label: string; onConfirm: () => Promise<void> | void; disabled?: boolean }) {
  const { t } = useTranslation();
  return (
    <ConfirmAction
      label={t('criteriaData.delete')}
      question={t('criteriaData.confirmDelete')}
      confirm={t('criteriaData.confirmDeleteYes')}
      ariaLabel={t('criteriaData.deleteLabel', { what: label })}
      variant="danger"
      questionTone="error"
      disabled={disabled}
      onConfirm={onConfirm}
    />
  );
}
