import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/recognition.endpoints';
import { ctxOf } from '../../platform/auth';
import { publicBaseUrl } from '../../platform/config';
import type { Deps } from '../../platform/deps';
import { contentDisposition } from '../../platform/download';
import { register } from '../../platform/register';
import { sendXlsx } from '../../platform/xlsx';
import * as awards from './recognition.awards';
import * as benefits from './recognition.benefits';
import * as consent from './recognition.consent';
import * as honours from './recognition.honours';

export function recognitionRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.giveAward, async (req) => awards.giveAward(deps, ctxOf(req), req.body));
    register(app, api.listRecognitionAwards, async (req) => awards.listAwards(deps, ctxOf(req), req.query));
    register(app, api.awardPdf, async (req, reply) => {
      const { pdf, number } = await awards.awardPdf(deps, ctxOf(req), req.params.id, publicBaseUrl(deps.config, req));
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition('inline', `荣誉证书-${number}.pdf`))
        .send(pdf);
    });
    register(app, api.revokeAward, async (req) => awards.revokeAward(deps, ctxOf(req), req.params.id, req.body.reason));
    register(app, api.listMilestones, async (req) => honours.listMilestones(deps, ctxOf(req), req.query.year));
    register(app, api.honourList, async (req) => honours.honourList(deps, ctxOf(req), req.query.year));
    register(app, api.exportHonourList, async (req, reply) => sendXlsx(reply, await honours.exportHonourList(deps, ctxOf(req), req.query.year)));
    register(app, api.listBenefits, async (req) => benefits.listBenefits(deps, ctxOf(req), req.query));
    register(app, api.createBenefit, async (req) => benefits.createBenefit(deps, ctxOf(req), req.body));
    register(app, api.updateBenefit, async (req) => benefits.updateBenefit(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.myHonours, async (req) => consent.myHonours(deps, ctxOf(req)));
    register(app, api.setMyConsent, async (req) => consent.setMyConsent(deps, ctxOf(req), req.body.status));
    register(app, api.viewConsent, async (req) => consent.viewConsent(deps, ctxOf(req), req.params.id));
    register(app, api.recordConsent, async (req) => consent.recordConsent(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.publicHonours, async (req) => consent.publicHonours(deps, req.query), { rateLimit: { max: 60, timeWindow: 60_000 } });
  };
}
