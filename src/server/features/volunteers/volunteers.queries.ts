import type { ExpressionBuilder } from 'kysely';
import type { Database, PeopleTable, VolunteersTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

export type VolunteerRow = VolunteersTable & {
  name: string;
  phone: string | null;
  gender: string | null;
  birth_date: string | null;
  id_type: string | null;
  id_number_masked: string | null;
  station_name: string;
  approved_minutes: number;
  /** Who recorded the consent, by name: in the row, so a page needs no second look-up. */
  consent_by_name: string | null;
};

/** The volunteer's approved minutes, kept by the hours ledger in `volunteer_totals` (no row yet: none). */
function approvedMinutes(eb: ExpressionBuilder<Database, 'volunteers'>) {
  return eb.selectFrom('volunteer_totals').select('volunteer_totals.approved_minutes').whereRef('volunteer_totals.volunteer_id', '=', 'volunteers.id');
}

function base(db: DbOrTrx) {
  return db
    .selectFrom('volunteers')
    .innerJoin('people', 'people.id', 'volunteers.person_id')
    .innerJoin('units', 'units.id', 'volunteers.station_id')
    .selectAll('volunteers')
    .select([
      'people.name',
      'people.phone',
      'people.gender',
      'people.birth_date',
      'people.id_type',
      'people.id_number_masked',
      'units.name as station_name',
      (eb) => approvedMinutes(eb).as('approved_minutes'),
      (eb) => eb.selectFrom('accounts').select('accounts.display_name').whereRef('accounts.id', '=', 'volunteers.consent_by').as('consent_by_name'),
    ]);
}

function normalise(r: VolunteerRow): VolunteerRow {
  return { ...r, approved_minutes: Number(r.approved_minutes ?? 0) };
}

export async function getVolunteer(db: DbOrTrx, id: string): Promise<VolunteerRow | undefined> {
  const r = await base(db).where('volunteers.id', '=', id).executeTakeFirst();
  return r ? normalise(r as VolunteerRow) : undefined;
}

export interface VolunteerFilter {
  stationIds: string[];
  status?: string;
  q?: string;
  skill?: string;
  category?: string;
  serviceCategory?: string;
  availability?: string;
  bornOnOrBefore?: string;
  bornAfter?: string;
  minMinutes?: number;
  maxMinutes?: number;
}

/** Talent pool search (人才库). JSON arrays are matched as text, which works the same on both databases. */
/** The shape of the filter query with the person joined (the type the filters are written against). */
const joined = (db: DbOrTrx) => db.selectFrom('volunteers').innerJoin('people', 'people.id', 'volunteers.person_id');

export async function listVolunteers(db: DbOrTrx, f: VolunteerFilter, limit: number, offset: number) {
  if (f.stationIds.length === 0) return { rows: [] as VolunteerRow[], total: 0 };
  // The person is joined only for a filter on the person: a street's count and page then read one index
  // (volunteers_station_created) instead of every volunteer's and person's row (issue 13).
  const byPerson = Boolean(f.q || f.bornOnOrBefore || f.bornAfter);
  const from = db.selectFrom('volunteers');
  let qb = (byPerson ? from.innerJoin('people', 'people.id', 'volunteers.person_id') : from).where('volunteers.station_id', 'in', f.stationIds) as ReturnType<
    typeof joined
  >;
  if (f.status) qb = qb.where('volunteers.status', '=', f.status as VolunteersTable['status']);
  if (f.category) qb = qb.where('volunteers.category', '=', f.category);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, '')}%`;
    qb = qb.where((eb) => eb.or([eb('people.name', 'like', like), eb('volunteers.volunteer_no', '=', f.q as string), eb('people.phone', '=', f.q as string)]));
  }
  if (f.skill) qb = qb.where('volunteers.skills', 'like', `%${JSON.stringify(f.skill).slice(1, -1).replace(/[%_]/g, '')}%`);
  if (f.serviceCategory) qb = qb.where('volunteers.service_categories', 'like', `%"${f.serviceCategory}"%`);
  if (f.availability) qb = qb.where('volunteers.availability', 'like', `%"${f.availability}"%`);
  if (f.bornOnOrBefore) qb = qb.where('people.birth_date', '<=', f.bornOnOrBefore);
  if (f.bornAfter) qb = qb.where('people.birth_date', '>', f.bornAfter);
  const min = f.minMinutes ?? 0;
  const max = f.maxMinutes;
  if (max !== undefined && max <= min) return { rows: [] as VolunteerRow[], total: 0 };
  // The hours and star filters read the running totals (a volunteer without a row has 0 minutes) as the
  // set of the scope's volunteers in the band: one range of the totals' (station, approved minutes) index
  // per station (migration 0032), not a lookup per volunteer of the street nor a walk of the district's band.
  const band = (eb: ExpressionBuilder<Database, 'volunteers'>, from: number, to?: number) => {
    const q = eb
      .selectFrom('volunteer_totals')
      .select('volunteer_totals.volunteer_id')
      .where('volunteer_totals.station_id', 'in', f.stationIds)
      .where('volunteer_totals.approved_minutes', '>=', from);
    return to === undefined ? q : q.where('volunteer_totals.approved_minutes', '<', to);
  };
  if (min > 0) qb = qb.where('volunteers.id', 'in', (eb) => band(eb, min, max));
  else if (max !== undefined) qb = qb.where('volunteers.id', 'not in', (eb) => band(eb, max));
  const [{ total }] = await qb.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const ids = await qb.select('volunteers.id').orderBy('volunteers.created_at', 'desc').orderBy('volunteers.id').limit(limit).offset(offset).execute();
  if (ids.length === 0) return { rows: [], total: Number(total) };
  const rows = (
    await base(db)
      .where(
        'volunteers.id',
        'in',
        ids.map((r) => r.id),
      )
      .execute()
  ).map((r) => normalise(r as VolunteerRow));
  const order = new Map(ids.map((r, i) => [r.id, i]));
  rows.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  return { rows, total: Number(total) };
}

export function findPersonByIdHash(db: DbOrTrx, hash: string) {
  return db.selectFrom('people').selectAll().where('id_number_hash', '=', hash).executeTakeFirst();
}

export function findPersonByPhone(db: DbOrTrx, phone: string) {
  return db.selectFrom('people').selectAll().where('phone', '=', phone).executeTakeFirst();
}

export function volunteerForPerson(db: DbOrTrx, personId: string) {
  return db.selectFrom('volunteers').select(['id', 'station_id']).where('person_id', '=', personId).executeTakeFirst();
}

export function insertPerson(db: DbOrTrx, row: PeopleTable) {
  return db.insertInto('people').values(row).execute();
}

export function updatePerson(db: DbOrTrx, id: string, patch: Partial<PeopleTable>) {
  return db.updateTable('people').set(patch).where('id', '=', id).execute();
}

export function insertVolunteer(db: DbOrTrx, row: VolunteersTable) {
  return db.insertInto('volunteers').values(row).execute();
}

/** Volunteers whose emergency or guardian phone is still in the clear (written before migration 0033). */
export function plainContactPhones(db: DbOrTrx) {
  return db
    .selectFrom('volunteers')
    .select(['id', 'emergency_phone', 'guardian_phone'])
    .where((eb) => eb.or([eb('emergency_phone', 'is not', null), eb('guardian_phone', 'is not', null)]))
    .orderBy('id')
    .execute();
}

export function updateVolunteer(db: DbOrTrx, id: string, patch: Partial<VolunteersTable>) {
  return db.updateTable('volunteers').set(patch).where('id', '=', id).execute();
}

export function insertStatusLog(
  db: DbOrTrx,
  row: { id: string; volunteer_id: string; from_status: string | null; to_status: string; reason: string | null; actor_id: string | null; at: string },
) {
  return db.insertInto('volunteer_status_log').values(row).execute();
}

export function listStatusLog(db: DbOrTrx, volunteerId: string) {
  return db
    .selectFrom('volunteer_status_log')
    .leftJoin('accounts', 'accounts.id', 'volunteer_status_log.actor_id')
    .select([
      'volunteer_status_log.from_status',
      'volunteer_status_log.to_status',
      'volunteer_status_log.reason',
      'volunteer_status_log.at',
      'accounts.display_name as actor_name',
    ])
    .where('volunteer_status_log.volunteer_id', '=', volunteerId)
    .orderBy('volunteer_status_log.at', 'desc')
    .execute();
}

export function stationsOf(db: DbOrTrx, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([] as { id: string; name: string }[]);
  return db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).where('kind', '=', 'station').where('archived', '=', 0).execute();
}

/** A guarded update: only while the volunteer is still in the given status. */
export function moveVolunteer(db: DbOrTrx, id: string, fromStatus: VolunteersTable['status'], patch: Partial<VolunteersTable>) {
  return db.updateTable('volunteers').set(patch).where('id', '=', id).where('status', '=', fromStatus).executeTakeFirst();
}

export function personIdNumber(db: DbOrTrx, personId: string) {
  return db.selectFrom('people').select(['id_number_enc']).where('id', '=', personId).executeTakeFirst();
}

/** For the assessment (考核): volunteers of the given stations certified within [from, to), with their names. One statement. */
export function certifiedBetween(db: DbOrTrx, stationIds: string[], from: string, to: string) {
  if (stationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('volunteers')
    .innerJoin('people', 'people.id', 'volunteers.person_id')
    .select(['volunteers.id', 'volunteers.station_id', 'people.name', 'volunteers.certified_at'])
    .where('volunteers.station_id', 'in', stationIds)
    .where('volunteers.status', 'in', ['certified', 'suspended', 'exited'])
    .where('volunteers.certified_at', '>=', from)
    .where('volunteers.certified_at', '<', to)
    .orderBy('volunteers.certified_at')
    .orderBy('volunteers.id')
    .execute();
}

/** Registrations waiting for review at some stations. */
export async function countReviewing(db: DbOrTrx, stationIds: string[]): Promise<number> {
  if (stationIds.length === 0) return 0;
  const r = await db
    .selectFrom('volunteers')
    .where('station_id', 'in', stationIds)
    .where('status', '=', 'reviewing')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** For the reports (月报/年报): the volunteers of some stations certified before `to` (status now certified, suspended or exited). */
export function certifiedBefore(db: DbOrTrx, stationIds: string[], to: string) {
  if (stationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('volunteers')
    .select(['volunteers.id', 'volunteers.station_id', 'volunteers.status', 'volunteers.certified_at'])
    .where('volunteers.station_id', 'in', stationIds)
    .where('volunteers.status', 'in', ['certified', 'suspended', 'exited'])
    .where('volunteers.certified_at', '<', to)
    .orderBy('volunteers.certified_at')
    .orderBy('volunteers.id')
    .execute();
}

/** 个人信息权利: the person's own row (no ciphertext, no blind index) and their volunteer record, if any. */
export function personForExport(db: DbOrTrx, personId: string) {
  return db
    .selectFrom('people')
    .select(['id', 'name', 'phone', 'gender', 'birth_date', 'id_type', 'id_number_masked', 'id_number_enc', 'created_at'])
    .where('id', '=', personId)
    .executeTakeFirst();
}

export function volunteerRowOfPerson(db: DbOrTrx, personId: string) {
  return db.selectFrom('volunteers').selectAll().where('person_id', '=', personId).executeTakeFirst();
}

export function erasePersonRow(db: DbOrTrx, personId: string, name: string, now: string) {
  return db
    .updateTable('people')
    .set({
      name,
      phone: null,
      gender: null,
      birth_date: null,
      id_type: null,
      id_number_enc: null,
      id_number_hash: null,
      id_number_tail: null,
      id_number_masked: null,
      updated_at: now,
    })
    .where('id', '=', personId)
    .execute();
}

export function eraseVolunteerRows(db: DbOrTrx, personId: string, now: string) {
  return db
    .updateTable('volunteers')
    .set({
      political_status: null,
      education: null,
      ethnicity: null,
      email: null,
      employment: null,
      residence_area: null,
      emergency_name: null,
      emergency_phone: null,
      emergency_phone_enc: null,
      emergency_phone_masked: null,
      guardian_name: null,
      guardian_phone: null,
      guardian_phone_enc: null,
      guardian_phone_masked: null,
      guardian_relation: null,
      consent_file_id: null,
      insured_until: null,
      updated_at: now,
    })
    .where('person_id', '=', personId)
    .execute();
}

/** Full ID numbers (encrypted), phones and e-mails of some volunteers: only for the national export, which is audited. */
export function fullIdentities(db: DbOrTrx, volunteerIds: string[]) {
  if (volunteerIds.length === 0) return Promise.resolve([] as { id: string; id_number_enc: string | null; phone: string | null; email: string | null }[]);
  return db
    .selectFrom('volunteers')
    .innerJoin('people', 'people.id', 'volunteers.person_id')
    .select(['volunteers.id', 'people.id_number_enc', 'people.phone', 'volunteers.email'])
    .where('volunteers.id', 'in', volunteerIds)
    .execute();
}
