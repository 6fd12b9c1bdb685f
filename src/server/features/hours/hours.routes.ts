import type {} from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/hours.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import { sendXlsx } from '../../platform/xlsx';
import * as exports from './hours.export';
import { importHours } from './hours.import';
import { exportHoursNational } from './hours.national';
import { AppError } from '../../platform/errors';
import * as hours from './hours.service';

export function hoursRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listRecords, async (req) => hours.listRecords(deps, ctxOf(req), req.query));
    register(app, api.listMyRecords, async (req) => hours.listMyRecords(deps, ctxOf(req), req.query));
    register(app, api.mySummary, async (req) => hours.mySummary(deps, ctxOf(req)));
    register(app, api.getRecord, async (req) => hours.getRecord(deps, ctxOf(req), req.params.id));
    register(app, api.backfill, async (req) => hours.enterBackfill(deps, ctxOf(req), req.body));
    register(app, api.decide, async (req) => hours.decideRecord(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.approveMany, async (req) => hours.approveMany(deps, ctxOf(req), req.body.ids));
    register(app, api.correct, async (req) => hours.correctRecord(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.hoursSummary, async (req) => hours.hoursSummary(deps, ctxOf(req), req.params.id));
    register(app, api.recognitions, async (req) => hours.recognitionList(deps, ctxOf(req), req.query));
    register(app, api.exportStarList, async (req, reply) => sendXlsx(reply, await exports.exportStarList(deps, ctxOf(req), req.query)));
    register(app, api.exportHoursByVolunteer, async (req, reply) => sendXlsx(reply, await exports.exportHoursByVolunteer(deps, ctxOf(req), req.query)));

    register(app, api.exportHoursNational, async (req, reply) => sendXlsx(reply, await exportHoursNational(deps, ctxOf(req), req.body)));
    register(app, api.importHours, async (req) => {
      if (!req.isMultipart()) throw new AppError('files.missing');
      const part = await req.file({ limits: { fileSize: 10 * 1024 * 1024, files: 1 } });
      if (!part) throw new AppError('files.missing');
      const bytes = await part.toBuffer().catch((err: { code?: string }) => {
        throw err?.code === 'FST_REQ_FILE_TOO_LARGE' ? new AppError('files.too_large') : err;
      });
      return importHours(deps, ctxOf(req), { bytes, name: part.filename }, { dryRun: req.query.dryRun !== 'false', evidenceFileId: req.query.evidenceFileId });
    });

    register(app, api.listTraining, async (req) => hours.listTraining(deps, ctxOf(req), req.params.id, req.query));
    register(app, api.addTraining, async (req) => hours.addTraining(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.listAwards, async (req) => hours.listAwards(deps, ctxOf(req), req.params.id, req.query));
    register(app, api.addAward, async (req) => hours.addAward(deps, ctxOf(req), req.params.id, req.body));

    register(app, api.listCorrectionRequests, async (req) => hours.listCorrectionRequests(deps, ctxOf(req), req.query));
    register(app, api.requestCorrection, async (req) => hours.requestCorrection(deps, ctxOf(req), req.body));
    register(app, api.resolveCorrection, async (req) => hours.resolveCorrection(deps, ctxOf(req), req.params.id, req.body));
  };
}
