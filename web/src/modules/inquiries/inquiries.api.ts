import type {
  InquiryAudience,
  InquiryContacts,
  InquiryDetail,
  InquiryInput,
  InquiryStatus,
  InquirySummary,
} from '../../../../common/src/schemas/inquiries.schema.ts';
import type { SessionAccount } from '../../../../common/src/schemas/auth.schema.ts';
import { useApiQuery } from '../../api-hooks.ts';
import { api } from '../../api.ts';

// The single contact window (server/src/modules/inquiries/inquiries.routes.ts). The role lists mirror
// the grants table (server/src/platform/permissions.ts): the server enforces them and scopes each
// inquiry; the screens only avoid offering what would be refused.

export type { InquiryAudience, InquiryContacts, InquiryDetail, InquiryStatus, InquirySummary };
export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };
type Role = SessionAccount['role'];

/** inquiries:use (ask, answer, agree) */
export const inquiryPartyRoles: Role[] = ['ministry_hr', 'company_hr'];
/** inquiries:manage (the contact window) */
export const inquiryWindowRoles: Role[] = ['npa', 'center'];
export const inquiryRoles: Role[] = [...inquiryWindowRoles, ...inquiryPartyRoles];

export const INQUIRIES_PAGE_SIZE = 20;
export const inquiryStatuses: InquiryStatus[] = ['open', 'forwarded', 'answered', 'contact_exchanged', 'closed'];

export const useInquiries = (f: { status: string; side: string; page: number }) =>
  useApiQuery<Paged<InquirySummary>>('/api/inquiries', { status: f.status, side: f.side, page: f.page, pageSize: INQUIRIES_PAGE_SIZE });
const validId = (id: string | number | undefined) => (id !== undefined && /^[1-9]\d{0,15}$/.test(String(id)) ? String(id) : null);
export const useInquiry = (id: string | undefined) => useApiQuery<InquiryDetail>(validId(id) ? `/api/inquiries/${id}` : null);
/** Fetched only when the caller may read them (both sides agreed); each fetch is audited on the server. */
export const useInquiryContacts = (id: number | undefined, enabled: boolean) => useApiQuery<InquiryContacts>(enabled && validId(id) ? `/api/inquiries/${id}/contacts` : null);

export const askInquiry = (body: InquiryInput) => api.post<InquiryDetail>('/api/inquiries', body);
export const postInquiryMessage = (id: number, body: string, audience: InquiryAudience) => api.post<InquiryDetail>(`/api/inquiries/${id}/messages`, { body, audience });
export const forwardInquiry = (id: number, note: string, version: number) => api.post<InquiryDetail>(`/api/inquiries/${id}/forward`, { note, version });
export const agreeToExchange = (id: number, version: number) => api.post<InquiryDetail>(`/api/inquiries/${id}/agree`, { version });
export const withdrawAgreement = (id: number, version: number) => api.post<InquiryDetail>(`/api/inquiries/${id}/withdraw-agreement`, { version });
export const closeInquiry = (id: number, version: number) => api.post<InquiryDetail>(`/api/inquiries/${id}/close`, { version });

/** Whether an account may ask about a sheet its owner side posted: a company about a ministry's, a ministry about a company's. */
export const mayAsk = (role: Role, ownerSide: 'ministry' | 'company') => (role === 'company_hr' && ownerSide === 'ministry') || (role === 'ministry_hr' && ownerSide === 'company');
