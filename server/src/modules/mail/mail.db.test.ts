// The mail outbox: de-duplicated enqueue, delivery without SMTP (held, shown on the outbox page
// within each reader's scope), delivery over a real SMTP conversation (a tiny sink on a free
// port), retries and giving up, and the exchange reminders written once however often they run.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, like, sql } from 'drizzle-orm';
import { accounts, auditLog, caseInterviews, exchangeCases, mailOutbox, orgUnits } from '../../db/schema.ts';
import { inTransaction } from '../../db/tx.ts';
import { createAccount, createCompany, login, orgId, testApp, type Session, type TestApp } from '../../test/app.ts';
import { cliDatabase, runCli } from '../../test/cli.ts';
import { runReminders, scheduleReminders, type ReminderRun } from '../exchanges/reminders.runner.ts';
import { enqueueMail, type NewMail } from './mail.service.ts';
import { deliverPending, MAX_ATTEMPTS } from './mailer.ts';

// ---------------------------------------------------------------- a tiny SMTP sink

type Received = { from: string; to: string[]; data: string };
type Sink = { port: number; received: Received[]; close: () => Promise<void> };

/** Speaks just enough SMTP for nodemailer; `rejectRecipients` answers RCPT with 550. */
async function smtpSink(opts: { rejectRecipients?: boolean } = {}): Promise<Sink> {
  const received: Received[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buffer = '';
    let inData = false;
    let current: Received = { from: '', to: [], data: '' };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply('220 sink.test ESMTP');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line === '.') {
            inData = false;
            received.push(current);
            current = { from: '', to: [], data: '' };
            reply('250 2.0.0 queued');
          } else current.data += `${line.startsWith('..') ? line.slice(1) : line}\r\n`;
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') reply('250 sink.test');
        else if (verb === 'MAIL') {
          current.from = line;
          reply('250 2.1.0 ok');
        } else if (verb === 'RCPT') {
          if (opts.rejectRecipients) reply('550 5.1.1 no such user');
          else {
            current.to.push(line);
            reply('250 2.1.5 ok');
          }
        } else if (verb === 'DATA') {
          inData = true;
          reply('354 end data with <CR><LF>.<CR><LF>');
        } else if (verb === 'RSET') {
          current = { from: '', to: [], data: '' };
          reply('250 ok');
        } else if (verb === 'NOOP') reply('250 ok');
        else if (verb === 'QUIT') {
          reply('221 bye');
          socket.end();
        } else reply('502 5.5.2 not implemented');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A header of a received message, unfolded, with its MIME encoded-words (RFC 2047) decoded. */
function header(raw: string, name: string): string {
  const head = raw.split('\r\n\r\n')[0]!.replace(/\r\n[ \t]+/g, ' ');
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`)) ?? '';
  const value = line.slice(name.length + 1).trim().replace(/(\?=)\s+(=\?)/g, '$1$2');
  return value.replace(/(?:=\?utf-8\?[bq]\?[^?]*\?=)+/gi, (run) =>
    Buffer.concat(
      [...run.matchAll(/=\?utf-8\?([bq])\?([^?]*)\?=/gi)].map(([, enc, text]) =>
        enc!.toLowerCase() === 'b'
          ? Buffer.from(text!, 'base64')
          : Buffer.from(text!.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1'),
      ),
    ).toString('utf8'),
  );
}

async function freePort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

// ---------------------------------------------------------------- fixtures

let t: TestApp;
let npa: Session;
let npaEmail = '';
let ownHr: Session; // company_hr of `own`
let ownHrEmail = '';
let otherHr: Session; // company_hr of an unrelated company
let own = 0;
const noSmtp = { smtpUrl: undefined, mailFrom: 'koryu <no-reply@koryu.test>' };
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'koryu-mail-'));

const mailByKey = async (key: string) => (await t.db.db.select().from(mailOutbox).where(eq(mailOutbox.dedupeKey, key)))[0];
const enqueue = (m: NewMail) => inTransaction(t.db.db, (tx) => enqueueMail(tx, m));
const pendingCount = async () => Number((await t.db.db.select({ n: sql<number>`count(*)::int` }).from(mailOutbox).where(eq(mailOutbox.status, 'pending')))[0]!.n);

beforeAll(async () => {
  t = await testApp();
  own = await createCompany(t, '送信先化学株式会社');
  const npaAccount = await createAccount(t, 'npa', { organisationId: await orgId(t, '人事院') });
  npaEmail = npaAccount.email;
  npa = await login(t, npaEmail);
  const hrAccount = await createAccount(t, 'company_hr', { companyId: own });
  ownHrEmail = hrAccount.email;
  ownHr = await login(t, ownHrEmail);
  otherHr = await login(t, (await createAccount(t, 'company_hr', { companyId: await createCompany(t, '無関係商事株式会社') })).email);
});

afterAll(async () => {
  await t?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------- outbox

describe('mail outbox', () => {
  it('enqueues a mail once per dedupe key', async () => {
    const m = { dedupeKey: 'test.dedupe:1', toAddress: npaEmail, toAccountId: npa.accountId, subject: '件名 / Subject', body: '本文\n\nBody', kind: 'test' };
    expect(await enqueue(m)).toBe(true);
    expect(await enqueue({ ...m, subject: 'changed' })).toBe(false);
    const rows = await t.db.db.select().from(mailOutbox).where(eq(mailOutbox.dedupeKey, m.dedupeKey));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ subject: '件名 / Subject', status: 'pending', attempts: 0 });
  });

  it('holds the mails when no SMTP server is configured and shows them within each reader’s scope', async () => {
    await enqueue({ dedupeKey: 'test.scope:hr', toAddress: ownHrEmail, toAccountId: ownHr.accountId, subject: '企業あて / To the company', body: '企業あての本文', kind: 'test' });
    const r = await deliverPending(t.db, noSmtp);
    expect(r).toEqual({ sent: 0, retrying: 0, failed: 0, held: 2 });
    const toNpa = (await mailByKey('test.dedupe:1'))!;
    const toHr = (await mailByKey('test.scope:hr'))!;
    expect([toNpa.status, toHr.status]).toEqual(['held', 'held']);
    expect(await pendingCount()).toBe(0);

    // NPA: every mail.
    const all = await npa.req('GET', '/api/mail/outbox');
    expect(all.statusCode).toBe(200);
    const allIds = (all.json() as { items: { id: number; status: string }[] }).items.map((m) => m.id);
    expect(allIds).toEqual(expect.arrayContaining([toNpa.id, toHr.id]));
    expect((await npa.req('GET', '/api/mail/outbox?status=held')).json().total).toBeGreaterThanOrEqual(2);
    expect((await npa.req('GET', '/api/mail/outbox?status=sent')).json().total).toBe(0);

    // The company's HR: its own mail only; an unrelated company's HR: nothing.
    const mine = (await ownHr.req('GET', '/api/mail/outbox')).json() as { items: { id: number; toAddress: string; status: string }[]; total: number };
    expect(mine.items.map((m) => m.id)).toEqual([toHr.id]);
    expect(mine.items[0]).toMatchObject({ toAddress: ownHrEmail, status: 'held' });
    expect((await otherHr.req('GET', '/api/mail/outbox')).json()).toMatchObject({ items: [], total: 0 });
    expect((await otherHr.req('GET', `/api/mail/outbox/${toHr.id}`)).statusCode).toBe(404);
    expect((await ownHr.req('GET', `/api/mail/outbox/${toNpa.id}`)).statusCode).toBe(404);

    // Reading a body is a read of personal data: audited.
    const detail = await npa.req('GET', `/api/mail/outbox/${toHr.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ id: toHr.id, body: '企業あての本文', status: 'held', lastError: null, sentAt: null });
    const audit = (await t.db.db.select().from(auditLog).where(eq(auditLog.action, 'mail.read')).orderBy(desc(auditLog.id)).limit(1))[0];
    expect(audit).toMatchObject({ recordType: 'mail', recordId: String(toHr.id), actorAccountId: npa.accountId });
    expect((await t.app.inject({ method: 'GET', url: '/api/mail/outbox' })).statusCode).toBe(401);
    expect((await npa.req('GET', '/api/mail/outbox?status=lost')).statusCode).toBe(400);
  });

  it('sends over SMTP: the mail is marked sent and the server received it', async () => {
    const sink = await smtpSink();
    try {
      const subject = '【koryu】審査の目標日を過ぎています: KR-TEST / [koryu] Review past its target date: KR-TEST';
      await enqueue({ dedupeKey: 'test.smtp:1', toAddress: ownHrEmail, toAccountId: ownHr.accountId, subject, body: '本文です。\n\nThe body.', kind: 'test' });
      const r = await deliverPending(t.db, { smtpUrl: `smtp://127.0.0.1:${sink.port}`, mailFrom: 'koryu <no-reply@koryu.test>' });
      expect(r).toEqual({ sent: 1, retrying: 0, failed: 0, held: 0 });
      const row = (await mailByKey('test.smtp:1'))!;
      expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null });
      expect(row.sentAt).not.toBeNull();
      expect(sink.received).toHaveLength(1);
      expect(header(sink.received[0]!.data, 'Subject')).toBe(subject);
      expect(sink.received[0]!.to.join()).toContain(ownHrEmail);
      expect(sink.received[0]!.from).toContain('no-reply@koryu.test');
      // Held mails stay held when an SMTP server appears later: they were never meant to be sent.
      expect((await mailByKey('test.dedupe:1'))!.status).toBe('held');
      // The sent mail shows as sent to its addressee.
      expect((await ownHr.req('GET', `/api/mail/outbox/${row.id}`)).json()).toMatchObject({ status: 'sent', attempts: 1 });
    } finally {
      await sink.close();
    }
  });

  it('counts failed attempts, keeps the error and gives up after the fifth', async () => {
    const sink = await smtpSink({ rejectRecipients: true });
    try {
      await enqueue({ dedupeKey: 'test.refused:1', toAddress: 'nobody@koryu.test', subject: 'refused', body: 'x', kind: 'test' });
      const smtp = { smtpUrl: `smtp://127.0.0.1:${sink.port}`, mailFrom: 'koryu <no-reply@koryu.test>' };
      for (let i = 1; i < MAX_ATTEMPTS; i++) {
        expect(await deliverPending(t.db, smtp)).toEqual({ sent: 0, retrying: 1, failed: 0, held: 0 });
        expect(await mailByKey('test.refused:1')).toMatchObject({ status: 'pending', attempts: i });
      }
      expect(await deliverPending(t.db, smtp)).toEqual({ sent: 0, retrying: 0, failed: 1, held: 0 });
      const row = (await mailByKey('test.refused:1'))!;
      expect(row).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS });
      expect(row.lastError).toMatch(/550/);
      expect(await deliverPending(t.db, smtp)).toEqual({ sent: 0, retrying: 0, failed: 0, held: 0 });
      expect(sink.received).toHaveLength(0);
    } finally {
      await sink.close();
    }
  });

  it('stops a run when the SMTP server cannot be reached and leaves the rest for the next run', async () => {
    await enqueue({ dedupeKey: 'test.down:1', toAddress: 'a@koryu.test', subject: 'down 1', body: 'x', kind: 'test' });
    await enqueue({ dedupeKey: 'test.down:2', toAddress: 'b@koryu.test', subject: 'down 2', body: 'x', kind: 'test' });
    const r = await deliverPending(t.db, { smtpUrl: `smtp://127.0.0.1:${await freePort()}`, mailFrom: 'koryu <no-reply@koryu.test>' });
    expect(r).toEqual({ sent: 0, retrying: 1, failed: 0, held: 0 });
    expect(await mailByKey('test.down:1')).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await mailByKey('test.down:1'))!.lastError).toBeTruthy();
    expect(await mailByKey('test.down:2')).toMatchObject({ status: 'pending', attempts: 0 });

    const sink = await smtpSink();
    try {
      expect(await deliverPending(t.db, { smtpUrl: `smtp://127.0.0.1:${sink.port}`, mailFrom: 'koryu <no-reply@koryu.test>' })).toEqual({ sent: 2, retrying: 0, failed: 0, held: 0 });
      expect(sink.received.map((m) => header(m.data, 'Subject'))).toEqual(['down 1', 'down 2']);
    } finally {
      await sink.close();
    }
  });

  it('runs one delivery at a time: concurrent calls never send a mail twice', async () => {
    const sink = await smtpSink();
    try {
      for (let i = 0; i < 5; i++) await enqueue({ dedupeKey: `test.concurrent:${i}`, toAddress: 'c@koryu.test', subject: `c${i}`, body: 'x', kind: 'test' });
      const smtp = { smtpUrl: `smtp://127.0.0.1:${sink.port}`, mailFrom: 'koryu <no-reply@koryu.test>' };
      const results = await Promise.all([deliverPending(t.db, smtp), deliverPending(t.db, smtp), deliverPending(t.db, smtp)]);
      expect(results.reduce((n, r) => n + r.sent, 0)).toBe(5);
      expect(sink.received).toHaveLength(5);
    } finally {
      await sink.close();
    }
  });
});

