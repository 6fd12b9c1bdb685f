import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { minutesToHours } from '../../../shared/rules/stars';
import { type CreateTeamInput, TEAM_ROLES, type TeamListQuery, type TeamMemberView, type TeamView } from '../../../shared/teams';
import type { TeamsTable } from '../../db/schema';
import { type UnitTree, unitsInScope } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import { isUniqueViolation, type Trx } from '../../platform/db';
import type { Actor, Ctx, Deps } from '../../platform/deps';
import type { Scope } from '../../platform/scope';
import { AppError, notFound } from '../../platform/errors';
import { whoOf } from '../../platform/session';
import { notify } from '../notifications/notifications.service';
import { loginOfPerson, setLeaderGrant } from '../accounts/accounts.logins';
import { volunteerById } from '../volunteers/volunteers.lookup';
import * as q from './teams.queries';

type TeamRow = TeamsTable & { unit_name: string };

/** The street 分队 sits on the institute, a community 小队 on a station; specialised teams on either. */
const KIND_UNIT: Record<TeamsTable['kind'], ('institute' | 'station')[]> = {
  street_corps: ['institute'],
  community_squad: ['station'],
  specialised: ['institute', 'station'],
};

async function leadsTeam(deps: Deps, actor: Actor, teamId: string): Promise<boolean> {
  const m = await q.membershipsOfPerson(deps.db, actor.personId);
  return m.some((x) => x.team_id === teamId && x.status === 'active' && (x.role === 'leader' || x.role === 'deputy'));
}

/** Staff over the team's unit, or the team's own leader or deputy. */
async function canManage(deps: Deps, actor: Actor, tree: UnitTree, team: TeamRow): Promise<boolean> {
  return unitsInScope(tree, actor, 'teams.manage').has(team.unit_id) || (await leadsTeam(deps, actor, team.id));
}

async function presentTeams(deps: Deps, actor: Actor, tree: UnitTree, teams: TeamRow[]): Promise<TeamView[]> {
  const members = await q.listMembers(
    deps.db,
    teams.map((t) => t.id),
  );
  const mine = await q.membershipsOfPerson(deps.db, actor.personId);
  const out: TeamView[] = [];
  for (const t of teams) {
    const ms = members.filter((m) => m.team_id === t.id);
    const active = ms.filter((m) => m.status === 'active');
    const leader = active.find((m) => m.role === 'leader');
    out.push({
      id: t.id,
      unitId: t.unit_id,
      unitName: t.unit_name,
      kind: t.kind,
      name: t.name,
      parentTeamId: t.parent_team_id,
      intro: t.intro,
      archived: Boolean(t.archived),
      leader: leader ? { volunteerId: leader.volunteer_id, name: leader.name } : null,
      deputies: active.filter((m) => m.role === 'deputy').map((m) => ({ volunteerId: m.volunteer_id, name: m.name })),
      memberCount: active.length,
      pendingCount: ms.filter((m) => m.status === 'pending').length,
      approvedHours: minutesToHours(active.reduce((s, m) => s + m.approved_minutes, 0)),
      canManage: await canManage(deps, actor, tree, t),
      myMembership: mine.find((m) => m.team_id === t.id)?.status ?? null,
    });
  }
  return out;
}

export async function listTeams(deps: Deps, ctx: Ctx, query: z.infer<typeof TeamListQuery>) {
  // Staff by scope; a volunteer, their station and the units above it (POLICY `teams.read`).
  const tree = await ctx.scope.tree();
  const units = await ctx.scope.visibleUnits('teams');
  if (units.size === 0) throw new AppError('access.denied');
  let ids = [...units];
  if (query.unitId) {
    if (!units.has(query.unitId)) throw notFound();
    ids = [query.unitId];
  }
  const { page, pageSize } = query;
  const { rows, total } = await q.pageTeams(
    deps.db,
    ids,
    { kind: query.kind, includeArchived: query.includeArchived === 'true' },
    { limit: pageSize, offset: (page - 1) * pageSize },
  );
  return { items: await presentTeams(deps, ctx.actor, tree, rows), total, page, pageSize };
}

