import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isReadOnlyActor } from './access';
import type { Actor, Ctx, Deps } from './deps';
import { AppError } from './errors';
import { makeScope, type Scope } from './scope';
import { csrfMatches, resolveSession } from './session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** Built once per signed-in request, with the versions read alongside the session. */
    scope: Scope | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login, health, the public portal). Everything else needs one. */
    public?: boolean;
    /** Still reachable while the account must change its password first. */
    duringPasswordChange?: boolean;
    /** Still reachable while the rule requires two-factor login and the account has not enrolled yet. */
    duringTotpEnrolment?: boolean;
    /**
     * A write the signed-in person makes for themselves (`EndpointSpec.selfService`, copied here by
     * `register`): still open to read-only accounts. Set it by hand on a route declared without an endpoint.
     */
    selfService?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Secure cookies for this request: always, never, or (`auto`) when the request came over HTTPS. A
 * browser drops a Secure cookie set over plain HTTP, so forcing it on an intranet http:// address
 * would loop the login page on 登录已过期.
 */
export function secureCookies(deps: Deps, req: { protocol: string }): boolean {
  const mode = deps.config.cookieSecure;
  return mode === 'auto' ? req.protocol === 'https' : mode;
}

export function sessionCookieName(deps: Deps, req: { protocol: string }): string {
  // __Host- needs Secure; on a plain-http intranet install the cookie would never be sent back.
  return secureCookies(deps, req) ? '__Host-sid' : 'sid';
}

export function setSessionCookie(deps: Deps, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  reply.setCookie(sessionCookieName(deps, reply.request), token, {
    path: '/',
    httpOnly: true,
    secure: secureCookies(deps, reply.request),
    sameSite: 'lax',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(deps: Deps, reply: FastifyReply): void {
  const req = reply.request;
  reply.clearCookie(sessionCookieName(deps, req), { path: '/', httpOnly: true, secure: secureCookies(deps, req), sameSite: 'lax' });
}

/**
 * Fails closed: every /api route needs a live session unless its config says `public`; every
 * state-changing request must carry the session's CSRF token in `x-csrf-token` (ASVS 3.5.1).
 */
export function registerAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('scope', null);
  app.addHook('onRequest', async (req, reply) => {
    // The browsable API docs carry no data; they are as public as /api/openapi.json.
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    const config = req.routeOptions.config ?? {};
    if (config.public || !req.routeOptions.url) return;
    const token = req.cookies[sessionCookieName(deps, req)];
    if (!token) throw new AppError('auth.required');
    const resolved = await resolveSession(deps, token);
    if ('problem' in resolved) {
      clearSessionCookie(deps, reply);
      throw new AppError(resolved.problem === 'expired' ? 'auth.session_expired' : 'auth.required');
    }
    if (!SAFE_METHODS.has(req.method) && !csrfMatches(resolved.csrfToken, req.headers['x-csrf-token'] as string | undefined)) {
      throw new AppError('csrf.invalid');
    }
    if (resolved.mustChangePassword && !config.duringPasswordChange) throw new AppError('auth.password_change_required');
    if (resolved.totpEnrolOnly && !config.duringTotpEnrolment) throw new AppError('auth.totp_enrolment_required');
    req.actor = resolved.actor;
    req.scope = makeScope(deps, resolved.actor, resolved.versions, resolved.volunteer);
  });
  refuseReadOnlyWrites(app);
}

/**
 * Least privilege, structurally (issue 12): an account whose roles all only read (the district viewer)
 * writes nothing but what it does for itself. Right after the session hook and before the body is
 * parsed or validated, every other write from it is refused, whatever its handler would decide; the
 * handlers' own policy checks stay. `read-only.api.test.ts` sends every session write from the route
 * table as the district viewer.
 */
function refuseReadOnlyWrites(app: FastifyInstance): void {
  app.addHook('onRequest', async (req) => {
    // Only signed-in requests have an actor: public and api_key routes never get here with one.
    if (!req.actor || SAFE_METHODS.has(req.method) || req.routeOptions.config?.selfService) return;
    if (isReadOnlyActor(req.actor)) throw new AppError('access.read_only');
  });
}

/** The request's context for a service call. Only valid on routes that are not public. */
export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.actor || !req.scope) throw new AppError('auth.required');
  return { actor: req.actor, scope: req.scope, ip: req.ip, requestId: String(req.id) };
}
