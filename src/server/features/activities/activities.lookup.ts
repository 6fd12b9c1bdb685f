import type { DbOrTrx } from '../../platform/db';
import * as q from './activities.queries';

/** What other features may read of activities; they never import `activities.queries`. */

/** Held practice activities (二、(二)6) of some units between two instants: one query whatever the number of units. */
export function heldActivityMonthsByUnit(db: DbOrTrx, unitIds: string[], fromIso: string, toIso: string) {
  return q.heldActivitiesOfUnits(db, unitIds, fromIso, toIso);
}
