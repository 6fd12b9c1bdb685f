import type { RoomsTable, VenuesTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

/** One page of venues (all units when `unitIds` is null), by unit, kind and name. */
export async function pageVenues(db: DbOrTrx, unitIds: string[] | null, includeArchived: boolean, page: { limit: number; offset: number }) {
  let base = db.selectFrom('venues').innerJoin('units', 'units.id', 'venues.unit_id');
  if (unitIds) base = base.where('venues.unit_id', 'in', unitIds.length ? unitIds : ['']);
  if (!includeArchived) base = base.where('venues.archived', '=', 0);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base
    .selectAll('venues')
    .select('units.name as unit_name')
    .orderBy('units.sort')
    .orderBy('venues.kind')
    .orderBy('venues.name')
    .orderBy('venues.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(total) };
}

export function getVenue(db: DbOrTrx, id: string) {
  return db
    .selectFrom('venues')
    .innerJoin('units', 'units.id', 'venues.unit_id')
    .selectAll('venues')
    .select('units.name as unit_name')
    .where('venues.id', '=', id)
    .executeTakeFirst();
}

export function listRooms(db: DbOrTrx, venueIds: string[]) {
  if (venueIds.length === 0) return Promise.resolve([] as RoomsTable[]);
  return db.selectFrom('rooms').selectAll().where('venue_id', 'in', venueIds).orderBy('name').execute();
}

export function getRoom(db: DbOrTrx, id: string) {
  return db.selectFrom('rooms').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findVenueByName(db: DbOrTrx, unitId: string, name: string) {
  return db.selectFrom('venues').select('id').where('unit_id', '=', unitId).where('name', '=', name).executeTakeFirst();
}

export function insertVenue(db: DbOrTrx, row: VenuesTable) {
  return db.insertInto('venues').values(row).execute();
}

export function updateVenue(db: DbOrTrx, id: string, patch: Partial<VenuesTable>) {
  return db.updateTable('venues').set(patch).where('id', '=', id).execute();
}

export function insertRoom(db: DbOrTrx, row: RoomsTable) {
  return db.insertInto('rooms').values(row).execute();
}

export function updateRoom(db: DbOrTrx, id: string, patch: Partial<RoomsTable>) {
  return db.updateTable('rooms').set(patch).where('id', '=', id).execute();
}

/** Bookings of a room that overlap [start, end), other than one activity's own. */
export function overlappingBookings(db: DbOrTrx, roomId: string, start: string, end: string, exceptActivityId?: string) {
  let qb = db
    .selectFrom('room_bookings')
    .innerJoin('activities', 'activities.id', 'room_bookings.activity_id')
    .select(['room_bookings.id', 'activities.title', 'room_bookings.starts_at', 'room_bookings.ends_at'])
    .where('room_bookings.room_id', '=', roomId)
    .where('room_bookings.starts_at', '<', end)
    .where('room_bookings.ends_at', '>', start);
  if (exceptActivityId) qb = qb.where('room_bookings.activity_id', '!=', exceptActivityId);
  return qb.execute();
}

/** One page of the bookings of a room overlapping [from, to), earliest first. */
export async function pageRoomBookings(db: DbOrTrx, roomId: string, from: string, to: string, page: { limit: number; offset: number }) {
  const base = db
    .selectFrom('room_bookings')
    .where('room_bookings.room_id', '=', roomId)
    .where('room_bookings.starts_at', '<', to)
    .where('room_bookings.ends_at', '>', from);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base
    .innerJoin('activities', 'activities.id', 'room_bookings.activity_id')
    .select(['room_bookings.activity_id', 'activities.title', 'room_bookings.starts_at', 'room_bookings.ends_at'])
    .orderBy('room_bookings.starts_at')
    .orderBy('room_bookings.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(total) };
}

/** Some units' offline venues, not archived: one query. */
export function offlineVenuesOfUnits(db: DbOrTrx, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([] as { id: string; unit_id: string; name: string }[]);
  return db
    .selectFrom('venues')
    .select(['id', 'unit_id', 'name'])
    .where('unit_id', 'in', unitIds)
    .where('mode', '=', 'offline')
    .where('archived', '=', 0)
    .orderBy('unit_id')
    .orderBy('name')
    .orderBy('id')
    .execute();
}
