import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once landed. The "八有" construction standards (工作方案 二、(二)): evidence a unit submits
// (withdrawn by setting withdrawn_at once, never deleted) and the institute's confirmations
// (append-only history; the latest per unit and standard counts).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('standard_evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('standard', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('file_ids', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('added_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('added_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('withdrawn_by_name', 'text')
    .addColumn('withdraw_reason', 'text')
    .execute();
  await db.schema.createIndex('standard_evidence_unit').on('standard_evidence').columns(['unit_id', 'standard', 'created_at']).execute();

  await db.schema
    .createTable('standard_confirmations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('standard', 'text', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('evidence_ids', 'text', (c) => c.notNull())
    .addColumn('by_account', 'text', (c) => c.references('accounts.id'))
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('standard_confirmations_unit').on('standard_confirmations').columns(['unit_id', 'standard', 'created_at']).execute();

  // Confirmations never change; evidence is never deleted and, once withdrawn, never changes again.
  if (isPg) {
    await sql`CREATE FUNCTION standard_confirmations_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'standard_confirmations is append-only'; END $$`.execute(db);
    await sql`CREATE TRIGGER standard_confirmations_no_change BEFORE UPDATE OR DELETE ON standard_confirmations
      FOR EACH ROW EXECUTE FUNCTION standard_confirmations_append_only()`.execute(db);
    await sql`CREATE FUNCTION standard_evidence_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.withdrawn_at IS NOT NULL THEN RAISE EXCEPTION 'standard_evidence is kept'; END IF;
        RETURN NEW;
      END $$`.execute(db);
    await sql`CREATE TRIGGER standard_evidence_kept BEFORE UPDATE OR DELETE ON standard_evidence
      FOR EACH ROW EXECUTE FUNCTION standard_evidence_kept()`.execute(db);
  } else {
    await sql`CREATE TRIGGER standard_confirmations_no_update BEFORE UPDATE ON standard_confirmations
      BEGIN SELECT RAISE(ABORT, 'standard_confirmations is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER standard_confirmations_no_delete BEFORE DELETE ON standard_confirmations
      BEGIN SELECT RAISE(ABORT, 'standard_confirmations is append-only'); END`.execute(db);
    await sql`CREATE TRIGGER standard_evidence_no_delete BEFORE DELETE ON standard_evidence
      BEGIN SELECT RAISE(ABORT, 'standard_evidence is kept'); END`.execute(db);
    await sql`CREATE TRIGGER standard_evidence_withdrawn_frozen BEFORE UPDATE ON standard_evidence WHEN OLD.withdrawn_at IS NOT NULL
      BEGIN SELECT RAISE(ABORT, 'standard_evidence is kept'); END`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore from backup instead.');
}
