import type { SuggestionItem, SuggestionList, SuggestionTermName } from '../../../../common/src/schemas/suggestions.schema.ts';
import type { SessionAccount } from '../../../../common/src/schemas/auth.schema.ts';
import { useApiQuery } from '../../api-hooks.ts';

// Matching suggestions (server/src/modules/suggestions/suggestions.routes.ts).

export type { SuggestionItem, SuggestionList, SuggestionTermName };

/** wishes:suggest (server/src/platform/permissions.ts): own sheets; the NPA and the center any. */
export const suggestionRoles: SessionAccount['role'][] = ['npa', 'center', 'ministry_hr', 'company_hr'];

export const SUGGESTION_LIMITS = [10, 20, 50, 100] as const;

export const useSuggestions = (id: string | undefined, limit: number) =>
  useApiQuery<SuggestionList>(id && /^\d+$/.test(id) ? `/api/wishes/${id}/suggestions` : null, { limit });
