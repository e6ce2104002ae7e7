// Information sessions (説明会) over the API: the center prepares an event (sessions with capacity,
// replay period, participating ministries); company HR registers (a full session is refused with
// 422 event_session_full, a second registration with 409 event_registration_duplicate, both in
// Japanese and English, nothing written); cancelling frees the seats; attendance and contact
// exchanges are recorded and the figures follow from the records; scoping (a company sees only its
// own registrations, attendees' names never reach the public pages); audit rows for changes and for
// reads of attendees' names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, desc, eq } from 'drizzle-orm';
import { auditLog, eventRegistrations } from '../../db/schema.ts';
import { createCompany, loginAs, orgId, testApp, type Session, type TestApp } from '../../test/app.ts';
import { todayInJapan } from '../../platform/time.ts';
import { expectBilingual } from '../../test/expect.ts';
import { replayEnd } from './events.service.ts';

let t: TestApp;
let center: Session;
let npa: Session;
let meti: Session;
let hrA: Session;
let hrB: Session;
let hrC: Session;
let companyA = 0;
let companyB = 0;
let companyC = 0;
let metiId = 0;
let mhlwId = 0;
let mofId = 0;
let eventId = 0;
let smallSession = 0; // capacity 3
let bigSession = 0; // capacity 50

const DAY = 86_400_000;
/** An instant `days` from now at 14:00 Japan time. */
const inDays = (days: number, hour = 14) => `${todayInJapan(Date.now() + days * DAY)}T${String(hour).padStart(2, '0')}:00`;
const auditCount = async (action: string) => Number((await t.db.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action)))[0]!.n);
const lastAudit = async (action: string) => (await t.db.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0];
const registrationRows = async () => Number((await t.db.db.select({ n: count() }).from(eventRegistrations))[0]!.n);

type EventBody = { id: number; status: string; replayFrom: string | null; replayUntil: string | null; replayOpen: boolean; sessions: { id: number; capacity: number; registeredPeople: number; seatsLeft: number; open: boolean; place: string }[]; ministries: { organisationId: number; participation: string }[] };
const publicEvent = async (id = eventId) => (await t.app.inject({ method: 'GET', url: `/api/public/events/${id}` })).json() as EventBody;
const seatsLeft = async (sessionId: number) => (await publicEvent()).sessions.find((s) => s.id === sessionId)!.seatsLeft;
const attendees = (n: number, prefix = '参加') => Array.from({ length: n }, (_, i) => ({ name: `${prefix} 太郎${i + 1}`, title: '人事部 課長' }));

beforeAll(async () => {
  t = await testApp();
  metiId = await orgId(t, '経済産業省');
  mhlwId = await orgId(t, '厚生労働省');
  mofId = await orgId(t, '財務省');
  companyA = await createCompany(t, '説明会化学株式会社');
  companyB = await createCompany(t, '説明会物産株式会社');
  companyC = await createCompany(t, '説明会電機株式会社');
  center = await loginAs(t, 'center');
  npa = await loginAs(t, 'npa');
  meti = await loginAs(t, 'ministry_hr');
  hrA = await loginAs(t, 'company_hr', { companyId: companyA });
  hrB = await loginAs(t, 'company_hr', { companyId: companyB });
  hrC = await loginAs(t, 'company_hr', { companyId: companyC });
});
afterAll(async () => t?.close());

