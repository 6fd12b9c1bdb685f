import type { DbOrTrx } from '../../platform/db';
import * as q from './org.queries';

/** What other features may read of units and posts; they never import `org.queries`. */

/** Active institutes and stations among some ids, by sort and name: one query whatever the number. */
export function activeUnitsAmong(db: DbOrTrx, ids: string[]) {
  return q.activeUnitsAmong(db, ids);
}

/** The 工作人员 posts held in some units: one query whatever the number of units. */
export function staffPostsByUnit(db: DbOrTrx, unitIds: string[]) {
  return q.staffPostsOfUnits(db, unitIds);
}
