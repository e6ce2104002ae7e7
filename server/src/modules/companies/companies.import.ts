// Bulk import of companies from CSV or xlsx (`koryu import companies FILE`). All-or-nothing:
// every row is validated first and every bad row reported (row, column, reason in ja/en);
// nothing is written unless all rows are good. Existing 法人番号 are updated, new ones inserted.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/tx.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, type Messages } from '../../platform/errors.ts';
import { issuesOf } from '../../platform/validation.ts';
import { companyInputSchema, type CompanyInput } from '../../../../common/src/schemas/companies.schema.ts';
import { fieldMessages } from '../../../../common/src/messages.ts';
import { companiesRepository as repo, type CompanyRow, type NewCompany } from './companies.repository.ts';
import { checkReferences, duplicateCorporateNumber, isCorporateNumberTaken, toRow } from './companies.service.ts';

// Accepted headers (Japanese or English) → field.
const headerMap: Record<string, keyof CompanyInput> = {
  法人番号: 'corporateNumber',
  corporate_number: 'corporateNumber',
  corporatenumber: 'corporateNumber',
  名称: 'name',
  法人名: 'name',
  商号又は名称: 'name',
  name: 'name',
  フリガナ: 'nameKana',
  ふりがな: 'nameKana',
  name_kana: 'nameKana',
  法人種別: 'legalTypeCode',
  法人の種類: 'legalTypeCode',
  legal_type: 'legalTypeCode',
  資本金: 'capitalYen',
  'capital_yen': 'capitalYen',
  従業員数: 'employees',
  employees: 'employees',
  業種: 'industryCode',
  industry: 'industryCode',
  都道府県: 'prefectureCode',
  prefecture: 'prefectureCode',
  所在地: 'address',
  address: 'address',
  親会社法人番号: 'parentCorporateNumber',
  parent_corporate_number: 'parentCorporateNumber',
};
const numericFields = new Set<keyof CompanyInput>(['capitalYen', 'employees']);

/** No U+0000 and no lone surrogate (String.prototype.isWellFormed, ES2024). */
const wellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed() && !s.includes('\u0000');

export type RowError = { row: number; column: string; code: string; message: Messages };
export type ImportResult = { rows: number; inserted: number; updated: number };
export type ImportProgress = (phase: 'read' | 'validate' | 'write', done: number, total: number) => void;

export class ImportRejected extends AppError {
  readonly rowErrors: RowError[];
  constructor(rowErrors: RowError[]) {
    super('import_rejected', { details: { errors: rowErrors.length } });
    this.rowErrors = rowErrors;
  }
}

/** Reads a CSV (UTF-8, BOM tolerated) or xlsx file into header-keyed string records. */
export async function readTable(file: string): Promise<{ headers: string[]; records: string[][] }> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    if (!ws) return { headers: [], records: [] };
    const all: string[][] = [];
    // exceljs computes columnCount by walking every row: read it once (per row, 20,000 rows took minutes).
    const columns = ws.columnCount;
    ws.eachRow({ includeEmpty: false }, (row) => {
      const values: string[] = [];
      for (let c = 1; c <= columns; c++) {
        const v = row.getCell(c).value;
        values.push(v == null ? '' : typeof v === 'object' && 'text' in v ? String(v.text) : typeof v === 'object' && 'result' in v ? String(v.result ?? '') : String(v));
      }
      all.push(values);
    });
    return { headers: all[0] ?? [], records: all.slice(1) };
  }
  if (ext !== '.csv' && ext !== '.txt') throw new Error(`unsupported file type ${ext}: use .csv or .xlsx`);
  const records: string[][] = [];
  const parser = fs.createReadStream(file).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true }));
  for await (const r of parser) records.push(r as string[]);
  return { headers: records[0] ?? [], records: records.slice(1) };
}

type Validated = { line: number; input: CompanyInput };

