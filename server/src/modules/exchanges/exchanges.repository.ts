// The only SQL for exchange cases: the case row and its events, thread, documents (with their
// versions), interviews and extension requests; the NPA queue and the ministry pipeline; and the
// few columns of organisations, units, companies and people that a case shows.
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, lte, max, ne, or, sql, type SQL } from 'drizzle-orm';
import { queryPrepared, type Executor } from '../../db/client.ts';
import {
  accounts,
  caseDocuments,
  caseEvents,
  caseExtensions,
  caseInterviews,
  caseMessages,
  companies,
  companyDivisions,
  exchangeCaseCounts,
  exchangeCases,
  exchangeHistory,
  exchangeSettings,
  organisations,
  orgUnits,
  people,
} from '../../db/schema.ts';
import { escapeLike } from '../../db/sql.ts';
import type { CaseListQuery, CaseState } from '../../../../common/src/schemas/exchanges.schema.ts';

export type CaseRow = typeof exchangeCases.$inferSelect;
export type NewCase = typeof exchangeCases.$inferInsert;
export type CaseScope = { organisationId?: number; companyId?: number; personId?: number };

/** States in which the NPA's review clock runs (submission → 内諾). */
export const reviewStates: readonly CaseState[] = ['submitted', 'under_review', 'query_to_ministry'];
/** The NPA's work queue: plans awaiting review or certification. */
export const queueStates: readonly CaseState[] = ['submitted', 'under_review', 'query_to_ministry', 'formal_application'];

const itemColumns = {
  id: exchangeCases.id,
  reference: exchangeCases.reference,
  direction: exchangeCases.direction,
  hireType: exchangeCases.hireType,
  state: exchangeCases.state,
  organisationId: exchangeCases.organisationId,
  orgNameJa: organisations.nameJa,
  orgNameEn: organisations.nameEn,
  unitId: exchangeCases.unitId,
  unitNameJa: orgUnits.nameJa,
  unitNameEn: orgUnits.nameEn,
  postTitle: exchangeCases.postTitle,
  companyId: exchangeCases.companyId,
  companyName: companies.name,
  corporateNumber: companies.corporateNumber,
  personId: exchangeCases.personId,
  familyName: people.familyName,
  givenName: people.givenName,
  plannedStart: exchangeCases.plannedStart,
  plannedEnd: exchangeCases.plannedEnd,
  submittedOn: exchangeCases.submittedOn,
  reviewDueOn: exchangeCases.reviewDueOn,
  stateChangedAt: exchangeCases.stateChangedAt,
  updatedAt: exchangeCases.updatedAt,
};
/** The same columns as raw SQL with the row's field names (ids as numbers, dates as text). */
const itemSelect = sql.raw(
  [
    '"exchange_cases"."id"::float8 as "id"',
    '"exchange_cases"."reference" as "reference"',
    '"exchange_cases"."direction" as "direction"',
    '"exchange_cases"."hire_type" as "hireType"',
    '"exchange_cases"."state" as "state"',
    '"exchange_cases"."organisation_id"::float8 as "organisationId"',
    // Names by scalar subqueries, not joins: the plan of a five-table join (join-order search)
    // cost more than executing it; these subplans are planned in a fraction of that.
    '(select name_ja from organisations where id = "exchange_cases"."organisation_id") as "orgNameJa"',
    '(select name_en from organisations where id = "exchange_cases"."organisation_id") as "orgNameEn"',
    '"exchange_cases"."unit_id"::float8 as "unitId"',
    '(select name_ja from org_units where id = "exchange_cases"."unit_id") as "unitNameJa"',
    '(select name_en from org_units where id = "exchange_cases"."unit_id") as "unitNameEn"',
    '"exchange_cases"."post_title" as "postTitle"',
    '"exchange_cases"."company_id"::float8 as "companyId"',
    '(select name from companies where id = "exchange_cases"."company_id") as "companyName"',
    '(select corporate_number from companies where id = "exchange_cases"."company_id") as "corporateNumber"',
    '"exchange_cases"."person_id"::float8 as "personId"',
    '(select family_name from people where id = "exchange_cases"."person_id") as "familyName"',
    '(select given_name from people where id = "exchange_cases"."person_id") as "givenName"',
    '"exchange_cases"."planned_start"::text as "plannedStart"',
    '"exchange_cases"."planned_end"::text as "plannedEnd"',
    '"exchange_cases"."submitted_on"::text as "submittedOn"',
    '"exchange_cases"."review_due_on"::text as "reviewDueOn"',
    '"exchange_cases"."state_changed_at"::text as "stateChangedAt"',
    '"exchange_cases"."updated_at"::text as "updatedAt"',
  ].join(', '),
);

