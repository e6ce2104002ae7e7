// Sessions (fixation, logout, idle and absolute timeouts on a fake clock, suspension, cookie
// flags), CSRF on every write route, and the login / registration rate limits (ADR 004).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/client.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../platform/config.ts';
import { roles } from '../platform/context.ts';
import { createAccount as createScoped, createCompany, createPerson, login, loginAs, newCorporateNumber, PASSWORD, testApp, type Session, type TestApp } from '../test/app.ts';
import type { Role } from '../platform/context.ts';
import { isBareError, tableChecksums } from './fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
}, 120_000);
afterAll(async () => t?.close());
afterEach(() => vi.useRealTimers());

const MIN = 60_000;
/** An account of the role with a real scope (a company of its own, a person of its own). */
async function createAccount(_t: TestApp, role: Role, scope: { organisationId?: number }) {
  if (role === 'company_hr') return createScoped(t, role, { companyId: await createCompany(t) });
  if (role === 'participant') return createScoped(t, role, { personId: await createPerson(t, 23) });
  return createScoped(t, role, scope);
}
const sidOf = (res: { cookies: { name: string; value: string }[] }) => res.cookies.find((c) => c.name === 'koryu_sid')?.value;
const sessionRows = async (accountId: number) =>
  Number(rowsOf<{ n: number }>(await t.db.db.execute(sql`select count(*)::int as n from sessions where account_id = ${accountId}`))[0]!.n);
const get = (cookie: string, url = '/api/dashboard') => t.app.inject({ method: 'GET', url, headers: { cookie } });

describe('sessions', () => {
  it('fixation: a cookie the attacker planted is not accepted, and login issues a new id', async () => {
    const a = await createAccount(t, 'ministry_hr', { organisationId: 23 });
    const planted = 'attacker-chosen-session-id-0123456789abcdef';
    const before = await get(`koryu_sid=${planted}`, '/api/auth/session');
    expect(before.json()).toEqual({ account: null, csrfToken: null });
    expect(before.cookies.find((c) => c.name === 'koryu_sid')?.value).toBe(''); // cleared
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { cookie: `koryu_sid=${planted}` }, payload: { email: a.email, password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const sid = sidOf(res)!;
    expect(sid).not.toBe(planted);
    expect(sid.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    expect((await get(`koryu_sid=${planted}`)).statusCode).toBe(401);
    expect((await get(`koryu_sid=${sid}`)).statusCode).toBe(200);
    // Only the hash is stored: the cookie value is nowhere in the table.
    const stored = rowsOf<{ id: string }>(await t.db.db.execute(sql`select id from sessions where account_id = ${a.id}`));
    expect(stored.map((r) => r.id)).not.toContain(sid);
  });

  it('fixation: logging in again from a logged-in browser replaces the session', async () => {
    const a = await createAccount(t, 'company_hr', {});
    const first = await login(t, a.email);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { cookie: first.cookie, 'x-csrf-token': first.csrf },
      payload: { email: a.email, password: PASSWORD },
    });
    expect(again.statusCode).toBe(200);
    expect(`koryu_sid=${sidOf(again)}`).not.toBe(first.cookie);
    expect((await get(first.cookie)).statusCode).toBe(401);
    expect(await sessionRows(a.id)).toBe(1);
  });

  it('logout deletes the session on the server: the old cookie gets 401', async () => {
    const a = await createAccount(t, 'npa', { organisationId: 3 });
    const s = await login(t, a.email);
    expect((await get(s.cookie)).statusCode).toBe(200);
    const out = await s.req('POST', '/api/auth/logout');
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'koryu_sid')?.value).toBe('');
    expect(await sessionRows(a.id)).toBe(0);
    const replay = await get(s.cookie);
    expect(replay.statusCode).toBe(401);
    expect(isBareError(replay.body)).toBe(true);
    expect((await s.req('PUT', '/api/auth/locale', { locale: 'en' })).statusCode).toBe(401);
  });

  it('idle timeout (30 min) on a fake clock: activity keeps the session, 30 idle minutes end it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.now();
    const a = await createAccount(t, 'participant', {});
    const s = await login(t, a.email);
    vi.setSystemTime(t0 + 29 * MIN);
    expect((await get(s.cookie)).statusCode).toBe(200); // touches the session
    vi.setSystemTime(t0 + 58 * MIN); // 58 min after login, 29 after the last request
    expect((await get(s.cookie)).statusCode).toBe(200);
    vi.setSystemTime(t0 + 88 * MIN + 1000); // 30 min and a second idle
    const res = await get(s.cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatchObject({ ja: expect.any(String), en: expect.any(String) });
    expect(await sessionRows(a.id)).toBe(0);
  });

  it('absolute timeout (12 h) on a fake clock: ends a session in constant use', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const t0 = Date.now();
    const a = await createAccount(t, 'center', { organisationId: 4 });
    const s = await login(t, a.email);
    for (let m = 25; m < 12 * 60; m += 25) {
      vi.setSystemTime(t0 + m * MIN);
      const r = await get(s.cookie);
      if (r.statusCode !== 200) throw new Error(`ended early at ${m} min: ${r.statusCode}`);
    }
    vi.setSystemTime(t0 + 12 * 60 * MIN + 1000);
    expect((await get(s.cookie)).statusCode).toBe(401);
  });

  it('suspending an account ends all of its sessions at their next request', async () => {
    const a = await createAccount(t, 'ministry_hr', { organisationId: 23 });
    const s1 = await login(t, a.email);
    const s2 = await login(t, a.email);
    expect((await get(s1.cookie)).statusCode).toBe(200);
    await t.db.db.execute(sql`update accounts set status = 'disabled' where id = ${a.id}`);
    expect((await get(s1.cookie)).statusCode).toBe(401);
    expect((await get(s2.cookie)).statusCode).toBe(401);
    expect(await sessionRows(a.id)).toBe(0);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: a.email, password: PASSWORD } });
    expect(again.statusCode).toBe(403);
    expect(again.json().error.code).toBe('account_disabled');
  });

  it('cookie flags: HttpOnly, SameSite=Lax, Path=/; Secure over TLS behind a trusted proxy', async () => {
    const a = await createAccount(t, 'npa', { organisationId: 3 });
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: a.email, password: PASSWORD } });
    const c = res.cookies.find((x) => x.name === 'koryu_sid')!;
    expect(c).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(c.secure).toBeFalsy(); // plain http: a Secure cookie would never come back
    const proxied = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', KORYU_TRUST_PROXY: '1', KORYU_WEB_DIST: '/nonexistent' }), database: t.db, logger: false });
    try {
      const tls = await proxied.inject({ method: 'POST', url: '/api/auth/login', headers: { 'x-forwarded-proto': 'https' }, payload: { email: a.email, password: PASSWORD } });
      expect(tls.statusCode).toBe(200);
      expect(tls.cookies.find((x) => x.name === 'koryu_sid')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: true });
      expect(tls.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    } finally {
      await proxied.close();
    }
  });
});

