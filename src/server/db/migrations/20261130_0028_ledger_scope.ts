import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once landed. Queries shaped by scope (issue 13):
//
// - `service_record_units`: one row per (record, unit that sees it) — the record's organising unit, the
//   volunteer's station and every ancestor of either, once each — with the record's status. A caller's
//   hours scope is a union of whole subtrees, so its records are the rows of the subtrees' roots: one
//   indexed column (and the status the pages always filter by), already in the list's order (service
//   day, entry time). Like the ledger it indexes, the database refuses a DELETE and any UPDATE but the
//   decision of a pending row; a volunteer's station never changes and units are never moved.
// - `volunteer_totals`: approved and pending minutes per volunteer, moved by the ledger's writer in the
//   same transaction as each entry and decision, read by the talent pool and the stars instead of a
//   correlated SUM. Checked against the ledger by `verify-totals`.
// Both are filled here from the rows already there.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('service_record_units')
    .addColumn('record_id', 'text', (c) => c.notNull().references('service_records.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('service_date', 'text', (c) => c.notNull())
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('service_record_units_pk', ['unit_id', 'record_id'])
    .execute();
  await db.schema.createIndex('service_record_units_page').on('service_record_units').columns(['unit_id', 'service_date', 'entered_at', 'record_id']).execute();
  await db.schema
    .createIndex('service_record_units_status_page')
    .on('service_record_units')
    .columns(['unit_id', 'status', 'service_date', 'entered_at', 'record_id'])
    .execute();
  await db.schema.createIndex('service_record_units_record').on('service_record_units').column('record_id').execute();
  await sql`
    WITH RECURSIVE anc(unit_id, ancestor_id) AS (
      SELECT id, id FROM units
      UNION ALL
      SELECT anc.unit_id, u.parent_id FROM anc JOIN units u ON u.id = anc.ancestor_id WHERE u.parent_id IS NOT NULL
    )
    INSERT INTO service_record_units (record_id, unit_id, service_date, entered_at, status)
    SELECT DISTINCT sr.id, anc.ancestor_id, sr.service_date, sr.entered_at, sr.status
    FROM service_records sr
    JOIN volunteers v ON v.id = sr.volunteer_id
    JOIN anc ON anc.unit_id = sr.unit_id OR anc.unit_id = v.station_id`.execute(db);
  if (isPg) {
    await sql`CREATE FUNCTION service_record_units_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.status <> 'pending' OR NEW.record_id <> OLD.record_id OR NEW.unit_id <> OLD.unit_id
          OR NEW.service_date <> OLD.service_date OR NEW.entered_at <> OLD.entered_at
        THEN RAISE EXCEPTION 'service_record_units: only a pending row''s decision may change'; END IF;
        RETURN NEW;
      END $$`.execute(db);
    await sql`CREATE TRIGGER service_record_units_frozen BEFORE UPDATE OR DELETE ON service_record_units
      FOR EACH ROW EXECUTE FUNCTION service_record_units_frozen()`.execute(db);
  } else {
    await sql`CREATE TRIGGER service_record_units_frozen BEFORE UPDATE ON service_record_units
      WHEN OLD.status <> 'pending' OR NEW.record_id <> OLD.record_id OR NEW.unit_id <> OLD.unit_id
        OR NEW.service_date <> OLD.service_date OR NEW.entered_at <> OLD.entered_at
      BEGIN SELECT RAISE(ABORT, 'service_record_units: only a pending row''s decision may change'); END`.execute(db);
    await sql`CREATE TRIGGER service_record_units_no_delete BEFORE DELETE ON service_record_units
      BEGIN SELECT RAISE(ABORT, 'service_record_units: only a pending row''s decision may change'); END`.execute(db);
  }

  await db.schema
    .createTable('volunteer_totals')
    .addColumn('volunteer_id', 'text', (c) => c.primaryKey().references('volunteers.id'))
    .addColumn('approved_minutes', 'integer', (c) => c.notNull())
    .addColumn('pending_minutes', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('volunteer_totals_approved').on('volunteer_totals').columns(['approved_minutes', 'volunteer_id']).execute();
  await sql`
    INSERT INTO volunteer_totals (volunteer_id, approved_minutes, pending_minutes, updated_at)
    SELECT volunteer_id,
      COALESCE(SUM(CASE WHEN status = 'approved' THEN minutes ELSE 0 END), 0),
      COALESCE(SUM(CASE WHEN status = 'pending' THEN minutes ELSE 0 END), 0),
      ${new Date().toISOString()}
    FROM service_records GROUP BY volunteer_id`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore from backup instead.');
}
