import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import cases from './input-sheet.cases.json' with { type: 'json' };
import { buildInputSheet, inputSheetFormat, inputSheetName, parseDateText, parseInputSheet, type SheetError } from './input-sheet.ts';
import { inputSheetSchema, sheetFieldLabels, sheetFields, sheetOptionLabels, type InputSheet } from '../../../../../common/src/schemas/exchange-sheet.schema.ts';

type Base = keyof typeof cases.sheets;
const sheet = (base: Base): InputSheet => inputSheetSchema.parse(cases.sheets[base]);

// A cell value as the JSON cases write it: plain values, {date}, {error}, {richText}, {repeat, times}.
type CaseCell = string | number | boolean | null | { date: string } | { error: string } | { richText: string[] } | { repeat: string; times: number };
function toCellValue(v: CaseCell): ExcelJS.CellValue {
  if (v === null || typeof v !== 'object') return v;
  if ('date' in v) return new Date(`${v.date}T00:00:00Z`);
  if ('error' in v) return { error: v.error as ExcelJS.CellErrorValue['error'] };
  if ('richText' in v) return { richText: v.richText.map((text) => ({ text })) };
  return v.repeat.repeat(v.times);
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

function rowOf(ws: ExcelJS.Worksheet, path: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(5).value === path) return r;
  throw new Error(`no row for ${path}`);
}

