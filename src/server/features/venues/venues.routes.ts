import { chinaDayEnd, chinaDayStart } from '../../../shared/china-time';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/venues.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import * as venues from './venues.service';

export function venuesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listVenues, async (req) => venues.listVenues(deps, ctxOf(req), req.query));
    register(app, api.createVenue, async (req) => venues.createVenue(deps, ctxOf(req), req.body));
    register(app, api.getVenue, async (req) => venues.getVenue(deps, ctxOf(req), req.params.id));
    register(app, api.updateVenue, async (req) => venues.updateVenue(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.addRoom, async (req) => venues.addRoom(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.updateRoom, async (req) => venues.updateRoom(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.roomBookings, async (req) =>
      venues.roomSchedule(deps, ctxOf(req), req.params.id, {
        ...req.query,
        from: chinaDayStart(req.query.from),
        to: chinaDayEnd(req.query.to),
      }),
    );
    register(app, api.listPublicVenues, async (req) => venues.listVenues(deps, null, req.query));
    register(app, api.mapConfig, async () => venues.mapConfig(deps));
  };
}
