// The only SQL for information sessions (説明会): events, their on-site sessions, the ministries
// taking part, company registrations with attendance, and contact exchanges after the event. It also
// reads the company and organisation names that label them.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { idArray } from '../../db/sql.ts';
import { companies, eventContacts, eventMinistries, eventRegistrations, eventSessions, infoEvents, organisations } from '../../db/schema.ts';

export type NewEvent = typeof infoEvents.$inferInsert;
export type NewSession = typeof eventSessions.$inferInsert;
export type NewRegistration = typeof eventRegistrations.$inferInsert;
export type AttendeeRow = { name: string; title: string };

const first = <T>(r: T[]): T | undefined => r[0];

const eventColumns = {
  id: infoEvents.id,
  title: infoEvents.title,
  titleEn: infoEvents.titleEn,
  description: infoEvents.description,
  descriptionEn: infoEvents.descriptionEn,
  replayFrom: infoEvents.replayFrom,
  replayUntil: infoEvents.replayUntil,
  replayCapacity: infoEvents.replayCapacity,
  status: infoEvents.status,
  createdAt: infoEvents.createdAt,
};

// Correlated subqueries name the outer table in full: drizzle writes a column of the only table in
// a select as a bare "id", which inside the subquery would mean the inner table's id.
/** People registered for a session (cancelled registrations excluded). */
const sessionPeople = sql<number>`coalesce((select sum(r.attendee_count) from ${eventRegistrations} r where r.session_id = "event_sessions"."id" and r.status = 'registered'), 0)::int`;
/** People registered for an event's online replay. */
const replayPeople = sql<number>`coalesce((select sum(r.attendee_count) from ${eventRegistrations} r where r.event_id = "info_events"."id" and r.mode = 'online' and r.status = 'registered'), 0)::int`;
/** The first session's start: events sort by it (events without sessions by their replay, then last). */
const firstStart = sql`(select min(s.starts_at) from ${eventSessions} s where s.event_id = "info_events"."id")`;

const registrationColumns = {
  id: eventRegistrations.id,
  eventId: eventRegistrations.eventId,
  eventTitle: infoEvents.title,
  eventTitleEn: infoEvents.titleEn,
  eventStatus: infoEvents.status,
  replayUntil: infoEvents.replayUntil,
  mode: eventRegistrations.mode,
  sessionId: eventRegistrations.sessionId,
  sessionStartsAt: eventSessions.startsAt,
  sessionPlace: eventSessions.place,
  companyId: eventRegistrations.companyId,
  companyName: companies.name,
  attendees: eventRegistrations.attendees,
  attendeeCount: eventRegistrations.attendeeCount,
  wantedOrganisationIds: eventRegistrations.wantedOrganisationIds,
  status: eventRegistrations.status,
  attendedCount: eventRegistrations.attendedCount,
  createdAt: eventRegistrations.createdAt,
};

function registrationsFrom(db: Executor) {
  return db
    .select(registrationColumns)
    .from(eventRegistrations)
    .innerJoin(infoEvents, eq(infoEvents.id, eventRegistrations.eventId))
    .innerJoin(companies, eq(companies.id, eventRegistrations.companyId))
    .leftJoin(eventSessions, eq(eventSessions.id, eventRegistrations.sessionId));
}

const contactColumns = {
  id: eventContacts.id,
  eventId: eventContacts.eventId,
  companyId: eventContacts.companyId,
  companyName: companies.name,
  organisationId: eventContacts.organisationId,
  nameJa: organisations.nameJa,
  nameEn: organisations.nameEn,
  followUp: eventContacts.followUp,
  note: eventContacts.note,
  createdAt: eventContacts.createdAt,
  updatedAt: eventContacts.updatedAt,
};

function contactsFrom(db: Executor) {
  return db
    .select(contactColumns)
    .from(eventContacts)
    .innerJoin(companies, eq(companies.id, eventContacts.companyId))
    .innerJoin(organisations, eq(organisations.id, eventContacts.organisationId));
}

