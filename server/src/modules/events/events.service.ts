// Use cases of information sessions for companies (説明会, seed 001 別添5): the center and the NPA
// prepare an event (on-site sessions with their capacity and programme, the online replay period,
// the ministries taking part), company HR registers its staff for a session or for the replay and
// may cancel, the organisers record attendance and, after the event, the contact exchanges between
// companies and ministries with their follow-up; the figures are computed from those records.
// No HTTP, no SQL here. Every change runs in one transaction with its audit row; every read that
// returns attendees' names is audited with the ids shown.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, Executor } from '../../db/client.ts';
import { inTransaction, sqlState } from '../../db/tx.ts';
import { writeAudit } from '../../platform/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { AppError, type FieldIssue } from '../../platform/errors.ts';
import { pgTimestampToIso, todayInJapan } from '../../platform/time.ts';
import { fieldMessages, type FieldMessageKey } from '../../../../common/src/messages.ts';
import type {
  AttendanceInput,
  ContactInput,
  ContactPatch,
  EventContact,
  EventFigures,
  EventInput,
  EventPatch,
  EventStatus,
  InfoEvent,
  MinistriesInput,
  Participation,
  PublicEventsQuery,
  Registration,
  RegistrationInput,
  SessionInput,
  SessionPatch,
} from '../../../../common/src/schemas/events.schema.ts';
import { loadParameters, ParameterNotInForce, type ParameterSet } from '../criteria/parameters.ts';
import { eventFigures, type FigureRecords } from './event-figures.ts';
import { eventsPolicy as policy } from './events.policy.ts';
import { eventsRepository as repo, type AttendeeRow, type ContactRow, type EventRow, type RegistrationRow, type SessionRow } from './events.repository.ts';

export const eventParametersDir = join(dirname(fileURLToPath(import.meta.url)), 'parameters');
let cachedParameters: ParameterSet | undefined;
export const eventParameters = (): ParameterSet => (cachedParameters ??= loadParameters(eventParametersDir));

export type EventsOptions = {
  clock?: Pick<Clock, 'today' | 'overridden'>;
  /** The current instant (ISO); tests may fix it. */
  now?: () => string;
  parameters?: () => ParameterSet;
};

const iso = (v: string) => pgTimestampToIso(v);
const dateInJapan = (instant: string) => new Date(Date.parse(instant) + 9 * 3_600_000).toISOString().slice(0, 10);

/** The day before `months` months after `from` (one month from 25 Nov is 25 Nov – 24 Dec). */
export function replayEnd(from: string, months: number): string {
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  const targetMonth = m - 1 + months;
  const lastDay = new Date(Date.UTC(y, targetMonth + 1, 0)).getUTCDate();
  const end = new Date(Date.UTC(y, targetMonth, Math.min(d, lastDay)) - 86_400_000);
  return end.toISOString().slice(0, 10);
}

const field = (path: string, key: FieldMessageKey): FieldIssue => ({ path, code: key, message: fieldMessages[key] });
const invalid = (...fields: FieldIssue[]) => new AppError('validation_failed', { fields });

// ---------------------------------------------------------------- refusals (codes the web shows as they are)

const sessionFull = (capacity: number, left: number, asked: number) =>
  new AppError('transition_blocked', {
    subcode: 'event_session_full',
    messages: {
      ja: `この回は満席のため申し込めません（定員${capacity}人、残り${left}席に対して${asked}人の申込み）。別の回かオンライン配信をお選びください。`,
      en: `This session is full: ${asked} ${asked === 1 ? 'person' : 'people'} asked for ${left} seat${left === 1 ? '' : 's'} left (capacity ${capacity}). Choose another session or the online replay.`,
    },
    details: { capacity, seatsLeft: left, requested: asked },
  });

