import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type DbHandle, SQLITE_BUSY_RETRY_MS, openDb } from './db';
import { SqliteConnection } from './sqlite-driver';

/**
 * The SQLite driver (issue 13): prepared statements kept per connection, plain reads on read-only
 * connections beside the writer so a transaction holding the writer across awaits does not hold up a
 * list, and the busy retry of issue 12 still on the writer.
 */
type T = { t: { id: number; x: string } };

let dir: string;
let file: string;
let handle: DbHandle;
let db: Kysely<T>;

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'shijian-sqlite-driver-'));
  file = path.join(dir, 'shijian.sqlite');
  handle = openDb({ databaseUrl: null, dataDir: dir });
  db = handle.db as unknown as Kysely<T>;
  await sql`create table t (id integer primary key, x text not null)`.execute(db);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves with the promise's value, or 'pending' if it has not settled after `ms` (it should have long before). */
async function settledWithin<V>(p: Promise<V>, ms: number): Promise<V | 'pending'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'pending'>((resolve) => {
    timer = setTimeout(() => resolve('pending'), ms);
  });
  try {
    return await Promise.race([p, late]);
  } finally {
    clearTimeout(timer);
  }
}

function preparesOf(spy: { mock: { calls: unknown[][] } }, text: RegExp): number {
  return spy.mock.calls.filter(([s]) => text.test(String(s))).length;
}

describe('the statement cache', () => {
  it('prepares a statement once per connection and reuses it with other parameters', async () => {
    const prepare = vi.spyOn(SQLite.prototype, 'prepare');
    for (let i = 0; i < 20; i++)
      await db
        .insertInto('t')
        .values({ id: i, x: `v${i}` })
        .execute();
    for (let i = 0; i < 20; i++) {
      const row = await db.selectFrom('t').select('x').where('id', '=', i).executeTakeFirst();
      expect(row?.x).toBe(`v${i}`);
    }
    await db.transaction().execute(async (trx) => {
      for (let i = 20; i < 30; i++)
        await trx
          .insertInto('t')
          .values({ id: i, x: `v${i}` })
          .execute();
    });
    // The insert on the writer only; the select at most once on each connection that ran it.
    expect(preparesOf(prepare, /^insert into "t"/)).toBe(1);
    const selects = preparesOf(prepare, /^select "x" from "t"/);
    expect(selects).toBeGreaterThanOrEqual(1);
    expect(selects).toBeLessThanOrEqual(3);
    expect(preparesOf(prepare, /^begin$/)).toBe(1);
    expect(preparesOf(prepare, /^commit$/)).toBe(1);
  });

  it('is bounded: the least recently used statement is dropped and prepared again when needed', () => {
    const raw = new SQLite(':memory:');
    const conn = new SqliteConnection(raw, 2);
    const prepare = vi.spyOn(raw, 'prepare');
    const a = conn.statement('select 1');
    conn.statement('select 2');
    expect(conn.statement('select 1')).toBe(a); // used again: now the most recent
    conn.statement('select 3'); // drops 'select 2'
    expect(conn.statement('select 1')).toBe(a);
    conn.statement('select 2');
    expect(prepare.mock.calls.map(([s]) => s)).toEqual(['select 1', 'select 2', 'select 3', 'select 2']);
    conn.close();
  });
});

