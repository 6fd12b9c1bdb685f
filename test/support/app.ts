import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app';
import { DEMO_PASSWORD, seedDemo } from '../../src/server/db/seed/maan';
import { type Clock, systemClock } from '../../src/server/platform/clock';
import { type Config, loadConfig } from '../../src/server/platform/config';
import type { Deps } from '../../src/server/platform/deps';
import { freshDb } from './db';

export interface Agent {
  username: string;
  csrfToken: string;
  cookie: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  /** Logs in through the API (password defaults to the demo password) and returns a client. */
  login(username: string, password?: string): Promise<Agent>;
  /** The unit id of a demo unit by exact name. */
  unitId(name: string): Promise<string>;
  /** Runs `fn` and returns the SQL of every statement it ran, in order (count one request's statements). */
  statements<T>(fn: () => Promise<T>): Promise<{ result: T; sql: string[] }>;
  close(): Promise<void>;
}

/**
 * The whole app on a fresh, empty database, driven through app.inject. Suites build their world with
 * test/support/factories.ts; only the demo's own suites ask for the Ma'an demo (`seed: 'maan'`).
 */
export async function makeTestApp(opts: { clock?: Clock; config?: Partial<Config>; seed?: 'maan' } = {}): Promise<TestApp> {
  let recording: string[] | null = null;
  const { handle, dataDir, drop } = await freshDb({ onQuery: (sql) => recording?.push(sql) });
  const clock = opts.clock ?? systemClock;
  // Suites log in many times from one address; the rate-limit test sets its own small limit.
  const config = loadConfig(
    { NODE_ENV: 'test', DATA_DIR: dataDir, WEB_DIR: `${dataDir}/no-web` },
    {
      loginRateLimit: { max: 10_000, windowMs: 60_000 },
      // Suites check what happens, not how fast: nothing is shed for waiting (admission.api.test.ts sets its own).
      admission: { active: 10, maxWaitMs: 600_000 },
      ...opts.config,
    },
  );
  const deps: Deps = { db: handle.db, dialect: handle.dialect, config, clock };
  if (opts.seed === 'maan') await seedDemo(deps, clock.now());
  const app = await buildApp(deps, { logger: false });
  await app.ready();

  return {
    app,
    deps,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
      return agentFromResponse(app, username, res);
    },
    async unitId(name) {
      const row = await handle.db.selectFrom('units').select('id').where('name', '=', name).executeTakeFirstOrThrow();
      return row.id;
    },
    async statements(fn) {
      if (recording) throw new Error('statements() does not nest');
      recording = [];
      try {
        const result = await fn();
        return { result, sql: recording };
      } finally {
        recording = null;
      }
    },
    async close() {
      await app.close();
      await drop();
    },
  };
}

/** A signed-in client over app.inject: the session cookie on every request, the CSRF token on every state change. */
export function agentOn(app: FastifyInstance, username: string, cookie: string, csrfToken: string): Agent {
  const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
    app.inject({
      method,
      url,
      headers: { cookie, ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken }) },
      ...(body === undefined ? {} : { payload: body as object }),
    });
  return {
    username,
    cookie,
    csrfToken,
    get: (url) => send('GET', url),
    post: (url, body) => send('POST', url, body ?? {}),
    put: (url, body) => send('PUT', url, body ?? {}),
    patch: (url, body) => send('PATCH', url, body ?? {}),
    delete: (url) => send('DELETE', url),
  };
}

/** The session a login, sign-up or password change just set, as a client. */
export function agentFromResponse(app: FastifyInstance, username: string, res: LightMyRequestResponse): Agent {
  const c = res.cookies.find((x) => x.name === 'sid' || x.name === '__Host-sid');
  if (!c) throw new Error(`no session cookie: ${res.statusCode} ${res.body}`);
  return agentOn(app, username, `${c.name}=${c.value}`, res.json().csrfToken);
}

/** A multipart/form-data body with one file, for app.inject. */
export function multipart(field: string, filename: string, bytes: Buffer, contentType = 'application/octet-stream') {
  const boundary = `----shijian${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A real 1×1 PNG, for evidence uploads. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Uploads a file as the agent and returns its id. */
export async function upload(t: Pick<TestApp, 'app'>, agent: Agent, name = 'evidence.png', bytes = TINY_PNG): Promise<string> {
  const body = multipart('file', name, bytes, 'image/png');
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/files',
    headers: { ...body.headers, cookie: agent.cookie, 'x-csrf-token': agent.csrfToken },
    payload: body.payload,
  });
  if (res.statusCode !== 201) throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  return res.json().id;
}
