// Accounts and sessions: login with rate limiting and lockout, database-backed sessions with
// idle and absolute timeouts, company-HR self-registration approved by the NPA.
import { createHash, randomBytes } from 'node:crypto';
import type { Database, Executor } from '../../db/client.ts';
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
// An e-mail is locked while it has lockAfterConsecutiveFailures failures in the window since its
// last successful login; this holds the same for addresses that have no account.
export const loginLimits = {
  windowMinutes: 15,
  maxFailuresPerIp: 30,
  lockAfterConsecutiveFailures: 5,
  lockMinutes: 15,
};

// Self-registration throttling: registrations (audit rows 'account.register') per address.
export const registrationLimits = {
  windowMinutes: 60,
  maxPerIp: 10,
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
    if (now - lastSeen > TOUCH_EVERY_MS) await repo.touchSession(db, sessionId, new Date(now).toISOString());
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

      // Phase 1: check the limits and reserve the attempt (recorded as a failure) under a lock on
      // the address and the e-mail, so parallel requests cannot all pass the check before any of
      // them is counted. Nothing here depends on whether the e-mail has an account.
      const reservation = await inTransaction(db, async (tx) => {
        await repo.lockLogin(tx, ip, email);
        const since = minutesAgo(loginLimits.windowMinutes);
        if ((await repo.failuresSince(tx, { ip }, since)) >= loginLimits.maxFailuresPerIp) return 'rate_limited' as const;
        if ((await repo.emailFailuresSince(tx, email, since)) >= loginLimits.lockAfterConsecutiveFailures) return 'locked' as const;
        return repo.reserveAttempt(tx, email, ip);
      });
      // The window slides: waiting its full length always clears the limit.
      if (reservation === 'rate_limited') throw new AppError('rate_limited', { retryAfterSeconds: loginLimits.windowMinutes * 60 });
      if (reservation === 'locked') throw new AppError('account_locked', { retryAfterSeconds: loginLimits.lockMinutes * 60 });

      // Phase 2: verify the password outside any transaction (argon2id is slow on purpose). An
      // unknown e-mail costs the same, against a dummy hash.
      const account = await repo.findByEmail(db, email);
      const ok = account
        ? await verifyPassword(account.passwordHash, input.password)
        : (await verifyPassword(await dummyHash(), input.password)) && false;

      // Phase 3: settle the reservation.
      if (!account || !ok) {
        if (account) {
          await inTransaction(db, async (tx) => {
            const failedLogins = await repo.incrementFailedLogins(tx, account.id);
            // Attempts were reserved one at a time under the e-mail's lock, so exactly one failure
            // is the one that reaches the threshold: that one locks the account.
            const rank = await repo.emailFailuresSince(tx, email, minutesAgo(loginLimits.windowMinutes), reservation);
            const lock = rank >= loginLimits.lockAfterConsecutiveFailures;
            if (lock) {
              await repo.update(tx, account.id, { lockedUntil: new Date(Date.now() + loginLimits.lockMinutes * 60_000).toISOString() });
            }
            await writeAudit(tx, ctx, {
              action: lock ? 'account.locked' : 'account.login_failed',
              recordType: 'account',
              recordId: account.id,
              after: { failedLogins },
            });
          });
        }
        throw new AppError('invalid_credentials');
      }
      if (account.status !== 'active') {
        // The password was right: not a guess to count against the e-mail.
        await repo.markAttemptSuccess(db, reservation);
        throw new AppError(account.status === 'pending' ? 'account_pending' : 'account_disabled');
      }

      const token = randomBytes(32).toString('base64url');
      const sessionId = sha256(token);
      const actor = toActor(account);
      await inTransaction(db, async (tx) => {
        if (previousSessionId) await repo.deleteSession(tx, previousSessionId);
        await repo.markAttemptSuccess(tx, reservation);
        await repo.update(tx, account.id, { failedLogins: 0, lockedUntil: null });
        await repo.insertSession(tx, {
          id: sessionId,
          accountId: account.id,
          csrfToken: randomBytes(24).toString('base64url'),
          expiresAt: hoursFromNow(config.sessionAbsoluteHours),
          // The timeouts are measured with the app's clock: so is the start of the idle period.
          lastSeenAt: new Date().toISOString(),
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

    /**
     * Company HR self-registration, always a pending account for the NPA to approve. A 法人番号 not
     * in the directory creates the company (pending). One already in the directory (active or
     * archived) is claimed: the account is linked to it and the company's data is left alone. A
     * number whose company is still pending has another registration in flight: 409.
     */
    async registerCompanyHr(body: RegistrationBody, ctx: RequestContext) {
      // Every attempt that reaches this point is counted (and audited) before anything is looked
      // up or the deliberately slow hash runs: refusals such as "e-mail taken" use up the budget
      // too, so the endpoint cannot be used to probe which e-mails or numbers exist, nor to burn CPU.
      const since = minutesAgo(registrationLimits.windowMinutes);
      const allowed = await inTransaction(db, async (tx) => {
        await repo.lockRegistrationIp(tx, ctx.ip ?? '');
        if ((await repo.registrationsFromIpSince(tx, ctx.ip ?? '', since)) >= registrationLimits.maxPerIp) return false;
        await writeAudit(tx, ctx, { action: 'account.register_attempt', recordType: 'account', after: { corporateNumber: body.company.corporateNumber } });
        return true;
      });
      if (!allowed) throw new AppError('rate_limited', { retryAfterSeconds: registrationLimits.windowMinutes * 60 });
      const passwordHash = await hashPassword(body.account.password);
      return inTransaction(db, async (tx) => {
        await repo.lockRegistration(tx, ctx.ip ?? '', body.company.corporateNumber);
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
        const existing = await companies.findForRegistrationInTx(tx, body.company.corporateNumber);
        if (existing?.status === 'pending') {
          throw new AppError('duplicate', {
            fields: [
              {
                path: 'company.corporateNumber',
                code: 'corporate_number.registration_pending',
                message: {
                  ja: 'この法人番号の登録申請は既に人事院の承認待ちです。',
                  en: 'A registration for this corporate number is already awaiting approval by the NPA.',
                },
              },
            ],
          });
        }
        const companyId = existing
          ? existing.id
          : (await companies.createInTx(tx, { ...body.company }, ctx, { status: 'pending', fieldPrefix: 'company.' })).id;
        const account = await repo.insert(tx, {
          email: body.account.email,
          displayName: body.account.displayName,
          passwordHash,
          role: 'company_hr',
          companyId,
          status: 'pending',
        });
        await writeAudit(tx, ctx, {
          action: 'account.register',
          recordType: 'account',
          recordId: account.id,
          after: {
            email: account.email,
            role: account.role,
            companyId,
            status: 'pending',
            company: existing ? 'claimed' : 'created',
            companyStatus: existing?.status ?? 'pending',
            // What the registrant typed, for the NPA to compare with the directory on a claim.
            ...(existing ? { submittedCompanyName: body.company.name } : {}),
          },
        });
        return { accountId: account.id, companyId, status: 'pending' as const };
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
        // Approval brings the company into the directory (a new one, or an archived one that was
        // claimed). Rejection archives only a company this registration created (still pending);
        // a claimed company is left as it was, and can be claimed again later.
        const company = account.companyId ? await companies.statusInTx(tx, account.companyId) : undefined;
        let companyStatus = company?.status ?? null;
        if (company) {
          const next = decision === 'approve' ? (company.status !== 'active' ? 'active' : null) : company.status === 'pending' ? 'archived' : null;
          if (next) {
            await companies.setStatusInTx(tx, company.id, next, ctx);
            companyStatus = next;
          }
        }
        await writeAudit(tx, ctx, {
          action: `account.${decision}`,
          recordType: 'account',
          recordId: accountId,
          before: { status: account.status, companyStatus: company?.status ?? null },
          after: { status, companyStatus },
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
