// The preview's display conditions in words (表示条件), for the 2023 templates' conditions.
import { describe, expect, it } from 'vitest';
import { surveyDefinitionSchema } from '../../../../common/src/schemas/survey-definition.schema.ts';
import ministry from '../../../../server/src/modules/surveys/templates/ministry-survey-2023.json' with { type: 'json' };
import participant from '../../../../server/src/modules/surveys/templates/participant-survey-2023.json' with { type: 'json' };
import { conditionText, questionNumber } from './survey-text.ts';

const m = surveyDefinitionSchema.parse(ministry);
const p = surveyDefinitionSchema.parse(participant);
const q = (def: typeof m, id: string) => def.sections.flatMap((s) => s.questions).find((x) => x.id === id)!;

const cases = [
  { def: m, id: 'q01_dispatch_reasons', ja: '「交流派遣により職員が民間企業に在籍していた最後の日（在籍中は回答日）」が2021-11-01以降', en: 'on or after 2021-11-01' },
  { def: m, id: 'q07b_dispatch_why_not', ja: '問7で「どちらともいえない」', en: 'Q7 was answered "Neither" or "Reluctant' },
  { def: p, id: 'p03_support_wanted', ja: '「交流の種類」が交流採用（民→国）', en: '"Type of exchange" is Hire (company to state)' },
];

describe('conditionText', () => {
  it.each(cases)('$id', ({ def, id, ja, en }) => {
    const c = q(def, id).condition!;
    expect(conditionText(def, c, 'ja')).toContain(ja);
    expect(conditionText(def, c, 'en')).toContain(en);
  });
  it('numbers questions as 問8-2 / Q8-2', () => {
    expect(questionNumber(q(m, 'q08b_dispatch_work'), 'ja')).toBe('問8-2');
    expect(questionNumber(q(m, 'q08b_dispatch_work'), 'en')).toBe('Q8-2');
  });
});
