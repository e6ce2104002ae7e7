import { z } from 'zod';
import { localeSchema, roleSchema } from './common.schema.ts';

export const loginBodySchema = z.strictObject({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(1024),
});

export const sessionAccountSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  organisationId: z.number().int().nullable(),
  organisationName: z.object({ ja: z.string(), en: z.string() }).nullable(),
  companyId: z.number().int().nullable(),
  companyName: z.string().nullable(),
  personId: z.number().int().nullable(),
  locale: localeSchema,
});
export type SessionAccount = z.infer<typeof sessionAccountSchema>;

export const sessionResponseSchema = z.object({
  account: sessionAccountSchema.nullable(),
  csrfToken: z.string().nullable(),
});
export type SessionResponse = z.infer<typeof sessionResponseSchema>;

export const localeBodySchema = z.strictObject({ locale: localeSchema });
