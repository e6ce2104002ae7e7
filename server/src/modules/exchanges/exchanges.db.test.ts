// Exchange cases through the API on a real database: a dispatch walked from consultation to return
// with its guards (criteria, the 1-month deadline, one active case per person), a query answered,
// a hire (雇用継続型) refused by the licensing rule, an extension within 5 years, scoping, audit.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, caseInterviews, exchangeHistory, licensingJurisdictions, orgUnits, people, postAssignments } from '../../db/schema.ts';
import { createCompany, loginAs, newCorporateNumber, orgId, testApp, type Session, type TestApp } from '../../test/app.ts';

let t: TestApp;
let clockFile = '';
const setToday = (d: string) => writeFileSync(clockFile, d);
let npa: Session;
let ministry: Session;
let otherMinistry: Session;
let companyHr: Session;
let otherCompanyHr: Session;
let center: Session;
let meti = 0;
let unitId = 0;
let companyId = 0;
let officialId = 0;
let employeeId = 0;

const unitByCode = async (organisationId: number) =>
  (await t.db.db.select({ id: orgUnits.id }).from(orgUnits).where(and(eq(orgUnits.organisationId, organisationId), eq(orgUnits.kind, 'division'))).limit(2)).map((r) => r.id);

beforeAll(async () => {
  clockFile = join(mkdtempSync(join(tmpdir(), 'koryu-clock-')), 'today');
  setToday('2027-01-10');
  t = await testApp({ KORYU_CLOCK_FILE: clockFile });
  meti = await orgId(t, '経済産業省');
  unitId = (await unitByCode(meti))[0]!;
  companyId = await createCompany(t, '交流受入株式会社');
  const db = t.db.db;
  [{ id: officialId }] = (await db.insert(people).values({ kind: 'official', familyName: '髙橋', givenName: '一郎', organisationId: meti }).returning({ id: people.id })) as [{ id: number }];
  await db.insert(postAssignments).values({ personId: officialId, unitId: unitId!, postTitleJa: '課長補佐', startDate: '2020-04-01', handlesLicensing: false });
  [{ id: employeeId }] = (await db.insert(people).values({ kind: 'employee', familyName: '佐藤', givenName: '次郎', companyId }).returning({ id: people.id })) as [{ id: number }];
  [npa, ministry, otherMinistry, companyHr, otherCompanyHr, center] = await Promise.all([
    loginAs(t, 'npa'),
    loginAs(t, 'ministry_hr'),
    loginAs(t, 'ministry_hr', { organisationId: await orgId(t, '財務省') }),
    loginAs(t, 'company_hr', { companyId }),
    loginAs(t, 'company_hr'),
    loginAs(t, 'center'),
  ]);
});
afterAll(async () => t?.close());

const step = (s: Session, id: number, version: number, event: string, extra: Record<string, unknown> = {}) =>
  s.req('POST', `/api/exchanges/cases/${id}/transitions`, { event, version, ...extra });

/** The pre-filled sheet completed as a ministry would. */
function completeSheet(prefill: Record<string, any>) {
  const contact = { name: '人事 太郎', email: 'hr@example.go.jp', phone: '03-1234-5678' };
  return {
    ...prefill,
    person: { ...prefill.person, familyNameKana: 'タカハシ', givenNameKana: 'イチロウ', birthDate: '1990-05-01' },
    company: { ...prefill.company, division: prefill.company.division ?? '新規事業開発部' },
    duties: { purpose: '民間の経営手法の習得', description: '新規事業の企画', selectionReason: '政策立案の中核を担う職員のため' },
    pay: { monthlySalaryYen: 450000, payer: prefill.direction === 'dispatch' ? 'company' : 'state' },
    hours: { workingHours: '9:00〜17:45', annualLeaveDays: 20 },
    welfare: {},
    constraints: prefill.direction === 'dispatch' ? { dispatchNoLobbying: true, dispatchConfidentiality: true, dispatchReturn: true } : { hireNoHomeCompanyBusiness: true, hireNoLicensingPost: true, hireNoPayFromHomeCompany: true },
    contacts: { ministry: contact, company: { ...contact, email: 'hr@example.co.jp' } },
  };
}

