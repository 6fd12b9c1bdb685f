import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MIME } from '../../../shared/endpoint';
import * as api from '../../../shared/needs.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import * as records from './needs.records';
import * as report from './needs.report';
import { contentDisposition } from '../../platform/download';

export function needsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listNeedsRecords, async (req) => records.listRecords(deps, ctxOf(req), req.query));
    register(app, api.recordNeeds, async (req) => records.recordNeeds(deps, ctxOf(req), req.body));
    register(app, api.withdrawNeedsRecord, async (req) => records.withdrawRecord(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.needsCounts, async (req) => report.needsCounts(deps, ctxOf(req), req.query));
    register(app, api.exportNeedsRecords, async (req, reply) => {
      const { body, fileName } = await report.exportRecords(deps, ctxOf(req), req.query);
      return reply.header('content-type', MIME.xlsx).header('content-disposition', contentDisposition('attachment', fileName)).send(body);
    });
  };
}
