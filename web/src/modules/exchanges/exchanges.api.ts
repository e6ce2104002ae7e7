import type { z } from 'zod';
import type {
  blockSchema,
  caseDetailSchema,
  caseDocumentSchema,
  caseEventItemSchema,
  caseItemSchema,
  caseMessageSchema,
  CaseEventName,
  CaseState,
  CreateCase,
  extensionSchema,
  interviewSchema,
  Pipeline,
  TransitionInput,
} from '../../../../common/src/schemas/exchanges.schema.ts';
import { caseStates } from '../../../../common/src/schemas/exchanges.schema.ts';
import type { InputSheet } from '../../../../common/src/schemas/exchange-sheet.schema.ts';
import type { PlanResponse } from '../../../../common/src/schemas/exchange-planner.schema.ts';
import type { Decision } from '../../../../common/src/schemas/criteria.schema.ts';
import type { SessionAccount } from '../../../../common/src/schemas/auth.schema.ts';
import { useApiQuery } from '../../api-hooks.ts';
import { api } from '../../api.ts';

// 交流案件 (exchange cases): the API's shapes and calls (server/src/modules/exchanges/exchanges.routes.ts),
// the list's filters as they live in the URL, and which role may do what on the screens (the server
// decides; the screens only avoid offering what would be refused).

export type CaseItem = z.infer<typeof caseItemSchema>;
export type CaseDetail = z.infer<typeof caseDetailSchema>;
export type CaseAction = CaseDetail['actions'][number];
export type Block = z.infer<typeof blockSchema>;
export type CaseEventItem = z.infer<typeof caseEventItemSchema>;
export type CaseMessage = z.infer<typeof caseMessageSchema>;
export type CaseDocument = z.infer<typeof caseDocumentSchema>;
export type Interview = z.infer<typeof interviewSchema>;
export type Extension = z.infer<typeof extensionSchema>;
export type { CaseEventName, CaseState, Pipeline, TransitionInput, CreateCase, InputSheet };
export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };

export { caseStates };

/** The lifecycle as a step bar shows it (the main path; side states map onto it). */
export const lifecycle: CaseState[] = ['consultation', 'submitted', 'under_review', 'informally_approved', 'formal_application', 'certified', 'agreement_signed', 'active', 'returned'];
export const terminalStates: CaseState[] = ['returned', 'ended_early', 'withdrawn', 'rejected'];
/** The states in which a case waits on the NPA (the queue's default). */
/** The states in which the review clock (内諾 target) runs. */
export const reviewStates: CaseState[] = ['submitted', 'under_review', 'query_to_ministry'];
export const queueStates: CaseState[] = ['submitted', 'under_review', 'query_to_ministry', 'formal_application'];

/** The states in which the plan (and a hire's person) may still change. */
export const namingStates: CaseState[] = ['consultation', 'query_to_ministry', 'informally_approved'];

// ---------------------------------------------------------------- who may do what

type Account = Pick<SessionAccount, 'role' | 'organisationId' | 'companyId'> | null;

export const mayCase = {
  create: (a: Account) => a?.role === 'npa' || (a?.role === 'ministry_hr' && a.organisationId != null),
  export: (a: Account) => a != null && a.role !== 'participant',
  queue: (a: Account) => a?.role === 'npa',
  pipeline: (a: Account) => a != null && a.role !== 'participant',
  checkCriteria: (a: Account, c: Pick<CaseItem, 'organisation' | 'company'>) =>
    a?.role === 'npa' || (a?.role === 'ministry_hr' && a.organisationId === c.organisation.id) || (a?.role === 'company_hr' && a.companyId === c.company.id),
  editPlan: (a: Account, c: Pick<CaseItem, 'organisation'>) => a?.role === 'npa' || (a?.role === 'ministry_hr' && a.organisationId === c.organisation.id),
  post: (a: Account, c: Pick<CaseItem, 'organisation' | 'company'>) =>
    a?.role === 'npa' || (a?.role === 'ministry_hr' && a.organisationId === c.organisation.id) || (a?.role === 'company_hr' && a.companyId === c.company.id),
  followUp: (a: Account, c: Pick<CaseItem, 'organisation'>) => a?.role === 'npa' || (a?.role === 'ministry_hr' && a.organisationId === c.organisation.id),
  requestExtension: (a: Account, c: Pick<CaseItem, 'organisation'>) => a?.role === 'ministry_hr' && a.organisationId === c.organisation.id,
  decideExtension: (a: Account) => a?.role === 'npa',
  exceptions: (a: Account) => a?.role === 'npa',
  /** A hire's company names which of its employees goes, while the plan may still change. */
  namePerson: (a: Account, c: Pick<CaseItem, 'company' | 'direction' | 'state'>) =>
    a?.role === 'company_hr' && a.companyId === c.company.id && c.direction === 'hire' && namingStates.includes(c.state),
  /** A ministry's own settings (follow-up interview interval). */
  settings: (a: Account) => a?.role === 'ministry_hr' && a.organisationId != null,
};

