import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MIME } from '../../../shared/endpoint';
import * as api from '../../../shared/funds.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import * as funds from './funds.service';
import { exportStatement, fundTotals } from './funds.statement';
import { contentDisposition } from '../../platform/download';

export function fundsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listBudgetLines, async (req) => funds.listBudgetLines(deps, ctxOf(req), req.query));
    register(app, api.createBudgetLine, async (req) => funds.createBudgetLine(deps, ctxOf(req), req.body));
    register(app, api.adjustBudgetLine, async (req) => funds.adjustBudgetLine(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.listFundEntries, async (req) => funds.listEntries(deps, ctxOf(req), req.query));
    register(app, api.getFundEntry, async (req) => funds.getEntry(deps, ctxOf(req), req.params.id));
    register(app, api.createFundEntry, async (req) => funds.createEntry(deps, ctxOf(req), req.body));
    register(app, api.correctFundEntry, async (req) => funds.correctEntry(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.fundTotals, async (req) => fundTotals(deps, ctxOf(req), req.query));
    register(app, api.exportFundStatement, async (req, reply) => {
      const { body, fileName } = await exportStatement(deps, ctxOf(req), req.query);
      return reply.header('content-type', MIME.xlsx).header('content-disposition', contentDisposition('attachment', fileName)).send(body);
    });
  };
}
