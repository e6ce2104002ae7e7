// The only SQL for surveys (アンケート): definitions, rounds, targets, drafts and responses, plus what
// targeting reads from the reference data and exchange records (organisations, HR lines, people and
// their exchanges) and the accounts reminders are mailed to.
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import {
  accounts,
  exchangeCases,
  organisations,
  orgUnits,
  people,
  surveyDefinitions,
  surveyDrafts,
  surveyResponses,
  surveyRounds,
  surveyTargets,
} from '../../db/schema.ts';

export type DefinitionRow = typeof surveyDefinitions.$inferSelect;
export type RoundRow = typeof surveyRounds.$inferSelect;
export type TargetRow = typeof surveyTargets.$inferSelect;
export type NewTarget = Omit<typeof surveyTargets.$inferInsert, 'id' | 'createdAt'>;
export type RoundWithCounts = RoundRow & { definitionKey: string; definitionVersion: number; definitionTitleJa: string; definitionTitleEn: string; targets: number; submitted: number };
export type ResponseRow = { attributes: Record<string, unknown>; answers: Record<string, unknown> };

const first = <T>(r: T[]): T | undefined => r[0];

/** Who a target is (organisation, unit or person), for selects that left-join organisations, orgUnits and people on the target. */
const targetNames = {
  orgNameJa: organisations.nameJa,
  orgNameEn: organisations.nameEn,
  unitNameJa: orgUnits.nameJa,
  unitNameEn: orgUnits.nameEn,
  familyName: people.familyName,
  givenName: people.givenName,
};


function roundsQuery(db: Executor) {
  const counts = db
    .select({
      roundId: surveyTargets.roundId,
      targets: sql<number>`count(*)::int`.as('targets'),
      submitted: sql<number>`count(*) filter (where ${surveyTargets.submitted})::int`.as('submitted'),
    })
    .from(surveyTargets)
    .groupBy(surveyTargets.roundId)
    .as('c');
  // Submitted = answer rows (equal to the targets' markers, except for generated anonymous loads without targets).
  const responses = db
    .select({ roundId: surveyResponses.roundId, submitted: sql<number>`count(*)::int`.as('responses') })
    .from(surveyResponses)
    .groupBy(surveyResponses.roundId)
    .as('r');
  return db
    .select({
      round: surveyRounds,
      definitionKey: surveyDefinitions.key,
      definitionVersion: surveyDefinitions.version,
      definitionTitleJa: surveyDefinitions.titleJa,
      definitionTitleEn: surveyDefinitions.titleEn,
      targets: sql<number>`coalesce(${counts.targets}, 0)::int`,
      submitted: sql<number>`coalesce(${responses.submitted}, 0)::int`,
    })
    .from(surveyRounds)
    .innerJoin(surveyDefinitions, eq(surveyDefinitions.id, surveyRounds.definitionId))
    .leftJoin(counts, eq(counts.roundId, surveyRounds.id))
    .leftJoin(responses, eq(responses.roundId, surveyRounds.id));
}

const flat = (r: { round: RoundRow; definitionKey: string; definitionVersion: number; definitionTitleJa: string; definitionTitleEn: string; targets: number; submitted: number }): RoundWithCounts => ({
  ...r.round,
  definitionKey: r.definitionKey,
  definitionVersion: r.definitionVersion,
  definitionTitleJa: r.definitionTitleJa,
  definitionTitleEn: r.definitionTitleEn,
  targets: Number(r.targets),
  submitted: Number(r.submitted),
});

