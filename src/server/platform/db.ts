import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  type DialectAdapter,
  Kysely,
  type LogEvent,
  type MigrationLockOptions,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  type Transaction,
  sql,
} from 'kysely';
import pg from 'pg';
import type { Database } from '../db/schema';
import { migrations } from '../db/migrations/index';
import { isBackgroundWork, noteStatement } from './request-state';
import { SQLITE_BUSY_BLOCK_MS, SqlitePoolDialect, SqlitePoolDriver } from './sqlite-driver';

// PostgreSQL returns int8 (count, sum over integers) as strings; our numbers fit in a double.
pg.types.setTypeParser(20, (v) => Number(v));

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Queries take either, so a service can compose them in one transaction. */
export type DbOrTrx = Db | Trx;

export interface DbHandle {
  db: Db;
  dialect: 'sqlite' | 'postgres';
  /** Describes where the data is, for logs (never includes a password). */
  describe: string;
  close(): Promise<void>;
}

export interface DbOptions {
  databaseUrl: string | null;
  dataDir: string;
  /** SQLite only: a file path, or ':memory:'. Defaults to DATA_DIR/shijian.sqlite. */
  sqliteFile?: string;
  /** PostgreSQL only: run in this schema (tests give each file its own). */
  pgSchema?: string;
  /** SQLite only: read-only connections beside the writer (default SQLITE_READERS; 0 = everything on the writer). */
  sqliteReaders?: number;
  /** SQLite only: prepared statements kept per connection (default STATEMENT_CACHE_SIZE; 0 = prepare every time, for bench/). */
  sqliteStatementCache?: number;
  /** Called with the SQL of every statement run but background work's (tests count the statements of one request). */
  onQuery?: (sql: string) => void;
}

export { SQLITE_BUSY_BLOCK_MS, SQLITE_BUSY_RETRY_MS } from './sqlite-driver';

/** Read-only connections beside the writer (sqlite-driver.ts). better-sqlite3 runs on the event loop, so more would not read in parallel. */
export const SQLITE_READERS = 2;

/**
 * Opens `file` with the house pragmas. The busy retry, the statement cache, the readers and the
 * rollback that keeps the real error are in sqlite-driver.ts.
 */
function openSqlite(file: string, role: 'writer' | 'reader'): SQLite.Database {
  const conn = new SQLite(file, { fileMustExist: role === 'reader' });
  // Durability over speed: WAL with FULL sync survives power loss (security.md, T2).
  if (role === 'writer') conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = FULL');
  conn.pragma('foreign_keys = ON');
  conn.pragma(`busy_timeout = ${SQLITE_BUSY_BLOCK_MS}`);
  // A reader refuses any write, whatever reaches it.
  if (role === 'reader') conn.pragma('query_only = ON');
  return conn;
}

/**
 * Kysely's PostgreSQL migration lock is one advisory lock for the whole database, taken by a plain
 * statement, so the pool's 5 s statement_timeout cancelled the wait: a process (or a test file, each in
 * its own schema) that started while another was migrating failed instead of waiting its turn — four
 * suites failed in the gate that way. The lock is per schema here (two schemas never wait for each
 * other; two processes on one schema still take turns), and the wait for it is not timed out.
 */
class PostgresAdapterLockingPerSchema extends PostgresAdapter {
  override async acquireMigrationLock(db: Kysely<unknown>, opt: MigrationLockOptions): Promise<void> {
    await sql`set statement_timeout = 0`.execute(db);
    const schema = opt.lockTableSchema ?? null;
    await sql`select pg_advisory_lock(hashtextextended('shijian.migrate:' || coalesce(${schema}::text, current_schema()), 0))`.execute(db);
  }

  override async releaseMigrationLock(db: Kysely<unknown>, opt: MigrationLockOptions): Promise<void> {
    const schema = opt.lockTableSchema ?? null;
    await sql`select pg_advisory_unlock(hashtextextended('shijian.migrate:' || coalesce(${schema}::text, current_schema()), 0))`.execute(db);
    // Back to the connection's own setting (the pool's statement_timeout, given at connect).
    await sql`reset statement_timeout`.execute(db);
  }
}

class PostgresDialectLockingPerSchema extends PostgresDialect {
  override createAdapter(): DialectAdapter {
    return new PostgresAdapterLockingPerSchema();
  }
}

export function openDb(opts: DbOptions): DbHandle {
  const onQuery = opts.onQuery;
  const log = {
    log: (e: LogEvent) => {
      noteStatement(e.query.sql);
      if (onQuery && !isBackgroundWork()) onQuery(e.query.sql);
    },
  };
  if (opts.databaseUrl && /^postgres(ql)?:\/\//.test(opts.databaseUrl)) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: 10,
      // How long a request may wait for a connection before it is refused with 503 (nothing written).
      // Long enough that a burst of writes queues rather than fails on a busy 2-core machine.
      connectionTimeoutMillis: 10_000,
      statement_timeout: 5000,
      options: opts.pgSchema ? `-c search_path=${opts.pgSchema}` : undefined,
    } as pg.PoolConfig);
    // A dropped connection must not crash the process; the next query reports it.
    pool.on('error', () => {});
    const url = new URL(opts.databaseUrl);
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialectLockingPerSchema({ pool }), ...log }),
      dialect: 'postgres',
      describe: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}${opts.pgSchema ? ` (schema ${opts.pgSchema})` : ''}`,
      async close() {
        await pool.end();
      },
    };
  }
  if (opts.databaseUrl) throw new Error(`不支持的 DATABASE_URL: 只支持 postgres://…，留空则使用内置 SQLite`);
  const file = opts.sqliteFile ?? path.join(opts.dataDir, 'shijian.sqlite');
  const writer = openSqlite(file, 'writer');
  // ':memory:' (and '' — a temporary file) is private to its connection: no readers.
  const shared = file !== '' && file !== ':memory:' && !file.startsWith('file::memory:');
  const readers: SQLite.Database[] = [];
  try {
    for (let i = 0; shared && i < (opts.sqliteReaders ?? SQLITE_READERS); i++) readers.push(openSqlite(file, 'reader'));
  } catch (err) {
    for (const r of readers) r.close();
    writer.close();
    throw err;
  }
  const driver = new SqlitePoolDriver({ writer, readers, statementCacheSize: opts.sqliteStatementCache });
  return {
    db: new Kysely<Database>({ dialect: new SqlitePoolDialect(driver), ...log }),
    dialect: 'sqlite',
    describe: `SQLite ${file}`,
    async close() {
      driver.close();
    },
  };
}

/** `schema`: PostgreSQL schema holding Kysely's own migration tables, when not the default. */
export async function migrateToLatest(db: Db, schema?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** The newest migration applied, for a backup's manifest. */
export async function latestMigration(db: Db, schema?: string): Promise<string | null> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const applied = (await migrator.getMigrations()).filter((m) => m.executedAt);
  return applied.at(-1)?.name ?? null;
}

/** A copy of a SQLite database into `file`: VACUUM INTO is an online, consistent copy, so writers may keep going while it runs. */
export async function copySqliteTo(db: Db, file: string): Promise<void> {
  await sql`VACUUM INTO ${file}`.execute(db);
}

export async function pingDb(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

/** A `SELECT … FOR UPDATE` on PostgreSQL; SQLite already serialises writers, and has no such clause. */
export function isPostgres(handle: Pick<DbHandle, 'dialect'>): boolean {
  return handle.dialect === 'postgres';
}

/** A unique-constraint violation on either database (PostgreSQL 23505, SQLite SQLITE_CONSTRAINT_UNIQUE). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
