import { describe, expect, it } from 'vitest';
import { criteriaRequestSchema } from '../../../../common/src/schemas/criteria.schema.ts';
import { loadCases } from './cases.ts';
import { evaluate } from './engine.ts';
import { defaultParameters } from './parameters.ts';

const cases = loadCases();
const params = defaultParameters();

describe('criteria case files', () => {
  it('hold at least 80 cases with unique ids', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it.each(cases.map((c) => [`${c.id}: ${c.description}`, c] as const))('%s', (_name, c) => {
    // Every case is also a valid API request document.
    const input = criteriaRequestSchema.parse(c.input);
    const d = evaluate(input, params);
    expect(d.rules.map((r) => r.ruleId)).toHaveLength(8);
    const got = Object.fromEntries(d.rules.map((r) => [r.ruleId, r]));
    for (const [ruleId, outcome] of Object.entries(c.expect.rules ?? {})) {
      expect({ ruleId, outcome: got[ruleId]!.outcome, reasons: got[ruleId]!.reasons.map((r) => r.code) }).toMatchObject({ ruleId, outcome });
    }
    for (const [ruleId, date] of Object.entries(c.expect.earliestPassDate ?? {})) expect({ ruleId, date: got[ruleId]!.earliestPassDate }).toEqual({ ruleId, date });
    for (const [ruleId, exc] of Object.entries(c.expect.exception ?? {})) expect(got[ruleId]!.exception).toMatchObject(exc!);
    if (c.expect.overall) expect(d.overall).toBe(c.expect.overall);
    // Every decision explains itself.
    for (const r of d.rules) {
      expect(r.reasons.length, r.ruleId).toBeGreaterThan(0);
      for (const reason of r.reasons) expect(reason.message.ja && reason.message.en).toBeTruthy();
      if (r.outcome === 'pass' || r.outcome === 'fail') expect(r.factsUsed.length, r.ruleId).toBeGreaterThan(0);
    }
  });
});