export const eventsRepository = {
  // ---------------------------------------------------------------- events

  /** Events in the given statuses, by their first session (then id). */
  events: (db: Executor, statuses: readonly string[]) =>
    db
      .select({ ...eventColumns, replayRegisteredPeople: replayPeople })
      .from(infoEvents)
      .where(inArray(infoEvents.status, [...statuses]))
      .orderBy(sql`${firstStart} nulls last`, asc(infoEvents.replayFrom), asc(infoEvents.id))
      .limit(500),

  event: (db: Executor, id: number) =>
    db
      .select({ ...eventColumns, replayRegisteredPeople: replayPeople })
      .from(infoEvents)
      .where(eq(infoEvents.id, id))
      .limit(1)
      .then(first),

  /** Locks the event row: online registrations of one event queue behind each other (replay capacity). */
  lockEvent: (db: Executor, id: number) =>
    db.select({ id: infoEvents.id }).from(infoEvents).where(eq(infoEvents.id, id)).for('update').then(first),

  insertEvent: (db: Executor, v: NewEvent) => db.insert(infoEvents).values(v).returning({ id: infoEvents.id }).then((r) => r[0]!.id),

  updateEvent: (db: Executor, id: number, v: Partial<NewEvent>) =>
    db.update(infoEvents).set({ ...v, updatedAt: sql`now()` }).where(eq(infoEvents.id, id)).returning({ id: infoEvents.id }).then(first),

  // ---------------------------------------------------------------- sessions

  sessionsOf: (db: Executor, eventIds: readonly number[]) =>
    eventIds.length === 0
      ? Promise.resolve([])
      : db
          .select({
            id: eventSessions.id,
            eventId: eventSessions.eventId,
            startsAt: eventSessions.startsAt,
            endsAt: eventSessions.endsAt,
            place: eventSessions.place,
            capacity: eventSessions.capacity,
            programme: eventSessions.programme,
            registeredPeople: sessionPeople,
          })
          .from(eventSessions)
          .where(sql`${eventSessions.eventId} = any(${idArray(eventIds)})`)
          .orderBy(asc(eventSessions.startsAt), asc(eventSessions.id)),

  /**
   * The session row, locked until the transaction ends (SELECT … FOR UPDATE): registrations for the
   * same session wait here, so the seats counted next cannot change before this one commits.
   */
  lockSession: (db: Executor, eventId: number, sessionId: number) =>
    db
      .select({ id: eventSessions.id, eventId: eventSessions.eventId, startsAt: eventSessions.startsAt, endsAt: eventSessions.endsAt, capacity: eventSessions.capacity, place: eventSessions.place, programme: eventSessions.programme })
      .from(eventSessions)
      .where(and(eq(eventSessions.id, sessionId), eq(eventSessions.eventId, eventId)))
      .for('update')
      .then(first),

  /** People registered for a session now (call after lockSession). */
  sessionRegisteredPeople: (db: Executor, sessionId: number) =>
    db
      .select({ n: sql<number>`coalesce(sum(${eventRegistrations.attendeeCount}), 0)::int` })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.sessionId, sessionId), eq(eventRegistrations.status, 'registered')))
      .then((r) => Number(r[0]?.n ?? 0)),

  /** Registrations ever made for a session (cancelled ones too: they keep its history). */
  sessionRegistrationCount: (db: Executor, sessionId: number) =>
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(eventRegistrations)
      .where(eq(eventRegistrations.sessionId, sessionId))
      .then((r) => Number(r[0]?.n ?? 0)),

  insertSession: (db: Executor, v: NewSession) => db.insert(eventSessions).values(v).returning({ id: eventSessions.id }).then((r) => r[0]!.id),

  updateSession: (db: Executor, id: number, v: Partial<NewSession>) => db.update(eventSessions).set(v).where(eq(eventSessions.id, id)).returning({ id: eventSessions.id }).then(first),

  deleteSession: (db: Executor, id: number) => db.delete(eventSessions).where(eq(eventSessions.id, id)).returning({ id: eventSessions.id }).then(first),

  // ---------------------------------------------------------------- ministries

  ministriesOf: (db: Executor, eventIds: readonly number[]) =>
    eventIds.length === 0
      ? Promise.resolve([])
      : db
          .select({ eventId: eventMinistries.eventId, organisationId: eventMinistries.organisationId, nameJa: organisations.nameJa, nameEn: organisations.nameEn, participation: eventMinistries.participation })
          .from(eventMinistries)
          .innerJoin(organisations, eq(organisations.id, eventMinistries.organisationId))
          .where(sql`${eventMinistries.eventId} = any(${idArray(eventIds)})`)
          .orderBy(asc(organisations.sortOrder), asc(organisations.id)),

  async replaceMinistries(db: Executor, eventId: number, rows: readonly { organisationId: number; participation: string }[]) {
    await db.delete(eventMinistries).where(eq(eventMinistries.eventId, eventId));
    if (rows.length) await db.insert(eventMinistries).values(rows.map((r) => ({ eventId, organisationId: r.organisationId, participation: r.participation })));
  },

  /** Which of these organisation ids exist, with their names. */
  organisations: (db: Executor, ids: readonly number[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : db
          .select({ id: organisations.id, nameJa: organisations.nameJa, nameEn: organisations.nameEn })
          .from(organisations)
          .where(sql`${organisations.id} = any(${idArray(ids)})`),

  // ---------------------------------------------------------------- registrations

  /** The company's live registration for a session, or for the event's replay (sessionId null). */
  liveRegistration: (db: Executor, eventId: number, companyId: number, sessionId: number | null) =>
    db
      .select({ id: eventRegistrations.id })
      .from(eventRegistrations)
      .where(
        and(
          eq(eventRegistrations.eventId, eventId),
          eq(eventRegistrations.companyId, companyId),
          eq(eventRegistrations.status, 'registered'),
          sessionId === null ? eq(eventRegistrations.mode, 'online') : eq(eventRegistrations.sessionId, sessionId),
        ),
      )
      .limit(1)
      .then(first),

  /** Whether the company has any live registration for the event (on site or online). */
  companyTookPart: (db: Executor, eventId: number, companyId: number) =>
    db
      .select({ id: eventRegistrations.id })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.companyId, companyId), eq(eventRegistrations.status, 'registered')))
      .limit(1)
      .then((r) => r.length > 0),

  insertRegistration: (db: Executor, v: NewRegistration) => db.insert(eventRegistrations).values(v).returning({ id: eventRegistrations.id }).then((r) => r[0]!.id),

  registration: (db: Executor, id: number) => registrationsFrom(db).where(eq(eventRegistrations.id, id)).limit(1).then(first),

  /** A company's registrations, newest first. */
  registrationsOfCompany: (db: Executor, companyId: number) =>
    registrationsFrom(db).where(eq(eventRegistrations.companyId, companyId)).orderBy(desc(eventRegistrations.createdAt), desc(eventRegistrations.id)).limit(500),

  /** An event's registrations: on site by session, then online; oldest first within each. */
  registrationsOfEvent: (db: Executor, eventId: number) =>
    registrationsFrom(db)
      .where(eq(eventRegistrations.eventId, eventId))
      .orderBy(sql`${eventSessions.startsAt} nulls last`, asc(eventRegistrations.id))
      .limit(5000),

  /** Cancels a live registration; undefined if it was not live. */
  cancelRegistration: (db: Executor, id: number) =>
    db
      .update(eventRegistrations)
      .set({ status: 'cancelled', updatedAt: sql`now()` })
      .where(and(eq(eventRegistrations.id, id), eq(eventRegistrations.status, 'registered')))
      .returning({ id: eventRegistrations.id })
      .then(first),

  setAttendance: (db: Executor, id: number, attendedCount: number | null) =>
    db.update(eventRegistrations).set({ attendedCount, updatedAt: sql`now()` }).where(eq(eventRegistrations.id, id)),

  // ---------------------------------------------------------------- contacts after the event

  contactsOf: (db: Executor, eventId: number) =>
    contactsFrom(db).where(eq(eventContacts.eventId, eventId)).orderBy(asc(companies.name), asc(organisations.sortOrder), asc(eventContacts.id)).limit(5000),

  contact: (db: Executor, eventId: number, id: number) =>
    contactsFrom(db)
      .where(and(eq(eventContacts.id, id), eq(eventContacts.eventId, eventId)))
      .limit(1)
      .then(first),

  insertContact: (db: Executor, v: typeof eventContacts.$inferInsert) => db.insert(eventContacts).values(v).returning({ id: eventContacts.id }).then((r) => r[0]!.id),

  updateContact: (db: Executor, id: number, v: { followUp?: string; note?: string }) =>
    db.update(eventContacts).set({ ...v, updatedAt: sql`now()` }).where(eq(eventContacts.id, id)),

  // ---------------------------------------------------------------- figures

  /** The records the figures are computed from: registrations, ministries and contacts of one event. */
  async figureRecords(db: Executor, eventId: number) {
    const registrations = await db
      .select({
        companyId: eventRegistrations.companyId,
        mode: eventRegistrations.mode,
        status: eventRegistrations.status,
        attendeeCount: eventRegistrations.attendeeCount,
        attendedCount: eventRegistrations.attendedCount,
      })
      .from(eventRegistrations)
      .where(eq(eventRegistrations.eventId, eventId));
    const ministries = await db
      .select({ organisationId: eventMinistries.organisationId, participation: eventMinistries.participation })
      .from(eventMinistries)
      .where(eq(eventMinistries.eventId, eventId));
    const contacts = await db
      .select({ companyId: eventContacts.companyId, organisationId: eventContacts.organisationId, followUp: eventContacts.followUp })
      .from(eventContacts)
      .where(eq(eventContacts.eventId, eventId));
    return { registrations, ministries, contacts };
  },
};

export type EventsRepository = typeof eventsRepository;
export type EventRow = NonNullable<Awaited<ReturnType<typeof eventsRepository.event>>>;
export type SessionRow = Awaited<ReturnType<typeof eventsRepository.sessionsOf>>[number];
export type RegistrationRow = NonNullable<Awaited<ReturnType<typeof eventsRepository.registration>>>;
export type ContactRow = NonNullable<Awaited<ReturnType<typeof eventsRepository.contact>>>;
