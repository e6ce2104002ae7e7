import type { Guidance, GuidanceType, PlanResponse, PlanStep } from '../../../../common/src/schemas/exchange-planner.schema.ts';
import { plannerQuerySchema } from '../../../../common/src/schemas/exchange-planner.schema.ts';
import { useApiQuery } from '../../api-hooks.ts';

export type { Guidance, GuidanceType, PlanResponse, PlanStep };
export { plannerQuerySchema };

/** The plan for a start date (skipped while null); `today` defaults to today in Japan on the server. */
export const usePlan = (start: string | null, today?: string) =>
  useApiQuery<PlanResponse>(start ? '/api/exchanges/planner' : null, { start, today });

export const guidanceTypes: GuidanceType[] = ['dispatch', 'hire_continued', 'hire_resigned'];

export const guidanceQuery = (type: GuidanceType) =>
  type === 'dispatch' ? { direction: 'dispatch' } : { direction: 'hire', hireType: type === 'hire_continued' ? 'continued' : 'resigned' };

export const useGuidance = (type: GuidanceType | null) => useApiQuery<Guidance>(type ? '/api/exchanges/guidance' : null, type ? guidanceQuery(type) : undefined);
