import type { DbOrTrx } from '../../platform/db';
import * as q from './venues.queries';

/** What other features (activities booking a room) may read of venues, rooms and bookings; they never import `venues.queries`. */
export type Venue = NonNullable<Awaited<ReturnType<typeof q.getVenue>>>;
export type Room = NonNullable<Awaited<ReturnType<typeof q.getRoom>>>;

export function venueById(db: DbOrTrx, id: string): Promise<Venue | undefined> {
  return q.getVenue(db, id);
}

export function roomById(db: DbOrTrx, id: string): Promise<Room | undefined> {
  return q.getRoom(db, id);
}

/** Bookings of a room that overlap [start, end), other than one activity's own. Read through the caller's transaction. */
export function roomClashes(db: DbOrTrx, roomId: string, start: string, end: string, exceptActivityId?: string) {
  return q.overlappingBookings(db, roomId, start, end, exceptActivityId);
}

/** The offline venues (阵地) registered for some units: one query whatever the number of units. */
export function offlineVenuesByUnit(db: DbOrTrx, unitIds: string[]) {
  return q.offlineVenuesOfUnits(db, unitIds);
}
