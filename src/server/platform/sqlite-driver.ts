import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  SqliteAdapter,
  type DatabaseIntrospector,
  type Dialect,
  type Kysely,
  SqliteIntrospector,
  SqliteQueryCompiler,
  IdentifierNode,
  RawNode,
  createQueryId,
} from 'kysely';

/**
 * Kysely's own SQLite driver prepared every statement again (better-sqlite3 `prepare` was 10 % of CPU,
 * issue 13) and ran everything on one connection, which a transaction holds across `await`s: a list
 * waited behind any write. This driver keeps the prepared statements of each connection (a bounded
 * LRU per SQL text) and runs plain reads outside a transaction on read-only connections beside the one
 * writer — WAL lets them read the last committed state while the writer is in a transaction. Writes,
 * transactions (everything in them, reads included), pragmas and anything not a plain SELECT go to the
 * writer, one Kysely connection at a time as before. A ':memory:' database has no readers.
 */

/** How long SQLite itself may block the event loop on a lock another connection holds, per attempt. */
export const SQLITE_BUSY_BLOCK_MS = 20;
/** How long a statement keeps trying, off the event loop, before SQLITE_BUSY answers 503 (platform/errors.ts). */
export const SQLITE_BUSY_RETRY_MS = 1500;
/** Prepared statements kept per connection: the app has a few hundred distinct statements. */
export const STATEMENT_CACHE_SIZE = 500;

function isSqliteBusy(err: unknown): boolean {
  const code = (err as { code?: string })?.code ?? '';
  return code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_');
}

/** A SELECT (or WITH … SELECT) by its first word; the reader connection then checks it really is read-only. */
const PLAIN_READ = /^\s*(select|with)\b/i;

/** One better-sqlite3 connection, its prepared statements, and the busy retry for what runs on it. */
export class SqliteConnection {
  readonly db: SQLite.Database;
  readonly #statements = new Map<string, SQLite.Statement>();
  readonly #cacheSize: number;
  #busySince: number | null = null;
  #lastBusy = 0;

  constructor(db: SQLite.Database, cacheSize?: number) {
    this.db = db;
    this.#cacheSize = cacheSize ?? STATEMENT_CACHE_SIZE;
  }

  /**
   * The prepared statement for this SQL text, prepared once. `all()` and `run()` finish before they
   * return, so one statement serves every caller in turn; only `iterate()` keeps a statement busy,
   * and streaming prepares its own (streamQuery below).
   */
  statement(sqlText: string): SQLite.Statement {
    const cached = this.#statements.get(sqlText);
    if (cached) {
      // Map keeps insertion order: moving the entry to the end makes the first one the least recently used.
      this.#statements.delete(sqlText);
      this.#statements.set(sqlText, cached);
      return cached;
    }
    const stmt = this.db.prepare(sqlText);
    this.#statements.set(sqlText, stmt);
    if (this.#statements.size > this.#cacheSize) {
      const oldest = this.#statements.keys().next().value;
      if (oldest !== undefined) this.#statements.delete(oldest);
    }
    return stmt;
  }

  /** A plain read this connection may run (it is read-only, so `query_only` would refuse anything else), or null. */
  readStatement(sqlText: string): SQLite.Statement | null {
    try {
      const stmt = this.statement(sqlText);
      return stmt.reader && stmt.readonly ? stmt : null;
    } catch {
      // Let the writer run it and report the error as before (syntax, missing table).
      return null;
    }
  }

  execute(query: CompiledQuery, prepared?: SQLite.Statement): QueryResult<unknown> {
    const stmt = prepared ?? this.statement(query.sql);
    const parameters = query.parameters as unknown[];
    if (stmt.reader) return { rows: stmt.all(parameters) };
    const { changes, lastInsertRowid } = stmt.run(parameters);
    return {
      numAffectedRows: changes !== undefined && changes !== null ? BigInt(changes) : undefined,
      insertId: lastInsertRowid !== undefined && lastInsertRowid !== null ? BigInt(lastInsertRowid) : undefined,
      rows: [],
    };
  }

