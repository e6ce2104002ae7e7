import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.ts';
import { createAccount, login, loginAs, orgId, PASSWORD, testApp, type TestApp } from '../../test/app.ts';
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
