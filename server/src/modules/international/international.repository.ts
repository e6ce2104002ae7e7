// The only SQL of the international side (issue 8): host organisations, dispatches with their
// renewals and consultations (協議), seminar sessions and participants, fellowships, delegations and
// network events. Names of officials and ministries are read here to label the registry.
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  intlConsultations,
  intlDelegationVisits,
  intlDispatches,
  intlDispatchRenewals,
  intlFellowPlacements,
  intlFellows,
  intlFellowshipCohorts,
  intlHostOrganisations,
  intlNetworkEvents,
  intlSeminarParticipants,
  intlSeminarSessions,
  organisations,
  people,
  accounts,
} from '../../db/schema.ts';

export type HostOrgRow = typeof intlHostOrganisations.$inferSelect;
export type NewHostOrg = typeof intlHostOrganisations.$inferInsert;
export type DispatchRowRaw = typeof intlDispatches.$inferSelect;
export type NewDispatch = typeof intlDispatches.$inferInsert;
export type RenewalRow = typeof intlDispatchRenewals.$inferSelect;
export type ConsultationRowRaw = typeof intlConsultations.$inferSelect;
export type NewConsultation = typeof intlConsultations.$inferInsert;

export interface DispatchFilter {
  state?: string | undefined;
  sendingOrganisationId?: number | undefined;
  hostOrganisationId?: number | undefined;
  hostType?: string | undefined;
  region?: string | undefined;
  fyStart?: string | undefined;
  fyEnd?: string | undefined;
  q?: string | undefined;
}

const dispatchColumns = {
  d: intlDispatches,
  personFamily: people.familyName,
  personGiven: people.givenName,
  personOrganisationId: people.organisationId,
  personKind: people.kind,
  orgCode: organisations.code,
  orgNameJa: organisations.nameJa,
  orgNameEn: organisations.nameEn,
  hostCode: intlHostOrganisations.code,
  hostNameJa: intlHostOrganisations.nameJa,
  hostNameEn: intlHostOrganisations.nameEn,
  consentByName: accounts.displayName,
};
export type DispatchRow = {
  d: DispatchRowRaw;
  personFamily: string;
  personGiven: string;
  personOrganisationId: number | null;
  personKind: string;
  orgCode: string;
  orgNameJa: string;
  orgNameEn: string;
  hostCode: string | null;
  hostNameJa: string | null;
  hostNameEn: string | null;
  consentByName: string | null;
};

function dispatchWhere(f: DispatchFilter): SQL | undefined {
  const c: (SQL | undefined)[] = [];
  if (f.state) c.push(eq(intlDispatches.state, f.state));
  if (f.sendingOrganisationId) c.push(eq(intlDispatches.sendingOrganisationId, f.sendingOrganisationId));
  if (f.hostOrganisationId) c.push(eq(intlDispatches.hostOrganisationId, f.hostOrganisationId));
  if (f.hostType) c.push(eq(intlDispatches.hostType, f.hostType));
  if (f.region) c.push(eq(intlDispatches.regionCode, f.region));
  if (f.fyStart && f.fyEnd)
    c.push(sql`${intlDispatches.startDate} <= ${f.fyEnd} and coalesce(${intlDispatches.actualEnd}, ${intlDispatches.currentPlannedEnd}) >= ${f.fyStart}`);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    c.push(
      or(
        ilike(sql`${people.familyName} || ${people.givenName}`, like),
        ilike(sql`${people.familyName} || ' ' || ${people.givenName}`, like),
        ilike(intlDispatches.hostName, like),
        ilike(intlHostOrganisations.nameJa, like),
        ilike(intlHostOrganisations.nameEn, like),
        ilike(intlDispatches.post, like),
      ),
    );
  }
  const list = c.filter((x): x is SQL => x != null);
  return list.length ? and(...list) : undefined;
}

const dispatchBase = (db: Executor) =>
  db
    .select(dispatchColumns)
    .from(intlDispatches)
    .innerJoin(people, eq(people.id, intlDispatches.personId))
    .innerJoin(organisations, eq(organisations.id, intlDispatches.sendingOrganisationId))
    .leftJoin(intlHostOrganisations, eq(intlHostOrganisations.id, intlDispatches.hostOrganisationId))
    .leftJoin(accounts, eq(accounts.id, intlDispatches.consentRecordedBy));