// ---------------------------------------------------------------- reminders

describe('exchange reminders runner', () => {
  const today = '2027-03-01'; // a Monday
  let metiId = 0;
  let metiHr: { id: number; email: string };
  let companyX = 0;
  let companyXHr: Session;
  let caseB = 0;

  beforeAll(async () => {
    metiId = await orgId(t, '経済産業省');
    const mofId = await orgId(t, '財務省');
    const unitOf = async (organisationId: number) =>
      (await t.db.db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.organisationId, organisationId)).limit(1))[0]!.id;
    const metiUnit = await unitOf(metiId);
    const mofUnit = await unitOf(mofId);
    companyX = await createCompany(t, '交流化学株式会社');
    const companyY = await createCompany(t, '受信者なし株式会社');
    const a = await createAccount(t, 'ministry_hr', { organisationId: metiId });
    metiHr = { id: a.id, email: a.email };
    const disabled = await createAccount(t, 'ministry_hr', { organisationId: metiId });
    await t.db.db.update(accounts).set({ status: 'disabled' }).where(eq(accounts.id, disabled.id));
    companyXHr = await login(t, (await createAccount(t, 'company_hr', { companyId: companyX })).email);

    const base = { direction: 'dispatch', organisationId: metiId, unitId: metiUnit, postTitle: '製造産業局 係長', companyId: companyX };
    const insert = async (reference: string, v: Partial<typeof exchangeCases.$inferInsert>) =>
      (
        await t.db.db
          .insert(exchangeCases)
          .values({ ...base, reference, plannedStart: '2027-05-01', plannedEnd: '2029-04-30', ...v })
          .returning({ id: exchangeCases.id })
      )[0]!.id;
    // A: review past its target → NPA and METI.
    await insert('KR-T-A', { state: 'under_review', submittedOn: '2027-02-01', reviewDueOn: '2027-02-15' });
    // B: running, ends in 45 days, an interview in 4 days (plus a held one and one further away) → METI; METI and the company.
    caseB = await insert('KR-T-B', { state: 'active', plannedStart: '2025-04-15', plannedEnd: '2027-04-15', actualStart: '2025-04-15' });
    await t.db.db.insert(caseInterviews).values([
      { caseId: caseB, scheduledOn: '2027-03-05' },
      { caseId: caseB, scheduledOn: '2027-03-03', status: 'held', heldOn: '2027-03-03' },
      { caseId: caseB, scheduledOn: '2027-03-20' },
    ]);
    // C: in consultation, submission due 2027-03-10 → METI.
    await insert('KR-T-C', { state: 'consultation', plannedStart: '2027-04-10' });
    // D: the NPA's query of 2027-02-15 unanswered for 9 working days → METI.
    await insert('KR-T-D', { state: 'query_to_ministry', stateChangedAt: '2027-02-15T00:30:00Z', submittedOn: '2027-02-10', reviewDueOn: '2027-03-05' });
    // E: withdrawn: nothing.
    await insert('KR-T-E', { state: 'withdrawn', plannedStart: '2027-03-15' });
    // F: a ministry and a company without accounts: due, but nobody to write to.
    await insert('KR-T-F', { state: 'active', organisationId: mofId, unitId: mofUnit, companyId: companyY, plannedStart: '2025-04-01', plannedEnd: '2027-04-01' });
    // Earlier tests' pending mails are not this test's business.
    await deliverPending(t.db, noSmtp);
  });

  const activeIds = async (role: string, where = sql`true`) =>
    (await t.db.db.select({ id: accounts.id }).from(accounts).where(and(eq(accounts.role, role), eq(accounts.status, 'active'), where))).map((r) => r.id);

  it('writes each due reminder once per recipient, however often it runs', async () => {
    const npaIds = await activeIds('npa');
    const metiIds = await activeIds('ministry_hr', eq(accounts.organisationId, metiId));
    const companyIds = await activeIds('company_hr', eq(accounts.companyId, companyX));
    expect(metiIds).toContain(metiHr.id);
    expect(companyIds).toHaveLength(1);
    const expected = {
      review_overdue: npaIds.length + metiIds.length,
      interview_upcoming: metiIds.length,
      end_approaching: metiIds.length + companyIds.length,
      submission_due: metiIds.length,
      query_unanswered: metiIds.length,
    };
    const total = Object.values(expected).reduce((a, b) => a + b, 0);

    const first = await runReminders(t.db, noSmtp, today);
    expect(first.due).toBe(6); // A, B×2, C, D and F's end
    expect(first.byKind).toEqual(expected);
    expect(first.written).toBe(total);
    expect(first.delivery).toEqual({ sent: 0, retrying: 0, failed: 0, held: total });

    const again = await runReminders(t.db, noSmtp, today);
    expect(again).toMatchObject({ due: 6, written: 0, alreadyWritten: total, byKind: {} });
    const nextDay = await runReminders(t.db, noSmtp, '2027-03-02');
    expect(nextDay.written).toBe(0);

    const rows = await t.db.db.select().from(mailOutbox).where(like(mailOutbox.kind, 'reminder.%'));
    expect(rows).toHaveLength(total);
    expect(rows.every((r) => r.status === 'held' && r.toAccountId !== null && r.caseId !== null)).toBe(true);
    // METI's HR gets one mail per reminder, in Japanese then English, to its own address.
    const toMeti = rows.filter((r) => r.toAccountId === metiHr.id);
    expect(toMeti.map((r) => r.kind).sort()).toEqual(
      ['reminder.end_approaching', 'reminder.interview_upcoming', 'reminder.query_unanswered', 'reminder.review_overdue', 'reminder.submission_due'],
    );
    for (const r of toMeti) {
      expect(r.toAddress).toBe(metiHr.email);
      expect(r.dedupeKey).toMatch(new RegExp(`^reminder\\.[a-z_]+:case=\\d+:on=\\d{4}-\\d{2}-\\d{2}(:interview=\\d+)?:to=${metiHr.id}$`));
      expect(r.body.indexOf('koryu の案件画面')).toBeLessThan(r.body.indexOf('See the case in koryu'));
    }
    const interview = toMeti.find((r) => r.kind === 'reminder.interview_upcoming')!;
    expect(interview.body).toContain('2027年3月5日');
    expect(interview.body).toContain('2027-03-05');
    // No mail for the disabled account, the withdrawn case, or the case nobody can receive.
    expect(rows.some((r) => r.subject.includes('KR-T-E') || r.subject.includes('KR-T-F'))).toBe(false);

    // The company's HR sees its one reminder on the outbox page.
    const page = (await companyXHr.req('GET', '/api/mail/outbox')).json() as { items: { kind: string; subject: string }[] };
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ kind: 'reminder.end_approaching' });
    expect(page.items[0]!.subject).toContain('KR-T-B');
  });

  it('writes a new reminder for a new interview', async () => {
    await t.db.db.insert(caseInterviews).values({ caseId: caseB, scheduledOn: '2027-03-08' });
    const metiIds = await activeIds('ministry_hr', eq(accounts.organisationId, metiId));
    const r = await runReminders(t.db, noSmtp, '2027-03-02');
    expect(r.byKind).toEqual({ interview_upcoming: metiIds.length });
  });

  it('runs on a schedule inside the server and stops cleanly', async () => {
    const runs: ReminderRun[] = [];
    let ran!: () => void;
    const first = new Promise<void>((r) => (ran = r));
    const schedule = scheduleReminders(t.db, noSmtp, {
      intervalMinutes: 60,
      firstDelayMs: 10,
      today: () => today,
      onRun: (r) => {
        runs.push(r);
        ran();
      },
    });
    await first;
    await schedule.stop();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ today, written: 0 });
  });
});

// ---------------------------------------------------------------- CLI

describe('koryu reminders run (CLI)', () => {
  it('runs on the configured database and refuses a bad date', async () => {
    const db = await cliDatabase('reminders', tmp);
    const run = (...args: string[]) => runCli({ ...db.env, KORYU_SMTP_URL: '' }, ...args);
    try {
      const ok = await run('reminders', 'run', '--today', '2027-03-01');
      expect(ok.code).toBe(0);
      expect(ok.out).toContain('reminders 2027-03-01: due 0, written 0');
      const bad = await run('reminders', 'run', '--today', '2027-02-30');
      expect(bad.code).toBe(2);
      expect(bad.err).toContain('YYYY-MM-DD');
    } finally {
      await db.drop();
    }
  });
});
