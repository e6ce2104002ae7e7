import { describe, expect, it } from 'vitest';
import { paramsFromScreening, rulesForReading, screeningFromParams, type RuleResult } from './criteria.api.ts';

const rule = (ruleId: RuleResult['ruleId'], outcome: RuleResult['outcome']) => ({ ruleId, outcome }) as RuleResult;

describe('criteria web helpers', () => {
  it('orders rules for reading: fails, then undecided, then passes and the rest, keeping the engine order within each', () => {
    const rules = [rule('prosecution', 'pass'), rule('licensing_post', 'fail'), rule('consecutive_exchanges', 'not_applicable'), rule('duration', 'indeterminate'), rule('entity_type', 'fail')];
    expect(rulesForReading(rules).map((r) => r.ruleId)).toEqual(['licensing_post', 'entity_type', 'duration', 'prosecution', 'consecutive_exchanges']);
  });

  it('keeps only valid screening filters from the URL and writes back only the set ones', () => {
    const s = screeningFromParams(new URLSearchParams('personId=12&status=barred&ruleId=nope&plannedStart=2026-4-1&page=0&q=%20株式会社%20'));
    expect(s).toEqual({ personId: '12', organisationId: '', unitId: '', plannedStart: '', status: 'barred', ruleId: '', q: ' 株式会社 ', page: 1 });
    expect(paramsFromScreening({ ...s, page: 3 }).toString()).toBe('personId=12&status=barred&q=%E6%A0%AA%E5%BC%8F%E4%BC%9A%E7%A4%BE&page=3');
  });
});
