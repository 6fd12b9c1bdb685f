import type { Kysely } from 'kysely';

// Frozen once landed. The service menu, residents' orders with their history, care recipients and
// their visits, and Open311 API keys.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('service_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('programme_id', 'text', (c) => c.references('programmes.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('who_may_ask', 'text')
    .addColumn('typical_minutes', 'integer', (c) => c.notNull())
    .addColumn('required_skills', 'text', (c) => c.notNull())
    .addColumn('service_category', 'text')
    .addColumn('insurance_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sla_hours', 'integer', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_items_unit').on('service_items').column('unit_id').execute();

  await db.schema
    .createTable('care_recipients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('station_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text')
    .addColumn('birth_date', 'text')
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_hash', 'text')
    .addColumn('id_number_masked', 'text')
    .addColumn('phone', 'text')
    .addColumn('address', 'text')
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('guardian_name', 'text')
    .addColumn('guardian_phone', 'text')
    .addColumn('guardian_relation', 'text')
    .addColumn('needs', 'text')
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('consent_method', 'text')
    .addColumn('consent_file_id', 'text', (c) => c.references('files.id'))
    .addColumn('consent_note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('last_contact_at', 'text')
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('care_recipients_station').on('care_recipients').columns(['station_id', 'archived']).execute();
  await db.schema.createIndex('care_recipients_id_hash').on('care_recipients').column('id_number_hash').unique().execute();

  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('item_id', 'text', (c) => c.references('service_items.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('photo_file_ids', 'text', (c) => c.notNull())
    .addColumn('requester_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('requester_name', 'text', (c) => c.notNull())
    .addColumn('requester_phone', 'text')
    .addColumn('requester_verified', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('verify_note', 'text')
    .addColumn('care_recipient_id', 'text', (c) => c.references('care_recipients.id'))
    .addColumn('address', 'text')
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('preferred_at', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reject_reason', 'text')
    .addColumn('cancel_reason', 'text')
    .addColumn('target_type', 'text')
    .addColumn('target_id', 'text')
    .addColumn('dispatched_at', 'text')
    .addColumn('sla_due_at', 'text')
    .addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('accepted_volunteer_id', 'text', (c) => c.references('volunteers.id'))
    .addColumn('accepted_at', 'text')
    .addColumn('started_at', 'text')
    .addColumn('completed_at', 'text')
    .addColumn('completion_report', 'text')
    .addColumn('completion_photo_ids', 'text')
    .addColumn('service_minutes', 'integer')
    .addColumn('rating', 'integer')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_by', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('open311_key_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('orders_unit_status').on('orders').columns(['unit_id', 'status']).execute();
  await db.schema.createIndex('orders_requester').on('orders').columns(['requester_person_id', 'created_at']).execute();
  await db.schema.createIndex('orders_volunteer').on('orders').column('accepted_volunteer_id').execute();

  await db.schema
    .createTable('order_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull())
    .addColumn('actor_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('actor_name', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema.createIndex('order_events_order').on('order_events').columns(['order_id', 'at']).execute();

  await db.schema
    .createTable('order_declines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('reason', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('care_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('care_recipients.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('order_id', 'text', (c) => c.references('orders.id'))
    .addColumn('activity_id', 'text', (c) => c.references('activities.id'))
    .addColumn('by_account', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('care_visits_recipient').on('care_visits').columns(['recipient_id', 'at']).execute();

  await db.schema
    .createTable('open311_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore from backup instead.');
}