export const internationalRepository = {
  // ---------------------------------------------------------------- host organisations
  hostOrgs: (db: Executor) => db.select().from(intlHostOrganisations).orderBy(asc(intlHostOrganisations.id)),
  hostOrgCount: async (db: Executor) => Number((await db.select({ n: sql<number>`count(*)::int` }).from(intlHostOrganisations))[0]!.n),
  hostOrgById: async (db: Executor, id: number) => (await db.select().from(intlHostOrganisations).where(eq(intlHostOrganisations.id, id)))[0],
  hostOrgByCode: async (db: Executor, code: string) => (await db.select().from(intlHostOrganisations).where(eq(intlHostOrganisations.code, code)))[0],
  insertHostOrgs: (db: Executor, rows: NewHostOrg[]) =>
    rows.length ? db.insert(intlHostOrganisations).values(rows).onConflictDoNothing().returning() : Promise.resolve([] as HostOrgRow[]),
  updateHostOrg: async (db: Executor, id: number, version: number, values: Partial<NewHostOrg>) =>
    (
      await db
        .update(intlHostOrganisations)
        .set({ ...values, version: version + 1, updatedAt: sql`now()` })
        .where(and(eq(intlHostOrganisations.id, id), eq(intlHostOrganisations.version, version)))
        .returning()
    )[0],
  regionCodes: async (db: Executor) => (await db.execute<{ code: string }>(sql`select code from world_regions`)),

  // ---------------------------------------------------------------- people and organisations
  person: async (db: Executor, id: number) =>
    (await db.select({ id: people.id, kind: people.kind, organisationId: people.organisationId, familyName: people.familyName, givenName: people.givenName }).from(people).where(eq(people.id, id)))[0],
  organisation: async (db: Executor, id: number) =>
    (await db.select({ id: organisations.id, code: organisations.code, nameJa: organisations.nameJa, nameEn: organisations.nameEn }).from(organisations).where(eq(organisations.id, id)))[0],
  organisationsByIds: (db: Executor, ids: number[]) =>
    ids.length
      ? db.select({ id: organisations.id, code: organisations.code, nameJa: organisations.nameJa, nameEn: organisations.nameEn }).from(organisations).where(inArray(organisations.id, ids))
      : Promise.resolve([]),

  // ---------------------------------------------------------------- dispatches
  /** Serialises writes about one official's dispatches (overlap checks) within the transaction. */
  lockPerson: (db: Executor, personId: number) => db.execute(sql`select pg_advisory_xact_lock(727011, ${personId}::int)`),
  dispatchPage: async (db: Executor, f: DispatchFilter, page: number, pageSize: number) => {
    const where = dispatchWhere(f);
    const rows = await dispatchBase(db)
      .where(where)
      .orderBy(desc(intlDispatches.startDate), desc(intlDispatches.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const total = (
      await db
        .select({ n: sql<number>`count(*)::int` })
        .from(intlDispatches)
        .innerJoin(people, eq(people.id, intlDispatches.personId))
        .leftJoin(intlHostOrganisations, eq(intlHostOrganisations.id, intlDispatches.hostOrganisationId))
        .where(where)
    )[0]!.n;
    return { rows: rows as DispatchRow[], total: Number(total) };
  },
  dispatchesAll: async (db: Executor, f: DispatchFilter = {}) =>
    (await dispatchBase(db).where(dispatchWhere(f)).orderBy(asc(intlDispatches.startDate), asc(intlDispatches.id))) as DispatchRow[],
  dispatchById: async (db: Executor, id: number) => (await dispatchBase(db).where(eq(intlDispatches.id, id)))[0] as DispatchRow | undefined,
  /** every dispatch of these officials (for the 5-year chain and the overlap check) */
  dispatchesOfPeople: (db: Executor, personIds: number[]) =>
    personIds.length ? db.select().from(intlDispatches).where(inArray(intlDispatches.personId, personIds)) : Promise.resolve([] as DispatchRowRaw[]),
  /** every dispatch (year figures) */
  dispatchesRaw: (db: Executor) => db.select().from(intlDispatches),
  insertDispatch: async (db: Executor, v: NewDispatch) => (await db.insert(intlDispatches).values(v).returning())[0]!,
  updateDispatch: async (db: Executor, id: number, version: number, values: Partial<NewDispatch>) =>
    (
      await db
        .update(intlDispatches)
        .set({ ...values, version: version + 1, updatedAt: sql`now()` })
        .where(and(eq(intlDispatches.id, id), eq(intlDispatches.version, version)))
        .returning()
    )[0],
  renewalsOf: (db: Executor, dispatchIds: number[]) =>
    dispatchIds.length
      ? db.select().from(intlDispatchRenewals).where(inArray(intlDispatchRenewals.dispatchId, dispatchIds)).orderBy(asc(intlDispatchRenewals.dispatchId), asc(intlDispatchRenewals.seq))
      : Promise.resolve([] as RenewalRow[]),
  renewalsAll: (db: Executor) => db.select().from(intlDispatchRenewals).orderBy(asc(intlDispatchRenewals.dispatchId), asc(intlDispatchRenewals.seq)),
  insertRenewal: (db: Executor, v: typeof intlDispatchRenewals.$inferInsert) => db.insert(intlDispatchRenewals).values(v),

  // ---------------------------------------------------------------- consultations
  consultationsOf: (db: Executor, dispatchIds: number[]) =>
    dispatchIds.length
      ? db.select().from(intlConsultations).where(inArray(intlConsultations.dispatchId, dispatchIds)).orderBy(asc(intlConsultations.id))
      : Promise.resolve([] as ConsultationRowRaw[]),
  consultationsAll: (db: Executor) => db.select().from(intlConsultations).orderBy(asc(intlConsultations.id)),
  consultationById: async (db: Executor, id: number) => (await db.select().from(intlConsultations).where(eq(intlConsultations.id, id)))[0],
  insertConsultation: async (db: Executor, v: NewConsultation) => (await db.insert(intlConsultations).values(v).returning())[0]!,
  updateConsultation: async (db: Executor, id: number, version: number, values: Partial<NewConsultation>) =>
    (
      await db
        .update(intlConsultations)
        .set({ ...values, version: version + 1 })
        .where(and(eq(intlConsultations.id, id), eq(intlConsultations.version, version)))
        .returning()
    )[0],
  accountNames: async (db: Executor, ids: number[]) =>
    new Map(
      ids.length ? (await db.select({ id: accounts.id, name: accounts.displayName }).from(accounts).where(inArray(accounts.id, ids))).map((r) => [r.id, r.name] as const) : [],
    ),

  // ---------------------------------------------------------------- seminars
  seminarSessions: (db: Executor) => db.select().from(intlSeminarSessions).orderBy(asc(intlSeminarSessions.fiscalYear), asc(intlSeminarSessions.id)),
  seminarParticipants: (db: Executor) => db.select().from(intlSeminarParticipants).orderBy(asc(intlSeminarParticipants.id)),
  insertSeminarSession: async (db: Executor, v: typeof intlSeminarSessions.$inferInsert) => (await db.insert(intlSeminarSessions).values(v).returning())[0]!,
  insertSeminarParticipants: (db: Executor, rows: (typeof intlSeminarParticipants.$inferInsert)[]) =>
    rows.length ? db.insert(intlSeminarParticipants).values(rows) : Promise.resolve(),

  // ---------------------------------------------------------------- fellowships
  cohorts: (db: Executor) => db.select().from(intlFellowshipCohorts).orderBy(desc(intlFellowshipCohorts.cohortNumber)),
  cohortByNumber: async (db: Executor, n: number) => (await db.select().from(intlFellowshipCohorts).where(eq(intlFellowshipCohorts.cohortNumber, n)))[0],
  fellows: (db: Executor) => db.select().from(intlFellows).orderBy(asc(intlFellows.id)),
  placements: (db: Executor) => db.select().from(intlFellowPlacements).orderBy(asc(intlFellowPlacements.id)),
  insertCohort: async (db: Executor, v: typeof intlFellowshipCohorts.$inferInsert) => (await db.insert(intlFellowshipCohorts).values(v).returning())[0]!,
  insertFellow: async (db: Executor, v: typeof intlFellows.$inferInsert) => (await db.insert(intlFellows).values(v).returning())[0]!,
  insertPlacements: (db: Executor, rows: (typeof intlFellowPlacements.$inferInsert)[]) => (rows.length ? db.insert(intlFellowPlacements).values(rows) : Promise.resolve()),

  // ---------------------------------------------------------------- delegations, networks
  delegations: (db: Executor) => db.select().from(intlDelegationVisits).orderBy(desc(intlDelegationVisits.visitDate), desc(intlDelegationVisits.id)),
  insertDelegation: async (db: Executor, v: typeof intlDelegationVisits.$inferInsert) => (await db.insert(intlDelegationVisits).values(v).returning())[0]!,
  networkEvents: (db: Executor) => db.select().from(intlNetworkEvents).orderBy(desc(intlNetworkEvents.startDate), desc(intlNetworkEvents.id)),
  insertNetworkEvent: async (db: Executor, v: typeof intlNetworkEvents.$inferInsert) => (await db.insert(intlNetworkEvents).values(v).returning())[0]!,
};
