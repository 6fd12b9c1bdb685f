import type { Kysely } from 'kysely';

// Frozen once landed. Indexes for the lists at district scale (issue 13), found by `bench/district-load.ts`
// on a generated district (250 000 volunteers, 100 000 orders):
//
// - the talent pool's page: a street's volunteers newest first, read from the index alone (the page
//   then reads its 20 rows by id) instead of every volunteer row of the street and a sort;
// - the orders queue's page: a unit's orders newest first;
// - the orders escalated to a unit (`target_type`, `target_id`), which the queue lists first: it
//   read the whole orders table.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('volunteers_station_created').on('volunteers').columns(['station_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('orders_unit_created').on('orders').columns(['unit_id', 'created_at', 'id']).execute();
  await db.schema.createIndex('orders_target').on('orders').columns(['target_type', 'target_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore from backup instead.');
}
