// The only SQL for the public call: applications (応募), the roster (名簿) they form once accepted,
// and consultations (事前相談) with their messages. It also reads the company and organisation
// columns that label and filter them.
import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { escapeLike } from '../../db/sql.ts';
import { accounts, callApplications, companies, consultationMessages, consultations, legalEntityTypes, organisations, prefectures } from '../../db/schema.ts';

export type NewApplication = typeof callApplications.$inferInsert;

export type RosterFilter = {
  text?: string | undefined; // normalised (normalizeForSearch)
  industry?: string | undefined;
  prefecture?: string | undefined;
  region?: string | undefined; // prefectures.region_en
  size?: { minCapital?: number; minEmployees?: number; maxEmployees?: number; notLarge?: { capital: number; employees: number } } | undefined;
  direction?: 'dispatch' | 'hire' | undefined;
  acceptedFrom?: string | undefined; // timestamptz bound, inclusive
  acceptedBefore?: string | undefined; // timestamptz bound, exclusive
};

export type ConsultationScope = { companyId?: number | undefined; organisationId?: number | undefined };

const applicationColumns = {
  id: callApplications.id,
  companyId: callApplications.companyId,
  companyName: companies.name,
  corporateNumber: companies.corporateNumber,
  companyStatus: companies.status,
  legalTypeCode: companies.legalTypeCode,
  legalTypeNameJa: legalEntityTypes.nameJa,
  legalTypeNameEn: legalEntityTypes.nameEn,
  wantsDispatch: callApplications.wantsDispatch,
  wantsHire: callApplications.wantsHire,
  divisions: callApplications.divisions,
  conditions: callApplications.conditions,
  contactName: callApplications.contactName,
  contactEmail: callApplications.contactEmail,
  contactPhone: callApplications.contactPhone,
  status: callApplications.status,
  returnReason: callApplications.returnReason,
  submittedAt: callApplications.submittedAt,
  decidedAt: callApplications.decidedAt,
};

const rosterColumns = {
  applicationId: callApplications.id,
  companyId: companies.id,
  companyName: companies.name,
  corporateNumber: companies.corporateNumber,
  legalTypeCode: companies.legalTypeCode,
  industryCode: companies.industryCode,
  prefectureCode: companies.prefectureCode,
  employees: companies.employees,
  capitalYen: companies.capitalYen,
  wantsDispatch: callApplications.wantsDispatch,
  wantsHire: callApplications.wantsHire,
  divisions: callApplications.divisions,
  conditions: callApplications.conditions,
  contactName: callApplications.contactName,
  contactEmail: callApplications.contactEmail,
  contactPhone: callApplications.contactPhone,
  acceptedAt: callApplications.decidedAt,
};

const messageCount = sql<number>`(select count(*) from ${consultationMessages} where ${consultationMessages.consultationId} = ${consultations.id})::int`;
const consultationColumns = {
  id: consultations.id,
  companyId: consultations.companyId,
  companyName: companies.name,
  organisationId: consultations.organisationId,
  organisationNameJa: organisations.nameJa,
  organisationNameEn: organisations.nameEn,
  subject: consultations.subject,
  status: consultations.status,
  messageCount,
  createdAt: consultations.createdAt,
  updatedAt: consultations.updatedAt,
};

const first = <T>(r: T[]): T | undefined => r[0];

function applicationsFrom(db: Executor) {
  return db
    .select(applicationColumns)
    .from(callApplications)
    .innerJoin(companies, eq(companies.id, callApplications.companyId))
    .leftJoin(legalEntityTypes, eq(legalEntityTypes.code, companies.legalTypeCode));
}

