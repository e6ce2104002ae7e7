// Use cases of the international side (issue 8): the dispatch registry under 派遣法 with the 5-year
// consultations (協議), year figures from the records (and the series the statistics use), seminars
// for foreign officials, fellowships, delegations and network events. The rules are the pure modules
// next to this file (dispatch-rules.ts, year-figures.ts, seminars.ts, delegations.ts); this file loads,
// checks, stores in one transaction with its audit row, and shapes the API answers.
import type { Database, Executor } from '../../db/client.ts';
import { inTransaction, sqlState } from '../../db/tx.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { todayInJapan } from '../../platform/time.ts';
import { fiscalYearEnd, fiscalYearOf } from '../criteria/dates.ts';
import { internationalSeries, seriesFigures } from '../statistics/published.service.ts';
import type { Consultation, Dispatch, SeminarBaseline, SeminarCourse, SeminarPublishedYear } from '../../../../common/src/schemas/international.schema.ts';
import type {
  IntlConsultation,
  IntlConsultationAnswerInput,
  IntlConsultationInput,
  IntlDelegationInput,
  IntlDelegationList,
  IntlDispatchDetail,
  IntlDispatchInput,
  IntlDispatchPatch,
  IntlDispatchQuery,
  IntlDispatchSummary,
  IntlEndInput,
  IntlFellowship,
  IntlFellowshipInput,
  IntlFigures,
  IntlFiveYearCheck,
  IntlNetworkEventInput,
  IntlOrganisation,
  IntlOrganisationInput,
  IntlOrganisationPatch,
  IntlRecordsSeries,
  IntlRecordsSeriesRow,
  IntlReference,
  IntlRenewalInput,
  IntlSeminarOverview,
  IntlSeminarSessionInput,
} from '../../../../common/src/schemas/international-api.schema.ts';
import {
  agreedConsultation,
  canActivate,
  canRenew,
  consultationsPerFiscalYear,
  currentPlannedEnd,
  decisionError,
  plannedEndAt,
  shiftMonths,
  stepChecks,
  upcomingCrossings,
  validateConsultation,
  validateDispatch,
  type FiveYearCheck,
} from './dispatch-rules.ts';
import { checkDispatchSeries, consultationYears, continuePublishedSeries, dispatchYearFigures } from './year-figures.ts';
import { cumulative, peopleFromCountries, yearFigure, type SeminarData } from './seminars.ts';
import { delegationLabel, delegationYears, type PublishedDelegationYear } from './delegations.ts';
import { hostTypesAsOf, internationalContext, internationalDataDir, outcomeKindsAsOf, readJson, type InternationalContext, type OrganisationRow } from './international.parameters.ts';
import { internationalPolicy as policy } from './international.policy.ts';
import { internationalRepository as repo, type ConsultationRowRaw, type DispatchRow, type DispatchRowRaw, type HostOrgRow, type RenewalRow } from './international.repository.ts';
import { join } from 'node:path';

export type InternationalOptions = { today?: () => string };

const issue = (path: string, code: string, ja: string, en: string): FieldIssue => ({ path, code, message: { ja, en } });
const invalid = (...fields: FieldIssue[]) => new AppError('validation_failed', { fields });
const blocked = (...fields: FieldIssue[]) => new AppError('transition_blocked', { fields });
const stale = () =>
  new AppError('conflict', {
    subcode: 'stale_version',
    messages: { ja: '他の人が先に更新しました。画面を再読み込みしてください。', en: 'Someone else changed this first. Please reload.' },
  });
const requireActor = (ctx: RequestContext): Actor => {
  if (!ctx.actor) throw new AppError('unauthenticated');
  return ctx.actor;
};

// ---------------------------------------------------------------- data files

const seminarsFile = () =>
  readJson<{ courses: SeminarCourse[]; published: SeminarPublishedYear[]; baselines: SeminarBaseline[] }>(join(internationalDataDir, 'seminars.json'));
const delegationsFile = () => readJson<{ published: PublishedDelegationYear[] }>(join(internationalDataDir, 'delegations.json'));

export const networkLabels = [
  { code: 'accsm_plus3', ja: 'ACCSM+3（ASEAN+3 公務員協力会議）', en: 'ACCSM+3 (ASEAN Cooperation on Civil Service Matters plus Three)' },
  { code: 'china_japan_korea', ja: '日中韓人事行政ネットワーク', en: 'China–Japan–Korea public personnel administration network' },
];
export const networkEventKindLabels = [
  { code: 'meeting', ja: '会議', en: 'Meeting' },
  { code: 'symposium', ja: 'シンポジウム', en: 'Symposium' },
  { code: 'workshop', ja: 'ワークショップ', en: 'Workshop' },
  { code: 'joint_training', ja: '合同研修', en: 'Joint training' },
  { code: 'other', ja: 'その他', en: 'Other' },
];

// ---------------------------------------------------------------- mapping

const hostOrgView = (h: HostOrgRow): IntlOrganisation => ({
  id: h.id,
  code: h.code,
  name: { ja: h.nameJa, en: h.nameEn },
  hostType: h.hostType as IntlOrganisation['hostType'],
  region: h.regionCode,
  seat: h.seat,
  source: h.source,
  active: h.active,
  version: h.version,
});
const asOrganisationRow = (h: HostOrgRow): OrganisationRow => ({
  code: h.code,
  name_ja: h.nameJa,
  name_en: h.nameEn,
  host_type: h.hostType as OrganisationRow['host_type'],
  region: h.regionCode,
  seat: h.seat ?? '',
  source: h.source,
});

const stepOf = (s: string): 'initial' | number => (s === 'initial' ? 'initial' : Number(s));

/** The domain's view of a stored dispatch. */
function toDomain(d: DispatchRowRaw, renewals: readonly RenewalRow[], hosts: ReadonlyMap<number, HostOrgRow>): Dispatch {
  const host = d.hostOrganisationId != null ? hosts.get(d.hostOrganisationId) : undefined;
  return {
    id: String(d.id),
    personId: String(d.personId),
    ministry: String(d.sendingOrganisationId),
    organisationCode: host?.code ?? null,
    hostName: d.hostName ?? host?.nameJa ?? undefined,
    hostType: d.hostType as Dispatch['hostType'],
    region: d.regionCode,
    post: d.post ?? undefined,
    start: d.startDate,
    plannedEnd: d.plannedEnd,
    renewals: renewals.filter((r) => r.dispatchId === d.id).sort((a, b) => a.seq - b.seq).map((r) => ({ plannedEnd: r.plannedEnd, decidedOn: r.decidedOn })),
    actualEnd: d.actualEnd,
    outcome: d.outcome as Dispatch['outcome'],
    consentRecorded: d.consentRecordedOn != null,
    status: d.state as Dispatch['status'],
  };
}
const consultationDomain = (c: ConsultationRowRaw): Consultation => ({
  id: String(c.id),
  dispatchId: String(c.dispatchId),
  step: stepOf(c.step),
  filedOn: c.filedOn,
  reason: c.reason,
  answer: c.answer as Consultation['answer'],
  answeredOn: c.answeredOn,
  plannedEnd: c.plannedEnd,
});

const checkView = (c: FiveYearCheck, d: Dispatch, consultations: readonly Consultation[]): IntlFiveYearCheck => ({
  step: c.step,
  periodStart: c.periodStart,
  lastDayWithin: c.lastDayWithin,
  crossesOn: c.crossesOn,
  plannedEnd: c.plannedEnd,
  total: c.total,
  consultationRequired: c.consultationRequired,
  consulted: agreedConsultation(d, c.step, consultations) != null,
  thresholdYears: c.thresholdYears,
});

const personName = (r: { personFamily: string; personGiven: string }) => `${r.personFamily} ${r.personGiven}`;

