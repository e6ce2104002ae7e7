import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { auditLog } from '../../db/schema.ts';

export type AuditFilter = {
  action?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  actorAccountId?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
};

function whereOf(f: AuditFilter): SQL | undefined {
  return and(
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.recordType ? eq(auditLog.recordType, f.recordType) : undefined,
    f.recordId ? eq(auditLog.recordId, f.recordId) : undefined,
    f.actorAccountId ? eq(auditLog.actorAccountId, f.actorAccountId) : undefined,
    f.from ? gte(auditLog.at, f.from) : undefined,
    f.to ? lt(auditLog.at, f.to) : undefined,
  );
}

export const auditRepository = {
  async search(db: Executor, f: AuditFilter, page: number, pageSize: number) {
    const where = whereOf(f);
    const [items, total] = await Promise.all([
      db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(pageSize).offset((page - 1) * pageSize),
      db.select({ n: count() }).from(auditLog).where(where),
    ]);
    return { items, total: Number(total[0]?.n ?? 0) };
  },
  async countSince(db: Executor, since: string) {
    const r = await db.select({ n: count() }).from(auditLog).where(gte(auditLog.at, since));
    return Number(r[0]?.n ?? 0);
  },
};
