import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/dashboard.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import * as dashboard from './dashboard.service';

export function dashboardRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.viewDashboard, async (req) => dashboard.viewDashboard(deps, ctxOf(req), req.query.unitId));
    register(app, api.viewPublicDashboard, async (req) => dashboard.viewPublicDashboard(deps, req.query));
  };
}
