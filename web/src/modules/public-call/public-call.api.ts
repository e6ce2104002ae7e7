import type { z } from 'zod';
import type {
  CallApplication,
  CallApplicationInput,
  ConsultationDetail,
  ConsultationInput,
  ConsultationSummary,
  RosterItem,
  reviewItemSchema,
} from '../../../../common/src/schemas/public-call.schema.ts';
import type { SessionAccount } from '../../../../common/src/schemas/auth.schema.ts';
import { useApiQuery } from '../../api-hooks.ts';
import { api, type Query } from '../../api.ts';

// The public call (server/src/modules/public-call/public-call.routes.ts): a company's applications,
// the NPA's review, the roster and consultations. The role lists mirror the grants table
// (server/src/platform/permissions.ts); the server enforces them, the screens only avoid offering
// what would be refused.

export type { CallApplication, ConsultationDetail, ConsultationSummary, RosterItem };
export type ReviewItem = z.infer<typeof reviewItemSchema>;
export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };
export type ApplicationStatus = CallApplication['status'];

type Role = SessionAccount['role'];

/** public_call:apply */
export const applicantRoles: Role[] = ['company_hr'];
/** public_call:review */
export const reviewerRoles: Role[] = ['npa'];
/** roster:read */
export const rosterRoles: Role[] = ['npa', 'center', 'ministry_hr'];
/** consultations:use */
export const consultationRoles: Role[] = ['npa', 'ministry_hr', 'company_hr'];

export const ROSTER_PAGE_SIZE = 20;
export const REVIEW_PAGE_SIZE = 20;
export const CONSULTATIONS_PAGE_SIZE = 20;

// ---------------------------------------------------------------- 応募

export const useOwnApplications = () => useApiQuery<{ items: CallApplication[]; canApply: boolean }>('/api/call-applications/mine');
export const applyToCall = (body: CallApplicationInput) => api.post<CallApplication>('/api/call-applications', body);
export const withdrawApplication = (id: number) => api.post<CallApplication>(`/api/call-applications/${id}/withdraw`, {});

// ---------------------------------------------------------------- 審査

export const useReviewQueue = (status: ApplicationStatus, page: number) =>
  useApiQuery<Paged<ReviewItem>>('/api/call-applications', { status, page, pageSize: REVIEW_PAGE_SIZE });
export const acceptApplication = (id: number) => api.post<CallApplication>(`/api/call-applications/${id}/accept`, {});
export const returnApplication = (id: number, reason: string) => api.post<CallApplication>(`/api/call-applications/${id}/return`, { reason });

// ---------------------------------------------------------------- 名簿

export type RosterFilters = {
  q: string;
  industry: string;
  prefecture: string;
  region: string;
  size: string;
  direction: string;
  acceptedFrom: string;
  acceptedTo: string;
  page: number;
};
export const rosterFilterKeys = ['q', 'industry', 'prefecture', 'region', 'size', 'direction', 'acceptedFrom', 'acceptedTo'] as const;

export const useRoster = (f: RosterFilters) => {
  const query: Query = { page: f.page, pageSize: ROSTER_PAGE_SIZE };
  for (const k of rosterFilterKeys) query[k] = k === 'q' ? f.q.trim() : f[k];
  return useApiQuery<Paged<RosterItem>>('/api/roster', query);
};

// ---------------------------------------------------------------- 事前相談

export const useConsultations = (status: string, page: number) =>
  useApiQuery<Paged<ConsultationSummary>>('/api/consultations', { status, page, pageSize: CONSULTATIONS_PAGE_SIZE });
export const useConsultation = (id: string | undefined) => useApiQuery<ConsultationDetail>(id && /^[1-9]\d{0,15}$/.test(id) ? `/api/consultations/${id}` : null);
export const openConsultation = (body: ConsultationInput) => api.post<ConsultationDetail>('/api/consultations', body);
export const postConsultationMessage = (id: number, body: string) => api.post<ConsultationDetail>(`/api/consultations/${id}/messages`, { body });
export const closeConsultation = (id: number) => api.post<ConsultationDetail>(`/api/consultations/${id}/close`, {});