export type CaseItemRow = {
  [K in keyof typeof itemColumns]: (typeof itemColumns)[K]['_']['notNull'] extends true ? (typeof itemColumns)[K]['_']['data'] : (typeof itemColumns)[K]['_']['data'] | null;
};

function listWhere(q: Partial<CaseListQuery>, scope: CaseScope, today: string): SQL | undefined {
  const w: (SQL | undefined)[] = [];
  if (scope.organisationId !== undefined) w.push(eq(exchangeCases.organisationId, scope.organisationId));
  if (scope.companyId !== undefined) w.push(eq(exchangeCases.companyId, scope.companyId));
  if (scope.personId !== undefined) w.push(eq(exchangeCases.personId, scope.personId));
  if (q.state?.length) w.push(inArray(exchangeCases.state, q.state));
  if (q.direction) w.push(eq(exchangeCases.direction, q.direction));
  if (q.organisationId !== undefined) w.push(eq(exchangeCases.organisationId, q.organisationId));
  if (q.companyId !== undefined) w.push(eq(exchangeCases.companyId, q.companyId));
  if (q.startFrom) w.push(gte(exchangeCases.plannedStart, q.startFrom));
  if (q.startTo) w.push(lte(exchangeCases.plannedStart, q.startTo));
  if (q.overdue === true) w.push(and(inArray(exchangeCases.state, [...reviewStates]), lt(exchangeCases.reviewDueOn, today)));
  if (q.overdue === false)
    w.push(or(sql`not (${inArray(exchangeCases.state, [...reviewStates])})`, sql`${exchangeCases.reviewDueOn} is null`, gte(exchangeCases.reviewDueOn, today)));
  if (q.q) {
    const like = `%${escapeLike(q.q)}%`;
    w.push(or(ilike(exchangeCases.reference, like), ilike(companies.name, like), ilike(exchangeCases.postTitle, like)));
  }
  return and(...w);
}

function orderOf(sort: CaseListQuery['sort'] | undefined) {
  switch (sort) {
    case 'age':
      return [sql`${exchangeCases.submittedOn} asc nulls last`, asc(exchangeCases.id)];
    case 'updated':
      return [desc(exchangeCases.updatedAt), desc(exchangeCases.id)];
    default:
      return [asc(exchangeCases.plannedStart), sql`${exchangeCases.submittedOn} asc nulls last`, asc(exchangeCases.id)];
  }
}

/** A list whose only filters are its scope and states can take its total from the counts table. */
const countable = (q: Partial<CaseListQuery>, scope: CaseScope) =>
  scope.companyId === undefined &&
  scope.personId === undefined &&
  q.direction === undefined &&
  q.companyId === undefined &&
  !q.startFrom &&
  !q.startTo &&
  q.overdue === undefined &&
  !q.q;

/** Adds `delta` to an organisation's count of cases in a state (same transaction as the change). */
async function addCount(tx: Executor, organisationId: number, state: string, delta: number) {
  await tx
    .insert(exchangeCaseCounts)
    .values({ organisationId, state, n: Math.max(delta, 0) })
    .onConflictDoUpdate({ target: [exchangeCaseCounts.organisationId, exchangeCaseCounts.state], set: { n: sql`${exchangeCaseCounts.n} + ${delta}` } });
}

