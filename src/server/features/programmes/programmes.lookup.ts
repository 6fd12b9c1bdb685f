import type { DbOrTrx } from '../../platform/db';
import { getProgramme } from './programmes.queries';

/** A programme's unit, for features that tie their records to a programme of the right unit. */
export async function programmeUnitOf(db: DbOrTrx, id: string): Promise<{ id: string; unitId: string; archived: boolean } | null> {
  const p = await getProgramme(db, id);
  return p ? { id: p.id, unitId: p.unit_id, archived: !!p.archived } : null;
}
