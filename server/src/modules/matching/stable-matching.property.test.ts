import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockingPairs, runMatchingRound, type BarredPair, type MatchedPair, type MatchingInput, type Participant, type Side } from './stable-matching.ts';

// Runs per property (fast-check's default is 100).
const RUNS = { stability: 500, capacities: 500, acceptability: 500, optimality: 400, determinism: 300, report: 300, robustness: 300 };

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** Random round: up to maxSide participants per side, capacities up to maxCap, rankings of at most N. */
function instance(opts: { maxSide: number; maxCap: number; proposing?: Side }): fc.Arbitrary<MatchingInput> {
  return fc
    .record({ nM: fc.integer({ min: 1, max: opts.maxSide }), nC: fc.integer({ min: 1, max: opts.maxSide }), n: fc.integer({ min: 1, max: opts.maxSide }) })
    .chain(({ nM, nC, n }) => {
      const mIds = ids('M', nM);
      const cIds = ids('C', nC);
      const participant = (id: string, others: string[]): fc.Arbitrary<Participant> =>
        fc.record({
          id: fc.constant(id),
          capacity: fc.integer({ min: 1, max: opts.maxCap }),
          ranking: fc.shuffledSubarray(others, { maxLength: Math.min(n, others.length) }),
        });
      const allPairs = mIds.flatMap((m) => cIds.map((c) => [m, c] as const));
      return fc.record({
        ministries: fc.tuple(...mIds.map((id) => participant(id, cIds))),
        companies: fc.tuple(...cIds.map((id) => participant(id, mIds))),
        barred: fc.subarray(allPairs, { maxLength: Math.min(3, allPairs.length) }).map((ps) =>
          ps.map(([ministryId, companyId]): BarredPair => ({ ministryId, companyId, code: 'test_rule', reason: { ja: 'テスト', en: 'test' } })),
        ),
        proposing: opts.proposing ? fc.constant(opts.proposing) : fc.constantFrom<Side>('ministry', 'company'),
        maxRankingLength: fc.constant(n),
      });
    });
}

function run(input: MatchingInput) {
  const out = runMatchingRound(input);
  if (!out.ok) throw new Error(`generated input rejected: ${JSON.stringify(out.errors)}`);
  return out.value;
}

const lists = (p: Participant | undefined, id: string) => !!p && p.ranking.includes(id);

