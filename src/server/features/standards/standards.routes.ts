import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MIME } from '../../../shared/endpoint';
import * as api from '../../../shared/standards.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import { exportBoard, standardsBoard } from './standards.board';
import * as evidence from './standards.evidence';
import { contentDisposition } from '../../platform/download';

export function standardsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.standardsBoard, async (req) => standardsBoard(deps, ctxOf(req), req.query));
    register(app, api.standardsOfUnit, async (req) => evidence.unitStandards(deps, ctxOf(req), req.params.unitId));
    register(app, api.addStandardEvidence, async (req) => evidence.addEvidence(deps, ctxOf(req), req.body));
    register(app, api.withdrawStandardEvidence, async (req) => evidence.withdrawEvidence(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.confirmStandard, async (req) => evidence.confirmStandard(deps, ctxOf(req), req.body));
    register(app, api.exportStandardsBoard, async (req, reply) => {
      const { body, fileName } = await exportBoard(deps, ctxOf(req), req.query);
      return reply.header('content-type', MIME.xlsx).header('content-disposition', contentDisposition('attachment', fileName)).send(body);
    });
  };
}
