// Accounts and sessions: login with rate limiting and lockout, database-backed sessions with
// idle and absolute timeouts, company-HR self-registration approved by the NPA.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/tx.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext, Role } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { dummyHash, hashPassword, verifyPassword } from '../../platform/passwords.ts';
import { hoursFromNow, minutesAgo, pgTimestampToIso } from '../../platform/time.ts';
import type { Config } from '../../platform/config.ts';
import type { SessionResponse } from '../../../../common/src/schemas/auth.schema.ts';
import type { RegistrationBody } from '../../../../common/src/schemas/companies.schema.ts';
import type { CompaniesService } from '../companies/companies.service.ts';
import { accountsRepository as repo, type AccountRow } from './accounts.repository.ts';

export const SESSION_COOKIE = 'koryu_sid';

// Login throttling parameters (operational, not legal): failures counted in a sliding window.
export const loginLimits = {
  windowMinutes: 15,
  maxFailuresPerIp: 30,
  maxFailuresPerEmail: 10,
  lockAfterConsecutiveFailures: 5,
  lockMinutes: 15,
};

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const TOUCH_EVERY_MS = 60_000;

export type ResolvedSession = { sessionId: string; csrfToken: string; actor: Actor; view: SessionResponse };

function toActor(a: AccountRow): Actor {
  return {
    accountId: a.id,
    role: a.role as Role,
    displayName: a.displayName,
    organisationId: a.organisationId,
    companyId: a.companyId,
    personId: a.personId,
    locale: a.locale === 'en' ? 'en' : 'ja',
  };
}

