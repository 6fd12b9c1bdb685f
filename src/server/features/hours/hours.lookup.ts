import type { DbOrTrx } from '../../platform/db';
import * as q from './hours.queries';

/** What other features may read of hours' star levels; they never import `hours.queries`. */

/** A volunteer's current star level (0 before the first). */
export async function currentStarLevel(db: DbOrTrx, volunteerId: string): Promise<number> {
  return Number((await q.lastStarLevel(db, volunteerId))?.level ?? 0);
}

/** Rises to a new star level at [from, to) (ISO instants) of volunteers of some stations, oldest first. */
export function starRisesBetween(db: DbOrTrx, stationIds: string[], from: string, to: string) {
  return q.starRisesBetween(db, stationIds, from, to);
}

/** How many service records and correction requests wait for a decision in these units. */
export function awaitingDecision(db: DbOrTrx, unitIds: string[]) {
  return q.countAwaitingDecision(db, unitIds);
}
