// The criteria facts API: each kind of record, scoped by role; bilingual 4xx; audit rows in the
// same transaction; the all-or-nothing contracts import (API, file and CLI).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, desc, eq } from 'drizzle-orm';
import { auditLog, companies, companyDivisions, licensingJurisdictions, ministryContracts, orgUnits, people, postAssignments } from '../../db/schema.ts';
import { systemContext } from '../../platform/context.ts';
import { createCompany, loginAs, orgId, testApp, type Session, type TestApp } from '../../test/app.ts';
import { cliDatabase, runCli } from '../../test/cli.ts';
import { expectBilingual } from '../../test/expect.ts';
import { ImportRejected } from '../companies/companies.import.ts';
import { importContracts } from './contracts.import.ts';

let t: TestApp;
let npa: Session;
let center: Session;
let meti: Session; // ministry_hr of 経済産業省
let hr: Session; // company_hr of `own`
let participant: Session;
let metiId = 0;
let mofId = 0;
let own = 0;
let other = 0;
let ownNumber = '';
let otherNumber = '';
let metiUnit = 0;
let mofUnit = 0;
let metiPerson = 0;
let mofPerson = 0;
let metiPost = 0;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-criteria-data-'));

const unit = async (code: string) => (await t.db.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.code, code)))[0]!.id;
const numberOf = async (id: number) => (await t.db.db.select({ n: companies.corporateNumber }).from(companies).where(eq(companies.id, id)))[0]!.n;
const auditCount = async () => Number((await t.db.db.select({ n: count() }).from(auditLog))[0]!.n);
const lastAudit = async (action: string) => (await t.db.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0];
const contractCount = async () => Number((await t.db.db.select({ n: count() }).from(ministryContracts))[0]!.n);

beforeAll(async () => {
  t = await testApp();
  metiId = await orgId(t, '経済産業省');
  mofId = await orgId(t, '財務省');
  own = await createCompany(t, '自社化学株式会社');
  other = await createCompany(t, '他社化学株式会社');
  ownNumber = await numberOf(own);
  otherNumber = await numberOf(other);
  metiUnit = await unit('meti.mfg.chem');
  mofUnit = (await t.db.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.organisationId, mofId)).limit(1))[0]!.id;
  const person = (organisationId: number) =>
    t.db.db.insert(people).values({ kind: 'official', familyName: '契約', givenName: '担当', organisationId }).returning({ id: people.id });
  metiPerson = (await person(metiId))[0]!.id;
  mofPerson = (await person(mofId))[0]!.id;
  metiPost = (
    await t.db.db.insert(postAssignments).values({ personId: metiPerson, unitId: metiUnit, postTitleJa: '係長', startDate: '2024-04-01' }).returning({ id: postAssignments.id })
  )[0]!.id;
  npa = await loginAs(t, 'npa');
  center = await loginAs(t, 'center');
  meti = await loginAs(t, 'ministry_hr');
  hr = await loginAs(t, 'company_hr', { companyId: own });
  participant = await loginAs(t, 'participant');
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('sales (売上額等)', () => {
  it('a company records its own sales per fiscal year; the change is audited with before and after', async () => {
    const put = await hr.req('PUT', `/api/companies/${own}/sales`, { fiscalYear: 2024, amountYen: 80_000_000, source: '有価証券報告書' });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ companyId: own, fiscalYear: 2024, amountYen: 80_000_000, source: '有価証券報告書' });
    expect((await lastAudit('company_sales.upsert'))).toMatchObject({ before: null, after: { companyId: own, fiscalYear: 2024, amountYen: 80_000_000 } });
    const again = await hr.req('PUT', `/api/companies/${own}/sales`, { fiscalYear: 2024, amountYen: 82_000_000 });
    expect(again.json().id).toBe(put.json().id);
    expect((await lastAudit('company_sales.upsert'))).toMatchObject({ before: { amountYen: 80_000_000 }, after: { amountYen: 82_000_000, source: null } });
    await hr.req('PUT', `/api/companies/${own}/sales`, { fiscalYear: 2023, amountYen: 75_000_000 });
    const list = await meti.req('GET', `/api/companies/${own}/sales`);
    expect(list.json().items.map((s: { fiscalYear: number }) => s.fiscalYear)).toEqual([2024, 2023]);
    expect((await hr.req('DELETE', `/api/companies/${own}/sales/2023`)).statusCode).toBe(204);
    expect((await lastAudit('company_sales.delete'))?.before).toMatchObject({ fiscalYear: 2023, amountYen: 75_000_000 });
    expect((await hr.req('DELETE', `/api/companies/${own}/sales/2023`)).statusCode).toBe(404);
  });

  it('refuses bad figures with field messages in Japanese and English, writing nothing', async () => {
    const before = await auditCount();
    const bad = await hr.req('PUT', `/api/companies/${own}/sales`, { fiscalYear: 1800, amountYen: -1 });
    const err = expectBilingual(bad, 400);
    expect(err.fields!.map((f) => (f as unknown as { path: string; code: string }).code).sort()).toEqual(['fiscal_year.range', 'integer.nonnegative']);
    expectBilingual(await hr.req('PUT', `/api/companies/${own}/sales`, { fiscalYear: 2024, amountYen: 1.5 }), 400);
    expectBilingual(await hr.req('PUT', `/api/companies/${own}/sales`, { fiscalYear: 2024, amountYen: 1, extra: true }), 400);
    expect(await auditCount()).toBe(before);
  });

  it("scopes by company: another company's HR gets 404, a ministry may read but not write", async () => {
    expectBilingual(await hr.req('GET', `/api/companies/${other}/sales`), 404);
    expectBilingual(await hr.req('PUT', `/api/companies/${other}/sales`, { fiscalYear: 2024, amountYen: 1 }), 404);
    expect((await meti.req('GET', `/api/companies/${other}/sales`)).statusCode).toBe(200);
    expectBilingual(await meti.req('PUT', `/api/companies/${other}/sales`, { fiscalYear: 2024, amountYen: 1 }), 403);
    expectBilingual(await center.req('PUT', `/api/companies/${other}/sales`, { fiscalYear: 2024, amountYen: 1 }), 403);
    expectBilingual(await participant.req('GET', `/api/companies/${own}/sales`), 403);
    expect((await t.app.inject({ method: 'GET', url: `/api/companies/${own}/sales` })).statusCode).toBe(401);
  });
});

