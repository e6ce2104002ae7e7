// Use cases of the public call (公募): a company applies at any time of year, the NPA accepts
// (after checking the legal-entity type on the decision date) or returns the application with a
// reason, accepted applicants form the roster (名簿) ministries browse, and a company may consult a
// ministry before applying (事前相談). No HTTP, no SQL here. Every change runs in one transaction
// with its audit row; reads that show applicants' contacts (personal data) to the NPA, the center or
// a ministry are audited with the ids shown.
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { inTransaction, sqlState } from '../../db/tx.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { pgTimestampToIso, todayInJapan } from '../../platform/time.ts';
import { fieldMessages } from '../../../../common/src/messages.ts';
import { normalizeForSearch } from '../../../../common/src/text.ts';
import type {
  CallApplication,
  CallApplicationInput,
  CallApplicationStatus,
  ConsultationDetail,
  ConsultationInput,
  ConsultationListQuery,
  ConsultationSummary,
  ReviewQuery,
  RosterQuery,
} from '../../../../common/src/schemas/public-call.schema.ts';
import { defaultParameters, type ParameterSet } from '../criteria/parameters.ts';
import { sizeBands } from '../companies/companies.service.ts';
import { publicCallRepository as repo, type ApplicationRow, type RosterFilter } from './public-call.repository.ts';
import { consultationScope, publicCallPolicy as policy, sideOf } from './public-call.policy.ts';
import { applicationTransitions, entityTypeEligibility, nextStatus, refusal, type ApplicationEvent } from './public-call.rules.ts';

export type PublicCallOptions = {
  /** The decision date (YYYY-MM-DD, Japan); tests may fix it. */
  today?: () => string;
  parameters?: () => ParameterSet;
};

const iso = (v: string | null) => (v === null ? null : pgTimestampToIso(v));

function applicationView(r: ApplicationRow): CallApplication {
  return {
    id: r.id,
    companyId: r.companyId,
    companyName: r.companyName,
    corporateNumber: r.corporateNumber,
    legalTypeCode: r.legalTypeCode,
    wantsDispatch: r.wantsDispatch,
    wantsHire: r.wantsHire,
    divisions: r.divisions,
    conditions: r.conditions,
    contactName: r.contactName,
    contactEmail: r.contactEmail,
    contactPhone: r.contactPhone,
    status: r.status as CallApplicationStatus,
    returnReason: r.returnReason,
    submittedAt: pgTimestampToIso(r.submittedAt),
    decidedAt: iso(r.decidedAt),
  };
}

/** What the audit trail keeps of an application's content. */
const auditContent = (r: Pick<ApplicationRow, 'companyId' | 'wantsDispatch' | 'wantsHire' | 'divisions' | 'conditions' | 'contactName' | 'contactEmail' | 'contactPhone'>) => ({
  companyId: r.companyId,
  wantsDispatch: r.wantsDispatch,
  wantsHire: r.wantsHire,
  divisions: r.divisions,
  conditions: r.conditions,
  contactName: r.contactName,
  contactEmail: r.contactEmail,
  contactPhone: r.contactPhone,
});

/** The size band as the company directory defines it (companies.service.ts sizeBands). */
function sizeFilter(size: RosterQuery['size']): RosterFilter['size'] {
  if (size === 'large') return { minCapital: sizeBands.large.minCapitalYen, minEmployees: sizeBands.large.minEmployees };
  if (size === 'small') return { maxEmployees: sizeBands.smallMaxEmployees };
  if (size === 'medium') return { minEmployees: sizeBands.smallMaxEmployees, notLarge: { capital: sizeBands.large.minCapitalYen, employees: sizeBands.large.minEmployees } };
  return undefined;
}

/** The start of a calendar day in Japan, as an instant. */
const dayStartInJapan = (day: string) => new Date(`${day}T00:00:00+09:00`).toISOString();
const nextDayStartInJapan = (day: string) => new Date(Date.parse(`${day}T00:00:00+09:00`) + 86_400_000).toISOString();

const openExists = () =>
  new AppError('duplicate', { subcode: 'call_application.open_exists', messages: fieldMessages['call_application.open_exists'] });

const consultationClosed = () =>
  new AppError('conflict', {
    subcode: 'consultation.closed',
    messages: { ja: 'この相談は終了しています。新たな相談を始めてください。', en: 'This consultation is closed. Start a new one.' },
  });

