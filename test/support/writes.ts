import type { LightMyRequestResponse } from 'fastify';
import { routes } from '../../src/shared/routes';
import type { Agent } from './app';

/**
 * The session writes the app itself documents: every operation of its OpenAPI document whose
 * security asks for the CSRF token, checked against the route table (`src/shared/routes.ts`). Suites
 * that must cover every write (read-only.api.test.ts, authorization-matrix.api.test.ts) take them
 * from here, not from a list of their own, so a write registered tomorrow is covered tomorrow.
 */

export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What the suites read of an OpenAPI operation. */
export interface Operation {
  operationId: string;
  security?: Record<string, string[]>[];
  'x-self-service'?: boolean;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** The part of JSON Schema the app's documents use. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number | boolean;
  maximum?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

export interface OpenApiDoc {
  paths: Record<string, Partial<Record<string, Operation>>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

export interface Write {
  method: WriteMethod;
  /** OpenAPI form: `/api/activities/{id}`. */
  path: string;
  operationId: string;
  selfService: boolean;
  /** The JSON (or multipart) body's schema, when the operation takes one. */
  body?: JsonSchema;
  multipart: boolean;
}

/** The app's own OpenAPI document, as served. */
export async function openApiDoc(anon: { get(url: string): Promise<LightMyRequestResponse> }): Promise<OpenApiDoc> {
  return (await anon.get('/api/openapi.json')).json();
}

/** Every write the app documents behind a session (its security asks for the CSRF token). */
export function sessionWrites(doc: OpenApiDoc): Write[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    (['post', 'put', 'patch', 'delete'] as const).flatMap((m) => {
      const op = item[m];
      if (!op?.security?.some((s) => 'csrfToken' in s)) return [];
      const content = op.requestBody?.content ?? {};
      const multipart = 'multipart/form-data' in content;
      return [
        {
          method: m.toUpperCase() as WriteMethod,
          path,
          operationId: op.operationId,
          selfService: op['x-self-service'] === true,
          body: content['application/json']?.schema ?? content['multipart/form-data']?.schema,
          multipart,
        },
      ];
    }),
  );
}

/** The route table's writes that the document does not list behind a session: the ones anyone may call. */
export function publicWrites(writes: Write[]): string[] {
  const registered = new Set(writes.map((r) => r.operationId));
  return Object.values(routes)
    .filter((r) => r.method !== 'GET' && !registered.has(r.operationId))
    .map((r) => r.operationId)
    .sort();
}

/** Fills an OpenAPI path (`/api/activities/{id}`) from `params`, or with `fill` for each one missing. */
export function fillPath(path: string, params: Record<string, string>, fill?: () => string): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const v = params[name] ?? fill?.();
    if (v === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(v);
  });
}

/** Sends a write as the agent: the session cookie, the CSRF token, `body` (`{}` unless given; none for DELETE). */
export function sendWrite(agent: Agent, method: WriteMethod, url: string, body?: unknown): Promise<LightMyRequestResponse> {
  if (method === 'POST') return agent.post(url, body);
  if (method === 'PUT') return agent.put(url, body);
  if (method === 'PATCH') return agent.patch(url, body);
  return agent.delete(url);
}

/** The error code of a JSON answer (`undefined` for anything else). */
export const codeOf = (res: LightMyRequestResponse): unknown => {
  if (!String(res.headers['content-type']).includes('json')) return undefined;
  try {
    return res.json().code;
  } catch {
    return undefined;
  }
};
