// The web side of the international API (issue 8): paths and hooks in one place. The shapes are the
// contract in common/src/schemas/international-api.schema.ts.
import { useApiQuery } from '../../api-hooks.ts';
import { api, type Query } from '../../api.ts';
import type { SessionAccount } from '../../../../common/src/schemas/auth.schema.ts';
import type {
  IntlConsultation,
  IntlDelegationList,
  IntlDispatchDetail,
  IntlDispatchSummary,
  IntlFellowship,
  IntlFigures,
  IntlOrganisation,
  IntlReference,
  IntlSeminarOverview,
} from '../../../../common/src/schemas/international-api.schema.ts';
import type { DispatchStatus, HostType } from '../../../../common/src/schemas/international.schema.ts';

type Role = SessionAccount['role'];

export const BASE = '/api/international';

export const STATUSES: readonly DispatchStatus[] = ['draft', 'active', 'ended', 'cancelled'];
export const HOST_TYPES: readonly HostType[] = ['international_organisation', 'foreign_government', 'equivalent_body'];

export type DispatchList = { items: IntlDispatchSummary[]; total: number; page: number; pageSize: number };
export type UpcomingItem = {
  dispatchId: number;
  personName: string;
  sendingOrganisation: { ja: string; en: string };
  host: { ja: string; en: string };
  periodStart: string;
  crossesOn: string;
  currentPlannedEnd: string;
  kind: 'planned_beyond' | 'renewal_would_cross';
  consulted: boolean;
  state: DispatchStatus;
};
export type NetworkEvent = {
  id: number;
  network: 'accsm_plus3' | 'china_japan_korea';
  kind: string;
  startDate: string;
  endDate: string | null;
  fiscalYear: number;
  place: string;
  theme: string;
  host: string;
  participants: string[];
  note: string | null;
};

/** Who may do what (mirrors the server's permissions; the server decides). */
export const mayIntl = {
  read: (role: Role | undefined) => role === 'ministry_hr' || role === 'npa',
  register: (role: Role | undefined) => role === 'ministry_hr',
  manage: (role: Role | undefined) => role === 'npa',
};

export const dispatchQuery = (p: URLSearchParams, lang: string): Query => ({
  state: p.get('state') || undefined,
  sendingOrganisationId: p.get('sendingOrganisationId') || undefined,
  hostType: p.get('hostType') || undefined,
  region: p.get('region') || undefined,
  fiscalYear: p.get('fiscalYear') || undefined,
  page: p.get('page') || undefined,
  lang,
});

export const useIntlReference = () => useApiQuery<IntlReference>(`${BASE}/reference`);
export const useDispatches = (q: Query) => useApiQuery<DispatchList>(`${BASE}/dispatches`, q);
export const useDispatch = (id: string) => useApiQuery<IntlDispatchDetail>(`${BASE}/dispatches/${encodeURIComponent(id)}`);
export const useHostOrganisations = (includeInactive = false) =>
  useApiQuery<{ items: IntlOrganisation[] }>(`${BASE}/organisations`, includeInactive ? { includeInactive: 'true' } : undefined);
export const useConsultations = (answer?: string) => useApiQuery<{ items: IntlConsultation[] }>(`${BASE}/consultations`, { answer: answer || undefined });
export const useConsultationYears = () =>
  useApiQuery<{ rows: { fiscalYear: number; count: number; source: 'records' | 'published'; citation?: string }[]; recordsFromFy: number }>(`${BASE}/consultations/years`);
export const useUpcoming = (months: number) => useApiQuery<{ asOf: string; until: string; items: UpcomingItem[] }>(`${BASE}/upcoming`, { months });
export const useYearFigures = (lang: string) => useApiQuery<IntlFigures>(`${BASE}/figures`, { lang });
export const useSeminars = () => useApiQuery<IntlSeminarOverview>(`${BASE}/seminars`);
export type SeminarSession = {
  id: number;
  courseCode: string;
  fiscalYear: number;
  startDate: string | null;
  endDate: string | null;
  lengthLabel: string | null;
  participants: { country: string; organisation: string | null; level: string | null }[];
};
export const useSeminarSessions = () => useApiQuery<{ items: SeminarSession[] }>(`${BASE}/seminars/sessions`);
export const useFellowships = () => useApiQuery<{ items: IntlFellowship[] }>(`${BASE}/fellowships`);
export const useDelegations = (lang: string) => useApiQuery<IntlDelegationList>(`${BASE}/delegations`, { lang });
export const useNetworkEvents = () => useApiQuery<{ items: NetworkEvent[] }>(`${BASE}/network-events`);

const d = (id: number | string) => `${BASE}/dispatches/${encodeURIComponent(String(id))}`;
export const intlApi = {
  check: (body: unknown) =>
    api.post<{ issues: { path: string; code: string; message: { ja: string; en: string } }[]; checks: IntlDispatchDetail['checks'] }>(`${BASE}/dispatches/check`, body),
  createDispatch: (body: unknown) => api.post<IntlDispatchDetail>(`${BASE}/dispatches`, body),
  activate: (id: number, version: number) => api.post<IntlDispatchDetail>(`${d(id)}/activate`, { version }),
  cancel: (id: number, version: number) => api.post<IntlDispatchDetail>(`${d(id)}/cancel`, { version }),
  renew: (id: number, body: { version: number; plannedEnd: string; decidedOn?: string | null }) => api.post<IntlDispatchDetail>(`${d(id)}/renewals`, body),
  end: (id: number, body: { version: number; actualEnd: string; outcome: string }) => api.post<IntlDispatchDetail>(`${d(id)}/end`, body),
  fileConsultation: (id: number, body: { version: number; step: 'initial' | number; reason: string; plannedEnd?: string }) => api.post<IntlConsultation>(`${d(id)}/consultations`, body),
  answer: (id: number, body: { version: number; answer: 'agreed' | 'not_agreed'; note?: string | null }) =>
    api.post<IntlConsultation>(`${BASE}/consultations/${id}/answer`, body),
  createOrganisation: (body: unknown) => api.post<IntlOrganisation>(`${BASE}/organisations`, body),
  patchOrganisation: (id: number, body: unknown) => api.patch<IntlOrganisation>(`${BASE}/organisations/${id}`, body),
  create: (path: string, body: unknown) => api.post<unknown>(`${BASE}/${path}`, body),
};

/** `what` is dispatches, figures or delegations: GET /api/international/<what>.csv | .xlsx */
export const exportHref = (what: string, format: 'csv' | 'xlsx', query: Query = {}) => {
  const p = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== '').map(([k, v]) => [k, String(v)]));
  const s = p.toString();
  return `${BASE}/${what}.${format}${s ? `?${s}` : ''}`;
};
