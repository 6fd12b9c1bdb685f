import type { PlanMilestonesTable, PlanTaskNotesTable, PlanTasksTable, RulesDocumentsTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

// Tasks

function taskBase(db: DbOrTrx) {
  return db.selectFrom('plan_tasks').innerJoin('units', 'units.id', 'plan_tasks.unit_id');
}

function taskColumns<Q extends ReturnType<typeof taskBase>>(qb: Q) {
  return qb.selectAll('plan_tasks').select([
    'units.name as unit_name',
    (eb) =>
      eb
        .selectFrom('plan_task_notes')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('plan_task_notes.task_id', '=', 'plan_tasks.id')
        .as('note_count'),
  ]);
}

export interface TaskFilter {
  unitIds: string[];
  unitId?: string;
  status?: PlanTasksTable['status'];
  /** Overdue on this China day: deadline before it, not done. */
  overdueBefore?: string;
  notOverdueBefore?: string;
  offset: number;
  limit: number;
}

export async function listTasks(db: DbOrTrx, f: TaskFilter) {
  if (f.unitIds.length === 0) return { rows: [], total: 0 };
  let base = taskBase(db).where('plan_tasks.unit_id', 'in', f.unitIds);
  if (f.unitId) base = base.where('plan_tasks.unit_id', '=', f.unitId);
  if (f.status) base = base.where('plan_tasks.status', '=', f.status);
  if (f.overdueBefore) base = base.where('plan_tasks.deadline', '<', f.overdueBefore).where('plan_tasks.status', '!=', 'done');
  const day = f.notOverdueBefore;
  if (day) base = base.where((eb) => eb.or([eb('plan_tasks.deadline', '>=', day), eb('plan_tasks.status', '=', 'done')]));
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await taskColumns(base)
    .orderBy((eb) => eb.case().when('plan_tasks.status', '=', 'done').then(1).else(0).end())
    .orderBy('plan_tasks.deadline')
    .orderBy('plan_tasks.id')
    .offset(f.offset)
    .limit(f.limit)
    .execute();
  return { rows, total };
}
export type TaskRow = Awaited<ReturnType<typeof listTasks>>['rows'][number];

export function getTask(db: DbOrTrx, id: string) {
  return taskColumns(taskBase(db)).where('plan_tasks.id', '=', id).executeTakeFirst();
}

export function insertTask(db: DbOrTrx, row: PlanTasksTable) {
  return db.insertInto('plan_tasks').values(row).execute();
}

export async function moveTask(db: DbOrTrx, id: string, from: PlanTasksTable['status'], patch: Partial<PlanTasksTable>) {
  const r = await db.updateTable('plan_tasks').set(patch).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function notesOf(db: DbOrTrx, taskId: string) {
  return db.selectFrom('plan_task_notes').selectAll().where('task_id', '=', taskId).orderBy('seq').execute();
}

export async function nextNoteSeq(db: DbOrTrx, taskId: string) {
  const r = await db
    .selectFrom('plan_task_notes')
    .select((eb) => eb.fn.max<number>('seq').as('m'))
    .where('task_id', '=', taskId)
    .executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

export function insertNote(db: DbOrTrx, row: PlanTaskNotesTable) {
  return db.insertInto('plan_task_notes').values(row).execute();
}

// Milestones

function milestoneBase(db: DbOrTrx) {
  return db.selectFrom('plan_milestones').innerJoin('units', 'units.id', 'plan_milestones.unit_id');
}

export async function listMilestones(db: DbOrTrx, f: { unitIds: string[]; unitId?: string; offset: number; limit: number }) {
  if (f.unitIds.length === 0) return { rows: [], total: 0 };
  let base = milestoneBase(db).where('plan_milestones.unit_id', 'in', f.unitIds);
  if (f.unitId) base = base.where('plan_milestones.unit_id', '=', f.unitId);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base
    .selectAll('plan_milestones')
    .select('units.name as unit_name')
    .orderBy('plan_milestones.due_on')
    .orderBy('plan_milestones.id')
    .offset(f.offset)
    .limit(f.limit)
    .execute();
  return { rows, total };
}
export type MilestoneRow = Awaited<ReturnType<typeof listMilestones>>['rows'][number];

export function getMilestone(db: DbOrTrx, id: string) {
  return milestoneBase(db).selectAll('plan_milestones').select('units.name as unit_name').where('plan_milestones.id', '=', id).executeTakeFirst();
}

export function insertMilestone(db: DbOrTrx, row: PlanMilestonesTable) {
  return db.insertInto('plan_milestones').values(row).execute();
}

export function setMilestoneDone(db: DbOrTrx, id: string, doneOn: string | null, at: string) {
  return db.updateTable('plan_milestones').set({ done_on: doneOn, updated_at: at }).where('id', '=', id).execute();
}

// Rules documents

function documentBase(db: DbOrTrx) {
  return db.selectFrom('rules_documents').innerJoin('units', 'units.id', 'rules_documents.unit_id').innerJoin('files', 'files.id', 'rules_documents.file_id');
}

export async function listDocuments(db: DbOrTrx, f: { unitIds: string[]; unitId?: string; latestOnly: boolean; offset: number; limit: number }) {
  if (f.unitIds.length === 0) return { rows: [], total: 0 };
  let base = documentBase(db).where('rules_documents.unit_id', 'in', f.unitIds);
  if (f.unitId) base = base.where('rules_documents.unit_id', '=', f.unitId);
  if (f.latestOnly)
    // No newer version of the same title in the same unit (by effective date, then by when it was entered).
    base = base.where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('rules_documents as newer')
            .select('newer.id')
            .whereRef('newer.unit_id', '=', 'rules_documents.unit_id')
            .whereRef('newer.title', '=', 'rules_documents.title')
            .where((eb) =>
              eb.or([
                eb('newer.effective_on', '>', eb.ref('rules_documents.effective_on')),
                eb.and([
                  eb('newer.effective_on', '=', eb.ref('rules_documents.effective_on')),
                  eb('newer.created_at', '>', eb.ref('rules_documents.created_at')),
                ]),
              ]),
            ),
        ),
      ),
    );
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base
    .selectAll('rules_documents')
    .select(['units.name as unit_name', 'files.original_name as file_name'])
    .orderBy('units.name')
    .orderBy('rules_documents.type')
    .orderBy('rules_documents.title')
    .orderBy('rules_documents.effective_on', 'desc')
    .orderBy('rules_documents.id')
    .offset(f.offset)
    .limit(f.limit)
    .execute();
  return { rows, total };
}
export type DocumentRow = Awaited<ReturnType<typeof listDocuments>>['rows'][number];

