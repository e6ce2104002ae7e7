// Bulk import of contract totals (府省等 × 法人 × 年度) from CSV or xlsx, through the API
// (POST /api/contracts/import) or `koryu import contracts FILE`. All-or-nothing like the company
// import, whose file reader and row-error report it shares: every row is checked first, every bad
// row reported (row, column, reason in ja/en), and nothing is written unless all rows are good.
// Existing (organisation, company, fiscal year) totals are replaced, new ones inserted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { inTransaction } from '../../db/tx.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { issuesOf } from '../../platform/validation.ts';
import { fieldMessages } from '../../../../common/src/messages.ts';
import { corporateNumberSchema } from '../../../../common/src/schemas/companies.schema.ts';
import { contractInputSchema } from '../../../../common/src/schemas/criteria-data.schema.ts';
import { ImportRejected, readTable, type ImportProgress, type ImportResult, type RowError } from '../companies/companies.import.ts';
import { criteriaDataRepository as repo, type NewContract } from './criteria-data.repository.ts';
import { importableOrganisation } from './criteria-data.policy.ts';

type Field = 'organisation' | 'corporateNumber' | 'fiscalYear' | 'amountYen' | 'source';

// Accepted headers (Japanese or English) → field.
const headerMap: Record<string, Field> = {
  府省等: 'organisation',
  府省等コード: 'organisation',
  府省: 'organisation',
  organisation: 'organisation',
  organisation_code: 'organisation',
  'organisation code': 'organisation',
  organization: 'organisation',
  organization_code: 'organisation',
  法人番号: 'corporateNumber',
  corporate_number: 'corporateNumber',
  'corporate number': 'corporateNumber',
  年度: 'fiscalYear',
  fiscal_year: 'fiscalYear',
  'fiscal year': 'fiscalYear',
  契約額: 'amountYen',
  契約総額: 'amountYen',
  '契約額(円)': 'amountYen',
  金額: 'amountYen',
  amount_yen: 'amountYen',
  'amount yen': 'amountYen',
  amount: 'amountYen',
  出典: 'source',
  source: 'source',
};
const required: Field[] = ['organisation', 'corporateNumber', 'fiscalYear', 'amountYen'];

const rowSchema = z.strictObject({
  organisation: z.string().min(1, { message: 'organisation.unknown' }).max(200),
  corporateNumber: corporateNumberSchema,
  fiscalYear: contractInputSchema.shape.fiscalYear,
  amountYen: contractInputSchema.shape.amountYen,
  source: z
    .string()
    .max(200)
    .refine((v) => (v as string & { isWellFormed(): boolean }).isWellFormed() && !v.includes('\u0000'), { message: 'text.invalid_characters' })
    .optional(),
});

type Organisation = { id: number; code: string; nameJa: string };
export type ValidContract = { line: number; organisationId: number; corporateNumber: string; fiscalYear: number; amountYen: number; source: string | null };

const rowError = (row: number, column: string, code: string, message: { ja: string; en: string }): RowError => ({ row, column, code, message });

/** Pure: records → contract rows or row errors. Line numbers count the header as line 1. */
export function validateContractRecords(
  headers: string[],
  records: string[][],
  orgs: readonly Organisation[],
  actor: RequestContext['actor'],
): { ok: ValidContract[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const fields = headers.map((h) => headerMap[h.normalize('NFKC').trim().toLowerCase()] ?? headerMap[h.normalize('NFKC').trim()]);
  for (const f of required) {
    if (!fields.includes(f)) {
      errors.push(rowError(1, f, 'header.missing', { ja: `見出し行に必須の列「${f}」がありません。`, en: `The header row lacks the required column "${f}".` }));
    }
  }
  headers.forEach((h, i) => {
    if (!fields[i] && h.trim()) errors.push(rowError(1, h, 'header.unknown', { ja: `不明な列「${h}」です。`, en: `Unknown column "${h}".` }));
  });
  if (errors.length) return { ok: [], errors };

  const orgByLabel = new Map<string, Organisation>();
  for (const o of orgs) {
    orgByLabel.set(o.code.toLowerCase(), o);
    orgByLabel.set(o.nameJa, o);
  }
  const ok: ValidContract[] = [];
  const seen = new Map<string, number>();
  records.forEach((rec, idx) => {
    const line = idx + 2;
    const raw: Record<string, unknown> = {};
    const empty = new Set<string>();
    fields.forEach((f, i) => {
      if (!f) return;
      const v = (rec[i] ?? '').normalize('NFKC').trim();
      if (v === '') {
        if (f !== 'source') empty.add(f);
        return;
      }
      if (f === 'fiscalYear') raw[f] = /^[0-9]{4}(年度)?$/.test(v) ? Number(v.slice(0, 4)) : v;
      else if (f === 'amountYen') raw[f] = /^-?[0-9,]+(円)?$/.test(v) ? Number(v.replace(/[,円]/g, '')) : v;
      else raw[f] = v;
    });
    for (const f of empty) errors.push(rowError(line, f, 'text.required', fieldMessages['text.required']));
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const i of issuesOf(rowSchema, raw, parsed.error.issues)) {
        if (!empty.has(i.path)) errors.push(rowError(line, i.path || '(row)', i.code, i.message));
      }
      return;
    }
    const r = parsed.data;
    const org = orgByLabel.get(r.organisation.toLowerCase()) ?? orgByLabel.get(r.organisation);
    if (!org) {
      errors.push(rowError(line, 'organisation', 'organisation.unknown', fieldMessages['organisation.unknown']));
      return;
    }
    if (!importableOrganisation(actor, org.id)) {
      errors.push(rowError(line, 'organisation', 'organisation.forbidden', fieldMessages['organisation.forbidden']));
      return;
    }
    const key = `${org.id}/${r.corporateNumber}/${r.fiscalYear}`;
    const dup = seen.get(key);
    if (dup !== undefined) {
      errors.push(
        rowError(line, 'fiscalYear', 'contract.duplicate_in_file', {
          ja: `同じ府省等・法人番号・年度の行が${dup}行目にもあります。`,
          en: `Line ${dup} has the same organisation, corporate number and fiscal year.`,
        }),
      );
      return;
    }
    seen.set(key, line);
    ok.push({ line, organisationId: org.id, corporateNumber: r.corporateNumber, fiscalYear: r.fiscalYear, amountYen: r.amountYen, source: r.source ?? null });
  });
  return { ok, errors };
}

