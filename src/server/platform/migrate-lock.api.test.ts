import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { PG_URL } from '../../../test/support/db';
import { migrateToLatest, openDb } from './db';

/**
 * Migrations on PostgreSQL take a lock per schema and wait for it without the pool's 5 s statement
 * timeout: a second process starting while the first migrates waits its turn, and migrations in
 * another schema do not wait at all. (Kysely's own lock is one for the whole database, and its wait was
 * cancelled after 5 s.)
 */
describe.runIf(process.env.TEST_DB === 'postgres')('the migration lock on PostgreSQL', () => {
  const schemas: string[] = [];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shijian-lock-'));
  const admin = async (text: string, values: unknown[] = []) => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    try {
      return await c.query(text, values);
    } finally {
      await c.end();
    }
  };
  const fresh = async () => {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    await admin(`CREATE SCHEMA ${schema}`);
    schemas.push(schema);
    return { schema, handle: openDb({ databaseUrl: PG_URL, dataDir, pgSchema: schema }) };
  };
  afterAll(async () => {
    for (const s of schemas) await admin(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('waits past the statement timeout for a migration of the same schema, and never for another schema', { timeout: 120_000 }, async () => {
    const a = await fresh();
    const b = await fresh();
    // Someone else is migrating schema A: hold its lock for longer than the 5 s statement timeout.
    const holder = new pg.Client({ connectionString: PG_URL });
    await holder.connect();
    await holder.query(`select pg_advisory_lock(hashtextextended('shijian.migrate:' || $1::text, 0))`, [a.schema]);
    let aDone = false;
    const migratingA = migrateToLatest(a.handle.db, a.schema).then((applied) => {
      aDone = true;
      return applied;
    });
    // Schema B does not wait for A's lock.
    expect((await migrateToLatest(b.handle.db, b.schema)).length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 6000));
    expect(aDone).toBe(false);
    await holder.query(`select pg_advisory_unlock(hashtextextended('shijian.migrate:' || $1::text, 0))`, [a.schema]);
    await holder.end();
    expect((await migratingA).length).toBeGreaterThan(0);
    // The migration's connection (the pool's only one so far) went back with its own statement timeout.
    const { rows } = await sql<{ statement_timeout: string }>`show statement_timeout`.execute(a.handle.db);
    expect(rows[0].statement_timeout).toBe('5s');
    await a.handle.close();
    await b.handle.close();
  });

  it('looks only at its own schema when it asks which tables exist, so DDL in another schema cannot fail it', { timeout: 60_000 }, async () => {
    const a = await fresh();
    const b = await fresh();
    await migrateToLatest(a.handle.db, a.schema);
    await admin(`CREATE TABLE ${b.schema}.elsewhere (id serial primary key, note text)`);
    const tables = await a.handle.db.introspection.getTables({ withInternalKyselyTables: true });
    expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([a.schema]));
    expect(tables.map((t) => t.name)).toContain('kysely_migration');
    expect(tables.map((t) => t.name)).not.toContain('elsewhere');
    expect((await a.handle.db.introspection.getTables()).map((t) => t.name)).not.toContain('kysely_migration');
    // While another schema is altered and dropped over and over, migrating (and asking again) keeps working.
    let altering = true;
    const churn = (async () => {
      for (let i = 0; altering; i++) {
        await admin(`ALTER TABLE ${b.schema}.elsewhere ADD COLUMN c${i} int`);
        await admin(`ALTER TABLE ${b.schema}.elsewhere DROP COLUMN c${i}`);
      }
    })();
    for (let i = 0; i < 20; i++) expect(await migrateToLatest(a.handle.db, a.schema)).toEqual([]);
    altering = false;
    await churn;
    await a.handle.close();
    await b.handle.close();
  });
});
