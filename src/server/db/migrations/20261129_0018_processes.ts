import type { Kysely } from 'kysely';

// Frozen once landed. What several processes on one database must share (issue 13, "Several processes"):
// - rate_hits: the login rate limit's counters, one row per (key, window), so N processes enforce one
//   limit between them (in-process memory would give each process its own allowance);
// - leases: a named lease with a holder and an expiry, so the tick runs in one process at a time and
//   another takes over when the holder stops renewing.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rate_hits')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('window_end', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_hits_pk', ['key', 'window_start'])
    .execute();
  await db.schema.createIndex('rate_hits_window_end').on('rate_hits').column('window_end').execute();
  await db.schema
    .createTable('leases')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore from backup instead.');
}
