import type { Organisation, OrgUnitNode } from '../../../../common/src/schemas/reference.schema.ts';
import { useApiQuery } from '../../api-hooks.ts';

export type { Organisation, OrgUnitNode };
export type OrganisationTree = Organisation & { units: OrgUnitNode[] };

export const usePublicOrganisations = () => useApiQuery<{ items: Organisation[] }>('/api/public/organisations');
export const useOrganisations = () => useApiQuery<{ items: Organisation[] }>('/api/organisations');
export const useOrganisation = (id: string | undefined) =>
  useApiQuery<OrganisationTree>(id && /^\d+$/.test(id) ? `/api/organisations/${id}` : null);

export const telHref = (phone: string): string => `tel:${phone.replace(/[^\d+]/g, '')}`;

export function countUnits(nodes: OrgUnitNode[]): number {
  return nodes.reduce((n, u) => n + 1 + countUnits(u.children), 0);
}