export const exchangesRepository = {
  async insertCase(tx: Executor, row: Omit<NewCase, 'reference'>, year: number): Promise<CaseRow> {
    const placeholder = `tmp-${process.hrtime.bigint()}-${Math.random()}`;
    const [inserted] = await tx.insert(exchangeCases).values({ ...row, reference: placeholder }).returning({ id: exchangeCases.id });
    const reference = `KR-${year}-${String(inserted!.id).padStart(6, '0')}`;
    const [done] = await tx.update(exchangeCases).set({ reference }).where(eq(exchangeCases.id, inserted!.id)).returning();
    await addCount(tx, done!.organisationId, done!.state, 1);
    return done!;
  },

  /** Keeps the counts table in step with a state change (call in the change's transaction). */
  async moveCount(tx: Executor, organisationId: number, from: string, to: string) {
    if (from === to) return;
    // Rows in one order (by state), whatever the direction: a step and its reverse on the same
    // organisation at once (query under_review → query_to_ministry, answer back) otherwise lock the
    // two rows in opposite orders and deadlock (measured under bench/mixed-load.ts).
    const moves: [string, number][] = from < to ? [[from, -1], [to, 1]] : [[to, 1], [from, -1]];
    for (const [state, delta] of moves) await addCount(tx, organisationId, state, delta);
  },

  /** Recomputes the counts table from the cases (after bulk loads or direct edits). */
  async rebuildCounts(tx: Executor) {
    await tx.delete(exchangeCaseCounts);
    await tx.execute(sql`insert into exchange_case_counts (organisation_id, state, n) select organisation_id, state, count(*)::int from exchange_cases group by 1, 2`);
  },

  /** Counts per state within a scope (all organisations, or one). */
  async stateCounts(tx: Executor, organisationId?: number): Promise<{ state: string; count: number }[]> {
    return queryPrepared(
      tx,
      sql`select state, sum(n)::int as count from ${exchangeCaseCounts} ${organisationId !== undefined ? sql`where organisation_id = ${organisationId}` : sql``} group by state`,
    );
  },

  async caseRow(tx: Executor, id: number, forUpdate = false): Promise<CaseRow | undefined> {
    const q = tx.select().from(exchangeCases).where(eq(exchangeCases.id, id));
    const [row] = forUpdate ? await q.for('update') : await q;
    return row;
  },

  async caseItem(tx: Executor, id: number): Promise<(CaseItemRow & { divisionName: string | null }) | undefined> {
    const [row] = await tx
      .select({ ...itemColumns, divisionName: companyDivisions.name })
      .from(exchangeCases)
      .innerJoin(organisations, eq(organisations.id, exchangeCases.organisationId))
      .innerJoin(orgUnits, eq(orgUnits.id, exchangeCases.unitId))
      .innerJoin(companies, eq(companies.id, exchangeCases.companyId))
      .leftJoin(people, eq(people.id, exchangeCases.personId))
      .leftJoin(companyDivisions, eq(companyDivisions.id, exchangeCases.divisionId))
      .where(eq(exchangeCases.id, id));
    return row as (CaseItemRow & { divisionName: string | null }) | undefined;
  },

  /** A version-checked update: undefined when another change got there first. */
  async updateCase(tx: Executor, id: number, version: number, patch: Partial<NewCase>): Promise<CaseRow | undefined> {
    const [row] = await tx
      .update(exchangeCases)
      .set({ ...patch, version: version + 1, updatedAt: sql`now()` })
      .where(and(eq(exchangeCases.id, id), eq(exchangeCases.version, version)))
      .returning();
    return row;
  },

  async list(tx: Executor, q: CaseListQuery, scope: CaseScope, today: string): Promise<{ rows: CaseItemRow[]; total: number }> {
    const where = listWhere(q, scope, today);
    const fromCounts = countable(q, scope);
    const org = scope.organisationId ?? q.organisationId;
    // The total rides along in the page's own statement when the counts table can give it.
    const countSql = fromCounts
      ? sql`(select coalesce(sum(n), 0)::int from ${exchangeCaseCounts} where true
            ${org !== undefined ? sql`and organisation_id = ${org}` : sql``}
            ${q.state?.length ? sql`and state in (${sql.join(q.state.map((x) => sql`${x}`), sql`, `)})` : sql``})`
      : sql`null::int`;
    // One named prepared statement per filter shape on the server, one round trip for the page and
    // its total (see docs/benchmarks.md).
    const pageRows = queryPrepared<CaseItemRow & { total: number | null }>(
      tx,
      sql`select ${itemSelect}, ${countSql} as "total" from ${exchangeCases}
        ${q.q ? sql`join ${companies} on ${companies.id} = ${exchangeCases.companyId}` : sql``}
        where ${where ?? sql`true`}
        order by ${sql.join(orderOf(q.sort), sql`, `)}
        limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    );
    const counted = async () => {
      const [r] = await queryPrepared<{ n: number }>(
        tx,
        sql`select count(*)::int as n from ${exchangeCases} ${q.q ? sql`join ${companies} on ${companies.id} = ${exchangeCases.companyId}` : sql``} where ${where ?? sql`true`}`,
      );
      return r?.n ?? 0;
    };
    if (fromCounts) {
      const rows = await pageRows;
      // Past the last page the statement returns no row to carry the total.
      const total = rows[0]?.total ?? (await exchangesRepository.stateCounts(tx, org)).filter((r) => !q.state?.length || q.state.includes(r.state as CaseState)).reduce((a, r) => a + r.count, 0);
      return { rows, total };
    }
    const [rows, total] = await Promise.all([pageRows, counted()]);
    return { rows, total };
  },

  /** Every row of a filtered list, for export (bounded by the caller). */
  async listAll(tx: Executor, q: Partial<CaseListQuery>, scope: CaseScope, today: string, limit: number): Promise<CaseItemRow[]> {
    const rows = await tx
      .select(itemColumns)
      .from(exchangeCases)
      .innerJoin(organisations, eq(organisations.id, exchangeCases.organisationId))
      .innerJoin(orgUnits, eq(orgUnits.id, exchangeCases.unitId))
      .innerJoin(companies, eq(companies.id, exchangeCases.companyId))
      .leftJoin(people, eq(people.id, exchangeCases.personId))
      .where(listWhere(q, scope, today))
      .orderBy(...orderOf(q.sort))
      .limit(limit);
    return rows as CaseItemRow[];
  },

  async pipeline(tx: Executor, scope: CaseScope, today: string): Promise<{ byState: { state: string; count: number }[]; byStartMonth: { month: string; count: number }[]; overdue: number; onExchange: number }> {
    const where = listWhere({}, scope, today) ?? sql`true`;
    const open = sql`${exchangeCases.state} not in ('returned','ended_early','withdrawn','rejected')`;
    // Open cases by start month, from a year ago on (the pipeline ahead, not the history).
    const monthsFrom = sql`(date_trunc('month', ${today}::date) - interval '12 months')::date`;
    const org = scope.organisationId;
    const counts = countable({}, scope)
      ? sql`select state, sum(n)::int as n from ${exchangeCaseCounts} ${org !== undefined ? sql`where organisation_id = ${org}` : sql``} group by state having sum(n) > 0`
      : sql`select state, count(*)::int as n from ${exchangeCases} where ${where} group by state`;
    // Everything in one statement: one round trip after the session's.
    const [row] = await queryPrepared<{ byState: { state: string; count: number }[]; byStartMonth: { month: string; count: number }[]; overdue: number }>(
      tx,
      sql`with s as (${counts})
        select
          (select coalesce(json_agg(json_build_object('state', state, 'count', n) order by state), '[]') from s) as "byState",
          (select coalesce(json_agg(json_build_object('month', m, 'count', n) order by m), '[]') from (
             select to_char(${exchangeCases.plannedStart}, 'YYYY-MM') as m, count(*)::int as n from ${exchangeCases}
             where ${where} and ${open} and ${exchangeCases.plannedStart} >= ${monthsFrom} group by 1) x) as "byStartMonth",
          (select count(*)::int from ${exchangeCases} where ${where}
             and ${exchangeCases.state} in ('submitted','under_review','query_to_ministry') and ${exchangeCases.reviewDueOn} < ${today}) as "overdue"`,
    );
    const byState = row!.byState;
    return { byState, byStartMonth: row!.byStartMonth, overdue: row!.overdue, onExchange: byState.filter((x) => x.state === 'active' || x.state === 'extended').reduce((a, x) => a + x.count, 0) };
  },

  /** Whether the person is in another active or extended case. */
  async personBusy(tx: Executor, personId: number, exceptCaseId: number): Promise<boolean> {
    const [row] = await tx
      .select({ id: exchangeCases.id })
      .from(exchangeCases)
      .where(and(eq(exchangeCases.personId, personId), inArray(exchangeCases.state, ['active', 'extended']), ne(exchangeCases.id, exceptCaseId)))
      .limit(1);
    return row !== undefined;
  },

  insertEvent: (tx: Executor, row: typeof caseEvents.$inferInsert) => tx.insert(caseEvents).values(row),
  events: (tx: Executor, caseId: number) => tx.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.id)),

  insertMessage: (tx: Executor, row: typeof caseMessages.$inferInsert) => tx.insert(caseMessages).values(row).returning(),
  messages: (tx: Executor, caseId: number) => tx.select().from(caseMessages).where(eq(caseMessages.caseId, caseId)).orderBy(asc(caseMessages.id)),

  /** A new version of a document kind on a case (1 for the first). */
  async insertDocument(tx: Executor, row: Omit<typeof caseDocuments.$inferInsert, 'version'>) {
    const [last] = await tx
      .select({ v: max(caseDocuments.version) })
      .from(caseDocuments)
      .where(and(eq(caseDocuments.caseId, row.caseId), eq(caseDocuments.kind, row.kind)));
    const [doc] = await tx
      .insert(caseDocuments)
      .values({ ...row, version: (last?.v ?? 0) + 1 })
      .returning({
        id: caseDocuments.id,
        kind: caseDocuments.kind,
        version: caseDocuments.version,
        filename: caseDocuments.filename,
        contentType: caseDocuments.contentType,
        sizeBytes: caseDocuments.sizeBytes,
        sha256: caseDocuments.sha256,
        createdAt: caseDocuments.createdAt,
      });
    return doc!;
  },
  documents: (tx: Executor, caseId: number) =>
    tx
      .select({
        id: caseDocuments.id,
        kind: caseDocuments.kind,
        version: caseDocuments.version,
        filename: caseDocuments.filename,
        contentType: caseDocuments.contentType,
        sizeBytes: caseDocuments.sizeBytes,
        sha256: caseDocuments.sha256,
        createdAt: caseDocuments.createdAt,
      })
      .from(caseDocuments)
      .where(eq(caseDocuments.caseId, caseId))
      .orderBy(asc(caseDocuments.kind), desc(caseDocuments.version)),
  async document(tx: Executor, caseId: number, docId: number) {
    const [doc] = await tx
      .select()
      .from(caseDocuments)
      .where(and(eq(caseDocuments.caseId, caseId), eq(caseDocuments.id, docId)));
    return doc;
  },

  insertInterviews: (tx: Executor, rows: (typeof caseInterviews.$inferInsert)[]) => (rows.length ? tx.insert(caseInterviews).values(rows).returning() : Promise.resolve([])),
  interviews: (tx: Executor, caseId: number) => tx.select().from(caseInterviews).where(eq(caseInterviews.caseId, caseId)).orderBy(asc(caseInterviews.scheduledOn), asc(caseInterviews.id)),
  async interview(tx: Executor, caseId: number, id: number) {
    const [row] = await tx.select().from(caseInterviews).where(and(eq(caseInterviews.caseId, caseId), eq(caseInterviews.id, id)));
    return row;
  },
  async updateInterview(tx: Executor, id: number, patch: Partial<typeof caseInterviews.$inferInsert>) {
    const [row] = await tx.update(caseInterviews).set({ ...patch, updatedAt: sql`now()` }).where(eq(caseInterviews.id, id)).returning();
    return row!;
  },
  /** Interviews still scheduled after `from` are cancelled when the exchange ends. */
  cancelInterviewsAfter: (tx: Executor, caseId: number, from: string) =>
    tx
      .update(caseInterviews)
      .set({ status: 'cancelled', updatedAt: sql`now()` })
      .where(and(eq(caseInterviews.caseId, caseId), eq(caseInterviews.status, 'scheduled'), gte(caseInterviews.scheduledOn, from))),

  insertExtension: (tx: Executor, row: typeof caseExtensions.$inferInsert) => tx.insert(caseExtensions).values(row).returning(),
  extensions: (tx: Executor, caseId: number) => tx.select().from(caseExtensions).where(eq(caseExtensions.caseId, caseId)).orderBy(asc(caseExtensions.id)),
  async extension(tx: Executor, caseId: number, id: number) {
    const [row] = await tx.select().from(caseExtensions).where(and(eq(caseExtensions.caseId, caseId), eq(caseExtensions.id, id)));
    return row;
  },
  async openExtension(tx: Executor, caseId: number) {
    const [row] = await tx.select().from(caseExtensions).where(and(eq(caseExtensions.caseId, caseId), eq(caseExtensions.status, 'requested')));
    return row;
  },
  async decideExtension(tx: Executor, id: number, patch: Partial<typeof caseExtensions.$inferInsert>) {
    const [row] = await tx.update(caseExtensions).set({ ...patch, decidedAt: sql`now()` }).where(eq(caseExtensions.id, id)).returning();
    return row!;
  },

  /** The live exchange as history for the 交流基準 (consecutive exchanges); closed on return. */
  openHistory: (tx: Executor, row: typeof exchangeHistory.$inferInsert) => tx.insert(exchangeHistory).values(row),
  closeHistory: (tx: Executor, note: string, endDate: string) =>
    tx.update(exchangeHistory).set({ endDate }).where(and(eq(exchangeHistory.note, note), sql`${exchangeHistory.endDate} is null`)),

  async interviewInterval(tx: Executor, organisationId: number): Promise<number | undefined> {
    const [row] = await tx.select({ m: exchangeSettings.interviewIntervalMonths }).from(exchangeSettings).where(eq(exchangeSettings.organisationId, organisationId));
    return row?.m;
  },
  setInterviewInterval: (tx: Executor, organisationId: number, months: number) =>
    tx
      .insert(exchangeSettings)
      .values({ organisationId, interviewIntervalMonths: months })
      .onConflictDoUpdate({ target: exchangeSettings.organisationId, set: { interviewIntervalMonths: months, updatedAt: sql`now()` } }),

  /** Active accounts of the parties to notify: the NPA, the ministry's HR, the company's HR. */
  async recipients(tx: Executor, parties: { npa: boolean; organisationId?: number; companyId?: number }) {
    const w: SQL[] = [];
    if (parties.npa) w.push(sql`${accounts.role} = 'npa'`);
    if (parties.organisationId !== undefined) w.push(sql`(${accounts.role} = 'ministry_hr' and ${accounts.organisationId} = ${parties.organisationId})`);
    if (parties.companyId !== undefined) w.push(sql`(${accounts.role} = 'company_hr' and ${accounts.companyId} = ${parties.companyId})`);
    if (!w.length) return [];
    return tx
      .select({ id: accounts.id, email: accounts.email })
      .from(accounts)
      .where(and(eq(accounts.status, 'active'), or(...w)))
      .orderBy(asc(accounts.id))
      .limit(200);
  },

  // ---------------------------------------------------------------- the records a case names
  async unit(tx: Executor, id: number) {
    const [row] = await tx.select({ id: orgUnits.id, organisationId: orgUnits.organisationId }).from(orgUnits).where(eq(orgUnits.id, id));
    return row;
  },
  async company(tx: Executor, id: number) {
    const [row] = await tx.select({ id: companies.id, status: companies.status, name: companies.name, corporateNumber: companies.corporateNumber }).from(companies).where(eq(companies.id, id));
    return row;
  },
  async division(tx: Executor, id: number) {
    const [row] = await tx.select({ id: companyDivisions.id, companyId: companyDivisions.companyId, name: companyDivisions.name }).from(companyDivisions).where(eq(companyDivisions.id, id));
    return row;
  },
  async person(tx: Executor, id: number) {
    const [row] = await tx
      .select({ id: people.id, kind: people.kind, organisationId: people.organisationId, companyId: people.companyId, familyName: people.familyName, givenName: people.givenName, familyNameKana: people.familyNameKana, givenNameKana: people.givenNameKana, birthDate: people.birthDate, email: people.email })
      .from(people)
      .where(eq(people.id, id));
    return row;
  },
};
