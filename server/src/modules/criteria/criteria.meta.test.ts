// Meta-tests: the rules and parameters are fully cited, and every dated value is exercised.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { criteriaRequestSchema, ruleIdSchema } from '../../../../common/src/schemas/criteria.schema.ts';
import { loadCases } from './cases.ts';
import { evaluate, ruleCatalog } from './engine.ts';
import { defaultParameters, parameterSet, ParameterNotInForce } from './parameters.ts';

const params = defaultParameters();
const cases = loadCases();
const decisions = cases.map((c) => ({ c, d: evaluate(criteriaRequestSchema.parse(c.input), params) }));

describe('criteria meta', () => {
  it('implements exactly the rules of the catalogue, each with citations', () => {
    expect(ruleCatalog.map((r) => r.id).sort()).toEqual([...ruleIdSchema.options].sort());
    for (const r of ruleCatalog) {
      expect(r.citations.length, r.id).toBeGreaterThan(0);
      for (const c of r.citations) expect(c.instrument.length, r.id).toBeGreaterThan(0);
      expect(r.title.ja && r.title.en, r.id).toBeTruthy();
      if (r.exception.available) expect(r.exception.citation?.instrument, `${r.id} exception`).toBeTruthy();
    }
  });

  it('cites every dated value of every parameter', () => {
    expect(params.all.length).toBeGreaterThanOrEqual(15);
    for (const p of params.all) {
      for (const v of p.values) {
        expect(v.citation.instrument, `${p.id}@${v.from}`).toBeTruthy();
        expect(v.citation.article || v.citation.page, `${p.id}@${v.from} needs an article or a page`).toBeTruthy();
        expect(typeof v.citation.verified).toBe('boolean');
      }
    }
  });

  it('exercises every dated value of every parameter in at least one case', () => {
    const used = new Set(decisions.flatMap(({ d }) => d.rules.flatMap((r) => r.parameters.map((p) => `${p.id}@${p.effectiveFrom}`))));
    const all = params.all.flatMap((p) => p.values.map((v) => `${p.id}@${v.from}`));
    expect(all.filter((k) => !used.has(k))).toEqual([]);
  });

  it('has cases where every rule passes and fails, and where each can be indeterminate', () => {
    for (const rule of ruleIdSchema.options) {
      const outcomes = new Set(decisions.map(({ d }) => d.rules.find((r) => r.ruleId === rule)!.outcome));
      expect([...outcomes].sort(), rule).toEqual(expect.arrayContaining(['fail', 'pass']));
      if (rule !== 'duration') expect(outcomes.has('indeterminate'), rule).toBe(true);
    }
    for (const o of ['eligible', 'ineligible', 'needs_review']) expect(decisions.some(({ d }) => d.overall === o), o).toBe(true);
  });

  it('fails loudly when no value is in force', () => {
    expect(() => params.resolve('duration.max_years', '1999-12-31')).toThrow(ParameterNotInForce);
    expect(() => params.resolve('no.such_parameter', '2026-04-01')).toThrow(/unknown/);
    expect(params.resolve('entity_types.eligible', '2022-11-30').effectiveFrom).toBe('2000-03-21');
    expect(params.resolve('entity_types.eligible', '2022-12-01').effectiveFrom).toBe('2022-12-01');
  });

  it('rejects parameter files whose values are out of date order', () => {
    const c = { instrument: 'x', verified: false };
    expect(() =>
      parameterSet([{ id: 'a.b', name: { ja: 'a', en: 'a' }, unit: 'x', values: [{ from: '2020-01-01', value: 1, citation: c }, { from: '2019-01-01', value: 2, citation: c }] }]),
    ).toThrow(/date order/);
  });

  it('keeps the dated entity-type list in step with the reference table', () => {
    const ref = JSON.parse(readFileSync(join(import.meta.dirname, '../../db/reference/legal_entity_types.json'), 'utf8')) as {
      rows: { code: string; name_ja: string; name_en: string; starred: boolean; eligible: boolean; effective_from: string; effective_to: string | null }[];
    };
    const p = params.all.find((x) => x.id === 'entity_types.eligible')!;
    for (const v of p.values) {
      const expected = ref.rows
        .filter((r) => r.eligible && r.effective_from <= v.from && (r.effective_to === null || r.effective_to >= v.from))
        .map((r) => ({ code: r.code, starred: r.starred, nameJa: r.name_ja, nameEn: r.name_en }));
      expect(v.value, v.from).toEqual(expected);
    }
  });
});
