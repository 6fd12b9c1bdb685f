import { sql } from 'kysely';
import type { AwardsTable, CorrectionRequestsTable, ServiceRecordsTable, StarLevelsTable, TrainingRecordsTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export type RecordRow = ServiceRecordsTable & {
  volunteer_name: string;
  volunteer_no: string | null;
  volunteer_person_id: string;
  volunteer_station_id: string;
  entered_by_name: string | null;
  decided_by_name: string | null;
};

function base(db: DbOrTrx) {
  return db
    .selectFrom('service_records')
    .innerJoin('volunteers', 'volunteers.id', 'service_records.volunteer_id')
    .innerJoin('people', 'people.id', 'volunteers.person_id')
    .leftJoin('accounts as entered', 'entered.id', 'service_records.entered_by')
    .leftJoin('accounts as decided', 'decided.id', 'service_records.decided_by')
    .selectAll('service_records')
    .select([
      'people.name as volunteer_name',
      'volunteers.volunteer_no',
      'volunteers.person_id as volunteer_person_id',
      'volunteers.station_id as volunteer_station_id',
      'entered.display_name as entered_by_name',
      'decided.display_name as decided_by_name',
    ]);
}

export function getRecord(db: DbOrTrx, id: string): Promise<RecordRow | undefined> {
  return base(db).where('service_records.id', '=', id).executeTakeFirst() as Promise<RecordRow | undefined>;
}

export interface RecordFilter {
  /**
   * The roots of the caller's scope (a union of whole subtrees): a record is listed when its unit or its
   * volunteer's station lies under one of them, read from `service_record_units` by one indexed column.
   */
  scopeRoots?: string[];
  volunteerId?: string;
  status?: string;
  source?: string;
  late?: boolean;
  from?: string;
  to?: string;
}

/** The records a filter selects, as (record_id, service_date, entered_at, status) rows named `sru`, joined to the ledger. */
function filtered(db: DbOrTrx, f: RecordFilter) {
  const roots = f.scopeRoots;
  let sru = db.selectFrom('service_record_units as sru');
  if (roots && roots.length === 1) sru = sru.where('sru.unit_id', '=', roots[0]);
  else if (roots) {
    // Several roots (grants on separate subtrees): a record under two of them is listed once.
    const distinct = db
      .selectFrom('service_record_units')
      .where('unit_id', 'in', roots)
      .select(['record_id', 'service_date', 'entered_at', 'status'])
      .distinct()
      .as('sru');
    sru = db.selectFrom(distinct) as unknown as typeof sru;
  } else if (f.volunteerId) {
    const own = db.selectFrom('service_records').where('volunteer_id', '=', f.volunteerId).select(['id as record_id', 'service_date', 'entered_at']).as('sru');
    sru = db.selectFrom(own) as unknown as typeof sru;
  } else throw new Error('listRecords needs a scope or a volunteer');
  let qb = sru.innerJoin('service_records', 'service_records.id', 'sru.record_id');
  if (f.volunteerId) qb = qb.where('service_records.volunteer_id', '=', f.volunteerId);
  if (f.status) qb = qb.where('sru.status', '=', f.status as ServiceRecordsTable['status']);
  if (f.source) qb = qb.where('service_records.source', '=', f.source as ServiceRecordsTable['source']);
  if (f.late !== undefined) qb = qb.where('service_records.late', '=', f.late ? 1 : 0);
  if (f.from) qb = qb.where('sru.service_date', '>=', f.from);
  if (f.to) qb = qb.where('sru.service_date', '<=', f.to);
  return qb;
}

/**
 * One page of records, newest service day first, and a count that stops at `countCap`: past it the
 * total is `countCap` and `capped` says there are more, so no request counts the whole district.
 */
export async function listRecords(db: DbOrTrx, f: RecordFilter, limit: number, offset: number, countCap = Number.MAX_SAFE_INTEGER - 1) {
  if (f.scopeRoots && f.scopeRoots.length === 0) return { rows: [] as RecordRow[], total: 0, capped: false };
  const qb = filtered(db, f);
  const bounded = qb
    .select(sql.lit(1).as('one'))
    .limit(countCap + 1)
    .as('c');
  const [{ n }] = await db
    .selectFrom(bounded)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .execute();
  const count = Number(n);
  const ids = await qb
    .select('sru.record_id')
    .orderBy('sru.service_date', 'desc')
    .orderBy('sru.entered_at', 'desc')
    .orderBy('sru.record_id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  if (ids.length === 0) return { rows: [] as RecordRow[], total: Math.min(count, countCap), capped: count > countCap };
  const rows = (await base(db)
    .where(
      'service_records.id',
      'in',
      ids.map((r) => r.record_id),
    )
    .execute()) as RecordRow[];
  const order = new Map(ids.map((r, i) => [r.record_id, i]));
  rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { rows, total: Math.min(count, countCap), capped: count > countCap };
}

export function insertRecord(db: DbOrTrx, row: ServiceRecordsTable) {
  return db.insertInto('service_records').values(row).execute();
}

/**
 * The units that see a new record: its unit, its volunteer's station and every ancestor of either,
 * once each, in one statement (the tree is walked in the database, inside the entry's transaction).
 */
export function insertRecordUnits(db: DbOrTrx, r: Pick<ServiceRecordsTable, 'id' | 'unit_id' | 'volunteer_id' | 'service_date' | 'entered_at'>) {
  return sql`WITH RECURSIVE anc(id) AS (
      SELECT CAST(${r.unit_id} AS TEXT)
      UNION SELECT station_id FROM volunteers WHERE id = ${r.volunteer_id}
      UNION SELECT u.parent_id FROM anc JOIN units u ON u.id = anc.id WHERE u.parent_id IS NOT NULL
    )
    INSERT INTO service_record_units (record_id, unit_id, service_date, entered_at, status)
    SELECT CAST(${r.id} AS TEXT), id, CAST(${r.service_date} AS TEXT), CAST(${r.entered_at} AS TEXT), 'pending' FROM anc`.execute(db);
}

/** The decision of a pending record, on its scope rows too (the list filters by status on them). */
export function decideRecordUnits(db: DbOrTrx, recordId: string, status: 'approved' | 'rejected') {
  return db.updateTable('service_record_units').set({ status }).where('record_id', '=', recordId).where('status', '=', 'pending').execute();
}

/** Moves a volunteer's running totals by signed minutes (the row is made on their first entry). */
export function moveTotals(db: DbOrTrx, volunteerId: string, delta: { approved: number; pending: number }, at: string) {
  return db
    .insertInto('volunteer_totals')
    .values((eb) => ({
      volunteer_id: volunteerId,
      station_id: eb.selectFrom('volunteers').select('volunteers.station_id').where('volunteers.id', '=', volunteerId),
      approved_minutes: delta.approved,
      pending_minutes: delta.pending,
      updated_at: at,
    }))
    .onConflict((oc) =>
      oc.column('volunteer_id').doUpdateSet({
        approved_minutes: sql`volunteer_totals.approved_minutes + ${delta.approved}`,
        pending_minutes: sql`volunteer_totals.pending_minutes + ${delta.pending}`,
        updated_at: at,
      }),
    )
    .execute();
}

/**
 * Fills the scope rows and the totals from service records written without the ledger (the demo
 * seed writes its history in bulk): the same statements migration 0028 ran on existing rows.
 */
export async function fillBesideLedger(db: DbOrTrx, at: string) {
  await sql`
    WITH RECURSIVE anc(unit_id, ancestor_id) AS (
      SELECT id, id FROM units
      UNION ALL
      SELECT anc.unit_id, u.parent_id FROM anc JOIN units u ON u.id = anc.ancestor_id WHERE u.parent_id IS NOT NULL
    )
    INSERT INTO service_record_units (record_id, unit_id, service_date, entered_at, status)
    SELECT DISTINCT sr.id, anc.ancestor_id, sr.service_date, sr.entered_at, sr.status
    FROM service_records sr
    JOIN volunteers v ON v.id = sr.volunteer_id
    JOIN anc ON anc.unit_id = sr.unit_id OR anc.unit_id = v.station_id
    WHERE NOT EXISTS (SELECT 1 FROM service_record_units x WHERE x.record_id = sr.id)`.execute(db);
  await sql`
    INSERT INTO volunteer_totals (volunteer_id, station_id, approved_minutes, pending_minutes, updated_at)
    SELECT sr.volunteer_id, MIN(v.station_id),
      COALESCE(SUM(CASE WHEN sr.status = 'approved' THEN sr.minutes ELSE 0 END), 0),
      COALESCE(SUM(CASE WHEN sr.status = 'pending' THEN sr.minutes ELSE 0 END), 0),
      ${at}
    FROM service_records sr
    JOIN volunteers v ON v.id = sr.volunteer_id
    WHERE NOT EXISTS (SELECT 1 FROM volunteer_totals t WHERE t.volunteer_id = sr.volunteer_id)
    GROUP BY sr.volunteer_id`.execute(db);
}

/** A volunteer's running totals (zero before their first entry). */
export async function totalsOf(db: DbOrTrx, volunteerId: string): Promise<{ approved: number; pending: number }> {
  const r = await db.selectFrom('volunteer_totals').select(['approved_minutes', 'pending_minutes']).where('volunteer_id', '=', volunteerId).executeTakeFirst();
  return { approved: Number(r?.approved_minutes ?? 0), pending: Number(r?.pending_minutes ?? 0) };
}

/** For verify-totals: every volunteer's sums from the ledger itself, and every totals row. */
export async function ledgerSumsAndTotals(db: DbOrTrx) {
  const sums = await db
    .selectFrom('service_records')
    .select((eb) => [
      'volunteer_id',
      eb.fn.sum<number | string>(sql`CASE WHEN status = 'approved' THEN minutes ELSE 0 END`).as('approved'),
      eb.fn.sum<number | string>(sql`CASE WHEN status = 'pending' THEN minutes ELSE 0 END`).as('pending'),
    ])
    .groupBy('volunteer_id')
    .execute();
  const totals = await db.selectFrom('volunteer_totals').select(['volunteer_id', 'approved_minutes', 'pending_minutes']).execute();
  return { sums, totals };
}

/** Decides a pending record; 0 rows means someone else decided it first. */
export async function decideRecord(
  db: DbOrTrx,
  id: string,
  patch: { status: 'approved' | 'rejected'; decided_by: string; decided_at: string; decision_note: string | null },
) {
  const res = await db.updateTable('service_records').set(patch).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Records of one volunteer whose time overlaps [start, end). Corrections carry no time of their own. */
export function overlapping(db: DbOrTrx, volunteerId: string, start: string, end: string) {
  return db
    .selectFrom('service_records')
    .select(['id', 'title', 'service_date'])
    .where('volunteer_id', '=', volunteerId)
    .where('status', 'in', ['pending', 'approved'])
    .where('source', '!=', 'correction')
    .where('start_at', '<', end)
    .where('end_at', '>', start)
    .execute();
}

export async function approvedMinutes(db: DbOrTrx, volunteerId: string): Promise<number> {
  const r = await db
    .selectFrom('service_records')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('minutes'), sql<number>`0`).as('m'))
    .where('volunteer_id', '=', volunteerId)
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow();
  return Number(r.m);
}

/** The original's minutes plus every approved correction of it. */
export async function netMinutesOf(db: DbOrTrx, originalId: string): Promise<number> {
  const r = await db
    .selectFrom('service_records')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('minutes'), sql<number>`0`).as('m'))
    .where((eb) => eb.or([eb('id', '=', originalId), eb('corrects_id', '=', originalId)]))
    .where('status', '=', 'approved')
    .executeTakeFirstOrThrow();
  return Number(r.m);
}

