import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SessionAccount, SessionResponse } from '../../../../common/src/schemas/auth.schema.ts';
import { api, ApiError, authEvents, fetchSession, setCsrfToken, unexpectedError } from '../../api.ts';
import i18n, { currentLang, storedLocale, storeLocale, type Lang } from '../../i18n.ts';

export type Role = SessionAccount['role'];

type SessionValue = {
  status: 'loading' | 'ready' | 'error';
  account: SessionAccount | null;
  error: ApiError | null;
  login: (email: string, password: string) => Promise<SessionAccount>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
  changeLocale: (lang: Lang) => Promise<void>;
};

const SessionContext = createContext<SessionValue | null>(null);

// The role of the account this browser was last signed in as (no personal data). While the session
// is read at page load, the layout takes that shape (side menu, no public link row) instead of the
// logged-out one, so a reload of a signed-in page does not jump when the session arrives.
const ROLE_HINT_KEY = 'koryu.session-role';
const roles: readonly Role[] = ['npa', 'center', 'ministry_hr', 'company_hr', 'participant'];

export function sessionRoleHint(): Role | null {
  try {
    const v = window.localStorage.getItem(ROLE_HINT_KEY);
    return roles.includes(v as Role) ? (v as Role) : null;
  } catch {
    return null;
  }
}

function storeRoleHint(role: Role | null): void {
  try {
    if (role) window.localStorage.setItem(ROLE_HINT_KEY, role);
    else window.localStorage.removeItem(ROLE_HINT_KEY);
  } catch {
    // Storage unavailable: the layout just starts logged out.
  }
}

const putLocale = (locale: Lang) => api.put<void>('/api/auth/locale', { locale }).catch(() => undefined);

/** After sign-in: an explicit choice on this device wins and is saved to the account; otherwise the account's choice applies. */
function reconcileLocale(account: SessionAccount): void {
  const chosen = storedLocale();
  if (chosen) {
    if (chosen !== account.locale) void putLocale(chosen);
  } else if (account.locale !== currentLang()) {
    void i18n.changeLanguage(account.locale);
  }
}

// The page-load session read starts when this module is evaluated, not after React's first render
// (which is long on a slow phone): the first refresh() takes this answer.
let pageLoadSession: Promise<SessionResponse> | null = typeof window === 'undefined' ? null : fetchSession();
pageLoadSession?.catch(() => undefined); // handled by the refresh() that takes it

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionValue['status']>('loading');
  const [account, setAccount] = useState<SessionAccount | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const accountRef = useRef(account);
  accountRef.current = account;
  // Each login, logout or session read takes a new generation; an answer that arrives after a newer
  // one started (the page-load read finishing after a quick login) is dropped, not applied.
  const generation = useRef(0);

  const apply = useCallback((s: SessionResponse) => {
    setAccount(s.account);
    setError(null);
    setStatus('ready');
    storeRoleHint(s.account?.role ?? null);
    if (s.account) reconcileLocale(s.account);
  }, []);

  const refresh = useCallback(async () => {
    const g = ++generation.current;
    const early = pageLoadSession;
    pageLoadSession = null;
    try {
      const s = await (early ?? fetchSession());
      if (g === generation.current) apply(s);
    } catch (e) {
      if (g !== generation.current) return;
      setError(e instanceof ApiError ? e : unexpectedError());
      setAccount(null);
      setStatus('error');
    }
  }, [apply]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // A request found the session gone: drop the account so guarded pages send the user to log in.
  useEffect(() => {
    const onLost = () => {
      if (!accountRef.current) return;
      setAccount(null);
      storeRoleHint(null);
      void fetchSession().catch(() => undefined);
    };
    authEvents.addEventListener('unauthenticated', onLost);
    return () => authEvents.removeEventListener('unauthenticated', onLost);
  }, []);

  const login = useCallback(
    async (email: string, password: string) => {
      ++generation.current;
      const s = await api.post<SessionResponse>('/api/auth/login', { email, password });
      if (s.csrfToken) setCsrfToken(s.csrfToken);
      else await fetchSession();
      if (!s.account) throw unexpectedError();
      apply(s);
      return s.account;
    },
    [apply],
  );

  const logout = useCallback(async () => {
    ++generation.current;
    try {
      await api.post<void>('/api/auth/logout');
    } finally {
      setCsrfToken(null);
      setAccount(null);
      storeRoleHint(null);
      await fetchSession().catch(() => undefined);
    }
  }, []);

  const changeLocale = useCallback(
    async (lang: Lang) => {
      storeLocale(lang);
      await i18n.changeLanguage(lang);
      if (account) await putLocale(lang);
    },
    [account],
  );

  const value = useMemo(
    () => ({ status, account, error, login, logout, refresh, changeLocale }),
    [status, account, error, login, logout, refresh, changeLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
