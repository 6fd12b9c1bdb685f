import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CareRecipientInput, CareRecipientView, CareVisitInput, CareVisitView, UpdateCareRecipientInput } from '../../../shared/care';
import { Id, IdParams } from '../../../shared/common';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import * as care from './care.service';

const Detail = z.object({ recipient: CareRecipientView, visits: z.array(CareVisitView) });

export function careRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['care'];
    app.get('/api/care-recipients', {
      schema: {
        tags, summary: '关爱对象（仅服务站点与实践所管理员可见，访问记入审计）',
        querystring: z.strictObject({ stationId: Id.optional(), flagged: z.enum(['true', 'false']).optional(), includeArchived: z.enum(['true', 'false']).optional() }),
        response: { 200: z.object({ items: z.array(CareRecipientView) }) },
      },
    }, async (req) => care.listRecipients(deps, ctxOf(req), { stationId: req.query.stationId, flagged: req.query.flagged === 'true', includeArchived: req.query.includeArchived === 'true' }));
    app.get('/api/care-recipients/flags', {
      schema: { tags, summary: '长期未联系的关爱对象提醒', response: { 200: z.object({ noContactDays: z.number().int(), total: z.number().int(), stations: z.array(z.object({ stationId: Id, stationName: z.string(), count: z.number().int() })) }) } },
    }, async (req) => care.careFlags(deps, ctxOf(req)));
    app.post('/api/care-recipients', { schema: { tags, summary: '登记关爱对象（记录法定依据或单独同意）', body: CareRecipientInput, response: { 201: Detail } } }, async (req, reply) =>
      reply.code(201).send(await care.createRecipient(deps, ctxOf(req), req.body)),
    );
    app.get('/api/care-recipients/:id', { schema: { tags, summary: '关爱对象详情（每次查看记入审计）', params: IdParams, response: { 200: Detail } } }, async (req) =>
      care.getRecipient(deps, ctxOf(req), req.params.id),
    );
    app.patch('/api/care-recipients/:id', { schema: { tags, summary: '修改关爱对象', params: IdParams, body: UpdateCareRecipientInput, response: { 200: Detail } } }, async (req) =>
      care.updateRecipient(deps, ctxOf(req), req.params.id, req.body),
    );
    app.post('/api/care-recipients/:id/visits', { schema: { tags, summary: '记录走访或电话联系', params: IdParams, body: CareVisitInput, response: { 200: Detail } } }, async (req) =>
      care.addVisit(deps, ctxOf(req), req.params.id, req.body),
    );
  };
}
