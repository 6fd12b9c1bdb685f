import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/training.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import { sendXlsx } from '../../platform/xlsx';
import * as attendance from './training.attendance';
import * as coverage from './training.coverage';
import * as exports from './training.export';
import * as training from './training.service';

export function trainingRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listTrainingSessions, async (req) => training.listSessions(deps, ctxOf(req), req.query));
    register(app, api.createTrainingSession, async (req) => training.createSession(deps, ctxOf(req), req.body));
    register(app, api.getTrainingSession, async (req) => training.getSession(deps, ctxOf(req), req.params.id));
    register(app, api.listTrainees, async (req) => training.listTrainees(deps, ctxOf(req), req.params.id, req.query));
    register(app, api.markTrainingAttendance, async (req) => attendance.markAttendance(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.setTrainingMaterials, async (req) => training.setMaterials(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.trainingSignInToken, async (req) => attendance.signInToken(deps, ctxOf(req), req.params.id));
    register(app, api.myTrainingSeat, async (req) => attendance.mySeat(deps, ctxOf(req), req.params.id));
    register(app, api.signInToTraining, async (req) => attendance.signIn(deps, ctxOf(req), req.params.id, req.body.token));
    register(app, api.exportTrainingSessions, async (req, reply) => sendXlsx(reply, await exports.exportSessions(deps, ctxOf(req), req.query)));
    register(app, api.exportTrainingCoverage, async (req, reply) => sendXlsx(reply, await exports.exportCoverage(deps, ctxOf(req), req.query)));
    register(app, api.listTrainingCoverage, async (req) => coverage.listCoverage(deps, ctxOf(req), req.query));
    register(app, api.getTrainingCoverage, async (req) => coverage.coverageDetail(deps, ctxOf(req), req.params.unitId, req.query));
  };
}
