import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/support/db';
import { registerErrorHandler } from './errors';
import { withRequestState } from './request-state';

/**
 * A database that cannot be reached answers 503 with Retry-After only while nothing has been
 * written; once the request's transaction has committed, a retry would do the work twice, so the
 * answer says the change was saved and invites no retry.
 */
describe('a database failure after a commit is not answered "try again"', () => {
  let db: Awaited<ReturnType<typeof freshDb>>;
  let app: FastifyInstance;
  const unreachable = () => Object.assign(new Error('timeout exceeded when trying to connect'), { code: 'ETIMEDOUT' });

  beforeAll(async () => {
    db = await freshDb();
    app = Fastify();
    registerErrorHandler(app);
    app.addHook('onRequest', (_req, _reply, done) => withRequestState(done));
    app.post('/before-commit', async () => {
      throw unreachable();
    });
    app.post('/after-commit', async () => {
      await db.handle.db.transaction().execute((trx) =>
        trx
          .insertInto('counters')
          .values({ name: `probe-${Date.now()}`, value: 1 })
          .execute(),
      );
      throw unreachable();
    });
    app.post('/rolled-back', async () => {
      await db.handle.db.transaction().execute(async (trx) => {
        await trx.insertInto('counters').values({ name: 'never', value: 1 }).execute();
        throw unreachable();
      });
    });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('answers 503 with Retry-After when nothing was written', async () => {
    for (const url of ['/before-commit', '/rolled-back']) {
      const res = await app.inject({ method: 'POST', url });
      expect(res.statusCode, url).toBe(503);
      expect(res.headers['retry-after'], url).toBe('1');
      expect(res.json().code).toBe('service.unavailable');
    }
    expect(await db.handle.db.selectFrom('counters').where('name', '=', 'never').selectAll().execute()).toEqual([]);
  });

  it('answers 500 service.unconfirmed, without Retry-After, once a change has committed', async () => {
    const res = await app.inject({ method: 'POST', url: '/after-commit' });
    expect(res.statusCode).toBe(500);
    expect(res.headers['retry-after']).toBeUndefined();
    expect(res.json()).toMatchObject({ code: 'service.unconfirmed', message: expect.stringContaining('不要重复提交') });
    // Each request has its own state: the next one that writes nothing is 503 again.
    expect((await app.inject({ method: 'POST', url: '/before-commit' })).statusCode).toBe(503);
  });
});
