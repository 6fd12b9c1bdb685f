import type { ActivitiesTable, ActivitySeriesTable, CheckinsTable, PositionsTable, SignupsTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export type ActivityRow = ActivitiesTable & {
  unit_name: string;
  programme_name: string | null;
  venue_name: string | null;
  room_name: string | null;
  summarised_at: string | null;
};

function base(db: DbOrTrx) {
  return db
    .selectFrom('activities')
    .innerJoin('units', 'units.id', 'activities.unit_id')
    .leftJoin('programmes', 'programmes.id', 'activities.programme_id')
    .leftJoin('venues', 'venues.id', 'activities.venue_id')
    .leftJoin('rooms', 'rooms.id', 'activities.room_id')
    .leftJoin('activity_summaries', 'activity_summaries.activity_id', 'activities.id')
    .selectAll('activities')
    .select([
      'units.name as unit_name',
      'programmes.name as programme_name',
      'venues.name as venue_name',
      'rooms.name as room_name',
      'activity_summaries.submitted_at as summarised_at',
    ]);
}

export function getActivity(db: DbOrTrx, id: string): Promise<ActivityRow | undefined> {
  return base(db).where('activities.id', '=', id).executeTakeFirst() as Promise<ActivityRow | undefined>;
}

/** One row of `signupContext`: the activity, one of its positions, the volunteer and their sign-up to it (if any). */
export interface SignupContextRow {
  p_id: string | null;
  p_name: string | null;
  p_headcount: number | null;
  p_taken: number | null;
  p_sort: number | null;
  p_waitlisted: number | string | null;
  v_id: string | null;
  v_status: string | null;
  v_skills: string | null;
  v_insured_until: string | null;
  v_person_id: string | null;
  v_name: string | null;
  v_birth_date: string | null;
  s_id: string | null;
  s_status: SignupsTable['status'] | null;
}

/**
 * Everything a sign-up (or its cancelling) checks, in one statement: the activity, one row per
 * position (with its waitlist length), the volunteer (by record id, or the caller's own by person id)
 * with the facts the age, skill and insurance checks need, and that volunteer's sign-up to it.
 */
export function signupContext(db: DbOrTrx, activityId: string, who: { volunteerId: string } | { personId: string }) {
  return base(db)
    .leftJoin('positions', 'positions.activity_id', 'activities.id')
    .leftJoin('volunteers', (join) =>
      'volunteerId' in who ? join.on('volunteers.id', '=', who.volunteerId) : join.on('volunteers.person_id', '=', who.personId),
    )
    .leftJoin('people', 'people.id', 'volunteers.person_id')
    .leftJoin('signups as mine', (join) => join.onRef('mine.activity_id', '=', 'activities.id').onRef('mine.volunteer_id', '=', 'volunteers.id'))
    .select((eb) => [
      'positions.id as p_id',
      'positions.name as p_name',
      'positions.headcount as p_headcount',
      'positions.taken as p_taken',
      'positions.sort as p_sort',
      eb
        .selectFrom('signups')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('signups.position_id', '=', 'positions.id')
        .where('signups.status', '=', 'waitlisted')
        .as('p_waitlisted'),
      'volunteers.id as v_id',
      'volunteers.status as v_status',
      'volunteers.skills as v_skills',
      'volunteers.insured_until as v_insured_until',
      'volunteers.person_id as v_person_id',
      'people.name as v_name',
      'people.birth_date as v_birth_date',
      'mine.id as s_id',
      'mine.status as s_status',
    ])
    .where('activities.id', '=', activityId)
    .orderBy('positions.sort')
    .execute() as Promise<(ActivityRow & SignupContextRow)[]>;
}

export interface ActivityFilter {
  unitIds: string[];
  statuses?: string[];
  programmeId?: string;
  from?: string;
  to?: string;
  q?: string;
  ids?: string[];
  /** The content block (四大板块) of the activity's programme. */
  block?: string;
}

export async function listActivities(db: DbOrTrx, f: ActivityFilter, limit: number, offset: number) {
  if (f.unitIds.length === 0) return { rows: [] as ActivityRow[], total: 0 };
  let qb = base(db).where('activities.unit_id', 'in', f.unitIds);
  if (f.statuses) qb = qb.where('activities.status', 'in', f.statuses as ActivitiesTable['status'][]);
  if (f.programmeId) qb = qb.where('activities.programme_id', '=', f.programmeId);
  if (f.block) qb = qb.where('programmes.block', '=', f.block);
  if (f.from) qb = qb.where('activities.ends_at', '>=', f.from);
  if (f.to) qb = qb.where('activities.starts_at', '<', f.to);
  if (f.q) qb = qb.where('activities.title', 'like', `%${f.q.replace(/[\\%_]/g, '')}%`);
  if (f.ids) qb = qb.where('activities.id', 'in', f.ids.length ? f.ids : ['']);
  // The count rides on the page's rows (one statement); a page past the end reads it alone.
  const count = qb.clearSelect().select((eb) => eb.fn.countAll<number>().as('total'));
  const found = await qb.select(count.as('matching_total')).orderBy('activities.starts_at').limit(limit).offset(offset).execute();
  const total = found.length ? found[0].matching_total : offset === 0 && limit > 0 ? 0 : (await count.executeTakeFirstOrThrow()).total;
  return { rows: found.map(({ matching_total, ...r }) => r) as ActivityRow[], total: Number(total) };
}

export function insertActivity(db: DbOrTrx, row: ActivitiesTable) {
  return db.insertInto('activities').values(row).execute();
}

export function updateActivity(db: DbOrTrx, id: string, patch: Partial<ActivitiesTable>) {
  return db.updateTable('activities').set(patch).where('id', '=', id).execute();
}

/** A status change only from the status we saw: two concurrent changes cannot both win. */
export async function moveStatus(db: DbOrTrx, id: string, from: ActivitiesTable['status'][], patch: Partial<ActivitiesTable>) {
  const res = await db.updateTable('activities').set(patch).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export function seriesActivities(db: DbOrTrx, seriesId: string, fromStart: string) {
  return db
    .selectFrom('activities')
    .select(['id', 'starts_at', 'ends_at', 'status'])
    .where('series_id', '=', seriesId)
    .where('starts_at', '>=', fromStart)
    .orderBy('starts_at')
    .execute();
}

export function insertPositions(db: DbOrTrx, rows: PositionsTable[]) {
  return rows.length ? db.insertInto('positions').values(rows).execute() : Promise.resolve([]);
}

export function listPositions(db: DbOrTrx, activityIds: string[]) {
  if (activityIds.length === 0) return Promise.resolve([] as (PositionsTable & { waitlisted: number })[]);
  return db
    .selectFrom('positions')
    .selectAll()
    .select((eb) =>
      eb
        .selectFrom('signups')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('signups.position_id', '=', 'positions.id')
        .where('signups.status', '=', 'waitlisted')
        .as('waitlisted'),
    )
    .where('activity_id', 'in', activityIds)
    .orderBy('sort')
    .execute() as Promise<(PositionsTable & { waitlisted: number })[]>;
}

export function updatePosition(db: DbOrTrx, id: string, patch: Partial<PositionsTable>) {
  return db.updateTable('positions').set(patch).where('id', '=', id).execute();
}

/**
 * Takes a place if one is left: null when full, else the position's places taken now and whether any
 * other position of the activity still has one (so the caller knows, without another read, whether
 * the activity is now full). Holds under concurrent sign-ups on both databases.
 */
export async function takePlace(db: DbOrTrx, positionId: string): Promise<{ taken: number; headcount: number; othersFree: boolean } | null> {
  const row = await db
    .updateTable('positions')
    .set((eb) => ({ taken: eb('taken', '+', 1) }))
    .where('id', '=', positionId)
    .where((eb) => eb('taken', '<', eb.ref('headcount')))
    .returning((eb) => [
      'taken',
      'headcount',
      eb
        .selectFrom('positions as other')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('other.activity_id', '=', 'positions.activity_id')
        .whereRef('other.id', '!=', 'positions.id')
        .where((e) => e('other.taken', '<', e.ref('other.headcount')))
        .as('others_free'),
    ])
    .executeTakeFirst();
  return row ? { taken: Number(row.taken), headcount: Number(row.headcount), othersFree: Number(row.others_free ?? 0) > 0 } : null;
}

export function releasePlace(db: DbOrTrx, positionId: string) {
  return db
    .updateTable('positions')
    .set((eb) => ({ taken: eb('taken', '-', 1) }))
    .where('id', '=', positionId)
    .where('taken', '>', 0)
    .execute();
}

export async function hasFreePlace(db: DbOrTrx, activityId: string): Promise<boolean> {
  const r = await db
    .selectFrom('positions')
    .select('id')
    .where('activity_id', '=', activityId)
    .where((eb) => eb('taken', '<', eb.ref('headcount')))
    .executeTakeFirst();
  return Boolean(r);
}

export function getSignup(db: DbOrTrx, activityId: string, volunteerId: string) {
  return db.selectFrom('signups').selectAll().where('activity_id', '=', activityId).where('volunteer_id', '=', volunteerId).executeTakeFirst();
}

export function getSignupById(db: DbOrTrx, id: string) {
  return db.selectFrom('signups').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertSignup(db: DbOrTrx, row: SignupsTable) {
  return db.insertInto('signups').values(row).execute();
}

export async function updateSignup(db: DbOrTrx, id: string, from: SignupsTable['status'][], patch: Partial<SignupsTable>) {
  const res = await db.updateTable('signups').set(patch).where('id', '=', id).where('status', 'in', from).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** The first in line for a position. */
export function firstWaitlisted(db: DbOrTrx, positionId: string) {
  return db
    .selectFrom('signups')
    .selectAll()
    .where('position_id', '=', positionId)
    .where('status', '=', 'waitlisted')
    .orderBy('waitlist_seq')
    .limit(1)
    .executeTakeFirst();
}

/** Each given waitlisted sign-up's place in its position's queue (1 = next in line), in one query. */
export async function waitlistPlaces(db: DbOrTrx, signupIds: string[]): Promise<Map<string, number>> {
  if (signupIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('signups as mine')
    .innerJoin('signups as ahead', (join) => join.onRef('ahead.position_id', '=', 'mine.position_id').onRef('ahead.waitlist_seq', '<=', 'mine.waitlist_seq'))
    .select(['mine.id', (eb) => eb.fn.count<number>('ahead.id').as('n')])
    .where('mine.id', 'in', signupIds)
    .where('ahead.status', '=', 'waitlisted')
    .groupBy('mine.id')
    .execute();
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** An activity's sign-ups with who signed up, one page of them (`limit`/`offset`), or the one with `signupId`. */
export function listSignups(db: DbOrTrx, activityId: string, page: { limit?: number; offset?: number; signupId?: string } = {}) {
  let qb = db
    .selectFrom('signups')
    .innerJoin('volunteers', 'volunteers.id', 'signups.volunteer_id')
    .innerJoin('people', 'people.id', 'volunteers.person_id')
    .innerJoin('positions', 'positions.id', 'signups.position_id')
    .selectAll('signups')
    .select(['people.name', 'people.phone', 'people.birth_date', 'volunteers.volunteer_no', 'volunteers.person_id', 'positions.name as position_name'])
    .where('signups.activity_id', '=', activityId)
    .orderBy('signups.status')
    .orderBy('signups.waitlist_seq')
    .orderBy('signups.created_at')
    .orderBy('signups.id');
  if (page.signupId) qb = qb.where('signups.id', '=', page.signupId);
  if (page.limit !== undefined) qb = qb.limit(page.limit).offset(page.offset ?? 0);
  return qb.execute();
}

export async function countSignups(db: DbOrTrx, activityId: string): Promise<number> {
  const r = await db
    .selectFrom('signups')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('activity_id', '=', activityId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export function signupsOfVolunteer(db: DbOrTrx, volunteerId: string, activityIds?: string[]) {
  let qb = db.selectFrom('signups').selectAll().where('volunteer_id', '=', volunteerId);
  if (activityIds) qb = qb.where('activity_id', 'in', activityIds.length ? activityIds : ['']);
  return qb.execute();
}

export function activeSignups(db: DbOrTrx, activityId: string) {
  return db
    .selectFrom('signups')
    .innerJoin('volunteers', 'volunteers.id', 'signups.volunteer_id')
    .select(['signups.id', 'signups.volunteer_id', 'signups.status', 'signups.position_id', 'volunteers.person_id'])
    .where('signups.activity_id', '=', activityId)
    .where('signups.status', 'in', ['pending', 'confirmed', 'waitlisted'])
    .execute();
}

export function checkinsFor(db: DbOrTrx, activityId: string, volunteerId?: string) {
  let qb = db.selectFrom('checkins').selectAll().where('activity_id', '=', activityId);
  if (volunteerId) qb = qb.where('volunteer_id', '=', volunteerId);
  return qb.orderBy('in_at').execute();
}

/** The check-ins at an activity of these volunteers (one page of its sign-up list). */
export async function checkinsOf(db: DbOrTrx, activityId: string, volunteerIds: string[]) {
  if (volunteerIds.length === 0) return [];
  return db.selectFrom('checkins').selectAll().where('activity_id', '=', activityId).where('volunteer_id', 'in', volunteerIds).orderBy('in_at').execute();
}

/**
 * What a check-in or check-out decides on, in one statement inside its transaction: the volunteer's
 * sign-up status, whether this QR token was used by them before, their open check-in here (if
 * any), and how many check-ins they have on `day`.
 */
export async function checkState(db: DbOrTrx, activityId: string, volunteerId: string, token: string | null, day: string) {
  const r = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('signups').select('status').where('activity_id', '=', activityId).where('volunteer_id', '=', volunteerId).as('signup_status'),
      eb
        .selectFrom('checkins')
        .select('id')
        .where('volunteer_id', '=', volunteerId)
        .where((e) => e.or([e('in_token', '=', token ?? ''), e('out_token', '=', token ?? '')]))
        .limit(1)
        .as('token_used_by'),
      eb
        .selectFrom('checkins')
        .select('id')
        .where('activity_id', '=', activityId)
        .where('volunteer_id', '=', volunteerId)
        .where('out_at', 'is', null)
        .orderBy('in_at')
        .limit(1)
        .as('open_id'),
      eb
        .selectFrom('checkins')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('volunteer_id', '=', volunteerId)
        .where('day', '=', day)
        .as('pairs'),
    ])
    .executeTakeFirstOrThrow();
  return {
    signupStatus: (r.signup_status ?? null) as SignupsTable['status'] | null,
    tokenUsed: token !== null && r.token_used_by !== null,
    openId: (r.open_id ?? null) as string | null,
    pairs: Number(r.pairs ?? 0),
  };
}

export function insertCheckin(db: DbOrTrx, row: CheckinsTable) {
  return db.insertInto('checkins').values(row).execute();
}

/** Closes an open check-in; 1 when it did, 0 when it was already closed. */
export async function closeCheckin(db: DbOrTrx, id: string, patch: Partial<CheckinsTable>): Promise<number> {
  const res = await db.updateTable('checkins').set(patch).where('id', '=', id).where('out_at', 'is', null).executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export function insertBooking(db: DbOrTrx, row: { id: string; room_id: string; activity_id: string; starts_at: string; ends_at: string }) {
  return db.insertInto('room_bookings').values(row).execute();
}

export function deleteBooking(db: DbOrTrx, activityId: string) {
  return db.deleteFrom('room_bookings').where('activity_id', '=', activityId).execute();
}

export function insertSummary(
  db: DbOrTrx,
  row: { activity_id: string; served_count: number; notes: string; photo_file_ids: string; late: number; submitted_by: string; submitted_at: string },
) {
  return db.insertInto('activity_summaries').values(row).execute();
}

export function getSummary(db: DbOrTrx, activityId: string) {
  return db.selectFrom('activity_summaries').selectAll().where('activity_id', '=', activityId).executeTakeFirst();
}

/** Activities whose clock has moved them on: started, or ended but not closed yet. */
export function dueToStart(db: DbOrTrx, now: string) {
  return db
    .selectFrom('activities')
    .select(['id'])
    .where('status', 'in', ['published', 'full'])
    .where('starts_at', '<=', now)
    .where('ends_at', '>', now)
    .execute();
}

export function dueToEnd(db: DbOrTrx, now: string) {
  return db.selectFrom('activities').select(['id']).where('status', 'in', ['published', 'full', 'in_progress']).where('ends_at', '<=', now).execute();
}

export function dueForReminder(db: DbOrTrx, now: string, until: string) {
  return db
    .selectFrom('signups')
    .innerJoin('activities', 'activities.id', 'signups.activity_id')
    .innerJoin('volunteers', 'volunteers.id', 'signups.volunteer_id')
    .select(['signups.id', 'volunteers.person_id', 'activities.title', 'activities.starts_at', 'activities.id as activity_id'])
    .where('signups.status', '=', 'confirmed')
    .where('signups.reminded_at', 'is', null)
    .where('activities.status', 'in', ['published', 'full'])
    .where('activities.starts_at', '>', now)
    .where('activities.starts_at', '<=', until)
    .execute();
}

/** Held practice activities per station and Beijing month, for the plan's monthly rule. */
export function heldPerMonth(db: DbOrTrx, unitIds: string[], fromIso: string, toIso: string) {
  if (unitIds.length === 0) return Promise.resolve([] as { unit_id: string; starts_at: string }[]);
  return db
    .selectFrom('activities')
    .select(['unit_id', 'starts_at'])
    .where('unit_id', 'in', unitIds)
    .where('type', '=', 'service')
    .where('status', 'in', ['in_progress', 'ended', 'summarised'])
    .where('starts_at', '>=', fromIso)
    .where('starts_at', '<', toIso)
    .execute();
}

export function insertIcalToken(db: DbOrTrx, row: { id: string; volunteer_id: string; token_hash: string; created_at: string }) {
  return db
    .insertInto('ical_tokens')
    .values({ ...row, revoked_at: null })
    .execute();
}

export function revokeIcalTokens(db: DbOrTrx, volunteerId: string, at: string) {
  return db.updateTable('ical_tokens').set({ revoked_at: at }).where('volunteer_id', '=', volunteerId).where('revoked_at', 'is', null).execute();
}

export function findIcalToken(db: DbOrTrx, hash: string) {
  return db.selectFrom('ical_tokens').selectAll().where('token_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();
}

export function programmeUnit(db: DbOrTrx, programmeId: string) {
  return db.selectFrom('programmes').select(['unit_id']).where('id', '=', programmeId).executeTakeFirst();
}

export function insertSeries(db: DbOrTrx, row: ActivitySeriesTable) {
  return db.insertInto('activity_series').values(row).execute();
}

export function activeStations(db: DbOrTrx) {
  return db.selectFrom('units').select(['id', 'name', 'sort']).where('kind', '=', 'station').where('archived', '=', 0).orderBy('sort').execute();
}

export function feedUnit(db: DbOrTrx, unitId: string) {
  return db.selectFrom('units').select(['id', 'name', 'kind']).where('id', '=', unitId).where('archived', '=', 0).executeTakeFirst();
}

export function allUnitIds(db: DbOrTrx) {
  return db.selectFrom('units').select('id').execute();
}

/** Held practice activities of some units in [from, to), with what a citation shows: one query. */
export function heldActivitiesOfUnits(db: DbOrTrx, unitIds: string[], fromIso: string, toIso: string) {
  if (unitIds.length === 0) return Promise.resolve([] as { id: string; unit_id: string; title: string; starts_at: string }[]);
  return db
    .selectFrom('activities')
    .select(['id', 'unit_id', 'title', 'starts_at'])
    .where('unit_id', 'in', unitIds)
    .where('type', '=', 'service')
    .where('status', 'in', ['in_progress', 'ended', 'summarised'])
    .where('starts_at', '>=', fromIso)
    .where('starts_at', '<', toIso)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

/**
 * For the assessment (考核): the stations' activities that started or ended within [from, to) and
 * were held (in progress, ended or summarised), with their summary's time and lateness. One statement.
 */
export function heldActivitiesOfStations(db: DbOrTrx, unitIds: string[], from: string, to: string) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('activities')
    .leftJoin('activity_summaries', 'activity_summaries.activity_id', 'activities.id')
    .select([
      'activities.id',
      'activities.unit_id',
      'activities.title',
      'activities.starts_at',
      'activities.ends_at',
      'activity_summaries.submitted_at as summarised_at',
      'activity_summaries.late as summary_late',
    ])
    .where('activities.unit_id', 'in', unitIds)
    .where('activities.status', 'in', ['in_progress', 'ended', 'summarised'])
    .where((eb) =>
      eb.or([
        eb.and([eb('activities.starts_at', '>=', from), eb('activities.starts_at', '<', to)]),
        eb.and([eb('activities.ends_at', '>=', from), eb('activities.ends_at', '<', to)]),
      ]),
    )
    .orderBy('activities.starts_at')
    .orderBy('activities.id')
    .execute();
}

/** Id, unit, title, status and start of the given activities (read by the activity plans through activities.lookup). */
export function activitySummariesForPlans(db: DbOrTrx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('activities').select(['id', 'unit_id', 'title', 'status', 'starts_at']).where('id', 'in', ids).execute();
}

/** Published service activities (recruiting or full) not yet held, of these stations in [from, to): the months ahead. */
export function plannedPerMonth(db: DbOrTrx, unitIds: string[], fromIso: string, toIso: string) {
  if (unitIds.length === 0) return Promise.resolve([] as { unit_id: string; starts_at: string }[]);
  return db
    .selectFrom('activities')
    .select(['unit_id', 'starts_at'])
    .where('unit_id', 'in', unitIds)
    .where('type', '=', 'service')
    .where('status', 'in', ['published', 'full'])
    .where('starts_at', '>=', fromIso)
    .where('starts_at', '<', toIso)
    .execute();
}

/** The units whose activities the public calendar shows: institutes and stations still in use. */
export function publicUnitIds(db: DbOrTrx) {
  return db.selectFrom('units').select('id').where('archived', '=', 0).where('kind', '!=', 'district').execute();
}

/** The units' public (office) phones, for the public calendar. */
export function unitPhones(db: DbOrTrx, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([] as { id: string; phone: string | null }[]);
  return db.selectFrom('units').select(['id', 'phone']).where('id', 'in', unitIds).execute();
}

/** Title, unit, start and the closing summary (when there is one) of some activities: one query. */
export function activitiesWithSummaries(db: DbOrTrx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('activities')
    .leftJoin('activity_summaries', 'activity_summaries.activity_id', 'activities.id')
    .select([
      'activities.id',
      'activities.unit_id',
      'activities.title',
      'activities.starts_at',
      'activity_summaries.notes',
      'activity_summaries.served_count',
      'activity_summaries.photo_file_ids',
    ])
    .where('activities.id', 'in', ids)
    .execute();
}

/**
 * For the reports (月报/年报): the practice activities of some units held (in progress, ended or
 * summarised) that started within [from, to), with their programme's name and how many volunteers
 * checked in. One statement.
 */
export async function heldActivitiesForReport(db: DbOrTrx, unitIds: string[], from: string, to: string) {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('activities')
    .leftJoin('programmes', 'programmes.id', 'activities.programme_id')
    .where('activities.unit_id', 'in', unitIds)
    .where('activities.type', '=', 'service')
    .where('activities.status', 'in', ['in_progress', 'ended', 'summarised'])
    .where('activities.starts_at', '>=', from)
    .where('activities.starts_at', '<', to)
    .select((eb) => [
      'activities.id',
      'activities.unit_id',
      'activities.programme_id',
      'programmes.name as programme_name',
      'activities.title',
      'activities.starts_at',
      eb
        .selectFrom('checkins')
        .whereRef('checkins.activity_id', '=', 'activities.id')
        .select((e) => e.fn.count<number | string>('checkins.volunteer_id').distinct().as('n'))
        .as('participants'),
    ])
    .orderBy('activities.starts_at')
    .orderBy('activities.id')
    .execute();
  return rows.map((r) => ({ ...r, participants: Number(r.participants ?? 0) }));
}

/** 个人信息权利: a volunteer's sign-ups with the activity's title and start. */
export function signupsOfVolunteerWithTitles(db: DbOrTrx, volunteerId: string) {
  return db
    .selectFrom('signups')
    .innerJoin('activities', 'activities.id', 'signups.activity_id')
    .select(['activities.title', 'activities.starts_at', 'signups.status', 'signups.channel', 'signups.reason', 'signups.created_at'])
    .where('signups.volunteer_id', '=', volunteerId)
    .orderBy('activities.starts_at')
    .execute();
}
