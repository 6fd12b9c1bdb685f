import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/privacy.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { contentDisposition } from '../../platform/download';
import { register } from '../../platform/register';
import { exportMyData } from './privacy.export';
import * as requests from './privacy.requests';

export function privacyRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.exportMyData, async (req, reply) => {
      const { body, fileName } = await exportMyData(deps, ctxOf(req));
      return reply
        .header('content-type', 'application/json; charset=utf-8')
        .header('content-disposition', contentDisposition('attachment', fileName))
        .header('cache-control', 'no-store')
        .send(body);
    });
    register(app, api.listMyPrivacyRequests, async (req) => requests.myRequests(deps, ctxOf(req)));
    register(app, api.requestDeletion, async (req) => requests.requestDeletion(deps, ctxOf(req), req.body));
    register(app, api.listPrivacyRequests, async (req) => requests.listRequests(deps, ctxOf(req), req.query));
    register(app, api.decidePrivacyRequest, async (req) => requests.decideRequest(deps, ctxOf(req), req.params.id, req.body));
  };
}