async function requireTeam(deps: Deps, scope: Scope, id: string, manage: boolean) {
  const actor = scope.actor;
  const team = await q.getTeam(deps.db, id);
  if (!team) throw notFound();
  const tree = await scope.tree();
  if (!(await scope.visibleUnits('teams')).has(team.unit_id) && !(await leadsTeam(deps, actor, id))) throw notFound();
  if (manage && !(await canManage(deps, actor, tree, team))) throw new AppError('access.denied');
  return { team, tree };
}

function presentMember(m: q.MemberRow): TeamMemberView {
  return {
    id: m.id,
    volunteerId: m.volunteer_id,
    name: m.name,
    volunteerNo: m.volunteer_no,
    stationName: m.station_name,
    role: m.role,
    status: m.status,
    note: m.note,
    requestedAt: m.requested_at,
    decidedAt: m.decided_at,
    approvedHours: minutesToHours(m.approved_minutes),
  };
}

/** The team page: the team, and its members for those who may see them (staff, the team's members). */
export async function getTeam(deps: Deps, ctx: Ctx, id: string) {
  const { team, tree } = await requireTeam(deps, ctx.scope, id, false);
  const [view] = await presentTeams(deps, ctx.actor, tree, [team]);
  const isMember = view.myMembership === 'active';
  const seesMembers = view.canManage || isMember || unitsInScope(tree, ctx.actor, 'teams.read').has(team.unit_id);
  const members = seesMembers ? (await q.listMembers(deps.db, [id])).filter((m) => view.canManage || m.status === 'active').map(presentMember) : [];
  const activities = (await q.teamActivities(deps.db, id, 20)).map((a) => ({
    id: a.id,
    title: a.title,
    startsAt: a.starts_at,
    unitName: a.unit_name,
    status: a.status,
    members: Number(a.members),
  }));
  return { team: view, members, activities };
}

