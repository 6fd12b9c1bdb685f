import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/accounts.endpoints';
import { clearSessionCookie, ctxOf, sessionCookieName, setSessionCookie } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import { changePassword, describeSession, login, logout } from './auth.service';
import { loginWithTotp } from './totp.login';
import { disableTotp, enableTotp, startTotpSetup, viewTotp } from './totp.service';

export function authRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const meta = (req: { ip: string; id: unknown; protocol: string; headers: Record<string, unknown>; cookies: Record<string, string | undefined> }) => ({
      ip: req.ip,
      requestId: String(req.id),
      userAgent: (req.headers['user-agent'] as string | undefined) ?? null,
      previousToken: req.cookies[sessionCookieName(deps, req)] ?? null,
    });

    register(
      app,
      api.login,
      async (req, reply) => {
        const outcome = await login(deps, meta(req), req.body);
        if ('step' in outcome) return outcome;
        setSessionCookie(deps, reply, outcome.token, outcome.maxAgeSeconds);
        return outcome.view;
      },
      { rateLimit: { max: deps.config.loginRateLimit.max, timeWindow: deps.config.loginRateLimit.windowMs } },
    );

    register(
      app,
      api.loginWithTotp,
      async (req, reply) => {
        const issued = await loginWithTotp(deps, meta(req), req.body);
        setSessionCookie(deps, reply, issued.token, issued.maxAgeSeconds);
        return issued.view;
      },
      { rateLimit: { max: deps.config.loginRateLimit.max, timeWindow: deps.config.loginRateLimit.windowMs } },
    );

    register(
      app,
      api.logout,
      async (req, reply) => {
        await logout(deps, ctxOf(req));
        clearSessionCookie(deps, reply);
        return { ok: true as const };
      },
      { duringPasswordChange: true, duringTotpEnrolment: true },
    );

    register(app, api.me, async (req) => describeSession(deps, ctxOf(req).actor), { duringPasswordChange: true, duringTotpEnrolment: true });

    register(
      app,
      api.changePassword,
      async (req, reply) => {
        const issued = await changePassword(deps, ctxOf(req), meta(req), req.body);
        setSessionCookie(deps, reply, issued.token, issued.maxAgeSeconds);
        return issued.view;
      },
      { duringPasswordChange: true, duringTotpEnrolment: true },
    );

    // 账号安全: reachable from a session that may only enrol (the rule requires it).
    const enrolment = { duringTotpEnrolment: true };
    register(app, api.viewTotp, async (req) => viewTotp(deps, ctxOf(req)), enrolment);
    register(app, api.startTotpSetup, async (req) => startTotpSetup(deps, ctxOf(req)), enrolment);
    register(app, api.enableTotp, async (req) => enableTotp(deps, ctxOf(req), req.body), enrolment);
    register(app, api.disableTotp, async (req) => {
      await disableTotp(deps, ctxOf(req), req.body);
      return { ok: true as const };
    });
  };
}
