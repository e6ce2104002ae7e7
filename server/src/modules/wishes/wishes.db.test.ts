// Wish sheets (交流希望シート) over the API: the lifecycle draft → published → closed (and back to a
// draft), versions with 409 on a stale one, the edit history, scoping (another side's sheet is 404,
// another owner 403), the public listing (no login; drafts, closed and expired sheets hidden; no
// personal data), its search variants and filters, and the interested-companies list with exports.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, desc, eq } from 'drizzle-orm';
import { auditLog, callApplications, companies, wishSheets, wishSheetVersions } from '../../db/schema.ts';
import { createCompany, loginAs, orgId, testApp, type Session, type TestApp } from '../../test/app.ts';
import { expectBilingual } from '../../test/expect.ts';
import { wishesRepository } from './wishes.repository.ts';
import { queryTerms } from './search/search.ts';

let t: TestApp;
let meti: Session; // ministry_hr of 経済産業省
let mof: Session; // ministry_hr of 財務省
let npa: Session;
let center: Session;
let hr: Session; // company_hr of `acme`
let hrOther: Session; // company_hr of `osaka`
let participant: Session;
let acme = 0;
let osaka = 0;
let quiet = 0; // an accepted applicant without a sheet
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-wishes-'));
const clockFile = path.join(tmp, 'today');
const TODAY = '2026-06-15';

const auditCount = async (action?: string) =>
  Number((await t.db.db.select({ n: count() }).from(auditLog).where(action ? eq(auditLog.action, action) : undefined))[0]!.n);
const lastAudit = async (action: string) => (await t.db.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0];
const sheetCount = async () => Number((await t.db.db.select({ n: count() }).from(wishSheets))[0]!.n);

const dispatchWish = (over: Record<string, unknown> = {}) => ({
  kind: 'ministry_dispatch',
  organisationCode: 'meti',
  title: 'DX推進の現場を経験させたい（交流派遣）',
  fields: ['digital', 'data'],
  industries: [],
  skills: ['データ分析', 'Python'],
  ageBands: ['30s'],
  positionLevels: ['chief'],
  headcount: 2,
  periodMonths: { min: 12, max: 24 },
  start: { from: '2026-10', to: '2027-04' },
  notes: '産業政策の立案に生かすため、企業のデジタル化の実務を経験させたい。',
  ...over,
});
const hireWish = (over: Record<string, unknown> = {}) => ({
  kind: 'ministry_hire',
  organisationCode: 'mof',
  title: '財務・会計の専門人材を採用したい',
  post: '主計局 課長補佐',
  duties: '予算編成における財務分析と人事制度の見直し',
  fields: ['finance'],
  industries: ['J'],
  skills: ['IFRS'],
  experience: '上場企業での決算実務5年以上',
  ageBands: ['40s'],
  positionLevels: ['deputy_director'],
  periodMonths: { min: 24, max: 36 },
  start: { from: '2027-04', to: '2027-04' },
  ...over,
});
const companySheet = (companyId: number, over: Record<string, unknown> = {}) => ({
  kind: 'company',
  companyId,
  industryCode: 'G',
  prefectureCode: '13',
  title: 'ＤＸ推進部で行政官を受け入れます',
  hosts: [{ place: 'ＤＸ推進部', fields: ['digital'], duties: 'ﾃﾞｰﾀ分析基盤の構築', skills: ['SQL'], ageBands: ['30s', '40s'] }],
  sends: [{ fields: ['policy'], skills: ['クラウド'], ageBand: '30s', positionLevel: 'chief' }],
  wantedMinistries: ['meti', 'digital'],
  periodMonths: { min: 12, max: 36 },
  start: { from: '2026-07', to: '2027-03' },
  notes: '担当: 山田太郎 yamada@example.jp',
  ...over,
});

type Detail = { id: number; reference: string; version: number; status: string; effectiveStatus: string; expiresOn: string | null; actions: Record<string, boolean>; content: Record<string, unknown> };

