import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/activity-plans.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import { sendXlsx } from '../../platform/xlsx';
import { exportPlanMatrix } from './activity-plans.export';
import * as assignments from './activity-plans.assignments';
import * as plans from './activity-plans.plans';

export function activityPlansRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listActivityPlans, async (req) => plans.listPlans(deps, ctxOf(req), req.query));
    register(app, api.createActivityPlan, async (req) => plans.createPlan(deps, ctxOf(req), req.body));
    register(app, api.getActivityPlan, async (req) => plans.getPlan(deps, ctxOf(req), req.params.id));
    register(app, api.addActivityPlanItem, async (req) => plans.addItem(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.publishActivityPlan, async (req) => plans.publishPlan(deps, ctxOf(req), req.params.id));
    register(app, api.activityPlanMatrix, async (req) => assignments.planMatrix(deps, ctxOf(req), req.params.id, req.query));
    register(app, api.exportActivityPlanMatrix, async (req, reply) => sendXlsx(reply, await exportPlanMatrix(deps, ctxOf(req), req.params.id)));
    register(app, api.listPlanAssignments, async (req) => assignments.listAssignments(deps, ctxOf(req), req.query));
    register(app, api.acceptPlanAssignment, async (req) => assignments.accept(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.linkPlanAssignment, async (req) => assignments.linkActivity(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.markPlanAssignmentNotHeld, async (req) => assignments.markNotHeld(deps, ctxOf(req), req.params.id, req.body));
  };
}
