import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type DbHandle, migrateToLatest, openDb } from '../../src/server/platform/db';

export const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/**
 * A fresh, migrated database for one test file: an in-memory SQLite, or a new schema in the test
 * PostgreSQL database (dropped afterwards). TEST_DB picks which; the suites are the same.
 */
export async function freshDb(opts: { onQuery?: (sql: string) => void } = {}): Promise<{ handle: DbHandle; dataDir: string; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shijian-test-'));
  if (process.env.TEST_DB === 'postgres') {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const handle = openDb({ databaseUrl: PG_URL, dataDir, pgSchema: schema, onQuery: opts.onQuery });
    await migrateToLatest(handle.db, schema);
    return {
      handle,
      dataDir,
      async drop() {
        await handle.close();
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const handle = openDb({ databaseUrl: null, dataDir, sqliteFile: path.join(dataDir, 'test.sqlite'), onQuery: opts.onQuery });
  await migrateToLatest(handle.db);
  return {
    handle,
    dataDir,
    async drop() {
      await handle.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
