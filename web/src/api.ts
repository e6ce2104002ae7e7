import type { ErrorResponse } from '../../common/src/schemas/common.schema.ts';
import type { SessionResponse } from '../../common/src/schemas/auth.schema.ts';
import { bilingual } from './i18n.ts';

export type Messages = { ja: string; en: string };
export type FieldError = { path: string; code: string; message: Messages };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messages: Messages;
  readonly fields: FieldError[];
  readonly requestId: string | undefined;
  /** Extra facts some errors carry (e.g. import_rejected: the bad rows). */
  readonly details: Record<string, unknown> | undefined;

  constructor(status: number, code: string, messages: Messages, fields: FieldError[] = [], requestId?: string, details?: Record<string, unknown>) {
    super(messages.en);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.messages = messages;
    this.fields = fields;
    this.requestId = requestId;
    this.details = details;
  }
}

const fallbackMessages = (key: 'network' | 'unexpected'): Messages => bilingual(`errors.${key}`);

export const unexpectedError = (): ApiError => new ApiError(0, 'unexpected', fallbackMessages('unexpected'));

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;

/** Fires 'unauthenticated' when the server says the session is gone (expired or logged out elsewhere). */
export const authEvents = new EventTarget();

// Bumped whenever the token is set, so a session read that started earlier (e.g. the one at page
// load, still in flight when the user logs in) cannot overwrite a newer token.
let csrfEpoch = 0;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
  csrfEpoch++;
}

export type Query = Record<string, string | number | undefined | null>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}


function isErrorBody(v: unknown): v is ErrorResponse {
  if (typeof v !== 'object' || v === null || !('error' in v)) return false;
  const e = (v as { error: unknown }).error;
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

/** `file` is sent as the raw body with its own content type (uploads), instead of JSON. */
type RequestOptions = { method?: string; body?: unknown; query?: Query; signal?: AbortSignal; file?: { data: Blob; type: string } };

async function send(path: string, opts: RequestOptions): Promise<Response> {
  const method = (opts.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.file) headers['content-type'] = opts.file.type;
  else if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (UNSAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(withQuery(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.file ? opts.file.data : opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network_error', fallbackMessages('network'));
  }
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  if (isErrorBody(body)) {
    const { code, message, fields, requestId, details } = body.error;
    return new ApiError(res.status, code, message, fields ?? [], requestId, details);
  }
  return new ApiError(res.status, `http_${res.status}`, fallbackMessages('unexpected'));
}

/** Fetches the session and keeps its CSRF token in memory for later unsafe requests. */
export async function fetchSession(signal?: AbortSignal): Promise<SessionResponse> {
  const epoch = csrfEpoch;
  const res = await send('/api/auth/session', { signal });
  if (!res.ok) throw await toApiError(res);
  const session = (await res.json()) as SessionResponse;
  if (epoch === csrfEpoch) setCsrfToken(session.csrfToken);
  return session;
}

export async function request<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  let res = await send(path, opts);
  if (!res.ok) {
    const err = await toApiError(res);
    // A stale token (e.g. the session rotated in another tab): refresh it once and retry.
    if (err.code === 'csrf_failed' && UNSAFE.has((opts.method ?? 'GET').toUpperCase())) {
      await fetchSession(opts.signal);
      res = await send(path, opts);
      if (!res.ok) throw await toApiError(res);
    } else {
      if (err.status === 401 && err.code === 'unauthenticated') authEvents.dispatchEvent(new Event('unauthenticated'));
      throw err;
    }
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>(path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body }),
  put: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown) => request<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => request<T>(path, { method: 'DELETE' }),
  upload: <T>(path: string, data: Blob, type: string, query?: Query) => request<T>(path, { method: 'POST', file: { data, type }, query }),
};
