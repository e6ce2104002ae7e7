// Security headers on every answer: every GET route of the inventory (as a role allowed to call
// it), the web app's fallback page, a static asset, and the 400, 401, 403, 404, 413, 429 and 503
// paths. Anything not public is never cacheable.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { openDatabase } from '../db/client.ts';
import { loadConfig } from '../platform/config.ts';
import { roles, type Role } from '../platform/context.ts';
import { roleHas } from '../platform/permissions.ts';
import { loginAs, testApp, type Session, type TestApp } from '../test/app.ts';

let t: TestApp;
let web: string;
const sessions = {} as Record<Role, Session>;

beforeAll(async () => {
  web = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-web-'));
  fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>koryu</title>');
  fs.mkdirSync(path.join(web, 'assets'));
  fs.writeFileSync(path.join(web, 'assets', 'app-abc123.js'), 'console.log(1)');
  t = await testApp({ KORYU_WEB_DIST: web });
  for (const role of roles) sessions[role] = await loginAs(t, role);
}, 120_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(web, { recursive: true, force: true });
});

/** The headers every answer carries, whatever its status. */
function missingHeaders(res: LightMyRequestResponse, opts: { personal: boolean }): string[] {
  const h = res.headers;
  const out: string[] = [];
  const csp = String(h['content-security-policy'] ?? '');
  if (!csp.includes("default-src 'self'") || !csp.includes("frame-ancestors 'none'") || !csp.includes("object-src 'none'") || csp.includes("script-src 'self' 'unsafe-inline'")) out.push(`csp=${csp}`);
  if (h['x-content-type-options'] !== 'nosniff') out.push('x-content-type-options');
  if (h['x-frame-options'] !== 'DENY') out.push('x-frame-options');
  if (!['same-origin', 'no-referrer', 'strict-origin-when-cross-origin'].includes(String(h['referrer-policy']))) out.push('referrer-policy');
  if (!/max-age=\d{7,}/.test(String(h['strict-transport-security'] ?? ''))) out.push('strict-transport-security');
  if (opts.personal && !String(h['cache-control'] ?? '').includes('no-store')) out.push(`cache-control=${h['cache-control']}`);
  return out;
}

const sampleUrl = (url: string) => url.replace(/:(\w+)/g, (_m, n: string) => (n === 'slug' ? 'overview' : n === 'key' ? 'k' : n === 'reference' ? 'W-0001' : '1'));

export const headerCounts = { routes: 0, requests: 0 };

describe('security headers', () => {
  it('on every GET route of the inventory, as a role allowed to call it and anonymously', async () => {
    const failures: string[] = [];
    const gets = t.app.routeInventory.filter((r) => r.method === 'GET');
    headerCounts.routes = gets.length;
    for (const r of gets) {
      const role = roles.find((x) => roleHas(x, r.permission)) ?? 'npa';
      const url = sampleUrl(r.url);
      for (const res of [await sessions[role].req('GET', url), await t.app.inject({ method: 'GET', url })]) {
        headerCounts.requests++;
        // Only public answers may choose to be cached (published figures, reference data).
        const miss = missingHeaders(res, { personal: r.permission !== 'public' || res.statusCode >= 400 });
        if (miss.length) failures.push(`GET ${url} (${res.statusCode}): ${miss.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
    expect(gets.length).toBeGreaterThan(100);
    console.log(`headers: ${gets.length} GET routes, ${headerCounts.requests} answers checked`);
  });

  it('on the web app, its fallback page, a static asset, the API docs and the error paths', async () => {
    const npa = sessions.npa;
    const participant = sessions.participant;
    // One after another: a burst would only measure the database pool under load.
    const checks: [string, () => Promise<LightMyRequestResponse>, number, boolean][] = [
      ['top page', () => t.app.inject({ method: 'GET', url: '/' }), 200, false],
      ['fallback (client route)', () => t.app.inject({ method: 'GET', url: '/exchanges/cases/1' }), 200, false],
      ['static asset', () => t.app.inject({ method: 'GET', url: '/assets/app-abc123.js' }), 200, false],
      ['missing asset', () => t.app.inject({ method: 'GET', url: '/assets/missing.js' }), 200, false],
      ['openapi', () => t.app.inject({ method: 'GET', url: '/api/openapi.json' }), 200, false],
      ['api docs', () => t.app.inject({ method: 'GET', url: '/api/docs/' }), 200, false],
      ['404 api', () => t.app.inject({ method: 'GET', url: '/api/no-such-route' }), 404, true],
      ['404 non-GET', () => t.app.inject({ method: 'DELETE', url: '/nothing' }), 404, true],
      ['400 validation', () => npa.req('GET', '/api/companies?page=abc'), 400, true],
      ['400 bad json', () => npa.req('POST', '/api/companies', '{"x":', { 'content-type': 'application/json' }), 400, true],
      ['401', () => t.app.inject({ method: 'GET', url: '/api/dashboard' }), 401, true],
      ['403 permission', () => participant.req('GET', '/api/audit'), 403, true],
      ['403 csrf', () => t.app.inject({ method: 'PUT', url: '/api/auth/locale', headers: { cookie: npa.cookie }, payload: { locale: 'ja' } }), 403, true],
      ['413', () => npa.req('POST', '/api/companies', { name: 'x'.repeat(2_000_000) }), 413, true],
    ];
    const failures: string[] = [];
    for (const [label, send, status, personal] of checks) {
      const res = await send();
      if (res.statusCode !== status) failures.push(`${label}: status ${res.statusCode}, expected ${status}`);
      const miss = missingHeaders(res, { personal });
      if (miss.length) failures.push(`${label} (${res.statusCode}): ${miss.join(', ')}`);
    }
    // The fallback page is revalidated, never served stale after a deploy.
    expect((await t.app.inject({ method: 'GET', url: '/exchanges' })).headers['cache-control']).toBe('no-cache');
    expect(failures).toEqual([]);
  });

  it('on 429 (login rate limit), with Retry-After', async () => {
    let res: LightMyRequestResponse | undefined;
    for (let i = 0; i < 31; i++) {
      res = await t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: '10.9.9.9', payload: { email: `h${i}@test.koryu.jp`, password: 'wrong password 1' } });
    }
    expect(res!.statusCode).toBe(429);
    expect(missingHeaders(res!, { personal: true })).toEqual([]);
    expect(res!.headers['retry-after']).toBe('900');
  });

  it('on 503 when the database is unreachable', async () => {
    const down = await openDatabase({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', poolSize: 1 });
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', KORYU_WEB_DIST: '/nonexistent' }), database: down, logger: false });
    try {
      for (const req of [
        { method: 'GET' as const, url: '/api/health' },
        { method: 'GET' as const, url: '/api/companies', headers: { cookie: sessions.npa.cookie } },
        { method: 'GET' as const, url: '/api/public/wishes' },
      ]) {
        const res = await app.inject(req);
        expect(res.statusCode, req.url).toBe(503);
        expect(missingHeaders(res, { personal: true }), req.url).toEqual([]);
      }
    } finally {
      await app.close();
      await down.close().catch(() => {});
    }
  });
});
