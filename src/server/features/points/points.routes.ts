import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/points.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import { sendXlsx } from '../../platform/xlsx';
import { grantActivityBonus, grantPoints, revokeEntry } from './points.manual';
import { exportLedger, listHolders, listLedger, myStatement, verifyPoints, volunteerStatement } from './points.statement';

export function pointsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.myPoints, async (req) => myStatement(deps, ctxOf(req), req.query));
    register(app, api.listPointHolders, async (req) => listHolders(deps, ctxOf(req), req.query));
    register(app, api.volunteerPoints, async (req) => volunteerStatement(deps, ctxOf(req), req.params.id, req.query));
    register(app, api.grantPoints, async (req) => grantPoints(deps, ctxOf(req), req.params.id, req.body, 'grant'));
    register(app, api.deductPoints, async (req) => grantPoints(deps, ctxOf(req), req.params.id, req.body, 'deduct'));
    register(app, api.revokePointEntry, async (req) => revokeEntry(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.listPointEntries, async (req) => listLedger(deps, ctxOf(req), req.query));
    register(app, api.exportPointEntries, async (req, reply) => sendXlsx(reply, await exportLedger(deps, ctxOf(req), req.query)));
    register(app, api.grantActivityBonus, async (req) => grantActivityBonus(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.verifyPoints, async (req) => verifyPoints(deps, ctxOf(req)));
  };
}
