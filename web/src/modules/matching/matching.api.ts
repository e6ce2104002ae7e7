import type { z } from 'zod';
import type { MyRound, RoundDetail, RoundInput, RoundReport, RoundSheet, RoundSummary, eligibleSheetsSchema } from '../../../../common/src/schemas/matching.schema.ts';
import type { SessionAccount } from '../../../../common/src/schemas/auth.schema.ts';
import { useApiQuery } from '../../api-hooks.ts';
import { api } from '../../api.ts';

// Matching rounds (server/src/modules/matching/matching.routes.ts). The role lists mirror the
// grants table (server/src/platform/permissions.ts): matching:manage and matching:rank.

export type { MyRound, RoundDetail, RoundInput, RoundReport, RoundSheet, RoundSummary };
export type EligibleSheet = z.infer<typeof eligibleSheetsSchema>['items'][number];

type Role = SessionAccount['role'];
export const managerRoles: Role[] = ['npa', 'center'];
export const rankerRoles: Role[] = ['ministry_hr', 'company_hr'];
export const matchingRoles: Role[] = [...managerRoles, ...rankerRoles];

export const useRounds = (manager: boolean) => useApiQuery<{ items: RoundSummary[] }>(manager ? '/api/matching/rounds' : '/api/matching/my-rounds');
export const useRound = (id: string | undefined, enabled: boolean) => useApiQuery<RoundDetail>(enabled && id && /^\d+$/.test(id) ? `/api/matching/rounds/${id}` : null);
export const useMyRound = (id: string | undefined, enabled: boolean) => useApiQuery<MyRound>(enabled && id && /^\d+$/.test(id) ? `/api/matching/my-rounds/${id}` : null);
export const useEligibleSheets = (id: number | null, q: string) =>
  useApiQuery<{ items: EligibleSheet[] }>(id === null ? null : `/api/matching/rounds/${id}/eligible-sheets`, { q: q || undefined });

export const createRound = (body: RoundInput) => api.post<RoundDetail>('/api/matching/rounds', body);
export const addParticipants = (id: number, sheetIds: number[]) => api.post<RoundDetail>(`/api/matching/rounds/${id}/participants`, { sheetIds });
export const setCapacity = (id: number, sheetId: number, capacity: number) => api.patch<RoundDetail>(`/api/matching/rounds/${id}/participants/${sheetId}`, { capacity });
export const removeParticipant = (id: number, sheetId: number) => api.delete<RoundDetail>(`/api/matching/rounds/${id}/participants/${sheetId}`);
export const runRound = (id: number) => api.post<RoundDetail>(`/api/matching/rounds/${id}/run`, {});
export const saveRanking = (id: number, sheetId: number, rankedSheetIds: number[]) =>
  api.put<MyRound>(`/api/matching/my-rounds/${id}/rankings/${sheetId}`, { rankedSheetIds });
