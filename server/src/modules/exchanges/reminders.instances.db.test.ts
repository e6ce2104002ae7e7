// Two app instances on one database both schedule the reminders (main.ts): only the one holding
// the reminders lock runs them, the other skips its ticks, and each due reminder reaches the
// outbox once. When the running instance stops, the other takes over at its next tick.
// PostgreSQL: two connection pools on one database, as two processes would have. PGlite belongs
// to one process: two schedulers in it share the in-process lock.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../db/client.ts';
import { accounts, exchangeCases, mailOutbox, organisations, orgUnits } from '../../db/schema.ts';
import { loadConfig } from '../../platform/config.ts';
import { systemContext } from '../../platform/context.ts';
import { createServices } from '../../services.ts';
import { freshDatabase, pgTemplateName, testBackend, testDatabaseUrl, withDatabase, type TestDb } from '../../test/db.ts';
import { newCorporateNumber } from '../../test/app.ts';
import { REMINDERS_LOCK, scheduleReminders, type ReminderRun, type ReminderSchedule } from './reminders.runner.ts';

const backend = testBackend();
const noSmtp = { smtpUrl: undefined, mailFrom: 'koryu <no-reply@koryu.test>' };
const today = '2027-03-01';
const dbName = `koryu_inst_${randomBytes(4).toString('hex')}`;

let a: Database; // instance A's connection pool
let b: Database; // instance B's (PGlite: the same database)
let fresh: TestDb | null = null;
let metiId = 0;

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: testDatabaseUrl() });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  if (backend === 'postgres') {
    await admin((c) => c.query(`create database "${dbName}" template "${pgTemplateName()}"`));
    a = await openDatabase({ databaseUrl: withDatabase(testDatabaseUrl(), dbName), poolSize: 3 });
    b = await openDatabase({ databaseUrl: withDatabase(testDatabaseUrl(), dbName), poolSize: 3 });
  } else {
    fresh = await freshDatabase();
    a = b = fresh;
  }
  // Reminders due on `today`: three cases past their review target (NPA and the ministry's HR each).
  const services = createServices(a, loadConfig({}));
  metiId = (await a.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.nameJa, '経済産業省')))[0]!.id;
  const unitId = (await a.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.organisationId, metiId)).limit(1))[0]!.id;
  const ctx = { ...systemContext('test'), actor: { accountId: 0, role: 'npa' as const, displayName: 'seed', organisationId: null, companyId: null, personId: null, locale: 'ja' as const } };
  const companyId = (await services.companies.create({ corporateNumber: newCorporateNumber(), name: '二重起動試験株式会社', legalTypeCode: 'kabushiki_kaisha' }, ctx)).id;
  await services.accounts.createAccount({ email: `inst-hr-${randomBytes(3).toString('hex')}@test.koryu.jp`, displayName: 'hr', password: 'correct horse battery staple', role: 'ministry_hr', organisationId: metiId }, systemContext('test'));
  for (const n of [1, 2, 3]) {
    await a.db.insert(exchangeCases).values({
      direction: 'dispatch',
      organisationId: metiId,
      unitId,
      postTitle: '製造産業局 係長',
      companyId,
      reference: `KR-INST-${n}`,
      plannedStart: '2027-05-01',
      plannedEnd: '2029-04-30',
      state: 'under_review',
      submittedOn: '2027-02-01',
      reviewDueOn: '2027-02-15',
    });
  }
});

afterAll(async () => {
  if (backend === 'postgres') {
    await a?.close();
    await b?.close();
    await admin((c) => c.query(`drop database if exists "${dbName}" with (force)`));
  } else await fresh?.drop();
});

type Seen = { runs: ReminderRun[]; skips: number; errors: unknown[] };

function instance(database: Database, intervalMinutes: number): { seen: Seen; schedule: ReminderSchedule } {
  const seen: Seen = { runs: [], skips: 0, errors: [] };
  const schedule = scheduleReminders(database, noSmtp, {
    intervalMinutes,
    firstDelayMs: 5,
    today: () => today,
    onRun: (r) => seen.runs.push(r),
    onSkip: () => seen.skips++,
    onError: (err) => seen.errors.push(err),
  });
  return { seen, schedule };
}

const until = async (cond: () => boolean, ms = 20_000) => {
  const t0 = Date.now();
  while (!cond()) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
};

