import type { DbOrTrx } from '../../platform/db';
import * as q from './points.queries';

/**
 * What other features may read of the points ledger (the market's monthly reconciliation). The
 * ledger's only writer stays `points.ledger.ts`.
 */

/** Per volunteer of the stations: the month's opening, issued, spent, expired, the ledger's Σ and the balance row. */
export function pointTotalsOfStations(db: DbOrTrx, stationIds: string[], from: string, to: string) {
  return q.pointTotalsOfStations(db, stationIds, from, to);
}

/** The entries of the volunteers within [from, to): what a reconciliation names behind a difference. */
export function pointEntriesBetween(db: DbOrTrx, volunteerIds: string[], from: string, to: string) {
  return q.entriesOfVolunteersBetween(db, volunteerIds, from, to);
}

/** 个人信息权利: a volunteer's point entries and balance. */
export async function pointsOfVolunteerForExport(db: DbOrTrx, volunteerId: string) {
  return { entries: await q.entriesOfVolunteer(db, volunteerId), balance: await q.getBalance(db, volunteerId) };
}
