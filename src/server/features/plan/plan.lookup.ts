import type { DbOrTrx } from '../../platform/db';
import * as q from './plan.queries';

/** What other features may read of the plan; they never import `plan.queries`. */

/** The latest version of each rules document (制度) of some units: one query whatever the number of units. */
export function latestRulesDocumentsByUnit(db: DbOrTrx, unitIds: string[]) {
  return q.latestDocumentsOfUnits(db, unitIds);
}
