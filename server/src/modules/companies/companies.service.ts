// Company use cases: directory search, detail, create/update, divisions, and validation shared
// with the importer. No HTTP, no SQL here.
import type { Database, Executor } from '../../db/client.ts';
import { inTransaction, sqlState } from '../../db/tx.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { fieldMessages, type FieldMessageKey } from '../../../../common/src/messages.ts';
import { normalizeCorporateNumber } from '../../../../common/src/corporate-number.ts';
import { nameCore, normalizeForSearch } from '../../../../common/src/text.ts';
import type { CompanyInput, CompanyListQuery, CompanyPatch } from '../../../../common/src/schemas/companies.schema.ts';
import { companiesRepository as repo, type CompanyFilter, type CompanyRow, type NewCompany } from './companies.repository.ts';
import { allowed, listScope } from './companies.policy.ts';

// Size bands for the directory filter. "large" is the 交流基準's 大企業: capital ≥ 300,000,000 yen
// and ≥ 300 employees (pamphlet p.4, seed 001, 契約関係にある国の機関と民間企業等との間の人事交流).
// "small" follows 中小企業基本法's 50-employee line for services as a simple directory band.
export const sizeBands = {
  large: { minCapitalYen: 300_000_000, minEmployees: 300 },
  smallMaxEmployees: 50,
};

// Counting stops here: "300+ matches" tells the user to narrow the search, and keeps it fast.
const SEARCH_COUNT_CAP = 300;

export type ReferenceCodes = Awaited<ReturnType<typeof repo.referenceCodes>>;

const issue = (path: string, key: FieldMessageKey): FieldIssue => ({ path, code: key, message: fieldMessages[key] });

const today = () => new Date().toISOString().slice(0, 10);

/** The 409 for a 法人番号 that is already registered, from the pre-check or the unique index. */
export const duplicateCorporateNumber = (path: string, details?: Record<string, unknown>) =>
  new AppError('duplicate', {
    ...(details ? { details } : {}),
    fields: [
      {
        path,
        code: 'corporate_number.taken',
        message: { ja: 'この法人番号の法人は既に登録されています。', en: 'A company with this corporate number is already registered.' },
      },
    ],
  });

/** True for a unique violation (23505) on companies_corporate_number_uq, however the driver wraps it. */
export function isCorporateNumberTaken(err: unknown): boolean {
  if (sqlState(err) !== '23505') return false;
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const { constraint, constraint_name: constraintName } = e as { constraint?: unknown; constraint_name?: unknown };
    if (constraint === 'companies_corporate_number_uq' || constraintName === 'companies_corporate_number_uq') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Checks the codes in a company input against reference data; returns field issues. */
export function checkReferences(input: Partial<CompanyInput>, ref: ReferenceCodes, prefix = '', asOf = today()): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (input.legalTypeCode !== undefined) {
    const t = ref.types.find((x) => x.code === input.legalTypeCode);
    if (!t) out.push(issue(`${prefix}legalTypeCode`, 'legal_type.unknown'));
    else if (!t.eligible || t.effectiveFrom > asOf || (t.effectiveTo !== null && t.effectiveTo < asOf)) {
      out.push(issue(`${prefix}legalTypeCode`, 'legal_type.ineligible'));
    }
  }
  if (input.industryCode && !ref.industries.some((x) => x.code === input.industryCode)) {
    out.push(issue(`${prefix}industryCode`, 'industry.unknown'));
  }
  if (input.prefectureCode && !ref.prefectures.some((x) => x.code === input.prefectureCode)) {
    out.push(issue(`${prefix}prefectureCode`, 'prefecture.unknown'));
  }
  return out;
}

export function toRow(input: CompanyInput | CompanyPatch): Partial<NewCompany> {
  const row: Partial<NewCompany> = {};
  if (input.name !== undefined) {
    row.name = input.name;
    row.nameNormalized = normalizeForSearch(input.name);
    row.nameCore = nameCore(row.nameNormalized);
  }
  if (input.nameKana !== undefined) {
    row.nameKana = input.nameKana || null;
    row.nameKanaNormalized = input.nameKana ? normalizeForSearch(input.nameKana) : null;
  }
  if (input.legalTypeCode !== undefined) row.legalTypeCode = input.legalTypeCode;
  if (input.capitalYen !== undefined) row.capitalYen = input.capitalYen;
  if (input.employees !== undefined) row.employees = input.employees;
  if (input.industryCode !== undefined) row.industryCode = input.industryCode || null;
  if (input.prefectureCode !== undefined) row.prefectureCode = input.prefectureCode || null;
  if (input.address !== undefined) row.address = input.address || null;
  return row;
}

