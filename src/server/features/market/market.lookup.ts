import type { DbOrTrx } from '../../platform/db';
import * as q from './market.queries';

/** What other features may read of the market; they never import `market.queries`. */

/** The units running the shops whose goods show a file as their photo: staff over them may open it (files' registry). */
export function unitsCitingFile(db: DbOrTrx, fileId: string): Promise<string[]> {
  return q.unitsWithGoodsPhoto(db, fileId);
}

/** How many reservations wait to be handed over at the shops of these units. */
export function awaitingCollection(db: DbOrTrx, unitIds: string[]): Promise<number> {
  return q.countAwaitingCollection(db, unitIds);
}