export const csrfCounts = { routes: 0, requests: 0 };

describe('CSRF: every write route', () => {
  // The check runs before the permission and the record scope, so two roles are enough.
  const csrfRoles = ['npa', 'company_hr'] as const;
  const sessions = {} as Record<(typeof roles)[number], Session>;
  beforeAll(async () => {
    for (const role of roles) sessions[role] = await loginAs(t, role);
  }, 60_000);

  it('without the token, with another session’s token, or from a foreign Origin: 403 csrf_failed, ja/en, nothing written', async () => {
    const writes = t.app.routeInventory.filter((r) => r.method !== 'GET');
    csrfCounts.routes = writes.length;
    expect(writes.length).toBeGreaterThan(90);
    const before = await tableChecksums(t, ['sessions', 'login_attempts']);
    const failures: string[] = [];
    for (const r of writes) {
      const url = r.url.replace(/:(\w+)/g, (_m, n: string) => (n === 'slug' ? 'faq' : n === 'key' ? 'k' : '1'));
      for (const role of csrfRoles) {
        const s = sessions[role];
        const stolen = sessions[role === 'npa' ? 'center' : 'npa'].csrf;
        const variants: [string, Record<string, string>][] = [
          ['no token', { cookie: s.cookie }],
          ['another session’s token', { cookie: s.cookie, 'x-csrf-token': stolen }],
          ['foreign origin', { cookie: s.cookie, 'x-csrf-token': s.csrf, origin: 'https://evil.example' }],
        ];
        for (const [label, headers] of variants) {
          const res = await t.app.inject({ method: r.method as 'POST', url, headers: { ...headers, 'content-type': 'application/json' }, payload: '{}' });
          csrfCounts.requests++;
          if (res.statusCode !== 403 || res.json().error?.code !== 'csrf_failed' || !isBareError(res.body)) {
            failures.push(`${r.method} ${url} as ${role}, ${label}: ${res.statusCode} ${res.body.slice(0, 120)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await tableChecksums(t, ['sessions', 'login_attempts'])).toEqual(before);
    // And the same session with its own token gets through the CSRF check (the test can fail).
    expect((await sessions.npa.req('PUT', '/api/auth/locale', { locale: 'ja' })).statusCode).toBe(204);
    console.log(`csrf: ${csrfCounts.routes} write routes × ${csrfRoles.length} roles × 3 variants = ${csrfCounts.requests} requests refused`);
  }, 180_000); // ~8 s alone; generous for a busy CI runner
});

describe('rate limits (login per IP and per e-mail, registration per IP)', () => {
  const attempt = (email: string, ip: string, password = 'wrong password 123', headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, headers, payload: { email, password } });

  it('5 failures for one e-mail: 423 with Retry-After, same for an unknown e-mail; the other IP is locked too (per account)', async () => {
    const a = await createAccount(t, 'company_hr', {});
    for (let i = 0; i < 5; i++) expect((await attempt(a.email, '10.0.0.1')).statusCode).toBe(401);
    const locked = await attempt(a.email, '10.0.0.2', PASSWORD); // right password, other IP
    expect(locked.statusCode).toBe(423);
    expect(locked.headers['retry-after']).toBe('900');
    expect(isBareError(locked.body)).toBe(true);
    for (let i = 0; i < 5; i++) await attempt('nobody@test.koryu.jp', '10.0.0.3');
    const unknown = await attempt('nobody@test.koryu.jp', '10.0.0.3');
    expect(unknown.statusCode).toBe(423);
    expect(unknown.json().error.code).toBe(locked.json().error.code);
    // Another account from the first IP is not affected (the lock is per account).
    const b = await createAccount(t, 'company_hr', {});
    expect((await attempt(b.email, '10.0.0.1', PASSWORD)).statusCode).toBe(200);
    // After the window (fake clock), the account logs in again.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 16 * MIN);
    expect((await attempt(a.email, '10.0.0.2', PASSWORD)).statusCode).toBe(200);
  });

  it('30 failures from one IP: 429 with Retry-After and ja/en; another IP is not limited; X-Forwarded-For does not escape it', async () => {
    const ip = '10.0.1.1';
    for (let i = 0; i < 30; i++) {
      const r = await attempt(`user${i % 10}-${i}@test.koryu.jp`, ip);
      if (r.statusCode !== 401) throw new Error(`attempt ${i}: ${r.statusCode}`);
    }
    const a = await createAccount(t, 'npa', { organisationId: 3 });
    const limited = await attempt(a.email, ip, PASSWORD);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('900');
    expect(limited.json().error.code).toBe('rate_limited');
    expect(isBareError(limited.body)).toBe(true);
    expect((await attempt(a.email, ip, PASSWORD, { 'x-forwarded-for': '192.0.2.7' })).statusCode).toBe(429);
    expect((await attempt(a.email, '10.0.1.2', PASSWORD)).statusCode).toBe(200);
  });

  it('registration: 10 attempts per IP per hour, then 429 with Retry-After', async () => {
    const ip = '10.0.2.1';
    const body = (i: number) => ({
      company: { corporateNumber: newCorporateNumber(), name: `登録試験${i}株式会社`, legalTypeCode: 'kabushiki_kaisha' },
      account: { email: `reg${i}-${Date.now()}@test.koryu.jp`, displayName: '登録 試験', password: 'a long enough password' },
    });
    for (let i = 0; i < 10; i++) {
      const r = await t.app.inject({ method: 'POST', url: '/api/registrations', remoteAddress: ip, payload: body(i) });
      if (r.statusCode !== 201) throw new Error(`registration ${i}: ${r.statusCode} ${r.body}`);
    }
    const limited = await t.app.inject({ method: 'POST', url: '/api/registrations', remoteAddress: ip, payload: body(10) });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('3600');
    expect(isBareError(limited.body)).toBe(true);
    expect((await t.app.inject({ method: 'POST', url: '/api/registrations', remoteAddress: '10.0.2.2', payload: body(11) })).statusCode).toBe(201);
  });
});
