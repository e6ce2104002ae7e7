import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { companies } from '../../db/schema.ts';
import { systemContext } from '../../platform/context.ts';
import { loginAs, newCorporateNumber, testApp, type Session, type TestApp } from '../../test/app.ts';
import { importCompanies, ImportRejected } from './companies.import.ts';

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
