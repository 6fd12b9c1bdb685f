import type { Kysely } from 'kysely';

// Frozen once landed. The gaps left in meetings / training / plan:
// - training_attendance.method: how a present mark came — 'self' (the trainee scanned the room's QR
//   code, like a meeting's sign-in) or 'staff' (entered on the console); null for absent.
// - training_records.corrects_id: a volunteer's training record is withdrawn by a counter-entry (a new
//   row with the minutes negated, pointing at the original), never by an UPDATE or DELETE; unique, so
//   a record is withdrawn at most once.
// - plan_tasks.overdue_notified_at: the guard of the once-per-task overdue notice (as resolutions have).

// biome-ignore lint/suspicious/noExplicitAny: migrations are frozen and must not depend on the evolving schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('training_attendance').addColumn('method', 'text').execute();
  await db.schema
    .alterTable('training_records')
    .addColumn('corrects_id', 'text', (c) => c.references('training_records.id'))
    .execute();
  await db.schema.createIndex('training_records_corrects').on('training_records').column('corrects_id').unique().execute();
  await db.schema.alterTable('plan_tasks').addColumn('overdue_notified_at', 'text').execute();
}

export async function down(): Promise<void> {
  throw new Error('Not reversible; restore from backup instead.');
}