const WRITE_BATCH = 1000;

type Table = { headers: string[]; records: string[][] };

/** Imports a read table; `label` names the file in the audit trail. */
async function importTable(database: Database, table: Table, label: string, ctx: RequestContext, onProgress?: ImportProgress): Promise<ImportResult> {
  const { db } = database;
  const { headers, records } = table;
  onProgress?.('read', records.length, records.length);
  const { ok, errors } = validateContractRecords(headers, records, await repo.organisations(db), ctx.actor);
  onProgress?.('validate', records.length, records.length);
  if (errors.length) throw new ImportRejected(errors);

  return inTransaction(db, async (tx) => {
    const numbers = [...new Set(ok.map((v) => v.corporateNumber))];
    const idByNumber = new Map<string, number>();
    for (let i = 0; i < numbers.length; i += WRITE_BATCH) {
      for (const c of await repo.companiesByCorporateNumbers(tx, numbers.slice(i, i + WRITE_BATCH))) idByNumber.set(c.corporateNumber, c.id);
    }
    const unknown = ok
      .filter((v) => !idByNumber.has(v.corporateNumber))
      .map((v) => rowError(v.line, 'corporateNumber', 'company.unknown', fieldMessages['company.unknown']));
    if (unknown.length) throw new ImportRejected(unknown);

    let inserted = 0;
    let updated = 0;
    for (let i = 0; i < ok.length; i += WRITE_BATCH) {
      const batch = ok.slice(i, i + WRITE_BATCH);
      const values: NewContract[] = batch.map((v) => ({
        organisationId: v.organisationId,
        companyId: idByNumber.get(v.corporateNumber)!,
        fiscalYear: v.fiscalYear,
        amountYen: v.amountYen,
        source: v.source ?? `import:${label}`,
      }));
      const keyOf = (r: { organisationId: number; companyId: number; fiscalYear: number }) => `${r.organisationId}/${r.companyId}/${r.fiscalYear}`;
      const existing = new Map((await repo.contractsByKeys(tx, values.map((v) => ({ organisationId: v.organisationId, companyId: v.companyId, fiscalYear: v.fiscalYear })))).map((r) => [keyOf(r), r]));
      const written = await repo.upsertContracts(tx, values);
      const before: Record<string, unknown>[] = [];
      const after: Record<string, unknown>[] = [];
      for (const v of values) {
        const old = existing.get(keyOf(v as { organisationId: number; companyId: number; fiscalYear: number }));
        if (old && old.amountYen === v.amountYen) continue;
        if (old) before.push({ id: old.id, amountYen: old.amountYen });
        after.push({ organisationId: v.organisationId, companyId: v.companyId, fiscalYear: v.fiscalYear, amountYen: v.amountYen });
      }
      const fresh = written.filter((w) => w.inserted).length;
      inserted += fresh;
      updated += written.length - fresh;
      await writeAudit(tx, ctx, {
        action: 'ministry_contract.import',
        recordType: 'ministry_contract',
        before: { contracts: before },
        after: { file: label, lines: [batch[0]!.line, batch[batch.length - 1]!.line], contracts: after },
      });
      onProgress?.('write', Math.min(i + WRITE_BATCH, ok.length), ok.length);
    }
    return { rows: ok.length, inserted, updated };
  });
}

/** `koryu import contracts FILE`. */
export async function importContracts(database: Database, file: string, ctx: RequestContext, onProgress?: ImportProgress): Promise<ImportResult> {
  return importTable(database, await readTable(file), path.basename(file), ctx, onProgress);
}

/** The xlsx signature (a zip file): "PK\x03\x04". */
const isZip = (b: Buffer) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** An uploaded file (the request body), read through a private temporary file like the CLI's. */
export async function importContractsUpload(database: Database, body: Buffer, label: string, ctx: RequestContext): Promise<ImportResult> {
  const unreadable = () =>
    new AppError('validation_failed', {
      fields: [{ path: 'file', code: 'file.unreadable', message: { ja: 'ファイルを読み込めません（CSV又はxlsxを送ってください）。', en: 'The file cannot be read (send CSV or xlsx).' } }],
    });
  if (body.length === 0) throw new AppError('validation_failed', { fields: [{ path: 'file', code: 'text.required', message: fieldMessages['text.required'] }] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-upload-'));
  const file = path.join(dir, `${randomBytes(6).toString('hex')}${isZip(body) ? '.xlsx' : '.csv'}`);
  let table: Table;
  try {
    fs.writeFileSync(file, body, { mode: 0o600 });
    table = await readTable(file).catch(() => {
      throw unreadable();
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return importTable(database, table, label, ctx);
}
