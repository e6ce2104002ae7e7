// The only SQL for organisations, units and the reference tables.
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { industries, legalEntityTypes, organisations, orgUnits, prefectures, worldRegions } from '../../db/schema.ts';

const orgColumns = {
  id: organisations.id,
  code: organisations.code,
  kind: organisations.kind,
  nameJa: organisations.nameJa,
  nameEn: organisations.nameEn,
  hrOfficeJa: organisations.hrOfficeJa,
  hrOfficeEn: organisations.hrOfficeEn,
  phone: organisations.phone,
  parentCode: organisations.parentCode,
};

export const organisationsRepository = {
  list: (db: Executor) => db.select(orgColumns).from(organisations).orderBy(asc(organisations.sortOrder), asc(organisations.id)),

  async findById(db: Executor, id: number) {
    const rows = await db.select(orgColumns).from(organisations).where(eq(organisations.id, id)).limit(1);
    return rows[0];
  },

  units: (db: Executor, organisationId: number) =>
    db
      .select({
        id: orgUnits.id,
        parentId: orgUnits.parentId,
        code: orgUnits.code,
        kind: orgUnits.kind,
        nameJa: orgUnits.nameJa,
        nameEn: orgUnits.nameEn,
      })
      .from(orgUnits)
      .where(eq(orgUnits.organisationId, organisationId))
      .orderBy(asc(orgUnits.sortOrder), asc(orgUnits.id)),

  async reference(db: Executor) {
    const [types, inds, prefs, regions] = await Promise.all([
      db
        .select({
          code: legalEntityTypes.code,
          nameJa: legalEntityTypes.nameJa,
          nameEn: legalEntityTypes.nameEn,
          starred: legalEntityTypes.starred,
          eligible: legalEntityTypes.eligible,
          effectiveFrom: legalEntityTypes.effectiveFrom,
          effectiveTo: legalEntityTypes.effectiveTo,
          citation: legalEntityTypes.citation,
        })
        .from(legalEntityTypes)
        .orderBy(asc(legalEntityTypes.sortOrder)),
      db
        .select({
          code: industries.code,
          nameJa: industries.nameJa,
          nameEn: industries.nameEn,
          statGroupJa: industries.statGroupJa,
          statGroupEn: industries.statGroupEn,
        })
        .from(industries)
        .orderBy(asc(industries.sortOrder), asc(industries.code)),
      db
        .select({ code: prefectures.code, nameJa: prefectures.nameJa, nameEn: prefectures.nameEn, regionJa: prefectures.regionJa, regionEn: prefectures.regionEn })
        .from(prefectures)
        .orderBy(asc(prefectures.code)),
      db
        .select({ code: worldRegions.code, nameJa: worldRegions.nameJa, nameEn: worldRegions.nameEn })
        .from(worldRegions)
        .orderBy(asc(worldRegions.sortOrder)),
    ]);
    return { legalEntityTypes: types, industries: inds, prefectures: prefs, worldRegions: regions };
  },
};
