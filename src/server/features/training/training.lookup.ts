import type { DbOrTrx } from '../../platform/db';
import * as q from './training.queries';

/** What other features may read of training; they never import `training.queries`. */

/**
 * The units whose staff may open a file cited as a session's material: the holding unit and those
 * below it, as everyone there may read the session (files' registry).
 */
export function unitsCitingFile(db: DbOrTrx, fileId: string): Promise<string[]> {
  return q.unitsWithMaterial(db, fileId);
}