describe('sanctions (起訴・不利益処分)', () => {
  it('the NPA records them, the company sees its own, nobody else writes them', async () => {
    const body = { caseRef: '2025-談合-1', kind: 'prosecution', subject: 'officer', occurredOn: '2025-10-01', description: '入札談合事件で役員が起訴' };
    const created = await npa.req('POST', `/api/companies/${own}/sanctions`, body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ ...body, companyId: own });
    expect((await lastAudit('company_sanction.create'))?.after).toMatchObject({ caseRef: '2025-談合-1', kind: 'prosecution' });
    expect((await hr.req('GET', `/api/companies/${own}/sanctions`)).json().items).toHaveLength(1);
    expectBilingual(await hr.req('POST', `/api/companies/${own}/sanctions`, body), 403);
    expectBilingual(await meti.req('POST', `/api/companies/${own}/sanctions`, body), 403);
    expectBilingual(await hr.req('DELETE', `/api/companies/${own}/sanctions/${created.json().id}`), 403);
    expectBilingual(await npa.req('DELETE', `/api/companies/${other}/sanctions/${created.json().id}`), 404);
    expect((await npa.req('DELETE', `/api/companies/${own}/sanctions/${created.json().id}`)).statusCode).toBe(204);
    expect((await lastAudit('company_sanction.delete'))?.recordId).toBe(String(created.json().id));
  });

  it('refuses a date that does not exist and an unknown kind', async () => {
    const err = expectBilingual(await npa.req('POST', `/api/companies/${own}/sanctions`, { caseRef: 'x', kind: 'fine', occurredOn: '2025-02-30' }), 400);
    const byPath = Object.fromEntries(err.fields!.map((f) => [(f as unknown as { path: string }).path, f]));
    expect((byPath.occurredOn as unknown as { code: string }).code).toBe('date.invalid');
    expect(byPath.occurredOn!.message.ja).toBe('存在しない日付です。');
    expect(byPath.kind).toBeTruthy();
  });
});