const replayFull = (capacity: number, left: number, asked: number) =>
  new AppError('transition_blocked', {
    subcode: 'event_replay_full',
    messages: {
      ja: `オンライン配信の申込みは上限に達しています（上限${capacity}人、残り${left}人分に対して${asked}人の申込み）。`,
      en: `The online replay is full: ${asked} asked for ${left} place${left === 1 ? '' : 's'} left (limit ${capacity}).`,
    },
    details: { capacity, seatsLeft: left, requested: asked },
  });

const duplicateRegistration = (mode: 'onsite' | 'online') =>
  new AppError('duplicate', {
    subcode: 'event_registration_duplicate',
    messages:
      mode === 'onsite'
        ? {
            ja: '貴社はこの回に既に申し込んでいます。参加者を変える場合は、申込みを取り消してから申し込み直してください。',
            en: 'Your company has already registered for this session. To change the attendees, cancel that registration and register again.',
          }
        : {
            ja: '貴社はこの説明会のオンライン配信に既に申し込んでいます。参加者を変える場合は、申込みを取り消してから申し込み直してください。',
            en: 'Your company has already registered for this event’s online replay. To change the attendees, cancel that registration and register again.',
          },
  });

const registrationClosed = (what: 'session' | 'replay' | 'event') =>
  new AppError('conflict', {
    subcode: 'event_registration_closed',
    messages:
      what === 'session'
        ? { ja: 'この回は開始済みのため、申込み・取消しはできません。', en: 'This session has started: it can no longer be registered for or cancelled.' }
        : what === 'replay'
          ? { ja: 'この説明会のオンライン配信は申込みを受け付けていません（配信なし又は配信期間の終了）。', en: 'The online replay of this event is not taking registrations (no replay, or its period has ended).' }
          : { ja: 'この説明会は申込みを受け付けていません。', en: 'This event is not taking registrations.' },
  });

const capacityBelowRegistered = (registered: number) =>
  new AppError('conflict', {
    subcode: 'event_capacity_below_registered',
    messages: {
      ja: `定員を申込済みの人数（${registered}人）より少なくはできません。`,
      en: `The capacity cannot be set below the people already registered (${registered}).`,
    },
    details: { registered },
  });

const sessionHasRegistrations = () =>
  new AppError('conflict', {
    subcode: 'event_session_has_registrations',
    messages: { ja: '申込みのある回は削除できません（日時・会場・定員の変更はできます）。', en: 'A session with registrations cannot be deleted (its time, place and capacity can be changed).' },
  });

const contactDuplicate = () =>
  new AppError('duplicate', {
    subcode: 'event_contact_duplicate',
    messages: { ja: 'この法人とこの府省等の情報交換は既に記録されています。フォローアップの状況を更新してください。', en: 'This company’s exchange with this ministry is already recorded. Update its follow-up instead.' },
  });

// ---------------------------------------------------------------- views

type Organisation = { id: number; nameJa: string; nameEn: string };

function contactView(c: ContactRow): EventContact {
  return { ...c, followUp: c.followUp as EventContact['followUp'], createdAt: iso(c.createdAt), updatedAt: iso(c.updatedAt) };
}

