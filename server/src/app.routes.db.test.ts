// Route inventory, authorisation matrix and hostile input, over every route the app declares.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from './db/client.ts';
import { tableOrder } from './db/schema.ts';
import { permissions, roleHas } from './platform/permissions.ts';
import { roles, type Role } from './platform/context.ts';
import { createCompany, createPerson, loginAs, orgId, testApp, type Session, type TestApp } from './test/app.ts';

let t: TestApp;
const sessions = {} as Record<Role, Session>;
let ownCompany = 0;
let otherCompany = 0;
let meti = 0;
let otherPerson = 0;

beforeAll(async () => {
  t = await testApp();
  meti = await orgId(t, '経済産業省');
  ownCompany = await createCompany(t, '自社株式会社');
  otherCompany = await createCompany(t, '他社株式会社');
  otherPerson = await createPerson(t, await orgId(t, '財務省'));
  for (const role of roles) {
    sessions[role] = await loginAs(t, role, role === 'company_hr' ? { companyId: ownCompany } : undefined);
  }
});
afterAll(async () => t?.close());

const sample = (url: string) =>
  url.replace(':id', url.startsWith('/api/companies') ? String(otherCompany) : url.startsWith('/api/people') ? String(otherPerson) : url.startsWith('/api/organisations') ? String(meti) : '1');

