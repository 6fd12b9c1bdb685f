import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type World, makeWorld } from '../../../test/support/factories';
import { buildApp } from '../app';
import { Admission } from './admission';

describe('the admission line', () => {
  it('admits up to its limit, in order, and turns away one that waited too long', async () => {
    const a = new Admission(1, 50);
    expect(await a.enter()).toBe(true);
    expect(await a.enter()).toBe(false); // waited 50 ms behind the first, never admitted
    expect(a.waiting).toBe(0);
    const order: string[] = [];
    const second = new Admission(1, 60_000);
    await second.enter();
    const b = second.enter().then((ok) => order.push(`b ${ok}`));
    const c = second.enter().then((ok) => order.push(`c ${ok}`));
    expect([second.busy, second.waiting]).toEqual([1, 2]);
    second.leave();
    await b;
    second.leave();
    await c;
    second.leave();
    expect(order).toEqual(['b true', 'c true']);
    expect([second.busy, second.waiting]).toEqual([0, 0]);
  });
});

describe('a burst larger than the server can start', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  });
  afterAll(async () => w?.close());

  it('answers the request that cannot start in time 503 with Retry-After, keeps health answering, and recovers', async () => {
    const app = await buildApp({ ...w.t.deps, config: { ...w.t.deps.config, admission: { active: 2, maxWaitMs: 200 } } }, { logger: false });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Two requests that hold the two places until released (a slow database, say).
    let started = 0;
    app.get('/api/test/hold', { config: { public: true } }, async () => {
      started++;
      await held;
      return { ok: true };
    });
    await app.ready();
    try {
      const hold = () => Promise.resolve(app.inject({ method: 'GET', url: '/api/test/hold' }));
      const holding = [hold(), hold()];
      await expect.poll(() => started).toBe(2);
      const live = await app.inject({ method: 'GET', url: '/api/live' });
      expect(live.statusCode).toBe(200);
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);

      const turnedAway = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'x' } });
      expect([turnedAway.statusCode, turnedAway.json().code, turnedAway.headers['retry-after']]).toEqual([503, 'service.unavailable', '1']);

      release();
      expect((await Promise.all(holding)).map((r) => r.statusCode)).toEqual([200, 200]);
      // The places came back: more requests than places, one after another and at once, all start.
      for (let i = 0; i < 3; i++) expect((await app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
      const burst = await Promise.all(Array.from({ length: 6 }, () => app.inject({ method: 'GET', url: '/api/test/hold' })));
      expect(burst.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    } finally {
      await app.close();
    }
  });

  it('gives back the places of clients that went away while waiting: a burst whose clients gave up does not wedge the server', async () => {
    const app = await buildApp({ ...w.t.deps, config: { ...w.t.deps.config, admission: { active: 2, maxWaitMs: 2_000 } } }, { logger: false });
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = 0;
    app.get('/api/test/hold', { config: { public: true } }, async () => {
      started++;
      await held;
      return { ok: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/test/hold`;
    try {
      // Real sockets: two hold the places, five more wait in line, then those five clients give up.
      const holding = [fetch(url), fetch(url)];
      await expect.poll(() => started).toBe(2);
      const quitters = Array.from({ length: 5 }, () => {
        const req = request(url, { agent: false });
        req.on('error', () => {}); // the socket is destroyed on purpose below
        req.end();
        return req;
      });
      const open = () => new Promise<number>((resolve) => app.server.getConnections((_e, n) => resolve(n)));
      await expect.poll(open).toBe(7);
      await new Promise((r) => setTimeout(r, 100)); // read and in line (on a slower machine the test only proves less)
      for (const req of quitters) req.destroy();
      await expect.poll(open).toBe(2);
      release();
      expect((await Promise.all(holding)).map((r) => r.status)).toEqual([200, 200]);
      // Before the fix the five places were never given back: every later request waited 2 s for a 503.
      const after = await Promise.all(Array.from({ length: 4 }, () => fetch(url)));
      expect(after.map((r) => r.status)).toEqual([200, 200, 200, 200]);
      expect(started).toBe(6); // the five who left never started
    } finally {
      await app.close();
    }
  });
});
