import type { ZodType } from 'zod';
import jaLocale from 'zod/v4/locales/ja.js';
import { fieldMessages, isFieldMessageKey } from '../../common/src/messages.ts';
import type { ApiError, Messages } from './api.ts';
import { bilingual, type Lang } from './i18n.ts';
import type { SummaryItem } from './ui/error-summary.tsx';
import type jaCopy from './locales/ja.json';

/** A validation message from the UI copy, in both languages (for client-only checks). */
export const copyMessage = (key: keyof (typeof jaCopy)['validation']): Messages => bilingual(`validation.${key}`);

/** Field path (as the server reports it, e.g. 'company.corporateNumber') → bilingual message. */
export type FieldErrors = Record<string, Messages>;

export const fieldIdOf = (path: string): string => `f-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;

export function fieldErrorsFrom(err: ApiError): FieldErrors {
  const out: FieldErrors = {};
  for (const f of err.fields) {
    if (!out[f.path]) out[f.path] = f.message;
  }
  return out;
}

/** Re-keys errors under a prefix, to keep field ids unique when two forms share a page. */
export function prefixErrors(errors: FieldErrors, prefix: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}${k}`, v]));
}

const jaErrorMap = jaLocale().localeError;

/** Validates with the shared schema, giving the same bilingual messages the server would. */
export function validate<T extends ZodType>(schema: T, data: unknown): { ok: true; value: T['_output'] } | { ok: false; errors: FieldErrors } {
  const en = schema.safeParse(data);
  if (en.success) return { ok: true, value: en.data };
  const ja = schema.safeParse(data, { error: jaErrorMap });
  const jaIssues = ja.success ? [] : ja.error.issues;
  const errors: FieldErrors = {};
  en.error.issues.forEach((issue, i) => {
    const path = issue.path.map(String).join('.');
    if (errors[path]) return;
    errors[path] = isFieldMessageKey(issue.message)
      ? fieldMessages[issue.message]
      : { ja: jaIssues[i]?.message ?? issue.message, en: issue.message };
  });
  return { ok: false, errors };
}

/** Summary items in form order (fields as listed, then any the form does not show), each prefixed with its label. */
export function summaryItems(
  errors: FieldErrors,
  lang: Lang,
  fields: Array<{ path: string; label: string }>,
  format: (label: string, message: string) => string,
  formMessage?: string,
): SummaryItem[] {
  const items: SummaryItem[] = [];
  if (formMessage) items.push({ message: formMessage });
  const known = new Set(fields.map((f) => f.path));
  for (const f of fields) {
    const m = errors[f.path];
    if (m) items.push({ fieldId: fieldIdOf(f.path), message: format(f.label, m[lang]) });
  }
  for (const [path, m] of Object.entries(errors)) {
    if (!known.has(path)) items.push({ message: m[lang] });
  }
  return items;
}
