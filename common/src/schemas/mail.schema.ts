import { z } from 'zod';
import { pageQuery, pagedOf } from './common.schema.ts';

// The mail outbox (送信メール): every mail koryu sends, shared by the server and the web app.

export const mailStatuses = ['pending', 'sent', 'failed', 'held'] as const; // 送信待ち / 送信済 / 送信失敗 / 保留 (SMTP未設定)
export const mailStatusSchema = z.enum(mailStatuses);
export type MailStatus = (typeof mailStatuses)[number];

export const outboxQuerySchema = z.strictObject({ status: mailStatusSchema.optional(), ...pageQuery });

export const mailSummarySchema = z.object({
  id: z.number().int(),
  toAddress: z.string(),
  subject: z.string(),
  kind: z.string(), // e.g. 'reminder.review_overdue'
  caseId: z.number().int().nullable(),
  status: mailStatusSchema,
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type MailSummary = z.infer<typeof mailSummarySchema>;

export const mailDetailSchema = mailSummarySchema.extend({ body: z.string(), lastError: z.string().nullable() });
export type MailDetail = z.infer<typeof mailDetailSchema>;

export const outboxPageSchema = pagedOf(mailSummarySchema);
export type OutboxPage = z.infer<typeof outboxPageSchema>;
