import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once landed. 积分 (工作方案 五、(二) 激励回馈): a volunteer's points are a ledger.
// - point_entries: every movement, signed, with its source (`source_type` + `source_id`: the approved
//   service record, the activity, the order, the redemption…). Append-only (triggers refuse UPDATE and
//   DELETE): a correction is a counter-entry pointing at the entry it corrects (`corrects_id`).
//   One entry per (kind, source) where a source is named, so an approval can never pay twice.
// - point_balances: one row per volunteer, changed in the same transaction as the entry it follows.
//   It is the lock that stops two spends from overdrawing (a conditional UPDATE … WHERE balance + Δ ≥ 0)
//   and the per-volunteer total lists read; the ledger is the evidence and `verify` compares the two.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('point_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'text')
    .addColumn('corrects_id', 'text', (c) => c.references('point_entries.id'))
    .addColumn('reason', 'text')
    .addColumn('expires_on', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('point_entries_volunteer').on('point_entries').columns(['volunteer_id', 'created_at']).execute();
  await db.schema.createIndex('point_entries_unit_date').on('point_entries').columns(['unit_id', 'created_at']).execute();
  await db.schema.createIndex('point_entries_corrects').on('point_entries').column('corrects_id').execute();
  await db.schema
    .createIndex('point_entries_one_per_source')
    .on('point_entries')
    .columns(['kind', 'source_type', 'source_id'])
    .unique()
    .where(sql.ref('source_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('point_balances')
    .addColumn('volunteer_id', 'text', (c) => c.primaryKey().references('volunteers.id'))
    .addColumn('balance', 'integer', (c) => c.notNull())
    .addColumn('issued', 'integer', (c) => c.notNull())
    .addColumn('spent', 'integer', (c) => c.notNull())
    .addColumn('expired', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('point_balances_not_negative', sql`balance >= 0`)
    .execute();

  const table = 'point_entries';
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

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore from backup instead.');
}
