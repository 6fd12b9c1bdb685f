import { type Kysely, PostgresAdapter } from 'kysely';
import { appendOnly } from './append-only';

// Frozen once landed. 个人信息权利 (个人信息保护法 第四十五、四十七条).
// - privacy_requests: a person's request to delete their personal information, numbered per person
//   (`round`, unique with person_id: two requests racing for the same round → one wins, the other 409).
// - privacy_decisions: the one decision on a request (approved → the person was anonymised in the same
//   transaction; rejected → with its legal ground). Its primary key is the request id, so a request is
//   decided once. Both append-only: the status history is these rows.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('privacy_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('requested_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('privacy_requests_round', ['person_id', 'round'])
    .execute();
  await db.schema.createIndex('privacy_requests_unit').on('privacy_requests').columns(['unit_id', 'created_at']).execute();

  await db.schema
    .createTable('privacy_decisions')
    .addColumn('request_id', 'text', (c) => c.primaryKey().references('privacy_requests.id'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('by_account', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  for (const table of ['privacy_requests', 'privacy_decisions']) await appendOnly(db, isPg, table);
}
