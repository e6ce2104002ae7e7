// The documents of a case: the input-support sheet (入力支援シート) downloaded pre-filled as xlsx,
// uploaded back or filled on screen; the draft agreement (取決め書(案)) and the certification notice
// (認定通知) as PDFs. Every file is kept as a new version (case_documents). An invalid upload saves
// nothing and answers 422 with each row's error. No HTTP or SQL here (the repository does the SQL).
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { inputSheetSchema, type InputSheet, type InputSheetPrefill } from '../../../../common/src/schemas/exchange-sheet.schema.ts';
import type { Database, Executor } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import { inTransaction } from '../../db/tx.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { renderAgreementPdf } from './documents/agreement.pdf.ts';
import { renderCertificationPdf } from './documents/certification.pdf.ts';
import { buildInputSheet, parseInputSheet, type SheetError } from './documents/input-sheet.ts';
import { exchangesRepository as repo, type CaseRow } from './exchanges.repository.ts';
import type { ExchangesService } from './exchanges.service.ts';
import { guidanceFor } from './guidance.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PDF = 'application/pdf';
/** States in which the ministry may still change the sheet (the NPA asks for corrections at 内諾). */
const sheetStates = ['consultation', 'query_to_ministry', 'under_review', 'informally_approved'];

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

type Names = { orgName: string; unitName: string; companyName: string; corporateNumber: string; divisionName: string | null };

async function namesOf(tx: Executor, c: CaseRow): Promise<Names> {
  const [r] = rowsOf<Names>(
    await tx.execute(sql`
      select o.name_ja as "orgName", u.name_ja as "unitName", co.name as "companyName", co.corporate_number as "corporateNumber", d.name as "divisionName"
      from exchange_cases c join organisations o on o.id = c.organisation_id join org_units u on u.id = c.unit_id
      join companies co on co.id = c.company_id left join company_divisions d on d.id = c.division_id where c.id = ${c.id}`),
  );
  return r!;
}

/** The sheet as far as the case knows it: the saved sheet, else the case's own facts. */
export async function prefillOf(tx: Executor, c: CaseRow): Promise<InputSheetPrefill> {
  if (c.sheet) return c.sheet as InputSheet;
  const n = await namesOf(tx, c);
  const p = c.personId != null ? await repo.person(tx, c.personId) : undefined;
  return {
    direction: c.direction as 'dispatch',
    ...(c.hireType ? { hireType: c.hireType as 'continued' } : {}),
    period: { start: c.plannedStart, end: c.plannedEnd },
    ministry: { name: n.orgName, unit: n.unitName, postTitle: c.postTitle },
    company: { name: n.companyName, corporateNumber: n.corporateNumber, ...(n.divisionName ? { division: n.divisionName } : {}) },
    ...(p
      ? {
          person: {
            familyName: p.familyName,
            givenName: p.givenName,
            ...(p.familyNameKana ? { familyNameKana: p.familyNameKana } : {}),
            ...(p.givenNameKana ? { givenNameKana: p.givenNameKana } : {}),
            ...(p.birthDate ? { birthDate: p.birthDate } : {}),
          },
        }
      : {}),
    pay: { payer: c.direction === 'dispatch' ? 'company' : 'state' },
  };
}

const sheetError = (row: number, field: string, ja: string, en: string): SheetError => ({ row, field, code: 'exchange_sheet.case_mismatch', message: { ja, en } });

/** A valid sheet must still describe this case: its direction, type, company and period. */
function mismatches(c: CaseRow, s: InputSheet, corporateNumber: string): SheetError[] {
  const out: SheetError[] = [];
  if (s.direction !== c.direction) out.push(sheetError(0, 'direction', 'この案件の交流の種別と異なります。', 'The direction differs from the case’s.'));
  if (c.direction === 'hire' && s.hireType !== c.hireType) out.push(sheetError(0, 'hireType', 'この案件の交流採用の型と異なります。', 'The hire type differs from the case’s.'));
  if (s.company.corporateNumber !== corporateNumber) out.push(sheetError(0, 'company.corporateNumber', 'この案件の民間企業等の法人番号と異なります。', 'The corporate number is not the case’s company’s.'));
  if (s.period.start !== c.plannedStart || s.period.end !== c.plannedEnd)
    out.push(
      sheetError(
        0,
        'period.start',
        `期間が案件の計画（${c.plannedStart}〜${c.plannedEnd}）と異なります。計画を変更してから登録してください。`,
        `The period differs from the case’s plan (${c.plannedStart} to ${c.plannedEnd}); change the plan first.`,
      ),
    );
  return out;
}

