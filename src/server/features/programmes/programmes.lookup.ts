import type { DbOrTrx } from '../../platform/db';
import * as q from './programmes.queries';

/** What other features may read of programmes and brands; they never import `programmes.queries`. */

/** The brand (一所一品 / 一社区一特色) of each of some units: one query whatever the number. */
export function brandsByUnit(db: DbOrTrx, unitIds: string[]) {
  return q.brandsOfUnits(db, unitIds);
}

/** A programme's unit, for features that tie their records to a programme of the right unit. */
export async function programmeUnitOf(db: DbOrTrx, id: string): Promise<{ id: string; unitId: string; archived: boolean; name: string } | null> {
  const p = await q.getProgramme(db, id);
  return p ? { id: p.id, unitId: p.unit_id, archived: !!p.archived, name: p.name } : null;
}

/** Programmes still in use of some units, a page at a time: what the public calendar filters by. */
export async function activeProgrammes(db: DbOrTrx, unitIds: string[], page: { limit: number; offset: number }) {
  const { rows, total } = await q.pageProgrammes(db, unitIds, false, page);
  return { items: rows.map((r) => ({ id: r.id, name: r.name, block: r.block, unitId: r.unit_id })), total };
}
