import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/tx.ts';
import { verifyAudit, writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { pgTimestampToIso } from '../../platform/time.ts';
import { auditRepository as repo, type AuditFilter } from './audit.repository.ts';

export function createAuditService(database: Database) {
  const { db } = database;
  return {
    // Audit rows hold personal data (who did what), so searching them is itself audited.
    async search(f: AuditFilter, page: number, pageSize: number, ctx: RequestContext) {
      const r = await repo.search(db, f, page, pageSize);
      await inTransaction(db, (tx) =>
        writeAudit(tx, ctx, { action: 'audit.search', recordType: 'audit_log', after: { filter: f, page, returned: r.items.length } }),
      );
      return { items: r.items.map((i) => ({ ...i, at: pgTimestampToIso(i.at) })), total: r.total, page, pageSize };
    },
    verify: () => verifyAudit(db),
    countSince: (since: string) => repo.countSince(db, since),
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
