import type { Kysely } from 'kysely';

// Frozen once landed. An order placed for a care recipient carried their phone and address in the clear
// (issue 12): the care record itself is sealed (0025), so the order now keeps them sealed too, with the
// app's encryption key, and its plain requester_phone and address stay NULL. The migration has no key:
// rows written before are sealed by the startup step (orders.sealing.ts).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orders').addColumn('requester_phone_enc', 'text').execute();
  await db.schema.alterTable('orders').addColumn('address_enc', 'text').execute();
}
