import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DateString, IdParams } from '../../../shared/common';
import { MapConfigView, RoomBookingView, RoomInput, UpdateVenueInput, VenueInput, VenueView } from '../../../shared/venues';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import * as venues from './venues.service';

export function venuesRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['venues'];
    const list = z.object({ items: z.array(VenueView) });
    app.get('/api/venues', { schema: { tags, summary: '阵地（线上与五类线下阵地）', querystring: z.strictObject({ includeArchived: z.enum(['true', 'false']).optional() }), response: { 200: list } } }, async (req) =>
      venues.listVenues(deps, ctxOf(req), req.query.includeArchived === 'true'),
    );
    app.post('/api/venues', { schema: { tags, summary: '新增阵地（可带功能室）', body: VenueInput, response: { 201: VenueView } } }, async (req, reply) =>
      reply.code(201).send(await venues.createVenue(deps, ctxOf(req), req.body)),
    );
    app.get('/api/venues/:id', { schema: { tags, summary: '阵地详情', params: IdParams, response: { 200: VenueView } } }, async (req) => venues.getVenue(deps, ctxOf(req), req.params.id));
    app.patch('/api/venues/:id', { schema: { tags, summary: '修改阵地', params: IdParams, body: UpdateVenueInput, response: { 200: VenueView } } }, async (req) =>
      venues.updateVenue(deps, ctxOf(req), req.params.id, req.body),
    );
    app.post('/api/venues/:id/rooms', { schema: { tags, summary: '新增功能室', params: IdParams, body: RoomInput, response: { 200: VenueView } } }, async (req) =>
      venues.addRoom(deps, ctxOf(req), req.params.id, req.body),
    );
    app.patch('/api/rooms/:id', {
      schema: { tags, summary: '修改功能室', params: IdParams, body: RoomInput.partial().extend({ archived: z.boolean().optional() }).strict(), response: { 200: VenueView } },
    }, async (req) => venues.updateRoom(deps, ctxOf(req), req.params.id, req.body));
    app.get('/api/rooms/:id/bookings', {
      schema: {
        tags, summary: '功能室预订情况', params: IdParams, querystring: z.strictObject({ from: DateString, to: DateString }),
        response: { 200: z.object({ items: z.array(RoomBookingView) }) },
      },
    }, async (req) => venues.roomSchedule(deps, ctxOf(req), req.params.id, new Date(`${req.query.from}T00:00:00+08:00`).toISOString(), new Date(`${req.query.to}T23:59:59+08:00`).toISOString()));
    app.get('/api/public/venues', { schema: { tags: ['public', 'venues'], summary: '门户：阵地地图', response: { 200: list } }, config: { public: true } }, async () =>
      venues.listVenues(deps, null),
    );
    app.get('/api/public/map-config', { schema: { tags: ['public', 'venues'], summary: '地图瓦片配置（未配置时前端绘制坐标示意图）', response: { 200: MapConfigView } }, config: { public: true } }, async () =>
      venues.mapConfig(deps),
    );
  };
}
