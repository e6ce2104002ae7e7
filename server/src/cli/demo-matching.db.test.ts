// The demo matching rounds: a dispatch round collecting rankings (the demo ministry and the demo
// company have not ranked yet, everyone else has), a hire round already run with its report; the
// contracts that bar one pair show in METI's suggestions; a second load adds nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { matchingRounds } from '../db/schema.ts';
import { login, testApp, type TestApp } from '../test/app.ts';
import { demoLogins, loadDemo } from './demo.ts';
import { loadDemoMatching } from './demo-matching.ts';
import type { MyRound, RoundDetail, RoundSummary } from '../../../common/src/schemas/matching.schema.ts';
import type { SuggestionList } from '../../../common/src/schemas/suggestions.schema.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  const r = await loadDemo(t.db, { scale: 'demo', seed: 42, ifEmpty: true });
  expect(r.counts.demoMatchingRounds).toBe(2);
}, 180_000);
afterAll(async () => t?.close());

const as = (email: string) => login(t, email, demoLogins.password);

describe('demo matching rounds', () => {
  it('one round collecting rankings, one run with proposals and a report', async () => {
    const center = await as('center@demo.koryu.jp');
    const rounds = (await center.req('GET', '/api/matching/rounds')).json() as { items: RoundSummary[] };
    expect(rounds.items.map((r) => [r.direction, r.status])).toEqual([
      ['hire', 'run'],
      ['dispatch', 'ranking'],
    ]);
    const hire = (await center.req('GET', `/api/matching/rounds/${rounds.items[0]!.id}`)).json() as RoundDetail;
    expect(hire.proposals.length).toBeGreaterThan(0);
    expect(hire.report!.figures.rankingsSubmitted).toBe(hire.participantList.length);
    const dispatch = (await center.req('GET', `/api/matching/rounds/${rounds.items[1]!.id}`)).json() as RoundDetail;
    expect(dispatch.rankingOpen).toBe(true);
    const unranked = dispatch.participantList.filter((p) => p.ranking.length === 0);
    expect(unranked.length).toBeGreaterThan(0);
  });

  it('the demo ministry can rank in the open round, and sees its wish’s barred pair with the reason', async () => {
    const meti = await as('meti-hr@demo.koryu.jp');
    const mine = (await meti.req('GET', '/api/matching/my-rounds')).json() as { items: RoundSummary[] };
    const open = mine.items.find((r) => r.status === 'ranking')!;
    const round = (await meti.req('GET', `/api/matching/my-rounds/${open.id}`)).json() as MyRound;
    expect(round.mySheets[0]!.ranking).toEqual([]);
    const put = await meti.req('PUT', `/api/matching/my-rounds/${open.id}/rankings/${round.mySheets[0]!.sheetId}`, { rankedSheetIds: round.otherSide.slice(0, 2).map((o) => o.sheetId) });
    expect(put.statusCode, put.body).toBe(200);
    const suggestions = (await meti.req('GET', `/api/wishes/${round.mySheets[0]!.sheetId}/suggestions`)).json() as SuggestionList;
    expect(suggestions.barred.map((b) => b.barred!.rules[0]!.ruleId)).toEqual(['contract_dependence']);
  });

  it('a second load adds nothing', async () => {
    expect(await loadDemoMatching(t.db)).toBe(0);
    expect((await t.db.db.select({ n: count() }).from(matchingRounds))[0]!.n).toBe(2);
  });
});