  /**
   * better-sqlite3 waits out busy_timeout synchronously: with another connection holding the write lock
   * (a sqlite3 shell, a tool), every admitted write froze the whole server for the timeout in turn and a
   * burst got no answers for tens of seconds (issue 12). So SQLite blocks only briefly, and a busy
   * statement is retried after a pause in which other requests (and /api/health) are served. The budget
   * is shared by the statements of this connection: it starts at the first busy answer and ends when a
   * busy statement gets through, so while the lock stays taken the statements queued behind the first
   * one fail at once instead of each waiting in turn. Past it the busy error answers 503 with
   * Retry-After (platform/errors.ts), and its transaction rolls back.
   */
  async executeRetryingBusy(query: CompiledQuery, prepared?: SQLite.Statement): Promise<QueryResult<unknown>> {
    let waited = false;
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      try {
        const result = this.execute(query, prepared);
        // Reads go on beside a held write lock (WAL): only a statement that got through after being
        // busy, or a quiet second, says the lock is gone.
        if (waited || Date.now() - this.#lastBusy > 1000) this.#busySince = null;
        return result;
      } catch (err) {
        if (!isSqliteBusy(err)) throw err;
        waited = true;
        this.#lastBusy = Date.now();
        this.#busySince ??= this.#lastBusy;
        if (Date.now() - this.#busySince >= SQLITE_BUSY_RETRY_MS) throw err;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  close(): void {
    this.#statements.clear();
    this.db.close();
  }
}

/** The writer is one Kysely connection at a time (a transaction holds it across awaits); waiters queue in order. */
class Mutex {
  #locked = false;
  readonly #waiting: Array<() => void> = [];

  async lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiting.push(resolve));
  }

  unlock(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#locked = false;
  }
}

/**
 * What Kysely holds between acquiring and releasing a connection. Kysely does not say whether it is
 * about to run one statement or a transaction, so the writer is taken at the first statement that
 * needs it (or at BEGIN) and kept until release; plain reads before that go to a reader.
 */
class RoutedConnection implements DatabaseConnection {
  readonly #driver: SqlitePoolDriver;
  #holdsWriter = false;

  constructor(driver: SqlitePoolDriver) {
    this.#driver = driver;
  }

  async holdWriter(): Promise<SqliteConnection> {
    if (!this.#holdsWriter) {
      await this.#driver.writerLock.lock();
      this.#holdsWriter = true;
    }
    return this.#driver.writer;
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (!this.#holdsWriter && PLAIN_READ.test(query.sql)) {
      const reader = this.#driver.nextReader();
      const stmt = reader?.readStatement(query.sql);
      if (reader && stmt) return (await reader.executeRetryingBusy(query, stmt)) as QueryResult<R>;
    }
    const writer = await this.holdWriter();
    return (await writer.executeRetryingBusy(query)) as QueryResult<R>;
  }

  /** Streaming iterates a statement, which keeps it busy: it gets a statement of its own, on the writer. */
  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const writer = await this.holdWriter();
    if (!PLAIN_READ.test(query.sql)) throw new Error('Sqlite driver only supports streaming of select queries');
    const stmt = writer.db.prepare(query.sql);
    for (const row of stmt.iterate(query.parameters as unknown[])) yield { rows: [row as R] };
  }

  release(): void {
    if (!this.#holdsWriter) return;
    this.#holdsWriter = false;
    this.#driver.writerLock.unlock();
  }
}

export interface SqlitePool {
  writer: SQLite.Database;
  /** Read-only connections on the same file (none for ':memory:'). */
  readers: SQLite.Database[];
  statementCacheSize?: number;
}

/** `savepoint x`, `rollback to x`, `release x`, the name quoted as Kysely's own drivers do. */
function savepointCommand(command: string, name: string): RawNode {
  return RawNode.createWithChildren([RawNode.createWithSql(`${command} `), IdentifierNode.create(name)]);
}

export class SqlitePoolDriver implements Driver {
  readonly writer: SqliteConnection;
  readonly readers: SqliteConnection[];
  readonly writerLock = new Mutex();
  #next = 0;

  constructor(pool: SqlitePool) {
    this.writer = new SqliteConnection(pool.writer, pool.statementCacheSize);
    this.readers = pool.readers.map((db) => new SqliteConnection(db, pool.statementCacheSize));
  }

  nextReader(): SqliteConnection | null {
    if (this.readers.length === 0) return null;
    this.#next = (this.#next + 1) % this.readers.length;
    return this.readers[this.#next] ?? null;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutedConnection(this);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as RoutedConnection).holdWriter();
    await connection.executeQuery(CompiledQuery.raw('begin'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  /**
   * SQLite rolls a transaction back by itself on some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM),
   * and the ROLLBACK after that fails with "cannot rollback - no transaction is active" — an error that
   * replaced the real one, so a full disk answered 500 'internal' (issue 12). The transaction is already
   * gone, nothing was written: the ROLLBACK's complaint is dropped and the real error surfaces.
   */
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await connection.executeQuery(CompiledQuery.raw('rollback'));
    } catch (err) {
      if (/no transaction is active/i.test((err as Error)?.message ?? '')) return;
      throw err;
    }
  }

  async savepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(compile(savepointCommand('savepoint', name), createQueryId()));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(compile(savepointCommand('rollback to', name), createQueryId()));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']): Promise<void> {
    await connection.executeQuery(compile(savepointCommand('release', name), createQueryId()));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as RoutedConnection).release();
  }

  async destroy(): Promise<void> {
    this.close();
  }

  /** Closes every connection (idempotent: better-sqlite3's close on a closed database does nothing). */
  close(): void {
    for (const reader of this.readers) reader.close();
    this.writer.close();
  }
}

export class SqlitePoolDialect implements Dialect {
  readonly #driver: SqlitePoolDriver;

  constructor(driver: SqlitePoolDriver) {
    this.#driver = driver;
  }

  createDriver(): Driver {
    return this.#driver;
  }

  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }

  createAdapter(): SqliteAdapter {
    return new SqliteAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
