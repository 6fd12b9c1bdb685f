import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChangePasswordInput, LoginInput, SessionView } from '../../../shared/accounts';
import { OkView } from '../../../shared/common';
import { clearSessionCookie, ctxOf, sessionCookieName, setSessionCookie } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { changePassword, describeSession, login, logout } from './auth.service';

export function authRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const meta = (req: { ip: string; id: unknown; headers: Record<string, unknown>; cookies: Record<string, string | undefined> }) => ({
      ip: req.ip,
      requestId: String(req.id),
      userAgent: (req.headers['user-agent'] as string | undefined) ?? null,
      previousToken: req.cookies[sessionCookieName(deps)] ?? null,
    });

    app.post(
      '/api/auth/login',
      {
        schema: { tags: ['accounts'], summary: '登录（账号或手机号 + 密码）', body: LoginInput, response: { 200: SessionView } },
        config: { public: true, rateLimit: { max: deps.config.loginRateLimit.max, timeWindow: deps.config.loginRateLimit.windowMs } },
      },
      async (req, reply) => {
        const issued = await login(deps, meta(req), req.body);
        setSessionCookie(deps, reply, issued.token, issued.maxAgeSeconds);
        return issued.view;
      },
    );

    app.post(
      '/api/auth/logout',
      { schema: { tags: ['accounts'], summary: '退出登录', response: { 200: OkView } }, config: { duringPasswordChange: true } },
      async (req, reply) => {
        await logout(deps, ctxOf(req));
        clearSessionCookie(deps, reply);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/auth/me',
      { schema: { tags: ['accounts'], summary: '当前登录信息', response: { 200: SessionView } }, config: { duringPasswordChange: true } },
      async (req) => describeSession(deps, ctxOf(req).actor),
    );

    app.post(
      '/api/auth/password',
      {
        schema: { tags: ['accounts'], summary: '修改密码（其他会话全部下线）', body: ChangePasswordInput, response: { 200: SessionView } },
        config: { duringPasswordChange: true },
      },
      async (req, reply) => {
        const issued = await changePassword(deps, ctxOf(req), meta(req), req.body);
        setSessionCookie(deps, reply, issued.token, issued.maxAgeSeconds);
        return issued.view;
      },
    );
  };
}
