import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Id, IdParams, OkView } from '../../../shared/common';
import { Open311KeyInput } from '../../../shared/orders';
import { ctxOf } from '../../platform/auth';
import type { Deps } from '../../platform/deps';
import { renderErrors, renderList, renderObject } from './open311.format';
import * as open311 from './open311.service';

const TYPES = { xml: 'text/xml; charset=utf-8', json: 'application/json; charset=utf-8' } as const;
type Format = keyof typeof TYPES;

/**
 * Open311 GeoReport v2 at /open311: discovery, services, service definitions and requests, in XML
 * (required) and JSON. Plain Fastify routes (not zod) because the standard fixes the wire format,
 * including form-encoded POST bodies and its own error documents.
 */
export function open311Routes(deps: Deps): FastifyPluginAsync {
  return async (app) => {
    await app.register(formbody, { bodyLimit: 64 * 1024 });
    const baseUrl = (req: FastifyRequest) => process.env.PUBLIC_URL?.replace(/\/$/, '') || `${req.protocol}://${req.host}`;
    const send = (reply: FastifyReply, format: Format, status: number, body: string) => reply.code(status).header('content-type', TYPES[format]).header('cache-control', 'no-store').send(body);
    const guard = async (reply: FastifyReply, format: Format, fn: () => Promise<string>) => {
      try {
        return send(reply, format, 200, await fn());
      } catch (err) {
        if (err instanceof open311.Open311Error) return send(reply, format, err.status, renderErrors(format, [{ code: err.status, description: err.description }]));
        throw err;
      }
    };
    const schema = { tags: ['open311'] };

    for (const format of ['xml', 'json'] as Format[]) {
      app.get(`/open311/discovery.${format}`, { schema: { ...schema, summary: `Open311 discovery (${format})` } }, async (req, reply) =>
        guard(reply, format, async () =>
          renderObject(format, 'discovery', {
            changeset: '2026-11-28T00:00:00+08:00',
            contact: '马鞍街道新时代文明实践所 023-72811000',
            key_service: `${baseUrl(req)}/admin/settings（实践所管理员在“规则设置”中签发 api_key）`,
            endpoints: [
              { specification: 'http://wiki.open311.org/GeoReport_v2', url: `${baseUrl(req)}/open311/v2`, changeset: '2026-11-28T00:00:00+08:00', type: 'production', formats: ['text/xml', 'application/json'] },
            ],
          }),
        ),
      );
      app.get(`/open311/v2/services.${format}`, { schema: { ...schema, summary: `GET Service List (${format})` } }, async (_req, reply) =>
        guard(reply, format, async () => renderList(format, 'services', 'service', await open311.listServices(deps))),
      );
      app.get<{ Params: { code: string } }>(`/open311/v2/services/:code.${format}`, { schema: { ...schema, summary: `GET Service Definition (${format})` } }, async (req, reply) =>
        guard(reply, format, async () => renderObject(format, 'service_definition', await open311.serviceDefinition(deps, req.params.code))),
      );
      app.get<{ Querystring: Record<string, string> }>(`/open311/v2/requests.${format}`, { schema: { ...schema, summary: `GET Service Requests (${format})` } }, async (req, reply) =>
        guard(reply, format, async () =>
          renderList(
            format,
            'service_requests',
            'request',
            await open311.getRequests(deps, {
              ids: req.query.service_request_id?.split(',').map((s) => s.trim()).filter(Boolean),
              serviceCode: req.query.service_code, status: req.query.status, start: req.query.start_date, end: req.query.end_date,
            }),
          ),
        ),
      );
      app.get<{ Params: { id: string } }>(`/open311/v2/requests/:id.${format}`, { schema: { ...schema, summary: `GET Service Request (${format})` } }, async (req, reply) =>
        guard(reply, format, async () => renderList(format, 'service_requests', 'request', await open311.getRequest(deps, req.params.id))),
      );
      app.post<{ Body: open311.Open311Post }>(`/open311/v2/requests.${format}`, { schema: { ...schema, summary: `POST Service Request (${format}, form-encoded)` }, config: { rateLimit: { max: 30, timeWindow: 60_000 } } }, async (req, reply) =>
        guard(reply, format, async () => renderList(format, 'service_requests', 'request', await open311.postRequest(deps, { ip: req.ip, requestId: String(req.id) }, (req.body ?? {}) as open311.Open311Post))),
      );
    }
  };
}

export function open311KeysRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['open311'];
    app.get('/api/open311/keys', {
      schema: { tags, summary: 'Open311 api_key 列表', querystring: z.strictObject({ unitId: Id }), response: { 200: z.object({ items: z.array(z.object({ id: Id, name: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() })) }) } },
    }, async (req) => open311.listKeys(deps, ctxOf(req), req.query.unitId));
    app.post('/api/open311/keys', {
      schema: { tags, summary: '签发 Open311 api_key（只显示一次）', body: Open311KeyInput, response: { 201: z.object({ id: Id, name: z.string(), apiKey: z.string() }) } },
    }, async (req, reply) => reply.code(201).send(await open311.issueKey(deps, ctxOf(req), req.body.unitId, req.body.name)));
    app.delete('/api/open311/keys/:id', { schema: { tags, summary: '作废 api_key', params: IdParams, response: { 200: OkView } } }, async (req) => open311.revokeKey(deps, ctxOf(req), req.params.id));
  };
}
