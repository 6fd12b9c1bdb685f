import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/showcase.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { contentDisposition, sendBytes } from '../../platform/download';
import { register } from '../../platform/register';
import * as publishing from './showcase.publishing';
import * as showcase from './showcase.service';

export function showcaseRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listShowcase, async (req) => showcase.listShowcase(deps, ctxOf(req), req.query));
    register(app, api.createShowcase, async (req) => showcase.createShowcase(deps, ctxOf(req), req.body));
    register(app, api.getShowcase, async (req) => showcase.getShowcase(deps, ctxOf(req), req.params.id));
    register(app, api.updateShowcase, async (req) => showcase.updateShowcase(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.publishShowcase, async (req) => publishing.publishShowcase(deps, ctxOf(req), req.params.id));
    register(app, api.withdrawShowcase, async (req) => publishing.withdrawShowcase(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.listPublicShowcase, async (req) => publishing.publicShowcase(deps, req.query));
    register(app, api.readPublicShowcaseFile, async (req, reply) => {
      const { file, bytes } = await publishing.readPublicShowcaseFile(deps, req.params.id);
      reply.header('content-type', file.mime);
      reply.header('cache-control', 'public, max-age=300');
      reply.header('x-content-type-options', 'nosniff');
      reply.header('content-disposition', contentDisposition('inline', file.original_name));
      return sendBytes(req, reply, bytes);
    });
  };
}
