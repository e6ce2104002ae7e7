// Surveys (アンケート, issue 7): the API contract is common/src/schemas/surveys-api.schema.ts (route
// list at its top). The role lists mirror the grants table (server/src/platform/permissions.ts:
// surveys:manage / surveys:results for the NPA, surveys:answer for ministry HR and participants);
// the server enforces them, the screens only avoid offering what would be refused.
import type { SessionAccount } from '../../../../common/src/schemas/auth.schema.ts';
import type {
  MySurvey,
  MySurveyForm,
  SurveyDefinitionDetail,
  SurveyDefinitionSummary,
  SurveyDraftSaved,
  SurveyGapResponse,
  SurveyQuestionResult,
  SurveyResultsResponse,
  SurveyRound,
  SurveyRoundInput,
  SurveySubmitted,
  SurveyTarget,
  SurveyTargetsInput,
} from '../../../../common/src/schemas/surveys-api.schema.ts';
import type { SurveyAnswerSet } from '../../../../common/src/schemas/survey-definition.schema.ts';
import { useApiQuery } from '../../api-hooks.ts';
import { api, withQuery } from '../../api.ts';

export type { MySurvey, MySurveyForm, SurveyDefinitionDetail, SurveyDefinitionSummary, SurveyGapResponse, SurveyQuestionResult, SurveyResultsResponse, SurveyRound, SurveyTarget };

type Role = SessionAccount['role'];
/** surveys:answer */
export const surveyRespondentRoles: Role[] = ['ministry_hr', 'participant'];
/** surveys:manage and surveys:results */
export const surveyManagerRoles: Role[] = ['npa'];

export const isRecordId = (v: string | undefined): v is string => !!v && /^[1-9]\d{0,15}$/.test(v);

// ---------------------------------------------------------------- answering

export const useMySurveys = () => useApiQuery<{ items: MySurvey[] }>('/api/surveys/my');
export const useMySurvey = (targetId: string | undefined) => useApiQuery<MySurveyForm>(isRecordId(targetId) ? `/api/surveys/my/${targetId}` : null);
export const saveDraft = (targetId: number, answers: SurveyAnswerSet) => api.put<SurveyDraftSaved>(`/api/surveys/my/${targetId}/draft`, { answers });
export const submitAnswers = (targetId: number, answers: SurveyAnswerSet) => api.post<SurveySubmitted>(`/api/surveys/my/${targetId}/submit`, { answers });

// ---------------------------------------------------------------- NPA: definitions and rounds

export const useDefinitions = () => useApiQuery<{ items: SurveyDefinitionSummary[] }>('/api/surveys/definitions');
export const useDefinition = (key: string | null, version: number | null) =>
  useApiQuery<SurveyDefinitionDetail>(key && version ? `/api/surveys/definitions/${key}/${version}` : null);
export const useRounds = () => useApiQuery<{ items: SurveyRound[] }>('/api/surveys/rounds');
export const useRound = (id: string | undefined) => useApiQuery<SurveyRound>(isRecordId(id) ? `/api/surveys/rounds/${id}` : null);
export const useTargets = (id: string | undefined) => useApiQuery<{ items: SurveyTarget[] }>(isRecordId(id) ? `/api/surveys/rounds/${id}/targets` : null);
export const createRound = (input: Partial<SurveyRoundInput>) => api.post<SurveyRound>('/api/surveys/rounds', input);
export const addTargets = (id: number, input: Partial<SurveyTargetsInput>) =>
  api.post<{ added: number; alreadyTargeted: number; total: number }>(`/api/surveys/rounds/${id}/targets`, input);
export const patchRound = (id: number, patch: { closesOn?: string; opensOn?: string; version: number }) => api.patch<SurveyRound>(`/api/surveys/rounds/${id}`, patch);
export const roundAction = (id: number, action: 'open' | 'close', version: number) => api.post<SurveyRound>(`/api/surveys/rounds/${id}/${action}`, { version });

// ---------------------------------------------------------------- results

export type ResultsFilter = { organisationType?: string | undefined; direction?: string | undefined; compareWith?: string | undefined };
const resultsQuery = (f: ResultsFilter) => ({ organisationType: f.organisationType, direction: f.direction, compareWith: f.compareWith });
export const useResults = (id: string | undefined, f: ResultsFilter) =>
  useApiQuery<SurveyResultsResponse>(isRecordId(id) ? `/api/surveys/rounds/${id}/results` : null, resultsQuery(f));
export const useGaps = (id: string | undefined, enabled: boolean, participantRound?: string) =>
  useApiQuery<SurveyGapResponse>(isRecordId(id) && enabled ? `/api/surveys/rounds/${id}/gaps` : null, { participantRound });
export const resultsExportHref = (id: number, kind: 'results.csv' | 'results.xlsx' | 'report.pdf', f: ResultsFilter, lang: string) =>
  withQuery(`/api/surveys/rounds/${id}/${kind}`, { organisationType: f.organisationType, direction: f.direction, lang });
export const answersExportHref = (id: number, format: 'csv' | 'xlsx') => `/api/surveys/rounds/${id}/answers.${format}`;
