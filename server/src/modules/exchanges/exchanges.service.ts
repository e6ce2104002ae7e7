// Use cases of exchange cases (交流派遣 / 交流採用). No HTTP, no SQL here. A transition gathers
// fresh facts, asks the pure workflow (workflow.ts) whether it may happen, and writes the change,
// its event, its thread message, its side effects and its audit row in one transaction — or, when
// a guard blocks it, answers 422 with every reason in ja/en and writes nothing.
import type {
  CaseDetail,
  CaseEventName,
  CaseItem,
  CaseListQuery,
  CreateCase,
  TransitionInput,
  UpdateCase,
} from '../../../../common/src/schemas/exchanges.schema.ts';
import type { Decision as CriteriaDecision, RuleId } from '../../../../common/src/schemas/criteria.schema.ts';
import { fieldMessages, type FieldMessageKey } from '../../../../common/src/messages.ts';
import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../db/client.ts';
import { rowsOf } from '../../db/client.ts';
import { inTransaction, sqlState } from '../../db/tx.ts';
import { createAuditGroupWriter, writeAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { pgTimestampToIso } from '../../platform/time.ts';
import type { ParameterSet } from '../criteria/parameters.ts';
import type { createCriteriaService } from '../criteria/criteria.service.ts';
import { exchangeParameters } from './exchanges.parameters.ts';
import { exchangesPolicy as policy, caseScope } from './exchanges.policy.ts';
import { exchangesRepository as repo, reviewStates, type CaseItemRow, type CaseRow } from './exchanges.repository.ts';
import { decide, monthsBefore, transitions, type Block, type CaseRole, type GuardFacts } from './workflow.ts';
import { reviewDueDate } from './planner.ts';

type CriteriaService = ReturnType<typeof createCriteriaService>;
export type ApprovedException = { ruleId: RuleId; reference: string };

/** Hooks other parts of the case module plug in (documents, mail); all run inside the transaction. */
export type CaseHooks = {
  /** After a transition is written (certification notice, notifications). */
  afterTransition?: (tx: Executor, ctx: RequestContext, c: CaseRow, event: CaseEventName, note: string | null) => Promise<void>;
  /** After the transition's transaction committed (start delivering the mails it wrote). */
  afterCommit?: () => void;
};

const issue = (path: string, key: FieldMessageKey) => ({ path, code: key, message: fieldMessages[key] });
const invalid = (path: string, key: FieldMessageKey) => new AppError('validation_failed', { fields: [issue(path, key)] });
const blocked = (blocks: Block[]) =>
  new AppError('transition_blocked', {
    messages: {
      ja: `この操作は行えません：${blocks.map((b) => b.message.ja).join(' ')}`,
      en: `This step is blocked: ${blocks.map((b) => b.message.en).join(' ')}`,
    },
    details: { blocks },
  });
const stale = () =>
  new AppError('conflict', {
    messages: { ja: 'この案件は他の利用者が更新しました。画面を再読み込みしてください。', en: 'Someone else changed this case. Please reload it.' },
  });

export const personName = (r: { familyName: string | null; givenName: string | null }) => (r.familyName == null ? null : `${r.familyName} ${r.givenName ?? ''}`.trim());

export function toItem(r: CaseItemRow, actor: Actor, today: string): CaseItem {
  const scope = { organisationId: r.organisationId, companyId: r.companyId, personId: r.personId };
  return {
    id: r.id,
    reference: r.reference,
    direction: r.direction as CaseItem['direction'],
    hireType: r.hireType as CaseItem['hireType'],
    state: r.state as CaseItem['state'],
    organisation: { id: r.organisationId, nameJa: r.orgNameJa, nameEn: r.orgNameEn },
    unit: { id: r.unitId, nameJa: r.unitNameJa, nameEn: r.unitNameEn },
    postTitle: r.postTitle,
    company: { id: r.companyId, name: r.companyName, corporateNumber: r.corporateNumber },
    personName: policy.readPersonalData(actor, scope) ? personName(r) : null,
    plannedStart: r.plannedStart,
    plannedEnd: r.plannedEnd,
    submittedOn: r.submittedOn,
    reviewDueOn: r.reviewDueOn,
    overdue: isOverdueRow(r, today),
    stateChangedAt: pgTimestampToIso(r.stateChangedAt),
    updatedAt: pgTimestampToIso(r.updatedAt),
  };
}

const isOverdueRow = (r: { state: string; reviewDueOn: string | null }, today: string) =>
  (reviewStates as readonly string[]).includes(r.state) && r.reviewDueOn !== null && r.reviewDueOn < today;

/** The date `months` calendar months after `date`. */
const monthsAfter = (date: string, months: number) => monthsBefore(date, -months);

export function createExchangesService(database: Database, deps: { criteria: CriteriaService; clock: Clock; params?: ParameterSet; hooks?: CaseHooks }) {
  const { db } = database;
  const params = deps.params ?? exchangeParameters();
  const hooks: CaseHooks = deps.hooks ?? {};
  const today = () => deps.clock.today();
  // Lists that show names are reads of personal data: audited, by group commit (see platform/audit).
  const auditRead = createAuditGroupWriter(db);
  const actorOf = (ctx: RequestContext): Actor => {
    if (!ctx.actor) throw new AppError('unauthenticated');
    return ctx.actor;
  };

  /** The case if the actor may read it (else 404). */
  async function readable(tx: Executor, actor: Actor, id: number, forUpdate = false): Promise<CaseRow> {
    const c = await repo.caseRow(tx, id, forUpdate);
    if (!c || !policy.read(actor, c)) throw new AppError('not_found');
    return c;
  }

  /** Validates the records a plan names, as field errors (never 404: they come from the body). */
  async function checkParties(tx: Executor, actor: Actor, p: { unitId: number; companyId: number; divisionId?: number | null; personId?: number | null; direction: string }) {
    const unit = await repo.unit(tx, p.unitId);
    if (!unit) throw invalid('unitId', 'org_unit.unknown');
    if (!policy.create(actor, unit.organisationId)) throw invalid('unitId', 'organisation.forbidden');
    const company = await repo.company(tx, p.companyId);
    if (!company || company.status === 'archived') throw invalid('companyId', 'company.unknown');
    if (p.divisionId != null) {
      const d = await repo.division(tx, p.divisionId);
      if (!d || d.companyId !== p.companyId) throw invalid('divisionId', 'exchange.division_unknown');
    }
    if (p.personId != null) {
      const person = await repo.person(tx, p.personId);
      if (!person) throw invalid('personId', 'person.unknown');
      // A dispatch sends the ministry's own official; a hire takes the company's own employee.
      const fits = p.direction === 'dispatch' ? person.kind === 'official' && person.organisationId === unit.organisationId : person.kind === 'employee' && person.companyId === p.companyId;
      if (!fits) throw invalid('personId', 'exchange.person_mismatch');
    }
    return { unit, company };
  }

  async function criteriaFor(c: CaseRow): Promise<{ verdict: CriteriaDecision['overall']; decision: CriteriaDecision } | undefined> {
    if (c.personId == null) return undefined;
    const result = await deps.criteria.evaluateStored(
      {
        direction: c.direction as 'dispatch' | 'hire',
        personId: c.personId,
        unitId: c.unitId,
        companyId: c.companyId,
        ...(c.divisionId != null ? { divisionId: c.divisionId } : {}),
        plannedStart: c.plannedStart,
        plannedEnd: c.plannedEnd,
      },
      (c.approvedExceptions as ApprovedException[]) ?? [],
    );
    return result ? { verdict: result.decision.overall, decision: result.decision } : undefined;
  }

  /** Facts the guards read, for a real transition (fresh criteria) or for showing what is possible. */
  async function guardFacts(tx: Executor, c: CaseRow, event: CaseEventName, input: Partial<TransitionInput>, fresh: boolean) {
    const facts: GuardFacts = { today: today(), plannedStart: c.plannedStart, plannedEnd: c.plannedEnd };
    let criteria: Awaited<ReturnType<typeof criteriaFor>>;
    if (event === 'submit' || event === 'certify') {
      if (fresh) {
        criteria = await criteriaFor(c);
        if (criteria) facts.criteria = criteria.verdict;
      } else if (c.criteriaVerdict) facts.criteria = c.criteriaVerdict as GuardFacts['criteria'];
      else facts.criteria = 'eligible'; // not checked yet: checked when the step is taken
    }
    if (event === 'submit') {
      facts.personNamed = c.personId != null;
      const docs = await repo.documents(tx, c.id);
      facts.documents = { sheet: c.sheet != null, agreementDraft: docs.some((d) => d.kind === 'agreement_draft') };
    }
    if (event === 'extend') {
      const open = await repo.openExtension(tx, c.id);
      const newEnd = input.newEnd ?? open?.requestedEnd;
      if (newEnd) facts.newEnd = newEnd;
      facts.npaApprovedExtension = input.event === 'extend'; // only the NPA may fire it: firing it is the approval
    }
    if (event === 'begin' && c.personId != null) facts.personInOtherActiveCase = await repo.personBusy(tx, c.personId, c.id);
    return { facts, criteria };
  }

  async function actionsFor(tx: Executor, actor: Actor, c: CaseRow): Promise<CaseDetail['actions']> {
    const role = policy.workflowRole(actor, c);
    if (!role) return [];
    const out: CaseDetail['actions'] = [];
    for (const [event, t] of Object.entries(transitions) as [CaseEventName, (typeof transitions)[CaseEventName]][]) {
      if (!(t.from as readonly string[]).includes(c.state) || !(t.by as readonly CaseRole[]).includes(role)) continue;
      if (event === 'extend') continue; // extensions go through a request the NPA decides
      const { facts } = await guardFacts(tx, c, event, {}, false);
      const d = decide(c.state as never, event, role, facts, params);
      out.push({ event, to: t.to, blocks: d.ok ? [] : d.blocks });
    }
    return out;
  }

  /** The column changes an event brings besides the state. */
  function effects(c: CaseRow, input: TransitionInput, day: string): Partial<CaseRow> {
    switch (input.event) {
      case 'submit':
        return c.submittedOn ? {} : { submittedOn: day, reviewDueOn: reviewDueDate(day, params) };
      case 'approve_informally':
        return { informallyApprovedOn: day };
      case 'certify':
        return { certifiedOn: day };
      case 'begin':
        return { actualStart: input.actualDate ?? c.plannedStart };
      case 'extend':
        return {};
      case 'return':
        return { actualEnd: input.actualDate ?? c.plannedEnd, returnPost: input.returnPost ?? null, experienceUse: input.experienceUse ?? null };
      case 'end_early':
        return { actualEnd: input.actualDate ?? day, endReason: input.endReason ?? 'other', endNote: input.note ?? null };
      default:
        return {};
    }
  }

  async function loadDetail(tx: Executor, actor: Actor, c: CaseRow): Promise<CaseDetail> {
    const item = await repo.caseItem(tx, c.id);
    const [events, messages, documents, interviews, extensions, actions] = await Promise.all([
      repo.events(tx, c.id),
      repo.messages(tx, c.id),
      repo.documents(tx, c.id),
      repo.interviews(tx, c.id),
      repo.extensions(tx, c.id),
      actionsFor(tx, actor, c),
    ]);
    const personal = policy.readPersonalData(actor, c);
    return {
      ...toItem(item!, actor, today()),
      version: c.version,
      divisionId: c.divisionId,
      divisionName: item!.divisionName,
      personId: personal ? c.personId : null,
      informallyApprovedOn: c.informallyApprovedOn,
      certifiedOn: c.certifiedOn,
      actualStart: c.actualStart,
      actualEnd: c.actualEnd,
      endReason: c.endReason,
      endNote: personal ? c.endNote : null,
      returnPost: c.returnPost,
      experienceUse: c.experienceUse,
      interviewIntervalMonths: c.interviewIntervalMonths,
      criteria:
        c.criteriaVerdict && c.criteriaCheckedAt
          ? { verdict: c.criteriaVerdict as 'eligible', checkedAt: pgTimestampToIso(c.criteriaCheckedAt), decision: personal ? (c.criteriaResult as CriteriaDecision) : null }
          : null,
      approvedExceptions: (c.approvedExceptions as ApprovedException[]) ?? [],
      hasSheet: c.sheet != null,
      actions,
      events: events.map((e) => ({ id: e.id, event: e.event, fromState: e.fromState as never, toState: e.toState as never, actorRole: e.actorRole, note: e.note, at: pgTimestampToIso(e.at) })),
      messages: messages.map((m) => ({ id: m.id, kind: m.kind as 'query', authorRole: m.authorRole, authorName: m.authorName, body: m.body, createdAt: pgTimestampToIso(m.createdAt) })),
      documents: documents.map((d) => ({ ...d, kind: d.kind as 'other', createdAt: pgTimestampToIso(d.createdAt) })),
      interviews: personal
        ? interviews.map((i) => ({ id: i.id, scheduledOn: i.scheduledOn, heldOn: i.heldOn, status: i.status as 'held', interviewer: i.interviewer, notes: i.notes }))
        : [],
      extensions: extensions.map((x) => ({
        id: x.id,
        requestedEnd: x.requestedEnd,
        reason: x.reason,
        status: x.status as 'requested',
        decisionNote: x.decisionNote,
        createdAt: pgTimestampToIso(x.createdAt),
        decidedAt: x.decidedAt ? pgTimestampToIso(x.decidedAt) : null,
      })),
    };
  }

  /** Runs one transition end to end. `extra` lets a caller (extension decision) add writes to the same transaction. */
  async function transition(ctx: RequestContext, id: number, input: TransitionInput, extra?: (tx: Executor, c: CaseRow) => Promise<void>): Promise<CaseDetail> {
    const actor = actorOf(ctx);
    // Fresh criteria are gathered outside the write transaction (many reads); the version check
    // below refuses the write if the case changed in between.
    const peek = await readable(db, actor, id);
    const role = policy.workflowRole(actor, peek);
    if (!role) throw new AppError('forbidden');
    const pre = input.event === 'submit' || input.event === 'certify' ? await criteriaFor(peek) : undefined;
    // The fresh verdict is kept even when the step is refused, so the case shows why.
    const keepVerdict = async <T>(p: Promise<T>): Promise<T> =>
      p.catch(async (err) => {
        if (pre && err instanceof AppError && err.code === 'transition_blocked') await storeVerdict(id, pre);
        throw err;
      });
    return keepVerdict(inTransaction(db, async (tx) => {
      const c = await readable(tx, actor, id, true);
      if (c.version !== input.version || c.version !== peek.version) throw stale();
      const { facts } = await guardFacts(tx, c, input.event, input, false);
      if (input.event === 'submit' || input.event === 'certify') {
        if (pre) facts.criteria = pre.verdict;
        else delete facts.criteria;
      }
      const d = decide(c.state as never, input.event, role, facts, params);
      if (!d.ok) throw blocked(d.blocks);
      const day = today();
      const patch: Partial<CaseRow> = {
        state: d.to,
        stateChangedAt: new Date().toISOString(),
        ...effects(c, input, day),
        ...(pre ? { criteriaVerdict: pre.verdict, criteriaCheckedAt: new Date().toISOString(), criteriaResult: pre.decision } : {}),
        ...(input.event === 'extend' && facts.newEnd ? { plannedEnd: facts.newEnd } : {}),
      };
      const updated = await repo.updateCase(tx, c.id, c.version, patch).catch((err) => {
        if (sqlState(err) === '23505') throw blocked([{ code: 'workflow.person_busy', message: { ja: 'この人は既に他の交流中の案件があります。', en: 'This person is already on another active exchange.' } }]);
        throw err;
      });
      if (!updated) throw stale();
      await repo.insertEvent(tx, { caseId: c.id, event: input.event, fromState: c.state, toState: d.to, actorAccountId: actor.accountId, actorRole: role, note: input.note ?? null });
      if (input.note?.trim()) {
        const kind = input.event === 'query' ? 'query' : input.event === 'answer' ? 'answer' : 'note';
        await repo.insertMessage(tx, { caseId: c.id, kind, authorAccountId: actor.accountId, authorRole: role, authorName: actor.displayName, body: input.note.trim() });
      }
      await sideEffects(tx, updated, input);
      if (extra) await extra(tx, updated);
      await hooks.afterTransition?.(tx, ctx, updated, input.event, input.note?.trim() || null);
      const detail = await loadDetail(tx, actor, updated);
      // Rows every transition shares come last, so their locks are held only until the commit that
      // follows: the organisation's count row, then the audit chain's lock (global). Under load,
      // taking them before the reads above serialised every write behind a whole transaction.
      await repo.moveCount(tx, c.organisationId, c.state, d.to);
      await writeAudit(tx, ctx, {
        action: `exchange_case.${input.event}`,
        recordType: 'exchange_case',
        recordId: c.id,
        before: { state: c.state, plannedEnd: c.plannedEnd, version: c.version },
        after: { state: updated.state, plannedEnd: updated.plannedEnd, version: updated.version, ...(pre ? { criteria: pre.verdict } : {}) },
      });
      return detail;
    })).then((detail) => {
      hooks.afterCommit?.();
      return detail;
    });
  }

  /** The last check's verdict is a cache of the check, not a change of the plan: no version bump. */
  const storeVerdict = (id: number, r: { verdict: string; decision: CriteriaDecision }, ex: Executor = db) =>
    ex.execute(sql`update exchange_cases set criteria_verdict = ${r.verdict}, criteria_checked_at = now(), criteria_result = ${JSON.stringify(r.decision)}::jsonb where id = ${id}`);

  /** Writes that follow from an event: history for the 交流基準, interview schedule, closing. */
  async function sideEffects(tx: Executor, c: CaseRow, input: TransitionInput) {
    const historyNote = `case:${c.reference}`;
    if (input.event === 'begin') {
      await repo.openHistory(tx, { companyId: c.companyId, unitId: c.unitId, direction: c.direction, startDate: c.actualStart ?? c.plannedStart, personId: c.personId, note: historyNote });
      const start = c.actualStart ?? c.plannedStart;
      const rows = [];
      for (let k = 1; k < 100; k++) {
        const on = monthsAfter(start, k * c.interviewIntervalMonths);
        if (on >= c.plannedEnd) break;
        rows.push({ caseId: c.id, scheduledOn: on });
      }
      await repo.insertInterviews(tx, rows);
    }
    if (input.event === 'extend') {
      const last = (await repo.interviews(tx, c.id)).filter((i) => i.status === 'scheduled').map((i) => i.scheduledOn).sort().at(-1) ?? c.actualStart ?? c.plannedStart;
      const rows = [];
      for (let on = monthsAfter(last, c.interviewIntervalMonths); on < c.plannedEnd; on = monthsAfter(on, c.interviewIntervalMonths)) rows.push({ caseId: c.id, scheduledOn: on });
      await repo.insertInterviews(tx, rows);
    }
    if (input.event === 'return' || input.event === 'end_early') {
      const end = c.actualEnd ?? today();
      await repo.closeHistory(tx, historyNote, end);
      await repo.cancelInterviewsAfter(tx, c.id, end);
    }
  }

  return {
    params,
    today,

    async create(ctx: RequestContext, input: CreateCase): Promise<CaseDetail> {
      const actor = actorOf(ctx);
      return inTransaction(db, async (tx) => {
        const { unit } = await checkParties(tx, actor, input);
        const interval = (await repo.interviewInterval(tx, unit.organisationId)) ?? 3;
        const c = await repo.insertCase(
          tx,
          {
            direction: input.direction,
            hireType: input.direction === 'hire' ? (input.hireType ?? null) : null,
            organisationId: unit.organisationId,
            unitId: input.unitId,
            postTitle: input.postTitle,
            companyId: input.companyId,
            divisionId: input.divisionId ?? null,
            personId: input.personId ?? null,
            plannedStart: input.plannedStart,
            plannedEnd: input.plannedEnd,
            interviewIntervalMonths: interval,
            createdBy: actor.accountId,
          },
          +today().slice(0, 4),
        );
        await repo.insertEvent(tx, { caseId: c.id, event: 'open', fromState: 'consultation', toState: 'consultation', actorAccountId: actor.accountId, actorRole: actor.role, note: null });
        await writeAudit(tx, ctx, { action: 'exchange_case.create', recordType: 'exchange_case', recordId: c.id, after: { ...input, reference: c.reference } });
        return loadDetail(tx, actor, c);
      });
    },

    async update(ctx: RequestContext, id: number, input: UpdateCase): Promise<CaseDetail> {
      const actor = actorOf(ctx);
      return inTransaction(db, async (tx) => {
        const c = await readable(tx, actor, id, true);
        if (!['consultation', 'query_to_ministry', 'informally_approved'].includes(c.state))
          throw new AppError('conflict', { messages: { ja: 'この状態では計画を変更できません。', en: 'The plan cannot be changed in this state.' } });
        if (c.version !== input.version) throw stale();
        if (!policy.editPlan(actor, c)) {
          // A hire's company names which of its employees goes (the ministry cannot see them).
          if (!policy.namePerson(actor, c)) throw new AppError('forbidden');
          const others = Object.keys(input).filter((k) => k !== 'version' && k !== 'personId');
          if (others.length || input.personId === undefined)
            throw new AppError('forbidden', { messages: { ja: '民間企業等が変更できるのは交流採用の対象者のみです。', en: 'A company can only name the employee for a hire.' } });
          if (input.personId !== null) {
            const person = await repo.person(tx, input.personId);
            if (!person) throw invalid('personId', 'person.unknown');
            if (person.kind !== 'employee' || person.companyId !== c.companyId) throw invalid('personId', 'exchange.person_mismatch');
          }
          const updated = await repo.updateCase(tx, id, c.version, { personId: input.personId, criteriaVerdict: null, criteriaCheckedAt: null, criteriaResult: null });
          if (!updated) throw stale();
          await writeAudit(tx, ctx, { action: 'exchange_case.name_person', recordType: 'exchange_case', recordId: id, before: { personId: c.personId }, after: { personId: input.personId } });
          return loadDetail(tx, actor, updated);
        }
        const next = {
          direction: c.direction,
          unitId: input.unitId ?? c.unitId,
          companyId: c.companyId,
          divisionId: input.divisionId === undefined ? c.divisionId : input.divisionId,
          personId: input.personId === undefined ? c.personId : input.personId,
        };
        const { unit } = await checkParties(tx, actor, next);
        if (unit.organisationId !== c.organisationId) throw invalid('unitId', 'organisation.forbidden');
        const plannedStart = input.plannedStart ?? c.plannedStart;
        const plannedEnd = input.plannedEnd ?? c.plannedEnd;
        if (plannedEnd <= plannedStart) throw invalid('plannedEnd', 'date.end_before_start');
        const patch = {
          unitId: next.unitId,
          divisionId: next.divisionId,
          personId: next.personId,
          postTitle: input.postTitle ?? c.postTitle,
          hireType: c.direction === 'hire' ? (input.hireType ?? c.hireType) : null,
          plannedStart,
          plannedEnd,
          interviewIntervalMonths: input.interviewIntervalMonths ?? c.interviewIntervalMonths,
          // A changed plan needs a fresh criteria check.
          ...(plannedStart !== c.plannedStart || plannedEnd !== c.plannedEnd || next.personId !== c.personId || next.unitId !== c.unitId || next.divisionId !== c.divisionId
            ? { criteriaVerdict: null, criteriaCheckedAt: null, criteriaResult: null }
            : {}),
        };
        const updated = await repo.updateCase(tx, id, c.version, patch);
        if (!updated) throw stale();
        await writeAudit(tx, ctx, {
          action: 'exchange_case.update',
          recordType: 'exchange_case',
          recordId: id,
          before: { unitId: c.unitId, divisionId: c.divisionId, personId: c.personId, postTitle: c.postTitle, plannedStart: c.plannedStart, plannedEnd: c.plannedEnd },
          after: patch,
        });
        return loadDetail(tx, actor, updated);
      });
    },

    async get(ctx: RequestContext, id: number): Promise<CaseDetail> {
      const actor = actorOf(ctx);
      return inTransaction(db, async (tx) => {
        const c = await readable(tx, actor, id);
        const detail = await loadDetail(tx, actor, c);
        if (policy.readPersonalData(actor, c) && c.personId != null)
          await writeAudit(tx, ctx, { action: 'exchange_case.read', recordType: 'exchange_case', recordId: id, after: { personId: c.personId } });
        return detail;
      });
    },

    async list(ctx: RequestContext, q: CaseListQuery) {
      const actor = actorOf(ctx);
      const scope = caseScope(actor);
      if (!scope) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
      const day = today();
      const { rows, total } = await repo.list(db, q, scope, day);
      const items = rows.map((r) => toItem(r, actor, day));
      if (items.some((i) => i.personName !== null))
        await auditRead(ctx, { action: 'exchange_case.list', recordType: 'exchange_case', after: { ids: items.filter((i) => i.personName !== null).map((i) => i.id) } });
      return { items, total, page: q.page, pageSize: q.pageSize };
    },

    /** Every row of a filtered list (for CSV/xlsx export, up to `limit`). */
    async exportRows(ctx: RequestContext, q: Partial<CaseListQuery>, limit = 100_000) {
      const actor = actorOf(ctx);
      const scope = caseScope(actor);
      if (!scope) return [];
      const day = today();
      const rows = (await repo.listAll(db, q, scope, day, limit)).map((r) => toItem(r, actor, day));
      await inTransaction(db, (tx) => writeAudit(tx, ctx, { action: 'exchange_case.export', recordType: 'exchange_case', after: { filter: q, rows: rows.length } }));
      return rows;
    },

    async pipeline(ctx: RequestContext) {
      const actor = actorOf(ctx);
      const scope = caseScope(actor);
      if (!scope) return { byState: [], byStartMonth: [], overdue: 0, onExchange: 0 };
      const p = await repo.pipeline(db, scope, today());
      return { ...p, byState: p.byState.map((s) => ({ state: s.state as CaseItem['state'], count: s.count })) };
    },

    transition,

    /** Runs the 交流基準 on fresh facts and keeps the verdict on the case (a read of personal data, audited). */
    async checkCriteria(ctx: RequestContext, id: number) {
      const actor = actorOf(ctx);
      const c = await readable(db, actor, id);
      if (!policy.readPersonalData(actor, c) || actor.role === 'participant') throw new AppError('forbidden');
      if (c.personId == null) throw blocked([{ code: 'workflow.person_missing', message: { ja: '交流の対象となる職員・従業員を指定してください。', en: 'Name the person who will go on the exchange.' } }]);
      const r = await criteriaFor(c);
      if (!r) throw new AppError('not_found');
      await inTransaction(db, async (tx) => {
        await storeVerdict(id, r, tx);
        await writeAudit(tx, ctx, { action: 'exchange_case.criteria_check', recordType: 'exchange_case', recordId: id, after: { verdict: r.verdict, personId: c.personId } });
      });
      return r;
    },

    async setExceptions(ctx: RequestContext, id: number, version: number, exceptions: ApprovedException[]) {
      const actor = actorOf(ctx);
      if (!policy.approveExceptions(actor)) throw new AppError('forbidden');
      return inTransaction(db, async (tx) => {
        const c = await readable(tx, actor, id, true);
        if (c.version !== version) throw stale();
        const updated = await repo.updateCase(tx, id, version, { approvedExceptions: exceptions, criteriaVerdict: null, criteriaCheckedAt: null, criteriaResult: null });
        if (!updated) throw stale();
        await writeAudit(tx, ctx, { action: 'exchange_case.exceptions', recordType: 'exchange_case', recordId: id, before: c.approvedExceptions, after: exceptions });
        return loadDetail(tx, actor, updated);
      });
    },

    async postMessage(ctx: RequestContext, id: number, body: string) {
      const actor = actorOf(ctx);
      return inTransaction(db, async (tx) => {
        const c = await readable(tx, actor, id);
        if (!policy.post(actor, c)) throw new AppError('forbidden');
        const [m] = await repo.insertMessage(tx, { caseId: id, kind: 'note', authorAccountId: actor.accountId, authorRole: actor.role, authorName: actor.displayName, body });
        await writeAudit(tx, ctx, { action: 'exchange_case.message', recordType: 'exchange_case', recordId: id, after: { messageId: m!.id } });
        return { id: m!.id, kind: 'note' as const, authorRole: m!.authorRole, authorName: m!.authorName, body: m!.body, createdAt: pgTimestampToIso(m!.createdAt) };
      });
    },

    async scheduleInterview(ctx: RequestContext, id: number, input: { scheduledOn: string; interviewer?: string | undefined }) {
      const actor = actorOf(ctx);
      return inTransaction(db, async (tx) => {
        const c = await readable(tx, actor, id);
        if (!policy.followUp(actor, c)) throw new AppError('forbidden');
        if (!['agreement_signed', 'active', 'extended'].includes(c.state))
          throw new AppError('conflict', { messages: { ja: '交流中の案件にのみ面談を登録できます。', en: 'Interviews can be scheduled only for an exchange that is under way.' } });
        const [row] = await repo.insertInterviews(tx, [{ caseId: id, scheduledOn: input.scheduledOn, interviewer: input.interviewer ?? null }]);
        await writeAudit(tx, ctx, { action: 'exchange_case.interview_schedule', recordType: 'exchange_case', recordId: id, after: input });
        return row!;
      });
    },

    async recordInterview(ctx: RequestContext, id: number, interviewId: number, input: { status: 'held' | 'cancelled'; heldOn?: string | undefined; interviewer?: string | undefined; notes?: string | undefined }) {
      const actor = actorOf(ctx);
      return inTransaction(db, async (tx) => {
        const c = await readable(tx, actor, id);
        if (!policy.followUp(actor, c)) throw new AppError('forbidden');
        const i = await repo.interview(tx, id, interviewId);
        if (!i) throw new AppError('not_found');
        const heldOn = input.status === 'held' ? (input.heldOn ?? today()) : null;
        if (heldOn && heldOn > today()) throw invalid('heldOn', 'exchange.held_in_future');
        const row = await repo.updateInterview(tx, interviewId, { status: input.status, heldOn, interviewer: input.interviewer ?? i.interviewer, notes: input.notes ?? i.notes });
        await writeAudit(tx, ctx, { action: 'exchange_case.interview_record', recordType: 'exchange_case', recordId: id, before: { status: i.status }, after: { interviewId, status: input.status, heldOn } });
        return row;
      });
    },

    async requestExtension(ctx: RequestContext, id: number, input: { requestedEnd: string; reason: string }) {
      const actor = actorOf(ctx);
      return inTransaction(db, async (tx) => {
        const c = await readable(tx, actor, id, true);
        if (!policy.followUp(actor, c) || actor.role !== 'ministry_hr') throw new AppError('forbidden');
        if (!['active', 'extended'].includes(c.state))
          throw new AppError('conflict', { messages: { ja: '交流中の案件のみ延長を申請できます。', en: 'Only an exchange under way can be extended.' } });
        if (await repo.openExtension(tx, id)) throw new AppError('duplicate', { messages: { ja: '審査中の延長申請があります。', en: 'An extension request is already pending.' } });
        // The same limits as the NPA's approval, told now rather than at the decision.
        const d = decide(c.state as never, 'extend', 'npa', { today: today(), plannedStart: c.plannedStart, plannedEnd: c.plannedEnd, newEnd: input.requestedEnd, npaApprovedExtension: true }, params);
        if (!d.ok) throw blocked(d.blocks);
        const [row] = await repo.insertExtension(tx, { caseId: id, requestedEnd: input.requestedEnd, reason: input.reason, requestedBy: actor.accountId });
        await writeAudit(tx, ctx, { action: 'exchange_case.extension_request', recordType: 'exchange_case', recordId: id, after: input });
        return row!;
      });
    },

    /** The NPA decides an extension request; approval fires the `extend` transition in the same transaction. */
    async decideExtension(ctx: RequestContext, id: number, extensionId: number, input: { approve: boolean; note?: string | undefined; version: number }) {
      const actor = actorOf(ctx);
      if (actor.role !== 'npa') throw new AppError('forbidden');
      const x = await repo.extension(db, id, extensionId);
      if (!x) throw new AppError('not_found');
      if (x.status !== 'requested') throw new AppError('conflict', { messages: { ja: 'この延長申請は処理済みです。', en: 'This extension request has already been decided.' } });
      const decideRow = async (tx: Executor) => {
        await repo.decideExtension(tx, extensionId, { status: input.approve ? 'approved' : 'refused', decisionNote: input.note ?? null, decidedBy: actor.accountId });
      };
      if (input.approve) return transition(ctx, id, { event: 'extend', version: input.version, newEnd: x.requestedEnd, note: input.note }, decideRow);
      return inTransaction(db, async (tx) => {
        const c = await readable(tx, actor, id, true);
        await decideRow(tx);
        await writeAudit(tx, ctx, { action: 'exchange_case.extension_refuse', recordType: 'exchange_case', recordId: id, after: { extensionId, note: input.note } });
        return loadDetail(tx, actor, c);
      });
    },

    /** A ministry's follow-up interview cadence (months), used for the cases it opens from now on. */
    async settings(ctx: RequestContext, organisationId?: number) {
      const actor = actorOf(ctx);
      const org = organisationId ?? actor.organisationId;
      if (org == null || !(actor.role === 'npa' || (actor.role === 'ministry_hr' && actor.organisationId === org))) throw new AppError('forbidden');
      return { organisationId: org, interviewIntervalMonths: (await repo.interviewInterval(db, org)) ?? 3 };
    },
    async setSettings(ctx: RequestContext, input: { organisationId?: number | undefined; interviewIntervalMonths: number }) {
      const actor = actorOf(ctx);
      const org = input.organisationId ?? actor.organisationId;
      if (org == null || !(actor.role === 'npa' || (actor.role === 'ministry_hr' && actor.organisationId === org))) throw new AppError('forbidden');
      return inTransaction(db, async (tx) => {
        // An organisation that does not exist is a 404, not a foreign-key error from the database.
        if (!rowsOf(await tx.execute(sql`select 1 from organisations where id = ${org}`)).length) throw new AppError('not_found');
        const before = await repo.interviewInterval(tx, org);
        await repo.setInterviewInterval(tx, org, input.interviewIntervalMonths);
        await writeAudit(tx, ctx, { action: 'exchange_settings.update', recordType: 'organisation', recordId: org, before: { interviewIntervalMonths: before ?? 3 }, after: { interviewIntervalMonths: input.interviewIntervalMonths } });
        return { organisationId: org, interviewIntervalMonths: input.interviewIntervalMonths };
      });
    },

    /** The case row for other parts of the module (documents): scoped like `get`, with the edit rule. */
    async forDocuments(tx: Executor, ctx: RequestContext, id: number, write: boolean) {
      const actor = actorOf(ctx);
      const c = await readable(tx, actor, id, write);
      if (write && !policy.editPlan(actor, c)) throw new AppError('forbidden');
      if (!write && !policy.readPersonalData(actor, c)) throw new AppError('not_found');
      return { actor, c };
    },
    loadDetail,
  };
}

export type ExchangesService = ReturnType<typeof createExchangesService>;
