import type { DbOrTrx } from '../../platform/db';
import * as q from './plan.queries';

/** What other features may read of the plan; they never import `plan.queries`. */

/** The units of the task evidence and rules documents citing a file: staff over them may open it (files' registry). */
export function unitsCitingFile(db: DbOrTrx, fileId: string): Promise<string[]> {
  return q.unitsWithFile(db, fileId);
}