export const surveysRepository = {
  // ---------------------------------------------------------------- definitions
  listDefinitions: (db: Executor) => db.select().from(surveyDefinitions).orderBy(asc(surveyDefinitions.key), desc(surveyDefinitions.version)),

  definition: async (db: Executor, key: string, version: number) =>
    first(await db.select().from(surveyDefinitions).where(and(eq(surveyDefinitions.key, key), eq(surveyDefinitions.version, version)))),

  definitionById: async (db: Executor, id: number) => first(await db.select().from(surveyDefinitions).where(eq(surveyDefinitions.id, id))),

  /** Inserts unless key+version exists; returns the new row or undefined. */
  insertDefinition: async (db: Executor, row: Omit<typeof surveyDefinitions.$inferInsert, 'id' | 'createdAt'>) =>
    first(await db.insert(surveyDefinitions).values(row).onConflictDoNothing().returning()),

  freezeDefinition: (db: Executor, id: number) =>
    db.update(surveyDefinitions).set({ frozenAt: sql`coalesce(${surveyDefinitions.frozenAt}, now())` }).where(eq(surveyDefinitions.id, id)),

  // ---------------------------------------------------------------- rounds
  listRounds: async (db: Executor) => (await roundsQuery(db).orderBy(desc(surveyRounds.opensOn), desc(surveyRounds.id))).map(flat),

  round: async (db: Executor, id: number) => {
    const r = first(await roundsQuery(db).where(eq(surveyRounds.id, id)));
    return r ? flat(r) : undefined;
  },

  /** Locks the round row for a state change (the caller's transaction). */
  lockRound: async (db: Executor, id: number, mode: 'update' | 'share' = 'update') => first(await db.select().from(surveyRounds).where(eq(surveyRounds.id, id)).for(mode)),

  /** Rounds of a definition key (comparison, gap analysis), newest first. */
  roundsOfKey: async (db: Executor, key: string) => (await roundsQuery(db).where(eq(surveyDefinitions.key, key)).orderBy(desc(surveyRounds.opensOn), desc(surveyRounds.id))).map(flat),

  insertRound: async (db: Executor, row: Omit<typeof surveyRounds.$inferInsert, 'id' | 'createdAt' | 'updatedAt'>) => (await db.insert(surveyRounds).values(row).returning())[0]!,

  updateRound: async (db: Executor, id: number, version: number, set: Partial<typeof surveyRounds.$inferInsert>) =>
    first(
      await db
        .update(surveyRounds)
        .set({ ...set, version: sql`${surveyRounds.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(surveyRounds.id, id), eq(surveyRounds.version, version)))
        .returning(),
    ),

  // ---------------------------------------------------------------- targets
  targets: (db: Executor, roundId: number) =>
    db
      .select({
        target: surveyTargets,
        ...targetNames,
        hasDraft: sql<boolean>`exists (select 1 from ${surveyDrafts} d where d.target_id = ${surveyTargets.id})`,
      })
      .from(surveyTargets)
      .leftJoin(organisations, eq(organisations.id, surveyTargets.organisationId))
      .leftJoin(orgUnits, eq(orgUnits.id, surveyTargets.orgUnitId))
      .leftJoin(people, eq(people.id, surveyTargets.personId))
      .where(eq(surveyTargets.roundId, roundId))
      .orderBy(asc(organisations.sortOrder), asc(surveyTargets.id)),

  target: async (db: Executor, id: number) => first(await db.select().from(surveyTargets).where(eq(surveyTargets.id, id))),

  /** Inserts the targets not yet in the round; returns how many were new. */
  insertTargets: async (db: Executor, rows: NewTarget[]): Promise<number> => {
    let added = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const r = await db.insert(surveyTargets).values(rows.slice(i, i + 500)).onConflictDoNothing().returning({ id: surveyTargets.id });
      added += r.length;
    }
    return added;
  },

  deleteTarget: async (db: Executor, roundId: number, targetId: number) => {
    await db.delete(surveyDrafts).where(eq(surveyDrafts.targetId, targetId));
    return first(await db.delete(surveyTargets).where(and(eq(surveyTargets.id, targetId), eq(surveyTargets.roundId, roundId))).returning({ id: surveyTargets.id }));
  },

  /** The targets an organisation's HR or a person answers for, in rounds that are open or closed (not drafts). */
  targetsOf: (db: Executor, who: { organisationId: number } | { personId: number }) =>
    db
      .select({
        target: surveyTargets,
        round: surveyRounds,
        ...targetNames,
        draftSavedAt: surveyDrafts.updatedAt,
      })
      .from(surveyTargets)
      .innerJoin(surveyRounds, eq(surveyRounds.id, surveyTargets.roundId))
      .leftJoin(organisations, eq(organisations.id, surveyTargets.organisationId))
      .leftJoin(orgUnits, eq(orgUnits.id, surveyTargets.orgUnitId))
      .leftJoin(people, eq(people.id, surveyTargets.personId))
      .leftJoin(surveyDrafts, eq(surveyDrafts.targetId, surveyTargets.id))
      .where(
        and(
          'organisationId' in who ? and(eq(surveyTargets.organisationId, who.organisationId), inArray(surveyTargets.kind, ['organisation', 'org_unit'])) : eq(surveyTargets.personId, who.personId),
          inArray(surveyRounds.state, ['open', 'closed']),
        ),
      )
      .orderBy(desc(surveyRounds.closesOn), asc(surveyTargets.id)),

  /** Sets the "has submitted" marker; undefined when it was already set (one submission per target). */
  markSubmitted: async (db: Executor, targetId: number) =>
    first(await db.update(surveyTargets).set({ submitted: true }).where(and(eq(surveyTargets.id, targetId), eq(surveyTargets.submitted, false))).returning({ id: surveyTargets.id })),

  // ---------------------------------------------------------------- drafts and responses
  draft: async (db: Executor, targetId: number) => first(await db.select().from(surveyDrafts).where(eq(surveyDrafts.targetId, targetId))),

  saveDraft: async (db: Executor, targetId: number, answers: unknown, accountId: number) =>
    (
      await db
        .insert(surveyDrafts)
        .values({ targetId, answers, updatedBy: accountId })
        .onConflictDoUpdate({ target: surveyDrafts.targetId, set: { answers, updatedBy: accountId, updatedAt: sql`now()` } })
        .returning({ updatedAt: surveyDrafts.updatedAt })
    )[0]!,

  deleteDraft: (db: Executor, targetId: number) => db.delete(surveyDrafts).where(eq(surveyDrafts.targetId, targetId)),

  insertResponse: (db: Executor, row: typeof surveyResponses.$inferInsert) => db.insert(surveyResponses).values(row),

  /** Bulk load (demo, tests, benches): responses in batches. */
  insertResponses: async (db: Executor, rows: (typeof surveyResponses.$inferInsert)[]) => {
    for (let i = 0; i < rows.length; i += 1000) await db.insert(surveyResponses).values(rows.slice(i, i + 1000));
  },

  markSubmittedMany: (db: Executor, targetIds: number[]) => db.update(surveyTargets).set({ submitted: true }).where(inArray(surveyTargets.id, targetIds.length ? targetIds : [-1])),

  setTargetAttributes: (db: Executor, targetId: number, attributes: Record<string, unknown>) => db.update(surveyTargets).set({ attributes }).where(eq(surveyTargets.id, targetId)),

  responseOfTarget: async (db: Executor, targetId: number) => first(await db.select().from(surveyResponses).where(eq(surveyResponses.targetId, targetId))),

  /** Every response of a round (attributes and answers only), in key order. */
  responses: async (db: Executor, roundId: number): Promise<ResponseRow[]> =>
    (await db
      .select({ attributes: surveyResponses.attributes, answers: surveyResponses.answers })
      .from(surveyResponses)
      .where(eq(surveyResponses.roundId, roundId))
      .orderBy(asc(surveyResponses.id))) as ResponseRow[],

  /** Identified rounds: the responses with who answered (raw export). */
  identifiedResponses: (db: Executor, roundId: number) =>
    db
      .select({
        response: surveyResponses,
        kind: surveyTargets.kind,
        ...targetNames,
      })
      .from(surveyResponses)
      .innerJoin(surveyTargets, eq(surveyTargets.id, surveyResponses.targetId))
      .leftJoin(organisations, eq(organisations.id, surveyTargets.organisationId))
      .leftJoin(orgUnits, eq(orgUnits.id, surveyTargets.orgUnitId))
      .leftJoin(people, eq(people.id, surveyTargets.personId))
      .where(and(eq(surveyResponses.roundId, roundId), eq(surveyResponses.anonymous, false)))
      .orderBy(asc(organisations.sortOrder), asc(surveyTargets.id)),

  // ---------------------------------------------------------------- targeting reads
  organisations: (db: Executor, ids: number[] | 'all') =>
    db
      .select({ id: organisations.id, kind: organisations.kind, nameJa: organisations.nameJa, nameEn: organisations.nameEn })
      .from(organisations)
      .where(ids === 'all' ? sql`true` : inArray(organisations.id, ids.length ? ids : [-1]))
      .orderBy(asc(organisations.sortOrder), asc(organisations.id)),

  orgUnits: (db: Executor, ids: number[]) =>
    db
      .select({ id: orgUnits.id, organisationId: orgUnits.organisationId, kind: organisations.kind })
      .from(orgUnits)
      .innerJoin(organisations, eq(organisations.id, orgUnits.organisationId))
      .where(inArray(orgUnits.id, ids.length ? ids : [-1])),

  people: (db: Executor, ids: number[]) => db.select({ id: people.id }).from(people).where(inArray(people.id, ids.length ? ids : [-1])),

  /**
   * Per organisation and direction, the last day someone was in an exchange: `today` while one
   * is active or extended, else the actual end of the latest one that returned or ended early.
   */
  lastExchangeDays: async (db: Executor, organisationIds: number[], today: string) =>
    (await db
      .select({
        organisationId: exchangeCases.organisationId,
        direction: exchangeCases.direction,
        last: sql<string | null>`max(case when ${exchangeCases.state} in ('active','extended') then ${today}::date
          when ${exchangeCases.state} in ('returned','ended_early') then least(${exchangeCases.actualEnd}, ${today}::date) end)::text`,
      })
      .from(exchangeCases)
      .where(inArray(exchangeCases.organisationId, organisationIds.length ? organisationIds : [-1]))
      .groupBy(exchangeCases.organisationId, exchangeCases.direction)) as { organisationId: number; direction: string; last: string | null }[],

  /** People whose exchange returned (or ended early) between `from` and `to`, with the latest one's direction and organisation. */
  returnedPeople: async (db: Executor, from: string, to: string, direction?: 'hire' | 'dispatch') =>
    (await db
      .selectDistinctOn([exchangeCases.personId], { personId: exchangeCases.personId, direction: exchangeCases.direction, organisationId: exchangeCases.organisationId, actualEnd: exchangeCases.actualEnd })
      .from(exchangeCases)
      .where(
        and(
          isNotNull(exchangeCases.personId),
          inArray(exchangeCases.state, ['returned', 'ended_early']),
          sql`${exchangeCases.actualEnd} between ${from}::date and ${to}::date`,
          direction ? eq(exchangeCases.direction, direction) : sql`true`,
        ),
      )
      .orderBy(exchangeCases.personId, desc(exchangeCases.actualEnd))) as { personId: number; direction: string; organisationId: number; actualEnd: string | null }[],

  /** The latest exchange of each person (direction), for targets chosen by id. */
  latestExchange: async (db: Executor, personIds: number[]) =>
    (await db
      .selectDistinctOn([exchangeCases.personId], { personId: exchangeCases.personId, direction: exchangeCases.direction })
      .from(exchangeCases)
      .where(inArray(exchangeCases.personId, personIds.length ? personIds : [-1]))
      .orderBy(exchangeCases.personId, desc(exchangeCases.plannedStart))) as { personId: number; direction: string }[],

  // ---------------------------------------------------------------- reminders
  /** Open rounds whose reminder window contains `today` (closesOn − remindDaysBefore … closesOn). */
  roundsToRemind: (db: Executor, today: string) =>
    db
      .select()
      .from(surveyRounds)
      .where(
        and(
          eq(surveyRounds.state, 'open'),
          sql`${surveyRounds.opensOn} <= ${today}::date`,
          sql`${surveyRounds.closesOn} >= ${today}::date`,
          sql`${surveyRounds.closesOn} - ${surveyRounds.remindDaysBefore} <= ${today}::date`,
        ),
      ),

  /** Targets of a round that have not answered. */
  pendingTargets: (db: Executor, roundId: number) =>
    db.select().from(surveyTargets).where(and(eq(surveyTargets.roundId, roundId), eq(surveyTargets.submitted, false))),

  /** Active accounts that answer for these targets: ministry HR of the organisations, participants of the people. */
  respondentAccounts: (db: Executor, organisationIds: number[], personIds: number[]) =>
    db
      .select({ id: accounts.id, email: accounts.email, role: accounts.role, organisationId: accounts.organisationId, personId: accounts.personId })
      .from(accounts)
      .where(
        and(
          eq(accounts.status, 'active'),
          sql`((${accounts.role} = 'ministry_hr' and ${inArray(accounts.organisationId, organisationIds.length ? organisationIds : [-1])})
            or (${accounts.role} = 'participant' and ${inArray(accounts.personId, personIds.length ? personIds : [-1])}))`,
        ),
      ),

  setReminded: (db: Executor, targetIds: number[], today: string) =>
    db.update(surveyTargets).set({ lastRemindedOn: today }).where(inArray(surveyTargets.id, targetIds.length ? targetIds : [-1])),
};
