import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify';
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { OpenAPIV3 } from 'openapi-types';
import { type BodyOut, type EndpointSpec, MIME, type ParamsOut, type QueryOut, type ReplyOf, successSchema, successStatus } from '../../shared/endpoint';
import { ERRORS, type ErrorCode } from '../../shared/errors';
import { ErrorView } from '../../shared/openapi';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The shared declaration this route was registered from (read by the OpenAPI generator). */
    endpoint?: EndpointSpec;
  }
}

// Any Fastify instance with the zod type provider, whatever its logger and server types.
// biome-ignore lint/suspicious/noExplicitAny: the instance's logger generic differs between app and plugins
type ZodApp = FastifyInstance<RawServerDefault, any, any, any, ZodTypeProvider>;

export type EndpointRequest<E extends EndpointSpec> = Omit<FastifyRequest, 'params' | 'query' | 'body'> & {
  params: ParamsOut<E>;
  query: QueryOut<E>;
  body: BodyOut<E>;
};

/** Downloads send their own body through `reply`; JSON endpoints return what the response schema takes. */
export type EndpointHandler<E extends EndpointSpec> = (
  req: EndpointRequest<E>,
  reply: FastifyReply,
) => Promise<E extends { produces: readonly string[] } ? unknown : ReplyOf<E> | FastifyReply>;

/**
 * Registers the route an endpoint declares: its input schemas, its success response, its access
 * (public routes skip the session hook; self-service writes stay open to read-only accounts) and the
 * status (201 for creations). Everything else in the OpenAPI document (operationId, errors,
 * security, content types) is read from `config.endpoint`.
 */
export function register<const E extends EndpointSpec>(
  app: ZodApp,
  endpoint: E,
  handler: EndpointHandler<E>,
  config: Omit<FastifyContextConfig, 'endpoint'> = {},
): void {
  const status = successStatus(endpoint);
  const success = successSchema(endpoint);
  const validate = !endpoint.documentOnly;
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    schema: {
      tags: [...endpoint.tags],
      summary: endpoint.summary,
      ...(validate && endpoint.params ? { params: endpoint.params } : {}),
      ...(validate && endpoint.query ? { querystring: endpoint.query } : {}),
      ...(validate && endpoint.body ? { body: endpoint.body } : {}),
      ...(success && !endpoint.produces ? { response: { [status]: success } } : {}),
    },
    config: {
      ...config,
      endpoint,
      ...(endpoint.access && endpoint.access !== 'session' ? { public: true } : {}),
      ...(endpoint.selfService ? { selfService: true } : {}),
    },
    handler: async (req, reply) => {
      if (status === 201) reply.code(201);
      return handler(req as unknown as EndpointRequest<E>, reply);
    },
  });
}

// ---------------------------------------------------------------------------------------------
// OpenAPI: completes what @fastify/swagger generates from the route schemas.

const ERROR_REF = { $ref: '#/components/schemas/Error' } as const;
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function camel(words: string[]): string {
  return words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join('')
    .replace(/[^A-Za-z0-9]/g, '');
}

/** `GET /api/org/units/:id/posts` → `getOrgUnitsByIdPosts`, for routes not yet declared in src/shared. */
function derivedOperationId(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, '/')
    .split(/[/.\-_]/)
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `by${part.slice(1).charAt(0).toUpperCase()}${part.slice(2)}` : part));
  return camel([method.toLowerCase(), ...words]);
}

interface RouteFacts {
  method: string;
  url: string;
  endpoint?: EndpointSpec;
  isPublic: boolean;
  /** A write the person makes for themselves: open to read-only accounts (`x-self-service` in the document). */
  selfService: boolean;
  hasInput: boolean;
  hasParams: boolean;
}

/** Which error codes an operation can answer with: the declared ones plus what its access and input imply. */
function errorCodes(f: RouteFacts): ErrorCode[] {
  const codes = new Set<ErrorCode>();
  const e = f.endpoint;
  if (f.hasInput) codes.add('validation.failed');
  if (e?.body && e.method !== 'GET' && !e.multipart && e.access !== 'api_key') codes.add('request.bad_json');
  if (e?.multipart) {
    codes.add('files.missing');
    codes.add('files.too_large');
  }
  if (e?.wireErrors) return [];
  if (!f.isPublic && f.url.startsWith('/api/')) {
    codes.add('auth.required');
    codes.add('auth.session_expired');
    if (!SAFE.has(f.method)) codes.add('csrf.invalid');
    if (!SAFE.has(f.method) && !f.selfService) codes.add('access.read_only');
  }
  if (!e && f.hasParams) codes.add('not_found');
  for (const c of e?.errors ?? []) codes.add(c);
  return [...codes];
}

function errorResponses(codes: ErrorCode[]): Record<string, OpenAPIV3.ResponseObject> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const c of codes) byStatus.set(ERRORS[c].status, [...(byStatus.get(ERRORS[c].status) ?? []), c]);
  const out: Record<string, OpenAPIV3.ResponseObject> = {};
  for (const [status, list] of [...byStatus].sort((a, b) => a[0] - b[0])) {
    out[String(status)] = {
      description: list.map((c) => `\`${c}\`：${ERRORS[c].message}`).join('；'),
      content: { 'application/json': { schema: ERROR_REF } },
    };
  }
  return out;
}

function security(f: RouteFacts): OpenAPIV3.SecurityRequirementObject[] {
  if (f.endpoint?.access === 'api_key') return [{ open311ApiKey: [] }];
  if (f.isPublic || !f.url.startsWith('/api/')) return [];
  return SAFE.has(f.method) ? [{ sessionCookie: [] }] : [{ sessionCookie: [], csrfToken: [] }];
}

