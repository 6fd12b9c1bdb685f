import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/settings.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import { resetRule, updateRule, viewSettings } from './settings.service';

export function settingsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.viewMySettings, async (req) => viewSettings(deps, ctxOf(req)));
    register(app, api.viewSettings, async (req) => viewSettings(deps, ctxOf(req), req.params.unitId));
    register(app, api.updateRule, async (req) => updateRule(deps, ctxOf(req), req.params.unitId, req.params.key, req.body.value));
    register(app, api.resetRule, async (req) => resetRule(deps, ctxOf(req), req.params.unitId, req.params.key));
  };
}
