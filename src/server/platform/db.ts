import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  type LogEvent,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  type Transaction,
  sql,
} from 'kysely';
import pg from 'pg';
import type { Database } from '../db/schema';
import { migrations } from '../db/migrations/index';
import { noteStatement } from './request-state';

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
  /** Called with the SQL of every statement run (tests count the statements of one request). */
  onQuery?: (sql: string) => void;
}

/**
 * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM),
 * and Kysely's ROLLBACK after that fails with "cannot rollback - no transaction is active" — an error
 * that replaced the real one, so a full disk answered 500 'internal' (issue 12). The transaction is
 * already gone, nothing was written: the ROLLBACK's complaint is dropped and the real error surfaces.
 */
/** How long SQLite itself may block the event loop on a lock another connection holds, per attempt. */
export const SQLITE_BUSY_BLOCK_MS = 20;
/** How long a statement keeps trying, off the event loop, before SQLITE_BUSY answers 503 (platform/errors.ts). */
export const SQLITE_BUSY_RETRY_MS = 1500;

function isSqliteBusy(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? '';
  return code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_');
}

/**
 * better-sqlite3 waits out busy_timeout synchronously: with another connection holding the write lock
 * (a sqlite3 shell, a tool), every admitted write froze the whole server for the timeout in turn and a
 * burst got no answers for tens of seconds (issue 12). So SQLite blocks only briefly, and a busy
 * statement is retried after a pause in which other requests (and /api/health) are served. The budget
 * is shared: it starts at the first busy answer and ends when a busy statement gets through, so while the lock stays
 * taken the statements queued behind the first one fail at once instead of each waiting in turn. Past
 * it the busy error answers 503 with Retry-After (platform/errors.ts), and its transaction rolls back.
 */
function retryBusyOffTheEventLoop(conn: DatabaseConnection): void {
  const execute = conn.executeQuery.bind(conn);
  let busySince: number | null = null;
  let lastBusy = 0;
  conn.executeQuery = (async (query: CompiledQuery) => {
    let waited = false;
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      try {
        const result = await execute(query);
        // Reads go on beside a held write lock (WAL): only a statement that got through after being
        // busy, or a quiet second, says the lock is gone.
        if (waited || Date.now() - lastBusy > 1000) busySince = null;
        return result;
      } catch (err) {
        if (!isSqliteBusy(err)) throw err;
        waited = true;
        lastBusy = Date.now();
        busySince ??= lastBusy;
        if (Date.now() - busySince >= SQLITE_BUSY_RETRY_MS) throw err;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }) as DatabaseConnection['executeQuery'];
}

class SqliteDialectKeepingTheCause extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    const acquire = driver.acquireConnection.bind(driver);
    const retrying = new WeakSet<DatabaseConnection>();
    driver.acquireConnection = async () => {
      const conn = await acquire();
      if (!retrying.has(conn)) {
        retryBusyOffTheEventLoop(conn);
        retrying.add(conn);
      }
      return conn;
    };
    const rollback = driver.rollbackTransaction.bind(driver);
    driver.rollbackTransaction = async (...args: Parameters<Driver['rollbackTransaction']>) => {
      try {
        await rollback(...args);
      } catch (err) {
        if (/no transaction is active/i.test((err as Error)?.message ?? '')) return;
        throw err;
      }
    };
    return driver;
  }
}

export function openDb(opts: DbOptions): DbHandle {
  const onQuery = opts.onQuery;
  const log = {
    log: (e: LogEvent) => {
      noteStatement(e.query.sql);
      onQuery?.(e.query.sql);
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
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...log }),
      dialect: 'postgres',
      describe: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}${opts.pgSchema ? ` (schema ${opts.pgSchema})` : ''}`,
      async close() {
        await pool.end();
      },
    };
  }
  if (opts.databaseUrl) throw new Error(`不支持的 DATABASE_URL: 只支持 postgres://…，留空则使用内置 SQLite`);
  const file = opts.sqliteFile ?? path.join(opts.dataDir, 'shijian.sqlite');
  const sqlite = new SQLite(file);
  // Durability over speed: WAL with FULL sync survives power loss (security.md, T2).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${SQLITE_BUSY_BLOCK_MS}`);
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialectKeepingTheCause({ database: sqlite }), ...log }),
    dialect: 'sqlite',
    describe: `SQLite ${file}`,
    async close() {
      sqlite.close();
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
