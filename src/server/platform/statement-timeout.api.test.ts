import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { PG_URL } from '../../../test/support/db';
import { openDb } from './db';

/**
 * Requests run under a 5 s statement timeout on PostgreSQL; the operator's `verify-totals` sums the
 * whole ledger and at district scale (5 million records, bench/district.ts) took longer, so it was
 * cancelled (57014) and could never report. It opens its connection without the timeout.
 */
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shijian-timeout-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const onPg = process.env.TEST_DB === 'postgres';

describe('the statement timeout', () => {
  it.runIf(onPg)('is 5 s for requests and none for the whole-ledger commands (PostgreSQL)', async () => {
    for (const [opts, expected] of [
      [{}, '5s'],
      [{ pgStatementTimeoutMs: 0 }, '0'],
    ] as const) {
      const handle = openDb({ databaseUrl: PG_URL, dataDir, ...opts });
      try {
        const { rows } = await sql<{ statement_timeout: string }>`show statement_timeout`.execute(handle.db);
        expect(rows[0].statement_timeout).toBe(expected);
      } finally {
        await handle.close();
      }
    }
  });

  it.runIf(!onPg)('does not apply to SQLite, which opens with or without it', async () => {
    const handle = openDb({ databaseUrl: null, dataDir, sqliteFile: path.join(dataDir, 't.sqlite'), pgStatementTimeoutMs: 0 });
    try {
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
      expect(rows[0].one).toBe(1);
    } finally {
      await handle.close();
    }
  });
});
