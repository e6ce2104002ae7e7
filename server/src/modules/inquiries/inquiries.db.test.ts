// The single contact window (問合せ窓口) over the API: a company asks about a ministry's published
// sheet (and a ministry about a company's), the center forwards, the owner answers, both agree and
// the contacts are shown to the two sides and to nobody else (not another company, not another
// ministry, not the center); scoping (404 for others), invalid steps (403/409), bad input (400/422,
// nothing written), audit rows, mails, and the reminders written once after the parameter's days.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, desc, eq, like } from 'drizzle-orm';
import { accounts, auditLog, inquiries, inquiryMessages, mailOutbox, wishSheets } from '../../db/schema.ts';
import { createAccount, createCompany, login, loginAs, orgId, testApp, type Session, type TestApp } from '../../test/app.ts';
import { expectBilingual } from '../../test/expect.ts';
import { runReminders } from '../exchanges/reminders.runner.ts';
import type { InquiryContacts, InquiryDetail, InquirySummary } from '../../../../common/src/schemas/inquiries.schema.ts';

let t: TestApp;
let center: Session;
let npa: Session;
let participant: Session;
let metiHr: Session; // owner of the METI sheet
let metiHr2: Session; // another HR account of METI
let mofHr: Session; // another ministry
let aHr: Session; // company A: asks about METI's sheet, owns a company sheet
let bHr: Session; // company B: a third company
let aEmail = '';
let metiEmail = '';
let metiId = 0;
let mofId = 0;
let companyA = 0;
let companyB = 0;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-inquiries-'));
const clockFile = path.join(tmp, 'today');
const setToday = (d: string) => fs.writeFileSync(clockFile, d);
const noSmtp = { smtpUrl: undefined, mailFrom: 'koryu <no-reply@koryu.test>' };

const n = async (table: typeof inquiries | typeof inquiryMessages | typeof auditLog | typeof mailOutbox) =>
  Number((await t.db.db.select({ n: count() }).from(table))[0]!.n);
const lastAudit = async (action: string) => (await t.db.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0];
const mailsLike = (pattern: string) => t.db.db.select().from(mailOutbox).where(like(mailOutbox.dedupeKey, pattern));
const activeIds = async (where: ReturnType<typeof and>) => (await t.db.db.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.status, 'active'), where))).map((r) => r.id).sort();

let seq = 0;
async function sheet(v: { owner: { organisationId: number } | { companyId: number }; status?: string; expiresOn?: string | null; title?: string; body?: object }) {
  seq++;
  const reference = `WS-9${String(seq).padStart(5, '0')}`;
  const isCompany = 'companyId' in v.owner;
  await t.db.db.insert(wishSheets).values({
    reference,
    kind: isCompany ? 'company' : 'ministry_hire',
    direction: isCompany ? 'both' : 'hire',
    ...(isCompany ? { companyId: (v.owner as { companyId: number }).companyId } : { organisationId: (v.owner as { organisationId: number }).organisationId }),
    status: v.status ?? 'published',
    title: v.title ?? `テストシート${seq}`,
    body: v.body ?? {},
    periodMinMonths: 12,
    periodMaxMonths: 24,
    startFrom: '2027-04',
    startTo: '2027-10',
    expiresOn: v.expiresOn ?? null,
    publishedAt: v.status === 'draft' ? null : '2027-02-01T00:00:00Z',
  });
  return reference;
}

let metiSheet = '';
let companySheet = '';
let draftSheet = '';
let expiredSheet = '';
let mofSheet = '';

const ask = (s: Session, sheetReference: string, over: Record<string, unknown> = {}) =>
  s.req('POST', '/api/inquiries', { sheetReference, subject: 'デジタル人材の受入れについて', body: '貴省の交流採用のポストについて、求める経験を詳しく伺いたく存じます。', ...over });
