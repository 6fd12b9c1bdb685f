import type { DbOrTrx } from '../../platform/db';
import * as q from './campaigns.queries';

/** What other features may read of campaigns; they never import `campaigns.queries`. */

/** The stations of the nominations citing a file as a photo: staff over them may open it (files' registry). */
export function unitsCitingFile(db: DbOrTrx, fileId: string): Promise<string[]> {
  return q.unitsWithPhoto(db, fileId);
}