/** Pure: turns records into inputs or row errors. Line numbers count the header as line 1. */
export function validateRecords(
  headers: string[],
  records: string[][],
  ref: Parameters<typeof checkReferences>[1],
  onProgress?: (done: number) => void,
): { ok: Validated[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const fields = headers.map((h) => headerMap[h.normalize('NFKC').trim().toLowerCase()] ?? headerMap[h.trim()]);
  for (const required of ['corporateNumber', 'name', 'legalTypeCode'] as const) {
    if (!fields.includes(required)) {
      errors.push({
        row: 1,
        column: required,
        code: 'header.missing',
        message: { ja: `見出し行に必須の列「${required}」がありません。`, en: `The header row lacks the required column "${required}".` },
      });
    }
  }
  headers.forEach((h, i) => {
    if (!fields[i] && h.trim()) {
      errors.push({ row: 1, column: h, code: 'header.unknown', message: { ja: `不明な列「${h}」です。`, en: `Unknown column "${h}".` } });
    }
  });
  if (errors.length) return { ok: [], errors };

  const ok: Validated[] = [];
  const seen = new Map<string, number>();
  const typeByLabel = new Map<string, string>();
  for (const t of ref.types) {
    typeByLabel.set(t.code, t.code);
    typeByLabel.set(t.nameJa, t.code);
  }
  const industryByLabel = new Map<string, string>();
  for (const i of ref.industries) {
    industryByLabel.set(i.code, i.code);
    industryByLabel.set(i.nameJa, i.code);
  }
  const prefByLabel = new Map<string, string>();
  for (const p of ref.prefectures) {
    prefByLabel.set(p.code, p.code);
    prefByLabel.set(String(Number(p.code)), p.code);
    prefByLabel.set(p.nameJa, p.code);
  }

  records.forEach((rec, idx) => {
    const line = idx + 2;
    // PostgreSQL cannot store U+0000 and UTF-8 cannot carry a lone surrogate: report the cell
    // here rather than fail the whole write with a raw query error.
    const unstorable = fields.flatMap((f, i) => (f && !wellFormed(rec[i] ?? '') ? [f] : []));
    if (unstorable.length) {
      for (const f of unstorable) {
        errors.push({ row: line, column: f, code: 'text.invalid_characters', message: fieldMessages['text.invalid_characters'] });
      }
      return;
    }
    const raw: Record<string, unknown> = {};
    fields.forEach((f, i) => {
      if (!f) return;
      const v = (rec[i] ?? '').normalize('NFKC').trim();
      if (v === '') {
        // An empty required cell reads as "required", not as a type error.
        if (f === 'corporateNumber' || f === 'name' || f === 'legalTypeCode') raw[f] = '';
        return;
      }
      if (numericFields.has(f)) raw[f] = /^-?[0-9,]+$/.test(v) ? Number(v.replace(/,/g, '')) : v;
      else if (f === 'legalTypeCode') raw[f] = typeByLabel.get(v) ?? v;
      else if (f === 'industryCode') raw[f] = industryByLabel.get(v) ?? v;
      else if (f === 'prefectureCode') raw[f] = prefByLabel.get(v) ?? v;
      else raw[f] = v;
    });
    const parsed = companyInputSchema.safeParse(raw);
    const codes = {
      ...(typeof raw.legalTypeCode === 'string' && raw.legalTypeCode ? { legalTypeCode: raw.legalTypeCode } : {}),
      ...(typeof raw.industryCode === 'string' ? { industryCode: raw.industryCode } : {}),
      ...(typeof raw.prefectureCode === 'string' ? { prefectureCode: raw.prefectureCode } : {}),
    };
    const refIssues = checkReferences(codes, ref);
    if (!parsed.success) {
      for (const i of issuesOf(companyInputSchema, raw, parsed.error.issues)) {
        errors.push({ row: line, column: i.path || '(row)', code: i.code, message: i.message });
      }
      for (const i of refIssues) errors.push({ row: line, column: i.path, code: i.code, message: i.message });
      return;
    }
    for (const i of refIssues) errors.push({ row: line, column: i.path, code: i.code, message: i.message });
    const dup = seen.get(parsed.data.corporateNumber);
    if (dup !== undefined) {
      errors.push({
        row: line,
        column: 'corporateNumber',
        code: 'corporate_number.duplicate_in_file',
        message: { ja: `法人番号が${dup}行目と重複しています。`, en: `The corporate number repeats line ${dup}.` },
      });
      return;
    }
    seen.set(parsed.data.corporateNumber, line);
    if (refIssues.length === 0) ok.push({ line, input: parsed.data });
    if (onProgress && idx % 1000 === 0) onProgress(idx);
  });
  return { ok, errors };
}

const WRITE_BATCH = 1000;

// The columns an import can change, as the audit trail names them (derived search columns left out).
const auditedColumns = ['name', 'nameKana', 'legalTypeCode', 'capitalYen', 'employees', 'industryCode', 'prefectureCode', 'address'] as const;

/** The audited columns that differ, before and after; null when none did. */
function changedColumns(old: CompanyRow, now: CompanyRow): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const k of auditedColumns) {
    if (old[k] === now[k]) continue;
    before[k] = old[k];
    after[k] = now[k];
  }
  return Object.keys(after).length ? { before, after } : null;
}

/** The server's DETAIL text of a database error, however the driver wraps it. */
function errorDetail(err: unknown): string {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const detail = (e as { detail?: unknown }).detail;
    if (typeof detail === 'string') return detail;
    e = (e as { cause?: unknown }).cause;
  }
  return '';
}

