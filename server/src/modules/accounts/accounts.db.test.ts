import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import { createAccount, createCompany, login, loginAs, newCorporateNumber, orgId, PASSWORD, testApp, type TestApp } from '../../test/app.ts';
import { loginLimits } from './accounts.service.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

describe('login, sessions, CSRF', () => {
  it('logs in, sets an HttpOnly SameSite cookie, and reports the session', async () => {
    const a = await createAccount(t, 'center', { organisationId: await orgId(t, '内閣府') });
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: a.email.toUpperCase(), password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'koryu_sid')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `koryu_sid=${c.value}` } });
    expect(me.json().account.role).toBe('center');
    expect(me.headers['cache-control']).toBe('no-store');
  });

  it('gives a new session id at every login and kills the old one on logout server-side', async () => {
    const a = await createAccount(t, 'npa', { organisationId: await orgId(t, '人事院') });
    const s1 = await login(t, a.email);
    const s2 = await login(t, a.email);
    expect(s1.cookie).not.toBe(s2.cookie);
    const out = await s2.req('POST', '/api/auth/logout');
    expect(out.statusCode).toBe(204);
    const after = await t.app.inject({ method: 'GET', url: '/api/dashboard', headers: { cookie: s2.cookie } });
    expect(after.statusCode).toBe(401);
    // The session row is gone, so replaying the cookie cannot work.
    const n = rowsOf<{ n: number }>(await t.db.db.execute(sql`select count(*)::int as n from sessions where account_id = ${s2.accountId}`));
    expect(n[0]!.n).toBe(1); // only s1 remains
  });

  it('refuses a state change without the CSRF token, or from a foreign Origin', async () => {
    const s = await loginAs(t, 'npa');
    const noToken = await t.app.inject({ method: 'PUT', url: '/api/auth/locale', headers: { cookie: s.cookie }, payload: { locale: 'en' } });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('csrf_failed');
    expect(noToken.json().error.message.ja).toMatch(/CSRF/);
    const foreign = await s.req('PUT', '/api/auth/locale', { locale: 'en' }, { origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    const ok = await s.req('PUT', '/api/auth/locale', { locale: 'en' });
    expect(ok.statusCode).toBe(204);
  });

  it('expires idle sessions', async () => {
    const s = await loginAs(t, 'npa');
    await t.db.db.execute(sql`update sessions set last_seen_at = now() - interval '2 hours'`);
    const res = await t.app.inject({ method: 'GET', url: '/api/dashboard', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(401);
  });

  it('expires sessions at the absolute timeout', async () => {
    const s = await loginAs(t, 'npa');
    await t.db.db.execute(sql`update sessions set expires_at = now() - interval '1 second'`);
    const res = await t.app.inject({ method: 'GET', url: '/api/dashboard', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(401);
  });

  it('locks an account after consecutive failures, even for the right password', async () => {
    const a = await createAccount(t, 'npa', { organisationId: await orgId(t, '人事院') });
    for (let i = 0; i < loginLimits.lockAfterConsecutiveFailures; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: a.email, password: 'wrong password!' }, remoteAddress: `10.0.0.${i}` });
      expect(r.statusCode).toBe(401);
      expect(r.json().error.message.en).toMatch(/incorrect/);
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: a.email, password: PASSWORD }, remoteAddress: '10.0.1.1' });
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.code).toBe('account_locked');
  });

  it('rate-limits one address with 429', async () => {
    const ip = '192.0.2.77';
    let last = 0;
    for (let i = 0; i <= loginLimits.maxFailuresPerIp; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: `nobody${i}@x.jp`, password: 'nope' }, remoteAddress: ip });
      last = r.statusCode;
    }
    expect(last).toBe(429);
  });

  it('lets at most lockAfterConsecutiveFailures of 40 parallel wrong logins through (the rest 423)', async () => {
    const a = await createAccount(t, 'npa', { organisationId: await orgId(t, '人事院') });
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: a.email, password: 'wrong password!' }, remoteAddress: `10.1.${i}.1` }),
      ),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(loginLimits.lockAfterConsecutiveFailures);
    expect(statuses.filter((s) => s !== 401 && s !== 423)).toEqual([]);
    const failed = rowsOf<{ n: number }>(await t.db.db.execute(sql`select count(*)::int as n from login_attempts where email = ${a.email} and not success`));
    expect(failed[0]!.n).toBeLessThanOrEqual(loginLimits.lockAfterConsecutiveFailures);
    const acc = rowsOf<{ failed_logins: number; locked_until: string | null }>(
      await t.db.db.execute(sql`select failed_logins, locked_until from accounts where id = ${a.id}`),
    );
    expect(acc[0]!.failed_logins).toBe(statuses.filter((s) => s === 401).length);
    expect(acc[0]!.locked_until).not.toBeNull();
    const locks = rowsOf<{ n: number }>(
      await t.db.db.execute(sql`select count(*)::int as n from audit_log where action = 'account.locked' and record_id = ${String(a.id)}`),
    );
    expect(locks[0]!.n).toBe(1);
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: a.email, password: PASSWORD }, remoteAddress: '10.1.99.1' });
    expect(right.statusCode).toBe(423);
  });

  it('answers wrong logins for an existing and an unknown e-mail with the same statuses and bodies', async () => {
    const a = await createAccount(t, 'npa', { organisationId: await orgId(t, '人事院') });
    const run = async (email: string, net: number) => {
      const out: { status: number; body: unknown }[] = [];
      for (let i = 0; i < loginLimits.lockAfterConsecutiveFailures + 1; i++) {
        const r = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: 'wrong password!' }, remoteAddress: `10.2.${net}.${i}` });
        const body = r.json() as { error: { requestId?: string } };
        delete body.error.requestId;
        out.push({ status: r.statusCode, body });
      }
      return out;
    };
    const known = await run(a.email, 1);
    const unknown = await run(`nobody-${Math.random().toString(36).slice(2)}@test.koryu.jp`, 2);
    expect(known.map((r) => r.status)).toEqual([...Array(loginLimits.lockAfterConsecutiveFailures).fill(401), 423]);
    expect(unknown).toEqual(known);
  });

  it('still rate-limits one address with 429 when the e-mails differ, even in parallel', async () => {
    const ip = '192.0.2.78';
    const results = await Promise.all(
      Array.from({ length: loginLimits.maxFailuresPerIp + 10 }, (_, i) =>
        t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: `par${i}@x.jp`, password: 'nope' }, remoteAddress: ip }),
      ),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBe(loginLimits.maxFailuresPerIp);
    expect(statuses.filter((s) => s === 429).length).toBe(10);
    expect(results.find((r) => r.statusCode === 429)!.json().error.code).toBe('rate_limited');
  });

  it('a successful login, or the end of the window, resets the failure count', async () => {
    const a = await createAccount(t, 'npa', { organisationId: await orgId(t, '人事院') });
    const attempt = (password: string, i: number) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: a.email, password }, remoteAddress: `10.3.0.${i}` });
    const n = loginLimits.lockAfterConsecutiveFailures;
    for (let i = 0; i < n - 1; i++) expect((await attempt('wrong password!', i)).statusCode).toBe(401);
    expect((await attempt(PASSWORD, 10)).statusCode).toBe(200);
    const acc = rowsOf<{ failed_logins: number }>(await t.db.db.execute(sql`select failed_logins from accounts where id = ${a.id}`));
    expect(acc[0]!.failed_logins).toBe(0);
    // The failures before the success no longer count: n more wrong attempts are answered 401, then 423.
    for (let i = 0; i < n; i++) expect((await attempt('wrong password!', 20 + i)).statusCode).toBe(401);
    expect((await attempt(PASSWORD, 30)).statusCode).toBe(423);
    // Once the failures are older than the window, the right password works again.
    await t.db.db.execute(
      sql`update login_attempts set at = now() - make_interval(mins => ${loginLimits.windowMinutes + 1}) where email = ${a.email}`,
    );
    expect((await attempt(PASSWORD, 40)).statusCode).toBe(200);
  });

  it('sends the security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['strict-transport-security']).toContain('max-age=');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('hashes passwords with argon2id', async () => {
    const a = await createAccount(t, 'npa', { organisationId: await orgId(t, '人事院') });
    expect(a.passwordHash.startsWith('$argon2id$')).toBe(true);
  });
});

