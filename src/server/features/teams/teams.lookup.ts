import type { TeamsTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';
import * as q from './teams.queries';

/** What other features may read of teams; they never import `teams.queries`. */

/** Some units' teams of the given kinds with their active member counts: one query whatever the number of units. */
export async function teamsWithMembersByUnit(db: DbOrTrx, unitIds: string[], kinds: TeamsTable['kind'][]) {
  const rows = await q.teamsWithMembersOfUnits(db, unitIds, kinds);
  return rows.map((r) => ({ ...r, members: Number(r.members ?? 0) }));
}

/** One team (its unit and name), or undefined: for features that refer to a team (an award). */
export function teamById(db: DbOrTrx, id: string) {
  return q.getTeam(db, id);
}

/** The teams a volunteer belongs to now: for a member's view of what their teams were given (team awards). */
export function activeTeamIdsOf(db: DbOrTrx, volunteerId: string): Promise<string[]> {
  return q.activeTeamIdsOfVolunteer(db, volunteerId);
}

/** 个人信息权利: the teams a person belongs or belonged to, with the team's name. */
export function teamsOfPersonForExport(db: DbOrTrx, personId: string) {
  return q.membershipsOfPersonWithNames(db, personId);
}
