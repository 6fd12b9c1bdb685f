import type { Kysely } from 'kysely';

// Frozen once landed. Programmes and brands, venues and rooms, activities with positions,
// sign-ups, check-ins, room bookings, summaries and calendar-feed tokens.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  // Insurance for risky services (志愿服务条例 第十七条) and e-mail delivery of notices.
  await db.schema.alterTable('volunteers').addColumn('insured_until', 'text').execute();
  await db.schema.alterTable('notifications').addColumn('emailed_at', 'text').execute();

  await db.schema
    .createTable('programmes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('block', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('intro', 'text')
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('programmes_unit_name').on('programmes').columns(['unit_id', 'name']).unique().execute();

  await db.schema
    .createTable('brands')
    .addColumn('unit_id', 'text', (c) => c.primaryKey().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('intro', 'text')
    .addColumn('photo_file_ids', 'text', (c) => c.notNull())
    .addColumn('programme_id', 'text', (c) => c.references('programmes.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('accounts.id'))
    .execute();

  await db.schema
    .createTable('venues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('opening_hours', 'text')
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('url', 'text')
    .addColumn('intro', 'text')
    .addColumn('photo_file_ids', 'text', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('venues_unit').on('venues').columns(['unit_id', 'kind']).execute();

  await db.schema
    .createTable('rooms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('venue_id', 'text', (c) => c.notNull().references('venues.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rooms_venue_name').on('rooms').columns(['venue_id', 'name']).unique().execute();

  await db.schema
    .createTable('activity_series')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('series_id', 'text', (c) => c.references('activity_series.id'))
    .addColumn('programme_id', 'text', (c) => c.references('programmes.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text')
    .addColumn('venue_id', 'text', (c) => c.references('venues.id'))
    .addColumn('room_id', 'text', (c) => c.references('rooms.id'))
    .addColumn('address', 'text')
    .addColumn('lng', 'double precision')
    .addColumn('lat', 'double precision')
    .addColumn('geofence_m', 'integer')
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('credit_minutes', 'integer', (c) => c.notNull())
    .addColumn('min_age', 'integer')
    .addColumn('max_age', 'integer')
    .addColumn('required_skills', 'text', (c) => c.notNull())
    .addColumn('insurance_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('signup_opens_at', 'text')
    .addColumn('signup_closes_at', 'text')
    .addColumn('cancel_cutoff_at', 'text')
    .addColumn('needs_approval', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('waitlist', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('checkin_code', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('reminded_at', 'text')
    .addColumn('hours_written_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('activities_unit_start').on('activities').columns(['unit_id', 'starts_at']).execute();
  await db.schema.createIndex('activities_status_start').on('activities').columns(['status', 'starts_at']).execute();

  await db.schema
    .createTable('positions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('headcount', 'integer', (c) => c.notNull())
    .addColumn('taken', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('positions_activity').on('positions').column('activity_id').execute();

  await db.schema
    .createTable('signups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id'))
    .addColumn('position_id', 'text', (c) => c.notNull().references('positions.id'))
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('waitlist_seq', 'bigint')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('by_account', 'text', (c) => c.references('accounts.id'))
    .addColumn('reason', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('signups_unique').on('signups').columns(['activity_id', 'volunteer_id']).unique().execute();
  await db.schema.createIndex('signups_position_status').on('signups').columns(['position_id', 'status', 'waitlist_seq']).execute();
  await db.schema.createIndex('signups_volunteer').on('signups').column('volunteer_id').execute();

  await db.schema
    .createTable('checkins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id'))
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('in_at', 'text', (c) => c.notNull())
    .addColumn('in_method', 'text', (c) => c.notNull())
    .addColumn('in_token', 'text')
    .addColumn('out_at', 'text')
    .addColumn('out_method', 'text')
    .addColumn('out_token', 'text')
    .addColumn('by_account', 'text', (c) => c.references('accounts.id'))
    .addColumn('staff_reason', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('flag', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checkins_volunteer_day').on('checkins').columns(['volunteer_id', 'day']).execute();
  await db.schema.createIndex('checkins_activity').on('checkins').columns(['activity_id', 'volunteer_id']).execute();
  await db.schema.createIndex('checkins_in_token').on('checkins').columns(['volunteer_id', 'in_token']).unique().execute();
  await db.schema.createIndex('checkins_out_token').on('checkins').columns(['volunteer_id', 'out_token']).unique().execute();

  await db.schema
    .createTable('room_bookings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
    .addColumn('activity_id', 'text', (c) => c.notNull().unique().references('activities.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('room_bookings_room').on('room_bookings').columns(['room_id', 'starts_at']).execute();

  await db.schema
    .createTable('activity_summaries')
    .addColumn('activity_id', 'text', (c) => c.primaryKey().references('activities.id'))
    .addColumn('served_count', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('photo_file_ids', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('ical_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore from backup instead.');
}
