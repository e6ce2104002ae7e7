// The public call (公募・応募・名簿) and consultations (事前相談) over the API: a company applies,
// the NPA accepts (the legal-entity type checked on the decision date, from the dated criteria
// parameter) or returns with a reason, the roster shows accepted applicants with its filters;
// one open application per company; scoping (others' records are 404); bilingual 4xx; audit rows.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, desc, eq } from 'drizzle-orm';
import { auditLog, callApplications, companies } from '../../db/schema.ts';
import { nameCore, normalizeForSearch } from '../../../../common/src/text.ts';
import { createCompany, loginAs, newCorporateNumber, orgId, testApp, type Session, type TestApp } from '../../test/app.ts';
import { todayInJapan } from '../../platform/time.ts';
import { expectBilingual } from '../../test/expect.ts';

let t: TestApp;
let npa: Session;
let center: Session;
let meti: Session; // ministry_hr of 経済産業省
let mof: Session; // ministry_hr of 財務省
let hr: Session; // company_hr of `own`
let hrOther: Session;
let hrAgency: Session; // company_hr of an 独立行政法人 (never eligible)
let hrFederation: Session; // company_hr of a 労働金庫連合会 (eligible from 2022-12-01)
let participant: Session;
let metiId = 0;
let own = 0;
let other = 0;
let agency = 0;
let federation = 0;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-public-call-'));
const clockFile = path.join(tmp, 'today');

const auditCount = async (action?: string) =>
  Number((await t.db.db.select({ n: count() }).from(auditLog).where(action ? eq(auditLog.action, action) : undefined))[0]!.n);
const lastAudit = async (action: string) => (await t.db.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0];

/** A company inserted directly: the registration API refuses types that are not eligible today. */
async function insertCompany(name: string, legalTypeCode: string) {
  const normalized = normalizeForSearch(name);
  const r = await t.db.db
    .insert(companies)
    .values({ corporateNumber: newCorporateNumber(), name, nameNormalized: normalized, nameCore: nameCore(normalized), legalTypeCode, status: 'active' })
    .returning({ id: companies.id });
  return r[0]!.id;
}

const application = (over: Record<string, unknown> = {}) => ({
  wantsDispatch: true,
  wantsHire: false,
  divisions: '研究開発本部、経営企画部',
  conditions: '期間は2年程度を希望',
  contactName: '人事 太郎',
  contactEmail: 'Jinji@Example.co.jp',
  contactPhone: '０３－１２３４－５６７８',
  ...over,
});

