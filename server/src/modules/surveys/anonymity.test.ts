// What an anonymous answer keeps of its respondent (anonymity.ts) and when reminders go
// (surveys.reminders.ts), table-driven (anonymity.cases.json). The coarsened attributes must give
// every condition of the template the same result as the exact ones.
import { describe, expect, it } from 'vitest';
import type { RespondentAttributes } from '../../../../common/src/schemas/survey-definition.schema.ts';
import cases from './anonymity.cases.json' with { type: 'json' };
import { anonymousAttributes } from './anonymity.ts';
import { visibleQuestions } from './answers.ts';
import { parseDefinition } from './definition.ts';
import { generateAnswers, organisationAttributes, rng } from './generate.ts';
import { reminderStage } from './surveys.reminders.ts';
import ministry from './templates/ministry-survey-2023.json' with { type: 'json' };

const p = parseDefinition(ministry);
if (!p.ok) throw new Error('template');
const def = p.definition;

describe('anonymousAttributes', () => {
  const table = cases['anonymousAttributes (ministry template: conditions test lastDispatchOn / lastHireOn onOrAfter 2021-11-01)'];
  it.each(table)('$name', (c) => {
    expect(anonymousAttributes(def, c.in as RespondentAttributes)).toEqual(c.out);
  });
  it('gives the same visible questions as the exact attributes, for the 49 generated organisations', () => {
    const r = rng(5);
    for (const a of organisationAttributes(1)) {
      const answers = generateAnswers(def, a, r);
      expect(visibleQuestions(def, anonymousAttributes(def, a), answers)).toEqual(visibleQuestions(def, a, answers));
    }
  });
});

describe('reminderStage', () => {
  it.each(cases['reminderStage (closes 2023-12-21, 7 days before)'])('$today → $stage', (c) => {
    expect(reminderStage('2023-12-21', 7, c.today)).toBe(c.stage);
  });
});
