// Transaction helper. Retries serialization failures and deadlocks (SQLSTATE 40001/40P01),
// which distributed PostgreSQL (Citus, YugabyteDB) raises more often than a single server.
import type { Db, Tx } from './client.ts';

const RETRYABLE = new Set(['40001', '40P01']);

export function sqlState(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export type TxOptions = { isolation?: 'read committed' | 'repeatable read' | 'serializable'; retries?: number };

export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, opts: TxOptions = {}): Promise<T> {
  const retries = opts.retries ?? 5;
  for (let attempt = 0; ; attempt++) {
    try {
      return await db.transaction(fn, opts.isolation ? { isolationLevel: opts.isolation } : undefined);
    } catch (err) {
      const state = sqlState(err);
      if (!state || !RETRYABLE.has(state) || attempt >= retries) throw err;
      await new Promise((r) => setTimeout(r, 5 * 2 ** attempt + Math.random() * 10));
    }
  }
}
