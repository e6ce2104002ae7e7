// The 2023 templates rebuilt from the seeds: they validate, the ministry survey has the seed's 17
// numbered questions (8 on dispatch, 9 on hire), and generated organisations with the seed's split
// see questions 1-6 (n = 16) and 9-13, 15 (n = 34). Figures in templates.cases.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SurveyAnswerSet, SurveyDefinition } from '../../../../common/src/schemas/survey-definition.schema.ts';
import cases from './templates.cases.json' with { type: 'json' };
import { allQuestions, parseDefinition, validateGapParticipantSide } from './definition.ts';
import { generateResponses, organisationAttributes, participantAttributes } from './generate.ts';
import { aggregate, gapAnalysis, gapHeadline, headlineOf, type SurveyResponse } from './results.ts';
import ministryJson from './templates/ministry-survey-2023.json' with { type: 'json' };
import participantJson from './templates/participant-survey-2023.json' with { type: 'json' };

function load(json: unknown): SurveyDefinition {
  const p = parseDefinition(json);
  if (!p.ok) throw new Error(JSON.stringify(p.issues, null, 1));
  return p.definition;
}
const ministry = load(ministryJson);
const participant = load(participantJson);

describe('templates', () => {
  it('both validate, and the gap pairs exist on both sides', () => {
    expect(parseDefinition(ministryJson).ok).toBe(true);
    expect(parseDefinition(participantJson).ok).toBe(true);
    expect(validateGapParticipantSide(ministry, participant)).toEqual([]);
  });

  it('the ministry survey has 17 numbered questions: 8 on dispatch, 9 on hire (14 is the results-only gap page)', () => {
    const c = cases.ministrySurvey;
    const numbersIn = (section: string) =>
      [...new Set([...ministry.sections.find((s) => s.id === section)!.questions.map((q) => q.no), ...ministry.gaps.filter((g) => g.section === section).map((g) => g.no)])].sort((a, b) => a! - b!);
    expect(numbersIn('dispatch')).toEqual(c.bySection.dispatch);
    expect(numbersIn('hire')).toEqual(c.bySection.hire);
    expect(numbersIn('dispatch').length + numbersIn('hire').length).toBe(c.numbers);
    expect(ministry.gaps.map((g) => g.no)).toEqual(c.resultsOnly);
  });

  it('conditions: 1-6 on a dispatch since 2021-11-01, 9-13 and 15 on a hire; follow-ups on the main answer', () => {
    const c = cases.ministrySurvey.conditional;
    for (const q of allQuestions(ministry)) {
      const cond = q.condition;
      if (c.dispatch.includes(q.no!)) expect(cond, q.id).toEqual({ kind: 'attribute', attribute: 'lastDispatchOn', op: 'onOrAfter', value: '2021-11-01' });
      else if (c.hire.includes(q.no!)) expect(cond, q.id).toEqual({ kind: 'attribute', attribute: 'lastHireOn', op: 'onOrAfter', value: '2021-11-01' });
      else if (q.part === '2' && (q.no === 7 || q.no === 16)) expect(cond, q.id).toMatchObject({ kind: 'answer', op: 'anyOf', values: ['neutral', 'reduce'] });
      else expect(cond, q.id).toBeUndefined();
    }
  });

  it('every question has its seed lines; everything reconstructed says how', () => {
    for (const def of [ministry, participant]) {
      for (const q of allQuestions(def)) {
        expect(q.seedLines, q.id).toBeDefined();
        const parts = [q, ...('options' in q ? q.options : []), ...(q.type === 'matrix' ? q.items : [])];
        for (const p of parts) if (p.reconstructed) expect(p.note, `${q.id} ${p.id}`).toBeTruthy();
      }
    }
    const reconstructed = allQuestions(ministry).flatMap((q) => [q, ...('options' in q ? q.options : []), ...(q.type === 'matrix' ? q.items : [])]).filter((x) => x.reconstructed);
    expect(reconstructed.length).toBeGreaterThan(0);
  });

  it('the participant survey: support wanted, up to 3, to hired employees', () => {
    const q = allQuestions(participant).find((x) => x.id === 'p03_support_wanted')!;
    expect(q.type === 'upTo' && q.max).toBe(cases.participantSurvey.supportMax);
  });

  it('49 generated organisations with the seed split: n = 16 for 1-6, 34 for 9-13 and 15, 49 for 7, 8, 16, 17', () => {
    const attrs = organisationAttributes();
    expect(attrs.length).toBe(49);
    const res = aggregate(ministry, generateResponses(ministry, attrs));
    const n = cases.ministrySurvey.generatedN;
    const c = cases.ministrySurvey.conditional;
    for (const q of res.questions) {
      if (c.dispatch.includes(q.no!)) expect(q.n, q.id).toBe(n.dispatchQuestions);
      else if (c.hire.includes(q.no!)) expect(q.n, q.id).toBe(n.hireQuestions);
      else if (!q.part || q.part === '1') expect(q.n, q.id).toBe(n.allOrganisations);
      expect(q.eligible).toBe(q.n); // generated respondents answer everything they see
    }
    for (const q of res.questions.filter((x) => x.type === 'matrix')) expect(headlineOf(q)?.ja ?? '', q.id).toMatch(/肯定的な回答|^$/);
  });
});

