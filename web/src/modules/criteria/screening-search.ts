// The screening's search in the URL, with its mode: an official (where could they be dispatched —
// 交流派遣) or a unit's post (from which companies could it hire — 交流採用).
import { useApiQuery } from '../../api-hooks.ts';
import type { Query } from '../../api.ts';
import {
  paramsFromScreening,
  SCREENING_PAGE_SIZE,
  screeningFromParams,
  type ScreeningResponse,
  type ScreeningSearch,
} from './criteria.api.ts';

export const screeningModes = ['person', 'post'] as const;
export type ScreeningMode = (typeof screeningModes)[number];

export type ModeScreeningSearch = ScreeningSearch & { mode: ScreeningMode };

export function modeScreeningFromParams(params: URLSearchParams): ModeScreeningSearch {
  const mode: ScreeningMode = params.get('mode') === 'post' ? 'post' : 'person';
  const s = screeningFromParams(params);
  // A post is screened before anyone is named: a person in the link is ignored.
  return { ...s, personId: mode === 'post' ? '' : s.personId, mode };
}

/** `mode=post` first (the official is the default and is left out), then the other filters. */
export function paramsFromModeScreening(s: ModeScreeningSearch): URLSearchParams {
  const p = new URLSearchParams();
  if (s.mode === 'post') p.set('mode', 'post');
  for (const [k, v] of paramsFromScreening({ ...s, personId: s.mode === 'post' ? '' : s.personId })) p.append(k, v);
  return p;
}

export const screeningHref = (s: ModeScreeningSearch): string => {
  const p = paramsFromModeScreening(s).toString();
  return p ? `/criteria/screening?${p}` : '/criteria/screening';
};

/** Whether the search names what the mode needs: the official, or the unit whose post is screened. */
export const screeningReady = (s: ModeScreeningSearch): boolean => (s.mode === 'post' ? s.unitId !== '' : s.personId !== '');

export function useModeScreening(s: ModeScreeningSearch) {
  const query: Query = {
    personId: s.mode === 'post' ? undefined : s.personId,
    unitId: s.unitId,
    plannedStart: s.plannedStart,
    status: s.status,
    ruleId: s.ruleId,
    q: s.q.trim(),
    page: s.page,
    pageSize: SCREENING_PAGE_SIZE,
  };
  return useApiQuery<ScreeningResponse>(screeningReady(s) ? '/api/criteria/screening' : null, query);
}
