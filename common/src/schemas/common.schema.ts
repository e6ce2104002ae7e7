import { z } from 'zod';

export const localeSchema = z.enum(['ja', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const roleSchema = z.enum(['npa', 'center', 'ministry_hr', 'company_hr', 'participant']);

export const messagesSchema = z.object({ ja: z.string(), en: z.string() });

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: messagesSchema,
    fields: z.array(z.object({ path: z.string(), code: z.string(), message: messagesSchema })).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

export const idParamSchema = z.strictObject({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export const pagedOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

/** YYYY-MM-DD naming a real calendar day (2024-02-30 or 9124-61-02 would otherwise reach the database and fail there). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'date.format' })
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, d));
    return y >= 1 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }, { message: 'date.invalid' });
