// Validation with bilingual messages: zod parses once with its English messages and, when that
// fails, once more with its Japanese locale; custom rules carry a key of common/messages.
import { z, type ZodType } from 'zod';
import type { FastifySchemaCompiler } from 'fastify';
import { fieldMessages, isFieldMessageKey } from '../../../common/src/messages.ts';
import { AppError, type FieldIssue } from './errors.ts';

const jaLocale = z.locales.ja().localeError;

export function issuesOf(schema: ZodType, data: unknown, enIssues: z.core.$ZodIssue[]): FieldIssue[] {
  const ja = schema.safeParse(data, { error: jaLocale });
  const jaIssues = ja.success ? [] : ja.error.issues;
  return enIssues.map((issue, i) => {
    const path = issue.path.map(String).join('.');
    if (isFieldMessageKey(issue.message)) {
      return { path, code: issue.message, message: fieldMessages[issue.message] };
    }
    const jaMessage = jaIssues[i]?.message ?? issue.message;
    return { path, code: issue.code, message: { ja: jaMessage, en: issue.message } };
  });
}

/** Parses or throws AppError('validation_failed') listing every field with ja/en messages. */
export function parseOrThrow<T extends ZodType>(schema: T, data: unknown): z.output<T> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  throw new AppError('validation_failed', { fields: issuesOf(schema, data, r.error.issues) });
}

export const bilingualValidatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const r = schema.safeParse(data);
    if (r.success) return { value: r.data };
    return { error: new AppError('validation_failed', { fields: issuesOf(schema, data, r.error.issues) }) };
  };

const wellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed() && !s.includes('\u0000');

/** Throws validation_failed naming every string (key or value) that holds U+0000 or a lone surrogate. */
export function rejectMalformedText(input: Record<string, unknown>): void {
  const bad: FieldIssue[] = [];
  const walk = (v: unknown, path: string, depth: number) => {
    if (depth > 64 || bad.length > 20) return;
    if (typeof v === 'string') {
      if (!wellFormed(v)) bad.push({ path, code: 'text.invalid_characters', message: fieldMessages['text.invalid_characters'] });
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, path ? `${path}.${i}` : String(i), depth + 1));
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        const p = path ? `${path}.${k}` : k;
        if (!wellFormed(k)) bad.push({ path: p, code: 'text.invalid_characters', message: fieldMessages['text.invalid_characters'] });
        walk(x, p, depth + 1);
      }
    }
  };
  for (const part of ['body', 'query', 'params']) walk(input[part], '', 0);
  if (bad.length) throw new AppError('validation_failed', { fields: bad });
}
