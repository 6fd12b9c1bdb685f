import type { DbOrTrx } from '../../platform/db';
import * as q from './plan.queries';

/** What other features may read of the plan; they never import `plan.queries`. */

/** The latest version of each rules document (制度) of some units: one query whatever the number of units. */
export function latestRulesDocumentsByUnit(db: DbOrTrx, unitIds: string[]) {
  return q.latestDocumentsOfUnits(db, unitIds);
}

/** The units of the task evidence and rules documents citing a file: staff over them may open it (files' registry). */
export function unitsCitingFile(db: DbOrTrx, fileId: string): Promise<string[]> {
  return q.unitsWithFile(db, fileId);
}
