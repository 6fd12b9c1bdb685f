import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/news.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import { sendBytes } from '../../platform/download';
import { sendXlsx } from '../../platform/xlsx';
import * as pub from './news.public';
import * as news from './news.service';
import * as submissions from './news.submissions';

export function newsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listNews, async (req) => news.listNews(deps, ctxOf(req), req.query));
    register(app, api.createNews, async (req) => news.createNews(deps, ctxOf(req), req.body));
    register(app, api.getNews, async (req) => news.getNews(deps, ctxOf(req), req.params.id));
    register(app, api.updateNews, async (req) => news.updateNews(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.publishNews, async (req) => news.publishNews(deps, ctxOf(req), req.params.id));
    register(app, api.withdrawNews, async (req) => news.withdrawNews(deps, ctxOf(req), req.params.id, req.body.reason));
    register(app, api.submitNews, async (req) => submissions.submitNews(deps, ctxOf(req), req.params.id));
    register(app, api.adoptNews, async (req) => submissions.adoptNews(deps, ctxOf(req), req.params.id));
    register(app, api.returnNews, async (req) => submissions.returnNews(deps, ctxOf(req), req.params.id, req.body.reason));
    register(app, api.newsSubmissionCounts, async (req) => submissions.submissionCounts(deps, ctxOf(req), req.query.month));
    register(app, api.exportNewsSubmissionCounts, async (req, reply) =>
      sendXlsx(reply, await submissions.exportSubmissionCounts(deps, ctxOf(req), req.query.month)),
    );
    register(app, api.listPublicNews, async (req) => pub.listPublicNews(deps, req.query));
    register(app, api.getPublicNews, async (req) => pub.getPublicNews(deps, req.params.id));
    register(app, api.readPublicNewsImage, async (req, reply) => {
      const { file, bytes } = await pub.readPublicNewsImage(deps, req.params.id);
      reply.header('content-type', file.mime);
      reply.header('cache-control', 'public, max-age=300');
      reply.header('x-content-type-options', 'nosniff');
      return sendBytes(req, reply, bytes);
    });
  };
}
