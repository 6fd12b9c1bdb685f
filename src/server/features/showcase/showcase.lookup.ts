import type { DbOrTrx } from '../../platform/db';
import * as q from './showcase.queries';

/** What other features may read of the showcase; they never import `showcase.queries`. */

/** The units of the showcase items citing a file (cover or media): staff over them may open it (files' registry). */
export function unitsCitingFile(db: DbOrTrx, fileId: string): Promise<string[]> {
  return q.unitsCitingFile(db, fileId);
}