describe('stable matching (deferred acceptance) — properties', () => {
  it(`(1) stability: no blocking pair [${RUNS.stability} runs]`, () => {
    fc.assert(
      fc.property(instance({ maxSide: 7, maxCap: 3 }), (input) => {
        expect(blockingPairs(input, run(input).pairs)).toEqual([]);
      }),
      { numRuns: RUNS.stability },
    );
  });

  it(`(2) capacities are respected on both sides and unfilled capacity is reported [${RUNS.capacities} runs]`, () => {
    fc.assert(
      fc.property(instance({ maxSide: 7, maxCap: 3 }), (input) => {
        const { pairs, unfilled } = run(input);
        for (const m of input.ministries) {
          const k = pairs.filter((p) => p.ministryId === m.id).length;
          expect(k).toBeLessThanOrEqual(m.capacity);
          expect(unfilled.ministries[m.id]).toBe(m.capacity - k);
        }
        for (const c of input.companies) {
          const k = pairs.filter((p) => p.companyId === c.id).length;
          expect(k).toBeLessThanOrEqual(c.capacity);
          expect(unfilled.companies[c.id]).toBe(c.capacity - k);
        }
        const keys = pairs.map((p) => `${p.ministryId}|${p.companyId}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      { numRuns: RUNS.capacities },
    );
  });

  it(`(3) only mutually acceptable pairs match; barred pairs never match [${RUNS.acceptability} runs]`, () => {
    fc.assert(
      fc.property(instance({ maxSide: 7, maxCap: 3 }), (input) => {
        const { pairs, report } = run(input);
        const ms = new Map(input.ministries.map((p) => [p.id, p]));
        const cs = new Map(input.companies.map((p) => [p.id, p]));
        for (const p of pairs) {
          expect(lists(ms.get(p.ministryId), p.companyId)).toBe(true);
          expect(lists(cs.get(p.companyId), p.ministryId)).toBe(true);
          expect(ms.get(p.ministryId)!.ranking.indexOf(p.companyId) + 1).toBe(p.ministryRank);
          expect(cs.get(p.companyId)!.ranking.indexOf(p.ministryId) + 1).toBe(p.companyRank);
          expect(input.barred!.some((b) => b.ministryId === p.ministryId && b.companyId === p.companyId)).toBe(false);
        }
        expect(report.barred).toHaveLength(new Set(input.barred!.map((b) => `${b.ministryId}|${b.companyId}`)).size);
      }),
      { numRuns: RUNS.acceptability },
    );
  });

  it(`(4) proposer-optimal (and receiver-pessimal) vs brute force on ≤4×4 unit-capacity rounds [${RUNS.optimality} runs]`, () => {
    fc.assert(
      fc.property(
        instance({ maxSide: 4, maxCap: 1 }),
        (input) => {
          const result = run(input);
          const stable = allStableUnitMatchings(input);
          expect(stable.length).toBeGreaterThan(0);
          const key = (ps: Pick<MatchedPair, 'ministryId' | 'companyId'>[]) =>
            ps.map((p) => `${p.ministryId}|${p.companyId}`).sort().join(',');
          expect(stable.map(key)).toContain(key(result.pairs));
          const proposers = input.proposing === 'ministry' ? input.ministries : input.companies;
          const receivers = input.proposing === 'ministry' ? input.companies : input.ministries;
          const partnerOf = (ps: Pick<MatchedPair, 'ministryId' | 'companyId'>[], id: string) => {
            const p = ps.find((x) => x.ministryId === id || x.companyId === id);
            return p ? (p.ministryId === id ? p.companyId : p.ministryId) : undefined;
          };
          // Position in own ranking; unmatched is worst.
          const pos = (self: Participant, partner: string | undefined) => (partner === undefined ? Infinity : self.ranking.indexOf(partner));
          for (const p of proposers) {
            const got = pos(p, partnerOf(result.pairs, p.id));
            const best = Math.min(...stable.map((s) => pos(p, partnerOf(s, p.id))));
            expect(got).toBe(best);
          }
          for (const r of receivers) {
            const got = pos(r, partnerOf(result.pairs, r.id));
            const worst = Math.max(...stable.map((s) => pos(r, partnerOf(s, r.id))));
            expect(got).toBe(worst);
          }
        },
      ),
      { numRuns: RUNS.optimality },
    );
  });

  it(`(5) deterministic: the same result and step log for any order of the input arrays [${RUNS.determinism} runs]`, () => {
    fc.assert(
      fc.property(
        instance({ maxSide: 6, maxCap: 3 }).chain((input) =>
          fc.record({
            input: fc.constant(input),
            ministries: fc.shuffledSubarray([...input.ministries], { minLength: input.ministries.length }),
            companies: fc.shuffledSubarray([...input.companies], { minLength: input.companies.length }),
            barred: fc.shuffledSubarray([...input.barred!], { minLength: input.barred!.length }),
          }),
        ),
        ({ input, ministries, companies, barred }) => {
          const a = run(input);
          expect(run(input)).toEqual(a);
          expect(run({ ...input, ministries, companies, barred })).toEqual(a);
        },
      ),
      { numRuns: RUNS.determinism },
    );
  });

  it(`transparency report: counts and every participant's "best missed" explanation are consistent [${RUNS.report} runs]`, () => {
    fc.assert(
      fc.property(instance({ maxSide: 6, maxCap: 3 }), (input) => {
        const { pairs, report } = run(input);
        expect(report.proposing).toBe(input.proposing);
        expect(report.steps.filter((s) => s.action === 'propose')).toHaveLength(report.proposals);
        expect(report.steps.filter((s) => s.action === 'reject')).toHaveLength(report.rejections);
        // Every proposal ends held or rejected: held ones are the matching.
        expect(report.proposals - report.rejections).toBe(pairs.length);
        const rounds = new Set(report.steps.map((s) => s.round));
        expect(rounds.size).toBe(report.rounds);
        const side = (id: string) => report.participants.find((p) => p.id === id)!;
        for (const p of report.participants) {
          expect(p.matched.length + p.unfilled).toBe(p.capacity);
          const m = p.bestMissed;
          if (!m) continue;
          const partner = side(m.partnerId);
          if (m.why.code === 'partner_held_better') {
            expect(partner.matched).toHaveLength(partner.capacity);
            expect(m.why.partnerHeld).toEqual(partner.matched);
          }
          if (m.why.code === 'own_capacity_filled') expect(p.unfilled).toBe(0);
        }
      }),
      { numRuns: RUNS.report },
    );
  });

  it(`never throws on malformed input: returns errors as values [${RUNS.robustness} runs]`, () => {
    const anyParticipant = fc.record({
      id: fc.oneof(fc.constantFrom('A', 'B', 'C', '', ' '), fc.string({ maxLength: 3 })),
      capacity: fc.oneof(fc.integer({ min: -2, max: 3 }), fc.double(), fc.constant(Number.NaN)),
      ranking: fc.array(fc.constantFrom('A', 'B', 'C', 'D', ''), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(
        fc.record({
          ministries: fc.array(anyParticipant, { maxLength: 4 }),
          companies: fc.array(anyParticipant, { maxLength: 4 }),
          maxRankingLength: fc.oneof(fc.integer({ min: -1, max: 4 }), fc.double()),
          proposing: fc.constantFrom<Side>('ministry', 'company'),
        }),
        (input) => {
          const out = runMatchingRound(input);
          if (!out.ok) {
            expect(out.errors.length).toBeGreaterThan(0);
            for (const e of out.errors) expect(e.message.ja && e.message.en).toBeTruthy();
          } else {
            expect(blockingPairs(input, out.value.pairs)).toEqual([]);
          }
        },
      ),
      { numRuns: RUNS.robustness },
    );
  });
});

/** Every stable matching of a unit-capacity round, by enumerating all matchings of acceptable pairs. */
function allStableUnitMatchings(input: MatchingInput): Pick<MatchedPair, 'ministryId' | 'companyId'>[][] {
  const cs = new Map(input.companies.map((c) => [c.id, c]));
  const barred = new Set(input.barred!.map((b) => `${b.ministryId}|${b.companyId}`));
  const ok = (m: Participant, c: string) => lists(cs.get(c), m.id) && m.ranking.includes(c) && !barred.has(`${m.id}|${c}`);
  const out: Pick<MatchedPair, 'ministryId' | 'companyId'>[][] = [];
  const go = (i: number, used: Set<string>, acc: Pick<MatchedPair, 'ministryId' | 'companyId'>[]) => {
    if (i === input.ministries.length) {
      if (blockingPairs(input, acc).length === 0) out.push([...acc]);
      return;
    }
    const m = input.ministries[i]!;
    go(i + 1, used, acc);
    for (const c of input.companies) {
      if (used.has(c.id) || !ok(m, c.id)) continue;
      used.add(c.id);
      acc.push({ ministryId: m.id, companyId: c.id });
      go(i + 1, used, acc);
      acc.pop();
      used.delete(c.id);
    }
  };
  go(0, new Set(), []);
  return out;
}
