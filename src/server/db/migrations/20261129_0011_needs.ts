import type { Kysely } from 'kysely';

// Frozen once landed. 群众需求信息采集: needs recorded by a station on a visit, a survey, a talk or a
// call (evidence: a mistake is withdrawn by a row of its own, never edited), and the institute's
// monthly or quarterly activity plans passed down to its stations: items, one assignment per item
// and target station, and the history of every answer.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('needs_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('collected_on', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('collector_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('collector_name', 'text', (c) => c.notNull())
    .addColumn('respondent_name', 'text', (c) => c.notNull())
    .addColumn('respondent_phone', 'text')
    .addColumn('care_recipient_id', 'text', (c) => c.references('care_recipients.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('needs_records_station_day').on('needs_records').columns(['station_id', 'collected_on']).execute();

  await db.schema
    .createTable('needs_withdrawals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('record_id', 'text', (c) => c.notNull().references('needs_records.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('by_account', 'text', (c) => c.references('accounts.id'))
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('needs_withdrawals_record').on('needs_withdrawals').column('record_id').unique().execute();

  await db.schema
    .createTable('activity_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institute_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('period_kind', 'text', (c) => c.notNull())
    .addColumn('period_label', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('period_end', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activity_plans_institute').on('activity_plans').columns(['institute_id', 'period_start']).execute();

  await db.schema
    .createTable('activity_plan_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('activity_plans.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('programme_id', 'text', (c) => c.references('programmes.id'))
    .addColumn('category', 'text')
    .addColumn('suggested_date', 'text')
    .addColumn('description', 'text')
    .addColumn('all_stations', 'integer', (c) => c.notNull())
    .addColumn('station_ids', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activity_plan_items_plan').on('activity_plan_items').columns(['plan_id', 'seq']).unique().execute();

  await db.schema
    .createTable('activity_plan_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('activity_plans.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('activity_plan_items.id'))
    .addColumn('station_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('activity_id', 'text', (c) => c.references('activities.id'))
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activity_plan_assignments_cell').on('activity_plan_assignments').columns(['item_id', 'station_id']).unique().execute();
  await db.schema.createIndex('activity_plan_assignments_station').on('activity_plan_assignments').columns(['station_id', 'status']).execute();
  await db.schema.createIndex('activity_plan_assignments_activity').on('activity_plan_assignments').column('activity_id').unique().execute();

  await db.schema
    .createTable('activity_plan_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assignment_id', 'text', (c) => c.notNull().references('activity_plan_assignments.id'))
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('activity_id', 'text', (c) => c.references('activities.id'))
    .addColumn('by_account', 'text', (c) => c.references('accounts.id'))
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activity_plan_events_assignment').on('activity_plan_events').columns(['assignment_id', 'created_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore from backup instead.');
}
