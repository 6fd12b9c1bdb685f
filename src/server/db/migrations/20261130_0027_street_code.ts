import type { Kysely } from 'kysely';

// Frozen once landed. A street (institute) gets its code when the district admin creates it (issue 13):
// the administrative division code or the district's own numbering, unique across the deployment.
// NULL for the units made before (stations, the bootstrap's institute); several NULLs are allowed on both databases.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('units').addColumn('code', 'text').execute();
  await db.schema.createIndex('units_code').on('units').column('code').unique().execute();
}
