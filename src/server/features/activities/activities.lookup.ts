import type { DbOrTrx } from '../../platform/db';
import * as q from './activities.queries';

/** What other features may read of activities; they never import `activities.queries`. */

/** Held practice activities (二、(二)6) of some units between two instants: one query whatever the number of units. */
export function heldActivityMonthsByUnit(db: DbOrTrx, unitIds: string[], fromIso: string, toIso: string) {
  return q.heldActivitiesOfUnits(db, unitIds, fromIso, toIso);
}

/**
 * The assessment's facts: every held activity of the given stations that started or ended in
 * [from, to), with its summary's submission time and lateness, in one statement.
 */
export function activitiesForAssessment(db: DbOrTrx, stationIds: string[], from: string, to: string) {
  return q.heldActivitiesOfStations(db, stationIds, from, to);
}

/** What the activity plans read of the activities that carry their items out: unit, title, status, start. */
export function activitiesForPlanItems(db: DbOrTrx, ids: string[]) {
  return q.activitySummariesForPlans(db, [...new Set(ids)]);
}

/** What the showcase shows of its 精品活动: title, unit, start, and the closing summary's notes and photos when submitted. */
export async function activitiesForShowcase(db: DbOrTrx, ids: string[]) {
  const rows = await q.activitiesWithSummaries(db, [...new Set(ids)]);
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    title: r.title,
    startsAt: r.starts_at,
    summary: r.notes ?? null,
    servedCount: r.served_count === null || r.served_count === undefined ? null : Number(r.served_count),
    photos: r.photo_file_ids ? (JSON.parse(r.photo_file_ids) as string[]) : [],
  }));
}

/** The reports' activities: held practice activities of some units started in [from, to), with programme and participants. */
export function heldActivitiesForReport(db: DbOrTrx, unitIds: string[], from: string, to: string) {
  return q.heldActivitiesForReport(db, unitIds, from, to);
}

/** 个人信息权利: a volunteer's sign-ups. */
export function signupsForExport(db: DbOrTrx, volunteerId: string) {
  return q.signupsOfVolunteerWithTitles(db, volunteerId);
}
