// The demo information sessions: the seed's FY2025 event whose records give the seed's figures
// (001 別添5: 28法人（41人）・12府省（うち3府省は意見交換のみ）on site, 34法人40人 online), and an
// upcoming event with a full session and one with seats, for which the demo company is not
// registered; a second load adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accounts } from '../db/schema.ts';
import { login, loginAs, testApp, type TestApp } from '../test/app.ts';
import { demoLogins, loadDemo } from './demo.ts';
import { loadDemoEvents } from './demo-events.ts';

let t: TestApp;
type Ev = { id: number; title: string; status: string; replayFrom: string | null; replayUntil: string | null; sessions: { id: number; capacity: number; seatsLeft: number; open: boolean; startsAt: string }[]; ministries: { nameJa: string; participation: string }[] };

beforeAll(async () => {
  t = await testApp();
  const r = await loadDemo(t.db, { scale: 'demo', seed: 42, ifEmpty: true });
  expect(r.counts.demoInfoEvents).toBe(2);
}, 120_000);
afterAll(async () => t?.close());

describe('demo information sessions', () => {
  it('the FY2025 event: the figures computed from its records are the seed’s', async () => {
    const center = await loginAs(t, 'center');
    const managed = (await center.req('GET', '/api/events')).json() as { items: (Ev & { figures: Record<string, unknown> })[] };
    const seed = managed.items.find((e) => e.title.includes('令和7年度'))!;
    expect(seed).toMatchObject({ status: 'held', replayFrom: '2025-11-25', replayUntil: '2025-12-24' });
    expect(seed.sessions.map((s) => s.startsAt)).toEqual(['2025-10-21T04:30:00.000Z']);
    expect(seed.figures).toMatchObject({
      onsite: { attended: { organisations: 28, people: 41 } },
      online: { attended: { organisations: 34, people: 40 } },
      organisationsTotal: 62,
      ministries: { total: 12, talks: 9, viewsOnly: 3 },
    });
    expect(seed.ministries.filter((m) => m.participation === 'talks').map((m) => m.nameJa).sort()).toEqual(
      ['内閣官房', '公正取引委員会', '総務省', '厚生労働省', '農林水産省', '経済産業省', '原子力規制委員会', '防衛省', '会計検査院'].sort(),
    );
    expect(((seed.figures.contacts as { total: number }).total)).toBeGreaterThan(10);
  });

  it('the upcoming event: the first session full, the second with seats; the demo company registered for neither', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/public/events' })).json() as { items: Ev[] };
    expect(list.items).toHaveLength(1);
    const [first, second] = list.items[0]!.sessions;
    expect(first).toMatchObject({ capacity: 30, seatsLeft: 0, open: true });
    expect(second).toMatchObject({ capacity: 30, seatsLeft: 22, open: true });
    const hr = await login(t, demoLogins.accounts.find((a) => a.role === 'company_hr')!.email, demoLogins.password);
    const mine = (await hr.req('GET', '/api/event-registrations/mine')).json() as { items: { eventId: number; mode: string }[] };
    expect(mine.items.map((r) => r.eventId)).not.toContain(list.items[0]!.id);
    expect(mine.items).toHaveLength(1); // it came to the FY2025 session
    const [acc] = await t.db.db.select({ companyId: accounts.companyId }).from(accounts).where(eq(accounts.email, 'company-hr@demo.koryu.jp'));
    expect(acc!.companyId).toBeTruthy();
  });

  it('is loaded once', async () => {
    expect(await loadDemoEvents(t.db)).toBe(0);
  });
});
