import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, testApp, type Session, type TestApp } from '../../test/app.ts';

let t: TestApp;
let ministry: Session;
let participant: Session;

beforeAll(async () => {
  t = await testApp();
  [ministry, participant] = await Promise.all([loginAs(t, 'ministry_hr'), loginAs(t, 'participant')]);
});
afterAll(async () => t?.close());

describe('GET /api/exchanges/planner', () => {
  it('plans an April start back from the start date, flagging the steps already late', async () => {
    const res = await ministry.req('GET', '/api/exchanges/planner?start=2027-04-01&today=2027-02-15');
    expect(res.statusCode).toBe(200);
    const plan = res.json();
    expect(plan).toMatchObject({ start: '2027-04-01', today: '2027-02-15', warnings: [] });
    expect(plan.steps.map((s: { id: string; due: string }) => `${s.id} ${s.due}`)).toEqual([
      'first_contact 2026-10-30',
      'company_paperwork 2027-01-29',
      'submission 2027-02-12',
      'informal_approval 2027-03-01',
      'formal_application 2027-03-10',
      'certification 2027-03-25',
      'agreement 2027-03-31',
      'start 2027-04-01',
    ]);
    expect(plan.steps.filter((s: { status: string }) => s.status === 'overdue').map((s: { id: string }) => s.id)).toEqual(['first_contact', 'company_paperwork', 'submission']);
    const first = plan.steps[0];
    expect(first).toMatchObject({ nominal: '2026-10-31', adjustment: { ja: expect.stringContaining('土曜日') } });
    expect(first.parameters[0]).toMatchObject({ id: 'planner.first_contact_months', value: 6, citation: { verified: false } });
    expect(plan.steps[2]).toMatchObject({ limit: '2027-03-01' });
  });

  it('defaults today to today in Japan; any logged-in role may plan', async () => {
    const res = await participant.req('GET', '/api/exchanges/planner?start=2090-04-03');
    expect(res.statusCode).toBe(200);
    expect(res.json().today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.json().steps.every((s: { status: string }) => s.status === 'upcoming')).toBe(true);
  });

  it.each([
    ['start=2027-02-30', 'start', '存在しない日付です。'],
    ['start=2027-4-1', 'start', '日付はYYYY-MM-DDの形式で入力してください。'],
    ['start=1999-04-01', 'start', '2001年1月1日から2099年12月31日までの日付を入力してください。'],
    ['start=2027-04-01&today=tomorrow', 'today', '日付はYYYY-MM-DDの形式で入力してください。'],
    ['', 'start', null],
  ])('answers 400 naming the bad field (%s)', async (query, path, ja) => {
    const res = await ministry.req('GET', `/api/exchanges/planner?${query}`);
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as { path: string; message: { ja: string; en: string } }[];
    expect(fields[0]!.path).toBe(path);
    if (ja) expect(fields[0]!.message.ja).toBe(ja);
    for (const f of fields) expect(f.message.ja && f.message.en).toBeTruthy();
  });

  it('answers 401 without a login', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/exchanges/planner?start=2027-04-01' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });
});

describe('GET /api/exchanges/guidance', () => {
  it('is public and gives the welfare table and duties for a hire (continued)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/exchanges/guidance?direction=hire&hireType=continued' });
    expect(res.statusCode).toBe(200);
    const g = res.json();
    expect(g.type).toBe('hire_continued');
    expect(g.welfare.rows).toHaveLength(12);
    expect(g.welfare.rows.find((r: { id: string }) => r.id === 'employment_insurance').value.ja).toContain('被保険者資格継続');
    expect(g.duties.person.map((d: { id: string }) => d.id)).toContain('hire.no_home_company_work');
    expect(res.headers['cache-control']).toContain('public');
  });

  it('gives the dispatch column', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/exchanges/guidance?direction=dispatch' });
    expect(res.statusCode).toBe(200);
    expect(res.json().welfare.rows.find((r: { id: string }) => r.id === 'health_insurance').value.ja).toBe('派遣先企業等に適用される健康保険制度');
  });

  it.each([
    ['direction=hire', 'hireType'],
    ['direction=dispatch&hireType=resigned', 'hireType'],
    ['direction=sideways', 'direction'],
  ])('answers 400 for %s', async (query, path) => {
    const res = await t.app.inject({ method: 'GET', url: `/api/exchanges/guidance?${query}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(path);
  });
});
