import { type BodyIn, buildPath, type EndpointSpec, type ParamsIn, type QueryIn, type ResponseOf } from '../../shared/endpoint';
import type { z } from 'zod';
import type { Paged as PagedSchema } from '../../shared/common';
import { type ErrorBody, messageFor } from '../../shared/errors';
import { routes } from '../../shared/routes';

/**
 * The one way the web app talks to the server: same-origin JSON with the session cookie, the CSRF
 * token (kept in memory only, never in storage) on every state-changing request, and one error
 * type carrying the server's Chinese message.
 */

export type FieldProblem = { path: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields?: FieldProblem[];
  /** Everything else the error body carried, e.g. `lockedUntil` for a locked account. */
  readonly details: Record<string, unknown>;

  constructor(status: number, code: string, message: string, fields?: FieldProblem[], details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.details = details;
  }
}

export const NETWORK_ERROR_MESSAGE = '网络连接失败，请检查网络后重试';

/** Codes that mean "this browser no longer has a session": the app sends the person to /login. */
export const SESSION_LOST_CODES = new Set(['auth.session_expired', 'auth.required']);

let csrfToken: string | null = null;
let lastActivityAt = Date.now();
const sessionLostListeners = new Set<(error: ApiError) => void>();
const activityListeners = new Set<() => void>();

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** When the server last saw this browser (an API call resets the server's idle timer). */
export function getLastActivityAt(): number {
  return lastActivityAt;
}

export function onSessionLost(listener: (error: ApiError) => void): () => void {
  sessionLostListeners.add(listener);
  return () => sessionLostListeners.delete(listener);
}

export function onApiActivity(listener: () => void): () => void {
  activityListeners.add(listener);
  return () => activityListeners.delete(listener);
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  /** Don't announce a lost session (used by the "who am I" probe, where 401 just means logged out). */
  quietAuth?: boolean;
  signal?: AbortSignal;
}

type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readJson(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function rememberCsrf(body: unknown): void {
  if (body && typeof body === 'object' && 'csrfToken' in body) {
    const token = (body as { csrfToken?: unknown }).csrfToken;
    if (typeof token === 'string' && token) csrfToken = token;
  }
}

function toApiError(status: number, body: unknown): ApiError {
  if (body && typeof body === 'object' && 'code' in body) {
    const { code, message, fields, requestId: _requestId, ...details } = body as ErrorBody & Record<string, unknown>;
    const text = typeof message === 'string' && message ? message : messageFor(String(code));
    return new ApiError(status, String(code), text, Array.isArray(fields) ? fields : undefined, details);
  }
  const code = status === 404 ? 'route.not_found' : status === 429 ? 'auth.rate_limited' : status >= 500 ? 'internal' : 'validation.failed';
  return new ApiError(status, code, messageFor(code));
}

async function send(method: Method, path: string, body: unknown, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A FormData body (file upload) sets its own multipart content type with the boundary.
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData;
  if (body !== undefined && !isForm) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? (body as FormData) : JSON.stringify(body),
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', NETWORK_ERROR_MESSAGE);
  }
}

export async function request<T>(method: Method, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  let res = await send(method, path, body, options);
  let data = await readJson(res);

  // A stale CSRF token (e.g. another tab logged in again): fetch the current one and retry once.
  if (res.status === 403 && (data as { code?: string } | undefined)?.code === 'csrf.invalid' && method !== 'GET') {
    const me = await send(routes.viewSession.method, routes.viewSession.path, undefined, {});
    if (me.ok) {
      rememberCsrf(await readJson(me));
      res = await send(method, path, body, options);
      data = await readJson(res);
    }
  }

  if (res.status !== 401) {
    lastActivityAt = Date.now();
    for (const listener of activityListeners) listener();
  }

  if (!res.ok) {
    const error = toApiError(res.status, data);
    if (res.status === 401 && SESSION_LOST_CODES.has(error.code) && !options.quietAuth) {
      for (const listener of sessionLostListeners) listener(error);
    }
    throw error;
  }
  rememberCsrf(data);
  return data as T;
}

/** POST one file as multipart field `file` (uploads, spreadsheet imports); same CSRF and errors as JSON calls. */
export function upload<T>(path: string, file: Blob, name?: string, options?: RequestOptions): Promise<T> {
  const form = new FormData();
  if (name) form.append('file', file, name);
  else form.append('file', file);
  return request<T>('POST', path, form, options);
}

/** The file name from `content-disposition: …; filename*=UTF-8''…`, when the server sent one. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      return fallback;
    }
  }
  return disposition?.match(/filename="?([^";]+)"?/i)?.[1] ?? fallback;
}

/**
 * Download a file the server generates (templates, exports) with the session cookie, and show a
 * failure as an ApiError instead of navigating to a JSON error page. `post` sends a JSON body (with
 * the CSRF token) for exports that take one, such as the national roster's reason.
 */
export async function download(path: string, fallbackName: string, post?: { body: unknown }): Promise<string> {
  let res: Response;
  if (post) res = await send('POST', path, post.body, {});
  else {
    try {
      res = await fetch(path, { credentials: 'same-origin' });
    } catch {
      throw new ApiError(0, 'network', NETWORK_ERROR_MESSAGE);
    }
  }
  if (!res.ok) {
    const error = toApiError(res.status, await readJson(res));
    if (res.status === 401 && SESSION_LOST_CODES.has(error.code)) for (const listener of sessionLostListeners) listener(error);
    throw error;
  }
  lastActivityAt = Date.now();
  const name = fileNameFrom(res.headers.get('content-disposition'), fallbackName);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
  return name;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PUT', path, body ?? {}, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('PATCH', path, body ?? {}, options),
  delete: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
};

/** Every list's answer, as the shared `Paged(item)` schema infers it. */
export type Paged<T> = z.infer<ReturnType<typeof PagedSchema<z.ZodType<T>>>>;

/** Lists come back as `{items}` (paged or not); accept a bare array too. */
export function itemsOf<T>(data: T[] | { items: T[] } | undefined | null): T[] {
  if (!data) return [];
  return Array.isArray(data) ? data : (data.items ?? []);
}

type Slot<K extends string, T, Optional extends boolean = false> = [T] extends [undefined]
  ? { [P in K]?: undefined }
  : Optional extends true
    ? { [P in K]?: T }
    : { [P in K]: T };

/** What `call` takes for an endpoint: its path parameters, query and body, typed from the shared schemas. */
export type CallInput<E extends EndpointSpec> = Slot<'params', ParamsIn<E>> &
  Slot<'query', QueryIn<E>, true> &
  Slot<'body', BodyIn<E>> & { options?: RequestOptions };

type CallArgs<E extends EndpointSpec> = Record<string, never> extends CallInput<E> ? [input?: CallInput<E>] : [input: CallInput<E>];

/** The URL of an endpoint: the path template filled in, the query appended (also for downloads and links). */
export function urlFor<E extends EndpointSpec>(endpoint: E, input: { params?: ParamsIn<E>; query?: QueryIn<E> } = {}): string {
  const path = buildPath(endpoint.path, input.params as Record<string, unknown> | undefined);
  return input.query ? withQuery(path, input.query as Query) : path;
}

/**
 * The one typed way to call the API: the endpoint declared in src/shared says the method, the path
 * and the types of what goes in and what comes back.
 */
export function call<E extends EndpointSpec>(endpoint: E, ...args: CallArgs<E>): Promise<ResponseOf<E>> {
  const input = (args[0] ?? {}) as { params?: ParamsIn<E>; query?: QueryIn<E>; body?: unknown; options?: RequestOptions };
  const writes = endpoint.method === 'POST' || endpoint.method === 'PUT' || endpoint.method === 'PATCH';
  return request<ResponseOf<E>>(endpoint.method, urlFor(endpoint, input), writes ? (input.body ?? {}) : undefined, input.options);
}

/**
 * `call` for the zod-free pages (portal, login, the session probe): the route from
 * `shared/routes.ts` says the method and path, the endpoint's type (imported with `import type`,
 * so its schemas stay out of the bundle) says what goes in and what comes back. A route that is
 * not the endpoint's own does not compile: `callRoute<typeof programmes.listBrands>(routes.listBrands)`.
 */
export function callRoute<E extends EndpointSpec>(route: Pick<E, 'method' | 'path'>, ...args: CallArgs<E>): Promise<ResponseOf<E>> {
  return call(route as E, ...args);
}

/** POST one file to an upload endpoint (multipart field `file`). */
export function callUpload<E extends EndpointSpec>(
  endpoint: E,
  file: Blob,
  input: { params?: ParamsIn<E>; query?: QueryIn<E>; name?: string; options?: RequestOptions } = {},
): Promise<ResponseOf<E>> {
  return upload<ResponseOf<E>>(urlFor(endpoint, input), file, input.name, input.options);
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return messageFor('internal');
}
