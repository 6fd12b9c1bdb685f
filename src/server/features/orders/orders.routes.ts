import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id, IdParams, Paged } from '../../../shared/common';
import {
  OrderActionInput,
  OrderListQuery,
  OrderView,
  PlaceOrderInput,
  PortalOrderInput,
  ServiceItemInput,
  ServiceItemView,
  SuggestionView,
} from '../../../shared/orders';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { actOnOrder } from './orders.actions';
import { getOrder, listOrders, myOrders, myTasks } from './orders.listing';
import { suggestVolunteers } from './orders.matching';
import { archiveItem, createItem, listItemsForStaff, menuFor } from './orders.menu';
import { placeOrder, placePortalOrder } from './orders.placing';

export function ordersRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['orders'];
    const items = <T extends z.ZodType>(t: T) => z.object({ items: z.array(t) });
    app.get('/api/service-items', { schema: { tags, summary: '需求清单（工作人员管理用）', response: { 200: items(ServiceItemView) } } }, async (req) =>
      listItemsForStaff(deps, ctxOf(req)),
    );
    app.post(
      '/api/service-items',
      { schema: { tags, summary: '新增服务项目', body: ServiceItemInput, response: { 201: ServiceItemView } } },
      async (req, reply) => reply.code(201).send(await createItem(deps, ctxOf(req), req.body)),
    );
    app.patch(
      '/api/service-items/:id',
      { schema: { tags, summary: '停用/启用服务项目', params: IdParams, body: z.strictObject({ archived: z.boolean() }), response: { 200: ServiceItemView } } },
      async (req) => archiveItem(deps, ctxOf(req), req.params.id, req.body.archived),
    );
    app.get(
      '/api/public/service-items',
      {
        schema: {
          tags: ['public', 'orders'],
          summary: '门户：某实践站的服务清单',
          querystring: z.strictObject({ stationId: Id.optional() }),
          response: { 200: items(ServiceItemView) },
        },
        config: { public: true },
      },
      async (req) => menuFor(deps, req.query.stationId),
    );
    app.post(
      '/api/public/orders',
      {
        schema: {
          tags: ['public', 'orders'],
          summary: '门户：居民提交需求（工作人员回电核实）',
          body: PortalOrderInput,
          response: { 201: z.object({ number: z.string(), status: z.literal('submitted') }) },
        },
        config: { public: true, rateLimit: { max: 5, timeWindow: 60_000 } },
      },
      async (req, reply) => reply.code(201).send(await placePortalOrder(deps, { ip: req.ip, requestId: String(req.id) }, req.body)),
    );

    app.get(
      '/api/orders',
      { schema: { tags, summary: '需求单工作队列（按状态、超时）', querystring: OrderListQuery, response: { 200: Paged(OrderView) } } },
      async (req) => listOrders(deps, ctxOf(req), req.query),
    );
    app.post(
      '/api/orders',
      { schema: { tags, summary: '点单（居民本人，或工作人员代为点单）', body: PlaceOrderInput, response: { 201: OrderView } } },
      async (req, reply) => reply.code(201).send(await placeOrder(deps, ctxOf(req), req.body)),
    );
    app.get('/api/orders/mine', { schema: { tags, summary: '我点的单', response: { 200: items(OrderView) } } }, async (req) => myOrders(deps, ctxOf(req)));
    app.get('/api/orders/tasks', { schema: { tags, summary: '志愿者可接和已接的单', response: { 200: items(OrderView) } } }, async (req) =>
      myTasks(deps, ctxOf(req)),
    );
    app.get('/api/orders/:id', { schema: { tags, summary: '需求单详情与流转记录', params: IdParams, response: { 200: OrderView } } }, async (req) =>
      getOrder(deps, ctxOf(req), req.params.id),
    );
    app.post(
      '/api/orders/:id/actions',
      { schema: { tags, summary: '审单、派单、接单、结项、评单等', params: IdParams, body: OrderActionInput, response: { 200: OrderView } } },
      async (req) => actOnOrder(deps, ctxOf(req), req.params.id, req.body),
    );
    app.get(
      '/api/orders/:id/suggestions',
      { schema: { tags, summary: '派单推荐志愿者（附理由）', params: IdParams, response: { 200: items(SuggestionView) } } },
      async (req) => suggestVolunteers(deps, ctxOf(req), req.params.id),
    );
  };
}
