// Aggregation, headlines and suppression, as data (results.cases.json), on the answers.cases.json fixture.
import { describe, expect, it } from 'vitest';
import fixture from './answers.cases.json' with { type: 'json' };
import cases from './results.cases.json' with { type: 'json' };
import { parseDefinition } from './definition.ts';
import { aggregate, compareRounds, headlineOf, positiveHeadline, shareWords, type QuestionResult, type SurveyResponse } from './results.ts';

const parsed = parseDefinition(fixture.definition);
if (!parsed.ok) throw new Error('fixture');
const def = parsed.definition;
const responses = cases.aggregate.responses as unknown as SurveyResponse[];
const byId = (rs: QuestionResult[], id: string) => rs.find((r) => r.id === id)!;
const countsOf = (r: QuestionResult) => (r.type === 'matrix' || r.type === 'number' || r.type === 'text' ? {} : Object.fromEntries(r.options.map((o) => [o.id, o.count])));

describe('share in words', () => {
  it.each(cases.shareWords)('$share → $ja', ({ share, ja, en }) => {
    expect(shareWords(share)).toEqual({ ja, en });
  });
});

describe('positive headline', () => {
  it.each(cases.positiveHeadline)('$why', ({ items, ja }) => {
    const h = positiveHeadline((items as [string, number][]).map(([label, share]) => ({ label: { ja: label, en: label }, share })));
    expect(h?.ja ?? null).toBe(ja);
    if (h) expect(h.en).toMatch(/answered positively/);
  });
});

describe('aggregate', () => {
  const res = aggregate(def, responses);
  const e = cases.aggregate.expected;
  it('respondents', () => expect(res.respondents).toBe(e.respondents));
  it.each(['intent', 'why_not', 'top3', 'age'] as const)('%s: eligible, n and counts', (id) => {
    const r = byId(res.questions, id);
    expect([r.eligible, r.n]).toEqual([e[id].eligible, e[id].n]);
    expect(countsOf(r)).toEqual(e[id].counts);
    if (r.type !== 'matrix' && r.type !== 'number' && r.type !== 'text' && r.n) for (const o of r.options) expect(o.share).toBeCloseTo(o.count / r.n);
  });
  it('matrix: per item n, counts per option, positive share over n including 分からない', () => {
    const r = byId(res.questions, 'effects');
    if (r.type !== 'matrix') throw new Error('type');
    expect([r.eligible, r.n]).toEqual([e.effects.eligible, e.effects.n]);
    for (const item of r.items) {
      const want = e.effects.items[item.id as 'a' | 'b'];
      expect(item.n).toBe(want.n);
      expect(Object.fromEntries(item.options.map((o) => [o.id, o.count]))).toEqual(want.counts);
      expect(item.positive).toEqual({ count: want.positive, share: want.positiveShare, dontKnow: want.dontKnow, shareExcludingDontKnow: want.shareExcludingDontKnow });
    }
  });
  it('numbers', () => {
    const r = byId(res.questions, 'people');
    expect(r).toMatchObject(e.people);
  });
  it('free text: as given, sorted in anonymous rounds', () => {
    expect(byId(res.questions, 'comment')).toMatchObject({ n: 2, texts: e.comment.texts });
    expect(byId(aggregate(def, responses, { anonymous: true }).questions, 'comment')).toMatchObject({ texts: e.comment.anonymousTexts });
  });
  it('filter by respondent attribute', () => {
    const f = cases.aggregate.filtered;
    const r = aggregate(def, responses, { filter: f.filter });
    expect(r.respondents).toBe(f.respondents);
    expect(countsOf(byId(r.questions, 'intent'))).toEqual(f.intent);
    expect(aggregate(def, responses, { filter: { organisationType: ['ministry', 'executive_agency'] } }).respondents).toBe(4);
  });
  it('small-n suppression: neither n nor counts below the threshold', () => {
    const s = cases.aggregate.suppression;
    const r = aggregate(def, responses, { minN: s.minN, anonymous: true });
    for (const id of s.suppressed) {
      const q = byId(r.questions, id);
      expect(q.suppressed, id).toBe(true);
      expect(q.n, id).toBeNull();
      expect(JSON.stringify(q)).not.toMatch(/"count"/);
      expect(headlineOf(q)).toBeNull();
    }
    for (const id of s.shown) expect(byId(r.questions, id).suppressed, id).toBe(false);
    expect(aggregate(def, responses, { minN: 5 })).toMatchObject({ respondents: null, suppressed: true });
  });
  it('a choice headline in the seed style', () => {
    expect(headlineOf(byId(res.questions, 'top3'))?.ja).toBe('「一」との回答が７割超') // 3 of 4;
  });
});

describe('comparison across rounds', () => {
  it('share changes in points per option and matrix item, matched by ids', () => {
    const before = aggregate(def, responses.slice(0, 2));
    const after = aggregate(def, responses);
    const d = compareRounds(before, after);
    for (const { why, ...want } of cases.compareRounds) {
      const got = d.find((x) => x.question === want.question && x.item === want.item && x.option === want.option);
      expect(got, why).toMatchObject(want);
    }
  });
});
