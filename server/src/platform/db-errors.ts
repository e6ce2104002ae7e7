import { sqlState } from '../db/tx.ts';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

/** True when the database cannot be reached (server down, restarting, connection dropped). */
export function isDbUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    const msg = (e as { message?: unknown }).message;
    if (typeof msg === 'string' && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(msg)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  const state = sqlState(err);
  return state !== undefined && NETWORK_CODES.has(state);
}