describe('division revenue (部門別の収益)', () => {
  it('is recorded per fiscal year by the company; public revenue cannot exceed the total', async () => {
    const division = (await t.db.db.insert(companyDivisions).values({ companyId: own, name: '受託研究部' }).returning({ id: companyDivisions.id }))[0]!.id;
    const url = `/api/companies/${own}/divisions/${division}/revenue`;
    const put = await hr.req('PUT', url, { fiscalYear: 2024, publicYen: 60_000_000, totalYen: 70_000_000 });
    expect(put.statusCode, put.body).toBe(200);
    const err = expectBilingual(await hr.req('PUT', url, { fiscalYear: 2024, publicYen: 80_000_000, totalYen: 70_000_000 }), 400);
    expect((err.fields![0] as unknown as { code: string }).code).toBe('revenue.public_exceeds_total');
    const list = (await center.req('GET', url)).json();
    expect(list).toMatchObject({ division: { id: division, companyId: own, name: '受託研究部' }, items: [{ fiscalYear: 2024, publicYen: 60_000_000, totalYen: 70_000_000 }] });
    // A division is reached only through its own company.
    expectBilingual(await npa.req('GET', `/api/companies/${other}/divisions/${division}/revenue`), 404);
    expect((await lastAudit('division_revenue.upsert'))?.after).toMatchObject({ divisionId: division, companyId: own, publicYen: 60_000_000 });
    expect((await hr.req('DELETE', `${url}/2024`)).statusCode).toBe(204);
  });
});

describe('contract totals (府省等との契約)', () => {
  it("a ministry records its own contracts, not another ministry's; duplicates are 409", async () => {
    const body = { organisationId: metiId, companyId: own, fiscalYear: 2024, amountYen: 25_000_000 };
    const created = await meti.req('POST', '/api/contracts', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ ...body, corporateNumber: ownNumber, companyName: '自社化学株式会社', organisationCode: 'meti' });
    expect((await lastAudit('ministry_contract.create'))?.after).toMatchObject(body);
    const dup = expectBilingual(await meti.req('POST', '/api/contracts', body), 409);
    expect(dup.code).toBe('duplicate');
    const foreign = expectBilingual(await meti.req('POST', '/api/contracts', { ...body, organisationId: mofId }), 403);
    expect((foreign.fields![0] as unknown as { code: string }).code).toBe('organisation.forbidden');
    const unknownCompany = expectBilingual(await meti.req('POST', '/api/contracts', { ...body, companyId: 99_999_999 }), 400);
    expect((unknownCompany.fields![0] as unknown as { code: string }).code).toBe('company.unknown');
    expect((await npa.req('POST', '/api/contracts', { ...body, organisationId: mofId, companyId: other })).statusCode).toBe(201);
    expectBilingual(await hr.req('POST', '/api/contracts', body), 403);
  });

  it('lists contracts within the actor’s scope, paged', async () => {
    const all = (await npa.req('GET', '/api/contracts')).json();
    expect(all.total).toBeGreaterThanOrEqual(2);
    const mine = (await meti.req('GET', '/api/contracts')).json();
    expect(mine.items.every((c: { organisationId: number }) => c.organisationId === metiId)).toBe(true);
    expect((await meti.req('GET', `/api/contracts?organisationId=${mofId}`)).json()).toMatchObject({ items: [], total: 0 });
    const company = (await hr.req('GET', '/api/contracts')).json();
    expect(company.items.map((c: { companyId: number }) => c.companyId)).toEqual([own]);
    const paged = (await npa.req('GET', '/api/contracts?pageSize=1&page=2')).json();
    expect(paged).toMatchObject({ page: 2, pageSize: 1 });
    expect(paged.items).toHaveLength(1);
    expectBilingual(await participant.req('GET', '/api/contracts'), 403);
    expect((await center.req('GET', `/api/contracts?companyId=${other}&fiscalYear=2024`)).json().items).toHaveLength(1);
  });

  it("deletes: another ministry's record is not found, the company's own HR may not delete", async () => {
    const id = (await npa.req('GET', `/api/contracts?organisationId=${mofId}&companyId=${other}`)).json().items[0].id as number;
    expectBilingual(await meti.req('DELETE', `/api/contracts/${id}`), 404);
    const mine = (await meti.req('GET', `/api/contracts?companyId=${own}`)).json().items[0].id as number;
    expectBilingual(await hr.req('DELETE', `/api/contracts/${mine}`), 403);
    expect((await npa.req('DELETE', `/api/contracts/${id}`)).statusCode).toBe(204);
    expect((await lastAudit('ministry_contract.delete'))?.before).toMatchObject({ organisationId: mofId, companyId: other });
  });
});

