import { useCallback, useEffect, useState } from 'react';
import { api, ApiError, type Query, unexpectedError, withQuery } from './api.ts';

export type QueryState<T> = {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
};

/** GETs `path` (skipped while null) and refetches when the path or query changes. */
export function useApiQuery<T>(path: string | null, query?: Query): QueryState<T> {
  const key = path === null ? null : withQuery(path, query);
  const [state, setState] = useState<{ key: string | null; data?: T; error?: ApiError }>({ key: null });
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    api
      .get<T>(key, undefined, controller.signal)
      .then((data) => setState({ key, data }))
      .catch((e: unknown) => {
        if (controller.signal.aborted) return;
        setState({ key, error: e instanceof ApiError ? e : unexpectedError() });
      });
    return () => controller.abort();
  }, [key, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const current = state.key === key;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: key !== null && (!current || (state.data === undefined && state.error === undefined)),
    reload,
  };
}
