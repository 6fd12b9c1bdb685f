import { randomUUID } from 'node:crypto';
import type { Trx } from '../../platform/db';
import type { DbOrTrx } from '../../platform/db';
import * as q from './teams.queries';

/**
 * Teams and the volunteer roster import (issue 12): which teams a roster's 所属队伍 may name, and
 * joining an imported volunteer to theirs. The importer's own transaction carries the write and
 * its audit row; team_members keeps one writer, this feature.
 */

/** The live teams of the given stations: id, station and name. */
export function teamsOfStations(db: DbOrTrx, stationIds: string[]) {
  return q.liveTeamsOfUnits(db, stationIds);
}

/**
 * Joins a volunteer the importing staff just registered to a team of their station, as a member
 * decided by that staff member: the roster is the station's own list, and the consent form covers it.
 */
export async function joinFromRoster(trx: Trx, input: { teamId: string; volunteerId: string; by: string; at: string }) {
  const existing = await q.findMembership(trx, input.teamId, input.volunteerId);
  if (existing) return;
  await q.insertMember(trx, {
    id: randomUUID(),
    team_id: input.teamId,
    volunteer_id: input.volunteerId,
    role: 'member',
    status: 'active',
    note: '名册导入',
    requested_at: input.at,
    decided_by: input.by,
    decided_at: input.at,
  });
}

/** Each volunteer's active teams by name, for the roster's 所属队伍 (several joined with 、). */
export async function teamNamesOf(db: DbOrTrx, volunteerIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < volunteerIds.length; i += 500) {
    for (const r of await q.activeTeamNamesOfVolunteers(db, volunteerIds.slice(i, i + 500)))
      out.set(r.volunteer_id, [...(out.get(r.volunteer_id) ?? []), r.name]);
  }
  return out;
}
