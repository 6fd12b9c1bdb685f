import formbody from '@fastify/formbody';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as keys from '../../../shared/open311';
import { ctxOf } from '../../platform/auth';
import { publicBaseUrl } from '../../platform/config';
import type { Deps } from '../../platform/deps';
import { register } from '../../platform/register';
import { renderErrors, renderList, renderObject } from './open311.format';
import * as open311 from './open311.service';

const TYPES = { xml: 'text/xml; charset=utf-8', json: 'application/json; charset=utf-8' } as const;
type Format = keyof typeof TYPES;
const CHANGESET = '2026-11-28T00:00:00+08:00';

type App = Parameters<typeof register>[0];
const geoOf = (format: Format) => keys.geoReport(format);
type Geo = ReturnType<typeof geoOf>;
/** The one format an Open311 route answers in, and how it reaches the service. */
interface Wire {
  deps: Deps;
  format: Format;
  geo: Geo;
}

/**
 * Open311 GeoReport v2 at /open311: discovery, services, service definitions and requests, in XML
 * (required) and JSON. Plain Fastify routes (not zod) because the standard fixes the wire format,
 * including form-encoded POST bodies and its own error documents.
 */
export function open311Routes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(formbody, { bodyLimit: 64 * 1024 });
    for (const format of ['xml', 'json'] as Format[]) {
      const wire: Wire = { deps, format, geo: geoOf(format) };
      discoveryRoute(app, wire);
      serviceRoutes(app, wire);
      requestReadRoutes(app, wire);
      requestPostRoute(app, wire);
    }
  };
}

function send(reply: FastifyReply, format: Format, status: number, body: string) {
  return reply.code(status).header('content-type', TYPES[format]).header('cache-control', 'no-store').send(body);
}

/** Renders the answer, or the standard's error document for an Open311Error; anything else is the app's error. */
async function guard(reply: FastifyReply, format: Format, fn: () => Promise<string>) {
  try {
    return send(reply, format, 200, await fn());
  } catch (err) {
    if (err instanceof open311.Open311Error) return send(reply, format, err.status, renderErrors(format, [{ code: err.status, description: err.description }]));
    throw err;
  }
}

/** Where this server's GeoReport endpoint is and who to ask for a key. */
function discoveryRoute(app: App, { deps, format, geo }: Wire) {
  register(app, geo.discovery, async (req, reply) => {
    const baseUrl = publicBaseUrl(deps.config, req);
    return guard(reply, format, async () =>
      renderObject(format, 'discovery', {
        changeset: CHANGESET,
        contact: '马鞍街道新时代文明实践所 023-72811000',
        key_service: `${baseUrl}/admin/settings（实践所管理员在“规则设置”中签发 api_key）`,
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: `${baseUrl}/open311/v2`,
            changeset: CHANGESET,
            type: 'production',
            formats: ['text/xml', 'application/json'],
          },
        ],
      }),
    );
  });
}

/** The jurisdiction this server serves: the host it is reached at (PUBLIC_URL's, or the request's). */
function served(deps: Deps, req: { protocol: string; host: string }): string {
  return new URL(publicBaseUrl(deps.config, req)).hostname;
}

/** The service items (the orders' menu) and each one's definition. */
function serviceRoutes(app: App, { deps, format, geo }: Wire) {
  register(app, geo.services, async (req, reply) =>
    guard(reply, format, async () => {
      open311.checkJurisdiction(req.query.jurisdiction_id, served(deps, req));
      return renderList(format, 'services', 'service', await open311.listServices(deps));
    }),
  );
  register(app, geo.serviceDefinition, async (req, reply) =>
    guard(reply, format, async () => {
      open311.checkJurisdiction(req.query.jurisdiction_id, served(deps, req));
      return renderObject(format, 'service_definition', await open311.serviceDefinition(deps, req.params.code));
    }),
  );
}

/** Reading requests: a filtered list, or one by its number. */
function requestReadRoutes(app: App, { deps, format, geo }: Wire) {
  register(app, geo.requests, async (req, reply) => {
    const filter = {
      ids: req.query.service_request_id
        ?.split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      serviceCode: req.query.service_code,
      status: req.query.status,
      start: req.query.start_date,
      end: req.query.end_date,
    };
    return guard(reply, format, async () => {
      open311.checkJurisdiction(req.query.jurisdiction_id, served(deps, req));
      return renderList(format, 'service_requests', 'request', await open311.getRequests(deps, filter));
    });
  });
  register(app, geo.request, async (req, reply) =>
    guard(reply, format, async () => {
      open311.checkJurisdiction(req.query.jurisdiction_id, served(deps, req));
      return renderList(format, 'service_requests', 'request', await open311.getRequest(deps, req.params.id));
    }),
  );
}

/** Posting a request with an api_key, rate limited per client. */
function requestPostRoute(app: App, { deps, format, geo }: Wire) {
  register(
    app,
    geo.post,
    async (req, reply) => {
      // The key may come in the form body (the standard) or as the query parameter the security scheme names.
      const body = { ...((req.body ?? {}) as open311.Open311Post) };
      const queryKey = (req.query as Record<string, unknown> | undefined)?.api_key;
      if (!body.api_key && typeof queryKey === 'string') body.api_key = queryKey;
      return guard(reply, format, async () => {
        open311.checkJurisdiction(body.jurisdiction_id, served(deps, req));
        return renderList(format, 'service_requests', 'request', await open311.postRequest(deps, { ip: req.ip, requestId: String(req.id) }, body));
      });
    },
    { rateLimit: { max: 30, timeWindow: 60_000 } },
  );
}

export function open311KeysRoutes(deps: Deps): FastifyPluginAsyncZod {
  return async (app) => {
    register(app, keys.listOpen311Keys, async (req) => open311.listKeys(deps, ctxOf(req), req.query));
    register(app, keys.issueOpen311Key, async (req) => open311.issueKey(deps, ctxOf(req), req.body.unitId, req.body.name));
    register(app, keys.revokeOpen311Key, async (req) => open311.revokeKey(deps, ctxOf(req), req.params.id));
  };
}
