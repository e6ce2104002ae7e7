// The demo surveys: NPA sees the closed 2023 ministry round with 49 answers and the anonymous
// participant round with 552 (gap analysis between them); meti-hr@ has an open round to answer and
// participant@ an anonymous one; a second load adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { surveyRounds } from '../db/schema.ts';
import { login, testApp, type TestApp } from '../test/app.ts';
import { demoLogins, loadDemo } from './demo.ts';
import { loadDemoSurveys } from './demo-surveys.ts';
import type { MySurvey, MySurveyForm, SurveyGapResponse, SurveyResultsResponse, SurveyRound } from '../../../common/src/schemas/surveys-api.schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  const r = await loadDemo(t.db, { scale: 'demo', seed: 42, ifEmpty: true });
  expect(r.counts.demoSurveyRounds).toBe(4);
}, 180_000);
afterAll(async () => t?.close());

const as = (email: string) => login(t, email, demoLogins.password);

describe('demo surveys', () => {
  it('NPA sees the closed 2023 rounds with results and the gap analysis', async () => {
    const npa = await as('npa@demo.koryu.jp');
    const rounds = ((await npa.req('GET', '/api/surveys/rounds')).json() as { items: SurveyRound[] }).items;
    const ministry = rounds.find((r) => r.definition.key === 'ministry_survey' && r.state === 'closed')!;
    expect(ministry).toMatchObject({ targets: 49, submitted: 49, anonymous: false });
    const res = (await npa.req('GET', `/api/surveys/rounds/${ministry.id}/results`)).json() as SurveyResultsResponse;
    expect(res.respondents).toBe(49);
    expect(res.questions.find((q) => q.id === 'q01_dispatch_reasons')!.eligible).toBe(16);
    expect(res.questions.find((q) => q.id === 'q09_hire_reasons')!.eligible).toBe(34);
    const participants = rounds.find((r) => r.definition.key === 'participant_survey' && r.state === 'closed')!;
    const p = (await npa.req('GET', `/api/surveys/rounds/${participants.id}/results`)).json() as SurveyResultsResponse;
    expect(p.respondents).toBe(552);
    // the anonymous round's answers were loaded without targets: the list shows its 552 answer rows
    expect(participants).toMatchObject({ submitted: 552, targets: 0, anonymous: true });
    // the gap analysis of both the closed and the open ministry round defaults to the closed
    // participant round with answers (not the open anonymous one, which has none)
    const open = rounds.find((r) => r.definition.key === 'ministry_survey' && r.state === 'open')!;
    for (const id of [ministry.id, open.id]) {
      const gaps = (await npa.req('GET', `/api/surveys/rounds/${id}/gaps`)).json() as SurveyGapResponse;
      expect(gaps.participantRound!.id).toBe(participants.id);
    }
    const gaps = (await npa.req('GET', `/api/surveys/rounds/${ministry.id}/gaps`)).json() as SurveyGapResponse;
    expect(gaps.gaps[0]!.rows.every((r) => r.participant && r.organisation)).toBe(true);
    // the generated answers follow the seed (004 lines 698-702): ~60% of participants want
    // 府省特有の文化やルールに関する解説, ~30% networking support that under 20% of organisations focus on
    const row = (o: string) => gaps.gaps[0]!.rows.find((r) => r.organisationOption === o)!;
    expect(row('culture_rules').participant!.share).toBeCloseTo(0.6, 2);
    expect(row('networking').participant!.share).toBeCloseTo(0.3, 1);
    expect(row('networking').organisation!.share).toBeLessThan(0.2);
    expect(gaps.gaps[0]!.headline?.ja).toMatch(/^約３割の回答者が/);
    const satisfaction = p.questions.find((q) => q.id === 'p02_satisfaction')!;
    expect(satisfaction.headline?.ja).toContain('８割超'); // seed 001 line 905: 約8割が満足
  });

  it('meti-hr@ and participant@ each have an open survey to answer', async () => {
    const metiHr = await as('meti-hr@demo.koryu.jp');
    const meti = ((await metiHr.req('GET', '/api/surveys/my')).json() as { items: MySurvey[] }).items;
    const open = meti.filter((m) => m.round.acceptingAnswers && m.status === 'not_started');
    expect(open).toHaveLength(1);
    // the condition-dependent path: a hire since 2021-11-01 (問9–13, 15), no dispatch since (no 問1–6)
    const form = (await metiHr.req('GET', `/api/surveys/my/${open[0]!.targetId}`)).json() as MySurveyForm;
    expect(String(form.attributes.lastHireOn) >= '2021-11-01').toBe(true);
    expect(String(form.attributes.lastDispatchOn) < '2021-11-01').toBe(true);
    for (const id of ['q09_hire_reasons', 'q10_hire_org_effects', 'q11_hire_no_effect', 'q12_hire_difficulties', 'q13_hire_support', 'q15_hire_start']) expect(form.visible).toContain(id);
    for (const id of ['q01_dispatch_reasons', 'q02_dispatch_org_effects', 'q03_dispatch_staff_effects', 'q04_dispatch_no_effect', 'q05_dispatch_positioning', 'q06_dispatch_selection']) expect(form.visible).not.toContain(id);
    const part = ((await (await as('participant@demo.koryu.jp')).req('GET', '/api/surveys/my')).json() as { items: MySurvey[] }).items;
    expect(part.filter((m) => m.round.acceptingAnswers && m.round.anonymous)).toHaveLength(1);
  });

  it('NPA targets participants from the exchange records (returned in the last N years)', async () => {
    const npa = await as('npa@demo.koryu.jp');
    const round = (
      await npa.req('POST', '/api/surveys/rounds', {
        definitionKey: 'participant_survey',
        definitionVersion: 2023,
        title: { ja: '交流経験者アンケート（記録から）', en: 'Participants from the records' },
        opensOn: '2030-01-01',
        closesOn: '2030-01-31',
        anonymous: true,
      })
    ).json() as SurveyRound;
    const res = await npa.req('POST', `/api/surveys/rounds/${round.id}/targets`, { returnedWithinYears: 30 });
    expect(res.statusCode, res.body).toBe(200);
    const added = (res.json() as { added: number }).added;
    const targets = ((await npa.req('GET', `/api/surveys/rounds/${round.id}/targets`)).json() as { items: { kind: string; attributes: Record<string, unknown> }[] }).items;
    expect(targets).toHaveLength(added);
    expect(added).toBeGreaterThan(0);
    expect(targets.every((x) => x.kind === 'person' && ['hire', 'dispatch'].includes(String(x.attributes.direction)))).toBe(true);
    // a hire-only selection is a subset
    const hire = (await npa.req('POST', `/api/surveys/rounds/${round.id}/targets`, { returnedWithinYears: 30, direction: 'hire' })).json() as { added: number; alreadyTargeted: number };
    expect(hire.added).toBe(0);
    expect(hire.alreadyTargeted).toBe(targets.filter((x) => x.attributes.direction === 'hire').length);
  });

  it('a second load adds nothing', async () => {
    expect(await loadDemoSurveys(t.db)).toBe(0);
    expect(Number((await t.db.db.select({ n: count() }).from(surveyRounds))[0]!.n)).toBe(5); // the 4 demo rounds + the one made above
  });
});
