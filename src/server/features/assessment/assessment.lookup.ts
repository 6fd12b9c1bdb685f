import type { DbOrTrx } from '../../platform/db';
import * as q from './assessment.queries';

/** What other features may read of the assessment; they never import `assessment.queries`. */

/** The stations whose scoring-sheet evidence cites an upload: for file access. */
export function unitsCitingFile(db: DbOrTrx, fileId: string): Promise<string[]> {
  return q.stationsCitingFile(db, fileId);
}