// ---------------------------------------------------------------- list filters in the URL

export type CaseFilters = {
  state: CaseState[];
  direction: '' | 'dispatch' | 'hire';
  startFrom: string;
  startTo: string;
  overdue: boolean;
  q: string;
  sort: 'start' | 'age' | 'updated';
  page: number;
};

export const emptyFilters: CaseFilters = { state: [], direction: '', startFrom: '', startTo: '', overdue: false, q: '', sort: 'start', page: 1 };

const isDate = (s: string | null): s is string => s != null && /^\d{4}-\d{2}-\d{2}$/.test(s);

export function filtersFromParams(p: URLSearchParams): CaseFilters {
  const direction = p.get('direction');
  const sort = p.get('sort');
  const page = Number(p.get('page') ?? '1');
  return {
    state: p.getAll('state').filter((s): s is CaseState => (caseStates as readonly string[]).includes(s)),
    direction: direction === 'dispatch' || direction === 'hire' ? direction : '',
    startFrom: isDate(p.get('startFrom')) ? p.get('startFrom')! : '',
    startTo: isDate(p.get('startTo')) ? p.get('startTo')! : '',
    overdue: p.get('overdue') === 'true',
    q: (p.get('q') ?? '').slice(0, 200),
    sort: sort === 'age' || sort === 'updated' ? sort : 'start',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

/** The filters as a query (the list's URL, the API and the export links share it); page only when past 1. */
export function paramsFromFilters(f: CaseFilters, opts: { page?: boolean } = {}): URLSearchParams {
  const p = new URLSearchParams();
  for (const s of f.state) p.append('state', s);
  if (f.direction) p.set('direction', f.direction);
  if (f.startFrom) p.set('startFrom', f.startFrom);
  if (f.startTo) p.set('startTo', f.startTo);
  if (f.overdue) p.set('overdue', 'true');
  if (f.q.trim()) p.set('q', f.q.trim());
  if (f.sort !== 'start') p.set('sort', f.sort);
  if (opts.page !== false && f.page > 1) p.set('page', String(f.page));
  return p;
}

export const CASES_PAGE_SIZE = 20;

const pathWith = (path: string, p: URLSearchParams) => {
  const s = p.toString();
  return s ? `${path}?${s}` : path;
};

export function useCases(kind: 'cases' | 'queue', f: CaseFilters) {
  const p = paramsFromFilters(f);
  p.set('pageSize', String(CASES_PAGE_SIZE));
  return useApiQuery<Paged<CaseItem>>(pathWith(`/api/exchanges/${kind}`, p));
}

/** CSV / Excel download of every row the filters select (no page). */
export const exportHref = (format: 'csv' | 'xlsx', f: CaseFilters) => pathWith(`/api/exchanges/cases.${format}`, paramsFromFilters(f, { page: false }));

export const usePipeline = (enabled: boolean) => useApiQuery<Pipeline>(enabled ? '/api/exchanges/pipeline' : null);

// ---------------------------------------------------------------- one case

const base = (id: number) => `/api/exchanges/cases/${id}`;

export const useCase = (id: string | undefined) => useApiQuery<CaseDetail>(id && /^\d+$/.test(id) ? base(Number(id)) : null);
export const createCase = (body: CreateCase) => api.post<CaseDetail>('/api/exchanges/cases', body);
export const transition = (id: number, body: TransitionInput) => api.post<CaseDetail>(`${base(id)}/transitions`, body);
export const checkCriteria = (id: number) => api.post<{ verdict: Decision['overall']; decision: Decision }>(`${base(id)}/criteria-check`);
export const putExceptions = (id: number, version: number, exceptions: { ruleId: string; reference: string }[]) =>
  api.put<CaseDetail>(`${base(id)}/exceptions`, { version, exceptions });
export const postMessage = (id: number, body: string) => api.post<CaseMessage>(`${base(id)}/messages`, { body });
export const scheduleInterview = (id: number, body: { scheduledOn: string; interviewer?: string }) => api.post<Interview>(`${base(id)}/interviews`, body);
export const recordInterview = (id: number, interviewId: number, body: { status: 'held' | 'cancelled'; heldOn?: string; interviewer?: string; notes?: string }) =>
  api.patch<Interview>(`${base(id)}/interviews/${interviewId}`, body);
export const requestExtension = (id: number, body: { requestedEnd: string; reason: string }) => api.post<Extension>(`${base(id)}/extensions`, body);
/** The company names the employee for a hire (交流採用の対象者); null clears it. */
export const namePerson = (id: number, version: number, personId: number | null) => api.patch<CaseDetail>(base(id), { version, personId });
export const decideExtension = (id: number, extensionId: number, body: { approve: boolean; note?: string; version: number }) =>
  api.post<CaseDetail>(`${base(id)}/extensions/${extensionId}/decision`, body);

// Documents (入力支援シート, 取決め書(案), 認定通知書)
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const inputSheetHref = (id: number) => `${base(id)}/input-sheet.xlsx`;
export const documentHref = (id: number, docId: number) => `${base(id)}/documents/${docId}`;
export const uploadInputSheet = (id: number, file: Blob) => api.upload<CaseDetail>(`${base(id)}/input-sheet`, file, XLSX_TYPE);
export const generateAgreement = (id: number) => api.post<unknown>(`${base(id)}/documents/agreement`);
export const useSheet = (id: number | null) => useApiQuery<{ sheet: InputSheet | null; prefill: Partial<InputSheet>; version: number }>(id === null ? null : `${base(id)}/sheet`);
export const putSheet = (id: number, version: number, sheet: unknown) => api.put<CaseDetail>(`${base(id)}/sheet`, { version, sheet });
export const useCaseSchedule = (id: number) => useApiQuery<PlanResponse>(`${base(id)}/schedule`);

/** The upload's refusal: one row per bad cell. */
export type SheetRowError = { row: number; field: string; code: string; message: { ja: string; en: string } };
export function sheetErrors(details: Record<string, unknown> | undefined): SheetRowError[] {
  const errors = details?.errors;
  return Array.isArray(errors) ? (errors as SheetRowError[]) : [];
}

/** The reasons of a refused step (422 transition_blocked). */
export function blocksOf(details: Record<string, unknown> | undefined): Block[] {
  const blocks = details?.blocks;
  return Array.isArray(blocks) ? (blocks as Block[]) : [];
}

// ---------------------------------------------------------------- a ministry's settings

/** 府省等の設定: how many months apart its follow-up interviews fall (used for cases opened from now on). */
export type ExchangeSettings = { organisationId: number; interviewIntervalMonths: number };
export const INTERVAL_MONTHS = { min: 1, max: 24 } as const;
export const useExchangeSettings = (enabled: boolean) => useApiQuery<ExchangeSettings>(enabled ? '/api/exchanges/settings' : null);
export const putExchangeSettings = (interviewIntervalMonths: number) => api.put<ExchangeSettings>('/api/exchanges/settings', { interviewIntervalMonths });

/** Whole months within the allowed range, written in ASCII or full-width digits. */
export function parseMonths(raw: string): number | null {
  const s = raw.normalize('NFKC').trim();
  if (!/^\d{1,2}$/.test(s)) return null;
  const n = Number(s);
  return n >= INTERVAL_MONTHS.min && n <= INTERVAL_MONTHS.max ? n : null;
}
