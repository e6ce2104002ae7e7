// Use cases for the stored criteria facts. No HTTP, no SQL here. Every write runs in one
// transaction with its audit row; reads of a person's contract involvement are audited as
// personal-data reads.
import type { Database, Executor } from '../../db/client.ts';
import { inTransaction, sqlState } from '../../db/tx.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { fieldMessages, type FieldMessageKey } from '../../../../common/src/messages.ts';
import type {
  ContractInput,
  ContractListQuery,
  DivisionRevenueInput,
  ExchangeHistoryInput,
  ExchangeHistoryQuery,
  InvolvementInput,
  JurisdictionInput,
  PostInput,
  SalesInput,
  SanctionInput,
} from '../../../../common/src/schemas/criteria-data.schema.ts';
import { criteriaDataRepository as repo } from './criteria-data.repository.ts';
import { contractScope, criteriaDataPolicy as policy, historyScope, jurisdictionScope } from './criteria-data.policy.ts';
import { importContractsUpload } from './contracts.import.ts';

const issue = (path: string, key: FieldMessageKey): FieldIssue => ({ path, code: key, message: fieldMessages[key] });
const invalid = (path: string, key: FieldMessageKey) => new AppError('validation_failed', { fields: [issue(path, key)] });

export function createCriteriaDataService(database: Database) {
  const { db } = database;
  const actorOf = (ctx: RequestContext): Actor => {
    if (!ctx.actor) throw new AppError('unauthenticated');
    return ctx.actor;
  };

  /** The company, if the actor may read its facts (else 404); `write` adds the change rule (403). */
  async function company(tx: Executor, actor: Actor, id: number, write?: (a: Actor, c: { id: number; status: string }) => boolean) {
    const c = await repo.company(tx, id);
    if (!c || !policy.readCompanyFacts(actor, c)) throw new AppError('not_found');
    if (write && !write(actor, c)) throw new AppError('forbidden');
    return c;
  }

  async function division(tx: Executor, actor: Actor, companyId: number, divisionId: number, write?: boolean) {
    await company(tx, actor, companyId, write ? policy.writeCompanyFigures : undefined);
    const d = await repo.division(tx, divisionId);
    if (!d || d.companyId !== companyId) throw new AppError('not_found');
    return d;
  }

  async function unit(tx: Executor, actor: Actor, id: number, write?: boolean) {
    const u = await repo.unit(tx, id);
    if (!u || !policy.readUnit(actor, u)) throw new AppError('not_found');
    if (write && !policy.writeUnit(actor, u)) throw new AppError('forbidden');
    return u;
  }

  async function person(tx: Executor, actor: Actor, id: number, write?: boolean) {
    const p = await repo.person(tx, id);
    if (!p || !policy.readPerson(actor, p)) throw new AppError('not_found');
    if (write && !policy.writePerson(actor, p)) throw new AppError('forbidden');
    return p;
  }

  /** A company named in a request body: an unknown one is a field error, not a 404. */
  async function bodyCompany(tx: Executor, id: number, path = 'companyId') {
    const c = await repo.company(tx, id);
    if (!c) throw invalid(path, 'company.unknown');
    return c;
  }

  /** Two writers racing for one unique key: the loser gets the same 409 as a pre-checked duplicate. */
  const duplicateAs = (path: string, ja: string, en: string) => (err: unknown) => {
    if (sqlState(err) === '23505') throw new AppError('duplicate', { fields: [{ path, code: 'record.duplicate', message: { ja, en } }] });
    throw err;
  };

  return {
    // ---------------------------------------------------------------- 売上額等

    async listSales(ctx: RequestContext, companyId: number) {
      await company(db, actorOf(ctx), companyId);
      return { items: await repo.sales(db, companyId) };
    },

    async upsertSales(ctx: RequestContext, companyId: number, input: SalesInput) {
      const actor = actorOf(ctx);
      return inTransaction(db, async (tx) => {
        await company(tx, actor, companyId, policy.writeCompanyFigures);
        const before = await repo.salesOf(tx, companyId, input.fiscalYear);
        const row = await repo.upsertSales(tx, { companyId, fiscalYear: input.fiscalYear, amountYen: input.amountYen, source: input.source ?? null });
        await writeAudit(tx, ctx, {
          action: 'company_sales.upsert',
          recordType: 'company_sales',
          recordId: row.id,
          before: before ? { companyId, fiscalYear: before.fiscalYear, amountYen: before.amountYen, source: before.source } : null,
          after: { companyId, fiscalYear: row.fiscalYear, amountYen: row.amountYen, source: row.source },
        });
        return row;
      });
    },

    async deleteSales(ctx: RequestContext, companyId: number, fiscalYear: number) {
      const actor = actorOf(ctx);
      await inTransaction(db, async (tx) => {
        await company(tx, actor, companyId, policy.writeCompanyFigures);
        const gone = await repo.deleteSales(tx, companyId, fiscalYear);
        if (!gone) throw new AppError('not_found');
        await writeAudit(tx, ctx, { action: 'company_sales.delete', recordType: 'company_sales', recordId: gone.id, before: { companyId, fiscalYear, amountYen: gone.amountYen } });
      });
    },

    // ---------------------------------------------------------------- 起訴・不利益処分

    async listSanctions(ctx: RequestContext, companyId: number) {
      await company(db, actorOf(ctx), companyId);
      return { items: (await repo.sanctions(db, companyId)).map(sanctionView) };
    },

    async addSanction(ctx: RequestContext, companyId: number, input: SanctionInput) {
      const actor = actorOf(ctx);
      return inTransaction(db, async (tx) => {
        await company(tx, actor, companyId, policy.writeSanctions);
        const row = await repo.insertSanction(tx, {
          companyId,
          caseRef: input.caseRef,
          kind: input.kind,
          subject: input.subject,
          occurredOn: input.occurredOn,
          description: input.description ?? null,
        });
        await writeAudit(tx, ctx, { action: 'company_sanction.create', recordType: 'company_sanction', recordId: row.id, after: row });
        return sanctionView(row);
      });
    },

    async deleteSanction(ctx: RequestContext, companyId: number, id: number) {
      const actor = actorOf(ctx);
      await inTransaction(db, async (tx) => {
        await company(tx, actor, companyId, policy.writeSanctions);
        const gone = await repo.deleteSanction(tx, companyId, id);
        if (!gone) throw new AppError('not_found');
        await writeAudit(tx, ctx, { action: 'company_sanction.delete', recordType: 'company_sanction', recordId: id, before: gone });
      });
    },

    // ---------------------------------------------------------------- 部門別の収益

    async listRevenue(ctx: RequestContext, companyId: number, divisionId: number) {
      const d = await division(db, actorOf(ctx), companyId, divisionId);
      return { division: d, items: await repo.revenue(db, divisionId) };
    },

    async upsertRevenue(ctx: RequestContext, companyId: number, divisionId: number, input: DivisionRevenueInput) {
      const actor = actorOf(ctx);
      return inTransaction(db, async (tx) => {
        await division(tx, actor, companyId, divisionId, true);
        const before = await repo.revenueOf(tx, divisionId, input.fiscalYear);
        const row = await repo.upsertRevenue(tx, { divisionId, ...input });
        await writeAudit(tx, ctx, {
          action: 'division_revenue.upsert',
          recordType: 'division_revenue',
          recordId: row.id,
          before: before ? { divisionId, fiscalYear: before.fiscalYear, publicYen: before.publicYen, totalYen: before.totalYen } : null,
          after: { divisionId, companyId, fiscalYear: row.fiscalYear, publicYen: row.publicYen, totalYen: row.totalYen },
        });
        return row;
      });
    },

    async deleteRevenue(ctx: RequestContext, companyId: number, divisionId: number, fiscalYear: number) {
      const actor = actorOf(ctx);
      await inTransaction(db, async (tx) => {
        await division(tx, actor, companyId, divisionId, true);
        const gone = await repo.deleteRevenue(tx, divisionId, fiscalYear);
        if (!gone) throw new AppError('not_found');
        await writeAudit(tx, ctx, { action: 'division_revenue.delete', recordType: 'division_revenue', recordId: gone.id, before: gone });
      });
    },

    // ---------------------------------------------------------------- 府省等との契約

    async listContracts(ctx: RequestContext, q: ContractListQuery) {
      const scope = contractScope(actorOf(ctx));
      if (!scope) throw new AppError('forbidden');
      // A filter outside the actor's scope finds nothing rather than widening it.
      const clash = (a: number | undefined, b: number | undefined) => a !== undefined && b !== undefined && a !== b;
      if (clash(scope.organisationId, q.organisationId) || clash(scope.companyId, q.companyId)) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
      const r = await repo.contracts(
        db,
        { organisationId: scope.organisationId ?? q.organisationId, companyId: scope.companyId ?? q.companyId, fiscalYear: q.fiscalYear },
        q.page,
        q.pageSize,
      );
      return { ...r, page: q.page, pageSize: q.pageSize };
    },

    async addContract(ctx: RequestContext, input: ContractInput) {
      const actor = actorOf(ctx);
      const id = await inTransaction(db, async (tx) => {
        if (!(await repo.organisation(tx, input.organisationId))) throw invalid('organisationId', 'organisation.unknown');
        if (!policy.writeContract(actor, input)) throw new AppError('forbidden', { fields: [issue('organisationId', 'organisation.forbidden')] });
        await bodyCompany(tx, input.companyId);
        const dupMessage = ['この府省等・法人・年度の契約額は既に登録されています。', 'A total for this organisation, company and fiscal year is already recorded.'] as const;
        const row = await repo
          .insertContract(tx, { ...input, source: input.source ?? null })
          .catch(duplicateAs('fiscalYear', ...dupMessage));
        await writeAudit(tx, ctx, { action: 'ministry_contract.create', recordType: 'ministry_contract', recordId: row.id, after: { ...input, source: input.source ?? null } });
        return row.id;
      });
      return (await repo.contract(db, id))!;
    },

    async deleteContract(ctx: RequestContext, id: number) {
      const actor = actorOf(ctx);
      await inTransaction(db, async (tx) => {
        const c = await repo.contract(tx, id);
        if (!c || !policy.readContract(actor, c)) throw new AppError('not_found');
        if (!policy.writeContract(actor, c)) throw new AppError('forbidden');
        const gone = await repo.deleteContract(tx, id);
        await writeAudit(tx, ctx, { action: 'ministry_contract.delete', recordType: 'ministry_contract', recordId: id, before: gone ?? c });
      });
    },

    importContracts: (ctx: RequestContext, body: Buffer, label: string) => importContractsUpload(database, body, label, ctx),

    // ---------------------------------------------------------------- 所管関係

    async listJurisdictions(ctx: RequestContext, unitId: number) {
      const actor = actorOf(ctx);
      await unit(db, actor, unitId);
      return { items: await repo.jurisdictions(db, unitId, jurisdictionScope(actor).companyId) };
    },

    async addJurisdiction(ctx: RequestContext, unitId: number, input: JurisdictionInput) {
      const actor = actorOf(ctx);
      const id = await inTransaction(db, async (tx) => {
        await unit(tx, actor, unitId, true);
        await bodyCompany(tx, input.companyId);
        const values = { unitId, companyId: input.companyId, startDate: input.startDate ?? null, endDate: input.endDate ?? null, basis: input.basis ?? null };
        const row = await repo.insertJurisdiction(tx, values);
        await writeAudit(tx, ctx, { action: 'licensing_jurisdiction.create', recordType: 'licensing_jurisdiction', recordId: row.id, after: values });
        return row.id;
      });
      return (await repo.jurisdiction(db, id))!;
    },

    async deleteJurisdiction(ctx: RequestContext, unitId: number, id: number) {
      const actor = actorOf(ctx);
      await inTransaction(db, async (tx) => {
        await unit(tx, actor, unitId, true);
        const gone = await repo.deleteJurisdiction(tx, unitId, id);
        if (!gone) throw new AppError('not_found');
        await writeAudit(tx, ctx, { action: 'licensing_jurisdiction.delete', recordType: 'licensing_jurisdiction', recordId: id, before: gone });
      });
    },

    // ---------------------------------------------------------------- 契約への関与

    async listInvolvements(ctx: RequestContext, personId: number) {
      await person(db, actorOf(ctx), personId);
      const items = await repo.involvements(db, personId);
      await inTransaction(db, (tx) =>
        writeAudit(tx, ctx, { action: 'contract_involvement.list', recordType: 'person', recordId: personId, after: { ids: items.map((i) => i.id) } }),
      );
      return { items };
    },

    async addInvolvement(ctx: RequestContext, personId: number, input: InvolvementInput) {
      const actor = actorOf(ctx);
      const id = await inTransaction(db, async (tx) => {
        const p = await person(tx, actor, personId, true);
        const organisationId = input.organisationId ?? p.organisationId;
        if (organisationId == null) throw invalid('organisationId', 'person.organisation_required');
        if (!(await repo.organisation(tx, organisationId))) throw invalid('organisationId', 'organisation.unknown');
        if (actor.role === 'ministry_hr' && organisationId !== actor.organisationId) {
          throw new AppError('forbidden', { fields: [issue('organisationId', 'organisation.forbidden')] });
        }
        await bodyCompany(tx, input.companyId);
        const values = { personId, organisationId, companyId: input.companyId, startDate: input.startDate, endDate: input.endDate ?? null, role: input.role ?? null };
        const row = await repo.insertInvolvement(tx, values);
        await writeAudit(tx, ctx, { action: 'contract_involvement.create', recordType: 'contract_involvement', recordId: row.id, after: values });
        return row.id;
      });
      return (await repo.involvement(db, id))!;
    },

    async deleteInvolvement(ctx: RequestContext, personId: number, id: number) {
      const actor = actorOf(ctx);
      await inTransaction(db, async (tx) => {
        await person(tx, actor, personId, true);
        const gone = await repo.deleteInvolvement(tx, personId, id);
        if (!gone) throw new AppError('not_found');
        await writeAudit(tx, ctx, { action: 'contract_involvement.delete', recordType: 'contract_involvement', recordId: id, before: gone });
      });
    },

    // ---------------------------------------------------------------- 官職歴

    async addPost(ctx: RequestContext, personId: number, input: PostInput) {
      const actor = actorOf(ctx);
      const id = await inTransaction(db, async (tx) => {
        await person(tx, actor, personId, true);
        const u = await repo.unit(tx, input.unitId);
        if (!u) throw invalid('unitId', 'org_unit.unknown');
        if (!policy.writePostUnit(actor, u)) throw new AppError('forbidden', { fields: [issue('unitId', 'organisation.forbidden')] });
        const values = {
          personId,
          unitId: input.unitId,
          postTitleJa: input.postTitleJa,
          postTitleEn: input.postTitleEn || null,
          startDate: input.startDate,
          endDate: input.endDate ?? null,
          handlesLicensing: input.handlesLicensing,
        };
        const row = await repo.insertPost(tx, values);
        await writeAudit(tx, ctx, { action: 'post_assignment.create', recordType: 'post_assignment', recordId: row.id, before: null, after: values });
        return row.id;
      });
      return (await repo.postItem(db, id))!;
    },

    async deletePost(ctx: RequestContext, personId: number, postId: number) {
      const actor = actorOf(ctx);
      await inTransaction(db, async (tx) => {
        await person(tx, actor, personId, true);
        const post = await repo.post(tx, personId, postId);
        if (!post) throw new AppError('not_found');
        const u = await repo.unit(tx, post.unitId);
        if (!u || !policy.writePostUnit(actor, u)) throw new AppError('forbidden');
        const gone = await repo.deletePost(tx, personId, postId);
        if (!gone) throw new AppError('not_found');
        await writeAudit(tx, ctx, { action: 'post_assignment.delete', recordType: 'post_assignment', recordId: postId, before: gone, after: null });
      });
    },

    // ---------------------------------------------------------------- 官職の許認可事務

    async setPostLicensing(ctx: RequestContext, personId: number, postId: number, handlesLicensing: boolean) {
      const actor = actorOf(ctx);
      return inTransaction(db, async (tx) => {
        await person(tx, actor, personId, true);
        const before = await repo.post(tx, personId, postId);
        if (!before) throw new AppError('not_found');
        const after = await repo.setHandlesLicensing(tx, postId, handlesLicensing);
        await writeAudit(tx, ctx, {
          action: 'post_assignment.update',
          recordType: 'post_assignment',
          recordId: postId,
          before: { personId, handlesLicensing: before.handlesLicensing },
          after: { personId, handlesLicensing: after.handlesLicensing },
        });
        return after;
      });
    },

    // ---------------------------------------------------------------- 過去の交流

    async listHistory(ctx: RequestContext, q: ExchangeHistoryQuery) {
      const scope = historyScope(actorOf(ctx));
      if (!scope) throw new AppError('forbidden');
      if (scope.companyId !== undefined && q.companyId !== undefined && q.companyId !== scope.companyId) {
        return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
      }
      const r = await repo.history(
        db,
        { organisationId: scope.organisationId, companyId: scope.companyId ?? q.companyId, unitId: q.unitId },
        q.page,
        q.pageSize,
      );
      return { items: r.items.map(historyView), total: r.total, page: q.page, pageSize: q.pageSize };
    },

    async addHistory(ctx: RequestContext, input: ExchangeHistoryInput) {
      const actor = actorOf(ctx);
      const id = await inTransaction(db, async (tx) => {
        const u = await repo.unit(tx, input.unitId);
        if (!u) throw invalid('unitId', 'org_unit.unknown');
        if (!policy.writeHistory(actor, u)) throw new AppError('forbidden', { fields: [issue('unitId', 'organisation.forbidden')] });
        await bodyCompany(tx, input.companyId);
        if (input.personId != null && !(await repo.person(tx, input.personId))) throw invalid('personId', 'person.unknown');
        const values = {
          companyId: input.companyId,
          unitId: input.unitId,
          direction: input.direction,
          startDate: input.startDate,
          endDate: input.endDate ?? null,
          personId: input.personId ?? null,
          note: input.note ?? null,
        };
        const row = await repo.insertHistory(tx, values);
        await writeAudit(tx, ctx, { action: 'exchange_history.create', recordType: 'exchange_history', recordId: row.id, after: values });
        return row.id;
      });
      return historyView((await repo.historyEntry(db, id))!);
    },

    async deleteHistory(ctx: RequestContext, id: number) {
      const actor = actorOf(ctx);
      await inTransaction(db, async (tx) => {
        const entry = await repo.historyEntry(tx, id);
        const scope = historyScope(actor);
        const visible =
          entry &&
          scope &&
          (scope.organisationId === undefined || scope.organisationId === entry.organisationId) &&
          (scope.companyId === undefined || scope.companyId === entry.companyId);
        if (!entry || !visible) throw new AppError('not_found');
        if (!policy.writeHistory(actor, entry)) throw new AppError('forbidden');
        await repo.deleteHistory(tx, id);
        await writeAudit(tx, ctx, { action: 'exchange_history.delete', recordType: 'exchange_history', recordId: id, before: historyView(entry) });
      });
    },
  };
}

type SanctionRow = Awaited<ReturnType<typeof repo.sanctions>>[number];
const sanctionView = (s: SanctionRow) => ({
  ...s,
  kind: s.kind as 'prosecution' | 'business_suspension' | 'surcharge_order' | 'other_serious_disposition' | 'other_disposition',
  subject: s.subject as 'company' | 'officer',
});

type HistoryRow = Awaited<ReturnType<typeof repo.historyEntry>> & object;
const historyView = (h: HistoryRow) => ({ ...h, direction: h.direction as 'dispatch' | 'hire' });

export type CriteriaDataService = ReturnType<typeof createCriteriaDataService>;
