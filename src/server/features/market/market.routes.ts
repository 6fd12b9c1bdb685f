import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { MIME } from '../../../shared/endpoint';
import * as api from '../../../shared/market.endpoints';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { contentDisposition } from '../../platform/download';
import { register } from '../../platform/register';
import * as catalogue from './market.catalogue';
import * as intakes from './market.intakes';
import { myMarket } from './market.me';
import * as reconciliation from './market.reconcile';
import * as reservations from './market.reservations';

export function marketRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, api.listMarketShops, async (req) => catalogue.listShops(deps, ctxOf(req), req.query));
    register(app, api.createMarketShop, async (req) => catalogue.createShop(deps, ctxOf(req), req.body));
    register(app, api.updateMarketShop, async (req) => catalogue.updateShop(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.listMarketGoods, async (req) => catalogue.listGoods(deps, ctxOf(req), req.query));
    register(app, api.createMarketGoods, async (req) => catalogue.createGoods(deps, ctxOf(req), req.body));
    register(app, api.updateMarketGoods, async (req) => catalogue.updateGoods(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.listMarketDonors, async (req) => catalogue.listDonors(deps, ctxOf(req), req.query));
    register(app, api.createMarketDonor, async (req) => catalogue.createDonor(deps, ctxOf(req), req.body));
    register(app, api.listMarketIntakes, async (req) => intakes.listIntakes(deps, ctxOf(req), req.query));
    register(app, api.createMarketIntake, async (req) => intakes.createIntake(deps, ctxOf(req), req.body));
    register(app, api.downloadMarketReceipt, async (req, reply) => {
      const { body, fileName } = await intakes.receiptPdf(deps, ctxOf(req), req.params.id);
      return reply.header('content-type', MIME.pdf).header('content-disposition', contentDisposition('attachment', fileName)).send(body);
    });
    register(app, api.listMarketStock, async (req) => intakes.listStock(deps, ctxOf(req), req.query));
    register(app, api.recordMarketStockOut, async (req) => intakes.recordStockOut(deps, ctxOf(req), req.body));
    register(app, api.viewMyMarket, async (req) => myMarket(deps, ctxOf(req)));
    register(app, api.listMyMarketReservations, async (req) => reservations.listMine(deps, ctxOf(req), req.query));
    register(app, api.listMarketReservations, async (req) => reservations.listForCounter(deps, ctxOf(req), req.query));
    register(app, api.reserveMarketGoods, async (req) => reservations.reserve(deps, ctxOf(req), req.body));
    register(app, api.collectMarketReservation, async (req) => reservations.collect(deps, ctxOf(req), req.params.id));
    register(app, api.cancelMarketReservation, async (req) => reservations.cancel(deps, ctxOf(req), req.params.id, req.body));
    register(app, api.viewMarketReconciliation, async (req) => reconciliation.reconcile(deps, ctxOf(req), req.query));
    register(app, api.exportMarketReconciliation, async (req, reply) => {
      const { body, fileName } = await reconciliation.exportReconciliation(deps, ctxOf(req), req.query);
      return reply.header('content-type', MIME.xlsx).header('content-disposition', contentDisposition('attachment', fileName)).send(body);
    });
  };
}
