import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen once landed. 表彰嘉许 and 礼遇 (工作方案 五、(二) 激励回馈).
// - recognition_awards: an award to one volunteer or one team (exactly one of the two), with its
//   granting unit, level, reason and a certificate number. Append-only.
// - recognition_revocations: a counter-row revoking an award, with the reason; at most one per award.
//   Append-only: an award is never deleted or edited.
// - recognition_benefits: the 礼遇 catalogue of an institute (a benefit from a minimum star level);
//   an ordinary editable catalogue, changes audited.
// - recognition_consents: a volunteer's consent to appear on public lists, every change a new row
//   (given with the name masked or in full, or withdrawn), by the volunteer or recorded by staff with a note.

const APPEND_ONLY = ['recognition_awards', 'recognition_revocations', 'recognition_consents'];

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  const isPg = db.getExecutor().adapter instanceof PostgresAdapter;

  await db.schema
    .createTable('recognition_awards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('recipient_kind', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.references('volunteers.id'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('recipient_name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('granted_by', 'text', (c) => c.notNull())
    .addColumn('awarded_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'recognition_awards_one_recipient',
      sql`(recipient_kind = 'volunteer' AND volunteer_id IS NOT NULL AND team_id IS NULL) OR (recipient_kind = 'team' AND team_id IS NOT NULL AND volunteer_id IS NULL)`,
    )
    .execute();
  await db.schema.createIndex('recognition_awards_unit_date').on('recognition_awards').columns(['unit_id', 'awarded_on']).execute();
  await db.schema.createIndex('recognition_awards_volunteer').on('recognition_awards').column('volunteer_id').execute();

  await db.schema
    .createTable('recognition_revocations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('award_id', 'text', (c) => c.notNull().unique().references('recognition_awards.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('revoked_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('revoked_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('recognition_benefits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('min_level', 'integer', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recognition_benefits_unit').on('recognition_benefits').columns(['unit_id', 'min_level']).execute();

  await db.schema
    .createTable('recognition_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('by_self', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recognition_consents_volunteer').on('recognition_consents').columns(['volunteer_id', 'at']).execute();

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