function rosterWhere(f: RosterFilter): SQL {
  const conds: (SQL | undefined)[] = [eq(callApplications.status, 'accepted'), eq(companies.status, 'active')];
  if (f.industry) conds.push(eq(companies.industryCode, f.industry));
  if (f.prefecture) conds.push(eq(companies.prefectureCode, f.prefecture));
  if (f.region) conds.push(sql`${companies.prefectureCode} in (select ${prefectures.code} from ${prefectures} where ${prefectures.regionEn} = ${f.region})`);
  if (f.size?.minCapital !== undefined) conds.push(sql`${companies.capitalYen} >= ${f.size.minCapital}`);
  if (f.size?.minEmployees !== undefined) conds.push(sql`${companies.employees} >= ${f.size.minEmployees}`);
  if (f.size?.maxEmployees !== undefined) conds.push(sql`${companies.employees} < ${f.size.maxEmployees}`);
  if (f.size?.notLarge) {
    conds.push(sql`not (coalesce(${companies.capitalYen}, 0) >= ${f.size.notLarge.capital} and coalesce(${companies.employees}, 0) >= ${f.size.notLarge.employees})`);
  }
  if (f.direction === 'dispatch') conds.push(eq(callApplications.wantsDispatch, true));
  if (f.direction === 'hire') conds.push(eq(callApplications.wantsHire, true));
  // Bounds on the column itself (not on an expression of it), so an index on decided_at can serve them.
  if (f.acceptedFrom) conds.push(gte(callApplications.decidedAt, f.acceptedFrom));
  if (f.acceptedBefore) conds.push(lt(callApplications.decidedAt, f.acceptedBefore));
  if (f.text) {
    const anywhere = `%${escapeLike(f.text)}%`;
    conds.push(sql`(${companies.nameNormalized} like ${anywhere} or ${companies.nameKanaNormalized} like ${anywhere} or ${companies.corporateNumber} = ${f.text})`);
  }
  return and(...conds)!;
}