type RosterItem = { applicationId: number; companyId: number; companyName: string; wantsDispatch: boolean; wantsHire: boolean; contactEmail: string; acceptedAt: string };
const rosterIds = async (s: Session, query = '') => {
  const res = await s.req('GET', `/api/roster${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: RosterItem[] }).items.map((i) => i.companyId);
};

beforeAll(async () => {
  t = await testApp({ KORYU_CLOCK_FILE: clockFile });
  metiId = await orgId(t, '経済産業省');
  own = await createCompany(t, '名簿化学工業株式会社');
  other = await createCompany(t, '大阪情報サービス株式会社');
  await t.db.db.update(companies).set({ industryCode: 'E', prefectureCode: '13', employees: 800, capitalYen: 1_000_000_000 }).where(eq(companies.id, own));
  await t.db.db.update(companies).set({ industryCode: 'G', prefectureCode: '27', employees: 20, capitalYen: 10_000_000 }).where(eq(companies.id, other));
  agency = await insertCompany('独立行政法人テスト研究機構', 'incorporated_administrative_agency');
  federation = await insertCompany('テスト労働金庫連合会', 'labour_bank_federation');
  npa = await loginAs(t, 'npa');
  center = await loginAs(t, 'center');
  meti = await loginAs(t, 'ministry_hr');
  mof = await loginAs(t, 'ministry_hr', { organisationId: await orgId(t, '財務省') });
  hr = await loginAs(t, 'company_hr', { companyId: own });
  hrOther = await loginAs(t, 'company_hr', { companyId: other });
  hrAgency = await loginAs(t, 'company_hr', { companyId: agency });
  hrFederation = await loginAs(t, 'company_hr', { companyId: federation });
  participant = await loginAs(t, 'participant');
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('applying (応募)', () => {
  it('refuses bad input with field messages in Japanese and English, writing nothing', async () => {
    const before = await auditCount();
    const err = expectBilingual(await hr.req('POST', '/api/call-applications', application({ wantsDispatch: false, wantsHire: false, contactEmail: 'not-mail', contactPhone: 'abc', contactName: ' ' })), 400);
    expect(err.fields!.map((f) => `${f.path}:${f.code}`).sort()).toEqual([
      'contactEmail:email.format',
      'contactName:text.required',
      'contactPhone:phone.format',
      'wantsDispatch:call_application.direction_required',
    ]);
    expectBilingual(await hr.req('POST', '/api/call-applications', { ...application(), sneaky: 1 }), 400);
    expect(await auditCount()).toBe(before);
    expect(Number((await t.db.db.select({ n: count() }).from(callApplications))[0]!.n)).toBe(0);
  });

  it('a company applies at any time; a second open application is 409; it sees its own status', async () => {
    const res = await hr.req('POST', '/api/call-applications', application());
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ companyId: own, status: 'submitted', wantsDispatch: true, wantsHire: false, contactEmail: 'jinji@example.co.jp', contactPhone: '03-1234-5678', decidedAt: null });
    expect(await lastAudit('call_application.create')).toMatchObject({ recordId: String(created.id), actorRole: 'company_hr', after: { companyId: own, status: 'submitted' } });

    const again = expectBilingual(await hr.req('POST', '/api/call-applications', application({ wantsHire: true })), 409);
    expect(again.code).toBe('call_application.open_exists');

    const mine = (await hr.req('GET', '/api/call-applications/mine')).json();
    expect(mine.canApply).toBe(false);
    expect(mine.items.map((i: { id: number }) => i.id)).toEqual([created.id]);
    // Another company sees none of it.
    expect((await hrOther.req('GET', '/api/call-applications/mine')).json()).toEqual({ items: [], canApply: true });
  });

  it('only company HR applies; ministries, the center and participants cannot', async () => {
    for (const s of [npa, meti, center, participant]) expectBilingual(await s.req('POST', '/api/call-applications', application()), 403);
    expectBilingual(await meti.req('GET', '/api/call-applications/mine'), 403);
    expect((await t.app.inject({ method: 'GET', url: '/api/call-applications/mine' })).statusCode).toBe(401);
  });
});

describe('review (審査) and the roster (名簿)', () => {
  it('the NPA sees the queue with today’s entity-type check; reading it is audited', async () => {
    const res = await npa.req('GET', '/api/call-applications?status=submitted');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const item = body.items.find((i: { companyId: number }) => i.companyId === own);
    expect(item.eligibility).toMatchObject({ eligible: true, legalTypeCode: 'kabushiki_kaisha', asOf: todayInJapan() });
    expect(item.contactName).toBe('人事 太郎');
    expect((await lastAudit('call_application.list'))?.after).toMatchObject({ status: 'submitted', ids: body.items.map((i: { id: number }) => i.id) });
    for (const s of [meti, center, hr]) expectBilingual(await s.req('GET', '/api/call-applications'), 403);
  });

  it('accepting puts the company on the roster, which ministries, the center and the NPA browse with filters', async () => {
    const id = (await hr.req('GET', '/api/call-applications/mine')).json().items[0].id;
    expect(await rosterIds(meti)).not.toContain(own);
    const res = await npa.req('POST', `/api/call-applications/${id}/accept`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'accepted', returnReason: null });
    expect(res.json().decidedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await lastAudit('call_application.accept')).toMatchObject({
      recordId: String(id),
      actorRole: 'npa',
      before: { status: 'submitted' },
      after: { status: 'accepted', eligibility: { legalTypeCode: 'kabushiki_kaisha', asOf: todayInJapan() } },
    });
    const decided = (await t.db.db.select().from(callApplications).where(eq(callApplications.id, id)))[0]!;
    expect(decided.decidedBy).toBe(npa.accountId);

    // The other company applies for hires and is accepted too: the newest acceptance comes first.
    const second = (await hrOther.req('POST', '/api/call-applications', application({ wantsDispatch: false, wantsHire: true }))).json();
    expect((await npa.req('POST', `/api/call-applications/${second.id}/accept`, {})).statusCode).toBe(200);

    for (const s of [npa, center, meti, mof]) expect(await rosterIds(s)).toEqual([other, own]);
    const page = (await meti.req('GET', '/api/roster?pageSize=1&page=2')).json();
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.items.map((i: RosterItem) => i.companyId)).toEqual([own]);
    expect((await lastAudit('call_application.roster'))).toMatchObject({ actorRole: 'ministry_hr', after: { page: 2, ids: [id] } });

    const today = todayInJapan();
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const cases: [string, number[]][] = [
      ['?industry=E', [own]],
      ['?industry=G', [other]],
      ['?industry=A', []],
      ['?prefecture=13', [own]],
      ['?region=Kanto', [own]],
      ['?region=Kinki', [other]],
      ['?size=large', [own]],
      ['?size=small', [other]],
      ['?size=medium', []],
      ['?direction=dispatch', [own]],
      ['?direction=hire', [other]],
      [`?acceptedFrom=${today}&acceptedTo=${today}`, [other, own]],
      [`?acceptedFrom=${tomorrow}`, []],
      [`?acceptedTo=${today}`, [other, own]],
      [`?q=${encodeURIComponent('名簿化学')}`, [own]],
      [`?q=${encodeURIComponent('ｼﾞｮｳﾎｳ')}`, []],
      [`?q=${encodeURIComponent('大阪情報')}&direction=hire&region=Kinki`, [other]],
    ];
    for (const [q, expected] of cases) expect(await rosterIds(center, q), q).toEqual(expected);
    expectBilingual(await meti.req('GET', `/api/roster?acceptedFrom=${tomorrow}&acceptedTo=${today}`), 400);
    expectBilingual(await meti.req('GET', '/api/roster?acceptedFrom=2025-13-01'), 400);
    expectBilingual(await meti.req('GET', '/api/roster?size=huge'), 400);
    // Companies and participants have no roster.
    expectBilingual(await hr.req('GET', '/api/roster'), 403);
    expectBilingual(await participant.req('GET', '/api/roster'), 403);
  });

  it('an accepted application cannot be decided again; the company can withdraw it and leaves the roster', async () => {
    const id = (await hr.req('GET', '/api/call-applications/mine')).json().items[0].id;
    const again = expectBilingual(await npa.req('POST', `/api/call-applications/${id}/accept`, {}), 409);
    expect(again.message.ja).toContain('受理済み');
    expectBilingual(await npa.req('POST', `/api/call-applications/${id}/return`, { reason: '再審査' }), 409);
    // Another company's HR cannot touch it: 404, as if it did not exist.
    expectBilingual(await hrOther.req('POST', `/api/call-applications/${id}/withdraw`, {}), 404);
    const res = await hr.req('POST', `/api/call-applications/${id}/withdraw`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('withdrawn');
    expect(await lastAudit('call_application.withdraw')).toMatchObject({ recordId: String(id), before: { status: 'accepted' }, after: { status: 'withdrawn' } });
    expect(await rosterIds(meti)).toEqual([other]);
    expectBilingual(await hr.req('POST', `/api/call-applications/${id}/withdraw`, {}), 409);
    expect((await hr.req('GET', '/api/call-applications/mine')).json().canApply).toBe(true);
  });

  it('unknown ids are 404 with Japanese and English; the NPA cannot withdraw for a company', async () => {
    expectBilingual(await npa.req('POST', '/api/call-applications/999999/accept', {}), 404);
    expectBilingual(await npa.req('POST', '/api/call-applications/999999/return', { reason: 'x' }), 404);
    expectBilingual(await hr.req('POST', '/api/call-applications/999999/withdraw', {}), 404);
    expectBilingual(await npa.req('POST', '/api/call-applications/abc/accept', {}), 400);
    expectBilingual(await npa.req('POST', '/api/call-applications/1/withdraw', {}), 403);
    expectBilingual(await hr.req('POST', '/api/call-applications/1/accept', {}), 403);
  });
});

describe('entity-type eligibility on the decision date', () => {
  it('an ineligible type cannot be accepted (422 with the reason); returning needs a reason; the company re-applies', async () => {
    const created = (await hrAgency.req('POST', '/api/call-applications', application({ wantsHire: true }))).json();
    const queue = (await npa.req('GET', '/api/call-applications')).json();
    expect(queue.items.find((i: { id: number }) => i.id === created.id).eligibility).toMatchObject({ eligible: false, legalTypeCode: 'incorporated_administrative_agency' });
    const accepts = await auditCount('call_application.accept');
    const err = expectBilingual(await npa.req('POST', `/api/call-applications/${created.id}/accept`, {}), 422);
    expect(err.code).toBe('entity_type_ineligible');
    expect(err.message.ja).toContain('独立行政法人');
    expect(err.message.ja).toContain('差し戻して');
    expect(err.message.en).toContain('not eligible');
    expect(await auditCount('call_application.accept')).toBe(accepts);
    expect((await t.db.db.select().from(callApplications).where(eq(callApplications.id, created.id)))[0]!.status).toBe('submitted');

    // Returning: the reason is required (blank is refused), then kept and shown to the company.
    for (const body of [{}, { reason: '' }, { reason: '   ' }]) {
      const e = expectBilingual(await npa.req('POST', `/api/call-applications/${created.id}/return`, body), 400);
      expect(e.fields?.map((f) => f.path)).toEqual(['reason']);
    }
    const reason = '独立行政法人は官民人事交流の対象となる法人ではないため';
    const returned = await npa.req('POST', `/api/call-applications/${created.id}/return`, { reason });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: reason });
    expect(await lastAudit('call_application.return')).toMatchObject({ recordId: String(created.id), before: { status: 'submitted' }, after: { status: 'returned', returnReason: reason } });
    const mine = (await hrAgency.req('GET', '/api/call-applications/mine')).json();
    expect(mine).toMatchObject({ canApply: true, items: [{ id: created.id, status: 'returned', returnReason: reason }] });
    // A returned application is final; the company applies anew.
    expectBilingual(await hrAgency.req('POST', `/api/call-applications/${created.id}/withdraw`, {}), 409);
    const again = await hrAgency.req('POST', '/api/call-applications', application());
    expect(again.statusCode, again.body).toBe(201);
    expect((await hrAgency.req('GET', '/api/call-applications/mine')).json().items.map((i: { status: string }) => i.status)).toEqual(['submitted', 'returned']);
  });

  it('a type added in December 2022 is refused the day before and accepted from that day', async () => {
    const created = (await hrFederation.req('POST', '/api/call-applications', application())).json();
    fs.writeFileSync(clockFile, '2022-11-30\n');
    try {
      const err = expectBilingual(await npa.req('POST', `/api/call-applications/${created.id}/accept`, {}), 422);
      expect(err.message.ja).toContain('労働金庫連合会');
      expect(err.message.ja).toContain('2022-11-30');
      expect(err.message.en).toContain('eligible from 2022-12-01');
      expect((err.details as { eligibility: { eligibleFrom: string } }).eligibility.eligibleFrom).toBe('2022-12-01');
      fs.writeFileSync(clockFile, '2022-12-01\n');
      const ok = await npa.req('POST', `/api/call-applications/${created.id}/accept`, {});
      expect(ok.statusCode, ok.body).toBe(200);
      expect((await lastAudit('call_application.accept'))?.after).toMatchObject({ eligibility: { asOf: '2022-12-01', legalTypeCode: 'labour_bank_federation' } });
    } finally {
      fs.rmSync(clockFile, { force: true });
    }
  });
});

describe('consultations (事前相談)', () => {
  it('a company consults a ministry; both post; either closes; others see nothing', async () => {
    const opened = await hr.req('POST', '/api/consultations', { organisationId: metiId, subject: '交流採用の受入れについて', body: '来年4月からの交流採用を検討しています。' });
    expect(opened.statusCode, opened.body).toBe(201);
    const c = opened.json();
    expect(c).toMatchObject({ companyId: own, organisationId: metiId, organisationNameJa: '経済産業省', status: 'open', messageCount: 1, canPost: true });
    expect(c.messages).toMatchObject([{ side: 'company', body: '来年4月からの交流採用を検討しています。' }]);
    expect(await lastAudit('consultation.create')).toMatchObject({ recordId: String(c.id), after: { companyId: own, organisationId: metiId, status: 'open' } });

    // Addressed to METI: METI sees it; the Ministry of Finance and another company do not (404).
    expect((await meti.req('GET', '/api/consultations')).json().items.map((i: { id: number }) => i.id)).toEqual([c.id]);
    expect((await mof.req('GET', '/api/consultations')).json()).toMatchObject({ items: [], total: 0 });
    expect((await hrOther.req('GET', '/api/consultations')).json()).toMatchObject({ items: [], total: 0 });
    expectBilingual(await mof.req('GET', `/api/consultations/${c.id}`), 404);
    expectBilingual(await hrOther.req('GET', `/api/consultations/${c.id}`), 404);
    expectBilingual(await mof.req('POST', `/api/consultations/${c.id}/messages`, { body: '横から失礼' }), 404);
    expectBilingual(await hrOther.req('POST', `/api/consultations/${c.id}/close`, {}), 404);

    const reply = await meti.req('POST', `/api/consultations/${c.id}/messages`, { body: '製造産業局で受入れ可能なポストがあります。' });
    expect(reply.statusCode, reply.body).toBe(201);
    expect(reply.json().messages.map((m: { side: string }) => m.side)).toEqual(['company', 'ministry']);
    expect(await lastAudit('consultation_message.create')).toMatchObject({ recordId: String(c.id), actorRole: 'ministry_hr' });
    expect((await hr.req('POST', `/api/consultations/${c.id}/messages`, { body: 'ありがとうございます。' })).statusCode).toBe(201);
    expectBilingual(await hr.req('POST', `/api/consultations/${c.id}/messages`, { body: '  ' }), 400);

    // The NPA reads every thread but is not a party to it.
    const seen = await npa.req('GET', `/api/consultations/${c.id}`);
    expect(seen.json()).toMatchObject({ messageCount: 3, canPost: false });
    expectBilingual(await npa.req('POST', `/api/consultations/${c.id}/messages`, { body: '人事院です' }), 403);
    expectBilingual(await npa.req('POST', `/api/consultations/${c.id}/close`, {}), 403);

    const closed = await meti.req('POST', `/api/consultations/${c.id}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', canPost: false });
    expect(await lastAudit('consultation.close')).toMatchObject({ recordId: String(c.id), before: { status: 'open' }, after: { status: 'closed' } });
    expectBilingual(await hr.req('POST', `/api/consultations/${c.id}/messages`, { body: 'もう一点' }), 409);
    expectBilingual(await hr.req('POST', `/api/consultations/${c.id}/close`, {}), 409);
    expect((await hr.req('GET', '/api/consultations?status=closed')).json().items.map((i: { id: number }) => i.id)).toEqual([c.id]);
    expect((await hr.req('GET', '/api/consultations?status=open')).json().total).toBe(0);
  });

  it('only a company opens one, with a known ministry; unknown ids are 404; the center has none', async () => {
    const body = { organisationId: metiId, subject: '相談', body: '本文' };
    expectBilingual(await meti.req('POST', '/api/consultations', body), 403);
    expectBilingual(await npa.req('POST', '/api/consultations', body), 403);
    expectBilingual(await center.req('GET', '/api/consultations'), 403);
    const err = expectBilingual(await hr.req('POST', '/api/consultations', { ...body, organisationId: 999999 }), 400);
    expect(err.fields?.map((f) => f.code)).toEqual(['organisation.unknown']);
    const missing = expectBilingual(await hr.req('POST', '/api/consultations', { organisationId: metiId, subject: '', body: '' }), 400);
    expect(missing.fields?.map((f) => f.path).sort()).toEqual(['body', 'subject']);
    expectBilingual(await hr.req('GET', '/api/consultations/999999'), 404);
    expectBilingual(await meti.req('POST', '/api/consultations/999999/messages', { body: 'x' }), 404);
    expect(await auditCount('consultation.create')).toBe(1);
  });
});

describe('audit trail', () => {
  it('every change of this file left its row, in an unbroken chain', async () => {
    const rows = await t.db.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.recordType, 'call_application')));
    const actions = new Set(rows.map((r) => r.action));
    for (const a of ['call_application.create', 'call_application.accept', 'call_application.return', 'call_application.withdraw', 'call_application.list', 'call_application.roster']) {
      expect(actions, a).toContain(a);
    }
    const { verifyAudit } = await import('../../platform/audit.ts');
    expect((await verifyAudit(t.db.db)).ok).toBe(true);
  });
});