const auditView = (c: CompanyRow) => ({
  corporateNumber: c.corporateNumber,
  name: c.name,
  nameKana: c.nameKana,
  legalTypeCode: c.legalTypeCode,
  capitalYen: c.capitalYen,
  employees: c.employees,
  industryCode: c.industryCode,
  prefectureCode: c.prefectureCode,
  address: c.address,
  parentId: c.parentId,
  status: c.status,
});

function sizeFilter(size: CompanyListQuery['size']): CompanyFilter['size'] {
  if (size === 'large') return { minCapital: sizeBands.large.minCapitalYen, minEmployees: sizeBands.large.minEmployees };
  if (size === 'small') return { maxEmployees: sizeBands.smallMaxEmployees };
  if (size === 'medium') {
    return {
      minEmployees: sizeBands.smallMaxEmployees,
      notLarge: { capital: sizeBands.large.minCapitalYen, employees: sizeBands.large.minEmployees },
    };
  }
  return undefined;
}

export function createCompaniesService(database: Database) {
  const { db } = database;

  async function resolveParent(tx: Executor, parentCorporateNumber: string | null | undefined, path: string) {
    if (!parentCorporateNumber) return null;
    const found = await repo.findByCorporateNumbers(tx, [parentCorporateNumber]);
    // A company still awaiting approval cannot be a parent; it answers exactly like an unknown one.
    if (!found[0] || found[0].status === 'pending') throw new AppError('validation_failed', { fields: [issue(path, 'company.parent_unknown')] });
    return found[0].id;
  }

  async function visible(actor: Actor, id: number): Promise<CompanyRow> {
    const company = await repo.findById(db, id);
    // Another organisation's record is indistinguishable from a missing one.
    if (!company || !allowed('read', actor, company)) throw new AppError('not_found');
    return company;
  }

  const service = {
    async search(actor: Actor, q: CompanyListQuery) {
      const scope = listScope(actor);
      const statuses = q.status ? scope.statuses.filter((s) => s === q.status) : scope.statuses;
      const filter: CompanyFilter = {
        statuses: statuses.length ? statuses : ['__none__'],
        onlyId: scope.onlyId,
        industry: q.industry,
        legalType: q.legalType,
        prefecture: q.prefecture,
        size: sizeFilter(q.size),
      };
      const text = q.q?.trim();
      if (text) {
        const digits = normalizeCorporateNumber(text);
        if (/^[0-9]{13}$/.test(digits)) filter.corporateNumber = digits;
        else filter.text = normalizeForSearch(text);
      }
      const r = await repo.search(db, filter, q.page, q.pageSize, SEARCH_COUNT_CAP);
      return { ...r, page: q.page, pageSize: q.pageSize };
    },

    async detail(actor: Actor, id: number) {
      const c = await visible(actor, id);
      const [parentRow, subsidiaryRows, divisions] = await Promise.all([
        c.parentId ? repo.findById(db, c.parentId) : Promise.resolve(undefined),
        repo.subsidiaries(db, c.id, listScope(actor).statuses),
        repo.divisions(db, c.id),
      ]);
      // Linked companies: active ones to whoever may read this page, pending ones only to the NPA.
      const parent = parentRow && allowed('readLinked', actor, parentRow) ? parentRow : undefined;
      const subsidiaries = subsidiaryRows
        .filter((s) => allowed('readLinked', actor, s))
        .map((s) => ({ id: s.id, corporateNumber: s.corporateNumber, name: s.name }));
      return {
        id: c.id,
        corporateNumber: c.corporateNumber,
        name: c.name,
        nameKana: c.nameKana,
        legalTypeCode: c.legalTypeCode,
        industryCode: c.industryCode,
        prefectureCode: c.prefectureCode,
        capitalYen: c.capitalYen,
        employees: c.employees,
        status: c.status,
        address: c.address,
        parent: parent ? { id: parent.id, corporateNumber: parent.corporateNumber, name: parent.name } : null,
        subsidiaries,
        divisions,
        createdAt: c.createdAt,
        updatedAt: c.updatedAt,
      };
    },

    /** Creates a company inside the caller's transaction (used by registration too). */
    async createInTx(
      tx: Executor,
      input: CompanyInput,
      ctx: RequestContext,
      opts: { status?: 'pending' | 'active'; fieldPrefix?: string } = {},
    ): Promise<CompanyRow> {
      const prefix = opts.fieldPrefix ?? '';
      const problems = checkReferences(input, await repo.referenceCodes(tx), prefix);
      if (problems.length) throw new AppError('validation_failed', { fields: problems });
      const existing = await repo.findByCorporateNumbers(tx, [input.corporateNumber]);
      if (existing.length) throw duplicateCorporateNumber(`${prefix}corporateNumber`);
      const parentId = await resolveParent(tx, input.parentCorporateNumber, `${prefix}parentCorporateNumber`);
      const created = await repo
        .insert(tx, {
          ...(toRow(input) as NewCompany),
          corporateNumber: input.corporateNumber,
          parentId,
          status: opts.status ?? 'active',
        })
        .catch((err: unknown) => {
          // A concurrent create of the same number committed after the check above.
          throw isCorporateNumberTaken(err) ? duplicateCorporateNumber(`${prefix}corporateNumber`) : err;
        });
      await writeAudit(tx, ctx, { action: 'company.create', recordType: 'company', recordId: created.id, after: auditView(created) });
      return created;
    },

    async create(input: CompanyInput, ctx: RequestContext) {
      const created = await inTransaction(db, (tx) => service.createInTx(tx, input, ctx));
      return service.detail(ctx.actor!, created.id);
    },

    async update(id: number, patch: CompanyPatch, ctx: RequestContext) {
      const actor = ctx.actor!;
      await inTransaction(db, async (tx) => {
        const before = await repo.findById(tx, id);
        if (!before || !allowed('read', actor, before)) throw new AppError('not_found');
        if (!allowed('update', actor, before)) throw new AppError('forbidden');
        // Group links are the NPA's to record: a company cannot attach itself to another.
        if (patch.parentCorporateNumber !== undefined && !allowed('setParent', actor, before)) {
          throw new AppError('forbidden', {
            fields: [
              {
                path: 'parentCorporateNumber',
                code: 'company.parent_forbidden',
                message: { ja: '親会社は人事院のみが設定・変更できます。', en: 'Only the NPA can set or change the parent company.' },
              },
            ],
          });
        }
        const problems = checkReferences(patch, await repo.referenceCodes(tx));
        if (problems.length) throw new AppError('validation_failed', { fields: problems });
        const values = toRow(patch);
        if (patch.parentCorporateNumber !== undefined) {
          values.parentId = await resolveParent(tx, patch.parentCorporateNumber, 'parentCorporateNumber');
          if (values.parentId === id) throw new AppError('validation_failed', { fields: [issue('parentCorporateNumber', 'company.parent_unknown')] });
        }
        const after = await repo.update(tx, id, values);
        await writeAudit(tx, ctx, {
          action: 'company.update',
          recordType: 'company',
          recordId: id,
          before: auditView(before),
          after: after ? auditView(after) : null,
        });
      });
      return service.detail(actor, id);
    },

    async setStatusInTx(tx: Executor, id: number, status: 'active' | 'archived', ctx: RequestContext) {
      const before = await repo.findById(tx, id);
      if (!before) throw new AppError('not_found');
      await repo.update(tx, id, { status });
      await writeAudit(tx, ctx, {
        action: 'company.set_status',
        recordType: 'company',
        recordId: id,
        before: { status: before.status },
        after: { status },
      });
    },

    async addDivision(id: number, name: string, ctx: RequestContext) {
      const actor = ctx.actor!;
      return inTransaction(db, async (tx) => {
        const company = await repo.findById(tx, id);
        if (!company || !allowed('read', actor, company)) throw new AppError('not_found');
        if (!allowed('addDivision', actor, company)) throw new AppError('forbidden');
        const division = await repo.insertDivision(tx, id, name);
        await writeAudit(tx, ctx, {
          action: 'company.division.create',
          recordType: 'company_division',
          recordId: division.id,
          after: { companyId: id, name },
        });
        return { id: division.id, name: division.name };
      });
    },

    /** Self-registration: the directory entry for a 法人番号 (id and status only), if there is one. */
    async findForRegistrationInTx(tx: Executor, corporateNumber: string): Promise<{ id: number; status: string } | undefined> {
      const found = await repo.findByCorporateNumbers(tx, [corporateNumber]);
      if (!found[0]) return undefined;
      return service.statusInTx(tx, found[0].id);
    },

    /** Registration decisions: a company's current status, if it exists. */
    async statusInTx(tx: Executor, id: number): Promise<{ id: number; status: string } | undefined> {
      const company = await repo.findById(tx, id);
      return company ? { id: company.id, status: company.status } : undefined;
    },

    count: (statuses: string[]) => repo.count(db, statuses),
    referenceCodes: () => repo.referenceCodes(db),
  };
  return service;
}

export type CompaniesService = ReturnType<typeof createCompaniesService>;
