import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pingDb } from '../../platform/db';
import type { Deps } from '../../platform/deps';

export function healthRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/health',
      {
        schema: {
          tags: ['health'],
          summary: '健康检查',
          response: { 200: z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['ok', 'unavailable']), dialect: z.enum(['sqlite', 'postgres']) }) },
        },
        config: { public: true },
      },
      async (_req, reply) => {
        const ok = await pingDb(deps.db);
        reply.header('cache-control', 'no-store');
        return { status: ok ? ('ok' as const) : ('degraded' as const), db: ok ? ('ok' as const) : ('unavailable' as const), dialect: deps.dialect };
      },
    );
  };
}
