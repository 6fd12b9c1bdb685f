import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once landed. 爱心超市 (工作方案 三 共享邻里情 "开办'慈善超市'", 五、(二) 激励回馈).
// - market_shops: a shop run by an institute or a station, with its opening (redemption) days.
// - market_goods: what it offers, its points price and monthly limit; `on_hand` is the stock counter,
//   moved in the same transaction as each stock entry by a conditional UPDATE (… WHERE on_hand + Δ ≥ 0),
//   so parallel reservations never oversell; the ledger is the evidence and the reconciliation compares the two.
// - market_donors, market_intakes: who gave (or whom we bought from), when, and the value in fen.
// - market_stock_entries: append-only (triggers refuse UPDATE and DELETE): in (donation, purchase), out
//   (redemption, hand-out to a care recipient, loss, expiry), and a reservation's return. One entry per
//   (kind, source, goods) where a source is named, so a reservation's stock is returned once.
// - market_reservations: a volunteer's reservation, its short code, its state moved by guarded updates.

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('market_shops')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('institute_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('open_weekdays', 'text', (c) => c.notNull())
    .addColumn('open_dates', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('market_shops_unit').on('market_shops').column('unit_id').execute();

  await db.schema
    .createTable('market_goods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('market_shops.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit_label', 'text', (c) => c.notNull())
    .addColumn('photo_file_id', 'text', (c) => c.references('files.id'))
    .addColumn('price_points', 'integer', (c) => c.notNull())
    .addColumn('monthly_limit', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('on_hand', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('market_goods_on_hand_not_negative', sql`on_hand >= 0`)
    .execute();
  await db.schema.createIndex('market_goods_shop').on('market_goods').column('shop_id').execute();

  await db.schema
    .createTable('market_donors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institute_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('market_donors_institute').on('market_donors').column('institute_id').execute();

  await db.schema
    .createTable('market_intakes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('market_shops.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('receipt_no', 'text', (c) => c.notNull().unique())
    .addColumn('donor_id', 'text', (c) => c.references('market_donors.id'))
    .addColumn('supplier', 'text')
    .addColumn('value_fen', 'integer', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('market_intakes_shop').on('market_intakes').columns(['shop_id', 'received_on']).execute();

  await db.schema
    .createTable('market_reservations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('market_shops.id'))
    .addColumn('goods_id', 'text', (c) => c.notNull().references('market_goods.id'))
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('pickup_on', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('closed_at', 'text')
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('market_reservations_volunteer').on('market_reservations').columns(['volunteer_id', 'goods_id', 'month']).execute();
  await db.schema.createIndex('market_reservations_shop').on('market_reservations').columns(['shop_id', 'status']).execute();
  await db.schema.createIndex('market_reservations_due').on('market_reservations').columns(['status', 'expires_at']).execute();

  await db.schema
    .createTable('market_stock_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('shop_id', 'text', (c) => c.notNull().references('market_shops.id'))
    .addColumn('goods_id', 'text', (c) => c.notNull().references('market_goods.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'text')
    .addColumn('care_recipient_id', 'text', (c) => c.references('care_recipients.id'))
    .addColumn('reason', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('market_stock_entries_goods').on('market_stock_entries').columns(['goods_id', 'created_at']).execute();
  await db.schema.createIndex('market_stock_entries_shop').on('market_stock_entries').columns(['shop_id', 'created_at']).execute();
  await db.schema
    .createIndex('market_stock_entries_one_per_source')
    .on('market_stock_entries')
    .columns(['kind', 'source_type', 'source_id', 'goods_id'])
    .unique()
    .where(sql.ref('source_id'), 'is not', null)
    .execute();

  const table = 'market_stock_entries';
  if (isPg) {
    await sql`CREATE FUNCTION ${sql.raw(`${table}_append_only`)}() RETURNS trigger LANGUAGE plpgsql AS ${sql.raw(
      `$$ BEGIN RAISE EXCEPTION '${table} is append-only'; END $$`,
    )}`.execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${table}_no_change`)} BEFORE UPDATE OR DELETE ON ${sql.raw(table)}
      FOR EACH ROW EXECUTE FUNCTION ${sql.raw(`${table}_append_only`)}()`.execute(db);
  } else {
    await sql`CREATE TRIGGER ${sql.raw(`${table}_no_update`)} BEFORE UPDATE ON ${sql.raw(table)}
      BEGIN SELECT RAISE(ABORT, ${sql.raw(`'${table} is append-only'`)}); END`.execute(db);
    await sql`CREATE TRIGGER ${sql.raw(`${table}_no_delete`)} BEFORE DELETE ON ${sql.raw(table)}
      BEGIN SELECT RAISE(ABORT, ${sql.raw(`'${table} is append-only'`)}); END`.execute(db);
  }
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore from backup instead.');
}
