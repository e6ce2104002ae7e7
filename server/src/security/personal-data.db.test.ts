// No personal data in URLs or logs.
// (a) No route takes a personal field (name, e-mail, birth date, phone, address, My Number) as a
//     path or query parameter; the free-text searches (`q`) that may hold a name are listed, and
//     their query strings are never logged. The web app builds no link or navigation from them.
// (b) A scripted session writes and reads people, accounts, applications, wish sheets and threads
//     with marker values in every personal field, with validation errors and a failed login by
//     e-mail, while every log line the server writes (debug level, production serializers) is
//     captured: no marker appears.
import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.ts';
import { people } from '../db/schema.ts';
import { loadConfig } from '../platform/config.ts';
import { createAccount, createCompany, newCorporateNumber, PASSWORD, testApp, type TestApp } from '../test/app.ts';

let t: TestApp;
let app: FastifyInstance;
const lines: string[] = [];

const M = {
  family: 'ＭＫ姓ヤマダス',
  given: 'ＭＫ名ハナコス',
  kana: 'マーカーカナス',
  birth: '1961-07-29',
  email: 'mk.person.zq7@example.jp',
  accountEmail: 'mk.account.zq7@example.jp',
  displayName: 'ＭＫ表示名',
  phone: '090-7341-2968',
  address: '東京都ＭＫ区マーカー町9-9-9',
  myNumber: '739182645012',
  contactName: 'ＭＫ担当者',
  contactEmail: 'mk.contact.zq7@example.jp',
};
const markers = Object.values(M);

beforeAll(async () => {
  t = await testApp();
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      cb();
    },
  });
  // As in production (server/src/main.ts: buildApp({ config, database })), at debug level.
  app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'debug', KORYU_WEB_DIST: '/nonexistent' }), database: t.db, logger: { stream } });
  await app.ready();
}, 120_000);
afterAll(async () => {
  await app?.close();
  await t?.close();
});

const PERSONAL = /name|email|mail|birth|phone|tel|address|addr|kana|my.?number|individual/i;
/** Free-text searches: a user may type a name. Never logged (app.ts logRequest), never linked to. */
const freeTextSearches: Record<string, string> = {
  q: 'free-text search; the query string is left out of every log line and the answers are no-store',
};

describe('(a) no personal data in URLs', () => {
  it('no path or query parameter of any route names a personal field', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    const params = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops).flatMap(([m, op]) => (op.parameters ?? []).filter((x) => x.in === 'query' || x.in === 'path').map((x) => ({ route: `${m.toUpperCase()} ${p}`, name: x.name }))),
    );
    expect(params.length).toBeGreaterThan(200);
    const offending = params.filter((x) => PERSONAL.test(x.name) && x.name !== 'filename' /* an uploaded file's name */).map((x) => `${x.route} ${x.name}`);
    expect(offending).toEqual([]);
    const freeText = params.filter((x) => x.name in freeTextSearches);
    expect(freeText.length).toBeGreaterThan(5); // listed in docs/reliability.md
    console.log(`urls: ${params.length} path and query parameters, ${offending.length} personal; ${freeText.length} free-text searches (q)`);
  });

  it('the web app builds no link, navigation or search parameter from a personal field', () => {
    const root = path.resolve('web/src');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const f = path.join(d, e.name);
        if (e.isDirectory()) walk(f);
        else if (/\.(tsx?|jsx?)$/.test(e.name) && !/\.test\./.test(e.name)) files.push(f);
      }
    };
    walk(root);
    const field = /\.(email|contactEmail|familyName|givenName|familyNameKana|givenNameKana|birthDate|phone|contactPhone|contactName|address|displayName)\b/;
    const hits: string[] = [];
    for (const f of files) {
      const src = fs.readFileSync(f, 'utf8').split('\n');
      src.forEach((line, i) => {
        // Router links, navigation and search params; mailto:/tel: links are the user's own action, not a URL of the site.
        for (const m of line.matchAll(/(?:navigate\(|to=\{|setSearchParams\(|setParams\(|new URLSearchParams\()([^)]*)/g)) {
          if (field.test(m[1]!)) hits.push(`${path.relative(root, f)}:${i + 1}: ${line.trim()}`);
        }
      });
    }
    expect(files.length).toBeGreaterThan(50);
    expect(hits).toEqual([]);
    console.log(`web: ${files.length} source files scanned, ${hits.length} links or navigations built from a personal field`);
  });
});