describe('preparing an event (center / NPA)', () => {
  it('refuses bad input with field messages in both languages, writing nothing', async () => {
    const before = await auditCount('event.create');
    const err = expectBilingual(await center.req('POST', '/api/events', { title: ' ', replayFrom: '2025-12-24', replayUntil: '2025-11-25' }), 400);
    expect(err.fields!.map((f) => `${f.path}:${f.code}`).sort()).toEqual(['replayUntil:date.end_before_start', 'title:text.required']);
    expect(await auditCount('event.create')).toBe(before);
  });

  it('creates an event; the replay ends one month after its start by default (the seed: 25 Nov – 24 Dec)', async () => {
    expect(replayEnd('2025-11-25', 1)).toBe('2025-12-24');
    expect(replayEnd('2026-01-31', 1)).toBe('2026-02-27');
    const res = await center.req('POST', '/api/events', {
      title: '官民人事交流に関する説明会',
      titleEn: 'Information session on public-private personnel exchange',
      description: '制度概要の説明、交流体験談、各府省の意向紹介、意見交換',
      replayFrom: todayInJapan(),
      status: 'planned',
    });
    expect(res.statusCode, res.body).toBe(201);
    const e = res.json() as EventBody;
    eventId = e.id;
    expect(e.replayUntil).toBe(replayEnd(todayInJapan(), 1));
    expect(await lastAudit('event.create')).toMatchObject({ recordId: String(eventId), actorRole: 'center' });
  });

  it('adds sessions (capacity in people) and refuses an end before the start', async () => {
    const bad = expectBilingual(await center.req('POST', `/api/events/${eventId}/sessions`, { startsAt: inDays(10, 14), endsAt: inDays(10, 13), place: '東京会場', capacity: 0 }), 400);
    expect(bad.fields!.map((f) => f.code).sort()).toEqual(['event.capacity_range', 'event.ends_before_start']);
    const small = await center.req('POST', `/api/events/${eventId}/sessions`, { startsAt: inDays(10, 10), endsAt: inDays(10, 12), place: '東京会場 第1部', capacity: 3, programme: '① 主催者挨拶\n② 制度の概要説明' });
    expect(small.statusCode, small.body).toBe(201);
    const big = await npa.req('POST', `/api/events/${eventId}/sessions`, { startsAt: inDays(10, 14), endsAt: inDays(10, 17), place: '東京会場 第2部', capacity: 50 });
    expect(big.statusCode, big.body).toBe(201);
    const sessions = (big.json() as EventBody).sessions;
    expect(sessions.map((s) => s.place)).toEqual(['東京会場 第1部', '東京会場 第2部']);
    [smallSession, bigSession] = sessions.map((s) => s.id) as [number, number];
    expect(sessions[0]).toMatchObject({ capacity: 3, registeredPeople: 0, seatsLeft: 3, open: false }); // planned: not open yet
  });

  it('sets the participating ministries, one of them for the exchange of views only', async () => {
    const twice = expectBilingual(await center.req('PUT', `/api/events/${eventId}/ministries`, { ministries: [{ organisationId: metiId, participation: 'talks' }, { organisationId: metiId, participation: 'views_only' }] }), 400);
    expect(twice.fields![0]!.code).toBe('event.ministry_twice');
    const unknown = expectBilingual(await center.req('PUT', `/api/events/${eventId}/ministries`, { ministries: [{ organisationId: 999_999, participation: 'talks' }] }), 400);
    expect(unknown.fields![0]).toMatchObject({ path: 'ministries.0.organisationId', code: 'organisation.unknown' });
    const res = await center.req('PUT', `/api/events/${eventId}/ministries`, {
      ministries: [
        { organisationId: metiId, participation: 'talks' },
        { organisationId: mhlwId, participation: 'talks' },
        { organisationId: mofId, participation: 'views_only' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as EventBody).ministries).toHaveLength(3);
    expect(await lastAudit('event_ministries.replace')).toMatchObject({ recordId: String(eventId) });
  });

  it('an event being prepared is hidden from the public and from companies, and cannot be registered for', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/public/events/${eventId}` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/events?when=all' })).json().items).toEqual([]);
    expect((await hrA.req('GET', `/api/public/events/${eventId}`)).statusCode).toBe(404);
    expect((await center.req('GET', `/api/public/events/${eventId}`)).statusCode).toBe(200);
    expect((await hrA.req('POST', `/api/events/${eventId}/registrations`, { mode: 'onsite', sessionId: smallSession, attendees: attendees(1) })).statusCode).toBe(404);
    const opened = await center.req('PATCH', `/api/events/${eventId}`, { status: 'open' });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(await lastAudit('event.update')).toMatchObject({ before: { status: 'planned' }, after: { status: 'open' } });
    const list = (await t.app.inject({ method: 'GET', url: '/api/public/events' })).json() as { items: EventBody[] };
    expect(list.items.map((e) => e.id)).toEqual([eventId]);
    expect(list.items[0]!.sessions.every((s) => s.open)).toBe(true);
    expect(list.items[0]!.replayOpen).toBe(true);
  });
});

describe('registering (company HR)', () => {
  it('registers staff for a session: seats left go down; the change is audited', async () => {
    const res = await hrA.req('POST', `/api/events/${eventId}/registrations`, { mode: 'onsite', sessionId: smallSession, attendees: attendees(2, 'A社'), wantedOrganisationIds: [metiId] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ companyId: companyA, attendeeCount: 2, status: 'registered', canCancel: true, wanted: [{ organisationId: metiId, nameJa: '経済産業省' }] });
    expect(await seatsLeft(smallSession)).toBe(1);
    expect(await lastAudit('event_registration.create')).toMatchObject({ actorRole: 'company_hr', after: { companyId: companyA, sessionId: smallSession, attendeeCount: 2 } });
  });

  it('refuses a full session with 422 event_session_full in Japanese and English, writing nothing', async () => {
    const before = await registrationRows();
    const err = expectBilingual(await hrB.req('POST', `/api/events/${eventId}/registrations`, { mode: 'onsite', sessionId: smallSession, attendees: attendees(2, 'B社') }), 422);
    expect(err.code).toBe('event_session_full');
    expect(err.message.ja).toContain('満席');
    expect(err.message.en).toContain('full');
    expect(err.details).toEqual({ capacity: 3, seatsLeft: 1, requested: 2 });
    expect(await registrationRows()).toBe(before);
    // One seat is left: one person fits; then the session is full for anyone.
    expect((await hrB.req('POST', `/api/events/${eventId}/registrations`, { mode: 'onsite', sessionId: smallSession, attendees: attendees(1, 'B社') })).statusCode).toBe(201);
    expect(await seatsLeft(smallSession)).toBe(0);
    expect(expectBilingual(await hrC.req('POST', `/api/events/${eventId}/registrations`, { mode: 'onsite', sessionId: smallSession, attendees: attendees(1, 'C社') }), 422).code).toBe('event_session_full');
  });

  it('refuses a second registration of the same company for the same session (409 event_registration_duplicate)', async () => {
    const err = expectBilingual(await hrA.req('POST', `/api/events/${eventId}/registrations`, { mode: 'onsite', sessionId: smallSession, attendees: attendees(1, 'A社') }), 409);
    expect(err.code).toBe('event_registration_duplicate');
    expect(err.message.ja).toContain('既に申し込んでいます');
    // Another session of the same event is a different registration.
    expect((await hrA.req('POST', `/api/events/${eventId}/registrations`, { mode: 'onsite', sessionId: bigSession, attendees: attendees(1, 'A社') })).statusCode).toBe(201);
  });

  it('the online replay: one registration per company', async () => {
    const res = await hrC.req('POST', `/api/events/${eventId}/registrations`, { mode: 'online', attendees: attendees(2, 'C社') });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ mode: 'online', sessionId: null });
    const again = expectBilingual(await hrC.req('POST', `/api/events/${eventId}/registrations`, { mode: 'online', attendees: attendees(1, 'C社') }), 409);
    expect(again.code).toBe('event_registration_duplicate');
    expect(again.message.en).toContain('online replay');
    expect((await publicEvent()).sessions).toBeDefined();
  });

  it('checks the rest of the input: a session for on site, ministries that take talks, at most the parameter’s attendees', async () => {
    const noSession = expectBilingual(await hrC.req('POST', `/api/events/${eventId}/registrations`, { mode: 'onsite', attendees: attendees(1) }), 400);
    expect(noSession.fields![0]).toMatchObject({ path: 'sessionId', code: 'event.session_required' });
    const nobody = expectBilingual(await hrC.req('POST', `/api/events/${eventId}/registrations`, { mode: 'onsite', sessionId: bigSession, attendees: [] }), 400);
    expect(nobody.fields![0]!.code).toBe('event.attendees_required');
    const viewsOnly = expectBilingual(await hrC.req('POST', `/api/events/${eventId}/registrations`, { mode: 'onsite', sessionId: bigSession, attendees: attendees(1), wantedOrganisationIds: [mofId] }), 400);
    expect(viewsOnly.fields![0]).toMatchObject({ path: 'wantedOrganisationIds.0', code: 'event.ministry_not_talking' });
    const tooMany = expectBilingual(await hrC.req('POST', `/api/events/${eventId}/registrations`, { mode: 'onsite', sessionId: bigSession, attendees: attendees(6) }), 400);
    expect(tooMany.fields![0]).toMatchObject({ path: 'attendees', code: 'event.too_many_attendees' });
    expect(tooMany.fields![0]!.message.ja).toContain('5名まで');
    const wrongSession = expectBilingual(await hrC.req('POST', `/api/events/${eventId}/registrations`, { mode: 'onsite', sessionId: 999_999, attendees: attendees(1) }), 400);
    expect(wrongSession.fields![0]!.path).toBe('sessionId');
  });

  it('cancelling frees the seats; the company may then register again; another company cannot cancel it', async () => {
    const mine = (await hrB.req('GET', '/api/event-registrations/mine')).json() as { items: { id: number; sessionId: number; status: string }[] };
    const b = mine.items.find((r) => r.sessionId === smallSession)!;
    expect((await hrA.req('POST', `/api/event-registrations/${b.id}/cancel`, {})).statusCode).toBe(404);
    const cancelled = await hrB.req('POST', `/api/event-registrations/${b.id}/cancel`, {});
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', canCancel: false });
    expect(await lastAudit('event_registration.cancel')).toMatchObject({ recordId: String(b.id), after: { status: 'cancelled' } });
    expect(await seatsLeft(smallSession)).toBe(1);
    expect(expectBilingual(await hrB.req('POST', `/api/event-registrations/${b.id}/cancel`, {}), 409).code).toBe('event_registration_cancelled');
    expect((await hrB.req('POST', `/api/events/${eventId}/registrations`, { mode: 'onsite', sessionId: smallSession, attendees: attendees(1, 'B社') })).statusCode).toBe(201);
    expect(await seatsLeft(smallSession)).toBe(0);
  });

  it('refuses a session that has started, and an event whose registration is closed', async () => {
    const past = await center.req('POST', `/api/events/${eventId}/sessions`, { startsAt: inDays(-1, 10), endsAt: inDays(-1, 12), place: '東京会場（昨日）', capacity: 10 });
    const pastId = (past.json() as EventBody).sessions.find((s) => s.place === '東京会場（昨日）')!.id;
    const started = expectBilingual(await hrC.req('POST', `/api/events/${eventId}/registrations`, { mode: 'onsite', sessionId: pastId, attendees: attendees(1) }), 409);
    expect(started.code).toBe('event_registration_closed');
    expect((await center.req('DELETE', `/api/events/${eventId}/sessions/${pastId}`)).statusCode).toBe(200);
    await center.req('PATCH', `/api/events/${eventId}`, { status: 'closed' });
    expect(expectBilingual(await hrC.req('POST', `/api/events/${eventId}/registrations`, { mode: 'onsite', sessionId: bigSession, attendees: attendees(1) }), 409).code).toBe('event_registration_closed');
    await center.req('PATCH', `/api/events/${eventId}`, { status: 'open' });
  });

  it('organisers cannot shrink a session below the people registered, nor delete a session with registrations', async () => {
    expect(expectBilingual(await center.req('PATCH', `/api/events/${eventId}/sessions/${smallSession}`, { capacity: 2 }), 409).code).toBe('event_capacity_below_registered');
    expect(expectBilingual(await center.req('DELETE', `/api/events/${eventId}/sessions/${smallSession}`), 409).code).toBe('event_session_has_registrations');
    const grown = await center.req('PATCH', `/api/events/${eventId}/sessions/${smallSession}`, { capacity: 4 });
    expect(grown.statusCode, grown.body).toBe(200);
    expect(await seatsLeft(smallSession)).toBe(1);
    expect(await lastAudit('event_session.update')).toMatchObject({ before: { capacity: 3 }, after: { capacity: 4 } });
  });
});

describe('scoping and the audit of attendees’ names', () => {
  it('a company sees only its own registrations; reading them is audited', async () => {
    const before = await auditCount('event_registration.own');
    const mine = (await hrA.req('GET', '/api/event-registrations/mine')).json() as { items: { companyId: number; attendees: { name: string }[] }[] };
    expect(mine.items.length).toBe(2);
    expect(mine.items.every((r) => r.companyId === companyA)).toBe(true);
    expect(await auditCount('event_registration.own')).toBe(before + 1);
  });

  it('attendees’ names never reach the public event pages; companies and ministries cannot list registrations', async () => {
    const body = (await t.app.inject({ method: 'GET', url: `/api/public/events/${eventId}` })).body;
    expect(body).not.toContain('A社');
    expect(body).not.toContain('太郎');
    expect((await hrA.req('GET', `/api/events/${eventId}/registrations`)).statusCode).toBe(403);
    expect((await meti.req('GET', `/api/events/${eventId}/registrations`)).statusCode).toBe(403);
    expect((await meti.req('POST', `/api/events/${eventId}/registrations`, { mode: 'online', attendees: attendees(1) })).statusCode).toBe(403);
  });

  it('the organisers’ list of registrations shows the names and is audited with the ids shown', async () => {
    const res = await center.req('GET', `/api/events/${eventId}/registrations`);
    expect(res.statusCode).toBe(200);
    const items = (res.json() as { items: { id: number; companyName: string; attendees: { name: string }[] }[] }).items;
    expect(items.map((i) => i.companyName)).toContain('説明会化学株式会社');
    expect(items.flatMap((i) => i.attendees.map((a) => a.name))).toContain('A社 太郎1');
    expect(await lastAudit('event_registration.list')).toMatchObject({ actorRole: 'center', after: { eventId, ids: items.map((i) => i.id) } });
  });
});

describe('after the event: attendance, contact exchanges, figures from the records', () => {
  it('records attendance (never more than registered) and the figures follow', async () => {
    const items = ((await center.req('GET', `/api/events/${eventId}/registrations`)).json() as { items: { id: number; companyId: number; mode: string; sessionId: number | null; status: string; attendeeCount: number }[] }).items;
    const live = items.filter((i) => i.status === 'registered');
    const over = expectBilingual(await center.req('PUT', `/api/events/${eventId}/attendance`, { items: [{ registrationId: live[0]!.id, attendedCount: live[0]!.attendeeCount + 1 }] }), 400);
    expect(over.fields![0]!.code).toBe('event.attended_over_registered');
    // A: 2 registered in the small session, 1 came; A in the big session: nobody came; B: 1 came; C online: 2 watched.
    const find = (company: number, mode: string, session?: number) => live.find((i) => i.companyId === company && i.mode === mode && (session === undefined || i.sessionId === session))!.id;
    const res = await center.req('PUT', `/api/events/${eventId}/attendance`, {
      items: [
        { registrationId: find(companyA, 'onsite', smallSession), attendedCount: 1 },
        { registrationId: find(companyA, 'onsite', bigSession), attendedCount: 0 },
        { registrationId: find(companyB, 'onsite', smallSession), attendedCount: 1 },
        { registrationId: find(companyC, 'online'), attendedCount: 2 },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      onsite: { registered: { organisations: 2, people: 4 }, attended: { organisations: 2, people: 2 }, cancelled: 1, attendancePending: 0 },
      online: { registered: { organisations: 1, people: 2 }, attended: { organisations: 1, people: 2 } },
      organisationsTotal: 3,
      ministries: { total: 3, talks: 2, viewsOnly: 1 },
    });
    expect(await lastAudit('event_attendance.record')).toMatchObject({ recordId: String(eventId) });
  });

  it('records contact exchanges between attending companies and participating ministries, and their follow-up', async () => {
    const notRegistered = await createCompany(t, '未申込株式会社');
    const bad = expectBilingual(await center.req('POST', `/api/events/${eventId}/contacts`, { companyId: notRegistered, organisationId: await orgId(t, '防衛省') }), 400);
    expect(bad.fields!.map((f) => f.code).sort()).toEqual(['event.company_not_registered', 'event.ministry_not_participating']);
    const first = await center.req('POST', `/api/events/${eventId}/contacts`, { companyId: companyA, organisationId: metiId, note: '名刺交換。交流派遣の受入れに関心。' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ companyName: '説明会化学株式会社', nameJa: '経済産業省', followUp: 'contacted' });
    expect(expectBilingual(await center.req('POST', `/api/events/${eventId}/contacts`, { companyId: companyA, organisationId: metiId }), 409).code).toBe('event_contact_duplicate');
    await center.req('POST', `/api/events/${eventId}/contacts`, { companyId: companyC, organisationId: mofId, followUp: 'in_talks' });
    const moved = await npa.req('PATCH', `/api/events/${eventId}/contacts/${first.json().id}`, { followUp: 'case_opened' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(await lastAudit('event_contact.update')).toMatchObject({ before: { followUp: 'contacted' }, after: { followUp: 'case_opened' } });
    const figures = (await center.req('GET', `/api/events/${eventId}/figures`)).json();
    expect(figures.contacts).toEqual({ total: 2, organisations: 2, ministries: 2, byFollowUp: { contacted: 0, in_talks: 1, case_opened: 1, no_further: 0 } });
    const managed = (await center.req('GET', '/api/events')).json() as { items: { id: number; figures: unknown }[] };
    expect(managed.items.find((e) => e.id === eventId)!.figures).toEqual(figures);
  });
});