/** Stores an input-support sheet and a draft agreement the way the documents routes do, without them. */
async function markDocumentsReady(id: number) {
  const { exchangeCases, caseDocuments } = await import('../../db/schema.ts');
  await t.db.db.update(exchangeCases).set({ sheet: { filled: true } }).where(eq(exchangeCases.id, id));
  await t.db.db.insert(caseDocuments).values({ caseId: id, kind: 'agreement_draft', version: 1, filename: 'draft.pdf', contentType: 'application/pdf', sizeBytes: 3, sha256: 'x', content: Buffer.from('pdf') });
}

describe('a dispatch (交流派遣) from consultation to return', () => {
  let id = 0;
  let v = 0;
  const next = async (s: Session, event: string, extra: Record<string, unknown> = {}) => {
    const res = await step(s, id, v, event, extra);
    if (res.statusCode !== 200) throw new Error(`${event}: ${res.statusCode} ${res.body}`);
    v = res.json().version;
    return res.json();
  };

  it('opens a case in consultation and shows the ministry what it can do next', async () => {
    const res = await ministry.req('POST', '/api/exchanges/cases', {
      direction: 'dispatch',
      unitId,
      postTitle: '課長補佐',
      companyId,
      personId: officialId,
      plannedStart: '2027-04-01',
      plannedEnd: '2029-03-31',
    });
    expect(res.statusCode).toBe(201);
    const c = res.json();
    id = c.id;
    v = c.version;
    expect(c).toMatchObject({ state: 'consultation', direction: 'dispatch', hireType: null, personName: '髙橋 一郎' });
    expect(c.reference).toMatch(/^KR-2027-\d{6}$/);
    const submit = c.actions.find((a: { event: string }) => a.event === 'submit');
    expect(submit.blocks.map((b: { code: string }) => b.code)).toEqual(['workflow.sheet_missing', 'workflow.agreement_missing']);
  });

  it('refuses submission without the documents, naming each in ja and en, and writes nothing', async () => {
    const res = await step(ministry, id, v, 'submit');
    expect(res.statusCode).toBe(422);
    const e = res.json().error;
    expect(e.code).toBe('transition_blocked');
    expect(e.details.blocks.map((b: { code: string }) => b.code)).toEqual(['workflow.sheet_missing', 'workflow.agreement_missing']);
    expect(e.message.ja).toContain('入力支援シート');
    expect(e.message.en).toContain('input-support sheet');
    expect((await ministry.req('GET', `/api/exchanges/cases/${id}`)).json().state).toBe('consultation');
  });

  it('keeps the input-support sheet: a broken upload saves nothing; a filled sheet and a draft agreement are new versions', async () => {
    const xlsx = { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
    const garbage = await ministry.req('POST', `/api/exchanges/cases/${id}/input-sheet`, Buffer.from('not a workbook'), xlsx);
    expect(garbage.statusCode).toBe(422);
    expect(garbage.json().error.code).toBe('document_rejected');
    expect(garbage.json().error.details.errors.length).toBeGreaterThan(0);
    // The pre-filled download, uploaded back unfilled: every missing field is named by row.
    const blank = await ministry.req('GET', `/api/exchanges/cases/${id}/input-sheet.xlsx`);
    expect(blank.statusCode).toBe(200);
    const partial = await ministry.req('POST', `/api/exchanges/cases/${id}/input-sheet`, blank.rawPayload, xlsx);
    expect(partial.statusCode).toBe(422);
    const errs = partial.json().error.details.errors as { row: number; field: string; message: { ja: string; en: string } }[];
    expect(errs.map((e) => e.field)).toEqual(expect.arrayContaining(['duties.purpose', 'contacts.ministry.email']));
    expect(errs.every((e) => e.row > 0 && e.message.ja && e.message.en)).toBe(true);
    const after = (await ministry.req('GET', `/api/exchanges/cases/${id}`)).json();
    expect(after).toMatchObject({ hasSheet: false, documents: [] });
    // Filled on screen.
    const { prefill, version } = (await ministry.req('GET', `/api/exchanges/cases/${id}/sheet`)).json();
    const sheet = completeSheet(prefill);
    const wrongCompany = await ministry.req('PUT', `/api/exchanges/cases/${id}/sheet`, { version, sheet: { ...sheet, company: { ...sheet.company, corporateNumber: newCorporateNumber() } } });
    expect(wrongCompany.statusCode).toBe(422);
    const saved = await ministry.req('PUT', `/api/exchanges/cases/${id}/sheet`, { version, sheet });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ hasSheet: true, documents: [{ kind: 'input_sheet', version: 1 }] });
    v = saved.json().version;
    // The saved sheet downloads back and uploads again as version 2.
    const again = await ministry.req('GET', `/api/exchanges/cases/${id}/input-sheet.xlsx`);
    const up = await ministry.req('POST', `/api/exchanges/cases/${id}/input-sheet`, again.rawPayload, xlsx);
    expect(up.statusCode).toBe(200);
    expect(up.json().documents.filter((d: { kind: string }) => d.kind === 'input_sheet').map((d: { version: number }) => d.version)).toEqual([2, 1]);
    v = up.json().version;
    const agreement = await ministry.req('POST', `/api/exchanges/cases/${id}/documents/agreement`);
    expect(agreement.statusCode).toBe(201);
    const pdf = await ministry.req('GET', `/api/exchanges/cases/${id}/documents/${agreement.json().id}`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await otherCompanyHr.req('GET', `/api/exchanges/cases/${id}/documents/${agreement.json().id}`)).statusCode).toBe(404);
  });

  it('refuses a submission less than a month before the start', async () => {
    setToday('2027-03-02');
    const res = await step(ministry, id, v, 'submit');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.blocks.map((b: { code: string }) => b.code)).toEqual(['workflow.submission_too_late']);
    expect(res.json().error.details.blocks[0].message.ja).toContain('2027-03-01');
    setToday('2027-01-10');
  });

  it('refuses a stale version with 409', async () => {
    const res = await step(ministry, id, v + 5, 'submit');
    expect(res.statusCode).toBe(409);
  });

  it('submits with fresh criteria, sets the review clock in working days, and is refused to the wrong role', async () => {
    const c = await next(ministry, 'submit');
    expect(c.state).toBe('submitted');
    expect(c.submittedOn).toBe('2027-01-10');
    // 2027-01-10 is a Sunday; 10 working days on, skipping 成人の日 (11 Jan): 25 Jan.
    expect(c.reviewDueOn).toBe('2027-01-25');
    expect(c.criteria.verdict).toBe('eligible');
    const { mailOutbox } = await import('../../db/schema.ts');
    const mails = await t.db.db.select().from(mailOutbox).where(and(eq(mailOutbox.caseId, id), eq(mailOutbox.kind, 'case.submit')));
    expect(mails.map((m) => m.toAccountId)).toContain(npa.accountId);
    expect(mails[0]!.subject).toContain('入力支援シート等が提出されました');
    expect((await step(companyHr, id, v, 'start_review')).statusCode).toBe(422);
  });

  it('lets the NPA query the ministry and the ministry answer, kept as a thread', async () => {
    await next(npa, 'start_review');
    const bad = await step(npa, id, v, 'query', {});
    expect(bad.statusCode).toBe(400);
    await next(npa, 'query', { note: '派遣先での業務内容を具体的に記載してください。' });
    const answered = await next(ministry, 'answer', { note: '新規事業開発部で事業企画を担当します。' });
    expect(answered.state).toBe('under_review');
    expect(answered.messages.map((m: { kind: string }) => m.kind)).toEqual(['query', 'answer']);
  });

  it('flags the review as overdue after the target and lists it first in the NPA queue', async () => {
    setToday('2027-01-26');
    const q = (await npa.req('GET', '/api/exchanges/queue')).json();
    expect(q.items.find((i: { id: number }) => i.id === id)).toMatchObject({ overdue: true });
    expect((await npa.req('GET', '/api/exchanges/queue?overdue=true')).json().total).toBe(1);
    const p = (await ministry.req('GET', '/api/exchanges/pipeline')).json();
    expect(p.overdue).toBe(1);
    setToday('2027-01-20');
  });

  it('goes through 内諾, formal application, certification and the agreement', async () => {
    await next(npa, 'approve_informally');
    await next(ministry, 'apply_formally');
    const certified = await next(npa, 'certify');
    expect(certified).toMatchObject({ state: 'certified', certifiedOn: '2027-01-20', informallyApprovedOn: '2027-01-20' });
    const notice = certified.documents.find((d: { kind: string }) => d.kind === 'certification_notice');
    expect(notice).toMatchObject({ version: 1, contentType: 'application/pdf' });
    const signed = await next(companyHr, 'sign_agreement');
    expect(signed.state).toBe('agreement_signed');
  });

  it('cannot begin before the start date; begins on it with interviews scheduled every quarter', async () => {
    const early = await step(ministry, id, v, 'begin');
    expect(early.statusCode).toBe(422);
    expect(early.json().error.details.blocks[0].code).toBe('workflow.before_start');
    setToday('2027-04-01');
    const c = await next(ministry, 'begin');
    expect(c).toMatchObject({ state: 'active', actualStart: '2027-04-01' });
    expect(c.interviews.map((i: { scheduledOn: string }) => i.scheduledOn).slice(0, 3)).toEqual(['2027-07-01', '2027-10-01', '2028-01-01']);
    expect(c.interviews).toHaveLength(7);
    const h = await t.db.db.select().from(exchangeHistory).where(eq(exchangeHistory.note, `case:${c.reference}`));
    expect(h).toHaveLength(1);
  });

  it('keeps one person in one active exchange', async () => {
    setToday('2027-01-10');
    const other = (
      await ministry.req('POST', '/api/exchanges/cases', { direction: 'dispatch', unitId, postTitle: '課長補佐', companyId, personId: officialId, plannedStart: '2027-04-01', plannedEnd: '2028-03-31' })
    ).json();
    const { exchangeCases } = await import('../../db/schema.ts');
    await t.db.db.update(exchangeCases).set({ state: 'agreement_signed' }).where(eq(exchangeCases.id, other.id));
    const { exchangesRepository } = await import('./exchanges.repository.ts');
    await exchangesRepository.rebuildCounts(t.db.db);
    setToday('2027-04-02');
    const res = await step(ministry, other.id, other.version, 'begin');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.blocks.map((b: { code: string }) => b.code)).toContain('workflow.person_busy');
  });

  it('records an interview, extends within 5 years with NPA approval, refuses beyond', async () => {
    setToday('2027-07-02');
    const c0 = (await ministry.req('GET', `/api/exchanges/cases/${id}`)).json();
    const first = c0.interviews[0];
    const rec = await ministry.req('PATCH', `/api/exchanges/cases/${id}/interviews/${first.id}`, { status: 'held', notes: '業務に順調に適応している。' });
    expect(rec.statusCode).toBe(200);
    expect(rec.json()).toMatchObject({ status: 'held', heldOn: '2027-07-02' });
    const tooFar = await ministry.req('POST', `/api/exchanges/cases/${id}/extensions`, { requestedEnd: '2032-04-01', reason: '事業の完了まで' });
    expect(tooFar.statusCode).toBe(422);
    expect(tooFar.json().error.details.blocks[0].code).toBe('workflow.extension_beyond_limit');
    const ok = await ministry.req('POST', `/api/exchanges/cases/${id}/extensions`, { requestedEnd: '2030-03-31', reason: '事業の完了まで' });
    expect(ok.statusCode).toBe(201);
    const byMinistry = await ministry.req('POST', `/api/exchanges/cases/${id}/extensions/${ok.json().id}/decision`, { approve: true, version: c0.version });
    expect(byMinistry.statusCode).toBe(403);
    const approved = await npa.req('POST', `/api/exchanges/cases/${id}/extensions/${ok.json().id}/decision`, { approve: true, version: c0.version });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ state: 'extended', plannedEnd: '2030-03-31', extensions: [{ status: 'approved' }] });
    v = approved.json().version;
  });

  it('returns, with the post after return and the use of the experience; closes the history', async () => {
    setToday('2030-03-31');
    const missing = await step(ministry, id, v, 'return', {});
    expect(missing.statusCode).toBe(400);
    const c = await next(ministry, 'return', { returnPost: '経済産業省 産業政策局 企画官', experienceUse: '新規事業の知見を政策立案に活かす。' });
    expect(c).toMatchObject({ state: 'returned', actualEnd: '2030-03-31', returnPost: '経済産業省 産業政策局 企画官' });
    expect(c.actions).toEqual([]);
    const h = await t.db.db.select().from(exchangeHistory).where(eq(exchangeHistory.note, `case:${c.reference}`));
    expect(h[0]!.endDate).toBe('2030-03-31');
    // Interviews after the return are cancelled; earlier ones not recorded stay visible as missed.
    const left = await t.db.db.select().from(caseInterviews).where(and(eq(caseInterviews.caseId, id), eq(caseInterviews.status, 'scheduled')));
    expect(left.filter((i) => i.scheduledOn >= '2030-03-31')).toEqual([]);
    expect(left.length).toBeGreaterThan(0);
    const audit = await t.db.db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.recordType, 'exchange_case'), eq(auditLog.recordId, String(id))));
    const actions = audit.map((a) => a.action);
    for (const a of ['exchange_case.create', 'exchange_case.submit', 'exchange_case.query', 'exchange_case.answer', 'exchange_case.certify', 'exchange_case.begin', 'exchange_case.extend', 'exchange_case.return', 'exchange_case.read'])
      expect(actions).toContain(a);
  });

  it('scopes the case: other ministry and company 404, the center reads it without the name', async () => {
    expect((await otherMinistry.req('GET', `/api/exchanges/cases/${id}`)).statusCode).toBe(404);
    expect((await otherCompanyHr.req('GET', `/api/exchanges/cases/${id}`)).statusCode).toBe(404);
    const seen = await center.req('GET', `/api/exchanges/cases/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ personName: null, personId: null, actions: [] });
    expect((await otherMinistry.req('GET', '/api/exchanges/cases')).json().items.map((i: { id: number }) => i.id)).not.toContain(id);
    expect((await center.req('POST', `/api/exchanges/cases/${id}/messages`, { body: 'x' })).statusCode).toBe(403);
  });
});

describe('a hire (交流採用, 雇用継続型) whose post handles licensing over the home company', () => {
  it('is blocked at submission by the criteria, with the rule named', async () => {
    setToday('2027-01-10');
    await t.db.db.insert(licensingJurisdictions).values({ unitId, companyId, startDate: '2015-04-01', basis: 'テスト法' });
    const c = (
      await ministry.req('POST', '/api/exchanges/cases', { direction: 'hire', hireType: 'continued', unitId, postTitle: '専門職', companyId, personId: employeeId, plannedStart: '2027-04-01', plannedEnd: '2029-03-31' })
    ).json();
    expect(c.hireType).toBe('continued');
    await markDocumentsReady(c.id);
    const res = await step(ministry, c.id, c.version, 'submit');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.blocks.map((b: { code: string }) => b.code)).toEqual(['criteria.ineligible']);
    const after = (await ministry.req('GET', `/api/exchanges/cases/${c.id}`)).json();
    expect(after.state).toBe('consultation');
    expect(after.criteria.verdict).toBe('ineligible');
    expect(after.criteria.decision.rules.find((r: { ruleId: string }) => r.ruleId === 'licensing_post').outcome).toBe('fail');
    await t.db.db.delete(licensingJurisdictions).where(eq(licensingJurisdictions.companyId, companyId));
  });

  it('lets the company name which of its employees goes on a hire, and nothing else', async () => {
    setToday('2027-01-10');
    const c = (
      await ministry.req('POST', '/api/exchanges/cases', { direction: 'hire', hireType: 'resigned', unitId, postTitle: '専門職', companyId, plannedStart: '2027-06-01', plannedEnd: '2029-05-31' })
    ).json();
    expect(c.personId).toBeNull();
    expect((await companyHr.req('PATCH', `/api/exchanges/cases/${c.id}`, { version: c.version, postTitle: '課長' })).statusCode).toBe(403);
    expect((await otherCompanyHr.req('PATCH', `/api/exchanges/cases/${c.id}`, { version: c.version, personId: employeeId })).statusCode).toBe(404);
    const named = await companyHr.req('PATCH', `/api/exchanges/cases/${c.id}`, { version: c.version, personId: employeeId });
    expect(named.statusCode).toBe(200);
    expect(named.json()).toMatchObject({ personId: employeeId, personName: '佐藤 次郎' });
    expect((await ministry.req('GET', `/api/exchanges/cases/${c.id}`)).json().personName).toBe('佐藤 次郎');
    const dispatch = (await ministry.req('POST', '/api/exchanges/cases', { direction: 'dispatch', unitId, postTitle: '係長', companyId, plannedStart: '2027-06-01', plannedEnd: '2028-05-31' })).json();
    expect((await companyHr.req('PATCH', `/api/exchanges/cases/${dispatch.id}`, { version: dispatch.version, personId: employeeId })).statusCode).toBe(403);
  });

  it('refuses bad input with field errors in ja/en, never a 500', async () => {
    const res = await ministry.req('POST', '/api/exchanges/cases', { direction: 'hire', unitId, postTitle: '', companyId, plannedStart: '2027-02-30', plannedEnd: '2026-01-01' });
    expect(res.statusCode).toBe(400);
    const paths = res.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['postTitle', 'plannedStart']));
    const wrongPerson = await ministry.req('POST', '/api/exchanges/cases', { direction: 'hire', hireType: 'resigned', unitId, postTitle: '専門職', companyId, personId: officialId, plannedStart: '2027-04-01', plannedEnd: '2028-03-31' });
    expect(wrongPerson.statusCode).toBe(400);
    expect(wrongPerson.json().error.fields[0]).toMatchObject({ path: 'personId' });
    const otherUnit = await otherMinistry.req('POST', '/api/exchanges/cases', { direction: 'dispatch', unitId, postTitle: 'x', companyId, plannedStart: '2027-04-01', plannedEnd: '2028-03-31' });
    expect(otherUnit.statusCode).toBe(400);
  });

  it('keeps the per-state counts equal to the cases after every step', async () => {
    const { sql } = await import('drizzle-orm');
    const { rowsOf } = await import('../../db/client.ts');
    const real = rowsOf<{ state: string; n: number }>(await t.db.db.execute(sql`select state, count(*)::int as n from exchange_cases group by 1 order by 1`));
    const kept = rowsOf<{ state: string; n: number }>(await t.db.db.execute(sql`select state, sum(n)::int as n from exchange_case_counts where n > 0 group by 1 order by 1`));
    expect(kept).toEqual(real);
    const p = (await npa.req('GET', '/api/exchanges/pipeline')).json();
    expect(p.byState.reduce((a: number, x: { count: number }) => a + x.count, 0)).toBe(real.reduce((a, x) => a + x.n, 0));
    const q = (await npa.req('GET', '/api/exchanges/cases?state=returned&state=consultation')).json();
    expect(q.total).toBe(real.filter((r) => r.state === 'returned' || r.state === 'consultation').reduce((a, x) => a + x.n, 0));
  });

  it('lets a ministry set its interview interval for new cases, and no one else', async () => {
    expect((await ministry.req('GET', '/api/exchanges/settings')).json()).toMatchObject({ organisationId: meti, interviewIntervalMonths: 3 });
    expect((await ministry.req('PUT', '/api/exchanges/settings', { interviewIntervalMonths: 0 })).statusCode).toBe(400);
    expect((await otherMinistry.req('PUT', '/api/exchanges/settings', { organisationId: meti, interviewIntervalMonths: 6 })).statusCode).toBe(403);
    expect((await ministry.req('PUT', '/api/exchanges/settings', { interviewIntervalMonths: 6 })).json().interviewIntervalMonths).toBe(6);
    setToday('2027-01-10');
    const c = (
      await ministry.req('POST', '/api/exchanges/cases', { direction: 'dispatch', unitId, postTitle: '係長', companyId, plannedStart: '2027-06-01', plannedEnd: '2028-05-31' })
    ).json();
    expect(c.interviewIntervalMonths).toBe(6);
  });

  it('exports the list as CSV and xlsx for the NPA', async () => {
    const csv = await npa.req('GET', '/api/exchanges/cases.csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('交流採用（雇用継続型）');
    const xlsx = await npa.req('GET', '/api/exchanges/cases.xlsx?direction=hire');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
