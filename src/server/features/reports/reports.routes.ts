import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MIME } from '../../../shared/endpoint';
import * as api from '../../../shared/reports.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { contentDisposition } from '../../platform/download';
import { register } from '../../platform/register';
import { sendXlsx } from '../../platform/xlsx';
import * as exports from './reports.export';
import { buildReport } from './reports.service';

export function reportsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.getReport, async (req) => buildReport(deps, ctxOf(req), req.query));
    register(app, api.exportReportExcel, async (req, reply) => sendXlsx(reply, await exports.exportReportExcel(deps, ctxOf(req), req.query)));
    register(app, api.exportReportPdf, async (req, reply) => {
      const { body, fileName } = await exports.exportReportPdf(deps, ctxOf(req), req.query);
      return reply.header('content-type', MIME.pdf).header('content-disposition', contentDisposition('attachment', fileName)).send(body);
    });
  };
}
