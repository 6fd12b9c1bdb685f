import { type Kysely, PostgresAdapter } from 'kysely';
import { appendOnly } from './append-only';

// Frozen once landed. The audit chain's head is signed, and the checkpoints the system issued are kept.
// - audit_head.signature: an Ed25519 signature of (seq, hash) of the head, rewritten on every append.
//   Without the key, cutting the tail and setting the head back to the last remaining row no longer
//   verifies. NULL only on a fresh chain (seq 0); a chain that existed before this migration is signed
//   once by the process that ran the migration (it holds the key; see signHeadAfterUpgrade).
// - audit_checkpoints: every signed checkpoint (seq, hash, at, signature, key fingerprint) an institute
//   admin exported, to keep outside the system. Append-only: verification checks the chain against them.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema.alterTable('audit_head').addColumn('signature', 'text').execute();

  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('key_fingerprint', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.references('accounts.id'))
    .execute();
  await db.schema.createIndex('audit_checkpoints_seq').on('audit_checkpoints').column('seq').execute();
  await appendOnly(db, isPg, 'audit_checkpoints');
}
