import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import { auditLog, companies } from '../../db/schema.ts';
import { rowsOf } from '../../db/client.ts';
import { systemContext } from '../../platform/context.ts';
import { loginAs, newCorporateNumber, testApp, type Session, type TestApp } from '../../test/app.ts';
import { importCompanies, ImportRejected, validateRecords } from './companies.import.ts';

let t: TestApp;
let npa: Session;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-import-'));

beforeAll(async () => {
  t = await testApp();
  npa = await loginAs(t, 'npa');
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const companyCount = async () => Number((await t.db.db.select({ n: count() }).from(companies))[0]!.n);

describe('company directory', () => {
  it('creates a company, normalises its name for search, keeps the original', async () => {
    const cn = newCorporateNumber();
    const res = await npa.req('POST', '/api/companies', {
      corporateNumber: cn,
      name: 'ＡＢＣ商事株式会社',
      nameKana: 'えーびーしーしょうじ',
      legalTypeCode: 'kabushiki_kaisha',
      capitalYen: 500_000_000,
      employees: 1200,
      industryCode: 'I',
      prefectureCode: '13',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('ＡＢＣ商事株式会社');
    for (const q of ['abc商事', 'ABC', 'エービーシー', 'えーびーしー', cn, `${cn.slice(0, 4)}-${cn.slice(4)}`]) {
      const found = (await npa.req('GET', `/api/companies?q=${encodeURIComponent(q)}`)).json() as { items: { corporateNumber: string }[] };
      expect(found.items.map((i) => i.corporateNumber), q).toContain(cn);
    }
    const large = (await npa.req('GET', '/api/companies?size=large&industry=I')).json() as { items: { corporateNumber: string }[] };
    expect(large.items.map((i) => i.corporateNumber)).toContain(cn);
    const small = (await npa.req('GET', '/api/companies?size=small&industry=I')).json() as { items: { corporateNumber: string }[] };
    expect(small.items.map((i) => i.corporateNumber)).not.toContain(cn);
  });

  it('rejects a wrong check digit, a duplicate and an unknown legal type with field messages', async () => {
    const before = await companyCount();
    const bad = await npa.req('POST', '/api/companies', { corporateNumber: '8000012050002', name: 'X', legalTypeCode: 'kabushiki_kaisha' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].code).toBe('corporate_number.check_digit');
    const cn = newCorporateNumber();
    expect((await npa.req('POST', '/api/companies', { corporateNumber: cn, name: 'A', legalTypeCode: 'kabushiki_kaisha' })).statusCode).toBe(201);
    const dup = await npa.req('POST', '/api/companies', { corporateNumber: cn, name: 'B', legalTypeCode: 'kabushiki_kaisha' });
    expect(dup.statusCode).toBe(409);
    const type = await npa.req('POST', '/api/companies', { corporateNumber: newCorporateNumber(), name: 'C', legalTypeCode: 'no_such_type' });
    expect(type.statusCode).toBe(400);
    expect(type.json().error.fields[0].message.ja).toContain('法人の種類');
    expect(await companyCount()).toBe(before + 1);
  });

  it('links parent and subsidiaries and lists divisions', async () => {
    const parent = newCorporateNumber();
    const p = (await npa.req('POST', '/api/companies', { corporateNumber: parent, name: '親ホールディングス株式会社', legalTypeCode: 'kabushiki_kaisha' })).json();
    const c = (
      await npa.req('POST', '/api/companies', { corporateNumber: newCorporateNumber(), name: '子株式会社', legalTypeCode: 'kabushiki_kaisha', parentCorporateNumber: parent })
    ).json();
    expect(c.parent.id).toBe(p.id);
    expect((await npa.req('POST', `/api/companies/${p.id}/divisions`, { name: '経営企画部' })).statusCode).toBe(201);
    const detail = (await npa.req('GET', `/api/companies/${p.id}`)).json();
    expect(detail.subsidiaries.map((s: { id: number }) => s.id)).toEqual([c.id]);
    expect(detail.divisions.map((d: { name: string }) => d.name)).toEqual(['経営企画部']);
  });
});

describe('import companies (all-or-nothing)', () => {
  const ctx = systemContext('import-test');

  it('imports a good CSV, reporting nothing, and updates on re-import', async () => {
    const a = newCorporateNumber();
    const b = newCorporateNumber();
    const file = path.join(tmp, 'good.csv');
    fs.writeFileSync(
      file,
      `\uFEFF法人番号,名称,フリガナ,法人種別,資本金,従業員数,業種,都道府県,親会社法人番号\n${a},株式会社インポート,インポート,株式会社,"10,000,000",15,製造業,東京都,\n${b},インポート子会社株式会社,,kabushiki_kaisha,,,E,27,${a}\n`,
    );
    const r = await importCompanies(t.db, file, ctx);
    expect(r).toEqual({ rows: 2, inserted: 2, updated: 0 });
    const again = await importCompanies(t.db, file, ctx);
    expect(again).toEqual({ rows: 2, inserted: 0, updated: 2 });
    const found = (await npa.req('GET', `/api/companies?q=${b}`)).json() as { items: { id: number }[] };
    const detail = (await npa.req('GET', `/api/companies/${found.items[0]!.id}`)).json();
    expect(detail.parent.corporateNumber).toBe(a);
    expect(detail.capitalYen).toBeNull();
  });

  it('rejects a file with bad rows, lists every bad row, and writes nothing', async () => {
    const before = await companyCount();
    const good = newCorporateNumber();
    const file = path.join(tmp, 'bad.csv');
    fs.writeFileSync(
      file,
      [
        'corporate_number,name,legal_type,employees,prefecture',
        `${good},良い株式会社,kabushiki_kaisha,10,13`,
        `8000012050002,悪い番号株式会社,kabushiki_kaisha,10,13`,
        `${newCorporateNumber()},,kabushiki_kaisha,10,13`,
        `${newCorporateNumber()},種別不明,宗教法人,10,13`,
        `${newCorporateNumber()},人数負,kabushiki_kaisha,-5,99`,
        `${good},重複株式会社,kabushiki_kaisha,10,13`,
      ].join('\n'),
    );
    const err = await importCompanies(t.db, file, ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    const rows = (err as ImportRejected).rowErrors.map((e) => `${e.row}:${e.column}:${e.code}`);
    expect(rows).toEqual(
      expect.arrayContaining([
        '3:corporateNumber:corporate_number.check_digit',
        '4:name:text.required',
        '5:legalTypeCode:legal_type.unknown',
        '6:employees:integer.nonnegative',
        '6:prefectureCode:prefecture.unknown',
        '7:corporateNumber:corporate_number.duplicate_in_file',
      ]),
    );
    for (const e of (err as ImportRejected).rowErrors) {
      expect(e.message.ja.length).toBeGreaterThan(0);
      expect(e.message.en.length).toBeGreaterThan(0);
    }
    expect(await companyCount()).toBe(before);
  });

  it('reads xlsx with Japanese headers and rare kanji', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('企業一覧');
    const cn = newCorporateNumber();
    ws.addRow(['法人番号', '名称', '法人種別', '従業員数']);
    ws.addRow([cn, '髙𠮷商店株式会社', '株式会社', 8]);
    const file = path.join(tmp, 'x.xlsx');
    await wb.xlsx.writeFile(file);
    expect(await importCompanies(t.db, file, ctx)).toEqual({ rows: 1, inserted: 1, updated: 0 });
    const found = (await npa.req('GET', `/api/companies?q=${encodeURIComponent('髙𠮷')}`)).json() as { items: { name: string }[] };
    expect(found.items[0]?.name).toBe('髙𠮷商店株式会社');
  });
});

describe('core name for short searches', () => {
  it('the migration backfill strips the same legal-form words as nameCore()', async () => {
    const { nameCore, normalizeForSearch } = await import('../../../../common/src/text.ts');
    const { readFileSync } = await import('node:fs');
    const { sql } = await import('drizzle-orm');
    const { rowsOf } = await import('../../db/client.ts');
    const migration = readFileSync(new URL('../../db/migrations/0002_company_name_core.sql', import.meta.url), 'utf8');
    const expr = /SET "name_core" = (btrim\(regexp_replace\("name_normalized", '.*?', '', 'g'\)\));/.exec(migration)?.[1];
    expect(expr).toBeTruthy();
    const names = ['株式会社東洋精機', '東洋建設株式会社', '一般社団法人日本協会', '医療法人社団青葉会', '(株)ミドリ', 'ABC株式会社', '株式会社', '学校法人 桜学園', '信用金庫ではない株式会社名'];
    for (const n of names) {
      const normalized = normalizeForSearch(n);
      const q = sql.raw(expr!.replace('"name_normalized"', `'${normalized.replace(/'/g, "''")}'`));
      const r = rowsOf<{ core: string }>(await t.db.db.execute(sql`select ${q} as core`));
      expect(r[0]!.core, n).toBe(nameCore(normalized));
    }
  });

  it('finds 株式会社東洋精機 by the two-character prefix 東洋', async () => {
    const cn = newCorporateNumber();
    await npa.req('POST', '/api/companies', { corporateNumber: cn, name: '株式会社東洋精機', legalTypeCode: 'kabushiki_kaisha' });
    const found = (await npa.req('GET', `/api/companies?q=${encodeURIComponent('東洋')}`)).json() as { items: { corporateNumber: string }[] };
    expect(found.items.map((i) => i.corporateNumber)).toContain(cn);
  });
});

describe('parent and subsidiaries are scoped like the companies themselves', () => {
  const setPending = (id: number) => t.db.db.update(companies).set({ status: 'pending' }).where(eq(companies.id, id));
  const create = async (name: string, parentCorporateNumber?: string) => {
    const corporateNumber = newCorporateNumber();
    const res = await npa.req('POST', '/api/companies', { corporateNumber, name, legalTypeCode: 'kabushiki_kaisha', ...(parentCorporateNumber ? { parentCorporateNumber } : {}) });
    expect(res.statusCode, res.body).toBe(201);
    return { id: res.json().id as number, corporateNumber };
  };

  it('hides pending parents and subsidiaries from ministry_hr and company_hr', async () => {
    const activeParent = await create('公開親株式会社');
    const pendingParent = await create('審査中親株式会社');
    const activeChild = await create('公開子株式会社', activeParent.corporateNumber);
    const pendingChild = await create('審査中子株式会社', activeParent.corporateNumber);
    const childOfPending = await create('審査中の子株式会社', pendingParent.corporateNumber);
    await setPending(pendingParent.id);
    await setPending(pendingChild.id);

    const ministry = await loginAs(t, 'ministry_hr');
    const parentView = (await ministry.req('GET', `/api/companies/${activeParent.id}`)).json();
    expect(parentView.subsidiaries.map((s: { id: number }) => s.id)).toEqual([activeChild.id]);
    expect((await ministry.req('GET', `/api/companies/${activeChild.id}`)).json().parent?.id).toBe(activeParent.id);
    const orphan = await ministry.req('GET', `/api/companies/${childOfPending.id}`);
    expect(orphan.json().parent).toBeNull();
    expect(orphan.body).not.toContain('審査中親');

    const hr = await loginAs(t, 'company_hr', { companyId: childOfPending.id });
    const own = await hr.req('GET', `/api/companies/${childOfPending.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().parent).toBeNull();
    expect(own.body).not.toContain('審査中親');
    const hrParent = await loginAs(t, 'company_hr', { companyId: activeParent.id });
    const ownParent = await hrParent.req('GET', `/api/companies/${activeParent.id}`);
    expect(ownParent.body).not.toContain('審査中子');
    // A company's HR does see its own group's active companies.
    expect(ownParent.json().subsidiaries.map((s: { id: number }) => s.id)).toEqual([activeChild.id]);
    const hrChild = await loginAs(t, 'company_hr', { companyId: activeChild.id });
    expect((await hrChild.req('GET', `/api/companies/${activeChild.id}`)).json().parent?.id).toBe(activeParent.id);
    // …but still cannot open those companies' own pages.
    expect((await hrChild.req('GET', `/api/companies/${activeParent.id}`)).statusCode).toBe(404);

    // The NPA sees everything.
    const npaView = (await npa.req('GET', `/api/companies/${activeParent.id}`)).json();
    expect(npaView.subsidiaries.map((s: { id: number }) => s.id)).toEqual([activeChild.id, pendingChild.id]);
    expect((await npa.req('GET', `/api/companies/${childOfPending.id}`)).json().parent.id).toBe(pendingParent.id);
  });

  it('lets only the NPA set or change the parent; a pending parent reads as unknown', async () => {
    const stranger = await create('他社ホールディングス株式会社');
    const own = await create('自社株式会社');
    const hr = await loginAs(t, 'company_hr', { companyId: own.id });
    const auditRows = async () => Number((await t.db.db.select({ n: count() }).from(auditLog).where(eq(auditLog.recordId, String(own.id))))[0]!.n);
    const auditBefore = await auditRows();
    for (const parentCorporateNumber of [stranger.corporateNumber, null]) {
      const res = await hr.req('PATCH', `/api/companies/${own.id}`, { name: '改名株式会社', parentCorporateNumber });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
      expect(res.json().error.fields[0].path).toBe('parentCorporateNumber');
    }
    const row = (await t.db.db.select().from(companies).where(eq(companies.id, own.id)))[0]!;
    expect(row.parentId).toBeNull();
    expect(row.name).toBe('自社株式会社');
    expect(await auditRows()).toBe(auditBefore);
    // Other fields stay the company's own to change.
    expect((await hr.req('PATCH', `/api/companies/${own.id}`, { employees: 12 })).statusCode).toBe(200);

    // The NPA may link it, but not to a pending company: that answers exactly like an unknown number.
    const pending = await create('審査待ち株式会社');
    await setPending(pending.id);
    const toPending = await npa.req('PATCH', `/api/companies/${own.id}`, { parentCorporateNumber: pending.corporateNumber });
    const toUnknown = await npa.req('PATCH', `/api/companies/${own.id}`, { parentCorporateNumber: newCorporateNumber() });
    expect(toPending.statusCode).toBe(400);
    const { requestId: _a, ...pendingError } = toPending.json().error;
    const { requestId: _b, ...unknownError } = toUnknown.json().error;
    expect(pendingError).toEqual(unknownError);
    expect(pendingError.fields[0].code).toBe('company.parent_unknown');
    const linked = await npa.req('PATCH', `/api/companies/${own.id}`, { parentCorporateNumber: stranger.corporateNumber });
    expect(linked.statusCode).toBe(200);
    expect(linked.json().parent.id).toBe(stranger.id);
    const createdUnderPending = await npa.req('POST', '/api/companies', {
      corporateNumber: newCorporateNumber(),
      name: '子になれない株式会社',
      legalTypeCode: 'kabushiki_kaisha',
      parentCorporateNumber: pending.corporateNumber,
    });
    expect(createdUnderPending.statusCode).toBe(400);
    expect(createdUnderPending.json().error.fields[0].code).toBe('company.parent_unknown');
  });
});

describe('duplicate 法人番号 under concurrency', () => {
  it('20 parallel creates of one 法人番号: one 201, nineteen 409 with the field message, no 500', async () => {
    const corporateNumber = newCorporateNumber();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => npa.req('POST', '/api/companies', { corporateNumber, name: `同時登録${i}株式会社`, legalTypeCode: 'kabushiki_kaisha' })),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(19);
    for (const r of results.filter((x) => x.statusCode === 409)) {
      expect(r.json().error.code).toBe('duplicate');
      expect(r.json().error.fields).toEqual([expect.objectContaining({ path: 'corporateNumber', code: 'corporate_number.taken' })]);
    }
    expect(Number((await t.db.db.select({ n: count() }).from(companies).where(eq(companies.corporateNumber, corporateNumber)))[0]!.n)).toBe(1);
  });

  it('recognises the unique-index violation from either driver', async () => {
    const { companiesRepository } = await import('./companies.repository.ts');
    const { isCorporateNumberTaken } = await import('./companies.service.ts');
    const values = { corporateNumber: newCorporateNumber(), name: '一意株式会社', nameNormalized: '一意株式会社', legalTypeCode: 'kabushiki_kaisha' };
    await companiesRepository.insert(t.db.db, values);
    const err = await companiesRepository.insert(t.db.db, values).catch((e: unknown) => e);
    expect(isCorporateNumberTaken(err)).toBe(true);
    expect(isCorporateNumberTaken(new Error('other'))).toBe(false);
  });
});

describe('import audit trail', () => {
  const ctx = systemContext('import-audit-test');
  const entries = async (action: string) =>
    (await t.db.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.id))) as { before: unknown; after: unknown }[];

  it('records the changed columns of updated companies and every parent-link change', async () => {
    const a = newCorporateNumber();
    const b = newCorporateNumber();
    const c = newCorporateNumber();
    const file = path.join(tmp, 'audit.csv');
    fs.writeFileSync(file, `法人番号,名称,法人種別,従業員数,親会社法人番号\n${a},監査前株式会社,kabushiki_kaisha,10,\n${b},監査子株式会社,kabushiki_kaisha,5,${a}\n`);
    expect(await importCompanies(t.db, file, ctx)).toEqual({ rows: 2, inserted: 2, updated: 0 });
    const ids = new Map(
      (await t.db.db.select({ id: companies.id, cn: companies.corporateNumber }).from(companies).where(inArray(companies.corporateNumber, [a, b]))).map((r) => [
        r.cn,
        r.id,
      ]),
    );
    const idA = ids.get(a)!;
    const idB = ids.get(b)!;
    const links1 = (await entries('company.import.parents')).at(-1)!;
    expect(links1.before).toEqual({ companies: [{ id: idB, parentId: null }] });
    expect(links1.after).toMatchObject({ companies: [{ id: idB, parentId: idA }] });
    const linkCount = (await entries('company.import.parents')).length;

    fs.writeFileSync(file, `法人番号,名称,法人種別,従業員数,親会社法人番号\n${a},監査後株式会社,kabushiki_kaisha,20,\n${b},監査子株式会社,kabushiki_kaisha,5,${c}\n${c},新親株式会社,kabushiki_kaisha,,\n`);
    expect(await importCompanies(t.db, file, ctx)).toEqual({ rows: 3, inserted: 1, updated: 2 });
    const idC = (await t.db.db.select({ id: companies.id }).from(companies).where(eq(companies.corporateNumber, c)))[0]!.id;
    const batch = (await entries('company.import')).at(-1)!;
    expect(batch.before).toEqual({ companies: [{ id: idA, name: '監査前株式会社', employees: 10 }] });
    expect(batch.after).toMatchObject({ inserted: [idC], updated: [idA, idB], companies: [{ id: idA, name: '監査後株式会社', employees: 20 }] });
    const links = await entries('company.import.parents');
    expect(links).toHaveLength(linkCount + 1);
    expect(links.at(-1)!.before).toEqual({ companies: [{ id: idB, parentId: idA }] });
    expect(links.at(-1)!.after).toMatchObject({ companies: [{ id: idB, parentId: idC }] });

    // Unchanged links write nothing.
    await importCompanies(t.db, file, ctx);
    expect(await entries('company.import.parents')).toHaveLength(linkCount + 1);
    expect((await entries('company.import')).at(-1)!.before).toEqual({ companies: [] });
  });
});

describe('import rejects text that cannot be stored', () => {
  it('reports a NUL in a CSV cell as a row error instead of failing the query', async () => {
    const before = await companyCount();
    const file = path.join(tmp, 'nul.csv');
    fs.writeFileSync(file, `法人番号,名称,法人種別,所在地\n${newCorporateNumber()},ヌル\u0000株式会社,kabushiki_kaisha,\n${newCorporateNumber()},正常株式会社,kabushiki_kaisha,東京都千代田区\u0000\n`);
    const err = await importCompanies(t.db, file, systemContext('import-test')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRejected);
    const rows = (err as ImportRejected).rowErrors;
    expect(rows.map((e) => `${e.row}:${e.column}:${e.code}`)).toEqual(['2:name:text.invalid_characters', '3:address:text.invalid_characters']);
    expect(rows[0]!.message.ja.length).toBeGreaterThan(0);
    expect(rows[0]!.message.en.length).toBeGreaterThan(0);
    expect(await companyCount()).toBe(before);
  });

  it('reports a lone surrogate (as from a damaged xlsx) as a row error', () => {
    const ref = { types: [{ code: 'kabushiki_kaisha', nameJa: '株式会社', eligible: true, effectiveFrom: '1900-01-01', effectiveTo: null }], industries: [], prefectures: [] };
    const { ok, errors } = validateRecords(['法人番号', '名称', '法人種別'], [[newCorporateNumber(), '壊れた\uD83D株式会社', 'kabushiki_kaisha']], ref);
    expect(ok).toHaveLength(0);
    expect(errors.map((e) => `${e.row}:${e.column}:${e.code}`)).toEqual(['2:name:text.invalid_characters']);
  });
});
