// {{param:…}} in a knowledge page resolves to the criteria parameter in force on the page's date,
// with its citation: a new dated value shows on and after its date, unknown ids are reported.
import { describe, expect, it } from 'vitest';
import type { Parameter } from '../../../../common/src/schemas/criteria.schema.ts';
import { defaultParameters, parameterSet } from '../criteria/parameters.ts';
import { resolvePlaceholders, textProblems } from './placeholders.ts';

const citation = (page: string) => ({ instrument: '人事院規則21-0 (交流基準)', page, verified: false });
const threshold: Parameter = {
  id: 'contract_dependence.min_total_yen',
  name: { ja: '契約総額の基準額', en: 'Contract total threshold' },
  unit: 'yen',
  values: [
    { from: '2000-03-21', value: 20_000_000, citation: citation('pamphlet p.4') },
    // A hypothetical revision, to show that a page follows the parameter file.
    { from: '2027-04-01', value: 30_000_000, citation: citation('revised rule') },
  ],
};
const lateOnly: Parameter = { id: 'future.only', name: { ja: '将来', en: 'Future' }, unit: 'years', values: [{ from: '2030-01-01', value: 9, citation: citation('x') }] };
const params = parameterSet([threshold, lateOnly]);
const body = '契約の総額が{{param:contract_dependence.min_total_yen}}以上 {{param:future.only}} {{param:no.such}} {{param:contract_dependence.min_total_yen|number}}';

// asOf → [value of the threshold, its effective date, citation page, missing ids]
const cases: [string, number, string, string, string[]][] = [
  ['2027-03-31', 20_000_000, '2000-03-21', 'pamphlet p.4', ['future.only', 'no.such']],
  ['2027-04-01', 30_000_000, '2027-04-01', 'revised rule', ['future.only', 'no.such']],
  ['2030-01-01', 30_000_000, '2027-04-01', 'revised rule', ['no.such']],
];

describe('resolvePlaceholders', () => {
  it.each(cases)('as of %s', (asOf, value, from, page, missing) => {
    const r = resolvePlaceholders([body, 'no placeholder'], params, asOf);
    const t = r.parameters.find((p) => p.id === 'contract_dependence.min_total_yen')!;
    expect(t).toMatchObject({ value, effectiveFrom: from, unit: 'yen', name: threshold.name, citation: { page } });
    expect(r.missingParameters).toEqual(missing);
    // Each parameter once, however often the texts use it.
    expect(r.parameters.filter((p) => p.id === t.id)).toHaveLength(1);
  });

  it('resolves every parameter the real criteria summary uses, with the pamphlet’s figures today', () => {
    const r = resolvePlaceholders(['{{param:contract_dependence.min_total_yen}} {{param:contract_dependence.share_percent}} {{param:large_company.min_employees}}'], defaultParameters(), '2026-04-01');
    expect(Object.fromEntries(r.parameters.map((p) => [p.id, p.value]))).toEqual({
      'contract_dependence.min_total_yen': 20_000_000,
      'contract_dependence.share_percent': 25,
      'large_company.min_employees': 300,
    });
    expect(r.parameters[0]!.citation.quote).toContain('2千万円以上');
  });
});

describe('textProblems', () => {
  it('names unknown parameters and unsafe links, not parameters merely not yet in force', () => {
    expect(textProblems(body + ' [x](javascript:alert(1)) [ok](/guide/qa)', params)).toEqual([
      { kind: 'unknown_parameter', value: 'no.such' },
      { kind: 'unsafe_link', value: 'javascript:alert(1' },
    ]);
    expect(textProblems('{{param:future.only}}', params)).toEqual([]);
  });
});
