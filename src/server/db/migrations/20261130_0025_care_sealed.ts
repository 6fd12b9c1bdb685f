import type { Kysely } from 'kysely';

// Frozen once landed. Care recipients' contact data encrypted at rest (issue 12), like the ID number:
// - phone_enc / guardian_phone_enc / address_enc / needs_enc: AES-256-GCM (platform/crypto.ts);
// - phone_hash: HMAC blind index of the phone, for the exact-match search (no search by address);
// - phone_masked / guardian_phone_masked: what lists show without opening the record.
// The migration cannot read the app's keys (migrations run on a bare database handle), so existing
// rows are sealed by the care feature at startup (care.sealing.ts: idempotent, audited), which then
// sets the plain columns phone, address, needs and guardian_phone to NULL. They stay in the table
// (SQLite cannot drop columns through the schema builder; PostgreSQL keeps them too, for symmetry).

const COLUMNS = ['phone_enc', 'phone_hash', 'phone_masked', 'address_enc', 'needs_enc', 'guardian_phone_enc', 'guardian_phone_masked'];

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  for (const c of COLUMNS) await db.schema.alterTable('care_recipients').addColumn(c, 'text').execute();
  await db.schema.createIndex('care_recipients_phone_hash').on('care_recipients').column('phone_hash').execute();
}
