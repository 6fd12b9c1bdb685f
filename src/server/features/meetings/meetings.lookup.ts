import type { DbOrTrx } from '../../platform/db';
import * as q from './meetings.queries';

/** What other features may read of meetings; they never import `meetings.queries`. */

/** The units of the meetings citing a file as an attachment: staff over them may open it (files' registry). */
export function unitsCitingFile(db: DbOrTrx, fileId: string): Promise<string[]> {
  return q.unitsWithAttachment(db, fileId);
}

/** The reports' meetings: those of some units held within [from, to). */
export function heldMeetingsForReport(db: DbOrTrx, unitIds: string[], from: string, to: string) {
  return q.heldMeetingsOfUnits(db, unitIds, from, to);
}

/** The reports' resolutions: those owned by some units whose deadline day falls within [fromDay, toDay]. */
export function resolutionsDueForReport(db: DbOrTrx, unitIds: string[], fromDay: string, toDay: string) {
  return q.resolutionsDueOfUnits(db, unitIds, fromDay, toDay);
}
