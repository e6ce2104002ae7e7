import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  booleanLabels,
  inputSheetSchema,
  sheetFieldHints,
  sheetFieldLabels,
  sheetFields,
  sheetOptionLabels,
  sheetSections,
  type SheetField,
  type SheetSection,
} from '../../../../common/src/schemas/exchange-sheet.schema.ts';
import { isApiError, unexpectedError, type ApiError } from '../../api.ts';
import { ErrorAlert } from '../../app-errors.tsx';
import { fieldErrorsFrom, fieldIdOf, summaryItems, validate, type FieldErrors } from '../../form-errors.ts';
import { useLang } from '../../i18n.ts';
import { Button } from '../../ui/button.tsx';
import { ErrorSummary } from '../../ui/error-summary.tsx';
import { Loading } from '../../ui/primitives.tsx';
import { Select } from '../../ui/select.tsx';
import { TextArea } from '../../ui/text-area.tsx';
import { TextField } from '../../ui/text-field.tsx';
import { putSheet, sheetErrors, useSheet, type CaseDetail } from './exchanges.api.ts';

// 入力支援シートを画面で入力: the same fields, labels and hints as the xlsx (exchange-sheet.schema.ts),
// one control each, grouped by the sheet's sections; checked with the same schema before sending.

type Values = Record<string, string>;
const P = 'sheet.';

function getPath(obj: unknown, path: string): unknown {
  let cur = obj;
  for (const k of path.split('.')) {
    if (cur == null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let cur = obj;
  for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
  cur[keys.at(-1)!] = value;
}

const toText = (v: unknown): string => (v === undefined || v === null ? '' : typeof v === 'boolean' ? String(v) : String(v));

/** The fields a case of this type shows. */
const fieldsFor = (direction: 'dispatch' | 'hire') => sheetFields.filter((f) => !f.direction || f.direction === direction);

/** The form's text values as the sheet's shape: numbers and yes/no converted, empty optional fields left out. */
function toSheet(values: Values, fields: readonly SheetField[]): Record<string, unknown> {
  const out: Record<string, unknown> = { constraints: {}, welfare: {} };
  for (const f of fields) {
    const raw = (values[f.path] ?? '').trim();
    if (raw === '') continue;
    if (f.kind === 'integer') setPath(out, f.path, /^-?\d+$/.test(raw.replace(/,/g, '')) ? Number(raw.replace(/,/g, '')) : raw);
    else if (f.kind === 'boolean') setPath(out, f.path, raw === 'true');
    else setPath(out, f.path, values[f.path]);
  }
  return out;
}

export function SheetForm({ detail, onSaved }: { detail: CaseDetail; onSaved: () => void }) {
  const state = useSheet(detail.id);
  if (state.loading) return <Loading />;
  if (state.error) return <ErrorAlert error={state.error} onRetry={state.reload} />;
  if (!state.data) return null;
  return <SheetFormFields key={state.data.version} detail={detail} initial={state.data.sheet ?? state.data.prefill} version={state.data.version} onSaved={onSaved} />;
}

function SheetFormFields({ detail, initial, version, onSaved }: { detail: CaseDetail; initial: unknown; version: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const fields = fieldsFor(detail.direction);
  const [values, setValues] = useState<Values>(() => Object.fromEntries(fields.map((f) => [f.path, toText(getPath(initial, f.path))])));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const set = (path: string, v: string) => {
    setValues((d) => ({ ...d, [path]: v }));
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([p]) => p !== `${P}${path}`)));
  };
  const fail = (problems: FieldErrors, err: ApiError | null) => {
    setErrors(Object.fromEntries(Object.entries(problems).map(([k, m]) => [`${P}${k.replace(/^sheet\./, '')}`, m])));
    setFormError(err);
    setAttempt((a) => a + 1);
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const sheet = toSheet(values, fields);
    const checked = validate(inputSheetSchema, sheet);
    if (!checked.ok) return fail(checked.errors, null);
    setBusy(true);
    try {
      await putSheet(detail.id, version, checked.value);
      setErrors({});
      setFormError(null);
      onSaved();
    } catch (err) {
      const apiErr = isApiError(err) ? err : unexpectedError();
      const rows = sheetErrors(apiErr.details);
      fail(rows.length ? Object.fromEntries(rows.map((r) => [r.field, r.message])) : fieldErrorsFrom(apiErr), apiErr);
    } finally {
      setBusy(false);
    }
  }

  const label = (f: SheetField) => sheetFieldLabels[f.path]?.[lang] ?? f.path;
  const items = summaryItems(
    errors,
    lang,
    fields.map((f) => ({ path: `${P}${f.path}`, label: label(f) })),
    (l, m) => t('errorSummary.item', { label: l, message: m }),
  );
  const sections = [...new Set(fields.map((f) => f.section))] as SheetSection[];
  return (
    <div>
      {formError && items.length === 0 ? <ErrorAlert error={formError} /> : null}
      <ErrorSummary items={items} title={formError && items.length > 0 ? formError.messages[lang] : undefined} focusKey={attempt} />
      <form noValidate onSubmit={submit} className="flex max-w-3xl flex-col gap-6" aria-label={t('exchangeCases.documents.sheetFormHeading')} data-testid="sheet-form">
        {sections.map((s) => (
          <fieldset key={s} className="flex flex-col gap-4">
            <legend className="mb-2 text-std-17B-170 text-solid-gray-900">{sheetSections[s][lang]}</legend>
            {fields
              .filter((f) => f.section === s)
              .map((f) => {
                const common = {
                  id: fieldIdOf(`${P}${f.path}`),
                  label: label(f),
                  hint: sheetFieldHints[f.path]?.[lang],
                  required: f.required,
                  error: errors[`${P}${f.path}`]?.[lang],
                  value: values[f.path] ?? '',
                };
                if (f.kind === 'enum' || f.kind === 'boolean') {
                  const options = f.kind === 'boolean' ? (['true', 'false'] as const).map((o) => [o, booleanLabels[o][lang]] as const) : (f.options ?? []).map((o) => [o, sheetOptionLabels[f.path]?.[o]?.[lang] ?? o] as const);
                  return (
                    <Select key={f.path} {...common} className="max-w-md" onChange={(e) => set(f.path, e.target.value)}>
                      <option value="">{t('common.choose')}</option>
                      {options.map(([v, l]) => (
                        <option key={v} value={v}>
                          {l}
                        </option>
                      ))}
                    </Select>
                  );
                }
                if (f.kind === 'longText') return <TextArea key={f.path} {...common} rows={3} maxLength={2000} onChange={(e) => set(f.path, e.target.value)} />;
                return (
                  <TextField
                    key={f.path}
                    {...common}
                    type={f.kind === 'date' ? 'date' : f.kind === 'email' ? 'email' : f.kind === 'phone' ? 'tel' : 'text'}
                    inputMode={f.kind === 'integer' || f.kind === 'corporateNumber' ? 'numeric' : undefined}
                    className={f.kind === 'date' || f.kind === 'integer' ? 'max-w-xs' : undefined}
                    onChange={(e) => set(f.path, e.target.value)}
                  />
                );
              })}
          </fieldset>
        ))}
        <div>
          <Button type="submit" disabled={busy} data-testid="sheet-form-submit">
            {t('exchangeCases.documents.sheetFormSave')}
          </Button>
        </div>
      </form>
    </div>
  );
}
