import type { z } from 'zod';
import type { ErrorCode } from './errors';

/**
 * One contract per endpoint: method, path, inputs, the success response and the error codes it can
 * answer with, declared once here. The server registers its route from it
 * (`server/platform/register.ts`), the web calls it through `call()` (`web/lib/api.ts`), and the
 * OpenAPI document is generated from it. zod only, so both sides can import it; this file itself
 * imports zod for types only, so the web's entry chunk stays free of it.
 */

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call: a logged-in session (default), anyone (portal, login), or an Open311 `api_key`. */
export type Access = 'session' | 'public' | 'api_key';

export const MIME = {
  json: 'application/json',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  ics: 'text/calendar',
  xml: 'text/xml',
  image: 'image/*',
  form: 'application/x-www-form-urlencoded',
} as const;

type Schema = z.ZodType;
type Responses = { 200: Schema } | { 201: Schema } | Record<never, never>;

export interface EndpointSpec {
  method: Method;
  /** Fastify path template: `/api/activities/:id`. */
  path: string;
  /** Unique, camelCase: the name of the operation in OpenAPI and in generated clients. */
  operationId: string;
  /** One line in Chinese. */
  summary: string;
  /** A few sentences in Chinese: who may call it and what it does; defaults to the summary. */
  description?: string;
  tags: readonly string[];
  params?: Schema;
  query?: Schema;
  body?: Schema;
  /** The success response as JSON. Leave empty for downloads (`produces`). */
  responses: Responses;
  /** The domain errors this operation can answer with, beyond the ones implied by access and input. */
  errors?: readonly ErrorCode[];
  access?: Access;
  /**
   * A write a signed-in person makes for themselves: their own password, two-factor login and
   * session, their notices, their privacy requests, their own volunteer profile, sign-ups and
   * check-ins, the orders they place as a resident. Read-only accounts (the district viewer) may
   * still call these; every other session write refuses them before validation with
   * `access.read_only` (server/platform/auth.ts). The handler still decides what the person may do.
   * Marking one is a reviewed decision: `platform/read-only.api.test.ts` lists them all.
   */
  selfService?: true;
  /** A download: the success body is a file of this media type, not JSON. */
  produces?: readonly string[];
  /** The body is `multipart/form-data` with one file in field `file` (uploads, roster imports). */
  multipart?: boolean;
  /**
   * The body and query are documented but not validated by the schema (Open311: the standard fixes
   * its own error documents, so the handler checks the input itself).
   */
  documentOnly?: boolean;
  /** Errors answered in the endpoint's own format (Open311 error documents), by status. */
  wireErrors?: Readonly<Record<number, string>>;
}

/** Declares an endpoint; identity at run time, keeps the literal types for the server and the web. */
export function defineEndpoint<const E extends EndpointSpec>(spec: E): E {
  return spec;
}

type Field<E, K extends string> = E extends Record<K, infer S extends Schema> ? S : undefined;

/** The success status and schema of an endpoint. */
export type SuccessSchema<E extends EndpointSpec> = E['responses'] extends { 200: infer S extends Schema }
  ? S
  : E['responses'] extends { 201: infer S extends Schema }
    ? S
    : undefined;

/** What the web gets back from a successful call. */
export type ResponseOf<E extends EndpointSpec> = SuccessSchema<E> extends Schema ? z.output<SuccessSchema<E>> : undefined;
/** What the server's handler returns (before the response schema filters it). */
export type ReplyOf<E extends EndpointSpec> = SuccessSchema<E> extends Schema ? z.input<SuccessSchema<E>> : unknown;

export type ParamsIn<E extends EndpointSpec> = Field<E, 'params'> extends Schema ? z.input<Field<E, 'params'>> : undefined;
export type QueryIn<E extends EndpointSpec> = Field<E, 'query'> extends Schema ? z.input<Field<E, 'query'>> : undefined;
export type BodyIn<E extends EndpointSpec> = Field<E, 'body'> extends Schema ? z.input<Field<E, 'body'>> : undefined;
export type ParamsOut<E extends EndpointSpec> = Field<E, 'params'> extends Schema ? z.output<Field<E, 'params'>> : undefined;
export type QueryOut<E extends EndpointSpec> = Field<E, 'query'> extends Schema ? z.output<Field<E, 'query'>> : undefined;
export type BodyOut<E extends EndpointSpec> = Field<E, 'body'> extends Schema ? z.output<Field<E, 'body'>> : undefined;

export function successStatus(e: EndpointSpec): 200 | 201 {
  return '201' in e.responses ? 201 : 200;
}

export function successSchema(e: EndpointSpec): Schema | undefined {
  const r = e.responses as Partial<Record<200 | 201, Schema>>;
  return r[201] ?? r[200];
}

/** Fills a path template: `/api/activities/:id` + `{id}` → `/api/activities/3f…`. */
export function buildPath(template: string, params: Record<string, unknown> | undefined): string {
  return template.replace(/:(\w+)/g, (_m, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '') throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(value));
  });
}
