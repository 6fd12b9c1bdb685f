import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/health.endpoints';
import { pingDb } from '../../platform/db';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';

export function healthRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.health, async (_req, reply) => {
      const ok = await pingDb(deps.db);
      reply.header('cache-control', 'no-store');
      return { status: ok ? ('ok' as const) : ('degraded' as const), db: ok ? ('ok' as const) : ('unavailable' as const), dialect: deps.dialect };
    });
  };
}
