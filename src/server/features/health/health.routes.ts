import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/health.endpoints';
import { pingDb } from '../../platform/db';
import { diskState } from '../../platform/disk';
import { AppError } from '../../platform/errors';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';

export function healthRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.health, async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      if (!(await pingDb(deps.db))) {
        reply.header('retry-after', '1');
        throw new AppError('service.unavailable');
      }
      const disk = await diskState({ db: deps.db, dialect: deps.dialect, dataDir: deps.config.dataDir, minFreeBytes: deps.config.diskMinFreeBytes });
      if (disk.disk === 'full') {
        reply.header('retry-after', '30');
        throw new AppError('service.disk_full', { details: { disk: 'full', reason: disk.reason } });
      }
      return { status: 'ok' as const, db: 'ok' as const, dialect: deps.dialect, disk: 'ok' as const };
    });
    register(app, api.live, async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return { status: 'ok' as const };
    });
  };
}
