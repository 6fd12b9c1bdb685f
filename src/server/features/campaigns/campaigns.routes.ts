import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/campaigns.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import * as nominations from './campaigns.nominations';
import * as notice from './campaigns.notice';
import * as campaigns from './campaigns.service';

export function campaignsRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listCampaigns, async (req) => campaigns.listCampaigns(deps, ctxOf(req), req.query));
    register(app, api.createCampaign, async (req) => campaigns.createCampaign(deps, ctxOf(req), req.body));
    register(app, api.getCampaign, async (req) => campaigns.getCampaign(deps, ctxOf(req), req.params.id));
    register(app, api.nominate, async (req) => nominations.nominate(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.withdrawNomination, async (req) => nominations.withdrawNomination(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.decideNomination, async (req) => nominations.decideNomination(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.publishCampaign, async (req) => notice.publishCampaign(deps, ctxOf(req), req.params.id));
    register(app, api.finaliseCampaign, async (req) => notice.finaliseCampaign(deps, ctxOf(req), req.params.id));
    register(app, api.resolveObjection, async (req) => notice.resolveObjection(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.listPublicCampaigns, async () => notice.publicCampaigns(deps));
    register(app, api.fileObjection, async (req) => notice.fileObjection(deps, { ip: req.ip, requestId: String(req.id) }, req.params.id, req.body), {
      rateLimit: { max: 5, timeWindow: 60_000 },
    });
  };
}
