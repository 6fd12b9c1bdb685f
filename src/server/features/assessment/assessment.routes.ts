import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/assessment.endpoints';
import { MIME } from '../../../shared/endpoint';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import * as indicators from './assessment.indicators';
import * as periods from './assessment.periods';
import * as results from './assessment.results';
import * as sheet from './assessment.sheet';
import { contentDisposition } from '../../platform/download';

const attachment = (fileName: string) => contentDisposition('attachment', fileName);

export function assessmentRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listAssessmentIndicators, async (req) => indicators.listIndicators(deps, ctxOf(req), req.query));
    register(app, api.createAssessmentIndicator, async (req) => indicators.createIndicator(deps, ctxOf(req), req.body));
    register(app, api.createDefaultAssessmentIndicators, async (req) => indicators.useDefaultTree(deps, ctxOf(req), req.body.instituteId));
    register(app, api.updateAssessmentIndicator, async (req) => indicators.updateIndicator(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.listAssessmentPeriods, async (req) => periods.listPeriods(deps, ctxOf(req), req.query));
    register(app, api.openAssessmentPeriod, async (req) => periods.openPeriod(deps, ctxOf(req), req.body));
    register(app, api.getAssessmentPeriod, async (req) => periods.getPeriod(deps, ctxOf(req), req.params.id));
    register(app, api.reviewAssessmentPeriod, async (req) => periods.advancePeriod(deps, ctxOf(req), req.params.id, 'reviewing'));
    register(app, api.publishAssessmentPeriod, async (req) => periods.advancePeriod(deps, ctxOf(req), req.params.id, 'published'));
    register(app, api.getAssessmentSheet, async (req) => sheet.getSheet(deps, ctxOf(req), req.params.id, req.params.stationId));
    register(app, api.scoreAssessmentSelf, async (req) => sheet.scoreSelf(deps, ctxOf(req), req.params.id, req.params.stationId, req.body));
    register(app, api.submitAssessmentSelf, async (req) => sheet.submitSelf(deps, ctxOf(req), req.params.id, req.params.stationId));
    register(app, api.scoreAssessmentReview, async (req) => sheet.scoreReview(deps, ctxOf(req), req.params.id, req.params.stationId, req.body));
    register(app, api.listAssessmentResults, async (req) => results.listResults(deps, ctxOf(req), req.params.id, req.query));
    register(app, api.listAssessmentHistory, async (req) => results.stationHistory(deps, ctxOf(req), req.params.stationId, req.query));
    register(app, api.exportAssessmentExcel, async (req, reply) => {
      const { body, fileName } = await results.exportExcel(deps, ctxOf(req), req.params.id);
      return reply.header('content-type', MIME.xlsx).header('content-disposition', attachment(fileName)).send(body);
    });
    register(app, api.exportAssessmentPdf, async (req, reply) => {
      const { body, fileName } = await results.exportPdf(deps, ctxOf(req), req.params.id);
      return reply.header('content-type', MIME.pdf).header('content-disposition', attachment(fileName)).send(body);
    });
  };
}
