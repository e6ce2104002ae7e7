import { useApiQuery } from '../../api-hooks.ts';

// The same schemas the server answers with.
export type { AuditEntry, AuditPage, AuditVerify } from '../../../../common/src/schemas/audit.schema.ts';
import type { AuditPage } from '../../../../common/src/schemas/audit.schema.ts';

export const auditFilterKeys = ['action', 'recordType', 'recordId', 'actorAccountId', 'from', 'to'] as const;
export type AuditFilters = Record<(typeof auditFilterKeys)[number], string> & { page: number };

export function filtersFromParams(p: URLSearchParams): AuditFilters {
  const page = Number(p.get('page') ?? '1');
  const out = { page: Number.isInteger(page) && page >= 1 ? page : 1 } as AuditFilters;
  for (const k of auditFilterKeys) out[k] = p.get(k) ?? '';
  return out;
}

export function paramsFromFilters(f: AuditFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of auditFilterKeys) if (f[k].trim()) p.set(k, f[k].trim());
  if (f.page > 1) p.set('page', String(f.page));
  return p;
}

export const AUDIT_PAGE_SIZE = 50;

export function useAuditSearch(f: AuditFilters) {
  return useApiQuery<AuditPage>('/api/audit', {
    action: f.action.trim(),
    recordType: f.recordType.trim(),
    recordId: f.recordId.trim(),
    actorAccountId: f.actorAccountId.trim(),
    from: f.from,
    to: f.to,
    page: f.page,
    pageSize: AUDIT_PAGE_SIZE,
  });
}
