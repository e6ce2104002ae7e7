import { sqlState } from '../db/tx.ts';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03', '08000', '08003', '08006', '08001', '08004']);

/** True when the database cannot be reached (server down, restarting, connection dropped, embedded database closed or aborted). */
export function isDbUnavailable(err: unknown): boolean {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return true;
    const msg = (e as { message?: unknown }).message;
    if (typeof msg === 'string' && /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|PGlite is closed|^Aborted\(|RuntimeError: Aborted/i.test(msg)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  const state = sqlState(err);
  return state !== undefined && NETWORK_CODES.has(state);
}

/** The database's disk is full (SQLSTATE 53100 disk_full, or ENOSPC/EDQUOT from the file system). */
export function isStorageFull(err: unknown): boolean {
  if (sqlState(err) === '53100') return true;
  return causeChain(err).some((e) => e.code === 'ENOSPC' || e.code === 'EDQUOT' || /No space left on device|Disk quota exceeded/i.test(e.message ?? ''));
}

/**
 * The database cannot write its files: the data folder became read-only or unreadable (permission denied,
 * read-only file system, I/O error: SQLSTATE 58030, or 42501 raised by a file operation). Not a permission
 * on a table: those 42501 errors name no file.
 */
export function isStorageUnavailable(err: unknown): boolean {
  const state = sqlState(err);
  const chain = causeChain(err);
  if (state === '58030' || state === '58P01') return true;
  if (chain.some((e) => e.code === 'EROFS' || e.code === 'EIO')) return true;
  return chain.some((e) => /could not (open|write|create|extend|fsync|read|truncate|rename|link)[^"]*(file|directory)|Read-only file system/i.test(e.message ?? ''));
}

function causeChain(err: unknown): { code?: string; message?: string }[] {
  const out: { code?: string; message?: string }[] = [];
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const x = e as { code?: unknown; message?: unknown; cause?: unknown };
    out.push({ ...(typeof x.code === 'string' ? { code: x.code } : {}), ...(typeof x.message === 'string' ? { message: x.message } : {}) });
    e = x.cause;
  }
  return out;
}
