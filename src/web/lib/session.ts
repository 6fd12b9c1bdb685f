import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordInput, LoginInput, LoginResult, Role, SessionView, TotpLoginInput } from '../../shared/accounts';
// Types only: login and the session probe load on every page and must stay free of zod.
import type * as auth from '../../shared/accounts.endpoints';
import { routes } from '../../shared/routes';
import { ApiError, callRoute, setCsrfToken } from './api';

export const SESSION_KEY = ['session'] as const;

/** Who is signed in, or null. A 401 here only means "logged out", so it never triggers a redirect. */
export async function fetchSession(): Promise<SessionView | null> {
  try {
    return await callRoute<typeof auth.me>(routes.viewSession, { options: { quietAuth: true } });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000, retry: false });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LoginInput): Promise<LoginResult> => callRoute<typeof auth.login>(routes.login, { body: input }),
    onSuccess: (result) => {
      // Two-factor login: no session yet, the page asks for the code.
      if ('step' in result) return;
      // Drop anything cached for a previous person before storing the new session.
      client.clear();
      client.setQueryData(SESSION_KEY, result);
    },
  });
}

/** The second login step: a code of the authenticator app or a recovery code. */
export function useLoginWithTotp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: TotpLoginInput) => callRoute<typeof auth.loginWithTotp>(routes.loginWithTotp, { body: input }),
    onSuccess: (session) => {
      client.clear();
      client.setQueryData(SESSION_KEY, session);
    },
  });
}

/** End the session on the server; a 401 (already ended) or a network failure changes nothing here. */
export function sendLogout(): Promise<unknown> {
  return callRoute<typeof auth.logout>(routes.logout, { options: { quietAuth: true } }).catch(() => undefined);
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: sendLogout,
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(SESSION_KEY, null);
    },
  });
}

export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => callRoute<typeof auth.changePassword>(routes.changePassword, { body: input }),
    // The server answers with a fresh session (and a new CSRF token, which api.ts keeps).
    onSuccess: (session) => client.setQueryData(SESSION_KEY, session),
  });
}

export function hasRole(session: SessionView | null | undefined, ...roles: Role[]): boolean {
  return !!session?.roles.some((grant) => roles.includes(grant.role));
}

/** Only same-site paths may be a post-login destination (no open redirects). */
export function safeNext(next: string | null | undefined): string | null {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  return next;
}

/** Where a person goes after signing in. */
export function homeFor(session: SessionView, next?: string | null): string {
  const target = safeNext(next);
  if (session.account.mustChangePassword) return session.isStaff ? '/admin/password' : '/m/password';
  if (session.account.totpEnrolmentRequired) return '/admin/security';
  if (session.isStaff) return target && !target.startsWith('/login') ? target : '/admin';
  // Volunteers and residents go back to the phone pages, or to the public activity they were signing up for.
  return target && (target.startsWith('/m') || target.startsWith('/activities/')) ? target : '/m';
}

export function loginPath(next?: string, reason?: 'expired' | 'idle'): string {
  const params = new URLSearchParams();
  if (next && safeNext(next)) params.set('next', next);
  if (reason) params.set('reason', reason);
  const qs = params.toString();
  return qs ? `/login?${qs}` : '/login';
}
