// Answering: visibility and the checks on drafts and submissions, as data (answers.cases.json).
import { describe, expect, it } from 'vitest';
import cases from './answers.cases.json' with { type: 'json' };
import type { RespondentAttributes, SurveyAnswerSet } from '../../../../common/src/schemas/survey-definition.schema.ts';
import { checkAnswers, toFieldIssues, visibleQuestions, type AnswerMode } from './answers.ts';
import { parseDefinition } from './definition.ts';

const parsed = parseDefinition(cases.definition);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
const def = parsed.definition;

describe('visible questions', () => {
  it.each(cases.visibility)('$why', ({ attributes, answers, visible }) => {
    expect(visibleQuestions(def, attributes as RespondentAttributes, answers as SurveyAnswerSet)).toEqual(visible);
  });
});

describe('checking answers', () => {
  it.each(cases.check)('$mode: $why', (c) => {
    const res = checkAnswers(def, c.attributes as RespondentAttributes, c.answers as SurveyAnswerSet, c.mode as AnswerMode);
    expect(res.issues.map((i) => [i.question, i.code])).toEqual(c.issues);
    expect(res.ok).toBe(c.ok);
    if ('dropped' in c) expect(res.dropped).toEqual(c.dropped);
    if ('cleaned' in c) expect(res.answers).toEqual(c.cleaned);
    for (const i of res.issues) {
      expect(i.message.ja.length).toBeGreaterThan(0);
      expect(i.message.en.length).toBeGreaterThan(0);
    }
    if (!res.ok) expect(res.answers).toEqual({});
  });
});

describe('field issues for the 400 response', () => {
  it('path answers.<question>[.<item>]', () => {
    const res = checkAnswers(def, { lastHireOn: '2023-04-01' }, { intent: 'expand', effects: { a: 'neutral' }, top3: ['o1', 'o2', 'o3', 'o4'] }, 'submit');
    expect(toFieldIssues(res.issues).map((f) => [f.path, f.code])).toEqual([
      ['answers.top3', 'survey.too_many_choices'],
      ['answers.effects.b', 'survey.required_items'],
    ]);
  });
});
