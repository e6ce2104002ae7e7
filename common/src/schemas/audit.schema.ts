import { z } from 'zod';
import { pagedOf } from './common.schema.ts';

export const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actorAccountId: z.number().int().nullable(),
  actorRole: z.string().nullable(),
  actorOrganisation: z.string().nullable(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditPageSchema = pagedOf(auditEntrySchema);
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditVerifySchema = z.object({
  ok: z.boolean(),
  rows: z.number().int(),
  brokenAtId: z.number().int().optional(),
  reason: z.string().optional(),
});
export type AuditVerify = z.infer<typeof auditVerifySchema>;
