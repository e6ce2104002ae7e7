// PostgreSQL only (the `postgres` test project): registrations for a session's last seats arriving on
// separate connections at once. PGlite has a single connection, so the race cannot happen there.
// The service locks the session row (SELECT … FOR UPDATE) before counting the seats, so the second
// registration counts after the first has committed and is refused as full.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { eventRegistrations, eventSessions } from '../../db/schema.ts';
import { rowsOf } from '../../db/client.ts';
import { inTransaction } from '../../db/tx.ts';
import { createCompany, loginAs, testApp, type Session, type TestApp } from '../../test/app.ts';
import { todayInJapan } from '../../platform/time.ts';

let t: TestApp;
let center: Session;
let eventId = 0;
const hr: Session[] = [];
const companyIds: number[] = [];
const DAY = 86_400_000;
const inDays = (days: number, hour: number) => `${todayInJapan(Date.now() + days * DAY)}T${String(hour).padStart(2, '0')}:00`;

beforeAll(async () => {
  t = await testApp();
  center = await loginAs(t, 'center');
  eventId = (await center.req('POST', '/api/events', { title: '競合テスト説明会', status: 'open' })).json().id;
  for (let i = 0; i < 4; i++) {
    companyIds.push(await createCompany(t, `競合${i}株式会社`));
    hr.push(await loginAs(t, 'company_hr', { companyId: companyIds[i]! }));
  }
});
afterAll(async () => t?.close());

async function newSession(capacity: number): Promise<number> {
  const res = await center.req('POST', `/api/events/${eventId}/sessions`, { startsAt: inDays(7, 10), endsAt: inDays(7, 12), place: `会場${Math.random()}`, capacity });
  const sessions = res.json().sessions as { id: number }[];
  return sessions[sessions.length - 1]!.id;
}

const registeredPeople = async (sessionId: number) =>
  Number(
    (
      await t.db.db
        .select({ n: sql<number>`coalesce(sum(${eventRegistrations.attendeeCount}), 0)::int` })
        .from(eventRegistrations)
        .where(and(eq(eventRegistrations.sessionId, sessionId), eq(eventRegistrations.status, 'registered')))
    )[0]!.n,
  );

const registerTwo = (s: Session, sessionId: number) => s.req('POST', `/api/events/${eventId}/registrations`, { mode: 'onsite', sessionId, attendees: [{ name: '一人目', title: '' }, { name: '二人目', title: '' }] });

describe('two registrations for the last seats', () => {
  it('while one registration holds the session, both newcomers wait; when it commits, exactly one of them gets the seats', async () => {
    const sessionId = await newSession(4); // 4 seats: one in-flight registration of 2 leaves 2, enough for one of the two newcomers
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let locked!: () => void;
    const lockedSignal = new Promise<void>((r) => (locked = r));
    // A registration in flight: it holds the session row until it commits.
    const inFlight = inTransaction(t.db.db, async (tx) => {
      await tx.select({ id: eventSessions.id }).from(eventSessions).where(eq(eventSessions.id, sessionId)).for('update');
      await tx.execute(sql`insert into event_registrations (event_id, session_id, mode, company_id, attendees, attendee_count) values (${eventId}, ${sessionId}, 'onsite', ${companyIds[0]!}, '[]'::jsonb, 2)`);
      locked();
      await held;
    });
    await lockedSignal;
    const a = registerTwo(hr[1]!, sessionId);
    const b = registerTwo(hr[2]!, sessionId);
    // Both requests are waiting on the session's row lock, i.e. neither has counted the seats yet.
    for (let i = 0; i < 400; i++) {
      const w = rowsOf<{ n: number }>(await t.db.db.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`));
      if (w[0]!.n >= 2) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    const waiting = rowsOf<{ n: number }>(await t.db.db.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`))[0]!.n;
    expect(waiting).toBe(2);
    release();
    await inFlight;
    const results = await Promise.all([a, b]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 422]);
    const refused = results.find((r) => r.statusCode === 422)!.json().error;
    expect(refused.code).toBe('event_session_full');
    expect(refused.details).toEqual({ capacity: 4, seatsLeft: 0, requested: 2 });
    expect(await registeredPeople(sessionId)).toBe(4);
  });

  it('free-running: three companies racing for the last two seats, many times — never more people than the capacity', async () => {
    for (let round = 0; round < 8; round++) {
      const sessionId = await newSession(3);
      expect((await hr[0]!.req('POST', `/api/events/${eventId}/registrations`, { mode: 'onsite', sessionId, attendees: [{ name: '先行', title: '' }] })).statusCode).toBe(201);
      const results = await Promise.all([registerTwo(hr[1]!, sessionId), registerTwo(hr[2]!, sessionId), registerTwo(hr[3]!, sessionId)]);
      expect(results.map((r) => r.statusCode).sort(), `round ${round}`).toEqual([201, 422, 422]);
      expect(await registeredPeople(sessionId)).toBe(3);
    }
  });
});
