import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDb } from './db';
import { isDiskFull } from './disk';

describe('disk full', () => {
  it('is recognised from SQLite, PostgreSQL (53100 disk_full) and the file system', () => {
    expect(isDiskFull({ code: 'SQLITE_FULL', message: 'database or disk is full' })).toBe(true);
    expect(isDiskFull({ code: '53100', message: 'could not extend file "base/16384/2619": No space left on device' })).toBe(true);
    expect(isDiskFull({ code: 'ENOSPC' })).toBe(true);
    expect(isDiskFull({ code: 'EDQUOT' })).toBe(true);
    expect(isDiskFull({ code: 'SQLITE_BUSY', message: 'database is locked' })).toBe(false);
    expect(isDiskFull(null)).toBe(false);
  });

  it('surfaces from a SQLite transaction as SQLITE_FULL, not as "cannot rollback - no transaction is active"', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shijian-full-'));
    const handle = openDb({ databaseUrl: null, dataDir: dir });
    try {
      const db = handle.db as unknown as import('kysely').Kysely<{ t: { x: string } }>;
      await sql`create table t (x text)`.execute(db);
      const pages = Number(Object.values((await sql.raw<Record<string, number>>('pragma page_count').execute(db)).rows[0] ?? {})[0]);
      await sql.raw(`pragma max_page_count = ${pages + 2}`).execute(db);
      const err = await db
        .transaction()
        .execute(async (trx) => {
          for (let i = 0; i < 50; i++)
            await trx
              .insertInto('t')
              .values({ x: 'y'.repeat(4000) })
              .execute();
        })
        .catch((e: unknown) => e);
      expect((err as { code?: string }).code).toBe('SQLITE_FULL');
      expect(isDiskFull(err)).toBe(true);
      // Nothing of the transaction was kept, and the connection still works.
      expect((await db.selectFrom('t').selectAll().execute()).length).toBe(0);
    } finally {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
