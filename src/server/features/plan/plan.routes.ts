import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/plan.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import { sendXlsx } from '../../platform/xlsx';
import * as documents from './plan.documents';
import { exportTasks } from './plan.export';
import * as tasks from './plan.tasks';

export function planRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listTasks, async (req) => tasks.listTasks(deps, ctxOf(req), req.query));
    register(app, api.exportTasks, async (req, reply) => sendXlsx(reply, await exportTasks(deps, ctxOf(req), req.query)));
    register(app, api.createTask, async (req) => tasks.createTask(deps, ctxOf(req), req.body));
    register(app, api.getTask, async (req) => tasks.getTask(deps, ctxOf(req), req.params.id));
    register(app, api.addTaskNote, async (req) => tasks.addNote(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.listMilestones, async (req) => documents.listMilestones(deps, ctxOf(req), req.query));
    register(app, api.createMilestone, async (req) => documents.createMilestone(deps, ctxOf(req), req.body));
    register(app, api.setMilestoneDone, async (req) => documents.setMilestoneDone(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.listDocuments, async (req) => documents.listDocuments(deps, ctxOf(req), req.query));
    register(app, api.addDocument, async (req) => documents.addDocument(deps, ctxOf(req), req.body));
  };
}
