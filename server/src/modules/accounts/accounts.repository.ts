// The only SQL for accounts, sessions and login attempts.
import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { accounts, companies, loginAttempts, organisations, sessions } from '../../db/schema.ts';

export type AccountRow = typeof accounts.$inferSelect;
export type NewAccount = typeof accounts.$inferInsert;

const preparedSession = new WeakMap<Executor, ReturnType<typeof buildSessionQuery>>();
function buildSessionQuery(db: Executor) {
  return db
    .select({
      session: sessions,
      account: accounts,
      orgNameJa: organisations.nameJa,
      orgNameEn: organisations.nameEn,
      companyName: companies.name,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .leftJoin(organisations, eq(organisations.id, accounts.organisationId))
    .leftJoin(companies, eq(companies.id, accounts.companyId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .limit(1)
    .prepare('koryu_find_session');
}

export const accountsRepository = {
  async findByEmail(db: Executor, email: string): Promise<AccountRow | undefined> {
    const rows = await db.select().from(accounts).where(eq(accounts.email, email)).limit(1);
    return rows[0];
  },

  async findById(db: Executor, id: number): Promise<AccountRow | undefined> {
    const rows = await db.select().from(accounts).where(eq(accounts.id, id)).limit(1);
    return rows[0];
  },

  async insert(db: Executor, values: NewAccount): Promise<AccountRow> {
    const rows = await db.insert(accounts).values(values).returning();
    return rows[0]!;
  },

  async update(db: Executor, id: number, values: Partial<NewAccount>): Promise<AccountRow | undefined> {
    const rows = await db
      .update(accounts)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(accounts.id, id))
      .returning();
    return rows[0];
  },

  async listPendingCompanyHr(db: Executor) {
    return db
      .select({
        accountId: accounts.id,
        email: accounts.email,
        displayName: accounts.displayName,
        createdAt: accounts.createdAt,
        companyId: companies.id,
        corporateNumber: companies.corporateNumber,
        companyName: companies.name,
        legalTypeCode: companies.legalTypeCode,
      })
      .from(accounts)
      .innerJoin(companies, eq(companies.id, accounts.companyId))
      .where(and(eq(accounts.status, 'pending'), eq(accounts.role, 'company_hr')))
      .orderBy(accounts.createdAt);
  },

  async countPending(db: Executor): Promise<number> {
    const r = await db.select({ n: count() }).from(accounts).where(eq(accounts.status, 'pending'));
    return Number(r[0]?.n ?? 0);
  },

  // ---- sessions
  async insertSession(db: Executor, values: typeof sessions.$inferInsert): Promise<void> {
    await db.insert(sessions).values(values);
  },

  /** Runs on every request: a prepared statement per database (built once, planned once per connection). */
  async findSession(db: Executor, id: string) {
    let prepared = preparedSession.get(db);
    if (!prepared) {
      prepared = buildSessionQuery(db);
      preparedSession.set(db, prepared);
    }
    const rows = await prepared.execute({ id });
    return rows[0];
  },

  async touchSession(db: Executor, id: string): Promise<void> {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
  },

  async deleteSession(db: Executor, id: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.id, id));
  },

  async deleteSessionsOf(db: Executor, accountId: number): Promise<void> {
    await db.delete(sessions).where(eq(sessions.accountId, accountId));
  },

  async deleteExpiredSessions(db: Executor, idleCutoff: string): Promise<void> {
    await db.delete(sessions).where(sql`${sessions.expiresAt} < now() or ${sessions.lastSeenAt} < ${idleCutoff}`);
  },

  // ---- login attempts
  async recordAttempt(db: Executor, email: string, ip: string, success: boolean): Promise<void> {
    await db.insert(loginAttempts).values({ email, ip, success });
  },

  async failuresSince(db: Executor, by: { ip: string } | { email: string }, since: string): Promise<number> {
    const cond = 'ip' in by ? eq(loginAttempts.ip, by.ip) : eq(loginAttempts.email, by.email);
    const r = await db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(cond, eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
    return Number(r[0]?.n ?? 0);
  },

  async pruneAttempts(db: Executor, before: string): Promise<void> {
    await db.delete(loginAttempts).where(lt(loginAttempts.at, before));
  },
};
