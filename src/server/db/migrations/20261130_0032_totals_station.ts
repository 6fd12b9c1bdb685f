import { type Kysely, sql } from 'kysely';

// Frozen once landed. The talent pool's hours and star filters at district scale (issue 13): the running
// totals carry the volunteer's station (which never changes, migration 0028), so a street's volunteers in
// an hours band are one range of the index (station, approved minutes) per station. Without it the
// filter either looked up 9 000 totals rows one by one (85–160 ms a statement) or, when read as a set,
// walked a band holding most of the district's 250 000 volunteers (1.1 s) — bench/district-load.ts.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('volunteer_totals')
    .addColumn('station_id', 'text', (c) => c.references('units.id'))
    .execute();
  await sql`UPDATE volunteer_totals SET station_id = (SELECT v.station_id FROM volunteers v WHERE v.id = volunteer_totals.volunteer_id)`.execute(db);
  await db.schema.createIndex('volunteer_totals_station_approved').on('volunteer_totals').columns(['station_id', 'approved_minutes', 'volunteer_id']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore from backup instead.');
}
