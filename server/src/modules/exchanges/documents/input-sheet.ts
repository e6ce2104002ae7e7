// 入力支援シート as an xlsx: the ministry downloads it pre-filled, fills it in and uploads it back.
// One sheet, one row per field: label (ja, en), the value, a hint, and the field's path in a
// hidden column that the parser reads, so that the labels may be reworded without breaking old
// files. Pure functions on buffers; storage and routes are the caller's.
//
// parseInputSheet never throws on user input: a broken file, a wrong layout, a bad cell or a
// rule of the schema all come back as errors with the row, the field and ja/en messages.
import ExcelJS from 'exceljs';
import { fieldMessages, isFieldMessageKey } from '../../../../../common/src/messages.ts';
import {
  booleanLabels,
  inputSheetSchema,
  sheetFieldHints,
  sheetFieldLabels,
  sheetFields,
  sheetOptionLabels,
  sheetSections,
  type InputSheet,
  type InputSheetPrefill,
  type SheetField,
} from '../../../../../common/src/schemas/exchange-sheet.schema.ts';
import type { Locale } from '../../../../../common/src/schemas/common.schema.ts';
import type { Messages } from '../../../platform/errors.ts';
import { issuesOf } from '../../../platform/validation.ts';

export const inputSheetName = '入力支援シート';
/** Written in the hidden key column of row 1; a file without it is not our sheet. */
export const inputSheetFormat = 'koryu:input-sheet:v1';
export const maxInputSheetBytes = 5 * 1024 * 1024;

const col = { labelJa: 1, labelEn: 2, value: 3, hint: 4, key: 5 } as const;
const headerRow = 3;

export type SheetError = { row: number; field: string; code: string; message: Messages };
export type ParseResult = { ok: true; sheet: InputSheet } | { ok: false; errors: SheetError[] };

// ---------------------------------------------------------------- messages of the file itself

const sheetMessages = {
  'sheet.unreadable': {
    ja: 'ファイルを読み込めません。Excel形式（.xlsx）の入力支援シートを選んでください。',
    en: 'The file cannot be read. Choose the input-support sheet as an Excel (.xlsx) file.',
  },
  'sheet.too_large': { ja: 'ファイルが大きすぎます（5MBまで）。', en: 'The file is too large (5 MB at most).' },
  'sheet.wrong_layout': {
    ja: '入力支援シートの様式ではありません。本システムからダウンロードした様式に入力してください。',
    en: 'This is not the input-support sheet layout. Fill in the sheet downloaded from this system.',
  },
  'sheet.missing_row': {
    ja: 'この項目の行がありません。行を削除せずに入力してください。',
    en: 'The row for this field is missing. Do not delete rows.',
  },
  'sheet.unknown_field': { ja: '不明な項目の行です。', en: 'This row names an unknown field.' },
  'sheet.duplicate_field': { ja: '同じ項目の行が重複しています。', en: 'This field appears on more than one row.' },
  'sheet.not_a_date': {
    ja: '日付として読み取れません（例: 2026-04-01、2026/4/1、令和8年4月1日）。',
    en: 'Not a date (e.g. 2026-04-01, 2026/4/1).',
  },
  'sheet.not_a_number': { ja: '数値を入力してください。', en: 'Enter a number.' },
  'sheet.not_an_integer': { ja: '整数を入力してください。', en: 'Enter a whole number.' },
  'sheet.choice_invalid': { ja: '一覧にない値です。一覧から選んでください。', en: 'Not one of the choices. Pick one from the list.' },
  'sheet.boolean_invalid': { ja: '「はい」又は「いいえ」を選んでください。', en: 'Answer “Yes” or “No”.' },
  'sheet.cell_error': { ja: 'セルが計算エラーになっています。', en: 'The cell holds a formula error.' },
} as const satisfies Record<string, Messages>;
type SheetMessageKey = keyof typeof sheetMessages;

const err = (row: number, field: string, code: SheetMessageKey): SheetError => ({ row, field, code, message: sheetMessages[code] });