export const publicCallRepository = {
  // ---------------------------------------------------------------- lookups

  company: (db: Executor, id: number) =>
    db
      .select({ id: companies.id, status: companies.status, name: companies.name, legalTypeCode: companies.legalTypeCode })
      .from(companies)
      .where(eq(companies.id, id))
      .limit(1)
      .then(first),

  organisation: (db: Executor, id: number) =>
    db.select({ id: organisations.id, nameJa: organisations.nameJa, nameEn: organisations.nameEn }).from(organisations).where(eq(organisations.id, id)).limit(1).then(first),

  // ---------------------------------------------------------------- 応募

  application: (db: Executor, id: number) => applicationsFrom(db).where(eq(callApplications.id, id)).limit(1).then(first),

  /** A company's applications, newest first. */
  applicationsOf: (db: Executor, companyId: number) =>
    applicationsFrom(db)
      .where(eq(callApplications.companyId, companyId))
      .orderBy(desc(callApplications.submittedAt), desc(callApplications.id))
      .limit(200),

  openApplicationOf: (db: Executor, companyId: number) =>
    db
      .select({ id: callApplications.id, status: callApplications.status })
      .from(callApplications)
      .where(and(eq(callApplications.companyId, companyId), inArray(callApplications.status, ['submitted', 'accepted'])))
      .limit(1)
      .then(first),

  /** The NPA's queue in one status: submitted ones oldest first (first come, first served), decided ones newest decision first. */
  async applicationsIn(db: Executor, status: string, page: number, pageSize: number) {
    const where = eq(callApplications.status, status);
    const order = status === 'submitted' ? [asc(callApplications.submittedAt), asc(callApplications.id)] : [desc(callApplications.decidedAt), desc(callApplications.id)];
    const items = await applicationsFrom(db)
      .where(where)
      .orderBy(...order)
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const total = await db.select({ n: count() }).from(callApplications).where(where);
    return { items, total: Number(total[0]?.n ?? 0) };
  },

  insertApplication: (db: Executor, v: NewApplication) => db.insert(callApplications).values(v).returning({ id: callApplications.id }).then((r) => r[0]!.id),

  /** Moves an application on only if it is still in one of `from` (two reviewers cannot both decide it). */
  setStatus: (
    db: Executor,
    id: number,
    from: readonly string[],
    v: { status: string; returnReason?: string | null; decidedAt?: SQL | null; decidedBy?: number | null },
  ) =>
    db
      .update(callApplications)
      .set({ ...v, updatedAt: sql`now()` })
      .where(and(eq(callApplications.id, id), inArray(callApplications.status, [...from])))
      .returning({ id: callApplications.id, status: callApplications.status, decidedAt: callApplications.decidedAt })
      .then(first),

  // ---------------------------------------------------------------- 名簿

  /** Accepted applications of active companies, newest acceptance first. */
  async roster(db: Executor, f: RosterFilter, page: number, pageSize: number) {
    const where = rosterWhere(f);
    const items = await db
      .select(rosterColumns)
      .from(callApplications)
      .innerJoin(companies, eq(companies.id, callApplications.companyId))
      .where(where)
      .orderBy(desc(callApplications.decidedAt), desc(callApplications.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const total = await db
      .select({ n: count() })
      .from(callApplications)
      .innerJoin(companies, eq(companies.id, callApplications.companyId))
      .where(where);
    return { items, total: Number(total[0]?.n ?? 0) };
  },

  // ---------------------------------------------------------------- 事前相談

  async consultations(db: Executor, scope: ConsultationScope, status: string | undefined, page: number, pageSize: number) {
    const where = and(
      scope.companyId !== undefined ? eq(consultations.companyId, scope.companyId) : undefined,
      scope.organisationId !== undefined ? eq(consultations.organisationId, scope.organisationId) : undefined,
      status ? eq(consultations.status, status) : undefined,
    );
    const items = await db
      .select(consultationColumns)
      .from(consultations)
      .innerJoin(companies, eq(companies.id, consultations.companyId))
      .innerJoin(organisations, eq(organisations.id, consultations.organisationId))
      .where(where)
      .orderBy(desc(consultations.updatedAt), desc(consultations.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const total = await db.select({ n: count() }).from(consultations).where(where);
    return { items, total: Number(total[0]?.n ?? 0) };
  },

  consultation: (db: Executor, id: number) =>
    db
      .select(consultationColumns)
      .from(consultations)
      .innerJoin(companies, eq(companies.id, consultations.companyId))
      .innerJoin(organisations, eq(organisations.id, consultations.organisationId))
      .where(eq(consultations.id, id))
      .limit(1)
      .then(first),

  messages: (db: Executor, consultationId: number) =>
    db
      .select({
        id: consultationMessages.id,
        authorRole: consultationMessages.authorRole,
        authorName: sql<string>`coalesce(${accounts.displayName}, '')`,
        body: consultationMessages.body,
        createdAt: consultationMessages.createdAt,
      })
      .from(consultationMessages)
      .leftJoin(accounts, eq(accounts.id, consultationMessages.authorAccountId))
      .where(eq(consultationMessages.consultationId, consultationId))
      .orderBy(asc(consultationMessages.id))
      .limit(2000),

  insertConsultation: (db: Executor, v: typeof consultations.$inferInsert) =>
    db.insert(consultations).values(v).returning({ id: consultations.id }).then((r) => r[0]!.id),

  insertMessage: (db: Executor, v: typeof consultationMessages.$inferInsert) =>
    db.insert(consultationMessages).values(v).returning({ id: consultationMessages.id }).then((r) => r[0]!.id),

  /** Marks the thread as changed (lists show the latest activity first). */
  touchConsultation: (db: Executor, id: number) => db.update(consultations).set({ updatedAt: sql`now()` }).where(eq(consultations.id, id)),

  closeConsultation: (db: Executor, id: number) =>
    db
      .update(consultations)
      .set({ status: 'closed', updatedAt: sql`now()` })
      .where(and(eq(consultations.id, id), eq(consultations.status, 'open')))
      .returning({ id: consultations.id })
      .then(first),
};

export type PublicCallRepository = typeof publicCallRepository;
export type ApplicationRow = NonNullable<Awaited<ReturnType<typeof publicCallRepository.application>>>;
