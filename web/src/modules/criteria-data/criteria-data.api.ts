import type { z } from 'zod';
import type {
  contractItemSchema,
  divisionRevenueItemSchema,
  divisionRevenueListSchema,
  exchangeHistoryItemSchema,
  importResultSchema,
  involvementItemSchema,
  jurisdictionItemSchema,
  postItemSchema,
  postLicensingSchema,
  salesItemSchema,
  sanctionItemSchema,
} from '../../../../common/src/schemas/criteria-data.schema.ts';
import type { SessionAccount } from '../../../../common/src/schemas/auth.schema.ts';
import { useApiQuery } from '../../api-hooks.ts';
import { api, type Query } from '../../api.ts';

// The stored facts the 交流基準 read (server/src/modules/criteria-data/criteria-data.routes.ts):
// shapes, calls, and who may see and change what. The role lists mirror the grants table
// (server/src/platform/permissions.ts) and the record rules mirror criteria-data.policy.ts; the
// server enforces both, the screens only avoid offering what would be refused.

export type SalesItem = z.infer<typeof salesItemSchema>;
export type SanctionItem = z.infer<typeof sanctionItemSchema>;
export type SanctionKind = SanctionItem['kind'];
export type DivisionRevenueItem = z.infer<typeof divisionRevenueItemSchema>;
export type DivisionRevenueList = z.infer<typeof divisionRevenueListSchema>;
export type ContractItem = z.infer<typeof contractItemSchema>;
export type ImportResult = z.infer<typeof importResultSchema>;
export type JurisdictionItem = z.infer<typeof jurisdictionItemSchema>;
export type InvolvementItem = z.infer<typeof involvementItemSchema>;
export type PostLicensing = z.infer<typeof postLicensingSchema>;
export type PostItem = z.infer<typeof postItemSchema>;
export type ExchangeHistoryItem = z.infer<typeof exchangeHistoryItemSchema>;
export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };

export const sanctionKinds: SanctionKind[] = ['prosecution', 'business_suspension', 'surcharge_order', 'other_serious_disposition', 'other_disposition'];

// ---------------------------------------------------------------- who may do what

type Account = Pick<SessionAccount, 'role' | 'organisationId' | 'companyId'>;
type Role = Account['role'];

/** criteria_data:read */
export const criteriaDataReaders: Role[] = ['npa', 'center', 'ministry_hr', 'company_hr'];
/** criteria_data:import */
export const contractImporters: Role[] = ['npa', 'ministry_hr'];

const isNpa = (a: Account | null) => a?.role === 'npa';
const ownOrganisation = (a: Account | null, organisationId: number | null | undefined) =>
  a?.role === 'ministry_hr' && a.organisationId != null && a.organisationId === organisationId;
const ownCompany = (a: Account | null, companyId: number | null | undefined) => a?.role === 'company_hr' && a.companyId != null && a.companyId === companyId;

export const may = {
  readCompanyFacts: (a: Account | null, c: { id: number; status: string }) =>
    isNpa(a) || ((a?.role === 'center' || a?.role === 'ministry_hr') && c.status === 'active') || ownCompany(a, c.id),
  writeCompanyFigures: (a: Account | null, companyId: number) => isNpa(a) || ownCompany(a, companyId),
  writeSanctions: (a: Account | null) => isNpa(a),
  writeContract: (a: Account | null, organisationId: number) => isNpa(a) || ownOrganisation(a, organisationId),
  addContracts: (a: Account | null) => isNpa(a) || (a?.role === 'ministry_hr' && a.organisationId != null),
  importContracts: (a: Account | null) => a != null && contractImporters.includes(a.role),
  readUnit: (a: Account | null, organisationId: number) => isNpa(a) || a?.role === 'center' || ownOrganisation(a, organisationId),
  writeUnit: (a: Account | null, organisationId: number) => isNpa(a) || ownOrganisation(a, organisationId),
  readPersonFacts: (a: Account | null, p: { organisationId: number | null; companyId: number | null }) =>
    isNpa(a) || ownOrganisation(a, p.organisationId) || ownCompany(a, p.companyId),
  writePersonFacts: (a: Account | null, p: { organisationId: number | null }) => isNpa(a) || ownOrganisation(a, p.organisationId),
  writeHistory: (a: Account | null, organisationId: number) => isNpa(a) || ownOrganisation(a, organisationId),
  addHistory: (a: Account | null) => isNpa(a) || (a?.role === 'ministry_hr' && a.organisationId != null),
};

// ---------------------------------------------------------------- calls

const company = (id: number) => `/api/companies/${id}`;

export const useSales = (companyId: number | null) => useApiQuery<{ items: SalesItem[] }>(companyId === null ? null : `${company(companyId)}/sales`);
export const putSales = (companyId: number, body: { fiscalYear: number; amountYen: number; source?: string | null }) => api.put<SalesItem>(`${company(companyId)}/sales`, body);
export const deleteSales = (companyId: number, fiscalYear: number) => api.delete<void>(`${company(companyId)}/sales/${fiscalYear}`);

