// The survey definition schema, as data (survey-definition.schema.cases.json).
import { describe, expect, it } from 'vitest';
import cases from './survey-definition.schema.cases.json' with { type: 'json' };
import { DONT_KNOW, SURVEY_SCALES, surveyQuestionSchema } from './survey-definition.schema.ts';

describe('scales', () => {
  it("the agreement scale in the seed's exact wording, positive = the first two", () => {
    expect(SURVEY_SCALES.agreement.options.map((o) => o.ja)).toEqual(cases.agreementScale);
    expect(SURVEY_SCALES.agreement.positive).toEqual(['strongly_agree', 'somewhat_agree']);
    expect(DONT_KNOW.ja).toBe('分からない');
  });
  it('every scale option has ja and en, and its positive ids exist', () => {
    for (const s of Object.values(SURVEY_SCALES)) {
      for (const o of s.options) expect(o.ja && o.en).toBeTruthy();
      for (const p of s.positive) expect(s.options.some((o) => o.id === p)).toBe(true);
    }
  });
});

describe('questions', () => {
  it.each(cases.questions)('$why', (c) => {
    const r = surveyQuestionSchema.safeParse(c.in);
    expect(r.success).toBe(c.ok);
    if (r.success && 'defaults' in c) expect(r.data).toMatchObject(c.defaults as object);
  });
});
