import type { DbOrTrx } from '../../platform/db';
import * as q from './files.queries';

/** What other features may read of uploads; they never import `files.queries`. */

/** Name, type and size of some uploads: one query whatever the number. */
export function fileInfosByIds(db: DbOrTrx, ids: string[]) {
  return q.filesByIds(db, ids);
}
