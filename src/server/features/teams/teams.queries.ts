import { sql } from 'kysely';
import type { TeamMembersTable, TeamsTable } from '../../db/schema';
import type { DbOrTrx } from '../../platform/db';

/** One page of the teams of some units, by unit, kind and name. */
export async function pageTeams(db: DbOrTrx, unitIds: string[], f: { kind?: string; includeArchived: boolean }, page: { limit: number; offset: number }) {
  if (unitIds.length === 0) return { rows: [] as (TeamsTable & { unit_name: string })[], total: 0 };
  let base = db.selectFrom('teams').innerJoin('units', 'units.id', 'teams.unit_id').where('teams.unit_id', 'in', unitIds);
  if (f.kind) base = base.where('teams.kind', '=', f.kind as TeamsTable['kind']);
  if (!f.includeArchived) base = base.where('teams.archived', '=', 0);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base
    .selectAll('teams')
    .select('units.name as unit_name')
    .orderBy('units.sort')
    .orderBy('teams.kind')
    .orderBy('teams.name')
    .orderBy('teams.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return { rows, total: Number(total) };
}

export function getTeam(db: DbOrTrx, id: string) {
  return db
    .selectFrom('teams')
    .innerJoin('units', 'units.id', 'teams.unit_id')
    .selectAll('teams')
    .select('units.name as unit_name')
    .where('teams.id', '=', id)
    .executeTakeFirst();
}

export function findTeamByName(db: DbOrTrx, unitId: string, name: string) {
  return db.selectFrom('teams').select('id').where('unit_id', '=', unitId).where('name', '=', name).executeTakeFirst();
}

export function insertTeam(db: DbOrTrx, row: TeamsTable) {
  return db.insertInto('teams').values(row).execute();
}

export function updateTeam(db: DbOrTrx, id: string, patch: Partial<TeamsTable>) {
  return db.updateTable('teams').set(patch).where('id', '=', id).execute();
}

export type MemberRow = TeamMembersTable & { name: string; volunteer_no: string | null; station_name: string; person_id: string; approved_minutes: number };

export async function listMembers(db: DbOrTrx, teamIds: string[]): Promise<MemberRow[]> {
  if (teamIds.length === 0) return [];
  const rows = await db
    .selectFrom('team_members')
    .innerJoin('volunteers', 'volunteers.id', 'team_members.volunteer_id')
    .innerJoin('people', 'people.id', 'volunteers.person_id')
    .innerJoin('units', 'units.id', 'volunteers.station_id')
    .selectAll('team_members')
    .select([
      'people.name',
      'volunteers.volunteer_no',
      'units.name as station_name',
      'volunteers.person_id',
      (eb) =>
        eb
          .selectFrom('service_records')
          .select((e) => e.fn.coalesce(e.fn.sum<number>('service_records.minutes'), sql<number>`0`).as('m'))
          .whereRef('service_records.volunteer_id', '=', 'team_members.volunteer_id')
          .where('service_records.status', '=', 'approved')
          .as('approved_minutes'),
    ])
    .where('team_members.team_id', 'in', teamIds)
    .orderBy('team_members.requested_at')
    .execute();
  return rows.map((r) => ({ ...r, approved_minutes: Number(r.approved_minutes ?? 0) })) as MemberRow[];
}

export function getMember(db: DbOrTrx, id: string) {
  return db.selectFrom('team_members').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findMembership(db: DbOrTrx, teamId: string, volunteerId: string) {
  return db.selectFrom('team_members').selectAll().where('team_id', '=', teamId).where('volunteer_id', '=', volunteerId).executeTakeFirst();
}

export function insertMember(db: DbOrTrx, row: TeamMembersTable) {
  return db.insertInto('team_members').values(row).execute();
}

export function updateMember(db: DbOrTrx, id: string, patch: Partial<TeamMembersTable>) {
  return db.updateTable('team_members').set(patch).where('id', '=', id).execute();
}

/** Memberships of one person's volunteer record: for "my teams" and for leader rights. */
export function membershipsOfPerson(db: DbOrTrx, personId: string) {
  return db
    .selectFrom('team_members')
    .innerJoin('volunteers', 'volunteers.id', 'team_members.volunteer_id')
    .select(['team_members.id', 'team_members.team_id', 'team_members.role', 'team_members.status'])
    .where('volunteers.person_id', '=', personId)
    .execute();
}

/** Activities the team's active members took part in, newest first, with how many of them. */
export function teamActivities(db: DbOrTrx, teamId: string, limit: number) {
  return db
    .selectFrom('signups')
    .innerJoin('team_members', (j) =>
      j.onRef('team_members.volunteer_id', '=', 'signups.volunteer_id').on('team_members.team_id', '=', teamId).on('team_members.status', '=', 'active'),
    )
    .innerJoin('activities', 'activities.id', 'signups.activity_id')
    .innerJoin('units', 'units.id', 'activities.unit_id')
    .select([
      'activities.id',
      'activities.title',
      'activities.starts_at',
      'activities.status',
      'units.name as unit_name',
      (eb) => eb.fn.countAll<number>().as('members'),
    ])
    .where('signups.status', 'in', ['confirmed', 'no_show'])
    .groupBy(['activities.id', 'activities.title', 'activities.starts_at', 'activities.status', 'units.name'])
    .orderBy('activities.starts_at', 'desc')
    .limit(limit)
    .execute();
}

/** A guarded update: only a request still pending is decided, so two deciders cannot both win. */
export function decidePendingMember(db: DbOrTrx, id: string, patch: Pick<TeamMembersTable, 'status' | 'decided_by' | 'decided_at'>) {
  return db.updateTable('team_members').set(patch).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
}

/** Some units' teams of the given kinds (not archived), with their active members counted: one query. */
export function teamsWithMembersOfUnits(db: DbOrTrx, unitIds: string[], kinds: TeamsTable['kind'][]) {
  if (unitIds.length === 0 || kinds.length === 0)
    return Promise.resolve([] as { id: string; unit_id: string; kind: TeamsTable['kind']; name: string; members: number }[]);
  return db
    .selectFrom('teams')
    .select([
      'teams.id',
      'teams.unit_id',
      'teams.kind',
      'teams.name',
      (eb) =>
        eb
          .selectFrom('team_members')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('team_members.team_id', '=', 'teams.id')
          .where('team_members.status', '=', 'active')
          .as('members'),
    ])
    .where('teams.unit_id', 'in', unitIds)
    .where('teams.kind', 'in', kinds)
    .where('teams.archived', '=', 0)
    .orderBy('teams.unit_id')
    .orderBy('teams.name')
    .orderBy('teams.id')
    .execute();
}

/** The teams a volunteer is an active member of (leader, deputy or member). */
export async function activeTeamIdsOfVolunteer(db: DbOrTrx, volunteerId: string): Promise<string[]> {
  const rows = await db.selectFrom('team_members').select('team_id').where('volunteer_id', '=', volunteerId).where('status', '=', 'active').execute();
  return rows.map((r) => r.team_id);
}

export function membershipsOfPersonWithNames(db: DbOrTrx, personId: string) {
  return db
    .selectFrom('team_members')
    .innerJoin('volunteers', 'volunteers.id', 'team_members.volunteer_id')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select(['teams.name as team_name', 'team_members.role', 'team_members.status', 'team_members.requested_at', 'team_members.decided_at'])
    .where('volunteers.person_id', '=', personId)
    .orderBy('team_members.requested_at')
    .execute();
}

/** The live (not archived) teams of some units, by name: what a roster's 所属队伍 may name. */
export function liveTeamsOfUnits(db: DbOrTrx, unitIds: string[]) {
  if (unitIds.length === 0) return Promise.resolve([] as { id: string; unit_id: string; name: string }[]);
  return db.selectFrom('teams').select(['id', 'unit_id', 'name']).where('unit_id', 'in', unitIds).where('archived', '=', 0).execute();
}

/** The names of the teams each of some volunteers is an active member of. */
export function activeTeamNamesOfVolunteers(db: DbOrTrx, volunteerIds: string[]) {
  if (volunteerIds.length === 0) return Promise.resolve([] as { volunteer_id: string; name: string }[]);
  return db
    .selectFrom('team_members')
    .innerJoin('teams', 'teams.id', 'team_members.team_id')
    .select(['team_members.volunteer_id', 'teams.name'])
    .where('team_members.volunteer_id', 'in', volunteerIds)
    .where('team_members.status', '=', 'active')
    .orderBy('teams.name')
    .execute();
}
