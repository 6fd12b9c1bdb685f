import type { ActivityPlanAssignmentsTable, ActivityPlanEventsTable, ActivityPlanItemsTable, ActivityPlansTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

/** Plans with their institute's name and how many items they have. */
function plans(db: DbOrTrx) {
  return db
    .selectFrom('activity_plans')
    .innerJoin('units', 'units.id', 'activity_plans.institute_id')
    .selectAll('activity_plans')
    .select([
      'units.name as institute_name',
      (eb) =>
        eb
          .selectFrom('activity_plan_items')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('activity_plan_items.plan_id', '=', 'activity_plans.id')
          .as('item_count'),
    ]);
}

/** Published plans of `instituteIds`, and drafts too of `draftInstituteIds`. */
export async function listPlans(
  db: DbOrTrx,
  f: { instituteIds: string[]; draftInstituteIds: string[]; status?: ActivityPlansTable['status'] },
  page: { offset: number; limit: number },
) {
  if (f.instituteIds.length === 0) return { rows: [], total: 0 };
  const where = <T extends ReturnType<typeof plans>>(b: T): T =>
    b.where('activity_plans.institute_id', 'in', f.instituteIds).where((eb) => {
      const published = eb('activity_plans.status', '=', 'published');
      return f.draftInstituteIds.length ? eb.or([published, eb('activity_plans.institute_id', 'in', f.draftInstituteIds)]) : published;
    }) as T;
  let base = where(plans(db));
  if (f.status) base = base.where('activity_plans.status', '=', f.status);
  const counted = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const rows = await base
    .orderBy('activity_plans.period_start', 'desc')
    .orderBy('activity_plans.created_at', 'desc')
    .orderBy('activity_plans.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { rows, total: Number(counted?.n ?? 0) };
}

export function getPlan(db: DbOrTrx, id: string) {
  return plans(db).where('activity_plans.id', '=', id).executeTakeFirst();
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof getPlan>>>;

export function insertPlan(db: DbOrTrx, row: ActivityPlansTable) {
  return db.insertInto('activity_plans').values(row).execute();
}

/** draft → published, guarded on the status read: a second publish changes nothing and answers 0. */
export async function publishPlan(db: DbOrTrx, id: string, by: string, at: string): Promise<number> {
  const r = await db
    .updateTable('activity_plans')
    .set({ status: 'published', published_at: at, published_by: by, updated_at: at })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Marks the plan changed (an item added), guarded on it still being a draft. */
export async function touchDraft(db: DbOrTrx, id: string, at: string): Promise<number> {
  const r = await db.updateTable('activity_plans').set({ updated_at: at }).where('id', '=', id).where('status', '=', 'draft').executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Items with their programme's name, by sequence. */
function items(db: DbOrTrx) {
  return db
    .selectFrom('activity_plan_items')
    .leftJoin('programmes', 'programmes.id', 'activity_plan_items.programme_id')
    .selectAll('activity_plan_items')
    .select('programmes.name as programme_name');
}
export type ItemRow = Awaited<ReturnType<ReturnType<typeof items>['executeTakeFirstOrThrow']>>;

export function itemsOf(db: DbOrTrx, planId: string) {
  return items(db).where('activity_plan_items.plan_id', '=', planId).orderBy('activity_plan_items.seq').execute();
}

export async function pageItems(db: DbOrTrx, planId: string, page: { offset: number; limit: number }) {
  const counted = await db
    .selectFrom('activity_plan_items')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  const rows = await items(db)
    .where('activity_plan_items.plan_id', '=', planId)
    .orderBy('activity_plan_items.seq')
    .orderBy('activity_plan_items.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { rows, total: Number(counted?.n ?? 0) };
}

export async function nextItemSeq(db: DbOrTrx, planId: string): Promise<number> {
  const r = await db
    .selectFrom('activity_plan_items')
    .select((eb) => eb.fn.max<number>('seq').as('m'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

export function insertItem(db: DbOrTrx, row: ActivityPlanItemsTable) {
  return db.insertInto('activity_plan_items').values(row).execute();
}

export function insertAssignments(db: DbOrTrx, rows: ActivityPlanAssignmentsTable[]) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('activity_plan_assignments').values(rows).execute();
}

/** Assignments with what a station reads of them: the plan, the item and the station's name. */
function assignments(db: DbOrTrx) {
  return db
    .selectFrom('activity_plan_assignments')
    .innerJoin('activity_plan_items', 'activity_plan_items.id', 'activity_plan_assignments.item_id')
    .innerJoin('activity_plans', 'activity_plans.id', 'activity_plan_assignments.plan_id')
    .innerJoin('units', 'units.id', 'activity_plan_assignments.station_id')
    .selectAll('activity_plan_assignments')
    .select([
      'activity_plans.title as plan_title',
      'activity_plans.period_label',
      'activity_plans.period_end',
      'activity_plan_items.title as item_title',
      'activity_plan_items.description as item_description',
      'activity_plan_items.programme_id',
      'activity_plan_items.category',
      'activity_plan_items.suggested_date',
      'activity_plan_items.seq as item_seq',
      'units.name as station_name',
      'units.sort as station_sort',
    ]);
}
export type AssignmentRow = Awaited<ReturnType<ReturnType<typeof assignments>['executeTakeFirstOrThrow']>>;

export function getAssignment(db: DbOrTrx, id: string) {
  return assignments(db).where('activity_plan_assignments.id', '=', id).executeTakeFirst();
}

export async function listAssignments(
  db: DbOrTrx,
  f: { stationIds: string[]; planId?: string; status?: ActivityPlanAssignmentsTable['status'] },
  page: { offset: number; limit: number },
) {
  if (f.stationIds.length === 0) return { rows: [], total: 0 };
  let base = assignments(db).where('activity_plan_assignments.station_id', 'in', f.stationIds);
  if (f.planId) base = base.where('activity_plan_assignments.plan_id', '=', f.planId);
  if (f.status) base = base.where('activity_plan_assignments.status', '=', f.status);
  const counted = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const rows = await base
    .orderBy('activity_plans.period_end', 'desc')
    .orderBy('activity_plans.id')
    .orderBy('activity_plan_items.seq')
    .orderBy('units.sort')
    .orderBy('activity_plan_assignments.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { rows, total: Number(counted?.n ?? 0) };
}

/** Every assignment of the plan at the given stations (a plan has at most a few hundred). */
export function assignmentsOfPlan(db: DbOrTrx, planId: string, stationIds: string[], itemIds?: string[]) {
  if (stationIds.length === 0 || itemIds?.length === 0) return Promise.resolve([]);
  let b = assignments(db).where('activity_plan_assignments.plan_id', '=', planId).where('activity_plan_assignments.station_id', 'in', stationIds);
  if (itemIds) b = b.where('activity_plan_assignments.item_id', 'in', itemIds);
  return b.orderBy('activity_plan_items.seq').orderBy('units.sort').orderBy('units.id').execute();
}

/** Whether another assignment already carries this activity. */
export function assignmentOfActivity(db: DbOrTrx, activityId: string) {
  return db.selectFrom('activity_plan_assignments').select(['id']).where('activity_id', '=', activityId).executeTakeFirst();
}

/** Moves an assignment, guarded on the status read: a parallel answer makes this one a conflict. */
export async function moveAssignment(db: DbOrTrx, id: string, from: ActivityPlanAssignmentsTable['status'], patch: Partial<ActivityPlanAssignmentsTable>) {
  const r = await db.updateTable('activity_plan_assignments').set(patch).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function insertEvent(db: DbOrTrx, row: ActivityPlanEventsTable) {
  return db.insertInto('activity_plan_events').values(row).execute();
}

export function unitsByIds(db: DbOrTrx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).orderBy('sort').orderBy('id').execute();
}
