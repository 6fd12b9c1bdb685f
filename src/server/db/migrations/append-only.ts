import { type Kysely, sql } from 'kysely';

/**
 * Makes a table append-only in the database itself (evidence is a ledger: corrections are new rows):
 * on PostgreSQL a trigger function that raises on UPDATE or DELETE, on SQLite two triggers that abort.
 * The SQL is the same block migrations 0013–0018 wrote inline; migrations from 0019 on call this.
 * Not a migration: index.ts lists migrations by name and does not import this file as one.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function appendOnly(db: Kysely<any>, isPg: boolean, table: string): Promise<void> {
  if (isPg) {
    await sql`CREATE FUNCTION ${sql.raw(`${table}_append_only`)}() RETURNS trigger LANGUAGE plpgsql AS ${sql.raw(
      `$$ BEGIN RAISE EXCEPTION '${table} is append-only'; END $$`,
    )}`.execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${table}_no_change`)} BEFORE UPDATE OR DELETE ON ${sql.raw(table)}
      FOR EACH ROW EXECUTE FUNCTION ${sql.raw(`${table}_append_only`)}()`.execute(db);
  } else {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_no_update`)} BEFORE UPDATE ON ${sql.raw(table)}
      BEGIN SELECT RAISE(ABORT, ${sql.raw(`'${table} is append-only'`)}); END`.execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${table}_no_delete`)} BEFORE DELETE ON ${sql.raw(table)}
      BEGIN SELECT RAISE(ABORT, ${sql.raw(`'${table} is append-only'`)}); END`.execute(db);
  }
}