export function createPublicCallService(database: Database, opts: PublicCallOptions = {}) {
  const { db } = database;
  const today = opts.today ?? (() => todayInJapan());
  const parameters = opts.parameters ?? defaultParameters;

  const actorOf = (ctx: RequestContext): Actor => {
    if (!ctx.actor) throw new AppError('unauthenticated');
    return ctx.actor;
  };

  const eligibilityOf = (r: ApplicationRow, asOf: string) =>
    entityTypeEligibility(parameters(), r.legalTypeCode, asOf, r.legalTypeNameJa && r.legalTypeNameEn ? { nameJa: r.legalTypeNameJa, nameEn: r.legalTypeNameEn } : undefined);

  /** The application if the actor may read it (else 404). */
  async function readable(tx: Executor, actor: Actor, id: number) {
    const r = await repo.application(tx, id);
    if (!r || !policy.readApplication(actor, r)) throw new AppError('not_found');
    return r;
  }

  /** The status after `event`, or the 409 that says why it cannot happen now. */
  function after(r: ApplicationRow, event: ApplicationEvent): CallApplicationStatus {
    const next = nextStatus(r.status as CallApplicationStatus, event);
    if (!next) throw new AppError('conflict', { subcode: 'call_application.status', messages: refusal(r.status as CallApplicationStatus, event) });
    return next;
  }

  /** Moves the application on, guarded by its current status: a concurrent decision makes this one a 409. */
  async function move(tx: Executor, r: ApplicationRow, event: ApplicationEvent, v: { returnReason?: string | null; decidedBy?: number | null; decided?: boolean }) {
    const status = after(r, event);
    const moved = await repo.setStatus(tx, r.id, applicationTransitions[event].from, {
      status,
      ...(v.returnReason !== undefined ? { returnReason: v.returnReason } : {}),
      ...(v.decided ? { decidedAt: sql`now()`, decidedBy: v.decidedBy ?? null } : {}),
    });
    if (!moved) throw new AppError('conflict');
    return moved;
  }

  async function consultation(tx: Executor, actor: Actor, id: number) {
    const c = await repo.consultation(tx, id);
    if (!c || !policy.readConsultation(actor, c)) throw new AppError('not_found');
    return c;
  }

  const summaryView = (c: NonNullable<Awaited<ReturnType<typeof repo.consultation>>>): ConsultationSummary => ({
    ...c,
    status: c.status as ConsultationSummary['status'],
    messageCount: Number(c.messageCount),
    createdAt: pgTimestampToIso(c.createdAt),
    updatedAt: pgTimestampToIso(c.updatedAt),
  });

  async function detail(actor: Actor, id: number): Promise<ConsultationDetail> {
    const c = await consultation(db, actor, id);
    const messages = await repo.messages(db, id);
    return {
      ...summaryView(c),
      messages: messages.map((m) => ({ ...m, side: sideOf(m.authorRole), createdAt: pgTimestampToIso(m.createdAt) })),
      canPost: c.status === 'open' && policy.takePart(actor, c),
    };
  }

  return {
    // ---------------------------------------------------------------- 応募 (company)

    async apply(ctx: RequestContext, input: CallApplicationInput): Promise<CallApplication> {
      const actor = actorOf(ctx);
      if (actor.role !== 'company_hr' || actor.companyId == null) throw new AppError('forbidden');
      const companyId = actor.companyId;
      const id = await inTransaction(db, async (tx) => {
        const company = await repo.company(tx, companyId);
        if (!company) throw new AppError('not_found');
        if (await repo.openApplicationOf(tx, companyId)) throw openExists();
        const values = {
          companyId,
          wantsDispatch: input.wantsDispatch,
          wantsHire: input.wantsHire,
          divisions: input.divisions,
          conditions: input.conditions,
          contactName: input.contactName,
          contactEmail: input.contactEmail,
          contactPhone: input.contactPhone || null,
        };
        // Two submits racing past the check: the partial unique index makes the loser the same 409.
        const newId = await repo.insertApplication(tx, { ...values, status: 'submitted' }).catch((err: unknown) => {
          if (sqlState(err) === '23505') throw openExists();
          throw err;
        });
        await writeAudit(tx, ctx, { action: 'call_application.create', recordType: 'call_application', recordId: newId, before: null, after: { ...auditContent(values), status: 'submitted' } });
        return newId;
      });
      return applicationView((await repo.application(db, id))!);
    },

    /** The company's own applications (its own contact: not audited as a read of others' data). */
    async listOwn(ctx: RequestContext) {
      const actor = actorOf(ctx);
      if (actor.role !== 'company_hr' || actor.companyId == null) throw new AppError('forbidden');
      const rows = await repo.applicationsOf(db, actor.companyId);
      return { items: rows.map(applicationView), canApply: !rows.some((r) => r.status === 'submitted' || r.status === 'accepted') };
    },

    async withdraw(ctx: RequestContext, id: number): Promise<CallApplication> {
      const actor = actorOf(ctx);
      await inTransaction(db, async (tx) => {
        const r = await readable(tx, actor, id);
        if (!policy.withdrawApplication(actor, r)) throw new AppError('forbidden');
        const moved = await move(tx, r, 'withdraw', {});
        await writeAudit(tx, ctx, { action: 'call_application.withdraw', recordType: 'call_application', recordId: id, before: { status: r.status }, after: { status: moved.status } });
      });
      return applicationView((await repo.application(db, id))!);
    },

    // ---------------------------------------------------------------- 審査 (NPA)

    /** The NPA's queue, each with the entity-type check for today; the contacts shown are audited. */
    async reviewQueue(ctx: RequestContext, q: ReviewQuery) {
      const asOf = today();
      const r = await repo.applicationsIn(db, q.status, q.page, q.pageSize);
      await inTransaction(db, (tx) =>
        writeAudit(tx, ctx, { action: 'call_application.list', recordType: 'call_application', after: { status: q.status, page: q.page, ids: r.items.map((i) => i.id) } }),
      );
      return { items: r.items.map((row) => ({ ...applicationView(row), eligibility: eligibilityOf(row, asOf) })), total: r.total, page: q.page, pageSize: q.pageSize };
    },

    async accept(ctx: RequestContext, id: number): Promise<CallApplication> {
      const actor = actorOf(ctx);
      const asOf = today();
      await inTransaction(db, async (tx) => {
        const r = await readable(tx, actor, id);
        after(r, 'accept');
        if (r.companyStatus !== 'active') {
          throw new AppError('conflict', {
            subcode: 'call_application.company_not_active',
            messages: {
              ja: 'この法人は登録が承認されていない（又は登録が終了している）ため、受理できません。',
              en: 'The company’s registration is not approved (or has ended), so the application cannot be accepted.',
            },
          });
        }
        // 官民人事交流法第2条: the legal-entity type must be eligible on the day of the decision.
        const eligibility = eligibilityOf(r, asOf);
        if (!eligibility.eligible) throw new AppError('entity_type_ineligible', { messages: eligibility.message, details: { eligibility } });
        const moved = await move(tx, r, 'accept', { decided: true, decidedBy: actor.accountId, returnReason: null });
        await writeAudit(tx, ctx, {
          action: 'call_application.accept',
          recordType: 'call_application',
          recordId: id,
          before: { status: r.status },
          after: { status: moved.status, decidedAt: moved.decidedAt, eligibility: { asOf, legalTypeCode: r.legalTypeCode, parameter: 'entity_types.eligible' } },
        });
      });
      return applicationView((await repo.application(db, id))!);
    },

    async returnApplication(ctx: RequestContext, id: number, reason: string): Promise<CallApplication> {
      const actor = actorOf(ctx);
      await inTransaction(db, async (tx) => {
        const r = await readable(tx, actor, id);
        const moved = await move(tx, r, 'return', { decided: true, decidedBy: actor.accountId, returnReason: reason });
        await writeAudit(tx, ctx, {
          action: 'call_application.return',
          recordType: 'call_application',
          recordId: id,
          before: { status: r.status },
          after: { status: moved.status, decidedAt: moved.decidedAt, returnReason: reason },
        });
      });
      return applicationView((await repo.application(db, id))!);
    },

    // ---------------------------------------------------------------- 名簿 (NPA, center, ministries)

    async roster(ctx: RequestContext, q: RosterQuery) {
      const text = q.q ? normalizeForSearch(q.q) : '';
      const filter: RosterFilter = {
        text: text || undefined,
        industry: q.industry || undefined,
        prefecture: q.prefecture || undefined,
        region: q.region || undefined,
        size: sizeFilter(q.size),
        direction: q.direction,
        acceptedFrom: q.acceptedFrom ? dayStartInJapan(q.acceptedFrom) : undefined,
        acceptedBefore: q.acceptedTo ? nextDayStartInJapan(q.acceptedTo) : undefined,
      };
      const r = await repo.roster(db, filter, q.page, q.pageSize);
      const { page, pageSize, ...filters } = q;
      await inTransaction(db, (tx) =>
        writeAudit(tx, ctx, { action: 'call_application.roster', recordType: 'call_application', after: { filters, page, ids: r.items.map((i) => i.applicationId) } }),
      );
      return {
        items: r.items.map((i) => ({ ...i, capitalYen: i.capitalYen === null ? null : Number(i.capitalYen), acceptedAt: pgTimestampToIso(i.acceptedAt!) })),
        total: r.total,
        page,
        pageSize,
      };
    },

    // ---------------------------------------------------------------- 事前相談

    async listConsultations(ctx: RequestContext, q: ConsultationListQuery) {
      const scope = consultationScope(actorOf(ctx));
      if (!scope) throw new AppError('forbidden');
      const r = await repo.consultations(db, scope, q.status, q.page, q.pageSize);
      return { items: r.items.map(summaryView), total: r.total, page: q.page, pageSize: q.pageSize };
    },

    async openConsultation(ctx: RequestContext, input: ConsultationInput): Promise<ConsultationDetail> {
      const actor = actorOf(ctx);
      if (!policy.openConsultation(actor)) throw new AppError('forbidden');
      const id = await inTransaction(db, async (tx) => {
        if (!(await repo.organisation(tx, input.organisationId))) {
          throw new AppError('validation_failed', { fields: [{ path: 'organisationId', code: 'organisation.unknown', message: fieldMessages['organisation.unknown'] }] });
        }
        const values = { companyId: actor.companyId!, organisationId: input.organisationId, subject: input.subject, status: 'open', createdBy: actor.accountId };
        const newId = await repo.insertConsultation(tx, values);
        const messageId = await repo.insertMessage(tx, { consultationId: newId, authorAccountId: actor.accountId, authorRole: actor.role, body: input.body });
        await writeAudit(tx, ctx, {
          action: 'consultation.create',
          recordType: 'consultation',
          recordId: newId,
          before: null,
          after: { companyId: values.companyId, organisationId: values.organisationId, subject: values.subject, status: 'open', messageId, body: input.body },
        });
        return newId;
      });
      return detail(actor, id);
    },

    consultation: (ctx: RequestContext, id: number) => detail(actorOf(ctx), id),

    async postMessage(ctx: RequestContext, id: number, body: string): Promise<ConsultationDetail> {
      const actor = actorOf(ctx);
      await inTransaction(db, async (tx) => {
        const c = await consultation(tx, actor, id);
        if (!policy.takePart(actor, c)) throw new AppError('forbidden');
        if (c.status !== 'open') throw consultationClosed();
        const messageId = await repo.insertMessage(tx, { consultationId: id, authorAccountId: actor.accountId, authorRole: actor.role, body });
        await repo.touchConsultation(tx, id);
        await writeAudit(tx, ctx, { action: 'consultation_message.create', recordType: 'consultation', recordId: id, before: null, after: { messageId, authorRole: actor.role, body } });
      });
      return detail(actor, id);
    },

    async closeConsultation(ctx: RequestContext, id: number): Promise<ConsultationDetail> {
      const actor = actorOf(ctx);
      await inTransaction(db, async (tx) => {
        const c = await consultation(tx, actor, id);
        if (!policy.takePart(actor, c)) throw new AppError('forbidden');
        if (c.status !== 'open' || !(await repo.closeConsultation(tx, id))) throw consultationClosed();
        await writeAudit(tx, ctx, { action: 'consultation.close', recordType: 'consultation', recordId: id, before: { status: 'open' }, after: { status: 'closed' } });
      });
      return detail(actor, id);
    },
  };
}

export type PublicCallService = ReturnType<typeof createPublicCallService>;