describe('company HR self-registration (claim flow)', () => {
  let ipSeq = 0;
  const register = (corporateNumber: string, opts: { name?: string; ip?: string } = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/registrations',
      remoteAddress: opts.ip ?? `10.9.0.${++ipSeq}`,
      payload: {
        company: { corporateNumber, name: opts.name ?? '登録株式会社', legalTypeCode: 'kabushiki_kaisha' },
        account: { email: `hr-${Math.random().toString(36).slice(2)}@test.koryu.jp`, displayName: '人事 太郎', password: PASSWORD },
      },
    });
  const company = async (id: number) =>
    rowsOf<{ status: string; name: string }>(await t.db.db.execute(sql`select status, name from companies where id = ${id}`))[0]!;
  const account = async (id: number) =>
    rowsOf<{ status: string; company_id: number }>(await t.db.db.execute(sql`select status, company_id::int as company_id from accounts where id = ${id}`))[0]!;

  it('register → reject → register again (claim) → approve makes the company active', async () => {
    const npa = await loginAs(t, 'npa');
    const number = newCorporateNumber();
    const first = await register(number);
    expect(first.statusCode).toBe(201);
    const r1 = first.json() as { accountId: number; companyId: number };
    expect((await company(r1.companyId)).status).toBe('pending');
    expect((await npa.req('POST', `/api/registrations/${r1.accountId}/reject`)).statusCode).toBe(204);
    expect((await account(r1.accountId)).status).toBe('rejected');
    expect((await company(r1.companyId)).status).toBe('archived');

    const second = await register(number, { name: '別名株式会社' });
    expect(second.statusCode).toBe(201);
    const r2 = second.json() as { accountId: number; companyId: number };
    expect(r2.companyId).toBe(r1.companyId);
    expect(await company(r1.companyId)).toEqual({ status: 'archived', name: '登録株式会社' });
    const audit = rowsOf<{ after: { company: string } }>(
      await t.db.db.execute(sql`select after from audit_log where action = 'account.register' and record_id = ${String(r2.accountId)}`),
    );
    expect(audit[0]!.after.company).toBe('claimed');
    const pending = (await npa.req('GET', '/api/registrations')).json() as { items: { accountId: number; company: { status: string } }[] };
    expect(pending.items.find((i) => i.accountId === r2.accountId)?.company.status).toBe('archived');

    expect((await npa.req('POST', `/api/registrations/${r2.accountId}/approve`)).statusCode).toBe(204);
    expect((await account(r2.accountId)).status).toBe('active');
    expect((await company(r1.companyId)).status).toBe('active');
  });

  it('claims an active directory company without changing it; a rejected claim leaves it untouched', async () => {
    const npa = await loginAs(t, 'npa');
    const id = await createCompany(t, '名簿株式会社');
    const number = rowsOf<{ corporate_number: string }>(await t.db.db.execute(sql`select corporate_number from companies where id = ${id}`))[0]!.corporate_number;
    const res = await register(number, { name: '乗っ取り株式会社' });
    expect(res.statusCode).toBe(201);
    const r = res.json() as { accountId: number; companyId: number; status: string };
    expect(r).toMatchObject({ companyId: id, status: 'pending' });
    expect(await account(r.accountId)).toEqual({ status: 'pending', company_id: id });
    expect(await company(id)).toEqual({ status: 'active', name: '名簿株式会社' });
    expect((await npa.req('POST', `/api/registrations/${r.accountId}/reject`)).statusCode).toBe(204);
    expect((await account(r.accountId)).status).toBe('rejected');
    expect(await company(id)).toEqual({ status: 'active', name: '名簿株式会社' });
  });

  it('refuses a second registration while one for the same number awaits approval', async () => {
    const number = newCorporateNumber();
    expect((await register(number)).statusCode).toBe(201);
    const second = await register(number);
    expect(second.statusCode).toBe(409);
    const err = second.json().error as { code: string; fields: { path: string; message: { ja: string; en: string } }[] };
    expect(err.code).toBe('duplicate');
    const field = err.fields.find((f) => f.path === 'company.corporateNumber')!;
    expect(field.message.ja).toMatch(/承認待ち/);
    expect(field.message.en).toMatch(/awaiting approval/);
    // The same when both arrive at once.
    const fresh = newCorporateNumber();
    const both = await Promise.all([register(fresh), register(fresh)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((both.find((r) => r.statusCode === 409)!.json().error.fields as { path: string }[])[0]!.path).toBe('company.corporateNumber');
  });

  it('refuses the 11th registration from one address within an hour with 429 and writes nothing', async () => {
    const ip = '198.51.100.7';
    for (let i = 0; i < 10; i++) expect((await register(newCorporateNumber(), { ip })).statusCode).toBe(201);
    const count = async () =>
      rowsOf<{ a: number; c: number; l: number }>(
        await t.db.db.execute(
          sql`select (select count(*)::int from accounts) as a, (select count(*)::int from companies) as c, (select count(*)::int from audit_log) as l`,
        ),
      )[0]!;
    const before = await count();
    const eleventh = await register(newCorporateNumber(), { ip });
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().error.code).toBe('rate_limited');
    expect(await count()).toEqual(before);
    // Another address is not affected.
    expect((await register(newCorporateNumber(), { ip: '198.51.100.8' })).statusCode).toBe(201);
  });

  it('counts refused registrations too, so the endpoint cannot probe which e-mails exist', async () => {
    const ip = '198.51.100.9';
    const taken = await createAccount(t, 'npa', { organisationId: await orgId(t, '人事院') });
    const probe = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/registrations',
        remoteAddress: ip,
        payload: {
          company: { corporateNumber: newCorporateNumber(), name: '探索株式会社', legalTypeCode: 'kabushiki_kaisha' },
          account: { email: taken.email, displayName: '探索', password: PASSWORD },
        },
      });
    for (let i = 0; i < 10; i++) expect((await probe()).statusCode).toBe(409);
    expect((await probe()).statusCode).toBe(429);
    expect((await register(newCorporateNumber(), { ip })).statusCode).toBe(429);
  });
});
