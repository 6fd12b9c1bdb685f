import { chinaMonthEnd, chinaMonthStart } from '../../../shared/china-time';
import type { DbOrTrx } from '../../platform/db';
import * as q from './news.queries';

/** What other features may read of news; they never import `news.queries`. */

/** The units of the news items citing a file as cover or body image: staff over them may open it (files' registry). */
export function unitsCitingFile(db: DbOrTrx, fileId: string): Promise<string[]> {
  return q.unitsWithFile(db, fileId);
}

export interface NewsCounts {
  submitted: number;
  adopted: number;
  returned: number;
}

/**
 * 信息报送 per unit in a month (YYYY-MM, China time): how many items each unit submitted, and how
 * many of them the column adopted or returned in that month. One statement; units without any are 0.
 * A standard the assessment can read.
 */
export async function countsByUnit(db: DbOrTrx, unitIds: string[], month: string): Promise<Map<string, NewsCounts>> {
  const rows = await q.countsByUnit(db, unitIds, chinaMonthStart(month), chinaMonthEnd(month));
  const out = new Map<string, NewsCounts>(unitIds.map((u) => [u, { submitted: 0, adopted: 0, returned: 0 }]));
  for (const r of rows) {
    const c = out.get(r.unitId);
    if (c) c[r.status] += r.n;
  }
  return out;
}

/** 信息报送 adopted in [from, to) (ISO instants) of some units, oldest first: the assessment's 信息报送采用 indicator. */
export function adoptedForAssessment(db: DbOrTrx, unitIds: string[], from: string, to: string) {
  return q.adoptedBetween(db, unitIds, from, to);
}