export async function importCompanies(
  database: Database,
  file: string,
  ctx: RequestContext,
  onProgress?: ImportProgress,
): Promise<ImportResult> {
  const { db } = database;
  const { headers, records } = await readTable(file);
  onProgress?.('read', records.length, records.length);
  const ref = await repo.referenceCodes(db);
  const { ok, errors } = validateRecords(headers, records, ref, (d) => onProgress?.('validate', d, records.length));
  onProgress?.('validate', records.length, records.length);
  if (errors.length) throw new ImportRejected(errors);

  return inTransaction(db, async (tx) => {
    const inFile = new Set(ok.map((v) => v.input.corporateNumber));
    const parentNumbers = [...new Set(ok.map((v) => v.input.parentCorporateNumber).filter((p): p is string => !!p))];
    // A pending (unapproved) company cannot be a parent, as through the API.
    const existingParents = new Map(
      (await repo.findByCorporateNumbers(tx, parentNumbers)).filter((c) => c.status !== 'pending').map((c) => [c.corporateNumber, c.id]),
    );
    const parentErrors: RowError[] = ok
      .filter((v) => v.input.parentCorporateNumber && !inFile.has(v.input.parentCorporateNumber) && !existingParents.has(v.input.parentCorporateNumber))
      .map((v) => ({
        row: v.line,
        column: 'parentCorporateNumber',
        code: 'company.parent_unknown',
        message: { ja: '親会社の法人番号が登録されておらず、このファイルにもありません。', en: 'The parent’s corporate number is neither registered nor in this file.' },
      }));
    if (parentErrors.length) throw new ImportRejected(parentErrors);

    let inserted = 0;
    let updated = 0;
    const idByNumber = new Map(existingParents);
    // Each company's parent before this import (new ones: none), for the audit of link changes.
    const parentBefore = new Map<number, number | null>();
    for (let i = 0; i < ok.length; i += WRITE_BATCH) {
      const batch = ok.slice(i, i + WRITE_BATCH);
      const existing = new Map((await repo.findRowsByCorporateNumbers(tx, batch.map((b) => b.input.corporateNumber))).map((c) => [c.corporateNumber, c]));
      const fresh: NewCompany[] = [];
      const changedIds: number[] = [];
      const before: Record<string, unknown>[] = [];
      const after: Record<string, unknown>[] = [];
      for (const { input } of batch) {
        const values = toRow(input);
        const old = existing.get(input.corporateNumber);
        if (old !== undefined) {
          const row = await repo.update(tx, old.id, values);
          const diff = row ? changedColumns(old, row) : null;
          if (diff) {
            before.push({ id: old.id, ...diff.before });
            after.push({ id: old.id, ...diff.after });
          }
          idByNumber.set(input.corporateNumber, old.id);
          parentBefore.set(old.id, old.parentId);
          changedIds.push(old.id);
          updated++;
        } else {
          fresh.push({ ...(values as NewCompany), corporateNumber: input.corporateNumber, status: 'active' });
        }
      }
      const created = await repo.insertMany(tx, fresh).catch((err: unknown) => {
        // Another writer registered one of these numbers after the lookup above.
        if (!isCorporateNumberTaken(err)) throw err;
        const taken = /\(corporate_number\)=\(([0-9]{13})\)/.exec(errorDetail(err))?.[1];
        const row = taken ? batch.find((b) => b.input.corporateNumber === taken)?.line : undefined;
        throw duplicateCorporateNumber('corporateNumber', row === undefined ? undefined : { row, corporateNumber: taken });
      });
      for (const c of created) {
        idByNumber.set(c.corporateNumber, c.id);
        parentBefore.set(c.id, null);
      }
      inserted += created.length;
      await writeAudit(tx, ctx, {
        action: 'company.import',
        recordType: 'company',
        before: { companies: before },
        after: {
          file: path.basename(file),
          lines: [batch[0]!.line, batch[batch.length - 1]!.line],
          inserted: created.map((c) => c.id),
          updated: changedIds,
          companies: after,
        },
      });
      onProgress?.('write', Math.min(i + WRITE_BATCH, ok.length), ok.length);
    }
    const links: { id: number; from: number | null; to: number }[] = [];
    for (const { input } of ok) {
      if (!input.parentCorporateNumber) continue;
      const id = idByNumber.get(input.corporateNumber)!;
      const parentId = idByNumber.get(input.parentCorporateNumber)!;
      const from = parentBefore.get(id) ?? null;
      if (parentId === id || parentId === from) continue;
      await repo.update(tx, id, { parentId });
      links.push({ id, from, to: parentId });
    }
    for (let i = 0; i < links.length; i += WRITE_BATCH) {
      const chunk = links.slice(i, i + WRITE_BATCH);
      await writeAudit(tx, ctx, {
        action: 'company.import.parents',
        recordType: 'company',
        before: { companies: chunk.map((l) => ({ id: l.id, parentId: l.from })) },
        after: { file: path.basename(file), companies: chunk.map((l) => ({ id: l.id, parentId: l.to })) },
      });
    }
    return { rows: ok.length, inserted, updated };
  });
}
