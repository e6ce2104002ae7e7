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