export function getDocument(db: DbOrTrx, id: string) {
  return documentBase(db)
    .selectAll('rules_documents')
    .select(['units.name as unit_name', 'files.original_name as file_name'])
    .where('rules_documents.id', '=', id)
    .executeTakeFirst();
}

export function insertDocument(db: DbOrTrx, row: RulesDocumentsTable) {
  return db.insertInto('rules_documents').values(row).execute();
}

/** The latest version of each titled rules document of some units (the standards board): one query. */
export function latestDocumentsOfUnits(db: DbOrTrx, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([] as Pick<RulesDocumentsTable, 'id' | 'unit_id' | 'type' | 'title' | 'effective_on'>[]);
  return db
    .selectFrom('rules_documents')
    .select(['id', 'unit_id', 'type', 'title', 'effective_on'])
    .where('unit_id', 'in', unitIds)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('rules_documents as newer')
            .select('newer.id')
            .whereRef('newer.unit_id', '=', 'rules_documents.unit_id')
            .whereRef('newer.title', '=', 'rules_documents.title')
            .where((eb) =>
              eb.or([
                eb('newer.effective_on', '>', eb.ref('rules_documents.effective_on')),
                eb.and([
                  eb('newer.effective_on', '=', eb.ref('rules_documents.effective_on')),
                  eb('newer.created_at', '>', eb.ref('rules_documents.created_at')),
                ]),
              ]),
            ),
        ),
      ),
    )
    .orderBy('unit_id')
    .orderBy('type')
    .orderBy('title')
    .orderBy('id')
    .execute();
}

/** The units of the tasks whose progress notes cite a file as evidence, and of the rules documents stored as it. */
export async function unitsWithFile(db: DbOrTrx, fileId: string): Promise<string[]> {
  const [notes, documents] = await Promise.all([
    db
      .selectFrom('plan_task_notes')
      .innerJoin('plan_tasks', 'plan_tasks.id', 'plan_task_notes.task_id')
      .select('plan_tasks.unit_id')
      .distinct()
      .where('plan_task_notes.evidence_file_ids', 'like', `%${fileId}%`)
      .execute(),
    db.selectFrom('rules_documents').select('unit_id').distinct().where('file_id', '=', fileId).execute(),
  ]);
  return [...notes, ...documents].map((r) => r.unit_id);
}

/** Tasks overdue on `today` (China day): deadline before it, not done, and nobody told yet. */
export function dueForOverdueNotice(db: DbOrTrx, today: string) {
  return db
    .selectFrom('plan_tasks')
    .select(['id', 'unit_id', 'title', 'section', 'deadline'])
    .where('deadline', '<', today)
    .where('status', '!=', 'done')
    .where('overdue_notified_at', 'is', null)
    .orderBy('deadline')
    .orderBy('id')
    .limit(500)
    .execute();
}

/** The guard of the overdue notice: the one process whose update wins sends it. */
export async function markOverdueNotified(db: DbOrTrx, id: string, at: string) {
  const r = await db
    .updateTable('plan_tasks')
    .set({ overdue_notified_at: at })
    .where('id', '=', id)
    .where('overdue_notified_at', 'is', null)
    .where('status', '!=', 'done')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The admins of the unit owning a task, to tell them it is overdue. */
export function unitAdmins(db: DbOrTrx, unitId: string) {
  return db
    .selectFrom('role_grants')
    .innerJoin('accounts', 'accounts.id', 'role_grants.account_id')
    .select(['accounts.person_id'])
    .distinct()
    .where('role_grants.unit_id', '=', unitId)
    .where('role_grants.role', 'in', ['institute_admin', 'station_admin'])
    .where('accounts.disabled', '=', 0)
    .execute();
}