describe('reads beside the writer', () => {
  it('a plain read resolves while a transaction holds the writer across an await, and does not see its uncommitted rows', async () => {
    await db.insertInto('t').values({ id: 1, x: 'before' }).execute();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => {
      wrote = resolve;
    });
    const tx = db.transaction().execute(async (trx) => {
      await trx.updateTable('t').set({ x: 'inside' }).where('id', '=', 1).execute();
      await trx.insertInto('t').values({ id: 2, x: 'new' }).execute();
      wrote();
      await gate;
    });
    await written;
    try {
      const read = await settledWithin(db.selectFrom('t').select(['id', 'x']).orderBy('id').execute(), 10_000);
      expect(read).toEqual([{ id: 1, x: 'before' }]);
      // A raw WITH … SELECT is a plain read too.
      const counted = await settledWithin(sql<{ n: number }>`with c as (select count(*) as n from t) select n from c`.execute(db), 10_000);
      expect(counted === 'pending' ? counted : counted.rows).toEqual([{ n: 1 }]);
    } finally {
      release();
      await tx;
    }
  });

  it('a write outside the transaction waits for it (one writer), then goes through', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let began!: () => void;
    const begun = new Promise<void>((resolve) => {
      began = resolve;
    });
    const tx = db.transaction().execute(async (trx) => {
      await trx.insertInto('t').values({ id: 1, x: 'tx' }).execute();
      began();
      await gate;
    });
    await begun;
    const outside = db.insertInto('t').values({ id: 2, x: 'outside' }).execute();
    expect(await settledWithin(outside, 200)).toBe('pending');
    release();
    await tx;
    await outside;
    expect((await db.selectFrom('t').select('id').orderBy('id').execute()).map((r) => r.id)).toEqual([1, 2]);
  });

  it('reads see every committed write at once (read your writes), through every reader', async () => {
    for (let i = 0; i < 10; i++) {
      await db
        .insertInto('t')
        .values({ id: i, x: `v${i}` })
        .execute();
      // More reads than readers: each reader must see the write just committed on the writer.
      for (let k = 0; k < 3; k++) {
        const n = await db
          .selectFrom('t')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow();
        expect(Number(n.n)).toBe(i + 1);
      }
    }
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('t').where('id', '<', 5).execute();
      // Inside the transaction the read is on the writer and sees the transaction's own change.
      expect((await trx.selectFrom('t').select('id').execute()).length).toBe(5);
    });
    expect((await db.selectFrom('t').select('id').execute()).length).toBe(5);
  });

  it('what only looks like a read goes to the writer: WITH … INSERT, pragmas', async () => {
    await sql`with v(id, x) as (values (1, 'a'), (2, 'b')) insert into t (id, x) select id, x from v`.execute(db);
    expect((await db.selectFrom('t').select('id').execute()).length).toBe(2);
    // max_page_count is per connection: set and read on the writer, where the writes happen.
    await sql.raw('pragma max_page_count = 123456').execute(db);
    const { rows } = await sql.raw<Record<string, number>>('pragma max_page_count').execute(db);
    expect(Object.values(rows[0] ?? {})[0]).toBe(123456);
  });

  it('closes every connection it opened', async () => {
    const close = vi.spyOn(SQLite.prototype, 'close');
    const other = openDb({ databaseUrl: null, dataDir: dir, sqliteFile: path.join(dir, 'other.sqlite'), sqliteReaders: 3 });
    await sql`select 1`.execute(other.db);
    await other.close();
    expect(close).toHaveBeenCalledTimes(4);
  });

  it("':memory:' keeps one connection, transactions and reads included", async () => {
    const mem = openDb({ databaseUrl: null, dataDir: dir, sqliteFile: ':memory:' });
    const m = mem.db as unknown as Kysely<T>;
    try {
      await sql`create table t (id integer primary key, x text not null)`.execute(m);
      await m.transaction().execute(async (trx) => {
        await trx.insertInto('t').values({ id: 1, x: 'a' }).execute();
      });
      expect(await m.selectFrom('t').select('x').execute()).toEqual([{ x: 'a' }]);
    } finally {
      await mem.close();
    }
  });
});

describe('SQLITE_BUSY on the writer (another process holds the write lock)', () => {
  it('a write retries off the event loop and goes through once the lock is released; reads go on meanwhile', async () => {
    const other = new SQLite(file);
    other.exec('begin immediate');
    try {
      let ticks = 0;
      const ticker = setInterval(() => ticks++, 5);
      const write = db.insertInto('t').values({ id: 1, x: 'late' }).execute();
      // Reads are not held up by the foreign write lock (WAL).
      expect(await settledWithin(db.selectFrom('t').selectAll().execute(), 10_000)).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      other.exec('commit');
      await write;
      clearInterval(ticker);
      expect(ticks).toBeGreaterThan(0); // the event loop kept turning while the write waited
      expect(await db.selectFrom('t').select('x').execute()).toEqual([{ x: 'late' }]);
    } finally {
      if (other.inTransaction) other.exec('rollback');
      other.close();
    }
  });

  it('past the retry budget the write fails with SQLITE_BUSY, its transaction rolls back, and the writer works after', async () => {
    const other = new SQLite(file);
    other.exec('begin immediate');
    const t0 = Date.now();
    let err: unknown;
    try {
      err = await db
        .transaction()
        .execute(async (trx) => {
          await trx.insertInto('t').values({ id: 1, x: 'never' }).execute();
        })
        .catch((e: unknown) => e);
    } finally {
      other.exec('rollback');
      other.close();
    }
    expect((err as { code?: string }).code).toMatch(/^SQLITE_BUSY/);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(SQLITE_BUSY_RETRY_MS - 50);
    // Retries of the failed statement are over; a quiet second later the budget starts afresh.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await db.insertInto('t').values({ id: 2, x: 'after' }).execute();
    expect(await db.selectFrom('t').select('x').execute()).toEqual([{ x: 'after' }]);
  });
});
