import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseStates, decide, monthsBefore, nextStates, terminalStates, transitions, type CaseEvent, type CaseRole, type CaseState, type GuardFacts } from './workflow.ts';
import { exchangeParameters } from './exchanges.parameters.ts';

const data = JSON.parse(readFileSync(join(import.meta.dirname, 'workflow.cases.json'), 'utf8')) as {
  next: Record<CaseState, CaseState[]>;
  guards: { id: string; state: CaseState; event: CaseEvent; role: CaseRole; facts: GuardFacts; expect: { ok: boolean; to?: CaseState; blocks?: string[] } }[];
};
const params = exchangeParameters();

describe('exchange case workflow', () => {
  it('lists every state in the expected table', () => {
    expect(Object.keys(data.next).sort()).toEqual([...caseStates].sort());
  });

  const pairs = caseStates.flatMap((from) => caseStates.map((to) => [from, to, data.next[from].includes(to)] as const));
  it.each(pairs)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(nextStates(from).includes(to)).toBe(allowed);
  });

  it('ends nowhere from a terminal state', () => {
    for (const s of terminalStates) expect(nextStates(s)).toEqual([]);
  });

  it.each(data.guards.map((g) => [g.id, g] as const))('guard %s', (_id, g) => {
    const d = decide(g.state, g.event, g.role, g.facts, params);
    if (g.expect.ok) expect(d).toEqual({ ok: true, to: g.expect.to });
    else {
      expect(d.ok).toBe(false);
      if (!d.ok) {
        expect(d.blocks.map((b) => b.code)).toEqual(g.expect.blocks);
        for (const b of d.blocks) expect(b.message.ja && b.message.en).toBeTruthy();
      }
    }
  });

  it('covers every event in the guard cases', () => {
    const used = new Set(data.guards.map((g) => g.event));
    const untested = (Object.keys(transitions) as CaseEvent[]).filter((e) => !used.has(e));
    // Events without guards of their own are covered by the state table above.
    expect(untested.every((e) => !['submit', 'certify', 'extend', 'begin', 'withdraw'].includes(e))).toBe(true);
  });

  it.each([
    ['2027-04-01', 1, '2027-03-01'],
    ['2027-03-31', 1, '2027-02-28'],
    ['2028-03-31', 1, '2028-02-29'],
    ['2027-01-15', 1, '2026-12-15'],
    ['2027-04-01', -60, '2032-04-01'],
  ])('%s minus %i month(s) is %s', (d, m, out) => expect(monthsBefore(d, m)).toBe(out));
});