export function minutesByYear(db: DbOrTrx, volunteerId: string) {
  return db
    .selectFrom('service_records')
    .select([
      (eb) => eb.fn<string>('substr', ['service_date', sql.lit(1), sql.lit(4)]).as('year'),
      (eb) => eb.fn.sum<number>('minutes').as('minutes'),
      (eb) => eb.fn.countAll<number>().as('records'),
    ])
    .where('volunteer_id', '=', volunteerId)
    .where('status', '=', 'approved')
    .groupBy((eb) => eb.fn<string>('substr', ['service_date', sql.lit(1), sql.lit(4)]))
    .orderBy('year', 'desc')
    .execute();
}

export async function pendingMinutes(db: DbOrTrx, volunteerId: string): Promise<number> {
  const r = await db
    .selectFrom('service_records')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('minutes'), sql<number>`0`).as('m'))
    .where('volunteer_id', '=', volunteerId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(r.m);
}

export function lastStarLevel(db: DbOrTrx, volunteerId: string) {
  return db
    .selectFrom('star_levels')
    .select(['level'])
    .where('volunteer_id', '=', volunteerId)
    .orderBy('at', 'desc')
    .orderBy('level', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function insertStarLevel(db: DbOrTrx, row: StarLevelsTable) {
  return db.insertInto('star_levels').values(row).execute();
}

export function starHistory(db: DbOrTrx, volunteerId: string) {
  return db.selectFrom('star_levels').selectAll().where('volunteer_id', '=', volunteerId).orderBy('at', 'desc').execute();
}

/** One page of the recognition list: who reached which level, newest first, within some stations. */
export async function pageRecognitions(db: DbOrTrx, stationIds: string[], page: { limit: number; offset: number }) {
  if (stationIds.length === 0) return { rows: [], total: 0 };
  const base = db
    .selectFrom('star_levels')
    .innerJoin('volunteers', 'volunteers.id', 'star_levels.volunteer_id')
    .where('volunteers.station_id', 'in', stationIds)
    .where((eb) => eb('star_levels.level', '>', eb.ref('star_levels.previous_level')));
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base
    .innerJoin('people', 'people.id', 'volunteers.person_id')
    .innerJoin('units', 'units.id', 'volunteers.station_id')
    .select([
      'star_levels.id',
      'star_levels.volunteer_id',
      'star_levels.level',
      'star_levels.previous_level',
      'star_levels.minutes',
      'star_levels.at',
      'people.name',
      'volunteers.volunteer_no',
      'units.name as station_name',
    ])
    .orderBy('star_levels.at', 'desc')
    .orderBy('star_levels.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(total) };
}

export function insertTraining(db: DbOrTrx, row: TrainingRecordsTable) {
  return db.insertInto('training_records').values(row).execute();
}
export function getTrainingRecord(db: DbOrTrx, id: string) {
  return db.selectFrom('training_records').selectAll().where('id', '=', id).executeTakeFirst();
}

export function trainingCounterEntryOf(db: DbOrTrx, id: string) {
  return db.selectFrom('training_records').select('id').where('corrects_id', '=', id).executeTakeFirst();
}

/**
 * One page of a volunteer's standing training, latest first: a withdrawn record and its counter-entry
 * net to nothing, so neither is listed (both stay in the table).
 */
export async function pageTraining(db: DbOrTrx, volunteerId: string, page: { limit: number; offset: number }) {
  const base = db
    .selectFrom('training_records')
    .where('volunteer_id', '=', volunteerId)
    .where('corrects_id', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('training_records as counter').select('counter.id').whereRef('counter.corrects_id', '=', 'training_records.id'))),
    );
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base.selectAll().orderBy('held_on', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute();
  return { rows, total: Number(total) };
}
export function insertAward(db: DbOrTrx, row: AwardsTable) {
  return db.insertInto('awards').values(row).execute();
}
/** One page of a volunteer's awards, latest first. */
export async function pageAwards(db: DbOrTrx, volunteerId: string, page: { limit: number; offset: number }) {
  const base = db.selectFrom('awards').where('volunteer_id', '=', volunteerId);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base.selectAll().orderBy('awarded_on', 'desc').orderBy('id').limit(page.limit).offset(page.offset).execute();
  return { rows, total: Number(total) };
}

export function insertCorrectionRequest(db: DbOrTrx, row: CorrectionRequestsTable) {
  return db.insertInto('correction_requests').values(row).execute();
}
export function getCorrectionRequest(db: DbOrTrx, id: string) {
  return db.selectFrom('correction_requests').selectAll().where('id', '=', id).executeTakeFirst();
}
export function listCorrectionRequests(db: DbOrTrx, f: { unitIds?: string[]; volunteerId?: string; status?: string }) {
  let qb = db
    .selectFrom('correction_requests')
    .innerJoin('volunteers', 'volunteers.id', 'correction_requests.volunteer_id')
    .innerJoin('people', 'people.id', 'volunteers.person_id')
    .leftJoin('service_records', 'service_records.id', 'correction_requests.record_id')
    .selectAll('correction_requests')
    .select(['people.name as volunteer_name', 'service_records.title as record_title']);
  if (f.unitIds) qb = f.unitIds.length ? qb.where('correction_requests.unit_id', 'in', f.unitIds) : qb.where(sql<boolean>`1 = 0`);
  if (f.volunteerId) qb = qb.where('correction_requests.volunteer_id', '=', f.volunteerId);
  if (f.status) qb = qb.where('correction_requests.status', '=', f.status as CorrectionRequestsTable['status']);
  return qb.orderBy('correction_requests.created_at', 'desc').limit(200).execute();
}
/** One page of correction requests, newest first. */
export async function pageCorrectionRequests(
  db: DbOrTrx,
  f: { unitIds?: string[]; volunteerId?: string; status?: string },
  page: { limit: number; offset: number },
) {
  let base = db.selectFrom('correction_requests');
  if (f.unitIds) base = f.unitIds.length ? base.where('correction_requests.unit_id', 'in', f.unitIds) : base.where(sql<boolean>`1 = 0`);
  if (f.volunteerId) base = base.where('correction_requests.volunteer_id', '=', f.volunteerId);
  if (f.status) base = base.where('correction_requests.status', '=', f.status as CorrectionRequestsTable['status']);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base
    .innerJoin('volunteers', 'volunteers.id', 'correction_requests.volunteer_id')
    .innerJoin('people', 'people.id', 'volunteers.person_id')
    .leftJoin('service_records', 'service_records.id', 'correction_requests.record_id')
    .selectAll('correction_requests')
    .select(['people.name as volunteer_name', 'service_records.title as record_title'])
    .orderBy('correction_requests.created_at', 'desc')
    .orderBy('correction_requests.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(total) };
}
export async function resolveCorrectionRequest(
  db: DbOrTrx,
  id: string,
  patch: { status: 'resolved' | 'declined'; resolution: string; resolved_by: string; resolved_at: string },
) {
  const res = await db.updateTable('correction_requests').set(patch).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(res.numUpdatedRows);
}

export function unitName(db: DbOrTrx, unitId: string) {
  return db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirstOrThrow();
}

/** Rises to a new star level within [from, to) of volunteers of some stations, with name and station; oldest first. */
export async function starRisesBetween(db: DbOrTrx, stationIds: string[], from: string, to: string) {
  if (stationIds.length === 0) return [];
  return db
    .selectFrom('star_levels')
    .innerJoin('volunteers', 'volunteers.id', 'star_levels.volunteer_id')
    .innerJoin('people', 'people.id', 'volunteers.person_id')
    .innerJoin('units', 'units.id', 'volunteers.station_id')
    .where('volunteers.station_id', 'in', stationIds)
    .where('star_levels.at', '>=', from)
    .where('star_levels.at', '<', to)
    .where((eb) => eb('star_levels.level', '>', eb.ref('star_levels.previous_level')))
    .select([
      'star_levels.volunteer_id',
      'star_levels.level',
      'star_levels.previous_level',
      'star_levels.minutes',
      'star_levels.at',
      'people.name',
      'units.name as station_name',
    ])
    .orderBy('star_levels.at')
    .orderBy('star_levels.id')
    .execute();
}

/** Service records and correction requests waiting for a decision in some units (the staff inbox's 待办). */
export async function countAwaitingDecision(db: DbOrTrx, unitIds: string[]): Promise<{ records: number; corrections: number }> {
  if (unitIds.length === 0) return { records: 0, corrections: 0 };
  const records = await db
    .selectFrom('service_records')
    .where('unit_id', 'in', unitIds)
    .where('status', '=', 'pending')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  const corrections = await db
    .selectFrom('correction_requests')
    .where('unit_id', 'in', unitIds)
    .where('status', '=', 'open')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return { records: Number(records?.n ?? 0), corrections: Number(corrections?.n ?? 0) };
}

/**
 * For the reports (月报/年报): approved ledger rows of some units whose service day falls within
 * [fromDay, toDay] (China days), summed per unit and volunteer in one statement. Corrections are
 * approved rows too (signed minutes), so the sums are the ledger's.
 */
export async function approvedMinutesOfUnits(db: DbOrTrx, unitIds: string[], fromDay: string, toDay: string) {
  if (unitIds.length === 0) return [];
  const rows = await db
    .selectFrom('service_records')
    .where('unit_id', 'in', unitIds)
    .where('status', '=', 'approved')
    .where('service_date', '>=', fromDay)
    .where('service_date', '<=', toDay)
    .select((eb) => ['unit_id', 'volunteer_id', eb.fn.sum<number | string>('minutes').as('minutes'), eb.fn.countAll<number | string>().as('records')])
    .groupBy(['unit_id', 'volunteer_id'])
    .execute();
  return rows.map((r) => ({ unit_id: r.unit_id, volunteer_id: r.volunteer_id, minutes: Number(r.minutes ?? 0), records: Number(r.records) }));
}

/** For the reports: approved minutes written for some activities, per activity, in one statement. */
export async function approvedMinutesOfActivities(db: DbOrTrx, activityIds: string[]) {
  if (activityIds.length === 0) return [];
  const rows = await db
    .selectFrom('service_records')
    .where('activity_id', 'in', activityIds)
    .where('status', '=', 'approved')
    .select((eb) => ['activity_id', eb.fn.sum<number | string>('minutes').as('minutes')])
    .groupBy('activity_id')
    .execute();
  return rows.map((r) => ({ activity_id: r.activity_id as string, minutes: Number(r.minutes ?? 0) }));
}

/** For the reports: every star level reached before `to` by volunteers of some stations, oldest first. */
export function starLevelsBefore(db: DbOrTrx, stationIds: string[], to: string) {
  if (stationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('star_levels')
    .innerJoin('volunteers', 'volunteers.id', 'star_levels.volunteer_id')
    .where('volunteers.station_id', 'in', stationIds)
    .where('star_levels.at', '<', to)
    .select(['star_levels.volunteer_id', 'star_levels.level', 'star_levels.at'])
    .orderBy('star_levels.at')
    .orderBy('star_levels.id')
    .execute();
}

/**
 * The national export (issue 12): approved records (not the counter-entries) of these units in a
 * period, with the approved corrections netted into `net_minutes`, and the volunteer's ID.
 */
export function approvedForNationalExport(db: DbOrTrx, unitIds: string[], from: string, to: string) {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('service_records')
    .innerJoin('volunteers', 'volunteers.id', 'service_records.volunteer_id')
    .innerJoin('people', 'people.id', 'volunteers.person_id')
    .select([
      'service_records.id',
      'service_records.title',
      'service_records.service_date',
      'service_records.start_at',
      'service_records.end_at',
      'service_records.minutes',
      'service_records.place',
      'service_records.content',
      'service_records.organiser_name',
      'service_records.person_in_charge',
      'service_records.entry_method',
      'service_records.activity_id',
      'people.name',
      'people.id_type',
      'people.id_number_enc',
      'volunteers.volunteer_no',
      (eb) =>
        eb
          .selectFrom('service_records as c')
          .select((e) => e.fn.coalesce(e.fn.sum<number>('c.minutes'), sql<number>`0`).as('m'))
          .whereRef('c.corrects_id', '=', 'service_records.id')
          .where('c.status', '=', 'approved')
          .as('corrected_minutes'),
    ])
    .where('service_records.status', '=', 'approved')
    .where('service_records.source', '!=', 'correction')
    .where((eb) => eb.or([eb('service_records.unit_id', 'in', unitIds), eb('volunteers.station_id', 'in', unitIds)]))
    .where('service_records.service_date', '>=', from)
    .where('service_records.service_date', '<=', to)
    .orderBy('service_records.service_date')
    .orderBy('service_records.start_at')
    .orderBy('people.name')
    .execute();
}

/** The natural keys (volunteer, day, start, title) of the records these volunteers already have, for an import's duplicate check. */
export function recordKeysOf(db: DbOrTrx, volunteerIds: string[]) {
  if (volunteerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('service_records')
    .select(['volunteer_id', 'service_date', 'start_at', 'title'])
    .where('volunteer_id', 'in', volunteerIds)
    .where('source', '!=', 'correction')
    .execute();
}