const BINARY = { type: 'string', format: 'binary' } as const;

/**
 * The two swagger hooks: `transform` documents each route from its endpoint declaration (also
 * what is validated by hand, like Open311's form bodies) and remembers its facts; `transformObject`
 * then adds operationId, description, error responses, security and file content types.
 */
export function openapiHooks() {
  const facts = new Map<string, RouteFacts>();
  const key = (method: string, url: string) => `${method.toLowerCase()} ${url.replace(/:(\w+)/g, '{$1}')}`;

  const transform: typeof jsonSchemaTransform = (doc) => {
    const route = doc.route as unknown as { method: string | string[]; config?: FastifyContextConfig; schema?: Record<string, unknown> };
    const endpoint = route.config?.endpoint;
    let schema = doc.schema as Record<string, unknown> | undefined;
    if (endpoint && schema) {
      schema = {
        ...schema,
        ...(endpoint.params ? { params: endpoint.params } : {}),
        ...(endpoint.query ? { querystring: endpoint.query } : {}),
        ...(endpoint.body ? { body: endpoint.body } : {}),
        ...(endpoint.access === 'api_key' && endpoint.body ? { consumes: [MIME.form] } : {}),
      };
    }
    const result = jsonSchemaTransform({ ...doc, schema: schema as typeof doc.schema });
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      const s = (schema ?? {}) as Record<string, unknown>;
      facts.set(key(method, doc.url), {
        method,
        url: doc.url,
        endpoint,
        isPublic: route.config?.public === true,
        selfService: route.config?.selfService === true,
        hasInput: Boolean(s.params || s.querystring || s.body),
        hasParams: doc.url.includes(':'),
      });
    }
    return result;
  };

  const transformObject = (doc: { openapiObject: object }) => {
    const api = doc.openapiObject as OpenAPIV3.Document;
    const seen = new Set<string>();
    for (const [path, item] of Object.entries(api.paths ?? {})) {
      for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
        const op = item?.[method];
        if (!op) continue;
        const f = facts.get(`${method} ${path}`) ?? {
          method: method.toUpperCase(),
          url: path,
          isPublic: false,
          selfService: false,
          hasInput: false,
          hasParams: path.includes('{'),
        };
        const e = f.endpoint;
        let id = e?.operationId ?? derivedOperationId(f.method, f.url);
        while (seen.has(id)) id = `${id}Alt`;
        seen.add(id);
        op.operationId = id;
        documentOperation(op, f, id);
      }
    }
    api.components = api.components ?? {};
    dropUnusedSchemas(api);
    api.components.securitySchemes = securitySchemes();
    return api;
  };

  return { transform, transformObject };
}

/** An operation's documentation from its endpoint: summary, description, security, file and multipart content, success and error responses. */
function documentOperation(op: OpenAPIV3.OperationObject, f: RouteFacts, id: string): void {
  const e = f.endpoint;
  op.summary = e?.summary ?? op.summary ?? id;
  op.description = e?.description ?? op.description ?? op.summary;
  op.security = security(f);
  if (f.selfService) Object.assign(op, { 'x-self-service': true });
  if (e?.produces) {
    const ok = String(successStatus(e));
    const content = Object.fromEntries(
      e.produces.map((m) => [m, { schema: m === MIME.json ? { type: 'object' } : m === MIME.xml ? { type: 'string' } : BINARY }]),
    ) as Record<string, OpenAPIV3.MediaTypeObject>;
    op.responses = { [ok]: { description: e.documentOnly ? '成功' : '文件', content } };
    for (const [status, description] of Object.entries(e.wireErrors ?? {})) op.responses[status] = { description, content };
  }
  if (e?.multipart) {
    op.requestBody = {
      required: true,
      content: {
        'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { ...BINARY, description: '上传的文件' } } } },
      },
    };
  }
  for (const [status, res] of Object.entries(op.responses ?? {})) {
    if ('description' in res && !res.description) res.description = '成功';
    if (status === 'default') delete op.responses[status];
  }
  if (Object.keys(op.responses ?? {}).length === 0) op.responses = { '200': { description: '成功' } };
  Object.assign(op.responses, errorResponses(errorCodes(f)));
}

function dropUnusedSchemas(api: OpenAPIV3.Document): void {
  // zod registers an input and an output variant of every named schema; keep the ones in use.
  const schemas = api.components?.schemas ?? {};
  for (let removed = true; removed; ) {
    removed = false;
    const text = JSON.stringify(api);
    for (const name of Object.keys(schemas)) {
      if (name !== 'Error' && !text.includes(`"#/components/schemas/${name}"`)) {
        delete schemas[name];
        removed = true;
      }
    }
  }
}

function securitySchemes(): Record<string, OpenAPIV3.SecuritySchemeObject> {
  return {
    sessionCookie: { type: 'apiKey', in: 'cookie', name: 'sid', description: '登录后由 /api/auth/login 设置的会话 Cookie（HTTPS 部署时名为 __Host-sid）' },
    csrfToken: { type: 'apiKey', in: 'header', name: 'x-csrf-token', description: '写操作必须携带：/api/auth/login 或 /api/auth/me 返回的 csrfToken' },
    open311ApiKey: { type: 'apiKey', in: 'query', name: 'api_key', description: 'Open311 提交需求时使用的 api_key，由实践所管理员签发' },
  };
}

/** The error body schema, for the `Error` component. */
export { ErrorView };