// ---------------------------------------------------------------- paths

function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const k of path.split('.')) {
    if (cur == null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = obj;
  for (const k of keys.slice(0, -1)) {
    if (cur[k] == null || typeof cur[k] !== 'object') cur[k] = {};
    cur = cur[k] as Record<string, unknown>;
  }
  cur[keys[keys.length - 1]!] = value;
}

// ---------------------------------------------------------------- build

const isoToDate = (s: string): Date | undefined => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.getUTCDate() === +m[3]! ? d : undefined;
};

function displayValue(field: SheetField, value: unknown, locale: Locale): ExcelJS.CellValue {
  if (value === undefined || value === null) return null;
  switch (field.kind) {
    case 'enum': {
      const label = sheetOptionLabels[field.path]?.[String(value)];
      return label ? label[locale] : String(value);
    }
    case 'boolean':
      return typeof value === 'boolean' ? booleanLabels[value ? 'true' : 'false'][locale] : String(value);
    case 'date':
      return (typeof value === 'string' && isoToDate(value)) || String(value);
    case 'integer':
      return typeof value === 'number' ? value : String(value);
    default:
      return String(value);
  }
}

const listFormula = (items: string[]) => `"${items.join(',')}"`;

/** An xlsx of the input-support sheet, pre-filled with what is known of the case. */
export async function buildInputSheet(prefill: InputSheetPrefill, locale: Locale = 'ja'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'koryu';
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  const ws = wb.addWorksheet(inputSheetName, {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = [
    { key: 'labelJa', width: 36 },
    { key: 'labelEn', width: 34 },
    { key: 'value', width: 48 },
    { key: 'hint', width: 42 },
    { key: 'key', width: 30, hidden: true },
  ];

  const title = ws.getRow(1);
  title.getCell(col.labelJa).value = '入力支援シート（官民人事交流）';
  title.getCell(col.labelEn).value = 'Input-support sheet (public-private exchange)';
  title.getCell(col.key).value = inputSheetFormat;
  title.font = { bold: true, size: 14 };
  const note = ws.getRow(2);
  note.getCell(col.labelJa).value =
    locale === 'ja'
      ? '「入力欄」の列（C列）に入力してください。※は必須項目です。行の追加・削除はしないでください。'
      : 'Fill in the “Value” column (C). Fields marked * are required. Do not add or delete rows.';
  ws.mergeCells(2, col.labelJa, 2, col.hint);
  const header = ws.getRow(headerRow);
  header.values = ['項目', 'Item', '入力欄 / Value', '記入上の注意 / Hint', 'field'];
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    c.border = { bottom: { style: 'thin' } };
  });

  let r = headerRow + 1;
  let section: string | undefined;
  for (const field of sheetFields) {
    if (field.section !== section) {
      section = field.section;
      const s = ws.getRow(r++);
      const label = sheetSections[field.section];
      s.getCell(col.labelJa).value = label.ja;
      s.getCell(col.labelEn).value = label.en;
      s.font = { bold: true };
      for (let c = col.labelJa; c <= col.hint; c++) {
        s.getCell(c).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
      }
    }
    const row = ws.getRow(r++);
    const label = sheetFieldLabels[field.path] ?? { ja: field.path, en: field.path };
    row.getCell(col.labelJa).value = field.required ? `※ ${label.ja}` : label.ja;
    row.getCell(col.labelEn).value = field.required ? `${label.en} *` : label.en;
    row.getCell(col.hint).value = sheetFieldHints[field.path]?.[locale] ?? null;
    row.getCell(col.key).value = field.path;
    row.alignment = { vertical: 'top', wrapText: true };

    const cell = row.getCell(col.value);
    cell.value = displayValue(field, getPath(prefill, field.path), locale);
    cell.protection = { locked: false };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFF0' } };
    cell.border = { top: { style: 'hair' }, bottom: { style: 'hair' }, left: { style: 'thin' }, right: { style: 'thin' } };
    switch (field.kind) {
      case 'enum':
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [listFormula((field.options ?? []).map((o) => sheetOptionLabels[field.path]?.[o]?.[locale] ?? o))],
          showErrorMessage: true,
          errorTitle: locale === 'ja' ? '入力エラー' : 'Invalid value',
          error: locale === 'ja' ? '一覧から選んでください。' : 'Pick one from the list.',
        };
        break;
      case 'boolean':
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: [listFormula([booleanLabels.true[locale], booleanLabels.false[locale]])],
          showErrorMessage: true,
        };
        break;
      case 'date':
        cell.numFmt = 'yyyy-mm-dd';
        break;
      case 'integer':
        cell.numFmt = '#,##0';
        cell.dataValidation = {
          type: 'whole',
          operator: 'greaterThanOrEqual',
          allowBlank: true,
          formulae: [0],
          showErrorMessage: true,
          error: locale === 'ja' ? '0以上の整数を入力してください。' : 'Enter a whole number of 0 or more.',
        };
        break;
      case 'corporateNumber':
      case 'phone':
        cell.numFmt = '@'; // text, so that digits and leading zeros stay as typed
        break;
      case 'longText':
        row.height = 60;
        break;
      default:
        break;
    }
  }
  // Labels and hints are locked; the value column is not. No password: this guards against
  // accidental edits only (Review → Unprotect Sheet lifts it).
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------- parse: cells

