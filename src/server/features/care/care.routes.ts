import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/care.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import * as care from './care.service';

export function careRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listCareRecipients, async (req) =>
      care.listRecipients(deps, ctxOf(req), { ...req.query, flagged: req.query.flagged === 'true', includeArchived: req.query.includeArchived === 'true' }),
    );
    register(app, api.careFlags, async (req) => care.careFlags(deps, ctxOf(req)));
    register(app, api.createCareRecipient, async (req) => care.createRecipient(deps, ctxOf(req), req.body));
    register(app, api.getCareRecipient, async (req) => care.getRecipient(deps, ctxOf(req), req.params.id));
    register(app, api.updateCareRecipient, async (req) => care.updateRecipient(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.addCareVisit, async (req) => care.addVisit(deps, ctxOf(req), req.params.id, req.body));
  };
}
