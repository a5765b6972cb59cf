import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { can, type Action, type Subject } from '../../core/policy';
import type { Actor } from '../../core/roles';
import { api, setCsrfToken } from '../api';
import type { User } from '../types';

interface SessionState {
  user: User | null;
  /** True until the first answer from /auth/session. */
  loading: boolean;
  signIn(email: string, password: string): Promise<User>;
  signOut(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

interface SessionInfo {
  user: User | null;
  csrfToken: string | null;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);

  const apply = useCallback((info: SessionInfo) => {
    setCsrfToken(info.csrfToken);
    setUser(info.user);
  }, []);

  const refresh = useCallback(async () => {
    try {
      apply(await api.get<SessionInfo>('/api/v1/auth/session'));
    } finally {
      setLoading(false);
    }
  }, [apply]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo<SessionState>(
    () => ({
      user,
      loading,
      refresh,
      async signIn(email, password) {
        const info = await api.post<SessionInfo>('/api/v1/auth/login', { email, password });
        apply(info);
        return info.user as User;
      },
      async signOut() {
        await api.post('/api/v1/auth/logout');
        apply({ user: null, csrfToken: null });
      },
    }),
    [user, loading, refresh, apply],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user as the policy (src/core/policy.ts) sees them. */
export function actorOf(user: User | null): Actor | null {
  return user
    ? { userId: user.id, role: user.role, governmentId: user.government?.id ?? null }
    : null;
}

/** Whether the signed-in user (null: the public) may do the action: the server's own policy. */
export function mayDo(user: User | null, action: Action, subject?: Subject): boolean {
  return can(actorOf(user), action, subject);
}

/** Whether the signed-in user may edit a government: the server's rule, from the one policy. */
export function canEdit(user: User | null, governmentId: number): boolean {
  return can(actorOf(user), 'government.edit', { governmentId });
}