describe('gap analysis (question 14)', () => {
  const g = cases.gap;
  const orgs: SurveyResponse[] = Array.from({ length: g.organisations }, (_, i) => ({
    attributes: { lastHireOn: '2023-04-01' },
    answers: {
      q13_hire_support: Object.entries(g.organisationChoices)
        .filter(([, k]) => i < k)
        .map(([id]) => id),
    } as SurveyAnswerSet,
  })).map((r) => (Array.isArray(r.answers.q13_hire_support) && r.answers.q13_hire_support.length === 0 ? { ...r, answers: { q13_hire_support: ['consultation'] } } : r));
  const people: SurveyResponse[] = participantAttributes({ hire: g.participants, dispatch: 0 }).map((a, i) => ({
    attributes: a,
    answers: {
      p03_support_wanted: ((ids: string[]) => (ids.length ? ids : [['interviews', 'handover', 'mentor', 'consultation'][i % 4]!]))(
        Object.entries(g.participantChoices)
          .filter(([, k]) => i < k)
          .map(([id]) => id),
      ),
    },
  }));
  const orgRes = aggregate(ministry, orgs).questions.find((q) => q.id === 'q13_hire_support')!;
  const partRes = aggregate(participant, people).questions.find((q) => q.id === 'p03_support_wanted')!;
  const rows = gapAnalysis(ministry.gaps[0]!, orgRes, partRes);

  it('n: 34 organisations, 552 participants (those answering)', () => {
    expect(orgRes.n).toBe(g.organisations);
    expect(partRes.n).toBe(g.participants);
  });
  it.each(g.rows)('$option: participants $participantShare vs organisations $organisationShare', (want) => {
    const row = rows.find((r) => r.organisationOption === want.option)!;
    expect(row.organisation!.share).toBeCloseTo(want.organisationShare, 3);
    expect(row.participant!.count).toBe(g.participantChoices[want.option as keyof typeof g.participantChoices]);
    expect(row.gapPoints).toBeCloseTo(want.gapPoints, 1);
  });
  it('rows ordered by what participants want most; the headline names the widest gap', () => {
    expect(rows.slice(0, 3).map((r) => r.participantOption)).toEqual(['culture_rules', 'networking', 'social_events']);
    expect(gapHeadline(rows)?.ja).toBe(g.headlineJa);
  });
});

// Fidelity to the seeds: every prompt, option and item NOT marked reconstructed appears word for
// word in the seed text (whitespace removed: the chart labels were extracted one character a line).
const seedsDir = fileURLToPath(new URL('../../../../../shared/seeds/', import.meta.url));
describe.skipIf(!existsSync(seedsDir))('wording taken from the seeds', () => {
  const norm = (s: string) => s.replace(/\s+/g, '').replace(/[０-９（）]/g, (c) => (c === '（' ? '(' : c === '）' ? ')' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  const text = readdirSync(seedsDir)
    .filter((f) => /^00[14]_/.test(f))
    .map((f) => norm(readFileSync(`${seedsDir}${f}`, 'utf8')))
    .join('\n');
  it.each([ministry, participant].flatMap((d) => allQuestions(d)).map((q) => [q.id, q] as const))('%s', (_id, q) => {
    if (!q.reconstructed) expect(text.includes(norm(q.prompt.ja)), q.prompt.ja).toBe(true);
    for (const o of [...('options' in q ? q.options : []), ...(q.type === 'matrix' ? q.items : [])]) {
      if (!o.reconstructed) expect(text.includes(norm(o.label.ja)), o.label.ja).toBe(true);
    }
  });
});
