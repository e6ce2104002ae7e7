import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockingPairs, runMatchingRound, type MatchingInput, type Side, type Step } from './stable-matching.ts';

type Instance = Omit<MatchingInput, 'proposing'>;
type ExpectedMiss = null | { partnerId: string; rank: number; code: string; partnerHeld?: string[] };
type Cases = {
  instances: Record<string, Instance>;
  cases: {
    id: string;
    instance: string;
    proposing: Side;
    expect: {
      pairs: { ministryId: string; companyId: string; ministryRank: number; companyRank: number }[];
      unfilled: { ministries: Record<string, number>; companies: Record<string, number> };
      rounds: number;
      proposals: number;
      rejections: number;
      steps: Step[];
      bestMissed: Record<string, ExpectedMiss>;
      barred: { ministryId: string; companyId: string; mutuallyListed: boolean }[];
    };
  }[];
  validation: { id: string; input: MatchingInput; errors: { code: string; path: string }[] }[];
};
const data = JSON.parse(readFileSync(join(import.meta.dirname, 'stable-matching.cases.json'), 'utf8')) as Cases;

describe('matching round: worked examples (stable-matching.cases.json)', () => {
  it.each(data.cases)('$id', ({ instance, proposing, expect: want }) => {
    const input: MatchingInput = { ...data.instances[instance]!, proposing };
    const out = runMatchingRound(input);
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const { pairs, unfilled, report } = out.value;
    expect(pairs).toEqual(want.pairs);
    expect(unfilled.ministries).toEqual(want.unfilled.ministries);
    expect(unfilled.companies).toEqual(want.unfilled.companies);
    expect(unfilled.totalMinistry).toBe(Object.values(want.unfilled.ministries).reduce((a, b) => a + b, 0));
    expect(unfilled.totalCompany).toBe(Object.values(want.unfilled.companies).reduce((a, b) => a + b, 0));
    expect(report.algorithm.code).toBe('deferred_acceptance');
    expect(report.algorithm.name.ja).toContain('受入保留');
    expect(report.proposing).toBe(proposing);
    expect(report.receiving).toBe(proposing === 'ministry' ? 'company' : 'ministry');
    expect(report.rounds).toBe(want.rounds);
    expect(report.proposals).toBe(want.proposals);
    expect(report.rejections).toBe(want.rejections);
    expect(report.steps).toEqual(want.steps);
    expect(report.totalSteps).toBe(want.steps.length);
    expect(report.stepsTruncated).toBe(false);
    expect(report.barred.map(({ ministryId, companyId, mutuallyListed }) => ({ ministryId, companyId, mutuallyListed }))).toEqual(want.barred);
    const got = Object.fromEntries(
      report.participants.map((p) => [
        p.id,
        p.bestMissed && {
          partnerId: p.bestMissed.partnerId,
          rank: p.bestMissed.rank,
          code: p.bestMissed.why.code,
          ...(p.bestMissed.why.code === 'partner_held_better' ? { partnerHeld: p.bestMissed.why.partnerHeld } : {}),
        },
      ]),
    );
    expect(got).toEqual(want.bestMissed);
    for (const p of report.participants) {
      if (p.bestMissed) {
        expect(p.bestMissed.message.ja).not.toBe('');
        expect(p.bestMissed.message.en).not.toBe('');
      }
    }
    expect(blockingPairs(input, pairs)).toEqual([]);
  });

  it('the barred reason is carried into the explanation', () => {
    const out = runMatchingRound({ ...data.instances['three-ministries-four-sheets']!, proposing: 'ministry' });
    if (!out.ok) throw new Error('unexpected');
    const ma = out.value.report.participants.find((p) => p.id === 'M-A')!;
    expect(ma.bestMissed?.why).toMatchObject({ code: 'barred', ruleCode: 'recent_procurement' });
    expect(ma.bestMissed?.message.ja).toContain('直近の契約関係');
  });

  it('the step log is bounded but the counts stay complete', () => {
    const out = runMatchingRound({ ...data.instances['three-ministries-four-sheets']!, proposing: 'ministry', maxLoggedSteps: 3 });
    if (!out.ok) throw new Error('unexpected');
    expect(out.value.report.steps).toHaveLength(3);
    expect(out.value.report.totalSteps).toBe(10);
    expect(out.value.report.stepsTruncated).toBe(true);
  });
});

describe('matching round: validation errors are values', () => {
  it.each(data.validation)('$id', ({ input, errors }) => {
    const out = runMatchingRound(input);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors.map(({ code, path }) => ({ code, path }))).toEqual(errors);
    for (const e of out.errors) {
      expect(e.message.ja).toMatch(/[ぁ-んァ-ヶ一-龠]/);
      expect(e.message.en).not.toBe('');
    }
  });
});