export async function createTeam(deps: Deps, ctx: Ctx, input: CreateTeamInput) {
  const tree = await ctx.scope.require('teams.manage', input.unitId);
  const kind = tree.nodes.get(input.unitId)?.kind;
  if (!kind || kind === 'district' || !KIND_UNIT[input.kind].includes(kind)) throw new AppError('teams.bad_kind');
  if (input.parentTeamId) {
    const parent = await q.getTeam(deps.db, input.parentTeamId);
    if (!parent || !tree.ancestry(input.unitId).includes(parent.unit_id)) throw notFound();
  }
  if (await q.findTeamByName(deps.db, input.unitId, input.name)) throw new AppError('teams.duplicate_name');
  const now = deps.clock.now();
  const id = randomUUID();
  try {
    await deps.db.transaction().execute(async (trx) => {
      await q.insertTeam(trx, {
        id,
        unit_id: input.unitId,
        kind: input.kind,
        parent_team_id: input.parentTeamId ?? null,
        name: input.name,
        intro: input.intro ?? null,
        archived: 0,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      });
      await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
        action: 'teams.created',
        objectType: 'team',
        objectId: id,
        unitId: input.unitId,
        changes: { name: { before: null, after: input.name } },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('teams.duplicate_name');
    throw err;
  }
  return (await getTeam(deps, ctx, id)).team;
}

export async function updateTeam(deps: Deps, ctx: Ctx, id: string, input: { name?: string; intro?: string | null; archived?: boolean }) {
  const { team } = await requireTeam(deps, ctx.scope, id, true);
  if (input.name && input.name !== team.name && (await q.findTeamByName(deps.db, team.unit_id, input.name))) throw new AppError('teams.duplicate_name');
  const now = deps.clock.now();
  const patch: Partial<TeamsTable> = {
    ...(input.name !== undefined && { name: input.name }),
    ...(input.intro !== undefined && { intro: input.intro }),
    ...(input.archived !== undefined && { archived: input.archived ? 1 : 0 }),
    updated_at: now.toISOString(),
  };
  await deps.db.transaction().execute(async (trx) => {
    await q.updateTeam(trx, id, patch);
    await appendAudit(trx, deps.config.keys.audit, now, whoOf(ctx), {
      action: 'teams.updated',
      objectType: 'team',
      objectId: id,
      unitId: team.unit_id,
      changes: Object.fromEntries(Object.entries(input).map(([k, v]) => [k, { before: (team as Record<string, unknown>)[k] ?? null, after: v }])),
    });
  });
  return (await getTeam(deps, ctx, id)).team;
}

/** A team leader gets the console role for their team; losing the post takes it away. */
async function syncLeaderGrant(trx: Trx, team: TeamRow, volunteerId: string, isLeader: boolean, now: string) {
  const v = await volunteerById(trx, volunteerId);
  if (!v) return;
  const account = await loginOfPerson(trx, v.person_id);
  if (account) await setLeaderGrant(trx, account.id, { id: team.id, unitId: team.unit_id }, isLeader, now);
}

export async function addMember(deps: Deps, ctx: Ctx, teamId: string, input: { volunteerId: string; role: 'leader' | 'deputy' | 'member' }) {
  const { team } = await requireTeam(deps, ctx.scope, teamId, true);
  const v = await volunteerById(deps.db, input.volunteerId);
  if (!v) throw notFound();
  if (v.status !== 'certified') throw new AppError('teams.volunteer_not_certified');
  const existing = await q.findMembership(deps.db, teamId, input.volunteerId);
  if (existing && (existing.status === 'active' || existing.status === 'pending')) throw new AppError('teams.already_member');
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (existing) await q.updateMember(trx, existing.id, { status: 'active', role: 'member', decided_by: ctx.actor.accountId, decided_at: now });
    else {
      await q.insertMember(trx, {
        id: randomUUID(),
        team_id: teamId,
        volunteer_id: input.volunteerId,
        role: 'member',
        status: 'active',
        note: null,
        requested_at: now,
        decided_by: ctx.actor.accountId,
        decided_at: now,
      });
    }
    await appendAudit(trx, deps.config.keys.audit, new Date(now), whoOf(ctx), {
      action: 'teams.member_added',
      objectType: 'team',
      objectId: teamId,
      unitId: team.unit_id,
      changes: { member: { before: null, after: v.name } },
    });
    await notify(trx, new Date(now), v.person_id, { kind: 'teams.joined', title: `您已加入${team.name}`, link: '/m/volunteer' });
  });
  if (input.role !== 'member') {
    const m = await q.findMembership(deps.db, teamId, input.volunteerId);
    if (m) await setMemberRole(deps, ctx, teamId, m.id, input.role);
  }
  return getTeam(deps, ctx, teamId);
}

/** A certified volunteer asks to join; the leader (or the unit's staff) decides. */
export async function requestToJoin(deps: Deps, ctx: Ctx, teamId: string, note?: string) {
  const { team } = await requireTeam(deps, ctx.scope, teamId, false);
  const v = (await ctx.scope.me()).volunteer;
  if (!v) throw new AppError('volunteer.not_found_self');
  if (v.status !== 'certified') throw new AppError('teams.volunteer_not_certified');
  const existing = await q.findMembership(deps.db, teamId, v.id);
  if (existing && (existing.status === 'active' || existing.status === 'pending')) throw new AppError('teams.already_member');
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (existing)
      await q.updateMember(trx, existing.id, { status: 'pending', role: 'member', note: note ?? null, requested_at: now, decided_by: null, decided_at: null });
    else
      await q.insertMember(trx, {
        id: randomUUID(),
        team_id: teamId,
        volunteer_id: v.id,
        role: 'member',
        status: 'pending',
        note: note ?? null,
        requested_at: now,
        decided_by: null,
        decided_at: null,
      });
    await appendAudit(trx, deps.config.keys.audit, new Date(now), whoOf(ctx), {
      action: 'teams.join_requested',
      objectType: 'team',
      objectId: teamId,
      unitId: team.unit_id,
    });
  });
  return getTeam(deps, ctx, teamId);
}