const rejected = (errors: SheetError[]) => new AppError('document_rejected', { details: { errors } });

export function createCaseDocuments(database: Database, cases: Pick<ExchangesService, 'forDocuments' | 'loadDetail'>) {
  const { db } = database;

  async function saveSheet(tx: Executor, ctx: RequestContext, c: CaseRow, sheet: InputSheet, file: Buffer, filename: string, source: 'upload' | 'form') {
    const updated = await repo.updateCase(tx, c.id, c.version, { sheet });
    if (!updated) throw new AppError('conflict');
    const doc = await repo.insertDocument(tx, { caseId: c.id, kind: 'input_sheet', filename, contentType: XLSX, sizeBytes: file.length, sha256: sha256(file), content: file, createdBy: ctx.actor!.accountId });
    await writeAudit(tx, ctx, { action: 'exchange_case.sheet_save', recordType: 'exchange_case', recordId: c.id, after: { source, documentId: doc.id, version: doc.version, sha256: doc.sha256 } });
    return updated;
  }

  function editable(c: CaseRow) {
    if (!sheetStates.includes(c.state))
      throw new AppError('conflict', { messages: { ja: 'この状態では入力支援シートを変更できません。', en: 'The input-support sheet cannot be changed in this state.' } });
  }

  return {
    /** The sheet pre-filled from the case (or the saved sheet), as xlsx. */
    async sheetWorkbook(ctx: RequestContext, id: number): Promise<{ filename: string; bytes: Buffer }> {
      return inTransaction(db, async (tx) => {
        const { c } = await cases.forDocuments(tx, ctx, id, false);
        const bytes = await buildInputSheet(await prefillOf(tx, c), ctx.actor!.locale);
        await writeAudit(tx, ctx, { action: 'exchange_case.sheet_download', recordType: 'exchange_case', recordId: id });
        return { filename: `input-sheet-${c.reference}.xlsx`, bytes };
      });
    },

    async sheet(ctx: RequestContext, id: number) {
      return inTransaction(db, async (tx) => {
        const { c } = await cases.forDocuments(tx, ctx, id, false);
        await writeAudit(tx, ctx, { action: 'exchange_case.sheet_read', recordType: 'exchange_case', recordId: id });
        return { sheet: (c.sheet as InputSheet | null) ?? null, prefill: await prefillOf(tx, c), version: c.version };
      });
    },

    /** An uploaded xlsx: parsed and validated; saved only when every row is valid and it matches the case. */
    async uploadSheet(ctx: RequestContext, id: number, bytes: Buffer, filename = 'input-sheet.xlsx') {
      const parsed = await parseInputSheet(bytes);
      return inTransaction(db, async (tx) => {
        const { actor, c } = await cases.forDocuments(tx, ctx, id, true);
        editable(c);
        if (!parsed.ok) throw rejected(parsed.errors);
        const names = await namesOf(tx, c);
        const wrong = mismatches(c, parsed.sheet, names.corporateNumber);
        if (wrong.length) throw rejected(wrong);
        const updated = await saveSheet(tx, ctx, c, parsed.sheet, bytes, filename, 'upload');
        return cases.loadDetail(tx, actor, updated);
      });
    },

    /** The sheet filled on screen (validated by the route's schema), kept as an xlsx version too. */
    async putSheet(ctx: RequestContext, id: number, version: number, sheet: InputSheet) {
      return inTransaction(db, async (tx) => {
        const { actor, c } = await cases.forDocuments(tx, ctx, id, true);
        editable(c);
        if (c.version !== version) throw new AppError('conflict');
        const names = await namesOf(tx, c);
        const wrong = mismatches(c, sheet, names.corporateNumber);
        if (wrong.length) throw rejected(wrong);
        const bytes = await buildInputSheet(sheet, actor.locale);
        const updated = await saveSheet(tx, ctx, c, sheet, bytes, `input-sheet-${c.reference}.xlsx`, 'form');
        return cases.loadDetail(tx, actor, updated);
      });
    },

    /** A new version of the draft agreement, from the saved sheet and the welfare table for the case's type. */
    async generateAgreement(ctx: RequestContext, id: number) {
      return inTransaction(db, async (tx) => {
        const { c } = await cases.forDocuments(tx, ctx, id, true);
        if (!c.sheet)
          throw new AppError('conflict', { messages: { ja: '先に入力支援シートを登録してください。', en: 'Add the input-support sheet first.' } });
        const sheet = c.sheet as InputSheet;
        const g = guidanceFor(c.direction as 'dispatch', c.hireType as 'continued' | null);
        const welfareRows = g.welfare.rows.map((r) => ({ label: r.group ? `${r.group.label.ja}（${r.label.ja}）` : r.label.ja, text: r.value.ja }));
        const bytes = await renderAgreementPdf({ ...sheet, caseReference: c.reference, welfareRows }, { createdAt: new Date() });
        const doc = await repo.insertDocument(tx, { caseId: c.id, kind: 'agreement_draft', filename: `agreement-draft-${c.reference}.pdf`, contentType: PDF, sizeBytes: bytes.length, sha256: sha256(bytes), content: bytes, createdBy: ctx.actor!.accountId });
        await writeAudit(tx, ctx, { action: 'exchange_case.agreement_generate', recordType: 'exchange_case', recordId: id, after: { documentId: doc.id, version: doc.version } });
        return { ...doc };
      });
    },

    async download(ctx: RequestContext, id: number, docId: number) {
      return inTransaction(db, async (tx) => {
        await cases.forDocuments(tx, ctx, id, false);
        const doc = await repo.document(tx, id, docId);
        if (!doc) throw new AppError('not_found');
        await writeAudit(tx, ctx, { action: 'exchange_case.document_read', recordType: 'exchange_case', recordId: id, after: { documentId: docId, kind: doc.kind, version: doc.version } });
        return doc;
      });
    },

    /** The certification notice, written with the `certify` transition (same transaction). */
    async certificationNotice(tx: Executor, ctx: RequestContext, c: CaseRow) {
      const n = await namesOf(tx, c);
      const sheet = c.sheet as InputSheet | null;
      const p = c.personId != null ? await repo.person(tx, c.personId) : undefined;
      const bytes = await renderCertificationPdf(
        {
          caseReference: c.reference,
          certifiedOn: c.certifiedOn ?? c.plannedStart,
          ...(c.submittedOn ? { appliedOn: c.submittedOn } : {}),
          direction: c.direction as 'dispatch',
          ...(c.hireType ? { hireType: c.hireType as 'continued' } : {}),
          ministry: { name: n.orgName, unit: n.unitName, postTitle: c.postTitle },
          company: { name: n.companyName, corporateNumber: n.corporateNumber, division: sheet?.company.division ?? n.divisionName ?? '—' },
          person: { familyName: sheet?.person.familyName ?? p?.familyName ?? '—', givenName: sheet?.person.givenName ?? p?.givenName ?? '' },
          period: { start: c.plannedStart, end: c.plannedEnd },
        },
        { createdAt: new Date() },
      );
      await repo.insertDocument(tx, { caseId: c.id, kind: 'certification_notice', filename: `certification-${c.reference}.pdf`, contentType: PDF, sizeBytes: bytes.length, sha256: sha256(bytes), content: bytes, createdBy: ctx.actor?.accountId ?? null });
    },
  };
}

export type CaseDocuments = ReturnType<typeof createCaseDocuments>;