const reminderRows = () =>
  a.db
    .select({ key: mailOutbox.dedupeKey, n: sql<number>`count(*)::int` })
    .from(mailOutbox)
    .where(like(mailOutbox.kind, 'reminder.%'))
    .groupBy(mailOutbox.dedupeKey);

describe(`reminders with two instances on one database (${backend})`, () => {
  it('runs on one instance only: the other skips its ticks, each reminder is written once', async () => {
    const recipients = (
      await a.db
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.status, 'active'), sql`(${accounts.role} = 'npa' or (${accounts.role} = 'ministry_hr' and ${accounts.organisationId} = ${metiId}))`))
    ).length;
    // Both start together and tick every 150 ms.
    const A = instance(a, 0.0025);
    const B = instance(b, 0.0025);
    try {
      await until(() => A.seen.runs.length + B.seen.runs.length >= 4 && A.seen.skips + B.seen.skips >= 4);
    } finally {
      await Promise.all([A.schedule.stop(), B.schedule.stop()]);
    }
    expect([...A.seen.errors, ...B.seen.errors]).toEqual([]);
    // One instance took the lock and ran every tick; the other skipped every tick.
    const [runner, other] = A.seen.runs.length > 0 ? [A, B] : [B, A];
    expect(other.seen.runs).toEqual([]);
    expect(runner.seen.skips).toBe(0);
    expect(other.seen.skips).toBeGreaterThanOrEqual(1);
    // The first run wrote every due reminder, the later ones nothing.
    const [first, ...later] = runner.seen.runs;
    expect(first!.due).toBe(3);
    expect(first!.written).toBe(3 * recipients); // each case: the NPA's accounts and METI's HR
    expect(later.every((r) => r.written === 0)).toBe(true);
    const rows = await reminderRows();
    expect(rows.length).toBe(first!.written);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(recipients).toBeGreaterThanOrEqual(1);
  });

  it('hands over: when the running instance stops, the other runs at its next tick', async () => {
    const A = instance(a, 0.0025);
    await until(() => A.seen.runs.length >= 1);
    const B = instance(b, 0.0025);
    try {
      await until(() => B.seen.skips >= 2);
      expect(B.seen.runs).toEqual([]);
      await A.schedule.stop(); // A's run in progress finishes, then A lets go of the lock
      const runsOfA = A.seen.runs.length;
      await until(() => B.seen.runs.length >= 1);
      expect(A.seen.runs.length).toBe(runsOfA);
    } finally {
      await Promise.all([A.schedule.stop(), B.schedule.stop()]);
    }
    expect([...A.seen.errors, ...B.seen.errors]).toEqual([]);
    expect(B.seen.runs.every((r) => r.written === 0)).toBe(true); // the reminders were written by the first test
    expect((await reminderRows()).every((r) => r.n === 1)).toBe(true);
  });

  it.runIf(backend === 'postgres')('takes over when the running instance loses its database session', async () => {
    const A = instance(a, 0.0025);
    await until(() => A.seen.runs.length >= 1);
    const B = instance(b, 0.0025);
    try {
      await until(() => B.seen.skips >= 1);
      // The server ends A's lock session (as when A's connection dies): the lock is free again.
      const ended = await admin((c) =>
        c.query<{ ok: boolean }>("select pg_terminate_backend(pid) as ok from pg_locks where locktype = 'advisory' and classid = 0 and objid = $1 and database = (select oid from pg_database where datname = $2)", [REMINDERS_LOCK, dbName]),
      );
      expect(ended.rows.map((r) => r.ok)).toEqual([true]);
      // From then on exactly one of them holds it again: both keep ticking, and runs resume.
      const before = A.seen.runs.length + B.seen.runs.length;
      await until(() => A.seen.runs.length + B.seen.runs.length >= before + 3);
      const holders = await admin((c) => c.query("select pid from pg_locks where locktype = 'advisory' and classid = 0 and objid = $1 and granted and database = (select oid from pg_database where datname = $2)", [REMINDERS_LOCK, dbName]));
      expect(holders.rowCount).toBe(1);
    } finally {
      await Promise.all([A.schedule.stop(), B.schedule.stop()]);
    }
    expect([...A.seen.errors, ...B.seen.errors]).toEqual([]);
  });
});
