import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/support/db';
import { registerErrorHandler } from './errors';

/**
 * Every constraint the database holds answers 409 with a stable code when a write breaks it, on both
 * databases: unique and foreign keys as before, and now CHECK, NOT NULL and the append-only triggers
 * (which answered 500 "internal"). Real statements against a migrated database, so each database's
 * own error code is what is mapped.
 */
describe('a write the database refuses', () => {
  let db: Awaited<ReturnType<typeof freshDb>>;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await freshDb();
    const k = db.handle.db;
    await sql`insert into audit_log (at, action, outcome) values ('2026-11-30T00:00:00Z', 'test.row', 'ok')`.execute(k);
    const unit = sql`insert into units (id, kind, name, created_at, updated_at) values ('u1', 'institute', '实践所', 't', 't')`;
    await unit.execute(k);
    app = Fastify({ logger: false });
    registerErrorHandler(app);
    const route = (name: string, statement: () => Promise<unknown>) =>
      app.post(`/${name}`, async () => {
        await statement();
        return { ok: true };
      });
    route('unique', () => unit.execute(k));
    route('foreign-key', () =>
      sql`insert into point_balances (volunteer_id, balance, issued, spent, expired, updated_at) values ('nobody', 0, 0, 0, 0, 't')`.execute(k),
    );
    route('check', () =>
      k
        .transaction()
        .execute((trx) =>
          sql`insert into point_balances (volunteer_id, balance, issued, spent, expired, updated_at) values ('nobody', -1, 0, 0, 0, 't')`.execute(trx),
        ),
    );
    route('not-null', () => sql`insert into audit_log (at, action, outcome) values ('2026-11-30T00:00:00Z', null, 'ok')`.execute(k));
    route('append-only', () => sql`update audit_log set action = 'rewritten' where action = 'test.row'`.execute(k));
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it.each([
    ['unique', 'conflict.duplicate'],
    ['check', 'conflict.refused'],
    ['not-null', 'conflict.refused'],
    ['append-only', 'conflict.refused'],
    ['foreign-key', 'conflict.missing_reference'],
  ])('%s → 409 %s with a Chinese message, and nothing written', async (name, code) => {
    const res = await app.inject({ method: 'POST', url: `/${name}` });
    expect([res.statusCode, res.json().code]).toEqual([409, code]);
    expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    const rows = await sql<{ n: number }>`select count(*) as n from point_balances`.execute(db.handle.db);
    expect(Number(rows.rows[0].n)).toBe(0);
    const kept = await sql<{ action: string }>`select action from audit_log`.execute(db.handle.db);
    expect(kept.rows.map((r) => r.action)).toEqual(['test.row']);
  });
});
