import type { Database } from '../../db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { Organisation, OrgUnitNode } from '../../../../common/src/schemas/reference.schema.ts';
import { organisationsRepository as repo } from './organisations.repository.ts';

type UnitRow = Awaited<ReturnType<typeof repo.units>>[number];

/** Builds the unit forest (本府省 bureau → division; regional offices) from parent links. */
export function buildUnitTree(rows: UnitRow[]): OrgUnitNode[] {
  const nodes = new Map<number, OrgUnitNode>();
  for (const r of rows) {
    nodes.set(r.id, { id: r.id, code: r.code, kind: r.kind as OrgUnitNode['kind'], nameJa: r.nameJa, nameEn: r.nameEn, children: [] });
  }
  const roots: OrgUnitNode[] = [];
  for (const r of rows) {
    const node = nodes.get(r.id)!;
    const parent = r.parentId != null ? nodes.get(r.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export function createOrganisationsService(database: Database) {
  const { db } = database;
  let referenceCache: Awaited<ReturnType<typeof repo.reference>> | null = null;
  return {
    list: async () => (await repo.list(db)) as Organisation[],
    async tree(id: number) {
      const org = await repo.findById(db, id);
      if (!org) throw new AppError('not_found');
      return { ...(org as Organisation), units: buildUnitTree(await repo.units(db, id)) };
    },
    // Reference tables change only by migration: read once per process.
    async reference() {
      referenceCache ??= await repo.reference(db);
      return referenceCache;
    },
  };
}

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;
