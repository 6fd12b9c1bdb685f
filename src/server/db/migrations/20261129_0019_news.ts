import { type Kysely, PostgresAdapter } from 'kysely';
import { appendOnly } from './append-only';

// Frozen once landed. 新闻宣传 and 信息报送 (工作方案 五、(五), 二、(三)).
// - news_items: the one mutable row per item (draft → published → withdrawn → published…, each
//   move and every edit audited); the body is stored as sanitised HTML.
// - news_submissions: each 信息报送 transition (submitted, adopted, returned) is a row, numbered per
//   item; the unique (news_id, seq) makes two parallel transitions end in one. Append-only.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('news_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('cover_file_id', 'text', (c) => c.references('files.id'))
    .addColumn('image_file_ids', 'text', (c) => c.notNull())
    .addColumn('activity_id', 'text')
    .addColumn('programme_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('published_by_name', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdraw_reason', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('news_items_unit').on('news_items').columns(['unit_id', 'updated_at']).execute();
  await db.schema.createIndex('news_items_public').on('news_items').columns(['status', 'published_at']).execute();

  await db.schema
    .createTable('news_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('news_id', 'text', (c) => c.notNull().references('news_items.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('by_account', 'text', (c) => c.references('accounts.id'))
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('news_submissions_seq').on('news_submissions').columns(['news_id', 'seq']).unique().execute();
  await db.schema.createIndex('news_submissions_month').on('news_submissions').columns(['created_at', 'unit_id']).execute();

  await appendOnly(db, isPg, 'news_submissions');
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore from backup instead.');
}