describe('contracts import (all-or-nothing)', () => {
  const csv = (lines: string[]) => `\uFEFF${lines.join('\n')}\n`;
  const upload = (s: Session, body: string | Buffer, type = 'text/csv', name = 'contracts.csv') =>
    s.req('POST', `/api/contracts/import?filename=${encodeURIComponent(name)}`, body, { 'content-type': type });

  it('imports a good CSV (Japanese headers, codes or names, 年度 and 円) and replaces totals on re-import', async () => {
    const file = csv([
      '府省等,法人番号,年度,契約額',
      `meti,${ownNumber},2022,"30,000,000"`,
      `経済産業省,${otherNumber},2022年度,12000000円`,
      `財務省,${ownNumber},2022,5000000`,
    ]);
    const r = await upload(npa, file);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({ rows: 3, inserted: 3, updated: 0 });
    const again = await upload(npa, file.replace('"30,000,000"', '31000000'));
    expect(again.json()).toEqual({ rows: 3, inserted: 0, updated: 3 });
    const audit = await lastAudit('ministry_contract.import');
    expect(audit?.after).toMatchObject({ file: 'contracts.csv', lines: [2, 4], contracts: [{ organisationId: metiId, amountYen: 31_000_000 }] });
    expect((audit?.before as { contracts: unknown[] }).contracts).toEqual([{ id: expect.any(Number), amountYen: 30_000_000 }]);
    const stored = await t.db.db
      .select({ amountYen: ministryContracts.amountYen, source: ministryContracts.source })
      .from(ministryContracts)
      .where(and(eq(ministryContracts.companyId, own), eq(ministryContracts.fiscalYear, 2022), eq(ministryContracts.organisationId, metiId)));
    expect(stored).toEqual([{ amountYen: 31_000_000, source: 'import:contracts.csv' }]);
  });

  it('rejects a file with bad rows, lists every one in Japanese and English, and writes nothing', async () => {
    const before = { contracts: await contractCount(), audit: await auditCount() };
    const file = csv([
      'organisation_code,corporate_number,fiscal_year,amount_yen',
      `meti,${ownNumber},2021,1000`,
      `meti,8000012050002,2021,1000`,
      `no_such_ministry,${ownNumber},2021,1000`,
      `meti,${otherNumber},20XX,1000`,
      `meti,${otherNumber},2021,-5`,
      `meti,${ownNumber},2021,2000`,
      `meti,,2021,`,
    ]);
    const res = await upload(npa, file, 'text/csv', 'bad.csv');
    const err = expectBilingual(res, 422);
    expect(err.code).toBe('import_rejected');
    const rows = (err as unknown as { details: { rows: { row: number; column: string; code: string }[] } }).details.rows.map((e) => `${e.row}:${e.column}:${e.code}`);
    expect(rows).toEqual(
      expect.arrayContaining([
        '3:corporateNumber:corporate_number.check_digit',
        '4:organisation:organisation.unknown',
        '5:fiscalYear:invalid_type',
        '6:amountYen:integer.nonnegative',
        '7:fiscalYear:contract.duplicate_in_file',
        '8:corporateNumber:text.required',
        '8:amountYen:text.required',
      ]),
    );
    expect(rows.filter((r) => r.startsWith('2:'))).toEqual([]);
    expect(err.fields!.length).toBe(rows.length);
    expect(await contractCount()).toBe(before.contracts);
    expect(await auditCount()).toBe(before.audit);
  });

  it('counts every bad row of a large file but lists the first thousand', async () => {
    const lines = ['府省等,法人番号,年度,契約額', ...Array.from({ length: 1200 }, (_, i) => `meti,${ownNumber},1800,${i}`)];
    const err = expectBilingual(await upload(npa, csv(lines)), 422) as unknown as { details: { errors: number; shown: number; rows: unknown[] }; fields: unknown[] };
    expect(err.details).toMatchObject({ errors: 1200, shown: 1000 });
    expect(err.details.rows).toHaveLength(1000);
    expect(err.fields).toHaveLength(1000);
  });

  it('rejects the whole file when a 法人番号 is valid but not registered', async () => {
    const before = await contractCount();
    const { makeCorporateNumber } = await import('../../../../common/src/corporate-number.ts');
    const unknown = makeCorporateNumber('777777777777');
    const res = await upload(npa, csv(['府省等,法人番号,年度,契約額', `meti,${ownNumber},2020,1`, `meti,${unknown},2020,1`]));
    const err = expectBilingual(res, 422);
    expect((err as unknown as { details: { rows: unknown[] } }).details.rows).toEqual([
      { row: 3, column: 'corporateNumber', code: 'company.unknown', message: expect.objectContaining({ ja: expect.any(String), en: expect.any(String) }) },
    ]);
    expect(await contractCount()).toBe(before);
  });

  it("a ministry imports only its own organisation's rows; company HR and JSON bodies are refused", async () => {
    const refused = expectBilingual(await upload(meti, csv(['府省等,法人番号,年度,契約額', `meti,${ownNumber},2019,1`, `mof,${ownNumber},2019,1`])), 422);
    expect((refused as unknown as { details: { rows: { row: number; code: string }[] } }).details.rows.map((r) => `${r.row}:${r.code}`)).toEqual(['3:organisation.forbidden']);
    expect((await upload(meti, csv(['府省等,法人番号,年度,契約額', `meti,${ownNumber},2019,1`]))).json()).toEqual({ rows: 1, inserted: 1, updated: 0 });
    expectBilingual(await upload(hr, csv(['府省等,法人番号,年度,契約額'])), 403);
    expectBilingual(await npa.req('POST', '/api/contracts/import', { rows: [] }), 415);
    expectBilingual(await upload(npa, ''), 400);
    expectBilingual(await upload(npa, Buffer.from('PK\u0003\u0004 not really a spreadsheet'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'x.xlsx'), 400);
    expectBilingual(await upload(npa, csv(['会社,金額', 'a,1'])), 422);
  });

  it('reads xlsx, through the API and from a file', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('契約');
    ws.addRow(['府省等', '法人番号', '年度', '契約額']);
    ws.addRow(['meti', ownNumber, 2018, 4_000_000]);
    const file = path.join(tmp, 'contracts.xlsx');
    await wb.xlsx.writeFile(file);
    const res = await upload(npa, fs.readFileSync(file), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'contracts.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ rows: 1, inserted: 1, updated: 0 });
    expect(await importContracts(t.db, file, systemContext('test'))).toEqual({ rows: 1, inserted: 0, updated: 1 });
    const bad = path.join(tmp, 'bad.csv');
    fs.writeFileSync(bad, `府省等,法人番号,年度,契約額\nmeti,${ownNumber},2018,x\n`);
    const err = await importContracts(t.db, bad, systemContext('test')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejected);
  });
});

describe('licensing jurisdiction (所管関係)', () => {
  it("a ministry records its own units' jurisdiction; a company sees only rows about itself", async () => {
    const url = `/api/org-units/${metiUnit}/jurisdictions`;
    const created = await meti.req('POST', url, { companyId: own, startDate: '2023-04-01', basis: '化審法' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ unitId: metiUnit, companyId: own, corporateNumber: ownNumber, startDate: '2023-04-01', endDate: null, basis: '化審法' });
    await npa.req('POST', url, { companyId: other });
    expect((await center.req('GET', url)).json().items).toHaveLength(2);
    expect((await hr.req('GET', url)).json().items.map((j: { companyId: number }) => j.companyId)).toEqual([own]);
    expectBilingual(await meti.req('POST', `/api/org-units/${mofUnit}/jurisdictions`, { companyId: own }), 404);
    expectBilingual(await meti.req('GET', `/api/org-units/${mofUnit}/jurisdictions`), 404);
    expectBilingual(await hr.req('POST', url, { companyId: own }), 403);
    const dates = expectBilingual(await meti.req('POST', url, { companyId: own, startDate: '2024-04-01', endDate: '2024-03-31' }), 400);
    expect((dates.fields![0] as unknown as { path: string; code: string })).toMatchObject({ path: 'endDate', code: 'date.end_before_start' });
    expectBilingual(await meti.req('POST', url, { companyId: 99_999_999 }), 400);
    expect((await meti.req('DELETE', `${url}/${created.json().id}`)).statusCode).toBe(204);
    expect((await lastAudit('licensing_jurisdiction.delete'))?.before).toMatchObject({ unitId: metiUnit, companyId: own });
    expectBilingual(await meti.req('DELETE', `${url}/${created.json().id}`), 404);
  });
});

describe('contract involvement (契約への関与) and post licensing duties', () => {
  it("a ministry records its own officials' involvement; every read is audited as a personal-data read", async () => {
    const url = `/api/people/${metiPerson}/contract-involvements`;
    const created = await meti.req('POST', url, { companyId: own, startDate: '2021-04-01', endDate: '2022-03-31', role: '契約の締結' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ personId: metiPerson, organisationId: metiId, companyId: own, companyName: '自社化学株式会社', role: '契約の締結' });
    const list = await npa.req('GET', url);
    expect(list.json().items).toHaveLength(1);
    const read = await lastAudit('contract_involvement.list');
    expect(read).toMatchObject({ recordType: 'person', recordId: String(metiPerson), actorRole: 'npa', after: { ids: [created.json().id] } });
    expectBilingual(await center.req('GET', url), 404);
    expectBilingual(await meti.req('GET', `/api/people/${mofPerson}/contract-involvements`), 404);
    expectBilingual(await meti.req('POST', url, { companyId: own, organisationId: mofId, startDate: '2021-04-01' }), 403);
    expectBilingual(await meti.req('POST', url, { companyId: own, startDate: '2021-04-31' }), 400);
    expect((await meti.req('DELETE', `${url}/${created.json().id}`)).statusCode).toBe(204);
  });

  it('marks whether a post handles its unit’s licensing', async () => {
    const url = `/api/people/${metiPerson}/posts/${metiPost}`;
    const res = await meti.req('PATCH', url, { handlesLicensing: false });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: metiPost, personId: metiPerson, unitId: metiUnit, handlesLicensing: false });
    expect((await lastAudit('post_assignment.update'))).toMatchObject({ before: { handlesLicensing: true }, after: { handlesLicensing: false } });
    expectBilingual(await meti.req('PATCH', `/api/people/${mofPerson}/posts/${metiPost}`, { handlesLicensing: true }), 404);
    expectBilingual(await npa.req('PATCH', `/api/people/${mofPerson}/posts/${metiPost}`, { handlesLicensing: true }), 404);
    expectBilingual(await meti.req('PATCH', url, { handlesLicensing: 'no' }), 400);
    expectBilingual(await center.req('PATCH', url, { handlesLicensing: true }), 403);
  });
});

