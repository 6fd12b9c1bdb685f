import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/support/app';
import { type World, makeWorld } from '../../../../test/support/factories';
import { buildApp } from '../../app';
import type { Database } from '../../db/schema';

let w: World;
let t: TestApp;
beforeAll(async () => {
  w = await makeWorld();
  t = w.t;
});
afterAll(async () => w?.close());

describe('platform', () => {
  it('reports health with the database state', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', db: 'ok', dialect: t.deps.dialect, disk: 'ok' });
  });

  it('answers 503 with Retry-After on /api/health while the database does not answer; /api/live still 200', async () => {
    // A second app over a database that cannot be reached (nothing listens on port 1).
    const unreachable = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ host: '127.0.0.1', port: 1, user: 'x', database: 'x', connectionTimeoutMillis: 2000 }) }),
    });
    const down = await buildApp({ ...t.deps, db: unreachable }, { logger: false });
    try {
      const res = await down.inject({ method: 'GET', url: '/api/health' });
      expect([res.statusCode, res.json().code, res.headers['retry-after'], res.headers['cache-control']]).toEqual([
        503,
        'service.unavailable',
        '1',
        'no-store',
      ]);
      const live = await down.inject({ method: 'GET', url: '/api/live' });
      expect([live.statusCode, live.json()]).toEqual([200, { status: 'ok' }]);
    } finally {
      await down.close();
      await unreachable.destroy();
    }
  });

  it('publishes OpenAPI 3 with every operation tagged by its feature', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const ops = Object.entries(doc.paths as Record<string, Record<string, { tags?: string[] }>>).flatMap(([p, methods]) =>
      Object.entries(methods).map(([m, op]) => ({ id: `${m.toUpperCase()} ${p}`, tags: op.tags ?? [] })),
    );
    expect(ops.length).toBeGreaterThan(20);
    expect(ops.filter((o) => o.tags.length === 0).map((o) => o.id)).toEqual([]);
    const tags = new Set(ops.flatMap((o) => o.tags));
    for (const tag of ['accounts', 'org', 'settings', 'audit', 'health', 'public']) expect(tags).toContain(tag);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
  });

  it('sends security headers: CSP with object-src none and base-uri none, nosniff', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain('frame-ancestors');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers unknown API paths with a JSON 404 in Chinese', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'route.not_found', message: '接口不存在' });
  });

  it('refuses an oversized body with 413 and a wrong content type with 415', async () => {
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('request.too_large');
    const xml = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
    expect(xml.statusCode).toBe(415);
  });
});
