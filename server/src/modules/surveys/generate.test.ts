// The generated answers follow the shares the seed publishes (templates/demo-shares-2023.json, with
// the seed's lines) to within one respondent, stay valid, and are the same for the same seed; the
// demo's gap analysis then has the seed's shape (about 60% of participants want 府省特有の文化や
// ルールに関する解説, under 20% of organisations focus on networking support) and a headline.
import { describe, expect, it } from 'vitest';
import type { SurveyAnswerSet, SurveyDefinition } from '../../../../common/src/schemas/survey-definition.schema.ts';
import { checkAnswers } from './answers.ts';
import { allQuestions, positiveOptionIds } from './definition.ts';
import { generateResponses, organisationAttributes, participantAttributes, seedShares, type QuestionShares } from './generate.ts';
import { aggregate, gapAnalysis, gapHeadline } from './results.ts';
import ministry from './templates/ministry-survey-2023.json' with { type: 'json' };
import participant from './templates/participant-survey-2023.json' with { type: 'json' };

const ministryDef = ministry as unknown as SurveyDefinition;
const participantDef = participant as unknown as SurveyDefinition;
const orgs = generateResponses(ministryDef, organisationAttributes(1), 2023);
const people = generateResponses(participantDef, participantAttributes(), 552);

/** Every published share against the raw answers: |count − share × n| ≤ 1 (n = those who answered). */
function checkShares(def: SurveyDefinition, answers: SurveyAnswerSet[]) {
  const shares = seedShares(def)!;
  let checked = 0;
  for (const [qid, spec] of Object.entries(shares) as [string, QuestionShares][]) {
    const q = allQuestions(def).find((x) => x.id === qid)!;
    expect(q, qid).toBeDefined();
    const given = answers.filter((a) => a[qid] !== undefined);
    const near = (count: number, share: number, n: number, what: string) => {
      expect(Math.abs(count - share * n), `${what}: ${count} of ${n}, seed ${share} (${spec.seed})`).toBeLessThanOrEqual(1);
      checked++;
    };
    if (typeof spec.positive === 'number') near(given.filter((a) => positiveOptionIds(q).includes(a[qid] as string)).length, spec.positive, given.length, qid);
    if (typeof spec.positive === 'object')
      for (const [item, p] of Object.entries(spec.positive)) {
        const n = given.filter((a) => (a[qid] as Record<string, string>)[item] !== undefined);
        near(n.filter((a) => positiveOptionIds(q).includes((a[qid] as Record<string, string>)[item]!)).length, p, n.length, `${qid}/${item}`);
      }
    for (const [o, p] of Object.entries(spec.shares ?? {})) near(given.filter((a) => a[qid] === o).length, p, given.length, `${qid}=${o}`);
    for (const [o, p] of Object.entries(spec.chosen ?? {})) near(given.filter((a) => (a[qid] as string[]).includes(o)).length, p, given.length, `${qid}∋${o}`);
  }
  return checked;
}

describe('generated answers with the seed shares', () => {
  it('the 49 organisations: every published share within one respondent', () => {
    expect(checkShares(ministryDef, orgs.map((r) => r.answers))).toBeGreaterThan(30);
  });

  it('the 552 participants: every published share within one respondent', () => {
    expect(checkShares(participantDef, people.map((r) => r.answers))).toBe(4);
  });

  it('every generated answer set passes submission unchanged', () => {
    for (const [def, rs] of [[ministryDef, orgs], [participantDef, people]] as const)
      for (const r of rs) {
        const c = checkAnswers(def, r.attributes, r.answers, 'submit');
        expect(c.ok, JSON.stringify(c.issues)).toBe(true);
        expect(c.dropped).toEqual([]);
      }
  });

  it('is the same for the same seed, different for another', () => {
    expect(generateResponses(participantDef, participantAttributes(), 552)).toEqual(people);
    expect(generateResponses(ministryDef, organisationAttributes(1), 2023)).toEqual(orgs);
    expect(generateResponses(participantDef, participantAttributes(), 553)).not.toEqual(people);
  });

  it('all random when asked (null shares): the support question is then far from the seed', () => {
    const random = generateResponses(participantDef, participantAttributes(), 552, null);
    const share = random.filter((r) => (r.answers.p03_support_wanted as string[] | undefined)?.includes('culture_rules')).length / 552;
    expect(share).toBeLessThan(0.4);
  });

  it('the gap analysis has the seed shape and a headline', () => {
    const org = aggregate(ministryDef, orgs, {});
    const par = aggregate(participantDef, people, { minN: 10, anonymous: true });
    const rows = gapAnalysis(ministryDef.gaps![0]!, org.questions.find((q) => q.id === 'q13_hire_support')!, par.questions.find((q) => q.id === 'p03_support_wanted')!);
    const row = (o: string) => rows.find((r) => r.organisationOption === o)!;
    expect(row('culture_rules').participant!.share).toBeCloseTo(0.6, 2); // seed 004 line 698: 約６割
    expect(row('culture_rules').organisation!.share).toBeGreaterThanOrEqual(0.5); // line 454: ５割以上
    for (const o of ['networking', 'social_events']) {
      expect(row(o).participant!.share).toBeCloseTo(0.3, 1); // line 700: 約３割
      expect(row(o).organisation!.share).toBeLessThan(0.2); // line 702: ２割に満たない
    }
    const h = gapHeadline(rows);
    expect(h?.ja).toMatch(/^約３割の回答者が/);
  });
});