export function createAccountsService(database: Database, config: Config, companies: CompaniesService) {
  const { db } = database;

  async function sessionView(sessionId: string): Promise<ResolvedSession | null> {
    const row = await repo.findSession(db, sessionId);
    if (!row) return null;
    const { session, account } = row;
    const now = Date.now();
    const idleCutoff = now - config.sessionIdleMinutes * 60_000;
    const lastSeen = Date.parse(pgTimestampToIso(session.lastSeenAt));
    if (Date.parse(pgTimestampToIso(session.expiresAt)) <= now || lastSeen < idleCutoff || account.status !== 'active') {
      await repo.deleteSession(db, sessionId);
      return null;
    }
    if (now - lastSeen > TOUCH_EVERY_MS) await repo.touchSession(db, sessionId);
    const actor = toActor(account);
    return {
      sessionId,
      csrfToken: session.csrfToken,
      actor,
      view: {
        csrfToken: session.csrfToken,
        account: {
          id: account.id,
          email: account.email,
          displayName: account.displayName,
          role: actor.role,
          organisationId: account.organisationId,
          organisationName: row.orgNameJa ? { ja: row.orgNameJa, en: row.orgNameEn ?? row.orgNameJa } : null,
          companyId: account.companyId,
          companyName: row.companyName ?? null,
          personId: account.personId,
          locale: actor.locale,
        },
      },
    };
  }

  return {
    async resolveSession(token: string): Promise<ResolvedSession | null> {
      if (token.length > 200) return null;
      return sessionView(sha256(token));
    },

    sessionView,

    /** Returns the new cookie token. Any session the browser had is replaced (new id at login). */
    async login(
      input: { email: string; password: string },
      ctx: RequestContext & { userAgent?: string | undefined },
      previousSessionId: string | null,
    ): Promise<{ token: string; session: ResolvedSession }> {
      const email = input.email.trim().toLowerCase();
      const ip = ctx.ip ?? 'unknown';
      const since = minutesAgo(loginLimits.windowMinutes);
      const [byIp, byEmail] = await Promise.all([
        repo.failuresSince(db, { ip }, since),
        repo.failuresSince(db, { email }, since),
      ]);
      if (byIp >= loginLimits.maxFailuresPerIp || byEmail >= loginLimits.maxFailuresPerEmail) {
        throw new AppError('rate_limited');
      }
      const account = await repo.findByEmail(db, email);
      if (account?.lockedUntil && Date.parse(pgTimestampToIso(account.lockedUntil)) > Date.now()) {
        throw new AppError('account_locked');
      }
      const ok = account ? await verifyPassword(account.passwordHash, input.password) : await verifyPassword(await dummyHash(), input.password) && false;
      if (!account || !ok) {
        await inTransaction(db, async (tx) => {
          await repo.recordAttempt(tx, email, ip, false);
          if (account) {
            const failed = account.failedLogins + 1;
            const lock = failed >= loginLimits.lockAfterConsecutiveFailures;
            await repo.update(tx, account.id, {
              failedLogins: lock ? 0 : failed,
              lockedUntil: lock ? new Date(Date.now() + loginLimits.lockMinutes * 60_000).toISOString() : account.lockedUntil,
            });
            await writeAudit(tx, ctx, {
              action: lock ? 'account.locked' : 'account.login_failed',
              recordType: 'account',
              recordId: account.id,
            });
          }
        });
        throw new AppError('invalid_credentials');
      }
      if (account.status === 'pending') throw new AppError('account_pending');
      if (account.status !== 'active') throw new AppError('account_disabled');

      const token = randomBytes(32).toString('base64url');
      const sessionId = sha256(token);
      const actor = toActor(account);
      await inTransaction(db, async (tx) => {
        if (previousSessionId) await repo.deleteSession(tx, previousSessionId);
        await repo.recordAttempt(tx, email, ip, true);
        await repo.update(tx, account.id, { failedLogins: 0, lockedUntil: null });
        await repo.insertSession(tx, {
          id: sessionId,
          accountId: account.id,
          csrfToken: randomBytes(24).toString('base64url'),
          expiresAt: hoursFromNow(config.sessionAbsoluteHours),
          ip,
          userAgent: ctx.userAgent?.slice(0, 300) ?? null,
        });
        await writeAudit(tx, { ...ctx, actor }, { action: 'account.login', recordType: 'account', recordId: account.id });
      });
      const session = await sessionView(sessionId);
      if (!session) throw new AppError('internal');
      return { token, session };
    },

    async logout(sessionId: string, ctx: RequestContext): Promise<void> {
      await inTransaction(db, async (tx) => {
        await repo.deleteSession(tx, sessionId);
        if (ctx.actor) {
          await writeAudit(tx, ctx, { action: 'account.logout', recordType: 'account', recordId: ctx.actor.accountId });
        }
      });
    },

    async setLocale(ctx: RequestContext, locale: 'ja' | 'en'): Promise<void> {
      const actor = ctx.actor!;
      await inTransaction(db, async (tx) => {
        const before = await repo.findById(tx, actor.accountId);
        await repo.update(tx, actor.accountId, { locale });
        await writeAudit(tx, ctx, {
          action: 'account.set_locale',
          recordType: 'account',
          recordId: actor.accountId,
          before: { locale: before?.locale },
          after: { locale },
        });
      });
    },

    /** Company HR self-registration: creates the company (pending) and the account (pending). */
    async registerCompanyHr(body: RegistrationBody, ctx: RequestContext) {
      const passwordHash = await hashPassword(body.account.password);
      return inTransaction(db, async (tx) => {
        if (await repo.findByEmail(tx, body.account.email)) {
          throw new AppError('duplicate', {
            fields: [
              {
                path: 'account.email',
                code: 'email.taken',
                message: { ja: 'このメールアドレスは既に登録されています。', en: 'This e-mail address is already registered.' },
              },
            ],
          });
        }
        const company = await companies.createInTx(tx, { ...body.company }, ctx, { status: 'pending', fieldPrefix: 'company.' });
        const account = await repo.insert(tx, {
          email: body.account.email,
          displayName: body.account.displayName,
          passwordHash,
          role: 'company_hr',
          companyId: company.id,
          status: 'pending',
        });
        await writeAudit(tx, ctx, {
          action: 'account.register',
          recordType: 'account',
          recordId: account.id,
          after: { email: account.email, role: account.role, companyId: company.id, status: 'pending' },
        });
        return { accountId: account.id, companyId: company.id, status: 'pending' as const };
      });
    },

    listPending: () => repo.listPendingCompanyHr(db),
    countPending: () => repo.countPending(db),

    async decide(accountId: number, decision: 'approve' | 'reject', ctx: RequestContext): Promise<void> {
      await inTransaction(db, async (tx) => {
        const account = await repo.findById(tx, accountId);
        if (!account || account.role !== 'company_hr') throw new AppError('not_found');
        if (account.status !== 'pending') throw new AppError('conflict');
        const status = decision === 'approve' ? 'active' : 'rejected';
        await repo.update(tx, accountId, { status });
        if (account.companyId) await companies.setStatusInTx(tx, account.companyId, decision === 'approve' ? 'active' : 'archived', ctx);
        await writeAudit(tx, ctx, {
          action: `account.${decision}`,
          recordType: 'account',
          recordId: accountId,
          before: { status: account.status },
          after: { status },
        });
      });
    },

    /** Used by the CLI and the demo loader. */
    async createAccount(
      input: {
        email: string;
        displayName: string;
        password: string;
        role: Role;
        organisationId?: number | null;
        companyId?: number | null;
        personId?: number | null;
        locale?: 'ja' | 'en';
      },
      ctx: RequestContext,
    ): Promise<AccountRow> {
      const passwordHash = await hashPassword(input.password);
      return inTransaction(db, async (tx) => {
        const account = await repo.insert(tx, {
          email: input.email.toLowerCase(),
          displayName: input.displayName,
          passwordHash,
          role: input.role,
          organisationId: input.organisationId ?? null,
          companyId: input.companyId ?? null,
          personId: input.personId ?? null,
          locale: input.locale ?? 'ja',
          status: 'active',
        });
        await writeAudit(tx, ctx, {
          action: 'account.create',
          recordType: 'account',
          recordId: account.id,
          after: { email: account.email, role: account.role },
        });
        return account;
      });
    },

    async pruneExpired(): Promise<void> {
      await repo.deleteExpiredSessions(db, minutesAgo(config.sessionIdleMinutes));
      await repo.pruneAttempts(db, minutesAgo(24 * 60));
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