describe('post history (官職歴): adding and removing posts', () => {
  let official = 0;
  let autoUnit = 0;
  const postsOf = async (personId: number) => Number((await t.db.db.select({ n: count() }).from(postAssignments).where(eq(postAssignments.personId, personId)))[0]!.n);
  beforeAll(async () => {
    official = (await t.db.db.insert(people).values({ kind: 'official', familyName: '官職', givenName: '追加', organisationId: metiId }).returning({ id: people.id }))[0]!.id;
    autoUnit = await unit('meti.mfg.auto');
  });

  it("a ministry adds a post to its own official's history and removes it; both are audited with before and after", async () => {
    const url = `/api/people/${official}/posts`;
    const created = await meti.req('POST', url, { unitId: metiUnit, postTitleJa: ' 課長補佐 ', postTitleEn: 'Deputy Director', startDate: '2022-04-01', endDate: '2024-03-31' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    expect(created.json()).toEqual({
      id: expect.any(Number),
      personId: official,
      unitId: metiUnit,
      unitNameJa: expect.any(String),
      unitNameEn: expect.any(String),
      postTitleJa: '課長補佐',
      postTitleEn: 'Deputy Director',
      startDate: '2022-04-01',
      endDate: '2024-03-31',
      handlesLicensing: true,
    });
    expect(await lastAudit('post_assignment.create')).toMatchObject({
      recordType: 'post_assignment',
      recordId: String(id),
      actorRole: 'ministry_hr',
      before: null,
      after: { personId: official, unitId: metiUnit, postTitleJa: '課長補佐', postTitleEn: 'Deputy Director', startDate: '2022-04-01', endDate: '2024-03-31', handlesLicensing: true },
    });
    // The person's page lists it.
    expect((await meti.req('GET', `/api/people/${official}`)).json().posts).toContainEqual(expect.objectContaining({ id, postTitleJa: '課長補佐', handlesLicensing: true }));
    // The NPA may add a post in another ministry's unit; no end date is the current post.
    const seconded = await npa.req('POST', url, { unitId: mofUnit, postTitleJa: '主計官', startDate: '2024-04-01', handlesLicensing: false });
    expect(seconded.statusCode, seconded.body).toBe(201);
    expect(seconded.json()).toMatchObject({ unitId: mofUnit, postTitleEn: null, endDate: null, handlesLicensing: false });

    expect((await meti.req('DELETE', `${url}/${id}`)).statusCode).toBe(204);
    expect(await lastAudit('post_assignment.delete')).toMatchObject({
      recordId: String(id),
      before: { personId: official, unitId: metiUnit, postTitleJa: '課長補佐', startDate: '2022-04-01', endDate: '2024-03-31', handlesLicensing: true },
      after: null,
    });
    expectBilingual(await meti.req('DELETE', `${url}/${id}`), 404);
    // A ministry removes posts only in its own units.
    expectBilingual(await meti.req('DELETE', `${url}/${seconded.json().id}`), 403);
    expect((await npa.req('DELETE', `${url}/${seconded.json().id}`)).statusCode).toBe(204);
    expect(await postsOf(official)).toBe(0);
  });

  it("scopes like the licensing flag: another ministry's official is not found, company HR may not write", async () => {
    const body = { unitId: metiUnit, postTitleJa: '係員', startDate: '2020-04-01' };
    const employee = (await t.db.db.insert(people).values({ kind: 'employee', familyName: '社員', givenName: '一郎', companyId: own }).returning({ id: people.id }))[0]!.id;
    const before = await auditCount();
    expectBilingual(await meti.req('POST', `/api/people/${mofPerson}/posts`, body), 404);
    expectBilingual(await meti.req('DELETE', `/api/people/${mofPerson}/posts/${metiPost}`), 404);
    // A post is reached only through its own person.
    expectBilingual(await meti.req('DELETE', `/api/people/${official}/posts/${metiPost}`), 404);
    const foreignUnit = expectBilingual(await meti.req('POST', `/api/people/${official}/posts`, { ...body, unitId: mofUnit }), 403);
    expect(foreignUnit.fields![0]).toMatchObject({ path: 'unitId', code: 'organisation.forbidden' });
    // Company HR reads its own employee's record but may not change the post history; an official is not found.
    expectBilingual(await hr.req('POST', `/api/people/${employee}/posts`, body), 403);
    expectBilingual(await hr.req('POST', `/api/people/${official}/posts`, body), 404);
    expectBilingual(await hr.req('DELETE', `/api/people/${metiPerson}/posts/${metiPost}`), 404);
    expectBilingual(await center.req('POST', `/api/people/${official}/posts`, body), 403);
    expectBilingual(await participant.req('POST', `/api/people/${official}/posts`, body), 403);
    expect((await t.app.inject({ method: 'POST', url: `/api/people/${official}/posts`, payload: body })).statusCode).toBe(401);
    expect(await auditCount()).toBe(before);
    expect(await postsOf(official)).toBe(0);
    expect(await postsOf(metiPerson)).toBe(1);
  });

  it('refuses bad input with field messages in Japanese and English, writing nothing', async () => {
    const url = `/api/people/${official}/posts`;
    const before = await auditCount();
    const dates = expectBilingual(await meti.req('POST', url, { unitId: metiUnit, postTitleJa: '係長', startDate: '2024-04-01', endDate: '2024-03-31' }), 400);
    expect(dates.fields).toEqual([
      {
        path: 'endDate',
        code: 'date.end_before_start',
        message: { ja: '終了日は開始日以降の日付にしてください。', en: 'The end date must not be before the start date.' },
      },
    ]);
    const unknownUnit = expectBilingual(await meti.req('POST', url, { unitId: 99_999_999, postTitleJa: '係長', startDate: '2024-04-01' }), 400);
    expect(unknownUnit.fields).toEqual([expect.objectContaining({ path: 'unitId', code: 'org_unit.unknown' })]);
    const blank = expectBilingual(await meti.req('POST', url, { unitId: metiUnit, postTitleJa: '   ', startDate: '2024-02-30' }), 400);
    const codes = Object.fromEntries(blank.fields!.map((f) => [(f as unknown as { path: string }).path, (f as unknown as { code: string }).code]));
    expect(codes).toMatchObject({ postTitleJa: 'text.required', startDate: 'date.invalid' });
    expectBilingual(await meti.req('POST', url, { unitId: metiUnit, postTitleJa: '長'.repeat(201), startDate: '2024-04-01' }), 400);
    expectBilingual(await meti.req('POST', url, { unitId: metiUnit, postTitleJa: '係長', startDate: '2024-04-01', postTitleEn: 'x'.repeat(201) }), 400);
    expectBilingual(await meti.req('POST', url, { unitId: metiUnit, postTitleJa: '係長', startDate: '2024-04-01', handlesLicensing: 'yes' }), 400);
    expectBilingual(await meti.req('POST', url, { unitId: metiUnit, postTitleJa: '係長', startDate: '2024-04-01', personId: metiPerson }), 400);
    expectBilingual(await meti.req('POST', url, { unitId: -1, postTitleJa: '係長' }), 400);
    expectBilingual(await meti.req('DELETE', `${url}/abc`), 400);
    expect(await auditCount()).toBe(before);
    expect(await postsOf(official)).toBe(0);
  });

  it('a post added as handling licensing, in a unit with jurisdiction over a company, makes the stored check fail licensing_post', async () => {
    const licensed = await createCompany(t, '所管先化学株式会社');
    await t.db.db.insert(licensingJurisdictions).values({ unitId: autoUnit, companyId: licensed });
    const check = async () => {
      const res = await meti.req('POST', '/api/criteria/check', { direction: 'dispatch', personId: official, unitId: metiUnit, companyId: licensed, plannedStart: '2026-04-01', plannedEnd: '2028-03-31' });
      expect(res.statusCode, res.body).toBe(200);
      return (res.json().decision.rules as { ruleId: string; outcome: string; reasons: { message: { ja: string } }[] }[]).find((r) => r.ruleId === 'licensing_post')!;
    };
    expect((await check()).outcome).toBe('pass');
    const post = await meti.req('POST', `/api/people/${official}/posts`, { unitId: autoUnit, postTitleJa: '自動車課課長補佐', startDate: '2024-04-01', endDate: '2026-03-31' });
    expect(post.statusCode, post.body).toBe(201);
    const barred = await check();
    expect(barred.outcome).toBe('fail');
    expect(barred.reasons[0]!.message.ja).toContain('自動車課課長補佐');
    // Removed again, the post no longer bars the company.
    expect((await meti.req('DELETE', `/api/people/${official}/posts/${post.json().id}`)).statusCode).toBe(204);
    expect((await check()).outcome).toBe('pass');
  });
});

describe('exchange history (過去の交流)', () => {
  it('records past exchanges and lists them within scope', async () => {
    const body = { companyId: own, unitId: metiUnit, direction: 'dispatch', startDate: '2019-04-01', endDate: '2021-03-31', note: '交流派遣' };
    const created = await meti.req('POST', '/api/exchange-history', body);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ ...body, companyName: '自社化学株式会社', organisationId: metiId, personId: null });
    expectBilingual(await meti.req('POST', '/api/exchange-history', { ...body, unitId: mofUnit }), 403);
    expectBilingual(await meti.req('POST', '/api/exchange-history', { ...body, personId: 99_999_999 }), 400);
    expectBilingual(await meti.req('POST', '/api/exchange-history', { ...body, direction: 'loan' }), 400);
    await npa.req('POST', '/api/exchange-history', { ...body, companyId: other, unitId: mofUnit });
    expect((await meti.req('GET', '/api/exchange-history')).json().items.map((h: { companyId: number }) => h.companyId)).toEqual([own]);
    expect((await hr.req('GET', '/api/exchange-history')).json().total).toBe(1);
    expect((await center.req('GET', `/api/exchange-history?unitId=${mofUnit}`)).json().total).toBe(1);
    expectBilingual(await hr.req('DELETE', `/api/exchange-history/${created.json().id}`), 403);
    expect((await meti.req('DELETE', `/api/exchange-history/${created.json().id}`)).statusCode).toBe(204);
    expect((await lastAudit('exchange_history.delete'))?.before).toMatchObject({ companyId: own, unitId: metiUnit });
  });
});

describe('koryu import contracts (CLI)', () => {
  it('imports a file into the configured database and reports bad rows', async () => {
    const db = await cliDatabase('contracts', tmp);
    const run = (...args: string[]) => runCli(db.env, ...args);
    try {
      // A fresh database holds no companies: every row names an unregistered one.
      const file = path.join(tmp, 'cli.csv');
      fs.writeFileSync(file, `府省等,法人番号,年度,契約額\nmeti,${ownNumber},2024,1\n`);
      const refused = await run('import', 'contracts', file);
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(/^2\tcorporateNumber\tcompany\.unknown\t/m);
      expect(refused.err).toContain('nothing was written');
      expect((await run('import', 'contracts', path.join(tmp, 'none.csv'))).code).toBe(2);
    } finally {
      await db.drop();
    }
  });
});