export const useSanctions = (companyId: number | null) => useApiQuery<{ items: SanctionItem[] }>(companyId === null ? null : `${company(companyId)}/sanctions`);
export const addSanction = (companyId: number, body: unknown) => api.post<SanctionItem>(`${company(companyId)}/sanctions`, body);
export const deleteSanction = (companyId: number, id: number) => api.delete<void>(`${company(companyId)}/sanctions/${id}`);

const revenuePath = (companyId: number, divisionId: number) => `${company(companyId)}/divisions/${divisionId}/revenue`;
export const useRevenue = (companyId: number, divisionId: number) => useApiQuery<DivisionRevenueList>(revenuePath(companyId, divisionId));
export const putRevenue = (companyId: number, divisionId: number, body: { fiscalYear: number; publicYen: number; totalYen: number }) =>
  api.put<DivisionRevenueItem>(revenuePath(companyId, divisionId), body);
export const deleteRevenue = (companyId: number, divisionId: number, fiscalYear: number) => api.delete<void>(`${revenuePath(companyId, divisionId)}/${fiscalYear}`);

export const CONTRACTS_PAGE_SIZE = 20;
export const useContracts = (query: Query | null) => useApiQuery<Paged<ContractItem>>(query === null ? null : '/api/contracts', query ?? undefined);
export const addContract = (body: unknown) => api.post<ContractItem>('/api/contracts', body);
export const deleteContract = (id: number) => api.delete<void>(`/api/contracts/${id}`);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The server takes text/csv or xlsx; browsers label CSV inconsistently (Excel's CSV is often application/vnd.ms-excel), so the name decides. */
export const uploadTypeOf = (name: string): string => (/\.xlsx$/i.test(name) ? XLSX : /\.(csv|txt)$/i.test(name) ? 'text/csv' : 'application/octet-stream');
export const importContracts = (file: File) => api.upload<ImportResult>('/api/contracts/import', file, uploadTypeOf(file.name), { filename: file.name.slice(0, 200) });

const unit = (id: number) => `/api/org-units/${id}/jurisdictions`;
export const useJurisdictions = (unitId: number | null) => useApiQuery<{ items: JurisdictionItem[] }>(unitId === null ? null : unit(unitId));
export const addJurisdiction = (unitId: number, body: unknown) => api.post<JurisdictionItem>(unit(unitId), body);
export const deleteJurisdiction = (unitId: number, id: number) => api.delete<void>(`${unit(unitId)}/${id}`);

const involvements = (personId: number) => `/api/people/${personId}/contract-involvements`;
export const useInvolvements = (personId: number | null) => useApiQuery<{ items: InvolvementItem[] }>(personId === null ? null : involvements(personId));
export const addInvolvement = (personId: number, body: unknown) => api.post<InvolvementItem>(involvements(personId), body);
export const deleteInvolvement = (personId: number, id: number) => api.delete<void>(`${involvements(personId)}/${id}`);

const posts = (personId: number) => `/api/people/${personId}/posts`;
export const addPost = (personId: number, body: unknown) => api.post<PostItem>(posts(personId), body);
export const deletePost = (personId: number, postId: number) => api.delete<void>(`${posts(personId)}/${postId}`);
export const setPostLicensing = (personId: number, postId: number, handlesLicensing: boolean) =>
  api.patch<PostLicensing>(`/api/people/${personId}/posts/${postId}`, { handlesLicensing });

export const HISTORY_PAGE_SIZE = 20;
export const useExchangeHistory = (query: Query) => useApiQuery<Paged<ExchangeHistoryItem>>('/api/exchange-history', query);
export const addExchangeHistory = (body: unknown) => api.post<ExchangeHistoryItem>('/api/exchange-history', body);
export const deleteExchangeHistory = (id: number) => api.delete<void>(`/api/exchange-history/${id}`);

// ---------------------------------------------------------------- import errors

export type ImportRowError = { row: number; column: string; code: string; message: { ja: string; en: string } };

/** The bad rows of an import_rejected answer: from details.rows, else from the field errors ("row.column"). */
export function importRowErrors(details: Record<string, unknown> | undefined, fields: { path: string; code: string; message: { ja: string; en: string } }[]): {
  rows: ImportRowError[];
  total: number;
} {
  const rows = Array.isArray(details?.rows) ? (details.rows as ImportRowError[]) : fields.map((f) => {
    const dot = f.path.indexOf('.');
    return { row: Number(f.path.slice(0, dot)), column: f.path.slice(dot + 1), code: f.code, message: f.message };
  });
  const total = typeof details?.errors === 'number' ? details.errors : rows.length;
  return { rows, total };
}
