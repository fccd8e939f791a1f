// The signed-in session (user, shop, permissions, CSRF token) for the whole app, and sign-in / sign-out.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Permission } from '@shared/roles.js';
import type { LoginBody, Session } from '@shared/schemas/auth.js';
import { fetchSession, login, logout } from '../api/auth-api';
import { ApiError, onUnauthorized, setCsrfToken } from '../api/client';
import { mayHaveSession, rememberSession } from '../api/session-hint';
import { applyLocale } from '../i18n';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; signedOut: boolean }
  | { status: 'authenticated'; session: Session };

interface SessionContextValue {
  state: SessionState;
  signIn: (body: LoginBody) => Promise<void>;
  signOut: () => Promise<void>;
  /** Reads the session again, e.g. after the shop name or time zone changed. */
  refresh: () => Promise<void>;
  /** Takes a session the server just returned (e.g. after changing preferences). */
  replace: (session: Session) => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>(() =>
    mayHaveSession() ? { status: 'loading' } : { status: 'anonymous', signedOut: false },
  );
  const checkSession = state.status === 'loading';

  const adopt = useCallback((session: Session | null, signedOut = false) => {
    setCsrfToken(session?.csrfToken ?? null);
    rememberSession(session !== null);
    setState(session ? { status: 'authenticated', session } : { status: 'anonymous', signedOut });
  }, []);

  useEffect(() => {
    onUnauthorized(() => adopt(null));
    return () => onUnauthorized(null);
  }, [adopt]);

  useEffect(() => {
    if (!checkSession) return;
    let current = true;
    fetchSession().then(
      async (session) => {
        if (!current) return;
        await applyLocale(session.user.locale);
        adopt(session);
      },
      (error: unknown) => {
        if (!current) return;
        adopt(null);
        // Only a 401 proves there is no session; after a network failure the next visit should ask again.
        if (!(error instanceof ApiError && error.status === 401)) rememberSession(true);
      },
    );
    return () => {
      current = false;
    };
  }, [adopt, checkSession]);

  const signIn = useCallback(
    async (body: LoginBody) => {
      const session = await login(body);
      await applyLocale(session.user.locale);
      adopt(session);
    },
    [adopt],
  );

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      adopt(null, true);
    }
  }, [adopt]);

  const refresh = useCallback(async () => {
    adopt(await fetchSession());
  }, [adopt]);

  const replace = useCallback((session: Session) => adopt(session), [adopt]);

  const value = useMemo(
    () => ({ state, signIn, signOut, refresh, replace }),
    [state, signIn, signOut, refresh, replace],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The session of a page that is only reachable when signed in. */
export function useAuthenticatedSession(): Session {
  const { state } = useSession();
  if (state.status !== 'authenticated') throw new Error('This page needs a signed-in session');
  return state.session;
}

/** The permissions of the signed-in user (none when signed out). */
export function useGranted(): readonly Permission[] {
  const { state } = useSession();
  return state.status === 'authenticated' ? state.session.permissions : [];
}

export function useCan(permission: Permission): boolean {
  return useGranted().includes(permission);
}
