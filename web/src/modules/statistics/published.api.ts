// Published statistics (公表数値), public API (server/src/modules/statistics/published.routes.ts).
import type {
  Breakdown,
  Cumulative,
  FigureHistory,
  IndustryTable,
  InternationalSeries,
} from '../../../../common/src/schemas/statistics.schema.ts';
import { useApiQuery } from '../../api-hooks.ts';
import { api } from '../../api.ts';

export type { Breakdown, Cumulative, FigureHistory, IndustryTable, InternationalSeries };
export type FigureItem = { series: string; periodKind: 'fiscal' | 'calendar'; year: number; dimension: string; measure: string; value: number | null; revised: boolean; source: { publicationCode: string; document: string; table: string | null; lines?: string | null } };

export const useInternationalSeries = () => useApiQuery<InternationalSeries>('/api/statistics/international/series');
export const useBreakdown = (kind: 'by-organisation' | 'by-region') => useApiQuery<Breakdown>(`/api/statistics/international/${kind}`);
export const useIndustryTable = (year: number) => useApiQuery<IndustryTable>('/api/statistics/public-private/industry', { year: String(year) });
export const useCumulative = () => useApiQuery<Cumulative>('/api/statistics/published/cumulative');
export const useFigures = (series: string) => useApiQuery<{ items: FigureItem[] }>('/api/statistics/published/figures', { series });

export const fetchHistory = (series: string, year: number, measure: string, dimension = '') =>
  api.get<FigureHistory>(`/api/statistics/published/history?${new URLSearchParams({ series, year: String(year), measure, dimension }).toString()}`).catch(() => null);

/** Export link of a table: ?format=csv|xlsx|json&lang= */
export const exportHref = (path: string, format: 'csv' | 'xlsx' | 'json', lang: string, extra: Record<string, string> = {}) =>
  `${path}?${new URLSearchParams({ ...extra, format, lang }).toString()}`;
