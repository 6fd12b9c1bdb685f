import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as api from '../../../shared/orders.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import { sendXlsx } from '../../platform/xlsx';
import { actOnOrder } from './orders.actions';
import { exportOrders } from './orders.export';
import { getOrder, listOrders, myOrders, myTasks } from './orders.listing';
import { suggestVolunteers } from './orders.matching';
import { archiveItem, createItem, listItemsForStaff, menuFor } from './orders.menu';
import { placeOrder, placePortalOrder } from './orders.placing';

export function ordersRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listServiceItems, async (req) => listItemsForStaff(deps, ctxOf(req), req.query));
    register(app, api.createServiceItem, async (req) => createItem(deps, ctxOf(req), req.body));
    register(app, api.archiveServiceItem, async (req) => archiveItem(deps, ctxOf(req), req.params.id, req.body.archived));
    register(app, api.listPublicServiceItems, async (req) => menuFor(deps, req.query));
    register(app, api.placePortalOrder, async (req) => placePortalOrder(deps, { ip: req.ip, requestId: String(req.id) }, req.body), {
      rateLimit: { max: 5, timeWindow: 60_000 },
    });

    register(app, api.listOrders, async (req) => listOrders(deps, ctxOf(req), req.query));
    register(app, api.placeOrder, async (req) => placeOrder(deps, ctxOf(req), req.body));
    register(app, api.listMyOrders, async (req) => myOrders(deps, ctxOf(req), req.query));
    register(app, api.exportOrders, async (req, reply) => sendXlsx(reply, await exportOrders(deps, ctxOf(req), req.query)));
    register(app, api.listMyTasks, async (req) => myTasks(deps, ctxOf(req), req.query));
    register(app, api.getOrder, async (req) => getOrder(deps, ctxOf(req), req.params.id));
    register(app, api.actOnOrder, async (req) => actOnOrder(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.listSuggestions, async (req) => suggestVolunteers(deps, ctxOf(req), req.params.id));
  };
}
