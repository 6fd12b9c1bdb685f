import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/audit.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import { exportCheckpoint, listAudit, verifyAudit } from './audit.service';

export function auditRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listAudit, async (req) => listAudit(deps, ctxOf(req), req.query));
    register(app, api.verifyAudit, async (req) => verifyAudit(deps, ctxOf(req), req.body));
    register(app, api.exportAuditCheckpoint, async (req) => exportCheckpoint(deps, ctxOf(req)));
  };
}
