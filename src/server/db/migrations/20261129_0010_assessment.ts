import type { Kysely } from 'kysely';

// Frozen once landed. 工作方案 五、(二) 考核: the institute's indicator tree, assessment periods (each
// with a snapshot of the tree taken when it opens, so editing the tree never changes a period),
// append-only scores per station, indicator and stage (self, review, and the automatic points frozen
// at publishing), the stations' self-assessment submissions, the period's status history and the
// published result per station. Points are stored in tenths (integers).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assessment_indicators')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institute_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('parent_id', 'text', (c) => c.references('assessment_indicators.id'))
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('standard', 'text', (c) => c.notNull())
    .addColumn('max_points', 'integer', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('auto_kind', 'text')
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('sort', 'integer', (c) => c.notNull())
    .addColumn('archived', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_indicators_institute').on('assessment_indicators').columns(['institute_id', 'sort']).execute();

  await db.schema
    .createTable('assessment_periods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institute_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('self_deadline', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('tree', 'text', (c) => c.notNull())
    .addColumn('opened_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_periods_span').on('assessment_periods').columns(['institute_id', 'kind', 'starts_on']).unique().execute();

  await db.schema
    .createTable('assessment_period_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_id', 'text', (c) => c.notNull().references('assessment_periods.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('by_account', 'text', (c) => c.references('accounts.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_period_log_period').on('assessment_period_log').columns(['period_id', 'at']).execute();

  await db.schema
    .createTable('assessment_scores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_id', 'text', (c) => c.notNull().references('assessment_periods.id'))
    .addColumn('station_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('indicator_id', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('evidence_file_ids', 'text', (c) => c.notNull())
    .addColumn('citations', 'text')
    .addColumn('by_account', 'text', (c) => c.references('accounts.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessment_scores_version')
    .on('assessment_scores')
    .columns(['period_id', 'station_id', 'indicator_id', 'stage', 'version'])
    .unique()
    .execute();

  await db.schema
    .createTable('assessment_submissions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_id', 'text', (c) => c.notNull().references('assessment_periods.id'))
    .addColumn('station_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('by_account', 'text', (c) => c.references('accounts.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_submissions_station').on('assessment_submissions').columns(['period_id', 'station_id']).unique().execute();

  await db.schema
    .createTable('assessment_results')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_id', 'text', (c) => c.notNull().references('assessment_periods.id'))
    .addColumn('station_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('subtotals', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('assessment_results_station').on('assessment_results').columns(['period_id', 'station_id']).unique().execute();
  await db.schema.createIndex('assessment_results_history').on('assessment_results').columns(['station_id', 'published_at']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore from backup instead.');
}
