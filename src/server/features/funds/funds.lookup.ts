import type { DbOrTrx } from '../../platform/db';
import * as q from './funds.queries';

/** What other features may read of funds; they never import `funds.queries`. */

/** The units of the spending entries citing a file as a receipt: staff over them may open it (files' registry). */
export function unitsCitingFile(db: DbOrTrx, fileId: string): Promise<string[]> {
  return q.unitsWithReceipt(db, fileId);
}
