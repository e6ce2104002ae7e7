// The public index catches up with the change feed before each answer; requests arriving while a
// catch-up runs share the next one. A catch-up that fails (the database did not answer, e.g. no
// pool connection within its timeout) fails the requests waiting on it, but must not poison the
// ones after: found under bench/mixed-load.ts, where one failed catch-up left every later listing
// that overlapped another catch-up refused at once (99% of the public listings answered 503).
import { describe, expect, it } from 'vitest';
import { createPublicIndex, type PublicIndexFeed } from './public-index.ts';

/** An empty feed whose `versionsAfter` (the catch-up's read) can be made to fail or to wait. */
function feed() {
  let failNext = false;
  let gate: Promise<void> | null = null;
  const f: PublicIndexFeed = {
    page: async () => [],
    rows: async () => [],
    latestVersionId: async () => 0,
    versionsAfter: async () => {
      if (gate) await gate;
      if (failNext) {
        failNext = false;
        throw new Error('timeout exceeded when trying to connect');
      }
      return [];
    },
  };
  return {
    f,
    failOnce: () => (failNext = true),
    hold: () => {
      let open!: () => void;
      gate = new Promise<void>((r) => (open = r));
      return () => {
        gate = null;
        open();
      };
    },
  };
}

const q = { terms: [], keys: [] };
const ask = (index: ReturnType<typeof createPublicIndex>) => index.query(q, '2026-01-01', 'newest', 1, 20, 1000);

describe('public index catch-up', () => {
  it('recovers after a failed catch-up that had requests waiting on it', async () => {
    const db = feed();
    const index = createPublicIndex(db.f);
    await index.loaded();

    // A catch-up in flight that will fail, and a request queued behind it.
    const release = db.hold();
    db.failOnce();
    const first = ask(index);
    const waiting = ask(index);
    release();
    await expect(first).rejects.toThrow(/timeout/);
    await expect(waiting).resolves.toMatchObject({ total: 0 });

    // Later requests that overlap a catch-up in flight are answered, not refused with the old error.
    const release2 = db.hold();
    const a = ask(index);
    const b = ask(index);
    const c = ask(index);
    release2();
    await expect(Promise.all([a, b, c])).resolves.toHaveLength(3);
  });
});
