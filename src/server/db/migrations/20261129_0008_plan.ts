import type { Kysely } from 'kysely';

// Frozen once landed. The plan's task table (附件2 任务分解表) with append-only progress notes, the
// institute's implementation steps (四、(二)) and each unit's rules documents (制度, versioned).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plan_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('section', 'text', (c) => c.notNull())
    .addColumn('lead_name', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_tasks_unit').on('plan_tasks').columns(['unit_id', 'status', 'deadline']).execute();

  await db.schema
    .createTable('plan_task_notes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('plan_tasks.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('status_from', 'text')
    .addColumn('status_to', 'text')
    .addColumn('evidence_file_ids', 'text', (c) => c.notNull())
    .addColumn('by_account', 'text', (c) => c.references('accounts.id'))
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_task_notes_task').on('plan_task_notes').columns(['task_id', 'seq']).unique().execute();

  await db.schema
    .createTable('plan_milestones')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plan_milestones_unit').on('plan_milestones').columns(['unit_id', 'due_on']).execute();

  await db.schema
    .createTable('rules_documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text', (c) => c.notNull().references('files.id'))
    .addColumn('by_account', 'text', (c) => c.references('accounts.id'))
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rules_documents_unit_title').on('rules_documents').columns(['unit_id', 'title', 'effective_on']).execute();
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore from backup instead.');
}
