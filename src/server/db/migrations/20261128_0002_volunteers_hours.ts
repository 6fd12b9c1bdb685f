import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once landed. Volunteers, teams, the service-hour ledger, stars, certificates, files,
// notifications and counters.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema.alterTable('people').addColumn('id_number_masked', 'text').execute();

  await db.schema
    .createTable('counters')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('volunteers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().unique().references('people.id'))
    .addColumn('station_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('volunteer_no', 'text', (c) => c.unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('political_status', 'text')
    .addColumn('education', 'text')
    .addColumn('ethnicity', 'text')
    .addColumn('email', 'text')
    .addColumn('employment', 'text')
    .addColumn('residence_area', 'text')
    .addColumn('skills', 'text', (c) => c.notNull())
    .addColumn('service_categories', 'text', (c) => c.notNull())
    .addColumn('availability', 'text', (c) => c.notNull())
    .addColumn('emergency_name', 'text')
    .addColumn('emergency_phone', 'text')
    .addColumn('guardian_name', 'text')
    .addColumn('guardian_phone', 'text')
    .addColumn('guardian_relation', 'text')
    .addColumn('guardian_consent_method', 'text')
    .addColumn('guardian_consent_at', 'text')
    .addColumn('consent_method', 'text', (c) => c.notNull())
    .addColumn('consent_at', 'text', (c) => c.notNull())
    .addColumn('consent_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('consent_file_id', 'text', (c) => c.references('files.id'))
    .addColumn('consent_note', 'text')
    .addColumn('registered_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('certified_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('volunteers_station_status').on('volunteers').columns(['station_id', 'status']).execute();

  await db.schema
    .createTable('volunteer_status_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('volunteer_status_log_v').on('volunteer_status_log').columns(['volunteer_id', 'at']).execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('intro', 'text')
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('teams_unit_name').on('teams').columns(['unit_id', 'name']).unique().execute();

  await db.schema
    .createTable('team_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('decided_at', 'text')
    .execute();
  await db.schema.createIndex('team_members_unique').on('team_members').columns(['team_id', 'volunteer_id']).unique().execute();
  await db.schema.createIndex('team_members_volunteer').on('team_members').column('volunteer_id').execute();

  await db.schema
    .createTable('service_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text')
    .addColumn('order_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('service_date', 'text', (c) => c.notNull())
    .addColumn('start_at', 'text')
    .addColumn('end_at', 'text')
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('content', 'text')
    .addColumn('organiser_name', 'text', (c) => c.notNull())
    .addColumn('person_in_charge', 'text')
    .addColumn('entry_method', 'text', (c) => c.notNull())
    .addColumn('evidence_file_ids', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('flag', 'text')
    .addColumn('corrects_id', 'text', (c) => c.references('service_records.id'))
    .addColumn('entered_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('entered_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema.createIndex('service_records_volunteer').on('service_records').columns(['volunteer_id', 'status', 'service_date']).execute();
  await db.schema.createIndex('service_records_unit_status').on('service_records').columns(['unit_id', 'status']).execute();

  // Evidence is a ledger: once decided, a record never changes (办法 第十三条 corrections are new
  // counter-entries). The database refuses it too, whatever the application does.
  if (isPg) {
    await sql`CREATE FUNCTION service_records_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR OLD.status <> 'pending' THEN RAISE EXCEPTION 'service_records: decided records are immutable'; END IF;
        RETURN NEW;
      END $$`.execute(db);
    await sql`CREATE TRIGGER service_records_frozen BEFORE UPDATE OR DELETE ON service_records
      FOR EACH ROW EXECUTE FUNCTION service_records_frozen()`.execute(db);
  } else {
    await sql`CREATE TRIGGER service_records_frozen BEFORE UPDATE ON service_records WHEN OLD.status <> 'pending'
      BEGIN SELECT RAISE(ABORT, 'service_records: decided records are immutable'); END`.execute(db);
    await sql`CREATE TRIGGER service_records_no_delete BEFORE DELETE ON service_records
      BEGIN SELECT RAISE(ABORT, 'service_records: decided records are immutable'); END`.execute(db);
  }

  await db.schema
    .createTable('correction_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('record_id', 'text', (c) => c.references('service_records.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolution', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('resolved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('training_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('content', 'text')
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('organiser', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('awards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'text')
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('awarded_on', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('star_levels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('previous_level', 'integer', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('thresholds', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('star_levels_volunteer').on('star_levels').columns(['volunteer_id', 'at']).execute();

  await db.schema
    .createTable('certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('revoke_reason', 'text')
    .execute();
  await db.schema.createIndex('certificates_volunteer').on('certificates').column('volunteer_id').execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_person').on('notifications').columns(['person_id', 'created_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore from backup instead.');
}
