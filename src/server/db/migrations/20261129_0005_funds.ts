import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once landed. 经费 (工作方案 五、(四)): budget lines and spending entries. Both tables are
// ledgers: rows are only ever inserted; a change is a new row referencing the one it changes
// (`corrects_id`), so the database refuses UPDATE and DELETE on both, as it does for the audit log.
// Money is integer fen in a 64-bit column (pg int8 is parsed to a JS number by the app).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('fund_budget_lines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('programme_id', 'text', (c) => c.references('programmes.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('corrects_id', 'text', (c) => c.references('fund_budget_lines.id'))
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fund_budget_lines_year_unit').on('fund_budget_lines').columns(['year', 'unit_id']).execute();
  await db.schema.createIndex('fund_budget_lines_corrects').on('fund_budget_lines').column('corrects_id').execute();

  await db.schema
    .createTable('fund_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('spent_on', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('programme_id', 'text', (c) => c.references('programmes.id'))
    .addColumn('budget_line_id', 'text', (c) => c.references('fund_budget_lines.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('amount_fen', 'bigint', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('payee', 'text', (c) => c.notNull())
    .addColumn('receipt_file_ids', 'text', (c) => c.notNull())
    .addColumn('corrects_id', 'text', (c) => c.references('fund_entries.id'))
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fund_entries_unit_date').on('fund_entries').columns(['unit_id', 'spent_on']).execute();
  await db.schema.createIndex('fund_entries_date').on('fund_entries').column('spent_on').execute();
  await db.schema.createIndex('fund_entries_corrects').on('fund_entries').column('corrects_id').execute();

  for (const table of ['fund_budget_lines', 'fund_entries']) {
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
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore from backup instead.');
}
