import { type Kysely, PostgresAdapter } from 'kysely';
import { appendOnly } from './append-only';

// Frozen once landed. 成果展示 (工作方案 二、(二) 建设成果展示厅、文化墙…制作短视频、宣传折页).
// - showcase_items: the one mutable row per item (edited while draft or withdrawn; its status moves
//   draft → published → withdrawn → published … by a conditional UPDATE, each move audited).
// - showcase_people: the volunteers and residents an item shows, with the recorded consent (who
//   recorded it, the date, its scope) or "masked". Append-only; replacing the list adds a removal row
//   per person (showcase_people_removals), so a consent once recorded stays on the record.
// - showcase_withdrawals: each withdrawal with its reason. Append-only.

const APPEND_ONLY = ['showcase_people', 'showcase_people_removals', 'showcase_withdrawals'];

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('showcase_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('cover_file_id', 'text', (c) => c.references('files.id'))
    .addColumn('media', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text', (c) => c.references('activities.id'))
    .addColumn('programme_id', 'text', (c) => c.references('programmes.id'))
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('featured', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('showcase_items_unit').on('showcase_items').columns(['unit_id', 'kind']).execute();
  await db.schema.createIndex('showcase_items_status').on('showcase_items').columns(['status', 'kind']).execute();

  await db.schema
    .createTable('showcase_people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('showcase_items.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('masked', 'integer', (c) => c.notNull())
    .addColumn('consent_recorded_by', 'text')
    .addColumn('consent_on', 'text')
    .addColumn('consent_scope', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('showcase_people_item').on('showcase_people').column('item_id').execute();

  await db.schema
    .createTable('showcase_people_removals')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('showcase_people.id'))
    .addColumn('by_account', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('showcase_withdrawals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', (c) => c.notNull().references('showcase_items.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('by_account', 'text', (c) => c.references('accounts.id'))
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('showcase_withdrawals_item').on('showcase_withdrawals').columns(['item_id', 'created_at']).execute();

  for (const table of APPEND_ONLY) await appendOnly(db, isPg, table);
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore from backup instead.');
}
