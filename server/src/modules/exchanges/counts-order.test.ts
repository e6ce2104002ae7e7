// The per-organisation counts rows are locked in one order (by state) whatever the direction of a
// step: a step and its reverse on the same organisation at the same time (query: under_review →
// query_to_ministry, answer: back) otherwise lock the two rows in opposite orders and deadlock.
// Found under bench/mixed-load.ts: transitions waited on each other until PostgreSQL's deadlock
// check (1 s) aborted one and it was retried; some took over 30 s.
import { describe, expect, it } from 'vitest';
import type { Executor } from '../../db/client.ts';
import { exchangesRepository } from './exchanges.repository.ts';

/** An executor that records the state of each counts row upserted, in order. */
function recorder() {
  const states: string[] = [];
  const tx = {
    insert: () => ({
      values: (v: { state: string }) => {
        states.push(v.state);
        return { onConflictDoUpdate: async () => undefined };
      },
    }),
  } as unknown as Executor;
  return { tx, states };
}

describe('moveCount lock order', () => {
  it.each([
    ['under_review', 'query_to_ministry'],
    ['submitted', 'under_review'],
    ['active', 'returned'],
    ['agreement_signed', 'withdrawn'],
  ])('touches %s and %s in the same order in both directions', async (a, b) => {
    const forward = recorder();
    const back = recorder();
    await exchangesRepository.moveCount(forward.tx, 1, a, b);
    await exchangesRepository.moveCount(back.tx, 1, b, a);
    expect(forward.states).toEqual([a, b].sort());
    expect(back.states).toEqual(forward.states);
  });

  it('does nothing when the state does not change', async () => {
    const r = recorder();
    await exchangesRepository.moveCount(r.tx, 1, 'active', 'active');
    expect(r.states).toEqual([]);
  });
});
