import type { TrainingAttendanceTable, TrainingSessionsTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

const STAFF_ROLES = ['institute_admin', 'station_admin'] as const;

/** Sessions with their unit's name and how many were present. */
function sessions(db: DbOrTrx) {
  return db
    .selectFrom('training_sessions')
    .innerJoin('units', 'units.id', 'training_sessions.unit_id')
    .selectAll('training_sessions')
    .select([
      'units.name as unit_name',
      (eb) =>
        eb
          .selectFrom('training_attendance')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('training_attendance.session_id', '=', 'training_sessions.id')
          .where('training_attendance.status', '=', 'present')
          .as('present_count'),
    ]);
}

export async function listSessions(db: DbOrTrx, f: { unitIds: string[]; status?: TrainingSessionsTable['status']; offset: number; limit: number }) {
  if (f.unitIds.length === 0) return { rows: [], total: 0 };
  let count = db.selectFrom('training_sessions').where('unit_id', 'in', f.unitIds);
  let page = sessions(db).where('training_sessions.unit_id', 'in', f.unitIds);
  if (f.status) {
    count = count.where('status', '=', f.status);
    page = page.where('training_sessions.status', '=', f.status);
  }
  const total = Number((await count.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await page.orderBy('training_sessions.starts_at', 'desc').orderBy('training_sessions.id').offset(f.offset).limit(f.limit).execute();
  return { rows, total };
}

export function getSession(db: DbOrTrx, id: string) {
  return sessions(db).where('training_sessions.id', '=', id).executeTakeFirst();
}

export type SessionRow = NonNullable<Awaited<ReturnType<typeof getSession>>>;

export function insertSession(db: DbOrTrx, row: TrainingSessionsTable) {
  return db.insertInto('training_sessions').values(row).execute();
}

/** planned → held when the first attendance is recorded; a no-op once held. */
export function markHeld(db: DbOrTrx, id: string, at: string) {
  return db.updateTable('training_sessions').set({ status: 'held', updated_at: at }).where('id', '=', id).where('status', '=', 'planned').execute();
}

export function attendanceOf(db: DbOrTrx, sessionId: string, kind: TrainingAttendanceTable['kind'], refIds: string[]) {
  if (refIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('training_attendance').selectAll().where('session_id', '=', sessionId).where('kind', '=', kind).where('ref_id', 'in', refIds).execute();
}

export function insertAttendance(db: DbOrTrx, row: TrainingAttendanceTable) {
  return db.insertInto('training_attendance').values(row).execute();
}

/** A guarded move of a mark: 1 when this call moved it from the status read, 0 when another did first. */
export async function updateAttendance(db: DbOrTrx, id: string, from: TrainingAttendanceTable['status'], patch: Partial<TrainingAttendanceTable>) {
  const r = await db.updateTable('training_attendance').set(patch).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function setMaterials(db: DbOrTrx, id: string, fileIds: string, at: string) {
  return db.updateTable('training_sessions').set({ material_file_ids: fileIds, updated_at: at }).where('id', '=', id).execute();
}

export function filesByIds(db: DbOrTrx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('files').select(['id', 'original_name', 'mime', 'size']).where('id', 'in', ids).execute();
}

/** Staff accounts (institute and station admins, not disabled) on the given units, with their unit's name. */
export function staffAccounts(db: DbOrTrx, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('role_grants')
    .innerJoin('accounts', 'accounts.id', 'role_grants.account_id')
    .innerJoin('units', 'units.id', 'role_grants.unit_id')
    .select(['accounts.id as account_id', 'accounts.display_name', 'units.name as unit_name'])
    .where('role_grants.unit_id', 'in', unitIds)
    .where('role_grants.role', 'in', STAFF_ROLES)
    .where('accounts.disabled', '=', 0)
    .orderBy('units.kind')
    .orderBy('units.sort')
    .orderBy('accounts.display_name')
    .orderBy('accounts.id')
    .execute();
}

/** One page of the volunteers (certified) of the given stations, by name. */
export async function volunteersOf(db: DbOrTrx, stationIds: string[], page: { offset: number; limit: number }) {
  if (stationIds.length === 0) return { rows: [], total: 0 };
  const base = db
    .selectFrom('volunteers')
    .innerJoin('people', 'people.id', 'volunteers.person_id')
    .innerJoin('units', 'units.id', 'volunteers.station_id')
    .where('volunteers.station_id', 'in', stationIds)
    .where('volunteers.status', '=', 'certified');
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base
    .select(['volunteers.id', 'people.name', 'units.name as unit_name'])
    .orderBy('people.name')
    .orderBy('volunteers.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return { rows, total };
}

/**
 * Coverage in one statement: per unit, its staff accounts and how many of them were present at a
 * training starting within [from, to).
 */
export function coverage(db: DbOrTrx, unitIds: string[], from: string, to: string, page: { offset: number; limit: number }) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('units')
    .select([
      'units.id',
      'units.name',
      'units.kind',
      (eb) =>
        eb
          .selectFrom('role_grants')
          .innerJoin('accounts', 'accounts.id', 'role_grants.account_id')
          .select((e) => e.fn.count<number>('role_grants.account_id').distinct().as('n'))
          .whereRef('role_grants.unit_id', '=', 'units.id')
          .where('role_grants.role', 'in', STAFF_ROLES)
          .where('accounts.disabled', '=', 0)
          .as('staff_count'),
      (eb) =>
        eb
          .selectFrom('role_grants')
          .innerJoin('accounts', 'accounts.id', 'role_grants.account_id')
          .select((e) => e.fn.count<number>('role_grants.account_id').distinct().as('n'))
          .whereRef('role_grants.unit_id', '=', 'units.id')
          .where('role_grants.role', 'in', STAFF_ROLES)
          .where('accounts.disabled', '=', 0)
          .where((e) =>
            e.exists(
              e
                .selectFrom('training_attendance')
                .innerJoin('training_sessions', 'training_sessions.id', 'training_attendance.session_id')
                .select('training_attendance.id')
                .where('training_attendance.kind', '=', 'staff')
                .whereRef('training_attendance.ref_id', '=', 'role_grants.account_id')
                .where('training_attendance.status', '=', 'present')
                .where('training_sessions.starts_at', '>=', from)
                .where('training_sessions.starts_at', '<', to),
            ),
          )
          .as('trained_count'),
    ])
    .where('units.id', 'in', unitIds)
    .where('units.kind', 'in', ['institute', 'station'])
    .orderBy('units.kind')
    .orderBy('units.sort')
    .orderBy('units.id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
}

/** Which of the given staff accounts attended a training starting within [from, to). */
export async function trainedAccounts(db: DbOrTrx, accountIds: string[], from: string, to: string) {
  if (accountIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('training_attendance')
    .innerJoin('training_sessions', 'training_sessions.id', 'training_attendance.session_id')
    .select('training_attendance.ref_id')
    .distinct()
    .where('training_attendance.kind', '=', 'staff')
    .where('training_attendance.ref_id', 'in', accountIds)
    .where('training_attendance.status', '=', 'present')
    .where('training_sessions.starts_at', '>=', from)
    .where('training_sessions.starts_at', '<', to)
    .execute();
  return new Set(rows.map((r) => r.ref_id));
}

export function unitOf(db: DbOrTrx, id: string) {
  return db.selectFrom('units').select(['id', 'name', 'kind']).where('id', '=', id).executeTakeFirst();
}

/**
 * For the assessment (考核): the staff accounts granted on each of the given units, and the
 * trainings each attended (present) starting within [from, to). Two statements whatever the count.
 */
export async function staffTrainingOfUnits(db: DbOrTrx, unitIds: string[], from: string, to: string) {
  if (unitIds.length === 0) return { staff: [], attended: [] };
  const staff = await db
    .selectFrom('role_grants')
    .innerJoin('accounts', 'accounts.id', 'role_grants.account_id')
    .select(['role_grants.unit_id', 'accounts.id as account_id', 'accounts.display_name'])
    .distinct()
    .where('role_grants.unit_id', 'in', unitIds)
    .where('role_grants.role', 'in', STAFF_ROLES)
    .where('accounts.disabled', '=', 0)
    .orderBy('role_grants.unit_id')
    .orderBy('accounts.display_name')
    .orderBy('accounts.id')
    .execute();
  const ids = [...new Set(staff.map((s) => s.account_id))];
  if (ids.length === 0) return { staff, attended: [] };
  const attended = await db
    .selectFrom('training_attendance')
    .innerJoin('training_sessions', 'training_sessions.id', 'training_attendance.session_id')
    .select(['training_attendance.ref_id as account_id', 'training_sessions.id as session_id', 'training_sessions.topic', 'training_sessions.starts_at'])
    .where('training_attendance.kind', '=', 'staff')
    .where('training_attendance.status', '=', 'present')
    .where('training_attendance.ref_id', 'in', ids)
    .where('training_sessions.starts_at', '>=', from)
    .where('training_sessions.starts_at', '<', to)
    .orderBy('training_sessions.starts_at')
    .orderBy('training_sessions.id')
    .execute();
  return { staff, attended };
}

/**
 * The units that may read the materials of the sessions citing a file: a session's unit and the
 * units below it (stations read their institute's trainings), two levels deep like the unit tree.
 */
export async function unitsWithMaterial(db: DbOrTrx, fileId: string): Promise<string[]> {
  const holders = db.selectFrom('training_sessions').select('unit_id').where('material_file_ids', 'like', `%${fileId}%`);
  const rows = await db
    .selectFrom('units')
    .select('units.id')
    .where((eb) =>
      eb.or([
        eb('units.id', 'in', holders),
        eb('units.parent_id', 'in', holders),
        eb('units.parent_id', 'in', eb.selectFrom('units as mid').select('mid.id').where('mid.parent_id', 'in', holders)),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

/** For the reports (月报/年报): the held sessions of some units that started within [from, to), with the unit's name and who was present. */
export function heldSessionsOfUnits(db: DbOrTrx, unitIds: string[], from: string, to: string) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return sessions(db)
    .where('training_sessions.unit_id', 'in', unitIds)
    .where('training_sessions.status', '=', 'held')
    .where('training_sessions.starts_at', '>=', from)
    .where('training_sessions.starts_at', '<', to)
    .orderBy('training_sessions.starts_at')
    .orderBy('training_sessions.id')
    .execute();
}
