// The only SQL for accounts, sessions and login attempts (and the per-address registration count,
// read from the audit trail).
import { and, count, eq, gt, lt, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { accounts, auditLog, companies, loginAttempts, organisations, sessions } from '../../db/schema.ts';

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

// Two-key advisory locks (namespace, hash): a separate key space from the single-key audit and
// migration locks, so no crafted e-mail can collide with them.
const LOCK_SPACE = { loginIp: 7271, loginEmail: 7272, registerIp: 7273, registerNumber: 7274 } as const;

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
        companyStatus: companies.status,
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

  /** `at` comes from the app's clock, the one the idle timeout is measured with (not the database's now()). */
  async touchSession(db: Executor, id: string, at: string): Promise<void> {
    await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
  },

  async deleteSession(db: Executor, id: string): Promise<void> {
    await db.delete(sessions).where(eq(sessions.id, id));
  },

  async deleteSessionsOf(db: Executor, accountId: number): Promise<void> {
    await db.delete(sessions).where(eq(sessions.accountId, accountId));
  },

  async deleteExpiredSessions(db: Executor, idleCutoff: string): Promise<void> {
    await db.delete(sessions).where(sql`${sessions.expiresAt} < ${new Date().toISOString()} or ${sessions.lastSeenAt} < ${idleCutoff}`);
  },

  // ---- login attempts
  /**
   * Serialises login checks for one address and one e-mail until the transaction ends. The
   * address lock is always taken first, so two logins never wait on each other in a cycle.
   */
  async lockLogin(tx: Executor, ip: string, email: string): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_SPACE.loginIp}, hashtext(${ip}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_SPACE.loginEmail}, hashtext(${email}))`);
  },

  /** Inserts the attempt as a failure (a reservation); a correct password later marks it a success. */
  async reserveAttempt(db: Executor, email: string, ip: string): Promise<number> {
    // Stamped with the app's clock, the one the window (minutesAgo) is measured with.
    const rows = await db.insert(loginAttempts).values({ email, ip, success: false, at: new Date().toISOString() }).returning({ id: loginAttempts.id });
    return rows[0]!.id;
  },

  async markAttemptSuccess(db: Executor, id: number): Promise<void> {
    await db.update(loginAttempts).set({ success: true }).where(eq(loginAttempts.id, id));
  },

  async failuresSince(db: Executor, by: { ip: string }, since: string): Promise<number> {
    const r = await db
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, by.ip), eq(loginAttempts.success, false), gt(loginAttempts.at, since)));
    return Number(r[0]?.n ?? 0);
  },

  /**
   * Failures for an e-mail after both `since` and its last successful login (attempt ids follow
   * the order in which attempts were reserved under the e-mail's lock). With `upToId`, only
   * attempts up to that one: the rank of that attempt among the failures.
   */
  async emailFailuresSince(db: Executor, email: string, since: string, upToId?: number): Promise<number> {
    const lastSuccess = sql`coalesce((select max(${loginAttempts.id}) from ${loginAttempts} where ${loginAttempts.email} = ${email} and ${loginAttempts.success}), 0)`;
    const r = await db
      .select({ n: count() })
      .from(loginAttempts)
      .where(
        and(
          eq(loginAttempts.email, email),
          eq(loginAttempts.success, false),
          gt(loginAttempts.at, since),
          gt(loginAttempts.id, lastSuccess),
          upToId === undefined ? undefined : lte(loginAttempts.id, upToId),
        ),
      );
    return Number(r[0]?.n ?? 0);
  },

  /** Atomic increment; returns the new count. */
  async incrementFailedLogins(db: Executor, accountId: number): Promise<number | undefined> {
    const rows = await db
      .update(accounts)
      .set({ failedLogins: sql`${accounts.failedLogins} + 1`, updatedAt: sql`now()` })
      .where(eq(accounts.id, accountId))
      .returning({ failedLogins: accounts.failedLogins });
    return rows[0]?.failedLogins;
  },

  // ---- registration throttling
  async registrationsFromIpSince(db: Executor, ip: string, since: string): Promise<number> {
    const r = await db
      .select({ n: count() })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'account.register_attempt'), eq(auditLog.ip, ip), gt(auditLog.at, since)));
    return Number(r[0]?.n ?? 0);
  },

  async lockRegistrationIp(tx: Executor, ip: string): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_SPACE.registerIp}, hashtext(${ip}))`);
  },

  /** Serialises registrations from one address, and registrations for one 法人番号, until the transaction ends. */
  async lockRegistration(tx: Executor, ip: string, corporateNumber: string): Promise<void> {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_SPACE.registerIp}, hashtext(${ip}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_SPACE.registerNumber}, hashtext(${corporateNumber}))`);
  },

  async pruneAttempts(db: Executor, before: string): Promise<void> {
    await db.delete(loginAttempts).where(lt(loginAttempts.at, before));
  },
};