type Cell = { kind: 'empty' } | { kind: 'text'; text: string } | { kind: 'number'; n: number } | { kind: 'date'; d: Date } | { kind: 'bool'; b: boolean } | { kind: 'error' };

function readCell(v: ExcelJS.CellValue | undefined): Cell {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'string') return v.trim() === '' ? { kind: 'empty' } : { kind: 'text', text: v };
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', n: v } : { kind: 'error' };
  if (typeof v === 'boolean') return { kind: 'bool', b: v };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { kind: 'error' } : { kind: 'date', d: v };
  if (typeof v === 'object') {
    if ('error' in v) return { kind: 'error' };
    if ('richText' in v && Array.isArray(v.richText)) return readCell(v.richText.map((t) => t.text ?? '').join(''));
    if ('formula' in v || 'sharedFormula' in v) return readCell((v as { result?: ExcelJS.CellValue }).result);
    if ('text' in v) return readCell(typeof v.text === 'string' ? v.text : String(v.text ?? ''));
  }
  return { kind: 'error' };
}

const cellText = (c: Cell): string | undefined =>
  c.kind === 'text' ? c.text : c.kind === 'number' ? String(c.n) : c.kind === 'bool' ? String(c.b) : undefined;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const utcIso = (d: Date) => `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

// Excel serial day numbers (1900 system; the 1904 system adds 1462 days).
function serialToIso(n: number, date1904: boolean): string | undefined {
  if (!(n >= 1 && n < 2_958_466)) return undefined;
  const days = Math.floor(n) + (date1904 ? 1462 : 0);
  return utcIso(new Date(Date.UTC(1899, 11, 30) + days * 86_400_000));
}

// 和暦: first day of each era and the year it counts as 元年.
const eras: { names: string[]; start: string; base: number }[] = [
  { names: ['令和', 'r'], start: '2019-05-01', base: 2018 },
  { names: ['平成', 'h'], start: '1989-01-08', base: 1988 },
  { names: ['昭和', 's'], start: '1926-12-25', base: 1925 },
];

/** A date typed as text: 2026-04-01, 2026/4/1, 2026.4.1, 2026年4月1日, 20260401, 令和8年4月1日, R8.4.1,
 *  in full- or half-width digits. Returns an ISO string (possibly of a non-existent day, which the
 *  schema reports as such) or undefined when it is not a date at all. */
export function parseDateText(input: string): string | undefined {
  const s = input.normalize('NFKC').trim().replace(/\s+/g, '').toLowerCase();
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) return `${m[1]}-${pad(+m[2]!)}-${pad(+m[3]!)}`;
  m = /^(令和|平成|昭和|r|h|s)(元|\d{1,2})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s);
  if (m) {
    const era = eras.find((e) => e.names.includes(m![1]!))!;
    const year = m[2] === '元' ? 1 : +m[2]!;
    if (year < 1) return undefined;
    const iso = `${pad(era.base + year, 4)}-${pad(+m[3]!)}-${pad(+m[4]!)}`;
    const next = eras[eras.indexOf(era) - 1];
    if (iso < era.start || (next && iso >= next.start)) return undefined;
    return iso;
  }
  return undefined;
}

function matchChoice(field: SheetField, text: string): string | undefined {
  const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  const t = norm(text);
  for (const o of field.options ?? []) {
    const labels = sheetOptionLabels[field.path]?.[o];
    if (norm(o) === t || (labels && (norm(labels.ja) === t || norm(labels.en) === t))) return o;
  }
  return undefined;
}

const yes = new Set(['はい', 'yes', 'y', 'true', '1', '○', '〇', '✓', '✔', 'する', '有']);
const no = new Set(['いいえ', 'no', 'n', 'false', '0', '×', '✕', 'しない', '無']);

type Converted = { ok: true; value: unknown } | { ok: false; code: SheetMessageKey };

function convert(field: SheetField, c: Cell, date1904: boolean): Converted {
  if (c.kind === 'empty') return { ok: true, value: undefined };
  if (c.kind === 'error') return { ok: false, code: 'sheet.cell_error' };
  switch (field.kind) {
    case 'date': {
      if (c.kind === 'date') return { ok: true, value: utcIso(new Date(c.d.getTime() + 60_000)) };
      if (c.kind === 'number') {
        const iso = serialToIso(c.n, date1904);
        return iso ? { ok: true, value: iso } : { ok: false, code: 'sheet.not_a_date' };
      }
      const iso = c.kind === 'text' ? parseDateText(c.text) : undefined;
      return iso ? { ok: true, value: iso } : { ok: false, code: 'sheet.not_a_date' };
    }
    case 'integer': {
      let n: number;
      if (c.kind === 'number') n = c.n;
      else if (c.kind === 'text') {
        const t = c.text.normalize('NFKC').trim().replace(/[,，\s]/g, '').replace(/(円|yen|日|days?)$/i, '');
        if (!/^[-+]?\d+(\.\d+)?$/.test(t)) return { ok: false, code: 'sheet.not_a_number' };
        n = Number(t);
      } else return { ok: false, code: 'sheet.not_a_number' };
      return Number.isInteger(n) ? { ok: true, value: n } : { ok: false, code: 'sheet.not_an_integer' };
    }
    case 'boolean': {
      if (c.kind === 'bool') return { ok: true, value: c.b };
      const t = (cellText(c) ?? '').normalize('NFKC').trim().toLowerCase();
      if (yes.has(t) || t === booleanLabels.true.ja) return { ok: true, value: true };
      if (no.has(t) || t === booleanLabels.false.ja) return { ok: true, value: false };
      return { ok: false, code: 'sheet.boolean_invalid' };
    }
    case 'enum': {
      const t = cellText(c);
      const v = t === undefined ? undefined : matchChoice(field, t);
      return v ? { ok: true, value: v } : { ok: false, code: 'sheet.choice_invalid' };
    }
    default: {
      // Text of any kind. A number typed into a text cell (a phone number without hyphens, a
      // corporate number) arrives as a number: its digits are what was meant.
      if (c.kind === 'number') return { ok: true, value: Number.isInteger(c.n) ? c.n.toFixed(0) : String(c.n) };
      if (c.kind === 'date') return { ok: true, value: utcIso(c.d) };
      return { ok: true, value: cellText(c) };
    }
  }
}

// ---------------------------------------------------------------- parse: the sheet

async function loadWorkbook(buffer: Uint8Array): Promise<ExcelJS.Workbook | undefined> {
  // An xlsx is a zip: refuse anything else before handing it to the zip reader.
  if (buffer.length < 4 || buffer[0] !== 0x50 || buffer[1] !== 0x4b || buffer[2] !== 0x03 || buffer[3] !== 0x04) return undefined;
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength) as unknown as ExcelJS.Buffer);
    return wb;
  } catch {
    return undefined;
  }
}

const fieldByPath = new Map(sheetFields.map((f) => [f.path, f]));

/** Reads an uploaded sheet and validates it against the schema. Never throws on the file's content. */
export async function parseInputSheet(buffer: Uint8Array): Promise<ParseResult> {
  if (!(buffer instanceof Uint8Array)) return { ok: false, errors: [err(0, '', 'sheet.unreadable')] };
  if (buffer.length > maxInputSheetBytes) return { ok: false, errors: [err(0, '', 'sheet.too_large')] };
  const wb = await loadWorkbook(buffer);
  if (!wb) return { ok: false, errors: [err(0, '', 'sheet.unreadable')] };
  try {
    return readWorkbook(wb);
  } catch {
    // ExcelJS models odd files lazily; anything it throws while we read cells is the file's fault.
    return { ok: false, errors: [err(0, '', 'sheet.unreadable')] };
  }
}

function readWorkbook(wb: ExcelJS.Workbook): ParseResult {
  const ws = wb.getWorksheet(inputSheetName) ?? wb.worksheets[0];
  if (!ws || cellText(readCell(ws.getRow(1).getCell(col.key).value)) !== inputSheetFormat) {
    return { ok: false, errors: [err(1, '', 'sheet.wrong_layout')] };
  }
  const date1904 = Boolean((wb.properties as { date1904?: boolean } | undefined)?.date1904);

  const errors: SheetError[] = [];
  const rowOf = new Map<string, number>();
  const last = Math.min(ws.rowCount, 1000);
  for (let r = headerRow + 1; r <= last; r++) {
    const key = cellText(readCell(ws.getRow(r).getCell(col.key).value))?.trim();
    if (!key) continue;
    if (!fieldByPath.has(key)) errors.push(err(r, key, 'sheet.unknown_field'));
    else if (rowOf.has(key)) errors.push(err(r, key, 'sheet.duplicate_field'));
    else rowOf.set(key, r);
  }
  for (const f of sheetFields) if (!rowOf.has(f.path)) errors.push(err(0, f.path, 'sheet.missing_row'));
  if (errors.length) return { ok: false, errors };

  const data: Record<string, unknown> = {};
  const badCells = new Set<string>();
  for (const f of sheetFields) {
    const row = rowOf.get(f.path)!;
    const c = convert(f, readCell(ws.getRow(row).getCell(col.value).value), date1904);
    if (!c.ok) {
      errors.push(err(row, f.path, c.code));
      badCells.add(f.path);
    } else if (c.value !== undefined) setPath(data, f.path, c.value);
  }
  // Groups are objects even when all their cells are empty, so that a missing value is reported
  // on its own row rather than as a missing group.
  for (const f of sheetFields) {
    const parent = f.path.split('.').slice(0, -1).join('.');
    if (parent && getPath(data, parent) === undefined) setPath(data, parent, {});
  }

  const r = inputSheetSchema.safeParse(data);
  if (r.success && errors.length === 0) return { ok: true, sheet: r.data };
  if (!r.success) {
    const raw = r.error.issues;
    issuesOf(inputSheetSchema, data, raw).forEach((issue, i) => {
      const field = sheetFields.find((f) => f.path === issue.path || f.path.startsWith(`${issue.path}.`))?.path ?? issue.path;
      if (badCells.has(field)) return; // already reported as a cell that could not be read
      // An empty cell reaches zod as a missing key: say "required", whatever the type's message.
      const missing = raw[i]?.code !== 'custom' && getPath(data, field) === undefined;
      const code = missing ? 'text.required' : issue.code;
      const message = isFieldMessageKey(code) ? fieldMessages[code] : issue.message;
      errors.push({ row: rowOf.get(field) ?? 0, field, code, message });
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { ok: false, errors };
}
