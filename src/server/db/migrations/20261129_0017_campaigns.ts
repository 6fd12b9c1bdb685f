import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once landed. 评选 (工作方案 三 共享邻里情, 七加一): the institute's yearly selection campaigns
// (十星文明户, 福美院落, 清洁户, 身边好人, 道德模范, 乡贤).
// - campaigns: the one mutable row per campaign (its status moves open → notice → final by a
//   conditional UPDATE, each move audited); everything below it is evidence.
// - campaign_nominations: a station's nominee with evidence, photos and the recorded consent to
//   publication. Append-only; a withdrawal is a row of its own (one per nomination).
// - campaign_decisions: the institute's select / not select with a reason, one per nomination (the
//   unique index makes two parallel decisions end in one).
// - campaign_objections / campaign_objection_resolutions: 异议 filed during 公示 and how each was handled.

const APPEND_ONLY = ['campaign_nominations', 'campaign_withdrawals', 'campaign_decisions', 'campaign_objections', 'campaign_objection_resolutions'];

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institute_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('criteria_items', 'text', (c) => c.notNull())
    .addColumn('nominate_from', 'text', (c) => c.notNull())
    .addColumn('nominate_until', 'text', (c) => c.notNull())
    .addColumn('quota_per_station', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('notice_ends_on', 'text')
    .addColumn('finalised_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaigns_institute_year').on('campaigns').columns(['institute_id', 'year']).execute();
  await db.schema.createIndex('campaigns_status').on('campaigns').column('status').execute();

  await db.schema
    .createTable('campaign_nominations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('station_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('nominee_name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('members', 'integer')
    .addColumn('gender', 'text')
    .addColumn('age_band', 'text')
    .addColumn('deeds', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('photo_file_ids', 'text', (c) => c.notNull())
    .addColumn('consent_recorded_by', 'text', (c) => c.notNull())
    .addColumn('consent_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_nominations_campaign').on('campaign_nominations').columns(['campaign_id', 'station_id']).execute();

  await db.schema
    .createTable('campaign_withdrawals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('nomination_id', 'text', (c) => c.notNull().references('campaign_nominations.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('by_account', 'text', (c) => c.references('accounts.id'))
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_withdrawals_nomination').on('campaign_withdrawals').column('nomination_id').unique().execute();

  await db.schema
    .createTable('campaign_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('nomination_id', 'text', (c) => c.notNull().references('campaign_nominations.id'))
    .addColumn('selected', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('by_account', 'text', (c) => c.references('accounts.id'))
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_decisions_nomination').on('campaign_decisions').column('nomination_id').unique().execute();

  await db.schema
    .createTable('campaign_objections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('nomination_id', 'text', (c) => c.notNull().references('campaign_nominations.id'))
    .addColumn('name', 'text')
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_objections_campaign').on('campaign_objections').columns(['campaign_id', 'created_at']).execute();

  await db.schema
    .createTable('campaign_objection_resolutions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('objection_id', 'text', (c) => c.notNull().references('campaign_objections.id'))
    .addColumn('upheld', 'integer', (c) => c.notNull())
    .addColumn('reply', 'text', (c) => c.notNull())
    .addColumn('by_account', 'text', (c) => c.references('accounts.id'))
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_objection_resolutions_objection').on('campaign_objection_resolutions').column('objection_id').unique().execute();

  for (const table of APPEND_ONLY) {
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
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore from backup instead.');
}
