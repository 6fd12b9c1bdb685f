import type { Kysely } from 'kysely';

// Frozen once landed. A volunteer's emergency contact's phone and a minor volunteer's guardian's phone are
// sealed at rest like the care recipients' (migration 0025, issue 12): *_enc is AES-256-GCM with the app's
// encryption key, *_masked is what a viewer who may not see it in full is shown (no search needs them, so
// there is no blind index). The migration has no key, so rows written before are sealed at startup by the
// volunteers feature (volunteers.sealing.ts: idempotent, audited), which then sets the plain
// emergency_phone and guardian_phone to NULL; the plain columns stay, as in 0025.

const COLUMNS = ['emergency_phone_enc', 'emergency_phone_masked', 'guardian_phone_enc', 'guardian_phone_masked'];

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  for (const c of COLUMNS) await db.schema.alterTable('volunteers').addColumn(c, 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore from backup instead.');
}
