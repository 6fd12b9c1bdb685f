import type { Kysely } from 'kysely';

// Frozen once landed. The district summary at district scale (issue 13): the approved minutes of a year
// per unit read the index (unit_id, status) and then every approved record of every unit, whatever its
// year — 41 s on a generated district of 5 million records (bench/district.ts). The same index with the
// service day and the minutes answers it from the index alone, and only for the year asked; the
// activities per unit in a period likewise read their status from the index. Each new index starts
// with the columns of the one it replaces, so every query that used the old one can use the new.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('service_records_unit_day').on('service_records').columns(['unit_id', 'status', 'service_date', 'minutes']).execute();
  await db.schema.dropIndex('service_records_unit_status').execute();
  await db.schema.createIndex('activities_unit_start_status').on('activities').columns(['unit_id', 'starts_at', 'status']).execute();
  await db.schema.dropIndex('activities_unit_start').execute();
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore from backup instead.');
}
