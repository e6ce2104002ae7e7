import { and, asc, count, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { orgUnits, people, postAssignments } from '../../db/schema.ts';

export type PersonRow = typeof people.$inferSelect;

export const peopleRepository = {
  async countOfficials(db: Executor, organisationId: number) {
    const r = await db
      .select({ n: count() })
      .from(people)
      .where(and(eq(people.organisationId, organisationId), eq(people.kind, 'official')));
    return Number(r[0]?.n ?? 0);
  },

  async countEmployees(db: Executor, companyId: number) {
    const r = await db
      .select({ n: count() })
      .from(people)
      .where(and(eq(people.companyId, companyId), eq(people.kind, 'employee')));
    return Number(r[0]?.n ?? 0);
  },

  async countPosts(db: Executor, personId: number) {
    const r = await db.select({ n: count() }).from(postAssignments).where(eq(postAssignments.personId, personId));
    return Number(r[0]?.n ?? 0);
  },

  async search(db: Executor, scope: { organisationId?: number; companyId?: number; personId?: number }, text: string | undefined, page: number, pageSize: number) {
    const conds: (SQL | undefined)[] = [
      scope.organisationId !== undefined ? eq(people.organisationId, scope.organisationId) : undefined,
      scope.companyId !== undefined ? eq(people.companyId, scope.companyId) : undefined,
      scope.personId !== undefined ? eq(people.id, scope.personId) : undefined,
    ];
    if (text) {
      const p = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conds.push(
        or(
          ilike(sql`${people.familyName} || ${people.givenName}`, p),
          ilike(sql`coalesce(${people.familyNameKana},'') || coalesce(${people.givenNameKana},'')`, p),
        ),
      );
    }
    const where = and(...conds);
    const [items, total] = await Promise.all([
      db.select().from(people).where(where).orderBy(asc(people.id)).limit(pageSize).offset((page - 1) * pageSize),
      db.select({ n: count() }).from(people).where(where),
    ]);
    return { items, total: Number(total[0]?.n ?? 0) };
  },

  async findById(db: Executor, id: number): Promise<PersonRow | undefined> {
    const rows = await db.select().from(people).where(eq(people.id, id)).limit(1);
    return rows[0];
  },

  posts: (db: Executor, personId: number) =>
    db
      .select({
        id: postAssignments.id,
        unitId: postAssignments.unitId,
        unitNameJa: orgUnits.nameJa,
        unitNameEn: orgUnits.nameEn,
        postTitleJa: postAssignments.postTitleJa,
        postTitleEn: postAssignments.postTitleEn,
        startDate: postAssignments.startDate,
        endDate: postAssignments.endDate,
        handlesLicensing: postAssignments.handlesLicensing,
      })
      .from(postAssignments)
      .innerJoin(orgUnits, eq(orgUnits.id, postAssignments.unitId))
      .where(eq(postAssignments.personId, personId))
      .orderBy(asc(postAssignments.startDate)),
};
