import type { DbOrTrx } from '../../platform/db';
import * as q from './funds.queries';

/** What other features may read of funds; they never import `funds.queries`. */

/** The units of the spending entries citing a file as a receipt: staff over them may open it (files' registry). */
export function unitsCitingFile(db: DbOrTrx, fileId: string): Promise<string[]> {
  return q.unitsWithReceipt(db, fileId);
}

/** The reports' funds: the year's budget and spending per unit, programme, source and kind (one statement), as the funds summary reads them. */
export async function fundGroupsOfYear(db: DbOrTrx, year: number, unitIds: string[]) {
  const rows = await q.sumsOfYear(db, year, unitIds);
  return rows.map((g) => ({
    unitId: g.unit_id,
    unitName: g.unit_name,
    programmeId: g.programme_id,
    programmeName: g.programme_name,
    source: g.source,
    kind: g.kind,
    budgetFen: g.budget_fen,
    spentFen: g.spent_fen,
  }));
}
