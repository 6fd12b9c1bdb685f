import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/programmes.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import * as programmes from './programmes.service';

export function programmesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listProgrammes, async (req) => programmes.listProgrammes(deps, ctxOf(req), req.query));
    register(app, api.createProgramme, async (req) => programmes.createProgramme(deps, ctxOf(req), req.body));
    register(app, api.updateProgramme, async (req) => programmes.updateProgramme(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.listBrands, async (req) => programmes.listBrands(deps, req.query));
    register(app, api.setBrand, async (req) => programmes.setBrand(deps, ctxOf(req), req.params.unitId, req.body));
    register(app, api.listPublicBrands, async (req) => programmes.listBrands(deps, req.query));
  };
}