const detail = async (s: Session, id: number) => {
  const res = await s.req('GET', `/api/inquiries/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as InquiryDetail;
};
const list = async (s: Session, query = '') => {
  const res = await s.req('GET', `/api/inquiries${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: InquirySummary[]; total: number };
};

beforeAll(async () => {
  setToday('2027-03-01');
  t = await testApp({ KORYU_CLOCK_FILE: clockFile });
  metiId = await orgId(t, '経済産業省');
  mofId = await orgId(t, '財務省');
  companyA = await createCompany(t, '問合せ電機株式会社');
  companyB = await createCompany(t, '第三者商事株式会社');
  center = await loginAs(t, 'center');
  npa = await loginAs(t, 'npa');
  participant = await loginAs(t, 'participant');
  aEmail = 'a-hr@toiawase.example.jp';
  metiEmail = 'meti-hr@meti.example.go.jp';
  aHr = await login(t, (await createAccount(t, 'company_hr', { companyId: companyA }, aEmail)).email);
  metiHr = await login(t, (await createAccount(t, 'ministry_hr', { organisationId: metiId }, metiEmail)).email);
  metiHr2 = await loginAs(t, 'ministry_hr', { organisationId: metiId });
  mofHr = await loginAs(t, 'ministry_hr', { organisationId: mofId });
  bHr = await loginAs(t, 'company_hr', { companyId: companyB });
  metiSheet = await sheet({ owner: { organisationId: metiId }, title: '交流採用：デジタル政策の企画立案' });
  companySheet = await sheet({ owner: { companyId: companyA }, title: 'データ分析部門での受入れ', body: { contact: { name: '人事部 交流担当', email: 'koryu@toiawase.example.jp', phone: '03-1111-2222' } } });
  draftSheet = await sheet({ owner: { organisationId: metiId }, status: 'draft' });
  expiredSheet = await sheet({ owner: { organisationId: metiId }, expiresOn: '2027-02-28' });
  mofSheet = await sheet({ owner: { organisationId: mofId } });
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('asking (問合せ)', () => {
  it('refuses bad input and sheets that cannot be asked about, in Japanese and English, writing nothing', async () => {
    const before = await Promise.all([n(inquiries), n(inquiryMessages), n(auditLog), n(mailOutbox)]);
    const bad = expectBilingual(await ask(aHr, 'WS-1', { subject: ' ', body: '' }), 400);
    expect(bad.fields!.map((f) => `${f.path}:${f.code}`).sort()).toEqual(['body:text.required', 'sheetReference:wish.reference_format', 'subject:text.required']);
    expectBilingual(await ask(aHr, metiSheet, { extra: 1 }), 400);

    // A company asking about a company's sheet; a ministry about another ministry's.
    expect(expectBilingual(await ask(bHr, companySheet), 422).code).toBe('inquiry.own_side');
    expect(expectBilingual(await ask(mofHr, metiSheet), 422).code).toBe('inquiry.own_side');
    expect(expectBilingual(await ask(metiHr, metiSheet), 422).code).toBe('inquiry.own_side');
    // Draft, expired (the clock's today is 2027-03-01) and unknown sheets answer alike.
    for (const ref of [draftSheet, expiredSheet, 'WS-999999']) expect(expectBilingual(await ask(aHr, ref), 422).code).toBe('inquiry.sheet_not_published');
    // Only the two sides ask.
    for (const s of [center, npa, participant]) expectBilingual(await ask(s, metiSheet), 403);
    expect(await Promise.all([n(inquiries), n(inquiryMessages), n(auditLog), n(mailOutbox)])).toEqual(before);
  });
});

describe('the whole flow: ask → forward → answer → both agree → contacts to the two sides only', () => {
  let id = 0;
  let version = 0;

  it('a company asks about a ministry’s sheet; the inquiry reaches the window, not the owner', async () => {
    const res = await ask(aHr, metiSheet);
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json() as InquiryDetail;
    id = d.id;
    version = d.version;
    expect(d).toMatchObject({ status: 'open', mySide: 'asker', sheet: { reference: metiSheet }, owner: { type: 'ministry', name: { ja: '経済産業省' } }, asker: { type: 'company', name: { ja: '問合せ電機株式会社' } } });
    expect(d.createdAt.startsWith('2027-02-28T') || d.createdAt.startsWith('2027-03-01T')).toBe(true); // the clock's date, in Japan
    expect(d.can).toMatchObject({ forward: false, reply: true, agree: true, close: true, readContacts: false });
    expect(await lastAudit('inquiry.create')).toMatchObject({ recordId: String(id), actorRole: 'company_hr', after: { sheetReference: metiSheet, status: 'open' } });

    // One mail to each active center account; none to METI yet.
    const created = await mailsLike(`inquiry.created:inquiry=${id}:%`);
    expect(created.map((m) => m.toAccountId).sort()).toEqual(await activeIds(eq(accounts.role, 'center')));
    expect(created[0]!.body).toContain(metiSheet);
    expect(await mailsLike(`inquiry.forwarded:inquiry=${id}:%`)).toHaveLength(0);

    // METI does not see it before the window forwards it.
    expectBilingual(await metiHr.req('GET', `/api/inquiries/${id}`), 404);
    expectBilingual(await metiHr.req('POST', `/api/inquiries/${id}/agree`, {}), 404);
    expectBilingual(await metiHr.req('POST', `/api/inquiries/${id}/messages`, { body: '回答します' }), 404);
    expect((await list(metiHr)).items.map((i) => i.id)).not.toContain(id);
  });

  it('the window sees it with both names, keeps a note to itself, and forwards with a note for the owner', async () => {
    const row = (await list(center)).items.find((i) => i.id === id)!;
    expect(row).toMatchObject({ mySide: 'center', asker: { name: { ja: '問合せ電機株式会社' } }, owner: { name: { ja: '経済産業省' } } });
    expect((await center.req('POST', `/api/inquiries/${id}/messages`, { body: '窓口メモ：先週の説明会に参加した企業', audience: 'center' })).statusCode).toBe(201);
    // The asker agrees early, withdraws, and the window's stale version is refused.
    expect((await detail(aHr, id)).messages.map((m) => m.body)).not.toContain('窓口メモ：先週の説明会に参加した企業');
    const agreed = await aHr.req('POST', `/api/inquiries/${id}/agree`, {});
    expect(agreed.json()).toMatchObject({ status: 'open', askerAgreed: true, can: { agree: false, withdrawAgreement: true } });
    const withdrawn = await aHr.req('POST', `/api/inquiries/${id}/withdraw-agreement`, {});
    expect(withdrawn.json()).toMatchObject({ status: 'open', askerAgreed: false });
    expect(await lastAudit('inquiry.withdraw_agreement')).toMatchObject({ recordId: String(id), after: { side: 'asker', agreed: false } });

    expect(expectBilingual(await center.req('POST', `/api/inquiries/${id}/forward`, { note: '', version }), 409).code).toBe('inquiry.version');
    const current = (await detail(center, id)).version;
    const fwd = await center.req('POST', `/api/inquiries/${id}/forward`, { note: '先方は4月開始を希望しています。', version: current });
    expect(fwd.statusCode, fwd.body).toBe(200);
    expect(fwd.json()).toMatchObject({ status: 'forwarded' });
    expect(await lastAudit('inquiry.forward')).toMatchObject({ recordId: String(id), actorRole: 'center', before: { status: 'open' }, after: { status: 'forwarded' } });
    expect(expectBilingual(await center.req('POST', `/api/inquiries/${id}/forward`, {}), 409).code).toBe('inquiry.already_forwarded');
    // Only the window forwards.
    expectBilingual(await aHr.req('POST', `/api/inquiries/${id}/forward`, {}), 403);

    // Every METI HR account is told; the mail names the sheet, never the asking company.
    const forwarded = await mailsLike(`inquiry.forwarded:inquiry=${id}:%`);
    expect(forwarded.map((m) => m.toAccountId).sort()).toEqual(await activeIds(and(eq(accounts.role, 'ministry_hr'), eq(accounts.organisationId, metiId))));
    for (const m of forwarded) expect(m.body.includes('問合せ電機')).toBe(false);
  });

  it('the owner sees the question and the note, not the window’s own note, nor who asked', async () => {
    const d = await detail(metiHr, id);
    expect(d).toMatchObject({ mySide: 'owner', status: 'forwarded', asker: { type: 'company', name: null } });
    const bodies = d.messages.filter((m) => m.side !== 'system').map((m) => m.body);
    expect(bodies).toEqual(['貴省の交流採用のポストについて、求める経験を詳しく伺いたく存じます。', '先方は4月開始を希望しています。']);
    expect(d.messages.every((m) => m.authorName === null)).toBe(true); // names are contact details
    expect(JSON.stringify(d)).not.toContain('問合せ電機');
    const listed = (await list(metiHr, '?side=owner')).items.find((i) => i.id === id)!;
    expect(listed.asker.name).toBeNull();
    // The asker does not see the note to the owner, but sees its own name on its message.
    const mine = await detail(aHr, id);
    expect(mine.messages.map((m) => m.body)).not.toContain('先方は4月開始を希望しています。');
    expect(mine.messages.find((m) => m.side === 'asker')!.authorName).toBe('company_hr');
    expect(mine.audiences).toEqual(['all', 'asker']);
  });

  it('the owner answers; only the window or the asker closes; contacts wait for both agreements', async () => {
    const ans = await metiHr.req('POST', `/api/inquiries/${id}/messages`, { body: 'データ分析の実務経験3年以上を想定しています。' });
    expect(ans.statusCode, ans.body).toBe(201);
    expect(ans.json()).toMatchObject({ status: 'answered' });
    expect(await lastAudit('inquiry.answer')).toMatchObject({ recordId: String(id), before: { status: 'forwarded' }, after: { status: 'answered', side: 'owner', audience: 'all' } });
    expect((await mailsLike(`inquiry.answered:inquiry=${id}:%`)).map((m) => m.toAccountId).sort()).toEqual(await activeIds(and(eq(accounts.role, 'company_hr'), eq(accounts.companyId, companyA))));
    expect(expectBilingual(await metiHr.req('POST', `/api/inquiries/${id}/messages`, { body: 'x', audience: 'center' }), 422).code).toBe('inquiry.audience_not_allowed');
    expect(expectBilingual(await metiHr.req('POST', `/api/inquiries/${id}/close`, {}), 403).code).toBe('inquiry.side_not_allowed');
    expect(expectBilingual(await aHr.req('GET', `/api/inquiries/${id}/contacts`), 409).code).toBe('inquiry.contacts_not_exchanged');

    // The owner agrees, withdraws (the asker has not agreed yet), agrees again.
    expect((await metiHr.req('POST', `/api/inquiries/${id}/agree`, {})).json()).toMatchObject({ status: 'answered', ownerAgreed: true });
    expect(expectBilingual(await metiHr2.req('POST', `/api/inquiries/${id}/agree`, {}), 409).code).toBe('inquiry.already_agreed');
    expect((await metiHr.req('POST', `/api/inquiries/${id}/withdraw-agreement`, {})).json()).toMatchObject({ ownerAgreed: false });
    expect(expectBilingual(await metiHr.req('POST', `/api/inquiries/${id}/withdraw-agreement`, {}), 409).code).toBe('inquiry.not_agreed');
    expect((await metiHr.req('POST', `/api/inquiries/${id}/agree`, {})).json()).toMatchObject({ status: 'answered', ownerAgreed: true, askerAgreed: false });
    expect(expectBilingual(await metiHr.req('GET', `/api/inquiries/${id}/contacts`), 409).code).toBe('inquiry.contacts_not_exchanged');
  });

  it('the second agreement exchanges the contacts, shown to both sides and read with an audit row', async () => {
    const res = await aHr.req('POST', `/api/inquiries/${id}/agree`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'contact_exchanged', askerAgreed: true, ownerAgreed: true, can: { readContacts: true, withdrawAgreement: false } });
    expect(await lastAudit('inquiry.exchange_contacts')).toMatchObject({ recordId: String(id), before: { status: 'answered' }, after: { status: 'contact_exchanged', side: 'asker' } });
    expect(await mailsLike(`inquiry.contacts_exchanged:inquiry=${id}:%`)).toHaveLength((await activeIds(and(eq(accounts.role, 'company_hr'), eq(accounts.companyId, companyA)))).length + (await activeIds(and(eq(accounts.role, 'ministry_hr'), eq(accounts.organisationId, metiId)))).length);
    expect(expectBilingual(await aHr.req('POST', `/api/inquiries/${id}/withdraw-agreement`, {}), 409).code).toBe('inquiry.contacts_already_exchanged');

    for (const s of [aHr, metiHr, metiHr2]) {
      const before = await n(auditLog);
      const c = await s.req('GET', `/api/inquiries/${id}/contacts`);
      expect(c.statusCode, c.body).toBe(200);
      const body = c.json() as InquiryContacts;
      expect(body.asker).toMatchObject({ type: 'company', organisationName: { ja: '問合せ電機株式会社' }, email: aEmail });
      expect(body.owner).toMatchObject({ type: 'ministry', organisationName: { ja: '経済産業省' }, email: metiEmail }); // the account that agreed
      expect(body.sheetContact).toBeNull();
      expect(await n(auditLog)).toBe(before + 1);
      expect(await lastAudit('inquiry.contacts_read')).toMatchObject({ recordId: String(id), actorAccountId: s.accountId });
    }
  });

  it('nobody else gets the contacts: not another company, not another ministry, not the window', async () => {
    for (const s of [bHr, mofHr]) {
      expectBilingual(await s.req('GET', `/api/inquiries/${id}/contacts`), 404);
      expectBilingual(await s.req('GET', `/api/inquiries/${id}`), 404);
      expect((await list(s)).items.map((i) => i.id)).not.toContain(id);
    }
    for (const s of [center, npa, participant]) expectBilingual(await s.req('GET', `/api/inquiries/${id}/contacts`), 403);
    expectBilingual(await participant.req('GET', `/api/inquiries/${id}`), 404);
    expect((await list(participant)).total).toBe(0);
    // The window sees that contacts were exchanged, not the details.
    const seen = await center.req('GET', `/api/inquiries/${id}`);
    expect(seen.json()).toMatchObject({ status: 'contact_exchanged', can: { readContacts: false } });
    for (const secret of [aEmail, metiEmail]) expect(seen.body).not.toContain(secret);
    expect(JSON.stringify((await list(center)).items)).not.toContain(aEmail);
  });

  it('the asker closes; nothing more can be written, the contacts stay with the two sides', async () => {
    const closed = await aHr.req('POST', `/api/inquiries/${id}/close`, {});
    expect(closed.json()).toMatchObject({ status: 'closed', can: { reply: false, close: false, readContacts: true } });
    expect((closed.json() as InquiryDetail).timeline.map((s) => s.status)).toEqual(['open', 'forwarded', 'answered', 'contact_exchanged', 'closed']);
    expect(expectBilingual(await aHr.req('POST', `/api/inquiries/${id}/messages`, { body: 'もう一点' }), 409).code).toBe('inquiry.closed');
    expect(expectBilingual(await center.req('POST', `/api/inquiries/${id}/close`, {}), 409).code).toBe('inquiry.closed');
    expect((await metiHr.req('GET', `/api/inquiries/${id}/contacts`)).statusCode).toBe(200);
    const events = (await detail(center, id)).messages.filter((m) => m.side === 'system').map((m) => `${m.event}:${m.eventSide}`);
    expect(events).toEqual(['agreed:asker', 'agreement_withdrawn:asker', 'forwarded:center', 'agreed:owner', 'agreement_withdrawn:owner', 'agreed:owner', 'agreed:asker', 'contacts_exchanged:asker', 'closed:asker']);
  });
});

describe('the other direction and scoping', () => {
  it('a ministry asks about a company’s sheet; the company sees it only once forwarded, with the sheet’s own contact on exchange', async () => {
    const res = await ask(mofHr, companySheet, { subject: '受入れ部署の業務内容' });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as InquiryDetail).id;
    expectBilingual(await aHr.req('GET', `/api/inquiries/${id}`), 404);
    await center.req('POST', `/api/inquiries/${id}/forward`, {});
    expect(await detail(aHr, id)).toMatchObject({ mySide: 'owner', asker: { type: 'ministry', name: null }, owner: { type: 'company' } });
    expectBilingual(await bHr.req('GET', `/api/inquiries/${id}`), 404);
    expectBilingual(await metiHr.req('GET', `/api/inquiries/${id}`), 404);
    await mofHr.req('POST', `/api/inquiries/${id}/agree`, {});
    expect((await aHr.req('POST', `/api/inquiries/${id}/agree`, {})).json()).toMatchObject({ status: 'contact_exchanged' });
    const c = (await mofHr.req('GET', `/api/inquiries/${id}/contacts`)).json() as InquiryContacts;
    expect(c.asker).toMatchObject({ type: 'ministry', organisationName: { ja: '財務省' } });
    expect(c.owner).toMatchObject({ type: 'company', organisationName: { ja: '問合せ電機株式会社' }, email: aEmail });
    expect(c.sheetContact).toEqual({ name: '人事部 交流担当', email: 'koryu@toiawase.example.jp', phone: '03-1111-2222' });
  });

  it('each side lists its own; the window all; filters by status and side', async () => {
    const all = await list(center, '?pageSize=200');
    expect(all.total).toBe(2);
    expect((await list(npa)).total).toBe(2);
    expect((await list(aHr)).items.map((i) => i.mySide).sort()).toEqual(['asker', 'owner']);
    expect((await list(aHr, '?side=asker')).items.map((i) => i.sheet.reference)).toEqual([metiSheet]);
    expect((await list(aHr, '?side=owner')).items.map((i) => i.sheet.reference)).toEqual([companySheet]);
    expect((await list(aHr, '?status=closed')).total).toBe(1);
    expect((await list(center, '?status=contact_exchanged')).total).toBe(1);
    expect((await list(metiHr)).items.map((i) => i.sheet.reference)).toEqual([metiSheet]);
    expect((await list(mofHr)).items.map((i) => i.sheet.reference)).toEqual([companySheet]);
    expect((await list(bHr)).total).toBe(0);
    expectBilingual(await center.req('GET', '/api/inquiries?status=lost'), 400);
  });
});

describe('reminders when unanswered (koryu reminders run)', () => {
  it('reminds the window once after the open days, and the owner once after the forwarded days', async () => {
    setToday('2027-03-01');
    const id = ((await ask(bHr, mofSheet, { subject: '派遣の時期について' })).json() as InquiryDetail).id;
    const centerIds = await activeIds(eq(accounts.role, 'center'));
    const mofIds = await activeIds(and(eq(accounts.role, 'ministry_hr'), eq(accounts.organisationId, mofId)));
    const mine = (kind: string) => mailsLike(`reminder.${kind}:inquiry=${id}:%`);

    await runReminders(t.db, noSmtp, '2027-03-03'); // 2 days: not yet
    expect(await mine('inquiry_not_forwarded')).toHaveLength(0);
    const due = await runReminders(t.db, noSmtp, '2027-03-04'); // 3 days (the parameter)
    expect(due.byKind.inquiry_not_forwarded).toBe(centerIds.length);
    const open = await mine('inquiry_not_forwarded');
    expect(open.map((m) => m.toAccountId).sort()).toEqual(centerIds);
    expect(open[0]!.dedupeKey).toBe(`reminder.inquiry_not_forwarded:inquiry=${id}:since=2027-03-01:to=${open[0]!.toAccountId}`);
    expect(open[0]!.body.indexOf('3日間')).toBeLessThan(open[0]!.body.indexOf('3 day(s)'));
    const again = await runReminders(t.db, noSmtp, '2027-03-06');
    expect(again.byKind.inquiry_not_forwarded).toBeUndefined();
    expect(await mine('inquiry_not_forwarded')).toHaveLength(centerIds.length);

    setToday('2027-03-06');
    await center.req('POST', `/api/inquiries/${id}/forward`, {});
    await runReminders(t.db, noSmtp, '2027-03-12'); // 6 days after forwarding: not yet
    expect(await mine('inquiry_unanswered')).toHaveLength(0);
    await runReminders(t.db, noSmtp, '2027-03-13'); // 7 days
    await runReminders(t.db, noSmtp, '2027-03-20');
    const unanswered = await mine('inquiry_unanswered');
    expect(unanswered.map((m) => m.toAccountId).sort()).toEqual(mofIds);
    expect(unanswered.every((m) => !m.body.includes('第三者商事'))).toBe(true);

    // Once answered, nothing more is due for it.
    setToday('2027-03-21');
    await mofHr.req('POST', `/api/inquiries/${id}/messages`, { body: '10月開始で調整可能です。' });
    const after = await runReminders(t.db, noSmtp, '2027-04-30');
    expect(after.byKind.inquiry_unanswered).toBeUndefined();
    expect(await lastAudit('mail.remind')).toBeTruthy();
  });
});
