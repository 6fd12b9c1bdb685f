import type { DbOrTrx } from '../../platform/db';
import * as q from './meetings.queries';

/** What other features may read of meetings; they never import `meetings.queries`. */

/** The units of the meetings citing a file as an attachment: staff over them may open it (files' registry). */
export function unitsCitingFile(db: DbOrTrx, fileId: string): Promise<string[]> {
  return q.unitsWithAttachment(db, fileId);
}