describe('(b) no personal data in the logs', () => {
  it('a scripted session with markers in every personal field leaves none in any log line', async () => {
    const req = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
      app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
    const loginAt = async (email: string) => {
      const r = await req('POST', '/api/auth/login', { email, password: PASSWORD });
      expect(r.statusCode, r.body).toBe(200);
      const cookie = `koryu_sid=${r.cookies.find((c) => c.name === 'koryu_sid')!.value}`;
      const csrf = r.json().csrfToken as string;
      return (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => req(method, url, payload, { cookie, 'x-csrf-token': csrf });
    };
    // People with markers in every personal field.
    const [p] = await t.db.db
      .insert(people)
      .values({ kind: 'official', familyName: M.family, givenName: M.given, familyNameKana: M.kana, givenNameKana: M.kana, birthDate: M.birth, email: M.email, organisationId: 23 })
      .returning({ id: people.id });
    const npa = await loginAt((await createAccount(t, 'npa', { organisationId: 3 })).email);
    const meti = await loginAt((await createAccount(t, 'ministry_hr', { organisationId: 23 })).email);
    const companyId = await createCompany(t, 'マーカー試験株式会社');
    const hr = await loginAt((await createAccount(t, 'company_hr', { companyId })).email);

    const statuses: number[] = [];
    const run = async (p: Promise<{ statusCode: number }>) => statuses.push((await p).statusCode);
    // Reads of the person (detail, search by name, by e-mail), by the NPA and the ministry.
    await run(npa('GET', `/api/people/${p!.id}`));
    await run(meti('GET', `/api/people/${p!.id}`));
    await run(meti('GET', `/api/people?q=${encodeURIComponent(M.family)}`));
    await run(npa('GET', `/api/people?q=${encodeURIComponent(M.email)}`));
    await run(npa('GET', `/api/criteria/screening?q=${encodeURIComponent(M.given)}`));
    await run(npa('GET', `/api/exchanges/cases?q=${encodeURIComponent(M.family)}`));
    // Registration with a personal e-mail and name; then the same e-mail again (duplicate), and invalid.
    const registration = (email: string) => ({
      company: { corporateNumber: newCorporateNumber(), name: 'マーカー登録株式会社', legalTypeCode: 'kabushiki_kaisha' },
      account: { email, displayName: M.displayName, password: 'a long enough password' },
    });
    await run(req('POST', '/api/registrations', registration(M.accountEmail)));
    await run(req('POST', '/api/registrations', registration(M.accountEmail)));
    await run(req('POST', '/api/registrations', registration(`${M.accountEmail}@@invalid ${M.phone}`)));
    // Failed logins with the e-mail (unknown password, pending account, unknown address, invalid), then a lockout.
    for (let i = 0; i < 6; i++) await run(req('POST', '/api/auth/login', { email: M.accountEmail, password: `wrong ${M.myNumber}` }));
    await run(req('POST', '/api/auth/login', { email: M.contactEmail, password: 'whatever password' }));
    await run(req('POST', '/api/auth/login', { email: `${M.family}`, password: '' }));
    // A company's application with contact details, valid and invalid.
    const application = (over: Record<string, unknown> = {}) => ({
      wantsDispatch: true, wantsHire: false, divisions: '研究開発本部', conditions: `住所 ${M.address}`,
      contactName: M.contactName, contactEmail: M.contactEmail, contactPhone: M.phone, ...over,
    });
    await run(hr('POST', '/api/call-applications', application({ contactEmail: `${M.contactEmail} not valid`, contactPhone: `${M.phone}x${M.myNumber}` })));
    await run(hr('POST', '/api/call-applications', application()));
    await run(hr('GET', '/api/call-applications/mine'));
    await run(npa('GET', '/api/call-applications'));
    await run(npa('GET', '/api/roster'));
    // A wish sheet whose notes hold a name, an e-mail and a phone number; an invalid one; then read back.
    const sheet = {
      kind: 'company', companyId, industryCode: 'G', prefectureCode: '13', title: '受入れ', wantedMinistries: ['meti'],
      hosts: [{ place: 'DX推進部', fields: ['digital'], duties: '分析', skills: ['SQL'], ageBands: ['30s'] }],
      sends: [{ fields: ['policy'], skills: ['クラウド'], ageBand: '30s', positionLevel: 'chief' }],
      periodMonths: { min: 12, max: 36 }, start: { from: '2026-07', to: '2027-03' },
      notes: `担当: ${M.contactName} ${M.contactEmail} ${M.phone} ${M.address}`,
    };
    const created = await hr('POST', '/api/wishes', sheet);
    statuses.push(created.statusCode);
    await run(hr('POST', '/api/wishes', { ...sheet, start: { from: M.birth, to: M.myNumber } }));
    if (created.statusCode === 201) {
      await run(hr('GET', `/api/wishes/${created.json().id}`));
      await run(hr('POST', `/api/wishes/${created.json().id}/publish`, {}));
    }
    // The audit trail and the outbox, where personal data is recorded.
    await run(npa('GET', '/api/audit?pageSize=200'));
    await run(npa('GET', '/api/mail/outbox'));
    // Bad JSON with a marker, an unknown route with a marker in the path and the query.
    await run(hr('POST', '/api/call-applications', `{"contactEmail":"${M.contactEmail}",`));
    await run(req('GET', `/api/no-such/${encodeURIComponent(M.family)}?email=${encodeURIComponent(M.email)}`));
    await run(req('GET', `/people/${encodeURIComponent(M.email)}?q=${encodeURIComponent(M.family)}`));

    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s < 300).length).toBeGreaterThan(10); // the session did real work
    expect(statuses.filter((s) => s >= 400).length).toBeGreaterThan(10); // and hit the error paths
    expect(lines.length).toBeGreaterThan(50);
    const leaks = lines.flatMap((l) => markers.filter((m) => l.includes(m) || l.includes(encodeURIComponent(m))).map((m) => `${m}: ${l.slice(0, 300)}`));
    expect(leaks).toEqual([]);
    console.log(`logs: ${statuses.length} requests (${statuses.filter((s) => s >= 400).length} refused), ${lines.length} log lines at debug level, ${markers.length} markers, 0 found`);
  });
});