describe('route inventory', () => {
  it('every API route declares a known permission', () => {
    const inv = t.app.routeInventory;
    expect(inv.length).toBeGreaterThan(15);
    for (const r of inv) expect(permissions).toContain(r.permission);
  });

  it('documents every API route in the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { paths: Record<string, Record<string, unknown>> };
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`)),
    );
    const missing = t.app.routeInventory.map((r) => `${r.method} ${r.url}`).filter((r) => !documented.has(r));
    expect(missing).toEqual([]);
  });

  it('refuses to register a route without a permission', async () => {
    const { buildApp } = await import('./app.ts');
    const { loadConfig } = await import('./platform/config.ts');
    const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent' }), database: t.db, logger: false });
    expect(() => app.get('/api/undeclared', async () => 'x')).toThrow(/declares no permission/);
    await app.close().catch(() => {});
  });
});

describe('authorisation matrix: every route × every role (and no login)', () => {
  it('allows exactly the roles the permission table grants', async () => {
    const failures: string[] = [];
    for (const r of t.app.routeInventory) {
      const url = sample(r.url);
      const method = r.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
      for (const role of [...roles, null]) {
        if (r.url === '/api/auth/logout' || r.url === '/api/auth/login') continue; // would end or replace the session
        const res = role
          ? await sessions[role].req(method, url, method === 'GET' ? undefined : {})
          : await t.app.inject({ method, url, ...(method === 'GET' ? {} : { payload: {} }) });
        const denied = res.statusCode === 401 || res.statusCode === 403;
        const shouldDeny = r.permission !== 'public' && (!role || !roleHas(role, r.permission));
        if (shouldDeny !== denied && !(denied && res.json().error?.code === 'forbidden' && r.url.startsWith('/api/people'))) {
          failures.push(`${method} ${url} as ${role ?? 'anonymous'}: ${res.statusCode} (expected ${shouldDeny ? 'denied' : 'allowed'})`);
        }
        if (res.statusCode >= 500) failures.push(`${method} ${url} as ${role}: ${res.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("a company's HR never sees or changes another company's record", async () => {
    const s = sessions.company_hr;
    expect((await s.req('GET', `/api/companies/${ownCompany}`)).statusCode).toBe(200);
    const read = await s.req('GET', `/api/companies/${otherCompany}`);
    expect(read.statusCode).toBe(404);
    expect(read.json().error.message.ja).toBeTruthy();
    expect((await s.req('PATCH', `/api/companies/${otherCompany}`, { name: '乗っ取り' })).statusCode).toBe(404);
    expect((await s.req('POST', `/api/companies/${otherCompany}/divisions`, { name: '不正部' })).statusCode).toBe(404);
    const list = (await s.req('GET', '/api/companies?pageSize=200')).json() as { items: { id: number }[] };
    expect(list.items.map((i) => i.id)).toEqual([ownCompany]);
  });

  it("a ministry's HR never reads another ministry's people", async () => {
    const res = await sessions.ministry_hr.req('GET', `/api/people/${otherPerson}`);
    expect(res.statusCode).toBe(404);
    const list = (await sessions.ministry_hr.req('GET', '/api/people?pageSize=200')).json() as { items: { organisationId: number }[] };
    for (const p of list.items) expect(p.organisationId).toBe(meti);
  });
});

async function snapshot(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tableOrder) {
    const r = rowsOf<{ n: number }>(await t.db.db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`));
    out[table] = r[0]!.n;
  }
  return out;
}

describe('hostile input on every write route: 4xx with ja/en, never 500, nothing written', () => {
  it('bad JSON, wrong types, unknown fields, oversized fields', async () => {
    const npa = sessions.npa;
    const writes = t.app.routeInventory.filter((r) => r.method !== 'GET' && r.url !== '/api/auth/logout');
    expect(writes.length).toBeGreaterThan(5);
    const before = await snapshot();
    const failures: string[] = [];
    const huge = 'あ'.repeat(300_000);
    const bodies: [string, string | object, string?][] = [
      ['bad json', '{"name": ', 'application/json'],
      ['wrong types', { name: 42, email: [], corporateNumber: { x: 1 }, locale: 7, company: 'x', account: 3 }],
      ['unknown field', { sneaky: true }],
      ['oversized', { name: huge, email: huge, password: huge, locale: huge, company: { name: huge }, account: { email: huge } }],
      ['not json', 'plain text', 'text/plain'],
      ['NUL character', { name: 'a\u0000b', email: 'a\u0000b@x.jp', password: 'x\u0000', locale: 'ja\u0000', company: { name: 'a\u0000' }, account: { email: 'a\u0000@x.jp' } }],
      ['lone surrogate', '{"name":"x\\ud800y","email":"\\udc00@x.jp","locale":"\\ud800","company":{"name":"\\ud800"},"account":{"displayName":"\\ud800"}}', 'application/json'],
    ];
    for (const r of writes) {
      const url = r.url.replace(':id', String(ownCompany));
      for (const [label, body, type] of bodies) {
        const res = await t.app.inject({
          method: r.method as 'POST',
          url,
          headers: { cookie: npa.cookie, 'x-csrf-token': npa.csrf, ...(type ? { 'content-type': type } : {}) },
          payload: typeof body === 'string' ? body : JSON.stringify(body),
        });
        const ok = res.statusCode >= 400 && res.statusCode < 500;
        const err = ok ? (res.json() as { error?: { code?: string; message?: { ja?: string; en?: string } } }).error : undefined;
        if (!ok || !err?.code || !err.message?.ja || !err.message?.en) {
          failures.push(`${r.method} ${url} ${label}: ${res.statusCode} ${res.body.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
    const after = await snapshot();
    // Reading the session for each request writes nothing; only the audit of reads may grow (none here).
    expect(after).toEqual(before);
  });

  it('NUL and lone surrogates in query strings are refused with 400, never 500', async () => {
    const npa = sessions.npa;
    for (const url of ['/api/companies?q=%00abc', '/api/companies?industry=%00', '/api/audit?recordId=%00', '/api/people?q=a%00b']) {
      const res = await npa.req('GET', url);
      expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.json().error.message.ja, url).toBeTruthy();
    }
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a\u0000b@x.jp', password: 'x' } });
    expect(login.statusCode).toBe(400);
    expect(login.json().error.fields[0].code).toBe('text.invalid_characters');
  });

  it('personal data is never cacheable, however the URL is spelled', async () => {
    const res = await sessions.ministry_hr.req('GET', '/%61pi/people');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('a validation error names each field in both languages', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/registrations',
      payload: {
        company: { corporateNumber: '8000012050002', name: '', legalTypeCode: 'kabushiki_kaisha' },
        account: { email: 'not-an-email', displayName: 'x', password: 'short' },
      },
    });
    expect(res.statusCode).toBe(400);
    const fields = (res.json() as { error: { fields: { path: string; code: string; message: { ja: string; en: string } }[] } }).error.fields;
    const byPath = Object.fromEntries(fields.map((f) => [f.path, f]));
    expect(byPath['company.corporateNumber']?.code).toBe('corporate_number.check_digit');
    expect(byPath['company.corporateNumber']?.message.ja).toContain('チェックデジット');
    expect(byPath['account.email']?.code).toBe('email.format');
    expect(byPath['account.password']?.message.en).toContain('12');
    expect(byPath['company.name']).toBeTruthy();
  });
});
