import type { Kysely } from 'kysely';

// Frozen once landed. Staff two-factor login (issue 12; 等保 2.0 身份鉴别 d, ASVS 6.3.2).
// - account_totp: one row per account that started or finished enrolment. The secret is AES-GCM
//   sealed (config key `encryption`); `enabled_at` is null until a first code confirmed it;
//   `last_step` is the last 30-second step accepted, so a code is good once.
// - account_recovery_codes: ten per enrolment, stored as HMACs; `used_at` set once, conditionally.
// - login_challenges: the step between a right password and a session (token stored as SHA-256),
//   short-lived, with a count of wrong codes.
// - sessions.totp_enrol_only: a session that may only reach the enrolment (the rule requires 2FA
//   for the account's role and it is not enrolled yet).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('account_totp')
    .addColumn('account_id', 'text', (c) => c.primaryKey().references('accounts.id'))
    .addColumn('secret_sealed', 'text', (c) => c.notNull())
    .addColumn('enabled_at', 'text')
    .addColumn('last_step', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('account_recovery_codes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('code_hmac', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('account_recovery_codes_account').on('account_recovery_codes').columns(['account_id', 'code_hmac']).execute();

  await db.schema
    .createTable('login_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('ip', 'text')
    .execute();
  await db.schema.createIndex('login_challenges_account').on('login_challenges').column('account_id').execute();

  await db.schema
    .alterTable('sessions')
    .addColumn('totp_enrol_only', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
