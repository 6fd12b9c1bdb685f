import type { MeetingAttendeesTable, MeetingResolutionsTable, MeetingsTable, ResolutionFollowUpsTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export type MeetingRow = MeetingsTable;

export async function listMeetings(db: DbOrTrx, f: { unitIds: string[]; status?: string; kind?: string; offset: number; limit: number }) {
  if (f.unitIds.length === 0) return { rows: [], total: 0 };
  let base = db.selectFrom('meetings').where('meetings.unit_id', 'in', f.unitIds);
  if (f.status) base = base.where('meetings.status', '=', f.status as MeetingsTable['status']);
  if (f.kind) base = base.where('meetings.kind', '=', f.kind as MeetingsTable['kind']);
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base
    .innerJoin('units', 'units.id', 'meetings.unit_id')
    .selectAll('meetings')
    .select([
      'units.name as unit_name',
      (eb) =>
        eb
          .selectFrom('meeting_attendees')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('meeting_attendees.meeting_id', '=', 'meetings.id')
          .as('attendee_count'),
      (eb) =>
        eb
          .selectFrom('meeting_attendees')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('meeting_attendees.meeting_id', '=', 'meetings.id')
          .where('meeting_attendees.status', '=', 'present')
          .as('present_count'),
      (eb) =>
        eb
          .selectFrom('meeting_resolutions')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('meeting_resolutions.meeting_id', '=', 'meetings.id')
          .as('resolution_count'),
    ])
    .orderBy('meetings.starts_at', 'desc')
    .orderBy('meetings.id')
    .offset(f.offset)
    .limit(f.limit)
    .execute();
  return { rows, total };
}

export type MeetingListRow = Awaited<ReturnType<typeof listMeetings>>['rows'][number];

export function getMeeting(db: DbOrTrx, id: string) {
  return db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export function unitName(db: DbOrTrx, id: string) {
  return db.selectFrom('units').select(['name', 'kind']).where('id', '=', id).executeTakeFirst();
}

export function insertMeeting(db: DbOrTrx, row: MeetingsTable) {
  return db.insertInto('meetings').values(row).execute();
}

export function updateMeeting(db: DbOrTrx, id: string, patch: Partial<MeetingsTable>) {
  return db.updateTable('meetings').set(patch).where('id', '=', id).execute();
}

/** A guarded status move: 1 when this call moved it, 0 when someone else did first. */
export async function moveMeeting(db: DbOrTrx, id: string, from: MeetingsTable['status'], patch: Partial<MeetingsTable>) {
  const r = await db.updateTable('meetings').set(patch).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function attendeesOf(db: DbOrTrx, meetingId: string) {
  return db.selectFrom('meeting_attendees').selectAll().where('meeting_id', '=', meetingId).orderBy('sort').execute();
}

export function getAttendee(db: DbOrTrx, meetingId: string, id: string) {
  return db.selectFrom('meeting_attendees').selectAll().where('meeting_id', '=', meetingId).where('id', '=', id).executeTakeFirst();
}

export function attendeeByPerson(db: DbOrTrx, meetingId: string, personId: string) {
  return db.selectFrom('meeting_attendees').selectAll().where('meeting_id', '=', meetingId).where('person_id', '=', personId).executeTakeFirst();
}

export function insertAttendees(db: DbOrTrx, rows: MeetingAttendeesTable[]) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('meeting_attendees').values(rows).execute();
}

export function deleteAttendees(db: DbOrTrx, meetingId: string) {
  return db.deleteFrom('meeting_attendees').where('meeting_id', '=', meetingId).execute();
}

/** Self sign-in: only a seat not yet marked present moves, so a second scan (or a parallel one) changes nothing. */
export async function signInSeat(db: DbOrTrx, id: string, at: string) {
  const r = await db
    .updateTable('meeting_attendees')
    .set({ status: 'present', signed_at: at, method: 'self', absent_reason: null, recorded_by: null })
    .where('id', '=', id)
    .where('status', '!=', 'present')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function updateAttendee(db: DbOrTrx, id: string, patch: Partial<MeetingAttendeesTable>) {
  return db.updateTable('meeting_attendees').set(patch).where('id', '=', id).execute();
}

/** The institute's leading group (org's table, read here to offer and check attendees). */
export function leadingGroup(db: DbOrTrx, instituteId: string) {
  return db
    .selectFrom('leading_group_members')
    .select(['id', 'name', 'group_role', 'title'])
    .where('unit_id', '=', instituteId)
    .orderBy('sort')
    .orderBy('created_at')
    .execute();
}

/** Staff accounts (institute and station admins) on the given units, with their unit's name. */
export function staffAccounts(db: DbOrTrx, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('role_grants')
    .innerJoin('accounts', 'accounts.id', 'role_grants.account_id')
    .innerJoin('units', 'units.id', 'role_grants.unit_id')
    .select([
      'accounts.id as account_id',
      'accounts.person_id',
      'accounts.display_name',
      'units.name as unit_name',
      'units.kind as unit_kind',
      'units.sort as unit_sort',
    ])
    .where('role_grants.unit_id', 'in', unitIds)
    .where('role_grants.role', 'in', ['institute_admin', 'station_admin'])
    .where('accounts.disabled', '=', 0)
    .orderBy('units.kind')
    .orderBy('units.sort')
    .orderBy('accounts.display_name')
    .execute();
}

/** The admins of a unit, to tell them about an overdue resolution. */
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

export function filesByIds(db: DbOrTrx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('files').select(['id', 'original_name', 'mime', 'size']).where('id', 'in', ids).execute();
}

// Resolutions

function resolutionBase(db: DbOrTrx) {
  return db
    .selectFrom('meeting_resolutions')
    .innerJoin('meetings', 'meetings.id', 'meeting_resolutions.meeting_id')
    .innerJoin('units as owner', 'owner.id', 'meeting_resolutions.owner_unit_id');
}

function resolutionColumns<Q extends ReturnType<typeof resolutionBase>>(qb: Q) {
  return qb.selectAll('meeting_resolutions').select([
    'meetings.title as meeting_title',
    'meetings.starts_at as meeting_starts_at',
    'meetings.unit_id as meeting_unit_id',
    'owner.name as owner_unit_name',
    (eb) =>
      eb
        .selectFrom('resolution_follow_ups')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('resolution_follow_ups.resolution_id', '=', 'meeting_resolutions.id')
        .as('note_count'),
  ]);
}

export interface ResolutionFilter {
  /** Resolutions owned by these units, or decided by meetings of these units. */
  unitIds: string[];
  ownerUnitId?: string;
  status?: string;
  openOnly?: boolean;
  /** Overdue on this China day: deadline before it, not closed. */
  overdueBefore?: string;
  notOverdueBefore?: string;
  meetingId?: string;
  offset: number;
  limit: number;
}

export async function listResolutions(db: DbOrTrx, f: ResolutionFilter) {
  if (f.unitIds.length === 0) return { rows: [], total: 0 };
  let base = resolutionBase(db).where((eb) => eb.or([eb('meeting_resolutions.owner_unit_id', 'in', f.unitIds), eb('meetings.unit_id', 'in', f.unitIds)]));
  if (f.ownerUnitId) base = base.where('meeting_resolutions.owner_unit_id', '=', f.ownerUnitId);
  if (f.status) base = base.where('meeting_resolutions.status', '=', f.status as MeetingResolutionsTable['status']);
  if (f.openOnly) base = base.where('meeting_resolutions.status', 'in', ['open', 'in_progress']);
  if (f.meetingId) base = base.where('meeting_resolutions.meeting_id', '=', f.meetingId);
  if (f.overdueBefore)
    base = base.where('meeting_resolutions.deadline', '<', f.overdueBefore).where('meeting_resolutions.status', 'in', ['open', 'in_progress']);
  if (f.notOverdueBefore) {
    const day = f.notOverdueBefore;
    base = base.where((eb) => eb.or([eb('meeting_resolutions.deadline', '>=', day), eb('meeting_resolutions.status', 'in', ['done', 'cancelled'])]));
  }
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await resolutionColumns(base)
    .orderBy((eb) => eb.case().when('meeting_resolutions.status', 'in', ['open', 'in_progress']).then(0).else(1).end())
    .orderBy('meeting_resolutions.deadline')
    .orderBy('meeting_resolutions.id')
    .offset(f.offset)
    .limit(f.limit)
    .execute();
  return { rows, total };
}

export type ResolutionRow = Awaited<ReturnType<typeof listResolutions>>['rows'][number];

export function resolutionsOfMeeting(db: DbOrTrx, meetingId: string) {
  return resolutionColumns(resolutionBase(db)).where('meeting_resolutions.meeting_id', '=', meetingId).orderBy('meeting_resolutions.sort').execute();
}

export function getResolution(db: DbOrTrx, id: string) {
  return resolutionColumns(resolutionBase(db)).where('meeting_resolutions.id', '=', id).executeTakeFirst();
}

export async function nextResolutionSort(db: DbOrTrx, meetingId: string) {
  const r = await db
    .selectFrom('meeting_resolutions')
    .select((eb) => eb.fn.max<number>('sort').as('m'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

export function insertResolution(db: DbOrTrx, row: MeetingResolutionsTable) {
  return db.insertInto('meeting_resolutions').values(row).execute();
}

/** A guarded move: only from the status we read. */
export async function moveResolution(db: DbOrTrx, id: string, from: MeetingResolutionsTable['status'], patch: Partial<MeetingResolutionsTable>) {
  const r = await db.updateTable('meeting_resolutions').set(patch).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function followUpsOf(db: DbOrTrx, resolutionIds: string[]) {
  if (resolutionIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('resolution_follow_ups').selectAll().where('resolution_id', 'in', resolutionIds).orderBy('resolution_id').orderBy('seq').execute();
}

export async function nextFollowUpSeq(db: DbOrTrx, resolutionId: string) {
  const r = await db
    .selectFrom('resolution_follow_ups')
    .select((eb) => eb.fn.max<number>('seq').as('m'))
    .where('resolution_id', '=', resolutionId)
    .executeTakeFirst();
  return Number(r?.m ?? 0) + 1;
}

export function insertFollowUp(db: DbOrTrx, row: ResolutionFollowUpsTable) {
  return db.insertInto('resolution_follow_ups').values(row).execute();
}

/** Overdue on `today` (China day) and nobody told yet. */
export function dueForOverdueNotice(db: DbOrTrx, today: string) {
  return db
    .selectFrom('meeting_resolutions')
    .innerJoin('meetings', 'meetings.id', 'meeting_resolutions.meeting_id')
    .select([
      'meeting_resolutions.id',
      'meeting_resolutions.owner_unit_id',
      'meeting_resolutions.content',
      'meeting_resolutions.deadline',
      'meetings.title as meeting_title',
      'meetings.unit_id as meeting_unit_id',
    ])
    .where('meeting_resolutions.deadline', '<', today)
    .where('meeting_resolutions.status', 'in', ['open', 'in_progress'])
    .where('meeting_resolutions.overdue_notified_at', 'is', null)
    .orderBy('meeting_resolutions.deadline')
    .limit(500)
    .execute();
}

/** The guard of the overdue notice: the one process whose update wins sends it. */
export async function markOverdueNotified(db: DbOrTrx, id: string, at: string) {
  const r = await db
    .updateTable('meeting_resolutions')
    .set({ overdue_notified_at: at })
    .where('id', '=', id)
    .where('overdue_notified_at', 'is', null)
    .where('status', 'in', ['open', 'in_progress'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The units of the meetings that list a file among their attachments. */
export async function unitsWithAttachment(db: DbOrTrx, fileId: string): Promise<string[]> {
  const rows = await db.selectFrom('meetings').select('unit_id').distinct().where('attachment_file_ids', 'like', `%${fileId}%`).execute();
  return rows.map((r) => r.unit_id);
}

/** For the reports (月报/年报): the meetings of some units held (or published) that started within [from, to). */
export function heldMeetingsOfUnits(db: DbOrTrx, unitIds: string[], from: string, to: string) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('meetings')
    .select(['id', 'unit_id', 'kind', 'title', 'starts_at'])
    .where('unit_id', 'in', unitIds)
    .where('status', 'in', ['held', 'published'])
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

/** For the reports: the resolutions owned by some units whose deadline falls within [fromDay, toDay]. */
export function resolutionsDueOfUnits(db: DbOrTrx, unitIds: string[], fromDay: string, toDay: string) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('meeting_resolutions')
    .select(['id', 'owner_unit_id', 'deadline', 'status', 'closed_at'])
    .where('owner_unit_id', 'in', unitIds)
    .where('deadline', '>=', fromDay)
    .where('deadline', '<=', toDay)
    .orderBy('deadline')
    .orderBy('id')
    .execute();
}