export async function decideMember(deps: Deps, ctx: Ctx, teamId: string, memberId: string, decision: 'approve' | 'decline') {
  const { team } = await requireTeam(deps, ctx.scope, teamId, true);
  const m = await q.getMember(deps.db, memberId);
  if (!m || m.team_id !== teamId) throw notFound();
  if (m.status !== 'pending') throw new AppError('teams.not_pending');
  const now = deps.clock.now().toISOString();
  const v = await volunteerById(deps.db, m.volunteer_id);
  await deps.db.transaction().execute(async (trx) => {
    const res = await q.decidePendingMember(trx, memberId, {
      status: decision === 'approve' ? 'active' : 'declined',
      decided_by: ctx.actor.accountId,
      decided_at: now,
    });
    if (Number(res.numUpdatedRows) !== 1) throw new AppError('teams.not_pending');
    await appendAudit(trx, deps.config.keys.audit, new Date(now), whoOf(ctx), {
      action: decision === 'approve' ? 'teams.join_approved' : 'teams.join_declined',
      objectType: 'team',
      objectId: teamId,
      unitId: team.unit_id,
      changes: { member: { before: null, after: v?.name ?? null } },
    });
    if (v)
      await notify(trx, new Date(now), v.person_id, {
        kind: 'teams.join_decided',
        title: decision === 'approve' ? `${team.name}已同意您入队` : `${team.name}未通过您的入队申请`,
        link: '/m/volunteer',
      });
  });
  return getTeam(deps, ctx, teamId);
}

/** One leader per team: naming a new leader makes the old one a member. */
export async function setMemberRole(deps: Deps, ctx: Ctx, teamId: string, memberId: string, role: 'leader' | 'deputy' | 'member') {
  const { team } = await requireTeam(deps, ctx.scope, teamId, true);
  const m = await q.getMember(deps.db, memberId);
  if (!m || m.team_id !== teamId || m.status !== 'active') throw notFound();
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    if (role === 'leader') {
      const current = (await q.listMembers(trx, [teamId])).filter((x) => x.role === 'leader' && x.id !== memberId);
      for (const c of current) {
        await q.updateMember(trx, c.id, { role: 'member' });
        await syncLeaderGrant(trx, team, c.volunteer_id, false, now);
      }
    }
    await q.updateMember(trx, memberId, { role });
    await syncLeaderGrant(trx, team, m.volunteer_id, role === 'leader', now);
    await appendAudit(trx, deps.config.keys.audit, new Date(now), whoOf(ctx), {
      action: 'teams.role_changed',
      objectType: 'team',
      objectId: teamId,
      unitId: team.unit_id,
      changes: { role: { before: TEAM_ROLES[m.role], after: TEAM_ROLES[role] } },
    });
  });
  return getTeam(deps, ctx, teamId);
}

export async function removeMember(deps: Deps, ctx: Ctx, teamId: string, memberId: string) {
  const { team } = await requireTeam(deps, ctx.scope, teamId, true);
  const m = await q.getMember(deps.db, memberId);
  if (!m || m.team_id !== teamId || m.status !== 'active') throw notFound();
  const now = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    await q.updateMember(trx, memberId, { status: 'left', role: 'member', decided_by: ctx.actor.accountId, decided_at: now });
    await syncLeaderGrant(trx, team, m.volunteer_id, false, now);
    await appendAudit(trx, deps.config.keys.audit, new Date(now), whoOf(ctx), {
      action: 'teams.member_removed',
      objectType: 'team',
      objectId: teamId,
      unitId: team.unit_id,
    });
  });
  return getTeam(deps, ctx, teamId);
}