export function createInternationalService(database: Database, opts: InternationalOptions = {}) {
  const db = database.db;
  const today = opts.today ?? (() => todayInJapan());

  // ---------------------------------------------------------------- context

  /** Stores the starter list of host organisations the first time (idempotent). */
  async function ensureHosts(x: Executor = db) {
    if ((await repo.hostOrgCount(x)) > 0) return;
    const starter = internationalContext().organisations;
    await repo.insertHostOrgs(
      x,
      starter.map((o) => ({ code: o.code, nameJa: o.name_ja, nameEn: o.name_en, hostType: o.host_type, regionCode: o.region, seat: o.seat || null, source: o.source })),
    );
  }
  async function contextOf(x: Executor, seed = true): Promise<{ ctx: InternationalContext; hosts: Map<number, HostOrgRow> }> {
    // reads of figures never write: without stored hosts there are no dispatches either
    if (seed) await ensureHosts(x);
    const rows = await repo.hostOrgs(x);
    const base = internationalContext();
    return { ctx: { ...base, organisations: rows.map(asOrganisationRow) }, hosts: new Map(rows.map((h) => [h.id, h])) };
  }

  /** Every dispatch of these officials in the domain's form, with every consultation about them. */
  async function peopleDispatches(x: Executor, personIds: number[], hosts: Map<number, HostOrgRow>) {
    const raw = await repo.dispatchesOfPeople(x, [...new Set(personIds)]);
    const ids = raw.map((r) => r.id);
    const [renewals, consultations] = await Promise.all([repo.renewalsOf(x, ids), repo.consultationsOf(x, ids)]);
    return { raw, dispatches: raw.map((r) => toDomain(r, renewals, hosts)), consultations: consultations.map(consultationDomain), consultationRows: consultations, renewals };
  }

  function summaryOf(row: DispatchRow, d: Dispatch, all: readonly Dispatch[], consultations: readonly Consultation[], ctx: InternationalContext): IntlDispatchSummary {
    const checks = stepChecks(d, all, ctx);
    const required = checks.filter((c) => c.consultationRequired);
    return {
      id: row.d.id,
      person: { id: row.d.personId, name: personName(row) },
      sendingOrganisation: { id: row.d.sendingOrganisationId, code: row.orgCode, name: { ja: row.orgNameJa, en: row.orgNameEn } },
      hostOrganisation: row.d.hostOrganisationId != null ? { id: row.d.hostOrganisationId, code: row.hostCode!, name: { ja: row.hostNameJa!, en: row.hostNameEn! } } : null,
      hostName: row.d.hostName,
      hostType: row.d.hostType as IntlDispatchSummary['hostType'],
      region: row.d.regionCode,
      post: row.d.post,
      start: row.d.startDate,
      plannedEnd: row.d.plannedEnd,
      currentPlannedEnd: currentPlannedEnd(d),
      actualEnd: row.d.actualEnd,
      outcome: row.d.outcome as IntlDispatchSummary['outcome'],
      state: row.d.state as IntlDispatchSummary['state'],
      crossesOn: checks[0]!.crossesOn,
      consultationRequired: required.length > 0,
      consulted: required.length > 0 && required.every((c) => agreedConsultation(d, c.step, consultations) != null),
      version: row.d.version,
    };
  }

  async function detailOf(x: Executor, id: number): Promise<IntlDispatchDetail> {
    const row = await repo.dispatchById(x, id);
    if (!row) throw new AppError('not_found');
    const { ctx, hosts } = await contextOf(x);
    const p = await peopleDispatches(x, [row.d.personId], hosts);
    const d = p.dispatches.find((z) => z.id === String(id))!;
    const checks = stepChecks(d, p.dispatches, ctx);
    const mine = p.consultationRows.filter((c) => c.dispatchId === id);
    const names = await repo.accountNames(x, [...mine.flatMap((c) => [c.filedBy, c.answeredBy])].filter((v): v is number => v != null));
    let blockers: FieldIssue[] = [];
    if (row.d.state === 'draft') blockers = canActivate(d, p.dispatches, p.consultations, ctx).issues;
    return {
      ...summaryOf(row, d, p.dispatches, p.consultations, ctx),
      consentRecordedOn: row.d.consentRecordedOn,
      consentRecordedBy: row.consentByName,
      note: row.d.note,
      renewals: p.renewals.filter((r) => r.dispatchId === id).map((r) => ({ seq: r.seq, plannedEnd: r.plannedEnd, decidedOn: r.decidedOn })),
      consultations: mine.map((c) => consultationView(c, names)),
      checks: checks.map((c) => checkView(c, d, p.consultations)),
      blockers,
    };
  }

  const consultationView = (c: ConsultationRowRaw, names: Map<number, string>, extra: Partial<IntlConsultation> = {}): IntlConsultation => ({
    id: c.id,
    dispatchId: c.dispatchId,
    step: stepOf(c.step),
    plannedEnd: c.plannedEnd,
    reason: c.reason,
    filedOn: c.filedOn,
    filedBy: c.filedBy != null ? names.get(c.filedBy) ?? null : null,
    answer: c.answer as IntlConsultation['answer'],
    answeredOn: c.answeredOn,
    answeredBy: c.answeredBy != null ? names.get(c.answeredBy) ?? null : null,
    note: c.note,
    version: c.version,
    ...extra,
  });

  /** A dispatch the actor may see (404 otherwise). */
  async function visibleDispatch(x: Executor, actor: Actor, id: number) {
    const row = await repo.dispatchById(x, id);
    if (!row || !policy.seesDispatch(actor, row.d)) throw new AppError('not_found');
    return row;
  }

  const overlapFromDb = () =>
    invalid(
      issue('start', 'international.overlapping_dispatch', 'この職員は既に別の派遣の期間中です。同じ職員を同時に2つの派遣に登録することはできません。',
        'This official is already on another dispatch; an official cannot be on two dispatches at once.'),
    );

  /** Runs a write; a unique violation of "one active dispatch per official" becomes the overlap message. */
  async function write<T>(fn: (tx: Parameters<Parameters<typeof inTransaction>[1]>[0]) => Promise<T>): Promise<T> {
    try {
      return await inTransaction(db, fn);
    } catch (e) {
      if (sqlState(e) === '23505') throw overlapFromDb();
      throw e;
    }
  }

  // ---------------------------------------------------------------- input → row

  async function resolveInput(
    x: Executor, actor: Actor, input: Partial<IntlDispatchInput>, base: DispatchRowRaw | null, hosts: Map<number, HostOrgRow>,
  ) {
    const fields: FieldIssue[] = [];
    const personId = input.personId ?? base?.personId;
    const sendingOrganisationId = input.sendingOrganisationId ?? base?.sendingOrganisationId ?? actor.organisationId ?? undefined;
    if (sendingOrganisationId == null)
      fields.push(issue('sendingOrganisationId', 'international.sending_organisation_required', '派遣元府省を選んでください。', 'Choose the sending ministry.'));
    else if (!policy.registersFor(actor, sendingOrganisationId))
      fields.push(issue('sendingOrganisationId', 'international.not_own_organisation', '自府省の職員の派遣のみ登録できます。', 'You can register dispatches of your own organisation only.'));
    else if (!(await repo.organisation(x, sendingOrganisationId)))
      fields.push(issue('sendingOrganisationId', 'international.unknown_sending_organisation', '派遣元府省が見つかりません。', 'The sending ministry does not exist.'));
    const person = personId != null ? await repo.person(x, personId) : undefined;
    if (!person) fields.push(issue('personId', 'international.unknown_person', '職員が見つかりません。', 'The official does not exist.'));
    else if (person.kind !== 'official')
      fields.push(issue('personId', 'international.not_official', '派遣法による派遣は国家公務員のみ登録できます。', 'Only officials (国家公務員) can be dispatched under 派遣法.'));
    else if (sendingOrganisationId != null && person.organisationId != null && person.organisationId !== sendingOrganisationId)
      fields.push(issue('personId', 'international.person_other_organisation', 'この職員は派遣元府省の職員ではありません。', 'This official does not belong to the sending ministry.'));
    const hostOrganisationId = input.hostOrganisationId !== undefined ? input.hostOrganisationId : base?.hostOrganisationId ?? null;
    const host = hostOrganisationId != null ? hosts.get(hostOrganisationId) : undefined;
    if (hostOrganisationId != null && !host)
      fields.push(issue('hostOrganisationId', 'international.unknown_organisation', '派遣先機関が一覧にありません。', 'The host is not in the list of organisations.'));
    const hostName = input.hostName !== undefined ? input.hostName ?? null : base?.hostName ?? null;
    if (hostOrganisationId == null && !hostName)
      fields.push(issue('hostName', 'international.host_required', '派遣先機関を一覧から選ぶか、名称を入力してください。', 'Choose the host from the list or enter its name.'));
    const hostType = input.hostType ?? (input.hostOrganisationId !== undefined ? host?.hostType : undefined) ?? base?.hostType ?? host?.hostType;
    if (!hostType) fields.push(issue('hostType', 'international.host_type_required', '派遣先機関の種類を選んでください。', 'Choose the kind of host body.'));
    const region = input.region ?? (input.hostOrganisationId !== undefined ? host?.regionCode : undefined) ?? base?.regionCode ?? host?.regionCode;
    if (!region) fields.push(issue('region', 'international.region_required', '派遣先の地域を選んでください。', 'Choose the region.'));
    const start = input.start ?? base?.startDate;
    const plannedEnd = input.plannedEnd ?? base?.plannedEnd;
    const consentRecordedOn = input.consentRecordedOn !== undefined ? input.consentRecordedOn ?? null : base?.consentRecordedOn ?? null;
    return {
      fields,
      values: {
        personId: personId!,
        sendingOrganisationId: sendingOrganisationId!,
        hostOrganisationId,
        hostName,
        hostType: hostType ?? 'international_organisation',
        regionCode: region ?? '',
        post: input.post !== undefined ? input.post ?? null : base?.post ?? null,
        startDate: start!,
        plannedEnd: plannedEnd!,
        currentPlannedEnd: plannedEnd!,
        consentRecordedOn,
        note: input.note !== undefined ? input.note ?? null : base?.note ?? null,
      },
      host,
    };
  }

  // ---------------------------------------------------------------- dispatch registry

  async function createDispatch(rc: RequestContext, input: IntlDispatchInput): Promise<IntlDispatchDetail> {
    const actor = requireActor(rc);
    const id = await write(async (tx) => {
      const { ctx, hosts } = await contextOf(tx);
      const r = await resolveInput(tx, actor, input, null, hosts);
      if (r.fields.length) throw invalid(...r.fields);
      await repo.lockPerson(tx, r.values.personId);
      const p = await peopleDispatches(tx, [r.values.personId], hosts);
      const draft: Dispatch = {
        id: 'new', personId: String(r.values.personId), organisationCode: r.host?.code ?? null, hostName: r.values.hostName ?? r.host?.nameJa,
        hostType: r.values.hostType as Dispatch['hostType'], region: r.values.regionCode, start: r.values.startDate, plannedEnd: r.values.plannedEnd,
        renewals: [], consentRecorded: r.values.consentRecordedOn != null, status: 'draft',
      };
      const issues = validateDispatch(draft, p.dispatches, ctx);
      if (issues.length) throw invalid(...issues);
      const row = await repo.insertDispatch(tx, {
        ...r.values,
        state: 'draft',
        consentRecordedBy: r.values.consentRecordedOn ? actor.accountId : null,
        createdBy: actor.accountId,
      });
      await writeAudit(tx, rc, { action: 'intl_dispatch.create', recordType: 'intl_dispatch', recordId: row.id, before: null, after: r.values });
      return row.id;
    });
    return detailOf(db, id);
  }

  async function patchDispatch(rc: RequestContext, id: number, input: IntlDispatchPatch): Promise<IntlDispatchDetail> {
    const actor = requireActor(rc);
    await write(async (tx) => {
      const row = await visibleDispatch(tx, actor, id);
      if (row.d.version !== input.version) throw stale();
      if (row.d.state !== 'draft')
        throw blocked(issue('state', 'international.not_draft', '登録中（未開始）の派遣のみ変更できます。更新・終了の操作を使ってください。', 'Only a draft dispatch can be edited; use renewal or end.'));
      const { ctx, hosts } = await contextOf(tx);
      const { version: _v, ...changes } = input;
      const r = await resolveInput(tx, actor, changes, row.d, hosts);
      if (r.fields.length) throw invalid(...r.fields);
      await repo.lockPerson(tx, r.values.personId);
      const p = await peopleDispatches(tx, [r.values.personId], hosts);
      const d: Dispatch = {
        id: String(id), personId: String(r.values.personId), organisationCode: r.host?.code ?? null, hostName: r.values.hostName ?? r.host?.nameJa,
        hostType: r.values.hostType as Dispatch['hostType'], region: r.values.regionCode, start: r.values.startDate, plannedEnd: r.values.plannedEnd,
        renewals: [], consentRecorded: r.values.consentRecordedOn != null, status: 'draft',
      };
      const issues = validateDispatch(d, p.dispatches, ctx);
      if (issues.length) throw invalid(...issues);
      const consentChanged = r.values.consentRecordedOn !== row.d.consentRecordedOn;
      const updated = await repo.updateDispatch(tx, id, input.version, {
        ...r.values,
        ...(consentChanged ? { consentRecordedBy: r.values.consentRecordedOn ? actor.accountId : null } : {}),
      });
      if (!updated) throw stale();
      await writeAudit(tx, rc, { action: 'intl_dispatch.update', recordType: 'intl_dispatch', recordId: id, before: row.d, after: changes });
    });
    return detailOf(db, id);
  }

  /** Loads a dispatch for a transition: visible, current version, with the person's others and the context. */
  async function forTransition(tx: Executor, actor: Actor, id: number, version: number) {
    const row = await visibleDispatch(tx, actor, id);
    if (row.d.version !== version) throw stale();
    await repo.lockPerson(tx, row.d.personId);
    const { ctx, hosts } = await contextOf(tx);
    const p = await peopleDispatches(tx, [row.d.personId], hosts);
    const d = p.dispatches.find((z) => z.id === String(id))!;
    return { row, ctx, p, d };
  }

  async function activate(rc: RequestContext, id: number, version: number): Promise<IntlDispatchDetail> {
    const actor = requireActor(rc);
    await write(async (tx) => {
      const { row, ctx, p, d } = await forTransition(tx, actor, id, version);
      const decision = canActivate(d, p.dispatches, p.consultations, ctx);
      const err = decisionError(decision);
      if (err) throw err;
      const updated = await repo.updateDispatch(tx, id, version, { state: 'active' });
      if (!updated) throw stale();
      await writeAudit(tx, rc, { action: 'intl_dispatch.activate', recordType: 'intl_dispatch', recordId: id, before: { state: row.d.state }, after: { state: 'active' } });
    });
    return detailOf(db, id);
  }

  async function renew(rc: RequestContext, id: number, input: IntlRenewalInput): Promise<IntlDispatchDetail> {
    const actor = requireActor(rc);
    await write(async (tx) => {
      const { row, ctx, p, d } = await forTransition(tx, actor, id, input.version);
      const renewal = { plannedEnd: input.plannedEnd, decidedOn: input.decidedOn ?? null };
      const err = decisionError(canRenew(d, renewal, p.dispatches, p.consultations, ctx));
      if (err) throw err;
      const seq = (d.renewals ?? []).length;
      await repo.insertRenewal(tx, { dispatchId: id, seq, plannedEnd: input.plannedEnd, decidedOn: input.decidedOn ?? null, createdBy: actor.accountId });
      const updated = await repo.updateDispatch(tx, id, input.version, { currentPlannedEnd: input.plannedEnd });
      if (!updated) throw stale();
      await writeAudit(tx, rc, { action: 'intl_dispatch.renew', recordType: 'intl_dispatch', recordId: id, before: { currentPlannedEnd: row.d.currentPlannedEnd }, after: { seq, ...renewal } });
    });
    return detailOf(db, id);
  }

  async function end(rc: RequestContext, id: number, input: IntlEndInput): Promise<IntlDispatchDetail> {
    const actor = requireActor(rc);
    await write(async (tx) => {
      const { row, ctx, p, d } = await forTransition(tx, actor, id, input.version);
      if (row.d.state !== 'active')
        throw blocked(issue('state', 'international.not_active', '派遣中の派遣のみ終了できます。', 'Only an active dispatch can be ended.'));
      const ended: Dispatch = { ...d, actualEnd: input.actualEnd, outcome: input.outcome, status: 'ended' };
      const issues = validateDispatch(ended, p.dispatches, ctx);
      if (issues.length) throw invalid(...issues);
      const updated = await repo.updateDispatch(tx, id, input.version, { state: 'ended', actualEnd: input.actualEnd, outcome: input.outcome });
      if (!updated) throw stale();
      await writeAudit(tx, rc, { action: 'intl_dispatch.end', recordType: 'intl_dispatch', recordId: id, before: { state: row.d.state }, after: { state: 'ended', actualEnd: input.actualEnd, outcome: input.outcome } });
    });
    return detailOf(db, id);
  }

  async function cancel(rc: RequestContext, id: number, version: number): Promise<IntlDispatchDetail> {
    const actor = requireActor(rc);
    await write(async (tx) => {
      const row = await visibleDispatch(tx, actor, id);
      if (row.d.version !== version) throw stale();
      if (row.d.state !== 'draft')
        throw blocked(issue('state', 'international.not_draft', '登録中（未開始）の派遣のみ取り消せます。', 'Only a draft dispatch can be cancelled.'));
      const updated = await repo.updateDispatch(tx, id, version, { state: 'cancelled' });
      if (!updated) throw stale();
      await writeAudit(tx, rc, { action: 'intl_dispatch.cancel', recordType: 'intl_dispatch', recordId: id, before: { state: 'draft' }, after: { state: 'cancelled' } });
    });
    return detailOf(db, id);
  }

  async function checkDispatch(rc: RequestContext, input: IntlDispatchInput) {
    const actor = requireActor(rc);
    const { ctx, hosts } = await contextOf(db);
    const r = await resolveInput(db, actor, input, null, hosts);
    if (r.fields.length) return { issues: r.fields, checks: [] };
    const p = await peopleDispatches(db, [r.values.personId], hosts);
    const d: Dispatch = {
      id: 'new', personId: String(r.values.personId), organisationCode: r.host?.code ?? null, hostName: r.values.hostName ?? r.host?.nameJa,
      hostType: r.values.hostType as Dispatch['hostType'], region: r.values.regionCode, start: r.values.startDate, plannedEnd: r.values.plannedEnd,
      renewals: [], consentRecorded: r.values.consentRecordedOn != null, status: 'draft',
    };
    const issues = validateDispatch(d, p.dispatches, ctx);
    const checks = issues.some((i) => i.code === 'international.before_dispatch_law' || i.code === 'international.end_before_start') ? [] : stepChecks(d, p.dispatches, ctx);
    return { issues, checks: checks.map((c) => checkView(c, d, [])) };
  }

  function filterOf(actor: Actor, q: Partial<IntlDispatchQuery>) {
    const scope = policy.scopeOrganisation(actor);
    return {
      state: q.state,
      sendingOrganisationId: scope ?? q.sendingOrganisationId,
      hostOrganisationId: q.hostOrganisationId,
      hostType: q.hostType,
      region: q.region,
      fyStart: q.fiscalYear != null ? `${q.fiscalYear}-04-01` : undefined,
      fyEnd: q.fiscalYear != null ? fiscalYearEnd(q.fiscalYear) : undefined,
      q: q.q?.trim() || undefined,
    };
  }

  async function summaries(rows: DispatchRow[]) {
    const { ctx, hosts } = await contextOf(db);
    const p = await peopleDispatches(db, rows.map((r) => r.d.personId), hosts);
    return rows.map((r) => summaryOf(r, p.dispatches.find((d) => d.id === String(r.d.id))!, p.dispatches, p.consultations, ctx));
  }

  async function listDispatches(rc: RequestContext, q: IntlDispatchQuery) {
    const actor = requireActor(rc);
    const { rows, total } = await repo.dispatchPage(db, filterOf(actor, q), q.page, q.pageSize);
    const items = await summaries(rows);
    if (items.length)
      await inTransaction(db, (tx) => writeAudit(tx, rc, { action: 'intl_dispatch.list', recordType: 'intl_dispatch', before: null, after: { ids: items.map((i) => i.id), query: q } }));
    return { items, total, page: q.page, pageSize: q.pageSize };
  }

  async function exportDispatches(rc: RequestContext, q: IntlDispatchQuery) {
    const actor = requireActor(rc);
    const rows = await repo.dispatchesAll(db, filterOf(actor, q));
    const items = await summaries(rows);
    await inTransaction(db, (tx) => writeAudit(tx, rc, { action: 'intl_dispatch.export', recordType: 'intl_dispatch', before: null, after: { count: items.length, query: q } }));
    return items;
  }

  async function getDispatch(rc: RequestContext, id: number): Promise<IntlDispatchDetail> {
    const actor = requireActor(rc);
    await visibleDispatch(db, actor, id);
    const detail = await detailOf(db, id);
    await inTransaction(db, (tx) => writeAudit(tx, rc, { action: 'intl_dispatch.read', recordType: 'intl_dispatch', recordId: id, before: null, after: { personId: detail.person.id } }));
    return detail;
  }

  // ---------------------------------------------------------------- consultations

  async function fileConsultation(rc: RequestContext, dispatchId: number, input: IntlConsultationInput): Promise<IntlConsultation> {
    const actor = requireActor(rc);
    const id = await write(async (tx) => {
      const { row, d } = await forTransition(tx, actor, dispatchId, input.version);
      if (row.d.state !== 'draft' && row.d.state !== 'active')
        throw blocked(issue('state', 'international.consultation_closed_dispatch', '終了または取消しの派遣については協議できません。', 'A consultation cannot be filed for an ended or cancelled dispatch.'));
      const step = input.step;
      const nextRenewal = typeof step === 'number' && step === (d.renewals ?? []).length;
      const plannedEnd = input.plannedEnd ?? (nextRenewal ? undefined : step === 'initial' || step < (d.renewals ?? []).length ? plannedEndAt(d, step) : undefined);
      if (!plannedEnd)
        throw invalid(issue('plannedEnd', 'international.consultation_planned_end_required', '協議の対象となる更新後の派遣終了予定日を入力してください。', 'Enter the renewed planned end the consultation is about.'));
      const filedOn = input.filedOn ?? today();
      const c: Consultation = { id: 'new', dispatchId: String(dispatchId), step, filedOn, reason: input.reason, answer: 'pending', plannedEnd };
      const issues = validateConsultation(c, d);
      if (plannedEnd < d.start)
        issues.push(issue('plannedEnd', 'international.end_before_start', '派遣終了予定日が派遣開始日より前です。', 'The planned end is before the start.'));
      if (issues.length) throw invalid(...issues);
      const saved = await repo.insertConsultation(tx, { dispatchId, step: String(step), plannedEnd, reason: input.reason, filedOn, filedBy: actor.accountId });
      await writeAudit(tx, rc, { action: 'intl_consultation.file', recordType: 'intl_consultation', recordId: saved.id, before: null, after: { dispatchId, step, plannedEnd, filedOn } });
      return saved.id;
    });
    return consultationById(id);
  }

  async function consultationById(id: number): Promise<IntlConsultation> {
    const c = await repo.consultationById(db, id);
    if (!c) throw new AppError('not_found');
    const names = await repo.accountNames(db, [c.filedBy, c.answeredBy].filter((v): v is number => v != null));
    return consultationView(c, names);
  }

  async function answerConsultation(rc: RequestContext, id: number, input: IntlConsultationAnswerInput): Promise<IntlConsultation> {
    const actor = requireActor(rc);
    if (!policy.manages(actor)) throw new AppError('forbidden');
    await inTransaction(db, async (tx) => {
      const c = await repo.consultationById(tx, id);
      if (!c) throw new AppError('not_found');
      if (c.version !== input.version) throw stale();
      if (c.answer !== 'pending')
        throw blocked(issue('answer', 'international.consultation_answered', 'この協議には既に回答済みです（または取り下げられています）。', 'This consultation has already been answered (or withdrawn).'));
      const answeredOn = input.answeredOn ?? today();
      if (answeredOn < c.filedOn) throw invalid(issue('answeredOn', 'international.consultation_answer_date', '回答日は協議の日以後の日を入力してください。', 'The answer date must be on or after the filing date.'));
      const updated = await repo.updateConsultation(tx, id, input.version, { answer: input.answer, answeredOn, answeredBy: actor.accountId, answeredAt: new Date().toISOString(), note: input.note ?? null });
      if (!updated) throw stale();
      await writeAudit(tx, rc, { action: 'intl_consultation.answer', recordType: 'intl_consultation', recordId: id, before: { answer: 'pending' }, after: { answer: input.answer, answeredOn, note: input.note ?? null } });
    });
    return consultationById(id);
  }

  async function withdrawConsultation(rc: RequestContext, id: number, version: number): Promise<IntlConsultation> {
    const actor = requireActor(rc);
    await inTransaction(db, async (tx) => {
      const c = await repo.consultationById(tx, id);
      if (!c) throw new AppError('not_found');
      await visibleDispatch(tx, actor, c.dispatchId);
      if (c.version !== version) throw stale();
      if (c.answer !== 'pending')
        throw blocked(issue('answer', 'international.consultation_answered', 'この協議には既に回答済みです（または取り下げられています）。', 'This consultation has already been answered (or withdrawn).'));
      const updated = await repo.updateConsultation(tx, id, version, { answer: 'withdrawn' });
      if (!updated) throw stale();
      await writeAudit(tx, rc, { action: 'intl_consultation.withdraw', recordType: 'intl_consultation', recordId: id, before: { answer: 'pending' }, after: { answer: 'withdrawn' } });
    });
    return consultationById(id);
  }

  async function listConsultations(rc: RequestContext, q: { answer?: string | undefined; fiscalYear?: number | undefined; dispatchId?: number | undefined }) {
    const actor = requireActor(rc);
    const scope = policy.scopeOrganisation(actor);
    const rows = await repo.dispatchesAll(db, scope != null ? { sendingOrganisationId: scope } : {});
    const byId = new Map(rows.map((r) => [r.d.id, r]));
    const all = (await repo.consultationsOf(db, [...byId.keys()])).filter(
      (c) => (!q.answer || c.answer === q.answer) && (q.fiscalYear == null || fiscalYearOf(c.filedOn) === q.fiscalYear) && (q.dispatchId == null || c.dispatchId === q.dispatchId),
    );
    const names = await repo.accountNames(db, all.flatMap((c) => [c.filedBy, c.answeredBy]).filter((v): v is number => v != null));
    if (all.length)
      await inTransaction(db, (tx) => writeAudit(tx, rc, { action: 'intl_consultation.list', recordType: 'intl_consultation', before: null, after: { ids: all.map((c) => c.id), query: q } }));
    return {
      items: all.map((c) => {
        const r = byId.get(c.dispatchId)!;
        return consultationView(c, names, { personName: personName(r), sendingOrganisation: { ja: r.orgNameJa, en: r.orgNameEn } });
      }),
    };
  }

  async function consultationYearsView() {
    const rows = await repo.consultationsAll(db);
    const published = (await seriesFigures(db, 'international.consultations')).items
      .filter((f) => f.measure === 'consultations' && f.dimension === '' && f.value != null)
      .map((f) => ({ fiscalYear: f.year, count: f.value!, source: `${f.source.publicationCode}${f.source.table ? ` ${f.source.table}` : ''}` }));
    // as the dispatch series: the published figures for the years they cover, the records after them
    const recordsFromFy = published.length ? Math.max(...published.map((p) => p.fiscalYear)) + 1 : rows.length ? Math.min(...rows.map((c) => fiscalYearOf(c.filedOn))) : 9999;
    return { rows: consultationYears(rows.map(consultationDomain), published, recordsFromFy), recordsFromFy };
  }

  async function upcoming(rc: RequestContext, months: number, asOf?: string) {
    const actor = requireActor(rc);
    const on = asOf ?? today();
    const scope = policy.scopeOrganisation(actor);
    const rows = (await repo.dispatchesAll(db, scope != null ? { sendingOrganisationId: scope } : {})).filter((r) => r.d.state === 'draft' || r.d.state === 'active');
    const { ctx, hosts } = await contextOf(db);
    const p = await peopleDispatches(db, rows.map((r) => r.d.personId), hosts);
    const ids = new Set(rows.map((r) => String(r.d.id)));
    const list = upcomingCrossings(p.dispatches, p.consultations, on, months, ctx).filter((u) => ids.has(u.dispatchId));
    const byId = new Map(rows.map((r) => [String(r.d.id), r]));
    if (list.length)
      await inTransaction(db, (tx) => writeAudit(tx, rc, { action: 'intl_dispatch.upcoming', recordType: 'intl_dispatch', before: null, after: { ids: list.map((u) => Number(u.dispatchId)), asOf: on, months } }));
    return {
      asOf: on,
      until: shiftMonths(on, months),
      items: list.map((u) => {
        const r = byId.get(u.dispatchId)!;
        return {
          dispatchId: r.d.id,
          personName: personName(r),
          sendingOrganisation: { ja: r.orgNameJa, en: r.orgNameEn },
          host: { ja: r.hostNameJa ?? r.d.hostName ?? '', en: r.hostNameEn ?? r.d.hostName ?? '' },
          periodStart: u.periodStart,
          crossesOn: u.crossesOn,
          currentPlannedEnd: u.currentPlannedEnd,
          kind: u.kind,
          consulted: u.consulted,
          state: r.d.state as IntlDispatchSummary['state'],
        };
      }),
    };
  }

  // ---------------------------------------------------------------- year figures

  /** Every dispatch in the domain's form (all ministries): the year figures are aggregates. */
  async function allDomainDispatches(x: Executor = db) {
    const { ctx, hosts } = await contextOf(x, false);
    const [raw, renewals] = await Promise.all([repo.dispatchesRaw(x), repo.renewalsAll(x)]);
    return { ctx, dispatches: raw.map((r) => toDomain(r, renewals, hosts)) };
  }

  async function figures(q: { fromFy?: number | undefined; toFy?: number | undefined }): Promise<IntlFigures> {
    const { ctx, dispatches } = await allDomainDispatches();
    const series = dispatchYearFigures(dispatches, ctx, { fromFy: q.fromFy, toFy: q.toFy });
    const issues = checkDispatchSeries(series);
    const asOf = series.rows.length ? fiscalYearEnd(series.rows[series.rows.length - 1]!.year) : today();
    return {
      openingStock: series.openingStock,
      rows: series.rows.map((r) => ({ fiscalYear: r.year, dispatched: r.dispatched, returned: r.returned, notResumed: r.notResumed, endOfYear: r.endOfYear, byHostType: r.byHostType, byRegion: r.byRegion, byOrganisation: r.byOrganisation })),
      issues: issues.map((i) => ({ code: i.code, year: i.year ?? null, message: { ja: i.messageJa, en: i.messageEn } })),
      hostTypes: hostTypesAsOf(ctx, asOf),
      regions: ctx.regions.map((r) => ({ code: r.code, ja: r.name_ja, en: r.name_en })),
    };
  }

  /**
   * The 資料8 series for the statistics: published figures for the years they cover, the records
   * after the last published year; where both exist, the records and the difference (records − published).
   */
  async function recordsSeries(q: { fromFy?: number | undefined; toFy?: number | undefined } = {}, x: Executor = db): Promise<IntlRecordsSeries> {
    const [published, { ctx, dispatches }] = await Promise.all([internationalSeries(x), allDomainDispatches(x)]);
    const computed = dispatchYearFigures(dispatches, ctx);
    const pubByYear = new Map(published.rows.map((r) => [r.fiscalYear, r]));
    const recByYear = new Map(computed.rows.map((r) => [r.year, r]));
    const lastPublished = published.rows.length ? Math.max(...published.rows.map((r) => r.fiscalYear)) : null;
    const lastRecords = computed.rows.length ? Math.max(...computed.rows.map((r) => r.year)) : null;
    const recordsFromFy = lastRecords == null ? null : lastPublished == null ? Math.min(...computed.rows.map((r) => r.year)) : lastRecords > lastPublished ? lastPublished + 1 : null;
    const years = [...new Set([...pubByYear.keys(), ...recByYear.keys()])].sort((a, b) => a - b).filter((y) => (q.fromFy == null || y >= q.fromFy) && (q.toFy == null || y <= q.toFy));
    const rows: IntlRecordsSeriesRow[] = years.map((y) => {
      const p = pubByYear.get(y);
      const r = recByYear.get(y);
      const rec = r ? { dispatched: r.dispatched, returned: r.returned, notResumed: r.notResumed, endOfYear: r.endOfYear } : null;
      const pub = p ? { dispatched: p.dispatched, returned: p.returned, notResumed: p.notResumed, endOfYear: p.endOfYear } : null;
      const diff = (a: number | undefined, b: number | null | undefined) => (a == null || b == null ? null : a - b);
      const main = p ?? rec!;
      return {
        fiscalYear: y,
        source: p ? 'published' : 'records',
        dispatched: main.dispatched,
        returned: main.returned,
        notResumed: main.notResumed,
        endOfYear: main.endOfYear,
        records: rec,
        published: p && rec ? pub : null,
        difference: p && rec ? { dispatched: diff(rec.dispatched, pub!.dispatched), returned: diff(rec.returned, pub!.returned), notResumed: diff(rec.notResumed, pub!.notResumed), endOfYear: diff(rec.endOfYear, pub!.endOfYear) } : null,
      };
    });
    let issues: IntlRecordsSeries['issues'] = [];
    if (recordsFromFy != null && lastPublished != null) {
      const pubRows = published.rows
        .filter((r) => r.dispatched != null && r.returned != null && r.endOfYear != null)
        .map((r) => ({ year: r.fiscalYear, dispatched: r.dispatched!, returned: r.returned!, endOfYear: r.adjustedEndOfYear ?? r.endOfYear! }));
      issues = continuePublishedSeries(pubRows, computed, recordsFromFy).issues
        .filter((i) => i.year == null || i.year >= recordsFromFy)
        .map((i) => ({ code: i.code, year: i.year ?? null, message: { ja: i.messageJa, en: i.messageEn } }));
    }
    return { recordsFromFy, rows, issues };
  }

  // ---------------------------------------------------------------- host organisations

  async function listOrganisations(q: { hostType?: string | undefined; region?: string | undefined; includeInactive?: string | undefined }) {
    await ensureHosts();
    const rows = await repo.hostOrgs(db);
    return {
      items: rows
        .filter((h) => (q.includeInactive === 'true' || h.active) && (!q.hostType || h.hostType === q.hostType) && (!q.region || h.regionCode === q.region))
        .map(hostOrgView),
    };
  }

  function orgIssues(v: { hostType?: string | undefined; region?: string | undefined }, ctx: InternationalContext): FieldIssue[] {
    const out: FieldIssue[] = [];
    if (v.region != null && !ctx.regions.some((r) => r.code === v.region))
      out.push(issue('region', 'international.unknown_region', `地域「${v.region}」は登録されていません。一覧から選んでください。`, `Unknown region "${v.region}". Choose one from the list.`));
    if (v.hostType != null && !hostTypesAsOf(ctx, today()).some((t) => t.code === v.hostType))
      out.push(issue('hostType', 'international.unknown_host_type', `派遣先機関の種類「${v.hostType}」は登録されていません。`, `Unknown kind of host body "${v.hostType}".`));
    return out;
  }

  async function createOrganisation(rc: RequestContext, input: IntlOrganisationInput): Promise<IntlOrganisation> {
    requireActor(rc);
    return inTransaction(db, async (tx) => {
      const { ctx } = await contextOf(tx);
      const issues = orgIssues(input, ctx);
      if (issues.length) throw invalid(...issues);
      if (await repo.hostOrgByCode(tx, input.code))
        throw new AppError('duplicate', { fields: [issue('code', 'international.duplicate_code', `コード「${input.code}」は既に使われています。`, `The code "${input.code}" is already in use.`)] });
      const [row] = await repo.insertHostOrgs(tx, [{ code: input.code, nameJa: input.nameJa, nameEn: input.nameEn, hostType: input.hostType, regionCode: input.region, seat: input.seat ?? null, source: input.source }]);
      if (!row) throw new AppError('duplicate');
      await writeAudit(tx, rc, { action: 'intl_host_organisation.create', recordType: 'intl_host_organisation', recordId: row.id, before: null, after: input });
      return hostOrgView(row);
    });
  }

  async function patchOrganisation(rc: RequestContext, id: number, input: IntlOrganisationPatch): Promise<IntlOrganisation> {
    requireActor(rc);
    return inTransaction(db, async (tx) => {
      const before = await repo.hostOrgById(tx, id);
      if (!before) throw new AppError('not_found');
      if (before.version !== input.version) throw stale();
      const { ctx } = await contextOf(tx);
      const issues = orgIssues(input, ctx);
      if (issues.length) throw invalid(...issues);
      const values = {
        ...(input.nameJa !== undefined ? { nameJa: input.nameJa } : {}),
        ...(input.nameEn !== undefined ? { nameEn: input.nameEn } : {}),
        ...(input.hostType !== undefined ? { hostType: input.hostType } : {}),
        ...(input.region !== undefined ? { regionCode: input.region } : {}),
        ...(input.seat !== undefined ? { seat: input.seat ?? null } : {}),
        ...(input.source !== undefined ? { source: input.source } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
      };
      const row = await repo.updateHostOrg(tx, id, input.version, values);
      if (!row) throw stale();
      await writeAudit(tx, rc, { action: 'intl_host_organisation.update', recordType: 'intl_host_organisation', recordId: id, before, after: values });
      return hostOrgView(row);
    });
  }

  function reference(): IntlReference {
    const ctx = internationalContext();
    const on = today();
    const sem = seminarsFile();
    return {
      hostTypes: hostTypesAsOf(ctx, on),
      outcomes: outcomeKindsAsOf(ctx, on).map((o) => ({ code: o.code, ja: o.ja, en: o.en, resumed: o.resumed })),
      regions: [...ctx.regions].sort((a, b) => a.sort_order - b.sort_order).map((r) => ({ code: r.code, ja: r.name_ja, en: r.name_en })),
      seminarCourses: sem.courses.map((c) => ({ code: c.code, ja: c.nameJa, en: c.nameEn, firstFy: c.firstFy, lastFy: c.lastFy, mergedInto: c.mergedInto })),
      networks: networkLabels,
      networkEventKinds: networkEventKindLabels,
      thresholdYears: ctx.params.resolve<number>('consultation.threshold_years', on).value,
    };
  }

  // ---------------------------------------------------------------- seminars

  async function seminarData(x: Executor = db): Promise<SeminarData & { sessionRows: Awaited<ReturnType<typeof repo.seminarSessions>>; participantRows: Awaited<ReturnType<typeof repo.seminarParticipants>> }> {
    const file = seminarsFile();
    const [sessionRows, participantRows] = await Promise.all([repo.seminarSessions(x), repo.seminarParticipants(x)]);
    return {
      courses: file.courses,
      published: file.published,
      baselines: file.baselines,
      sessions: sessionRows.map((s) => ({
        courseCode: s.courseCode,
        fiscalYear: s.fiscalYear,
        startDate: s.startDate,
        endDate: s.endDate,
        participants: participantRows.filter((p) => p.sessionId === s.id).map((p) => ({ country: p.country })),
      })),
      sessionRows,
      participantRows,
    };
  }

  async function seminarOverview(q: { courseCode?: string | undefined; throughFy?: number | undefined }): Promise<IntlSeminarOverview> {
    const d = await seminarData();
    const latest = Math.max(fiscalYearOf(today()) - 1, ...d.sessions.map((s) => s.fiscalYear), ...d.published.map((p) => p.fiscalYear), ...d.baselines.map((b) => b.throughFy));
    const throughFy = q.throughFy ?? latest;
    const courses = d.courses.filter((c) => !q.courseCode || c.code === q.courseCode);
    return {
      throughFy,
      courses: courses.map((c) => {
        const years: IntlSeminarOverview['courses'][number]['years'] = [];
        const last = Math.min(throughFy, c.lastFy ?? throughFy);
        for (let fy = c.firstFy; fy <= last; fy++) {
          const f = yearFigure(d, c.code, fy);
          if (f) years.push({ fiscalYear: fy, people: f.people, countries: f.countries, source: f.source, label: peopleFromCountries(f.people, f.countries, true) });
        }
        const cum = cumulative(d, c.code, throughFy);
        return {
          code: c.code,
          name: { ja: c.nameJa, en: c.nameEn },
          firstFy: c.firstFy,
          lastFy: c.lastFy,
          mergedInto: c.mergedInto,
          years,
          cumulative: cum
            ? { fromFy: cum.fromFy, throughFy: cum.throughFy, people: cum.people, countries: cum.countries, complete: cum.complete, missingYears: cum.parts.flatMap((p) => p.missingYears), label: cum.label }
            : null,
        };
      }),
    };
  }

  async function seminarSessions(q: { courseCode?: string | undefined; fiscalYear?: number | undefined }) {
    const d = await seminarData();
    return {
      items: d.sessionRows
        .filter((s) => (!q.courseCode || s.courseCode === q.courseCode) && (q.fiscalYear == null || s.fiscalYear === q.fiscalYear))
        .map((s) => ({
          id: s.id,
          courseCode: s.courseCode,
          fiscalYear: s.fiscalYear,
          startDate: s.startDate,
          endDate: s.endDate,
          lengthLabel: s.lengthLabel,
          participants: d.participantRows.filter((p) => p.sessionId === s.id).map((p) => ({ country: p.country, organisation: p.organisation, level: p.level })),
        })),
    };
  }

  async function createSeminarSession(rc: RequestContext, input: IntlSeminarSessionInput) {
    const actor = requireActor(rc);
    const course = seminarsFile().courses.find((c) => c.code === input.courseCode);
    const issues: FieldIssue[] = [];
    if (!course) issues.push(issue('courseCode', 'international.unknown_course', `研修コース「${input.courseCode}」は登録されていません。`, `Unknown course "${input.courseCode}".`));
    else if (input.fiscalYear < course.firstFy || (course.lastFy != null && input.fiscalYear > course.lastFy))
      issues.push(issue('fiscalYear', 'international.course_not_held', `${course.nameJa}は${input.fiscalYear}年度には実施されていません。`, `${course.nameEn} was not held in FY${input.fiscalYear}.`));
    if (input.startDate && input.endDate && input.endDate < input.startDate)
      issues.push(issue('endDate', 'international.end_before_start', '終了日が開始日より前です。', 'The end date is before the start date.'));
    if (input.startDate && fiscalYearOf(input.startDate) !== input.fiscalYear)
      issues.push(issue('startDate', 'international.date_outside_fiscal_year', `開始日が${input.fiscalYear}年度の期間外です。`, `The start date is outside FY${input.fiscalYear}.`));
    if (issues.length) throw invalid(...issues);
    const id = await inTransaction(db, async (tx) => {
      const s = await repo.insertSeminarSession(tx, { courseCode: input.courseCode, fiscalYear: input.fiscalYear, startDate: input.startDate ?? null, endDate: input.endDate ?? null, lengthLabel: input.lengthLabel ?? null, createdBy: actor.accountId });
      await repo.insertSeminarParticipants(tx, input.participants.map((p) => ({ sessionId: s.id, country: p.country, organisation: p.organisation ?? null, level: p.level ?? null })));
      await writeAudit(tx, rc, { action: 'intl_seminar_session.create', recordType: 'intl_seminar_session', recordId: s.id, before: null, after: input });
      return s.id;
    });
    return (await seminarSessions({})).items.find((s) => s.id === id)!;
  }

  // ---------------------------------------------------------------- fellowships

  async function fellowships(): Promise<{ items: IntlFellowship[] }> {
    const [cohorts, fellows, placements] = await Promise.all([repo.cohorts(db), repo.fellows(db), repo.placements(db)]);
    const orgs = new Map((await repo.organisationsByIds(db, [...new Set(placements.map((p) => p.organisationId))])).map((o) => [o.id, o]));
    return {
      items: cohorts.map((c) => ({
        id: c.id,
        cohortNumber: c.cohortNumber,
        fiscalYear: c.fiscalYear,
        programmeMonths: c.programmeMonths,
        arrangements: (c.arrangements as { kind: string; date?: string | null; description: string }[]).map((a) => ({ kind: a.kind, date: a.date ?? null, description: a.description })),
        fellows: fellows
          .filter((f) => f.cohortId === c.id)
          .map((f) => ({
            id: f.id,
            name: f.name,
            homeAgency: f.homeAgency,
            placements: placements
              .filter((p) => p.fellowId === f.id)
              .map((p) => ({ organisationId: p.organisationId, organisation: { ja: orgs.get(p.organisationId)?.nameJa ?? '', en: orgs.get(p.organisationId)?.nameEn ?? '' }, from: p.fromDate, to: p.toDate, note: p.note })),
          })),
        note: c.note,
      })),
    };
  }

  async function createFellowship(rc: RequestContext, input: IntlFellowshipInput): Promise<IntlFellowship> {
    requireActor(rc);
    const id = await inTransaction(db, async (tx) => {
      const issues: FieldIssue[] = [];
      if (await repo.cohortByNumber(tx, input.cohortNumber))
        issues.push(issue('cohortNumber', 'international.duplicate_cohort', `第${input.cohortNumber}期は既に登録されています。`, `Cohort ${input.cohortNumber} is already registered.`));
      const orgIds = [...new Set(input.fellows.flatMap((f) => f.placements.map((p) => p.organisationId)))];
      const known = new Set((await repo.organisationsByIds(tx, orgIds)).map((o) => o.id));
      input.fellows.forEach((f, i) =>
        f.placements.forEach((p, j) => {
          if (!known.has(p.organisationId)) issues.push(issue(`fellows.${i}.placements.${j}.organisationId`, 'international.unknown_host_ministry', '受入れ府省が見つかりません。', 'The host ministry does not exist.'));
          if (p.from && p.to && p.to < p.from) issues.push(issue(`fellows.${i}.placements.${j}.to`, 'international.end_before_start', '終了日が開始日より前です。', 'The end date is before the start date.'));
        }),
      );
      if (issues.length) throw invalid(...issues);
      const c = await repo.insertCohort(tx, { cohortNumber: input.cohortNumber, fiscalYear: input.fiscalYear, programmeMonths: input.programmeMonths ?? null, arrangements: input.arrangements, note: input.note ?? null });
      for (const f of input.fellows) {
        const fr = await repo.insertFellow(tx, { cohortId: c.id, name: f.name, homeAgency: f.homeAgency ?? null });
        await repo.insertPlacements(tx, f.placements.map((p) => ({ fellowId: fr.id, organisationId: p.organisationId, fromDate: p.from ?? null, toDate: p.to ?? null, note: p.note ?? null })));
      }
      await writeAudit(tx, rc, { action: 'intl_fellowship.create', recordType: 'intl_fellowship_cohort', recordId: c.id, before: null, after: input });
      return c.id;
    });
    return (await fellowships()).items.find((c) => c.id === id)!;
  }

  // ---------------------------------------------------------------- delegations

  async function delegations(q: { fiscalYear?: number | undefined }): Promise<IntlDelegationList> {
    const rows = await repo.delegations(db);
    const visits = rows.map((r) => ({ id: r.id, date: r.visitDate, fiscalYear: fiscalYearOf(r.visitDate), parties: r.parties as { kind: 'country' | 'organisation'; code: string }[], visitors: r.visitors, topic: r.topic, npaStaff: r.npaStaff as string[] }));
    const rec = delegationYears(visits.map((v) => ({ id: String(v.id), date: v.date, parties: v.parties, visitors: v.visitors, npaStaff: [] })));
    const recYears = new Set(rec.map((r) => r.fiscalYear));
    const years = [
      ...rec.map((r) => ({ fiscalYear: r.fiscalYear, source: 'records' as const, visits: r.visits, countries: r.countries, organisations: r.organisations, people: r.people, label: delegationLabel(r) })),
      ...delegationsFile()
        .published.filter((p) => !recYears.has(p.fiscalYear))
        .map((p) => ({
          fiscalYear: p.fiscalYear,
          source: 'published' as const,
          visits: p.visits,
          countries: p.countries,
          organisations: p.organisations,
          people: p.people,
          label:
            p.visits != null && p.countries != null
              ? delegationLabel({ visits: p.visits, countries: p.countries, organisations: p.organisations ?? 0, people: p.people })
              : p.people != null && p.countries != null
                ? {
                    ja: `${p.countries}か国・地域${p.organisations ? `及び${p.organisations}機関` : ''}から${p.people}人`,
                    en: `${p.people} people from ${p.countries} countries and regions${p.organisations ? ` and ${p.organisations} organisations` : ''}`,
                  }
                : { ja: '', en: '' },
        })),
    ].sort((a, b) => a.fiscalYear - b.fiscalYear);
    return { items: visits.filter((v) => q.fiscalYear == null || v.fiscalYear === q.fiscalYear), years };
  }

  async function createDelegation(rc: RequestContext, input: IntlDelegationInput) {
    const actor = requireActor(rc);
    const id = await inTransaction(db, async (tx) => {
      await ensureHosts(tx);
      const hostCodes = new Set((await repo.hostOrgs(tx)).map((h) => h.code));
      const issues: FieldIssue[] = [];
      input.parties.forEach((p, i) => {
        if (p.kind === 'country' && !/^[A-Z]{2}$/.test(p.code))
          issues.push(issue(`parties.${i}.code`, 'international.unknown_country', `国・地域コード「${p.code}」が正しくありません（ISO 3166-1の2文字）。`, `"${p.code}" is not a country or region code (ISO 3166-1 alpha-2).`));
        if (p.kind === 'organisation' && !hostCodes.has(p.code))
          issues.push(issue(`parties.${i}.code`, 'international.unknown_organisation', `機関「${p.code}」は一覧にありません。`, `The organisation "${p.code}" is not in the list.`));
      });
      if (issues.length) throw invalid(...issues);
      const row = await repo.insertDelegation(tx, { visitDate: input.date, parties: input.parties, visitors: input.visitors ?? null, topic: input.topic ?? null, npaStaff: input.npaStaff, createdBy: actor.accountId });
      await writeAudit(tx, rc, { action: 'intl_delegation.create', recordType: 'intl_delegation_visit', recordId: row.id, before: null, after: input });
      return row.id;
    });
    return (await delegations({})).items.find((v) => v.id === id)!;
  }

  // ---------------------------------------------------------------- network events

  async function networkEvents(q: { network?: string | undefined; fiscalYear?: number | undefined }) {
    const rows = await repo.networkEvents(db);
    return {
      items: rows
        .map((r) => ({
          id: r.id,
          network: r.network as 'accsm_plus3' | 'china_japan_korea',
          kind: r.kind as 'meeting' | 'symposium' | 'workshop' | 'joint_training' | 'other',
          startDate: r.startDate,
          endDate: r.endDate,
          fiscalYear: fiscalYearOf(r.startDate),
          place: r.place,
          theme: r.theme,
          host: r.host,
          participants: r.participants as string[],
          note: r.note,
        }))
        .filter((e) => (!q.network || e.network === q.network) && (q.fiscalYear == null || e.fiscalYear === q.fiscalYear)),
    };
  }

  async function createNetworkEvent(rc: RequestContext, input: IntlNetworkEventInput) {
    const actor = requireActor(rc);
    if (input.endDate && input.endDate < input.startDate) throw invalid(issue('endDate', 'international.end_before_start', '終了日が開始日より前です。', 'The end date is before the start date.'));
    const id = await inTransaction(db, async (tx) => {
      const row = await repo.insertNetworkEvent(tx, { ...input, endDate: input.endDate ?? null, note: input.note ?? null, createdBy: actor.accountId });
      await writeAudit(tx, rc, { action: 'intl_network_event.create', recordType: 'intl_network_event', recordId: row.id, before: null, after: input });
      return row.id;
    });
    return (await networkEvents({})).items.find((e) => e.id === id)!;
  }

  return {
    ensureHosts,
    reference,
    listOrganisations,
    createOrganisation,
    patchOrganisation,
    listDispatches,
    exportDispatches,
    getDispatch,
    createDispatch,
    patchDispatch,
    checkDispatch,
    activate,
    renew,
    end,
    cancel,
    fileConsultation,
    answerConsultation,
    withdrawConsultation,
    listConsultations,
    consultationYears: consultationYearsView,
    upcoming,
    figures,
    recordsSeries,
    seminarOverview,
    seminarSessions,
    createSeminarSession,
    fellowships,
    createFellowship,
    delegations,
    createDelegation,
    networkEvents,
    createNetworkEvent,
  };
}

export type InternationalService = ReturnType<typeof createInternationalService>;

/**
 * For the statistics module and the annual report (any executor, no writes): the 資料8 series with
 * the records after the published years, and 協議の件数 per fiscal year from the records.
 */
export async function internationalFromRecords(x: Executor, q: { fromFy?: number; toFy?: number } = {}) {
  const s = createInternationalService({ db: x } as unknown as Database);
  const series = await s.recordsSeries(q, x);
  const consultations = consultationsPerFiscalYear((await repo.consultationsAll(x)).map(consultationDomain));
  return { series, consultations };
}
