import type { DbOrTrx } from '../../platform/db';
import * as q from './training.queries';

/** What other features may read of trainings; they never import `training.queries`. */

/**
 * The assessment's facts: each station's staff accounts and the trainings each attended starting
 * within [from, to), in two statements whatever the number of stations.
 */
export function staffTrainingForAssessment(db: DbOrTrx, stationIds: string[], from: string, to: string) {
  return q.staffTrainingOfUnits(db, stationIds, from, to);
}

/** What other features may read of training; they never import `training.queries`. */

/**
 * The units whose staff may open a file cited as a session's material: the holding unit and those
 * below it, as everyone there may read the session (files' registry).
 */
export function unitsCitingFile(db: DbOrTrx, fileId: string): Promise<string[]> {
  return q.unitsWithMaterial(db, fileId);
}

/** The reports' trainings: held sessions of some units started within [from, to), with the number present. */
export async function heldSessionsForReport(db: DbOrTrx, unitIds: string[], from: string, to: string) {
  const rows = await q.heldSessionsOfUnits(db, unitIds, from, to);
  return rows.map((r) => ({
    id: r.id,
    unitId: r.unit_id,
    unitName: r.unit_name,
    topic: r.topic,
    startsAt: r.starts_at,
    minutes: r.minutes,
    present: Number(r.present_count ?? 0),
  }));
}
