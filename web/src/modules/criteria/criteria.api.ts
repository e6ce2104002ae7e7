import type {
  Citation,
  CriteriaRequest,
  Decision,
  Outcome,
  Parameter,
  RuleId,
  RuleResult,
  ScreeningResponse,
  StoredCheck,
} from '../../../../common/src/schemas/criteria.schema.ts';
import { ruleIdSchema, screeningStatusSchema } from '../../../../common/src/schemas/criteria.schema.ts';
import { useApiQuery } from '../../api-hooks.ts';
import { api, type Query } from '../../api.ts';

export type { Citation, CriteriaRequest, Decision, Outcome, Parameter, RuleId, RuleResult, ScreeningResponse, StoredCheck };
export type ScreeningStatus = ScreeningResponse['items'][number]['status'];
export type ScreeningItem = ScreeningResponse['items'][number];

export const ruleIds = ruleIdSchema.options;
export const screeningStatuses = screeningStatusSchema.options;

export const evaluateDocument = (body: unknown) => api.post<Decision>('/api/criteria/evaluate', body);
export const checkStored = (body: StoredCheck) => api.post<{ request: CriteriaRequest; decision: Decision }>('/api/criteria/check', body);

export const useParameters = () => useApiQuery<{ items: Parameter[] }>('/api/criteria/parameters');

const outcomeOrder: Record<Outcome, number> = { fail: 0, indeterminate: 1, pass: 2, not_applicable: 3 };

/** Fails first, then the rules that could not be decided, then the rest, each group in the engine's order. */
export function rulesForReading(rules: RuleResult[]): RuleResult[] {
  return rules
    .map((r, i) => ({ r, i }))
    .sort((a, b) => outcomeOrder[a.r.outcome] - outcomeOrder[b.r.outcome] || a.i - b.i)
    .map(({ r }) => r);
}

// ---------------------------------------------------------------- screening search in the URL

export type ScreeningSearch = {
  personId: string;
  /** Only chooses which units the form lists; not sent. */
  organisationId: string;
  unitId: string;
  plannedStart: string;
  status: string;
  ruleId: string;
  q: string;
  page: number;
};

const screeningKeys = ['personId', 'organisationId', 'unitId', 'plannedStart', 'status', 'ruleId', 'q'] as const;
const positiveId = (v: string | null): string => (v && /^[1-9]\d{0,15}$/.test(v) ? v : '');

export function screeningFromParams(params: URLSearchParams): ScreeningSearch {
  const page = Number(params.get('page') ?? '1');
  const status = params.get('status') ?? '';
  const ruleId = params.get('ruleId') ?? '';
  const start = params.get('plannedStart') ?? '';
  return {
    personId: positiveId(params.get('personId')),
    organisationId: positiveId(params.get('organisationId')),
    unitId: positiveId(params.get('unitId')),
    plannedStart: /^\d{4}-\d{2}-\d{2}$/.test(start) ? start : '',
    status: (screeningStatuses as readonly string[]).includes(status) ? status : '',
    ruleId: (ruleIds as readonly string[]).includes(ruleId) ? ruleId : '',
    q: params.get('q') ?? '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function paramsFromScreening(s: ScreeningSearch): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of screeningKeys) {
    const v = s[k].trim();
    if (v) p.set(k, v);
  }
  if (s.page > 1) p.set('page', String(s.page));
  return p;
}

export const SCREENING_PAGE_SIZE = 20;

export function useScreening(s: ScreeningSearch) {
  const query: Query = {
    personId: s.personId,
    unitId: s.unitId,
    plannedStart: s.plannedStart,
    status: s.status,
    ruleId: s.ruleId,
    q: s.q.trim(),
    page: s.page,
    pageSize: SCREENING_PAGE_SIZE,
  };
  return useApiQuery<ScreeningResponse>(s.personId ? '/api/criteria/screening' : null, query);
}