export function createEventsService(database: Database, opts: EventsOptions = {}) {
  const { db } = database;
  const clock = opts.clock ?? { today: () => todayInJapan(), overridden: false };
  const parameters = opts.parameters ?? eventParameters;
  const nowInstant = opts.now ?? (() => new Date().toISOString());

  /** A session has started: by the instant, or (when a test or training clock fixes today) by its date. */
  const started = (startsAt: string) => (clock.overridden && !opts.now ? dateInJapan(iso(startsAt)) <= clock.today() : Date.parse(iso(startsAt)) <= Date.parse(nowInstant()));
  const replayOpen = (e: Pick<EventRow, 'status' | 'replayFrom' | 'replayUntil'>) =>
    e.replayFrom != null && (e.status === 'open' || e.status === 'held') && (e.replayUntil == null || clock.today() <= e.replayUntil);
  const maxAttendees = () => parameters().resolve<number>('events.max_attendees', clock.today()).value;

  const actorOf = (ctx: RequestContext): Actor => {
    if (!ctx.actor) throw new AppError('unauthenticated');
    return ctx.actor;
  };

  function sessionView(e: EventRow, s: SessionRow) {
    const registered = Number(s.registeredPeople);
    return {
      id: s.id,
      startsAt: iso(s.startsAt),
      endsAt: iso(s.endsAt),
      place: s.place,
      capacity: s.capacity,
      programme: s.programme,
      registeredPeople: registered,
      seatsLeft: Math.max(0, s.capacity - registered),
      open: e.status === 'open' && !started(s.startsAt),
    };
  }

  async function eventViews(tx: Executor, rows: EventRow[]): Promise<InfoEvent[]> {
    const ids = rows.map((r) => r.id);
    const sessions = await repo.sessionsOf(tx, ids);
    const ministries = await repo.ministriesOf(tx, ids);
    const max = maxAttendees();
    return rows.map((e) => ({
      id: e.id,
      title: e.title,
      titleEn: e.titleEn,
      description: e.description,
      descriptionEn: e.descriptionEn,
      replayFrom: e.replayFrom,
      replayUntil: e.replayUntil,
      replayCapacity: e.replayCapacity,
      replayRegisteredPeople: Number(e.replayRegisteredPeople),
      replayOpen: replayOpen(e),
      status: e.status as EventStatus,
      sessions: sessions.filter((s) => s.eventId === e.id).map((s) => sessionView(e, s)),
      ministries: ministries.filter((m) => m.eventId === e.id).map((m) => ({ organisationId: m.organisationId, nameJa: m.nameJa, nameEn: m.nameEn, participation: m.participation as Participation })),
      maxAttendees: max,
    }));
  }

  /** The event if the actor may see it (else 404). */
  async function visibleEvent(tx: Executor, actor: Actor | null, id: number) {
    const e = await repo.event(tx, id);
    if (!e || !policy.seeEvent(actor, e)) throw new AppError('not_found');
    return e;
  }

  async function registrationViews(tx: Executor, actor: Actor, rows: RegistrationRow[]): Promise<Registration[]> {
    const wantedIds = [...new Set(rows.flatMap((r) => r.wantedOrganisationIds as number[]))];
    const orgs = new Map((await repo.organisations(tx, wantedIds)).map((o) => [o.id, o]));
    return rows.map((r) => {
      const wanted = (r.wantedOrganisationIds as number[]).map((id) => orgs.get(id)).filter((o): o is Organisation => o !== undefined);
      const live = r.status === 'registered';
      const canCancel =
        live &&
        policy.cancelRegistration(actor, r) &&
        (r.mode === 'onsite' ? r.sessionStartsAt !== null && !started(r.sessionStartsAt) : r.replayUntil === null || clock.today() <= r.replayUntil);
      return {
        id: r.id,
        eventId: r.eventId,
        eventTitle: r.eventTitle,
        eventTitleEn: r.eventTitleEn,
        mode: r.mode as Registration['mode'],
        sessionId: r.sessionId,
        sessionStartsAt: r.sessionStartsAt === null ? null : iso(r.sessionStartsAt),
        sessionPlace: r.sessionPlace,
        companyId: r.companyId,
        companyName: r.companyName,
        attendees: r.attendees as AttendeeRow[],
        attendeeCount: r.attendeeCount,
        wanted: wanted.map((o) => ({ organisationId: o.id, nameJa: o.nameJa, nameEn: o.nameEn })),
        status: r.status as Registration['status'],
        attendedCount: r.attendedCount,
        createdAt: iso(r.createdAt),
        canCancel,
      };
    });
  }

  /** Audits a read that showed attendees' names. */
  const auditNamesRead = (ctx: RequestContext, action: string, after: Record<string, unknown>) =>
    inTransaction(db, (tx) => writeAudit(tx, ctx, { action, recordType: 'event_registration', after }));

  async function figuresOf(tx: Executor, eventId: number): Promise<EventFigures> {
    return eventFigures((await repo.figureRecords(tx, eventId)) as FigureRecords);
  }

  async function eventDetail(actor: Actor | null, id: number): Promise<InfoEvent> {
    const e = await visibleEvent(db, actor, id);
    return (await eventViews(db, [e]))[0]!;
  }

  /** The replay's end when only its start is given: the dated default length (events.replay_months). */
  const withReplayDefault = <T extends { replayFrom?: string | null; replayUntil?: string | null }>(v: T): T => {
    if (!v.replayFrom || v.replayUntil !== undefined) return v;
    let months: number;
    try {
      months = parameters().resolve<number>('events.replay_months', v.replayFrom).value;
    } catch (err) {
      // A replay starting before the default length was set: the end must be given (not a 500).
      if (!(err instanceof ParameterNotInForce)) throw err;
      throw new AppError('validation_failed', {
        fields: [
          {
            path: 'replayUntil',
            code: 'event.replay_until_required',
            message: {
              ja: 'この配信開始日には既定の配信期間がありません。配信終了日を入力してください。',
              en: 'No default replay length applies on this replay start date: give the replay end date.',
            },
          },
        ],
      });
    }
    return { ...v, replayUntil: replayEnd(v.replayFrom, months) };
  };

  return {
    // ---------------------------------------------------------------- public

    /** Events open to all (not those being prepared): upcoming ones (a session or the replay still ahead), past ones, or all. */
    async publicEvents(_ctx: RequestContext, q: PublicEventsQuery): Promise<{ items: InfoEvent[] }> {
      const rows = await repo.events(db, ['open', 'closed', 'held']);
      const views = await eventViews(db, rows);
      const today = clock.today();
      const upcoming = (e: InfoEvent) => e.sessions.some((s) => !started(s.startsAt)) || (e.replayFrom !== null && (e.replayUntil === null || today <= e.replayUntil));
      return { items: q.when === 'all' ? views : views.filter((e) => (q.when === 'upcoming' ? upcoming(e) : !upcoming(e))) };
    },

    event: (ctx: RequestContext, id: number) => eventDetail(ctx.actor, id),

    // ---------------------------------------------------------------- organisers (center, NPA)

    async managedEvents(_ctx: RequestContext) {
      const rows = await repo.events(db, ['planned', 'open', 'closed', 'held']);
      const views = await eventViews(db, rows);
      const items = [];
      for (const v of views) items.push({ ...v, figures: await figuresOf(db, v.id) });
      return { items: items.reverse() }; // newest first
    },

    async createEvent(ctx: RequestContext, input: EventInput): Promise<InfoEvent> {
      const actor = actorOf(ctx);
      const v = withReplayDefault(input);
      const id = await inTransaction(db, async (tx) => {
        const values = {
          title: v.title,
          titleEn: v.titleEn ?? null,
          description: v.description,
          descriptionEn: v.descriptionEn ?? null,
          replayFrom: v.replayFrom ?? null,
          replayUntil: v.replayUntil ?? null,
          replayCapacity: v.replayCapacity ?? null,
          status: v.status,
        };
        const newId = await repo.insertEvent(tx, { ...values, createdBy: actor.accountId });
        await writeAudit(tx, ctx, { action: 'event.create', recordType: 'event', recordId: newId, before: null, after: values });
        return newId;
      });
      return eventDetail(actor, id);
    },

    async updateEvent(ctx: RequestContext, id: number, patch: EventPatch): Promise<InfoEvent> {
      const actor = actorOf(ctx);
      await inTransaction(db, async (tx) => {
        await repo.lockEvent(tx, id);
        const e = await visibleEvent(tx, actor, id);
        const p = withReplayDefault(patch.replayFrom !== undefined && patch.replayUntil === undefined && e.replayUntil !== null ? { ...patch, replayUntil: e.replayUntil } : patch);
        const replayFrom = p.replayFrom !== undefined ? p.replayFrom : e.replayFrom;
        const replayUntil = p.replayUntil !== undefined ? p.replayUntil : e.replayUntil;
        if (replayUntil && !replayFrom) throw invalid(field('replayFrom', 'event.replay_from_required'));
        if (replayFrom && replayUntil && replayUntil < replayFrom) throw invalid(field('replayUntil', 'date.end_before_start'));
        const changes: Record<string, unknown> = {};
        const before: Record<string, unknown> = {};
        for (const [k, val] of Object.entries(p)) {
          if (val === undefined) continue;
          const old = (e as Record<string, unknown>)[k];
          if (old === val) continue;
          changes[k] = val;
          before[k] = old;
        }
        if (!Object.keys(changes).length) return;
        await repo.updateEvent(tx, id, changes);
        await writeAudit(tx, ctx, { action: 'event.update', recordType: 'event', recordId: id, before, after: changes });
      });
      return eventDetail(actor, id);
    },

    async addSession(ctx: RequestContext, eventId: number, input: SessionInput): Promise<InfoEvent> {
      const actor = actorOf(ctx);
      await inTransaction(db, async (tx) => {
        await visibleEvent(tx, actor, eventId);
        const values = { eventId, startsAt: input.startsAt, endsAt: input.endsAt, place: input.place, capacity: input.capacity, programme: input.programme };
        const sessionId = await repo.insertSession(tx, values);
        await writeAudit(tx, ctx, { action: 'event_session.create', recordType: 'event_session', recordId: sessionId, before: null, after: values });
      });
      return eventDetail(actor, eventId);
    },

    async updateSession(ctx: RequestContext, eventId: number, sessionId: number, patch: SessionPatch): Promise<InfoEvent> {
      const actor = actorOf(ctx);
      await inTransaction(db, async (tx) => {
        await visibleEvent(tx, actor, eventId);
        const s = await repo.lockSession(tx, eventId, sessionId);
        if (!s) throw new AppError('not_found');
        const startsAt = patch.startsAt ?? iso(s.startsAt);
        const endsAt = patch.endsAt ?? iso(s.endsAt);
        if (endsAt <= startsAt) throw invalid(field('endsAt', 'event.ends_before_start'));
        if (patch.capacity !== undefined) {
          const registered = await repo.sessionRegisteredPeople(tx, sessionId);
          if (patch.capacity < registered) throw capacityBelowRegistered(registered);
        }
        const old: Record<string, unknown> = { startsAt: iso(s.startsAt), endsAt: iso(s.endsAt), place: s.place, capacity: s.capacity, programme: s.programme };
        const changes: Record<string, unknown> = {};
        const before: Record<string, unknown> = {};
        for (const [k, val] of Object.entries(patch)) {
          if (val === undefined || old[k] === val) continue;
          changes[k] = val;
          before[k] = old[k];
        }
        if (!Object.keys(changes).length) return;
        await repo.updateSession(tx, sessionId, changes);
        await writeAudit(tx, ctx, { action: 'event_session.update', recordType: 'event_session', recordId: sessionId, before, after: changes });
      });
      return eventDetail(actor, eventId);
    },

    async deleteSession(ctx: RequestContext, eventId: number, sessionId: number): Promise<InfoEvent> {
      const actor = actorOf(ctx);
      await inTransaction(db, async (tx) => {
        await visibleEvent(tx, actor, eventId);
        const s = await repo.lockSession(tx, eventId, sessionId);
        if (!s) throw new AppError('not_found');
        if ((await repo.sessionRegistrationCount(tx, sessionId)) > 0) throw sessionHasRegistrations();
        await repo.deleteSession(tx, sessionId);
        await writeAudit(tx, ctx, {
          action: 'event_session.delete',
          recordType: 'event_session',
          recordId: sessionId,
          before: { eventId, startsAt: iso(s.startsAt), endsAt: iso(s.endsAt), place: s.place, capacity: s.capacity },
          after: null,
        });
      });
      return eventDetail(actor, eventId);
    },

    /** Replaces the set of participating ministries (意向紹介・意見交換 or 意見交換のみ). */
    async setMinistries(ctx: RequestContext, eventId: number, input: MinistriesInput): Promise<InfoEvent> {
      const actor = actorOf(ctx);
      await inTransaction(db, async (tx) => {
        await repo.lockEvent(tx, eventId);
        await visibleEvent(tx, actor, eventId);
        const known = new Set((await repo.organisations(tx, input.ministries.map((m) => m.organisationId))).map((o) => o.id));
        const unknown = input.ministries.flatMap((m, i) => (known.has(m.organisationId) ? [] : [field(`ministries.${i}.organisationId`, 'organisation.unknown')]));
        if (unknown.length) throw invalid(...unknown);
        const before = (await repo.ministriesOf(tx, [eventId])).map((m) => ({ organisationId: m.organisationId, participation: m.participation }));
        await repo.replaceMinistries(tx, eventId, input.ministries);
        await writeAudit(tx, ctx, { action: 'event_ministries.replace', recordType: 'event', recordId: eventId, before: { ministries: before }, after: { ministries: input.ministries } });
      });
      return eventDetail(actor, eventId);
    },

    /** Every registration of the event with its attendees' names (audited with the ids shown). */
    async eventRegistrations(ctx: RequestContext, eventId: number): Promise<{ items: Registration[] }> {
      const actor = actorOf(ctx);
      await visibleEvent(db, actor, eventId);
      const rows = await repo.registrationsOfEvent(db, eventId);
      const items = await registrationViews(db, actor, rows);
      await auditNamesRead(ctx, 'event_registration.list', { eventId, ids: items.map((i) => i.id) });
      return { items };
    },

    /** 出席の記録: attended (on site) or watched (online) people per registration; null clears it. */
    async recordAttendance(ctx: RequestContext, eventId: number, input: AttendanceInput): Promise<{ figures: EventFigures }> {
      const actor = actorOf(ctx);
      return inTransaction(db, async (tx) => {
        await visibleEvent(tx, actor, eventId);
        const rows = new Map((await repo.registrationsOfEvent(tx, eventId)).map((r) => [r.id, r]));
        const problems: FieldIssue[] = [];
        input.items.forEach((item, i) => {
          const r = rows.get(item.registrationId);
          if (!r) problems.push(field(`items.${i}.registrationId`, 'event.registration_unknown'));
          else if (item.attendedCount !== null && item.attendedCount > r.attendeeCount) problems.push(field(`items.${i}.attendedCount`, 'event.attended_over_registered'));
        });
        if (problems.length) throw invalid(...problems);
        const changed: { registrationId: number; before: number | null; after: number | null }[] = [];
        for (const item of input.items) {
          const r = rows.get(item.registrationId)!;
          if (r.attendedCount === item.attendedCount) continue;
          await repo.setAttendance(tx, item.registrationId, item.attendedCount);
          changed.push({ registrationId: item.registrationId, before: r.attendedCount, after: item.attendedCount });
        }
        if (changed.length) await writeAudit(tx, ctx, { action: 'event_attendance.record', recordType: 'event', recordId: eventId, before: null, after: { changed } });
        return { figures: await figuresOf(tx, eventId) };
      });
    },

    async contacts(ctx: RequestContext, eventId: number): Promise<{ items: EventContact[] }> {
      await visibleEvent(db, actorOf(ctx), eventId);
      return { items: (await repo.contactsOf(db, eventId)).map(contactView) };
    },

    /** 名刺交換・情報交換: a company and a participating ministry met; follow-up starts as recorded. */
    async addContact(ctx: RequestContext, eventId: number, input: ContactInput): Promise<EventContact> {
      const actor = actorOf(ctx);
      const id = await inTransaction(db, async (tx) => {
        await visibleEvent(tx, actor, eventId);
        const problems: FieldIssue[] = [];
        if (!(await repo.companyTookPart(tx, eventId, input.companyId))) problems.push(field('companyId', 'event.company_not_registered'));
        const ministries = await repo.ministriesOf(tx, [eventId]);
        if (!ministries.some((m) => m.organisationId === input.organisationId)) problems.push(field('organisationId', 'event.ministry_not_participating'));
        if (problems.length) throw invalid(...problems);
        const values = { eventId, companyId: input.companyId, organisationId: input.organisationId, followUp: input.followUp, note: input.note, recordedBy: actor.accountId };
        const newId = await repo.insertContact(tx, values).catch((err: unknown) => {
          if (sqlState(err) === '23505') throw contactDuplicate();
          throw err;
        });
        await writeAudit(tx, ctx, { action: 'event_contact.create', recordType: 'event_contact', recordId: newId, before: null, after: values });
        return newId;
      });
      return contactView((await repo.contact(db, eventId, id))!);
    },

    async updateContact(ctx: RequestContext, eventId: number, contactId: number, patch: ContactPatch): Promise<EventContact> {
      const actor = actorOf(ctx);
      await inTransaction(db, async (tx) => {
        await visibleEvent(tx, actor, eventId);
        const c = await repo.contact(tx, eventId, contactId);
        if (!c) throw new AppError('not_found');
        const changes: { followUp?: string; note?: string } = {};
        const before: Record<string, unknown> = {};
        if (patch.followUp !== undefined && patch.followUp !== c.followUp) {
          changes.followUp = patch.followUp;
          before.followUp = c.followUp;
        }
        if (patch.note !== undefined && patch.note !== c.note) {
          changes.note = patch.note;
          before.note = c.note;
        }
        if (!Object.keys(changes).length) return;
        await repo.updateContact(tx, contactId, changes);
        await writeAudit(tx, ctx, { action: 'event_contact.update', recordType: 'event_contact', recordId: contactId, before, after: changes });
      });
      return contactView((await repo.contact(db, eventId, contactId))!);
    },

    async figures(ctx: RequestContext, eventId: number): Promise<EventFigures> {
      await visibleEvent(db, actorOf(ctx), eventId);
      return figuresOf(db, eventId);
    },

    // ---------------------------------------------------------------- company HR

    /**
     * Registers the company's staff for an on-site session or for the online replay. Race-safe: the
     * session row (or, online, the event row) is locked first, so the seats counted after it cannot
     * change until this registration commits; the partial unique indexes back the one-per-company rule.
     */
    async register(ctx: RequestContext, eventId: number, input: RegistrationInput): Promise<Registration> {
      const actor = actorOf(ctx);
      if (!policy.register(actor)) throw new AppError('forbidden');
      const companyId = actor.companyId!;
      const max = maxAttendees();
      if (input.attendees.length > max) {
        throw invalid({
          path: 'attendees',
          code: 'event.too_many_attendees',
          message: { ja: `1回の申込みで登録できる参加者は${max}名までです。`, en: `One registration can name at most ${max} attendees.` },
        });
      }
      const asked = input.attendees.length;
      const id = await inTransaction(db, async (tx) => {
        const sessionId = input.mode === 'onsite' ? input.sessionId! : null;
        // Lock first (session row on site, event row online), then read and check.
        const session = sessionId !== null ? await repo.lockSession(tx, eventId, sessionId) : null;
        if (sessionId === null) await repo.lockEvent(tx, eventId);
        const e = await visibleEvent(tx, actor, eventId);
        if (sessionId !== null && !session) throw invalid(field('sessionId', 'event.session_required'));
        if (session) {
          if (e.status !== 'open') throw registrationClosed('event');
          if (started(session.startsAt)) throw registrationClosed('session');
        } else if (!replayOpen(e)) {
          throw registrationClosed('replay');
        }
        const talks = new Set((await repo.ministriesOf(tx, [eventId])).filter((m) => m.participation === 'talks').map((m) => m.organisationId));
        const notTalking = input.wantedOrganisationIds.flatMap((o, i) => (talks.has(o) ? [] : [field(`wantedOrganisationIds.${i}`, 'event.ministry_not_talking')]));
        if (notTalking.length) throw invalid(...notTalking);
        if (await repo.liveRegistration(tx, eventId, companyId, sessionId)) throw duplicateRegistration(input.mode);
        if (session) {
          const registered = await repo.sessionRegisteredPeople(tx, session.id);
          if (registered + asked > session.capacity) throw sessionFull(session.capacity, Math.max(0, session.capacity - registered), asked);
        } else if (e.replayCapacity !== null) {
          const registered = Number(e.replayRegisteredPeople);
          if (registered + asked > e.replayCapacity) throw replayFull(e.replayCapacity, Math.max(0, e.replayCapacity - registered), asked);
        }
        const values = {
          eventId,
          sessionId,
          mode: input.mode,
          companyId,
          accountId: actor.accountId,
          attendees: input.attendees,
          attendeeCount: asked,
          wantedOrganisationIds: input.wantedOrganisationIds,
          status: 'registered',
        };
        const newId = await repo.insertRegistration(tx, values).catch((err: unknown) => {
          if (sqlState(err) === '23505') throw duplicateRegistration(input.mode);
          throw err;
        });
        await writeAudit(tx, ctx, { action: 'event_registration.create', recordType: 'event_registration', recordId: newId, before: null, after: values });
        return newId;
      });
      const row = (await repo.registration(db, id))!;
      return (await registrationViews(db, actor, [row]))[0]!;
    },

    /** The company's own registrations, with its attendees' names (audited). */
    async ownRegistrations(ctx: RequestContext): Promise<{ items: Registration[] }> {
      const actor = actorOf(ctx);
      if (!policy.register(actor)) throw new AppError('forbidden');
      const items = await registrationViews(db, actor, await repo.registrationsOfCompany(db, actor.companyId!));
      if (items.length) await auditNamesRead(ctx, 'event_registration.own', { companyId: actor.companyId, ids: items.map((i) => i.id) });
      return { items };
    },

    async cancel(ctx: RequestContext, id: number): Promise<Registration> {
      const actor = actorOf(ctx);
      await inTransaction(db, async (tx) => {
        const r = await repo.registration(tx, id);
        if (!r || !policy.readRegistration(actor, r)) throw new AppError('not_found');
        if (!policy.cancelRegistration(actor, r)) throw new AppError('forbidden');
        if (r.status !== 'registered') {
          throw new AppError('conflict', { subcode: 'event_registration_cancelled', messages: { ja: 'この申込みは取り消し済みです。', en: 'This registration is already cancelled.' } });
        }
        if (r.mode === 'onsite' ? r.sessionStartsAt === null || started(r.sessionStartsAt) : r.replayUntil !== null && clock.today() > r.replayUntil) {
          throw registrationClosed(r.mode === 'onsite' ? 'session' : 'replay');
        }
        if (!(await repo.cancelRegistration(tx, id))) throw new AppError('conflict');
        await writeAudit(tx, ctx, { action: 'event_registration.cancel', recordType: 'event_registration', recordId: id, before: { status: 'registered' }, after: { status: 'cancelled' } });
      });
      const row = (await repo.registration(db, id))!;
      return (await registrationViews(db, actor, [row]))[0]!;
    },
  };
}

export type EventsService = ReturnType<typeof createEventsService>;
