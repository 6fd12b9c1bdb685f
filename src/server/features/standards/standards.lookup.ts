import type { DbOrTrx } from '../../platform/db';
import * as q from './standards.queries';

/** What other features may read of the standards; they never import `standards.queries`. */

/** Ids of the units whose evidence (withdrawn or not) cites the upload: for file access. */
export function unitsCitingFile(db: DbOrTrx, fileId: string): Promise<string[]> {
  return q.unitsCitingFile(db, fileId);
}
