// 49 generated organisation answers and 552 participant answers: every submission passes the
// checks, and every figure of the aggregation equals a second, independent count over the raw
// answers (plain loops, no visibility logic), overall and per filter.
import { describe, expect, it } from 'vitest';
import type { RespondentAttributes, SurveyDefinition } from '../../../../common/src/schemas/survey-definition.schema.ts';
import { checkAnswers } from './answers.ts';
import { parseDefinition } from './definition.ts';
import { generateResponses, organisationAttributes, participantAttributes } from './generate.ts';
import { aggregate, gapAnalysis, type AttributeFilter, type SurveyResponse } from './results.ts';
import ministryJson from './templates/ministry-survey-2023.json' with { type: 'json' };
import participantJson from './templates/participant-survey-2023.json' with { type: 'json' };
import splits from './templates/respondents-2023.json' with { type: 'json' };

const load = (j: unknown) => {
  const p = parseDefinition(j);
  if (!p.ok) throw new Error('template');
  return p.definition;
};
const ministry = load(ministryJson);
const participant = load(participantJson);
const orgs = generateResponses(ministry, organisationAttributes(3), 11);
const people = generateResponses(participant, participantAttributes(), 13);

/** The independent count: for each question, respondents holding an answer, and per option/item counts. */
function recount(responses: SurveyResponse[], filter?: (a: RespondentAttributes) => boolean) {
  const out = new Map<string, { n: number; counts: Map<string, number> }>();
  for (const r of responses) {
    if (filter && !filter(r.attributes)) continue;
    for (const [qid, v] of Object.entries(r.answers)) {
      if (v === null || v === undefined) continue;
      const e = out.get(qid) ?? { n: 0, counts: new Map<string, number>() };
      e.n++;
      const bump = (k: string) => e.counts.set(k, (e.counts.get(k) ?? 0) + 1);
      if (typeof v === 'string' || typeof v === 'number') bump(String(v));
      else if (Array.isArray(v)) v.forEach(bump);
      else for (const [item, opt] of Object.entries(v)) bump(`${item}:${opt}`);
      out.set(qid, e);
    }
  }
  return out;
}

function compare(def: SurveyDefinition, responses: SurveyResponse[], filter?: AttributeFilter) {
  const fn = filter ? (a: RespondentAttributes) => Object.entries(filter).every(([k, v]) => a[k] === v) : undefined;
  const raw = recount(responses, fn);
  const res = aggregate(def, responses, { filter });
  let checked = 0;
  for (const q of res.questions) {
    const want = raw.get(q.id) ?? { n: 0, counts: new Map() };
    expect(q.n, q.id).toBe(want.n);
    if (q.type === 'matrix') {
      for (const item of q.items) for (const o of item.options) {
        expect(o.count, `${q.id}.${item.id}.${o.id}`).toBe(want.counts.get(`${item.id}:${o.id}`) ?? 0);
        checked++;
      }
    } else if (q.type === 'text') {
      expect(q.texts.length).toBe(want.n);
    } else if (q.type !== 'number') {
      for (const o of q.options) {
        expect(o.count, `${q.id}.${o.id}`).toBe(want.counts.get(o.id) ?? 0);
        expect(o.share).toBeCloseTo(want.n ? (want.counts.get(o.id) ?? 0) / want.n : 0, 12);
        checked++;
      }
    }
  }
  return { res, checked };
}

describe('49 organisations and 552 participants, counted twice', () => {
  it('every generated submission passes and nothing is dropped', () => {
    for (const [def, rs] of [[ministry, orgs], [participant, people]] as const) {
      for (const r of rs) {
        const c = checkAnswers(def, r.attributes, r.answers, 'submit');
        expect(c.issues).toEqual([]);
        expect(c.dropped).toEqual([]);
      }
    }
    expect(orgs.length).toBe(splits.organisations.total);
    expect(people.length).toBe(splits.participants.hire + splits.participants.dispatch);
  });

  it('the organisations: the condition groups by plain date comparison (16 and 34) and every count', () => {
    const dispatch = orgs.filter((r) => typeof r.attributes.lastDispatchOn === 'string' && r.attributes.lastDispatchOn >= '2021-11-01').length;
    const hire = orgs.filter((r) => typeof r.attributes.lastHireOn === 'string' && r.attributes.lastHireOn >= '2021-11-01').length;
    expect([dispatch, hire]).toEqual([16, 34]);
    const { res, checked } = compare(ministry, orgs);
    expect(checked).toBe(190); // option and item×option cells of the 2023 template
    const n = (id: string) => res.questions.find((q) => q.id === id)!.n;
    expect(n('q01_dispatch_reasons')).toBe(dispatch);
    expect(n('q13_hire_support')).toBe(hire);
    // the follow-ups: those who answered neutral or reduce, counted from the raw main answers
    for (const [main, follow] of [['q07_dispatch_intention', 'q07b_dispatch_why_not'], ['q16_hire_intention', 'q16b_hire_why_not']]) {
      expect(n(follow!)).toBe(orgs.filter((r) => r.answers[main!] === 'neutral' || r.answers[main!] === 'reduce').length);
    }
  });

  it.each([{ organisationType: 'ministry' }, { organisationType: 'executive_agency' }])('the organisations filtered by %o', (filter) => {
    const { res } = compare(ministry, orgs, filter);
    expect(res.respondents).toBe(orgs.filter((r) => r.attributes.organisationType === filter.organisationType).length);
  });

  it('the participants: n = 552 for the support question, every count', () => {
    const { res } = compare(participant, people);
    expect(res.questions.find((q) => q.id === 'p03_support_wanted')!.n).toBe(552);
    expect(compare(participant, people, { direction: 'hire' }).res.respondents).toBe(552);
  });

  it('the gap rows equal the raw counts on both sides', () => {
    const o = aggregate(ministry, orgs).questions.find((q) => q.id === 'q13_hire_support')!;
    const p = aggregate(participant, people).questions.find((q) => q.id === 'p03_support_wanted')!;
    const rawO = recount(orgs).get('q13_hire_support')!;
    const rawP = recount(people).get('p03_support_wanted')!;
    for (const row of gapAnalysis(ministry.gaps[0]!, o, p)) {
      expect(row.organisation).toEqual({ count: rawO.counts.get(row.organisationOption) ?? 0, n: rawO.n, share: (rawO.counts.get(row.organisationOption) ?? 0) / rawO.n });
      expect(row.participant).toEqual({ count: rawP.counts.get(row.participantOption) ?? 0, n: rawP.n, share: (rawP.counts.get(row.participantOption) ?? 0) / rawP.n });
    }
  });
});
