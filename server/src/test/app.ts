// Builds the app on a fresh test database and offers helpers to act as each role.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../platform/config.ts';
import { systemContext, type Role } from '../platform/context.ts';
import { freshDatabase, type TestDb } from './db.ts';
import { eq } from 'drizzle-orm';
import { organisations } from '../db/schema.ts';
import { makeCorporateNumber } from '../../../common/src/corporate-number.ts';

export type TestApp = { app: FastifyInstance; db: TestDb; close: () => Promise<void> };

export async function testApp(env: Record<string, string> = {}): Promise<TestApp> {
  const db = await freshDatabase();
  const config = { ...loadConfig({ ...process.env, LOG_LEVEL: 'silent', KORYU_WEB_DIST: '/nonexistent', ...env }) };
  const app = await buildApp({ config, database: db, logger: false });
  await app.ready();
  return {
    app,
    db,
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

export const PASSWORD = 'correct horse battery staple';

export type Session = {
  cookie: string;
  csrf: string;
  accountId: number;
  req: (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
};

let seq = 0;
/** A base number per run keeps generated 法人番号 unique across files sharing a PostgreSQL template. */
export function newCorporateNumber(): string {
  seq++;
  return makeCorporateNumber(String(900_000_000_000 + process.pid * 1000 + seq).slice(-12).padStart(12, '0'));
}

export async function orgId(t: TestApp, nameJa: string): Promise<number> {
  const r = await t.db.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.nameJa, nameJa));
  if (!r[0]) throw new Error(`no organisation ${nameJa}`);
  return r[0].id;
}

export async function createCompany(t: TestApp, name = 'テスト株式会社'): Promise<number> {
  const c = await t.app.services.companies.create(
    { corporateNumber: newCorporateNumber(), name, legalTypeCode: 'kabushiki_kaisha', capitalYen: 10_000_000, employees: 20 },
    { ...systemContext('test'), actor: { accountId: 0, role: 'npa', displayName: 'seed', organisationId: null, companyId: null, personId: null, locale: 'ja' } },
  );
  return c.id;
}

export async function createAccount(
  t: TestApp,
  role: Role,
  scope: { organisationId?: number; companyId?: number; personId?: number } = {},
  email = `${role}-${Math.random().toString(36).slice(2)}@test.koryu.jp`,
) {
  return t.app.services.accounts.createAccount({ email, displayName: role, password: PASSWORD, role, ...scope }, systemContext('test'));
}

export async function login(t: TestApp, email: string, password = PASSWORD): Promise<Session> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'koryu_sid');
  const body = res.json() as { csrfToken: string; account: { id: number } };
  const cookieHeader = `koryu_sid=${cookie!.value}`;
  return {
    cookie: cookieHeader,
    csrf: body.csrfToken,
    accountId: body.account.id,
    req: (method, url, payload, headers = {}) =>
      t.app.inject({
        method,
        url,
        headers: { cookie: cookieHeader, 'x-csrf-token': body.csrfToken, ...headers },
        ...(payload !== undefined ? { payload: payload as object } : {}),
      }),
  };
}

/** Logs in as a fresh account of the role, scoped to a real organisation/company. */
export async function loginAs(t: TestApp, role: Role, scope?: { organisationId?: number; companyId?: number; personId?: number }): Promise<Session> {
  let s = scope;
  if (!s) {
    if (role === 'npa') s = { organisationId: await orgId(t, '人事院') };
    else if (role === 'center') s = { organisationId: await orgId(t, '内閣府') };
    else if (role === 'ministry_hr') s = { organisationId: await orgId(t, '経済産業省') };
    else if (role === 'company_hr') s = { companyId: await createCompany(t) };
    else s = { personId: await createPerson(t, await orgId(t, '経済産業省')) };
  }
  const a = await createAccount(t, role, s);
  return login(t, a.email);
}

export async function createPerson(t: TestApp, organisationId: number): Promise<number> {
  const { people } = await import('../db/schema.ts');
  const r = await t.db.db.insert(people).values({ kind: 'official', familyName: '山田', givenName: '花子', organisationId }).returning({ id: people.id });
  return r[0]!.id;
}
