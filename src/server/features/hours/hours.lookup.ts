import type { DbOrTrx } from '../../platform/db';
import * as q from './hours.queries';

/** What other features may read of hours' star levels; they never import `hours.queries`. */

/** A volunteer's current star level (0 before the first). */
export async function currentStarLevel(db: DbOrTrx, volunteerId: string): Promise<number> {
  return Number((await q.lastStarLevel(db, volunteerId))?.level ?? 0);
}

/** Rises to a new star level at [from, to) (ISO instants) of volunteers of some stations, oldest first. */
export function starRisesBetween(db: DbOrTrx, stationIds: string[], from: string, to: string) {
  return q.starRisesBetween(db, stationIds, from, to);
}

/** How many service records and correction requests wait for a decision in these units. */
export function awaitingDecision(db: DbOrTrx, unitIds: string[]) {
  return q.countAwaitingDecision(db, unitIds);
}

/** The reports' hours: approved minutes and record counts per unit and volunteer, service day within [fromDay, toDay]. */
export function approvedMinutesOfUnits(db: DbOrTrx, unitIds: string[], fromDay: string, toDay: string) {
  return q.approvedMinutesOfUnits(db, unitIds, fromDay, toDay);
}

/** The reports' activity hours: approved minutes per activity. */
export function approvedMinutesOfActivities(db: DbOrTrx, activityIds: string[]) {
  return q.approvedMinutesOfActivities(db, activityIds);
}

/** Each volunteer's star level as of `to` (the last level reached before it), for volunteers of some stations. */
export async function starLevelsAsOf(db: DbOrTrx, stationIds: string[], to: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const r of await q.starLevelsBefore(db, stationIds, to)) out.set(r.volunteer_id, Number(r.level));
  return out;
}

/** 个人信息权利: a volunteer's service records (every row, counter-entries too), star levels and awards. */
export async function hoursOfVolunteerForExport(db: DbOrTrx, volunteerId: string) {
  const records = (await q.listRecords(db, { volunteerId }, 100_000, 0)).rows;
  const stars = await q.starHistory(db, volunteerId);
  const awards = (await q.pageAwards(db, volunteerId, { limit: 100_000, offset: 0 })).rows;
  return { records, stars, approvedMinutes: await q.approvedMinutes(db, volunteerId), awards };
}