async function create(s: Session, body: unknown): Promise<Detail> {
  const res = await s.req('POST', '/api/wishes', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Detail;
}
async function publish(s: Session, d: Detail, over: Record<string, unknown> = {}): Promise<Detail> {
  const res = await s.req('POST', `/api/wishes/${d.id}/publish`, { version: d.version, ...over });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Detail;
}
const publicRefs = async (query = '') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/public/wishes${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: { reference: string }[] }).items.map((i) => i.reference).sort();
};

beforeAll(async () => {
  fs.writeFileSync(clockFile, TODAY);
  t = await testApp({ KORYU_CLOCK_FILE: clockFile });
  acme = await createCompany(t, 'アクメ商事株式会社');
  osaka = await createCompany(t, '大阪データサービス株式会社');
  quiet = await createCompany(t, '静岡精機株式会社');
  await t.db.db.update(companies).set({ industryCode: 'G', prefectureCode: '13', employees: 800, capitalYen: 1_000_000_000 }).where(eq(companies.id, acme));
  await t.db.db.update(companies).set({ industryCode: 'J', prefectureCode: '27', employees: 30 }).where(eq(companies.id, osaka));
  await t.db.db.update(companies).set({ industryCode: 'E', prefectureCode: '22', employees: 120 }).where(eq(companies.id, quiet));
  meti = await loginAs(t, 'ministry_hr');
  mof = await loginAs(t, 'ministry_hr', { organisationId: await orgId(t, '財務省') });
  npa = await loginAs(t, 'npa');
  center = await loginAs(t, 'center');
  hr = await loginAs(t, 'company_hr', { companyId: acme });
  hrOther = await loginAs(t, 'company_hr', { companyId: osaka });
  participant = await loginAs(t, 'participant');
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('validation', () => {
  it('refuses bad input with Japanese and English messages per field, writing nothing', async () => {
    const audits = await auditCount();
    const err = expectBilingual(
      await meti.req('POST', '/api/wishes', dispatchWish({ title: ' ', fields: [], ageBands: ['teen'], periodMonths: { min: 24, max: 12 }, start: { from: '2026-13', to: '2026-01' } })),
      400,
    );
    expect(err.code).toBe('validation_failed');
    expect(err.fields!.map((f) => `${f.path}:${f.code}`).sort()).toEqual([
      'ageBands.0:age_band.unknown',
      'fields:fields.required',
      'periodMonths.max:period.range',
      'start.from:year_month.format',
      'start.to:start_window.range',
      'title:text.required',
    ]);
    const empty = expectBilingual(await hr.req('POST', '/api/wishes', companySheet(acme, { hosts: [], sends: [] })), 400);
    expect(empty.fields!.map((f) => f.code)).toEqual(['company_sheet.empty']);
    // Unknown codes found by the service are field errors too.
    const unknown = expectBilingual(await meti.req('POST', '/api/wishes', dispatchWish({ organisationCode: 'nope' })), 400);
    expect(unknown.fields!.map((f) => `${f.path}:${f.code}`)).toEqual(['organisationCode:organisation.unknown']);
    const wanted = expectBilingual(await hr.req('POST', '/api/wishes', companySheet(acme, { wantedMinistries: ['meti', 'xx'] })), 400);
    expect(wanted.fields!.map((f) => `${f.path}:${f.code}`)).toEqual(['wantedMinistries.1:organisation.unknown']);
    expect(await sheetCount()).toBe(0);
    expect(Number((await t.db.db.select({ n: count() }).from(wishSheetVersions))[0]!.n)).toBe(0);
    expect(await auditCount()).toBe(audits);
  });

  it('a ministry cannot post for another ministry, nor a company for another company (403, nothing written)', async () => {
    const e1 = expectBilingual(await meti.req('POST', '/api/wishes', dispatchWish({ organisationCode: 'mof' })), 403);
    expect(e1.fields!.map((f) => f.code)).toEqual(['wish.owner_forbidden']);
    expectBilingual(await hr.req('POST', '/api/wishes', companySheet(osaka)), 403);
    expectBilingual(await meti.req('POST', '/api/wishes', companySheet(acme)), 403);
    expect(await sheetCount()).toBe(0);
  });

  it('roles without wishes:write and anonymous callers are refused', async () => {
    expectBilingual(await center.req('GET', '/api/wishes'), 403);
    expectBilingual(await participant.req('POST', '/api/wishes', dispatchWish()), 403);
    expect((await t.app.inject({ method: 'GET', url: '/api/wishes' })).statusCode).toBe(401);
  });
});

describe('lifecycle, versions and history', () => {
  let d: Detail;

  it('creates a draft with a stable reference, version 1, and an audit row', async () => {
    d = await create(meti, { ...dispatchWish(), status: 'published' });
    expect(d).toMatchObject({ status: 'draft', effectiveStatus: 'draft', version: 1, actions: { edit: true, publish: true, close: true, reopen: false } });
    expect(d.reference).toBe(`WS-${String(d.id).padStart(6, '0')}`);
    expect(await lastAudit('wish_sheet.create')).toMatchObject({ recordId: String(d.id), actorRole: 'ministry_hr', after: { status: 'draft', reference: d.reference } });
    expect(await publicRefs()).not.toContain(d.reference);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/wishes/${d.reference}` })).statusCode).toBe(404);
  });

  it('updates with the current version; a stale version is 409 and changes nothing', async () => {
    const res = await meti.req('PUT', `/api/wishes/${d.id}`, { version: 1, sheet: dispatchWish({ title: 'DX推進とデータ利活用の現場' }) });
    expect(res.statusCode, res.body).toBe(200);
    d = res.json();
    expect(d.version).toBe(2);
    const stale = expectBilingual(await meti.req('PUT', `/api/wishes/${d.id}`, { version: 1, sheet: dispatchWish({ title: '古い版' }) }), 409);
    expect(stale.code).toBe('wish.stale');
    expect((await meti.req('GET', `/api/wishes/${d.id}`)).json()).toMatchObject({ version: 2, content: { title: 'DX推進とデータ利活用の現場' } });
    expectBilingual(await meti.req('POST', `/api/wishes/${d.id}/publish`, { version: 1 }), 409);
    // The owner and the side stay.
    const fixed = expectBilingual(await meti.req('PUT', `/api/wishes/${d.id}`, { version: 2, sheet: dispatchWish({ organisationCode: 'mof' }) }), 400);
    expect(fixed.fields!.map((f) => `${f.path}:${f.code}`)).toEqual(['sheet.organisationCode:wish.owner_fixed']);
    // A ministry may turn its dispatch wish into a hire wish.
    const hire = await meti.req('PUT', `/api/wishes/${d.id}`, { version: 2, sheet: hireWish({ organisationCode: 'meti', title: 'DX推進とデータ利活用の現場' }) });
    expect(hire.statusCode, hire.body).toBe(200);
    const back = await meti.req('PUT', `/api/wishes/${d.id}`, { version: 3, sheet: dispatchWish({ title: 'DX推進とデータ利活用の現場' }) });
    expect(back.statusCode, back.body).toBe(200);
    d = back.json();
  });

  it('publishes (default expiry from the parameter), closes, reopens as a draft; each step is a version', async () => {
    d = await publish(meti, d, { note: '年度当初の募集' });
    expect(d).toMatchObject({ status: 'published', effectiveStatus: 'published', expiresOn: '2027-06-15', actions: { publish: false, reopen: false } });
    expect(await publicRefs()).toContain(d.reference);
    expectBilingual(await meti.req('POST', `/api/wishes/${d.id}/publish`, { version: d.version }), 409);
    // Editing a published sheet keeps it published, and keeps its expiry when the edit sends none.
    const edited = await meti.req('PUT', `/api/wishes/${d.id}`, { version: d.version, sheet: dispatchWish({ title: 'DX推進とデータ利活用の現場' }) });
    expect(edited.statusCode, edited.body).toBe(200);
    d = edited.json();
    expect(d).toMatchObject({ status: 'published', expiresOn: '2027-06-15', content: { expiresOn: '2027-06-15' } });

    const closed = await meti.req('POST', `/api/wishes/${d.id}/close`, { version: d.version, note: '充足' });
    expect(closed.statusCode, closed.body).toBe(200);
    d = closed.json();
    expect(d).toMatchObject({ status: 'closed', actions: { edit: false, publish: false, close: false, reopen: true } });
    expect(await publicRefs()).not.toContain(d.reference);
    expect(expectBilingual(await meti.req('PUT', `/api/wishes/${d.id}`, { version: d.version, sheet: dispatchWish() }), 409).code).toBe('wish.status');
    expectBilingual(await meti.req('POST', `/api/wishes/${d.id}/close`, { version: d.version }), 409);

    const reopened = await meti.req('POST', `/api/wishes/${d.id}/reopen`, { version: d.version });
    expect(reopened.statusCode, reopened.body).toBe(200);
    d = reopened.json();
    expect(d.status).toBe('draft');
    d = await publish(meti, d);
    expect(d.version).toBe(9);

    for (const action of ['wish_sheet.update', 'wish_sheet.publish', 'wish_sheet.close', 'wish_sheet.reopen']) expect(await auditCount(action)).toBeGreaterThan(0);
    expect(await lastAudit('wish_sheet.close')).toMatchObject({ before: { status: 'published' }, after: { status: 'closed' } });
  });

  it('lists every saved version, newest first, with who saved it (an audited read)', async () => {
    const res = await meti.req('GET', `/api/wishes/${d.id}/history`);
    expect(res.statusCode, res.body).toBe(200);
    const h = res.json() as { reference: string; items: { version: number; status: string; note: string; changedByName: string; content: { title: string; kind: string } }[] };
    expect(h.items.map((v) => `${v.version}:${v.status}:${v.note}`)).toEqual([
      '9:published:published',
      '8:draft:reopened',
      '7:closed:closed: 充足',
      '6:published:updated',
      '5:published:published: 年度当初の募集',
      '4:draft:updated',
      '3:draft:updated',
      '2:draft:updated',
      '1:draft:created',
    ]);
    expect(h.items[6]!.content.kind).toBe('ministry_hire');
    expect(h.items[8]!.content.title).toBe('DX推進の現場を経験させたい（交流派遣）');
    expect(h.items[0]!.changedByName).toBeTruthy();
    expect(await lastAudit('wish_sheet.history_read')).toMatchObject({ recordId: String(d.id), after: { reference: d.reference } });
  });

  it('publishing with an expiry date in the past is refused; a sheet past its expiry shows as expired', async () => {
    const e = await create(meti, dispatchWish({ title: '期限切れのテスト', expiresOn: '2026-06-01' }));
    const err = expectBilingual(await meti.req('POST', `/api/wishes/${e.id}/publish`, { version: e.version }), 400);
    expect(err.fields!.map((f) => `${f.path}:${f.code}`)).toEqual(['expiresOn:wish.expires_past']);
    expect((await meti.req('GET', `/api/wishes/${e.id}`)).json()).toMatchObject({ status: 'draft', version: 1 });

    const ok = await create(meti, dispatchWish({ title: '明日まで掲載', expiresOn: '2026-06-16' }));
    const live = await publish(meti, ok);
    expect(await publicRefs()).toContain(live.reference);
    fs.writeFileSync(clockFile, '2026-06-17');
    try {
      expect(await publicRefs()).not.toContain(live.reference);
      expect((await t.app.inject({ method: 'GET', url: `/api/public/wishes/${live.reference}` })).statusCode).toBe(404);
      const mine = (await meti.req('GET', '/api/wishes?status=expired')).json() as { items: { reference: string; effectiveStatus: string }[] };
      expect(mine.items.map((i) => `${i.reference}:${i.effectiveStatus}`)).toEqual([`${live.reference}:expired`]);
      const detail = (await meti.req('GET', `/api/wishes/${live.id}`)).json() as Detail;
      expect(detail).toMatchObject({ status: 'published', effectiveStatus: 'expired', actions: { publish: true, reopen: true, close: true } });
    } finally {
      fs.writeFileSync(clockFile, TODAY);
    }
  });
});

describe('scoping', () => {
  let mofSheet: Detail;
  let acmeSheet: Detail;

  beforeAll(async () => {
    mofSheet = await create(mof, hireWish());
    acmeSheet = await create(hr, companySheet(acme));
  });

  it('another ministry or company sees another side’s sheet as 404 and cannot change it', async () => {
    for (const [s, d] of [
      [meti, mofSheet],
      [hrOther, acmeSheet],
      [mof, acmeSheet],
      [hr, mofSheet],
    ] as const) {
      expectBilingual(await s.req('GET', `/api/wishes/${d.id}`), 404);
      expectBilingual(await s.req('PUT', `/api/wishes/${d.id}`, { version: d.version, sheet: hireWish() }), 404);
      expectBilingual(await s.req('POST', `/api/wishes/${d.id}/publish`, { version: d.version }), 404);
      expectBilingual(await s.req('GET', `/api/wishes/${d.id}/history`), 404);
    }
    expect((await mof.req('GET', `/api/wishes/${mofSheet.id}`)).json()).toMatchObject({ version: 1, status: 'draft' });
  });

  it('lists own sheets only; the NPA sees all and may act on any', async () => {
    const refs = async (s: Session, q = '') => ((await s.req('GET', `/api/wishes${q}`)).json() as { items: { reference: string }[] }).items.map((i) => i.reference);
    expect(await refs(hr)).toEqual([acmeSheet.reference]);
    expect(await refs(hrOther)).toEqual([]);
    expect(await refs(mof)).toEqual([mofSheet.reference]);
    expect(await refs(meti)).not.toContain(mofSheet.reference);
    const all = await refs(npa, '?pageSize=200');
    expect(all).toEqual(expect.arrayContaining([mofSheet.reference, acmeSheet.reference]));
    expect(await refs(npa, '?kind=company')).toEqual([acmeSheet.reference]);
    const res = await npa.req('POST', `/api/wishes/${acmeSheet.id}/close`, { version: acmeSheet.version });
    expect(res.statusCode, res.body).toBe(200);
    const re = await npa.req('POST', `/api/wishes/${acmeSheet.id}/reopen`, { version: res.json().version });
    expect(re.statusCode, re.body).toBe(200);
  });
});

describe('public listing and search', () => {
  const refs: Record<string, string> = {};

  beforeAll(async () => {
    // A fresh set on a later "today" so earlier sheets do not interfere: those are closed first.
    for (const s of [meti, mof, hr, hrOther]) {
      const mine = (await s.req('GET', '/api/wishes?pageSize=200')).json() as { items: { id: number; version: number; status: string }[] };
      for (const i of mine.items) if (i.status !== 'closed') expect((await s.req('POST', `/api/wishes/${i.id}/close`, { version: i.version })).statusCode).toBe(200);
    }
    refs.metiDispatch = (await publish(meti, await create(meti, dispatchWish()))).reference;
    refs.mofHire = (await publish(mof, await create(mof, hireWish()))).reference;
    refs.acme = (await publish(hr, await create(hr, companySheet(acme, { expiresOn: '2026-12-31' })))).reference;
    refs.osaka = (
      await publish(
        hrOther,
        await create(
          hrOther,
          companySheet(osaka, {
            industryCode: 'J',
            prefectureCode: '27',
            title: '髙度なセキュリティ人材を送り出したい',
            hosts: [],
            sends: [{ fields: ['risk'], skills: ['セキュリティ'], ageBand: '20s', positionLevel: 'staff' }],
            wantedMinistries: [],
            periodMonths: { min: 6, max: 12 },
            start: { from: '2027-01', to: '2027-06' },
            notes: '',
          }),
        ),
      )
    ).reference;
    refs.draft = (await create(hr, companySheet(acme, { title: '下書きのDX推進' }))).reference;
  });

  it('lists published sheets only, without login, and no personal data', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/wishes' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { total: number; items: Record<string, unknown>[] };
    expect(body.items.map((i) => i.reference).sort()).toEqual([refs.acme, refs.metiDispatch, refs.mofHire, refs.osaka].sort());
    expect(body.total).toBe(4);
    const acmeItem = body.items.find((i) => i.reference === refs.acme)!;
    expect(acmeItem).toMatchObject({ owner: { side: 'company', nameJa: 'アクメ商事株式会社' }, industries: [{ code: 'G' }], prefecture: { code: '13', ja: '東京都' }, direction: 'both' });
    const metiItem = body.items.find((i) => i.reference === refs.metiDispatch)!;
    expect(metiItem).toMatchObject({ owner: { side: 'ministry', organisationCode: 'meti', nameJa: '経済産業省' }, direction: 'dispatch' });
    // Nobody's account name or e-mail (the demo accounts' names are not in the public answer).
    const text = res.body;
    for (const s of ['@demo', 'displayName', 'createdBy', 'contactEmail']) expect(text).not.toContain(s);

    const detail = await t.app.inject({ method: 'GET', url: `/api/public/wishes/${refs.acme}` });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json()).toMatchObject({ reference: refs.acme, wantedMinistries: [{ code: 'meti' }, { code: 'digital' }], content: { kind: 'company', hosts: [{ place: 'ＤＸ推進部' }] } });
    expect(detail.body).not.toContain('createdBy');
    // An e-mail address typed into the notes is masked on the public page and not searchable.
    expect(detail.body).not.toContain('yamada@example.jp');
    expect(detail.json().content.notes).toBe('担当: 山田太郎 ［メールアドレス非公開］');
    expect(await publicRefs(`?q=${encodeURIComponent('yamada@example')}`)).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/wishes/${refs.draft}` })).statusCode).toBe(404);
    expectBilingual(await t.app.inject({ method: 'GET', url: '/api/public/wishes/nope' }), 400);
  });

  it.each([
    ['ＤＸ', ['metiDispatch', 'acme']],
    ['dx', ['metiDispatch', 'acme']],
    ['ﾃﾞｰﾀ', ['metiDispatch', 'acme', 'osaka']], // osaka: 大阪データサービス (owner name)
    ['でーた 分析', ['metiDispatch', 'acme']],
    ['じんじ', ['mofHire']], // 人事制度 in the duties
    ['高度', ['osaka']], // stored as 髙度
    ['けいざいさんぎょうしょう', ['metiDispatch', 'acme']], // METI, and acme wants METI
    ['Data analysis', ['metiDispatch']], // English label of a field
    ['主計局', ['mofHire']],
    ['東京都', ['acme']],
    ['存在しない語', []],
    ['100%', []],
  ])('q=%s', async (q, expected) => {
    expect(await publicRefs(`?q=${encodeURIComponent(q)}`)).toEqual(expected.map((k) => refs[k]!).sort());
  });

  it.each([
    ['direction=dispatch', ['metiDispatch', 'acme']],
    ['direction=hire', ['mofHire', 'acme', 'osaka']],
    ['side=ministry', ['metiDispatch', 'mofHire']],
    ['industry=G', ['metiDispatch', 'acme']], // METI names no industry: any
    ['industry=J', ['metiDispatch', 'mofHire', 'osaka']],
    ['ministry=mof', ['mofHire']],
    ['region=Kinki', ['osaka']],
    ['region=13', ['acme']],
    ['region=%E9%96%A2%E6%9D%B1', ['acme']], // 関東
    ['field=digital', ['metiDispatch', 'acme']],
    ['ageBand=20s', ['osaka']],
    ['ageBand=30s', ['metiDispatch', 'acme']],
    ['period=30', ['mofHire', 'acme']],
    ['period=6', ['osaka']],
    ['startMonth=2027-04', ['metiDispatch', 'mofHire', 'osaka']],
    ['startMonth=2026-08', ['acme']],
    ['q=DX&direction=hire&industry=G', ['acme']],
  ])('%s', async (query, expected) => {
    expect(await publicRefs(`?${query}`)).toEqual(expected.map((k) => refs[k]!).sort());
  });

  it('sorts by newest, start and expiry, and pages with the total', async () => {
    const order = async (q: string) => ((await t.app.inject({ method: 'GET', url: `/api/public/wishes?${q}` })).json() as { items: { reference: string }[] }).items.map((i) => i.reference);
    expect(await order('sort=newest')).toEqual([refs.osaka, refs.acme, refs.mofHire, refs.metiDispatch]);
    expect(await order('sort=start')).toEqual([refs.acme, refs.metiDispatch, refs.osaka, refs.mofHire]);
    expect((await order('sort=expires'))[0]).toBe(refs.acme);
    const p2 = (await t.app.inject({ method: 'GET', url: '/api/public/wishes?pageSize=3&page=2' })).json();
    expect(p2).toMatchObject({ total: 4, totalCapped: false, page: 2, pageSize: 3 });
    // Past the cap the count stops: total is the cap and totalCapped says so.
    const capped = await wishesRepository.publicList(t.db.db, { terms: [], keys: [] }, TODAY, 'newest', 1, 20, 3);
    expect({ total: capped.total, capped: capped.capped, items: capped.items.length }).toEqual({ total: 3, capped: true, items: 4 });
    const exact = await wishesRepository.publicList(t.db.db, { terms: [], keys: [] }, TODAY, 'newest', 1, 20, 4);
    expect({ total: exact.total, capped: exact.capped }).toEqual({ total: 4, capped: false });
    // The capped path (an ordered scan checking the text and facet keys row by row) finds the same rows.
    for (const [q, keys, sort] of [
      ['ＤＸ', [], 'newest'],
      ['でーた 分析', [], 'start'],
      ['じんじ', [], 'expires'],
      ['dx', ['d:hire', 'i:G'], 'newest'],
      ['', ['a:30s'], 'start'],
    ] as const) {
      const f = { terms: queryTerms(q), keys: [...keys] };
      const uncapped = await wishesRepository.publicList(t.db.db, f, TODAY, sort, 1, 20, 100);
      const viaOrder = await wishesRepository.publicList(t.db.db, f, TODAY, sort, 1, 20, 0);
      expect(uncapped.capped).toBe(false);
      expect(viaOrder.capped, q).toBe(uncapped.total > 0);
      expect(viaOrder.items.map((i) => i.reference), `${q} ${keys.join(',')} ${sort}`).toEqual(uncapped.items.map((i) => i.reference));
    }
    expect(p2.items.map((i: { reference: string }) => i.reference)).toEqual([refs.metiDispatch]);
  });

  it('refuses bad filters with bilingual field messages', async () => {
    const err = expectBilingual(await t.app.inject({ method: 'GET', url: '/api/public/wishes?direction=up&industry=Z&period=0&startMonth=2027-13&sort=x' }), 400);
    expect(err.fields!.map((f) => f.path).sort()).toEqual(['direction', 'industry', 'period', 'sort', 'startMonth']);
    expect(expectBilingual(await t.app.inject({ method: 'GET', url: '/api/public/wishes?region=Atlantis' }), 400).fields![0]!.code).toBe('wish.region_unknown');
    expect(expectBilingual(await t.app.inject({ method: 'GET', url: '/api/public/wishes?ministry=nope' }), 400).fields![0]!.code).toBe('organisation.unknown');
  });

  it('is documented in the OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { parameters?: { name: string }[] }>> };
    const list = doc.paths['/api/public/wishes']!.get!;
    expect(list.parameters!.map((p) => p.name)).toEqual(expect.arrayContaining(['q', 'direction', 'industry', 'ministry', 'region', 'ageBand', 'period', 'startMonth', 'sort', 'page']));
    expect(doc.paths['/api/public/wishes/{reference}']!.get).toBeDefined();
  });

  it('lists interested companies: accepted applicants and sheet posters, filtered, audited, exportable', async () => {
    await t.db.db.insert(callApplications).values({
      companyId: quiet,
      wantsDispatch: false,
      wantsHire: true,
      divisions: '品質保証部',
      conditions: '2年程度',
      contactName: '人事 花子',
      contactEmail: 'hanako@example.jp',
      status: 'accepted',
      decidedAt: '2026-05-01T00:00:00Z',
    });
    const ids = async (s: Session, q = '') => {
      const res = await s.req('GET', `/api/interested-companies${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return (res.json() as { items: { companyId: number }[] }).items.map((i) => i.companyId).sort((a, b) => a - b);
    };
    expect(await ids(meti)).toEqual([acme, osaka, quiet].sort((a, b) => a - b));
    const list = (await meti.req('GET', '/api/interested-companies')).json() as { items: Record<string, unknown>[]; total: number };
    expect(list.total).toBe(3);
    expect(list.items.find((i) => i.companyId === acme)).toMatchObject({
      sources: ['wish_sheet'],
      wantsDispatch: true,
      wantsHire: true,
      size: 'large',
      fieldCodes: expect.arrayContaining(['digital', 'policy']),
      wantedMinistries: [{ code: 'meti' }, { code: 'digital' }],
      sheetReferences: [refs.acme],
      contactEmail: null,
    });
    expect(list.items.find((i) => i.companyId === quiet)).toMatchObject({ sources: ['call_application'], contactEmail: 'hanako@example.jp', wantsHire: true, wantsDispatch: false, size: 'medium' });
    expect(await lastAudit('interested_company.list')).toMatchObject({ actorRole: 'ministry_hr' });

    expect(await ids(center, '?direction=dispatch')).toEqual([acme]);
    expect(await ids(npa, '?direction=hire')).toEqual([acme, osaka, quiet].sort((a, b) => a - b));
    expect(await ids(meti, '?field=risk')).toEqual([osaka]);
    // Two live sheets naming the field: the company is listed once.
    const second = await publish(hrOther, await create(hrOther, companySheet(osaka, { title: '二枚目', hosts: [], sends: [{ fields: ['risk'], ageBand: null, positionLevel: null }], wantedMinistries: [] })));
    expect(await ids(meti, '?field=risk')).toEqual([osaka]);
    expect((await meti.req('GET', '/api/interested-companies?field=risk')).json()).toMatchObject({ total: 1, items: [{ sheetReferences: [second.reference, refs.osaka] }] });
    expect(await ids(meti, '?field=risk&direction=hire')).toEqual([osaka]);
    expect(await ids(meti, '?field=risk&direction=dispatch')).toEqual([]);
    expect((await hrOther.req('POST', `/api/wishes/${second.id}/close`, { version: second.version })).statusCode).toBe(200);
    expect(await ids(meti, '?industry=E')).toEqual([quiet]);
    expect(await ids(meti, '?region=Kinki')).toEqual([osaka]);
    expect(await ids(meti, `?q=${encodeURIComponent('ｱｸﾒ')}`)).toEqual([acme]);
    expectBilingual(await hr.req('GET', '/api/interested-companies'), 403);

    const csv = await meti.req('GET', '/api/interested-companies.csv?industry=E');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    expect(csv.body).toContain('静岡精機株式会社');
    expect(csv.body).toContain('hanako@example.jp');
    expect(csv.body.trim().split('\r\n')).toHaveLength(2);
    expect(await lastAudit('interested_company.export')).toMatchObject({ after: { format: 'csv', count: 1 } });

    const xlsx = await meti.req('GET', '/api/interested-companies.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(4);
    expect(String(ws.getRow(1).getCell(2).value)).toContain('企業名');
  });
});
