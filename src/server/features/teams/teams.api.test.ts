import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Staff, type Unit, type World, makeWorld } from '../../../../test/support/factories';

let w: World;
let a: Unit;
let staffA: Staff;
let staffB: Staff;

beforeAll(async () => {
  w = await makeWorld();
  a = await w.makeStation();
  staffA = await w.stationAdmin(a.id);
  staffB = await w.stationAdmin((await w.makeStation()).id);
});
afterAll(async () => w?.close());

describe('teams', () => {
  it('keeps 分队 on the institute and 小队 on stations, with unique names per unit', async () => {
    const admin = w.admin.agent;
    expect((await admin.post('/api/teams', { unitId: a.id, kind: 'street_corps', name: '错层分队' })).json().code).toBe('teams.bad_kind');
    expect((await admin.post('/api/teams', { unitId: w.instituteId, kind: 'community_squad', name: '错层小队' })).json().code).toBe('teams.bad_kind');
    const corps = await admin.post('/api/teams', { unitId: w.instituteId, kind: 'street_corps', name: '街道志愿服务分队' });
    expect(corps.statusCode).toBe(201);
    expect(corps.json()).toMatchObject({ unitId: w.instituteId, kind: 'street_corps', memberCount: 0, pendingCount: 0, leader: null, archived: false });
    const ok = await staffA.agent.post('/api/teams', { unitId: a.id, kind: 'specialised', name: '文艺轻骑兵', intro: '节日演出' });
    expect(ok.statusCode).toBe(201);
    const dup = await staffA.agent.post('/api/teams', { unitId: a.id, kind: 'specialised', name: '文艺轻骑兵' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('teams.duplicate_name');
    expect((await staffB.agent.post('/api/teams', { unitId: a.id, kind: 'specialised', name: '越权队' })).statusCode).toBe(404);
    const v = await w.makeVolunteer({ stationId: a.id });
    expect((await v.agent.post('/api/teams', { unitId: a.id, kind: 'specialised', name: '志愿者建队' })).statusCode).toBe(403);
    // Each unit's staff list their own teams; the institute sees all.
    expect((await staffB.agent.get('/api/teams')).json().items).toEqual([]);
    expect(
      (await admin.get('/api/teams'))
        .json()
        .items.map((t: { name: string }) => t.name)
        .sort(),
    ).toEqual(['文艺轻骑兵', '街道志愿服务分队'].sort());
    // Paged on the server: one team a page, the total counts both, the pages do not overlap.
    const first = (await admin.get('/api/teams?pageSize=1')).json();
    const second = (await admin.get('/api/teams?pageSize=1&page=2')).json();
    expect([first.total, first.page, first.pageSize, first.items.length]).toEqual([2, 1, 1, 1]);
    expect([second.total, second.page, second.items.length]).toEqual([2, 2, 1]);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    expect((await admin.get('/api/teams?pageSize=201')).statusCode).toBe(400);
  });

  it('lets a volunteer ask to join, staff approve, and a member promoted to leader manage the team', async () => {
    const team = await w.makeTeam({ unitId: a.id, kind: 'specialised', name: '银龄互助队' });
    const v = await w.makeVolunteer({ stationId: a.id });
    const asked = await v.agent.post(`/api/teams/${team.id}/join`, { note: '会拉二胡' });
    expect(asked.statusCode).toBe(200);
    expect(asked.json().team).toMatchObject({ myMembership: 'pending', pendingCount: 1, memberCount: 0 });
    expect((await v.agent.post(`/api/teams/${team.id}/join`, {})).json().code).toBe('teams.already_member');
    const pending = (await staffA.agent.get(`/api/teams/${team.id}`)).json().members.find((m: { status: string }) => m.status === 'pending');
    expect(pending).toMatchObject({ volunteerId: v.id, name: v.name });
    expect((await v.agent.post(`/api/teams/${team.id}/members/${pending.id}/decision`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await staffB.agent.post(`/api/teams/${team.id}/members/${pending.id}/decision`, { decision: 'approve' })).statusCode).toBe(404);
    const decided = await staffA.agent.post(`/api/teams/${team.id}/members/${pending.id}/decision`, { decision: 'approve' });
    expect(decided.json().team).toMatchObject({ memberCount: 1, pendingCount: 0 });
    expect(decided.json().members[0]).toMatchObject({ volunteerId: v.id, status: 'active', role: 'member', approvedHours: 0 });
    const promoted = await staffA.agent.put(`/api/teams/${team.id}/members/${pending.id}/role`, { role: 'leader' });
    expect(promoted.json().team.leader).toEqual({ volunteerId: v.id, name: v.name });
    // The new leader gets the console role for this team and can now manage it.
    const asLeader = await w.relogin(v);
    expect(
      (await asLeader.get('/api/auth/me')).json().roles.some((r: { role: string; teamId: string }) => r.role === 'team_leader' && r.teamId === team.id),
    ).toBe(true);
    expect((await asLeader.get(`/api/teams/${team.id}`)).json().team.canManage).toBe(true);
  });

  it('adds a member straight into a role, once, and only a volunteer of the team’s institute', async () => {
    const team = await w.makeTeam({ unitId: a.id });
    const v = await w.makeVolunteer({ stationId: a.id });
    const res = await staffA.agent.post(`/api/teams/${team.id}/members`, { volunteerId: v.id, role: 'deputy' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().team.deputies).toEqual([{ volunteerId: v.id, name: v.name }]);
    expect((await staffA.agent.post(`/api/teams/${team.id}/members`, { volunteerId: v.id })).json().code).toBe('teams.already_member');
    expect((await staffA.agent.post(`/api/teams/${team.id}/members`, { volunteerId: '00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    const member = res.json().members[0];
    const removed = await staffA.agent.delete(`/api/teams/${team.id}/members/${member.id}`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().team.memberCount).toBe(0);
  });

  it('shows the team’s activities on its page', async () => {
    const team = await w.makeTeam({ unitId: a.id });
    const v = await w.makeVolunteer({ stationId: a.id });
    await staffA.agent.post(`/api/teams/${team.id}/members`, { volunteerId: v.id });
    const act = await w.makeActivity({ unitId: a.id, title: '重阳节敬老' });
    expect((await v.agent.post(`/api/activities/${act.id}/signups`, {})).json().status).toBe('confirmed');
    const page = (await staffA.agent.get(`/api/teams/${team.id}`)).json();
    expect(page.activities).toEqual([expect.objectContaining({ id: act.id, title: '重阳节敬老', unitName: a.name, members: 1 })]);
  });
});
