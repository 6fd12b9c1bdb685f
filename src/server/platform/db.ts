import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  type DialectAdapter,
  Kysely,
  type LogEvent,
  type MigrationLockOptions,
  Migrator,
  PostgresAdapter,
  PostgresDialect,
  type SchemaMetadata,
  type TableMetadata,
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
  /**
   * PostgreSQL only: the statement timeout (default 5 000 ms: no request holds a connection longer).
   * 0 for the operator's commands that read the whole ledger (`verify-totals`): at district scale
   * (5 million records) its sums take longer than any request may.
   */
  pgStatementTimeoutMs?: number;
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
  // 16 MB of pages per connection (the default is 2 MB): at district scale a street's talent pool
  // filtered by hours looks up 9 000 running totals, and from the OS's cache each page is a syscall
  // (77 ms → 38 ms for that count in bench/district.ts's database). Three connections: 48 MB at most.
  conn.pragma('cache_size = -16384');
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

/**
 * Kysely's PostgreSQL introspector reads every table of every schema, and calls
 * pg_get_serial_sequence on each column. The migrator asks it whether its own tables exist before it
 * takes the lock, so a migration (or DROP SCHEMA) running in another schema at that moment made it
 * fail with "column … does not exist" — one test file failed the gate that way. This one reads only
 * the schemas on the connection's search path, which is where this database's tables are.
 */
class PostgresIntrospectorOnSearchPath implements DatabaseIntrospector {
  constructor(private readonly db: Kysely<unknown>) {}

  async getSchemas(): Promise<SchemaMetadata[]> {
    const { rows } = await sql<{ name: string }>`select unnest(current_schemas(false)) as name`.execute(this.db);
    return rows;
  }

  async getTables(options: DatabaseMetadataOptions = { withInternalKyselyTables: false }): Promise<TableMetadata[]> {
    const { rows } = await sql<{
      schema: string;
      table: string;
      kind: string;
      column: string;
      not_null: boolean;
      has_default: boolean;
      type: string;
      type_schema: string;
      description: string | null;
      serial: string | null;
    }>`
      select ns.nspname as schema, c.relname as table, c.relkind as kind, a.attname as column,
             a.attnotnull as not_null, a.atthasdef as has_default, typ.typname as type, tns.nspname as type_schema,
             col_description(a.attrelid, a.attnum) as description,
             pg_get_serial_sequence(quote_ident(ns.nspname) || '.' || quote_ident(c.relname), a.attname) as serial
        from pg_catalog.pg_attribute a
        join pg_catalog.pg_class c on c.oid = a.attrelid
        join pg_catalog.pg_namespace ns on ns.oid = c.relnamespace
        join pg_catalog.pg_type typ on typ.oid = a.atttypid
        join pg_catalog.pg_namespace tns on tns.oid = typ.typnamespace
       where ns.nspname = any(current_schemas(false))
         and c.relkind in ('r', 'v', 'p') and a.attnum >= 0 and not a.attisdropped
       order by ns.nspname, c.relname, a.attnum`.execute(this.db);
    const tables = new Map<string, TableMetadata & { columns: TableMetadata['columns'][number][] }>();
    for (const r of rows) {
      if (!options.withInternalKyselyTables && r.table.startsWith('kysely_migration')) continue;
      const key = `${r.schema}.${r.table}`;
      let table = tables.get(key);
      if (!table) {
        table = { name: r.table, schema: r.schema, isView: r.kind === 'v', columns: [] };
        tables.set(key, table);
      }
      table.columns.push({
        name: r.column,
        dataType: r.type,
        dataTypeSchema: r.type_schema,
        isNullable: !r.not_null,
        hasDefaultValue: r.has_default,
        isAutoIncrementing: r.serial !== null,
        comment: r.description ?? undefined,
      });
    }
    return [...tables.values()];
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}

class PostgresDialectLockingPerSchema extends PostgresDialect {
  override createAdapter(): DialectAdapter {
    return new PostgresAdapterLockingPerSchema();
  }

  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new PostgresIntrospectorOnSearchPath(db);
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
      statement_timeout: opts.pgStatementTimeoutMs ?? 5000,
      options: opts.pgSchema ? `-c search_path=${opts.pgSchema}` : undefined,
    } as pg.PoolConfig);
    // A dropped connection must not crash the process; the next query reports it. The pool listens on idle
    // clients only: a connection cut while a client is checked out (between a transaction's statements) made
    // that client emit an error nobody heard, an uncaught exception — found by taking the database away under
    // a burst of writes (test/reliability/faults.test.ts).
    pool.on('error', () => {});
    pool.on('connect', (client) => client.on('error', () => {}));
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