/** The built sheet with some value cells overwritten, as a person would in Excel. */
async function edited(base: InputSheet, cells: Record<string, CaseCell>, edit?: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = await load(await buildInputSheet(base, 'ja'));
  const ws = wb.getWorksheet(inputSheetName)!;
  for (const [path, v] of Object.entries(cells)) ws.getRow(rowOf(ws, path)).getCell(3).value = toCellValue(v);
  edit?.(ws);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const get = (obj: unknown, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
const brief = (errors: SheetError[]) => errors.map(({ field, code }) => ({ field, code }));

describe('input-support sheet: build and parse back', () => {
  for (const base of Object.keys(cases.sheets) as Base[]) {
    for (const locale of ['ja', 'en'] as const) {
      it(`round trip of the ${base} sheet (${locale}), rare kanji included`, async () => {
        const s = sheet(base);
        const r = await parseInputSheet(await buildInputSheet(s, locale));
        expect(r).toEqual({ ok: true, sheet: s });
      });
    }
  }

  it('keeps 髙 and 𠮷 (a surrogate pair) intact', async () => {
    const r = await parseInputSheet(await buildInputSheet(sheet('dispatch')));
    expect(r.ok && r.sheet.person.familyName).toBe('髙橋');
    expect(r.ok && r.sheet.person.givenName).toBe('𠮷郎');
    expect(r.ok && r.sheet.company.name).toBe('株式会社髙島屋𠮷野');
  });

  it('lays out one row per field with labels in both languages, a hint, choice lists, date cells and a locked label column', async () => {
    const wb = await load(await buildInputSheet(sheet('dispatch'), 'ja'));
    const ws = wb.getWorksheet(inputSheetName)!;
    expect(ws.getRow(1).getCell(5).value).toBe(inputSheetFormat);
    for (const f of sheetFields) {
      expect(rowOf(ws, f.path)).toBeGreaterThan(3);
      expect(sheetFieldLabels[f.path], f.path).toBeDefined();
      if (f.kind === 'enum') for (const o of f.options ?? []) expect(sheetOptionLabels[f.path]?.[o], `${f.path}=${o}`).toBeDefined();
    }
    const dir = ws.getRow(rowOf(ws, 'direction'));
    expect(dir.getCell(1).value).toBe('※ 交流の種別');
    expect(dir.getCell(2).value).toBe('Type of exchange *');
    expect(dir.getCell(3).value).toBe('交流派遣');
    expect(dir.getCell(3).dataValidation).toMatchObject({ type: 'list', formulae: ['"交流派遣,交流採用"'] });
    expect(dir.getCell(4).value).toBe('一覧から選択してください。');
    const start = ws.getRow(rowOf(ws, 'period.start')).getCell(3);
    expect(start.value).toEqual(new Date('2026-04-01T00:00:00Z'));
    expect(start.numFmt).toBe('yyyy-mm-dd');
    expect(ws.getRow(rowOf(ws, 'constraints.dispatchReturn')).getCell(3).dataValidation).toMatchObject({ type: 'list', formulae: ['"はい,いいえ"'] });
    expect(ws.getColumn(5).hidden).toBe(true);
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    expect(dir.getCell(1).protection?.locked).not.toBe(false);
    expect(dir.getCell(3).protection).toMatchObject({ locked: false });
  });

  it('in English, choices and hints are English and still parse', async () => {
    const wb = await load(await buildInputSheet(sheet('hire'), 'en'));
    const ws = wb.getWorksheet(inputSheetName)!;
    expect(ws.getRow(rowOf(ws, 'hireType')).getCell(3).value).toBe('Employment continued');
    expect(ws.getRow(rowOf(ws, 'pay.payer')).getCell(4).value).toBe('Dispatch: the company / hire: the state');
  });

  it('a partly pre-filled sheet comes back with a required error on each empty required row', async () => {
    const prefill = { direction: 'dispatch' as const, ministry: { name: '経済産業省' }, person: { familyName: '髙橋' } };
    const buf = await buildInputSheet(prefill);
    const wb = await load(buf);
    const ws = wb.getWorksheet(inputSheetName)!;
    const r = await parseInputSheet(buf);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const required = sheetFields.filter((f) => f.required && !['direction', 'ministry.name', 'person.familyName'].includes(f.path));
    expect(r.errors.filter((e) => e.code === 'text.required').map((e) => e.field).sort()).toEqual(required.map((f) => f.path).sort());
    for (const e of r.errors) expect(e.row).toBe(rowOf(ws, e.field));
    expect(r.errors[0]!.message.ja).toBe('入力してください。');
  });
});

describe('input-support sheet: cells as people fill them', () => {
  for (const c of cases.cellCases) {
    it(c.name, async () => {
      const r = await parseInputSheet(await edited(sheet(c.base as Base), c.cells as unknown as Record<string, CaseCell>));
      expect(r.ok ? [] : brief(r.errors)).toEqual([]);
      for (const [path, v] of Object.entries(c.expect)) expect(get(r.ok && r.sheet, path)).toEqual(v);
    });
  }
});

describe('input-support sheet: errors with their row and field', () => {
  for (const c of cases.errorCases) {
    it(c.name, async () => {
      const buf = await edited(sheet(c.base as Base), c.cells as unknown as Record<string, CaseCell>);
      const ws = (await load(buf)).getWorksheet(inputSheetName)!;
      const r = await parseInputSheet(buf);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(brief(r.errors)).toEqual(c.errors);
      for (const e of r.errors) {
        expect(e.row).toBe(rowOf(ws, e.field));
        expect(e.message.ja.length).toBeGreaterThan(0);
        expect(e.message.en.length).toBeGreaterThan(0);
      }
    });
  }
});

describe('input-support sheet: files that are not the sheet', () => {
  const unreadable = [{ row: 0, field: '', code: 'sheet.unreadable' }];

  it('a garbage buffer', async () => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const r = await parseInputSheet(bytes);
    expect(r.ok || r.errors.map(({ row, field, code }) => ({ row, field, code }))).toEqual(unreadable);
  });

  it('an empty buffer, a text file and a PDF', async () => {
    for (const b of [Buffer.alloc(0), Buffer.from('氏名,生年月日\n髙橋,1990-05-15\n'), Buffer.from('%PDF-1.7\n%âãÏÓ\n')]) {
      const r = await parseInputSheet(b);
      expect(r.ok ? 'ok' : r.errors[0]!.code).toBe('sheet.unreadable');
    }
  });

  it('a zip header followed by garbage, and truncated or corrupted sheets: errors, never a throw', async () => {
    const good = await buildInputSheet(sheet('dispatch'));
    const variants: Buffer[] = [Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 0x41)])];
    for (const len of [10, 100, 1000, Math.floor(good.length / 2), good.length - 30]) variants.push(good.subarray(0, len));
    for (const at of [40, 400, Math.floor(good.length / 3), Math.floor(good.length * 0.8)]) {
      const b = Buffer.from(good);
      for (let i = at; i < Math.min(at + 64, b.length); i++) b[i] = b[i]! ^ 0x5a;
      variants.push(b);
    }
    for (const b of variants) {
      const r = await parseInputSheet(b);
      expect(r.ok).toBe(false);
    }
  });

  it('another workbook is the wrong layout', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名簿');
    ws.addRow(['氏名', '生年月日']);
    ws.addRow(['髙橋', new Date('1990-05-15T00:00:00Z')]);
    const r = await parseInputSheet(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.ok ? 'ok' : brief(r.errors)).toEqual([{ field: '', code: 'sheet.wrong_layout' }]);
    expect(!r.ok && r.errors[0]!.row).toBe(1);
  });

  it('a deleted row, a duplicated row and an unknown row', async () => {
    const buf = await edited(sheet('dispatch'), {}, (ws) => {
      ws.spliceRows(rowOf(ws, 'person.birthDate'), 1);
      ws.getRow(rowOf(ws, 'pay.bonus')).getCell(5).value = 'pay.allowances';
      ws.getRow(ws.rowCount + 1).getCell(5).value = 'person.nickname';
    });
    const ws = (await load(buf)).getWorksheet(inputSheetName)!;
    const r = await parseInputSheet(buf);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const allowanceRows: number[] = [];
    for (let i = 1; i <= ws.rowCount; i++) if (ws.getRow(i).getCell(5).value === 'pay.allowances') allowanceRows.push(i);
    expect(r.errors.map(({ row, field, code }) => ({ row, field, code }))).toEqual(
      expect.arrayContaining([
        { row: allowanceRows[1], field: 'pay.allowances', code: 'sheet.duplicate_field' },
        { row: ws.rowCount, field: 'person.nickname', code: 'sheet.unknown_field' },
        { row: 0, field: 'person.birthDate', code: 'sheet.missing_row' },
        { row: 0, field: 'pay.bonus', code: 'sheet.missing_row' },
      ]),
    );
    expect(r.errors).toHaveLength(4);
  });
});

describe('dates typed as text', () => {
  const table: [string, string | undefined][] = [
    ['2026-04-01', '2026-04-01'],
    ['２０２６／０４／０１', '2026-04-01'],
    ['2026.4.1', '2026-04-01'],
    ['20260401', '2026-04-01'],
    [' 2026年 4月 1日 ', '2026-04-01'],
    ['令和元年5月1日', '2019-05-01'],
    ['平成31年4月30日', '2019-04-30'],
    ['平成31年5月1日', undefined], // that day is 令和元年
    ['昭和64年1月7日', '1989-01-07'],
    ['S60.3.31', '1985-03-31'],
    ['Ｈ２.１２.２５', '1990-12-25'],
    ['2026-13-01', '2026-13-01'], // a date-shaped text: the schema says it does not exist
    ['4/1', undefined],
    ['明日', undefined],
  ];
  it.each(table)('%s → %s', (text, iso) => expect(parseDateText(text)).toBe(iso));
});
