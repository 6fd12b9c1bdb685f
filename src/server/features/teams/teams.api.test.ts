import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, makeTestApp } from '../../../../test/support/app';

let t: TestApp;
let station01: string;
let instituteId: string;

beforeAll(async () => {
  t = await makeTestApp();
  station01 = await t.unitId('金银社区新时代文明实践站');
  instituteId = await t.unitId('马鞍街道新时代文明实践所');
});
afterAll(async () => t?.close());

describe('teams', () => {
  it('has the street 分队, a 小队 per station and specialised teams in the demo', async () => {
    const admin = await t.login('admin');
    const teams = (await admin.get('/api/teams')).json().items as { kind: string; name: string; memberCount: number; leader: unknown }[];
    expect(teams.filter((x) => x.kind === 'street_corps')).toHaveLength(1);
    expect(teams.filter((x) => x.kind === 'community_squad')).toHaveLength(20);
    expect(teams.filter((x) => x.kind === 'specialised').length).toBeGreaterThanOrEqual(2);
    expect(teams.find((x) => x.name === '金银社区志愿服务小队')).toMatchObject({ leader: { name: '吴国庆' } });
    const squad = teams.find((x) => x.name === '金银社区志愿服务小队') as unknown as { id: string };
    const page = (await admin.get(`/api/teams/${squad.id}`)).json();
    expect(page.activities.length).toBeGreaterThan(0);
    expect(page.activities[0]).toMatchObject({ unitName: '金银社区新时代文明实践站' });
    expect(page.activities[0].members).toBeGreaterThan(0);
  });

  it('keeps 分队 on the institute and 小队 on stations, with unique names', async () => {
    const admin = await t.login('admin');
    expect((await admin.post('/api/teams', { unitId: station01, kind: 'street_corps', name: '错层分队' })).json().code).toBe('teams.bad_kind');
    expect((await admin.post('/api/teams', { unitId: instituteId, kind: 'community_squad', name: '错层小队' })).json().code).toBe('teams.bad_kind');
    const ok = await admin.post('/api/teams', { unitId: station01, kind: 'specialised', name: '金银文艺轻骑兵', intro: '节日演出' });
    expect(ok.statusCode).toBe(201);
    expect((await admin.post('/api/teams', { unitId: station01, kind: 'specialised', name: '金银文艺轻骑兵' })).statusCode).toBe(409);
    expect((await (await t.login('station02')).post('/api/teams', { unitId: station01, kind: 'specialised', name: '越权队' })).statusCode).toBe(404);
  });

  it('lets a volunteer ask to join, the team leader approve, and the member appear with hours', async () => {
    const leader = await t.login('leader01');
    const squad = (await leader.get('/api/teams')).json().items.find((x: { name: string }) => x.name === '金银文艺轻骑兵');
    const v = await t.login('volunteer01');
    const asked = await v.post(`/api/teams/${squad.id}/join`, { note: '会拉二胡' });
    expect(asked.statusCode).toBe(200);
    expect(asked.json().team.myMembership).toBe('pending');
    expect((await v.post(`/api/teams/${squad.id}/join`, {})).json().code).toBe('teams.already_member');
    // leader01 does not lead this new team, so station staff decide; make leader01 its leader first.
    const s01 = await t.login('station01');
    const page = (await s01.get(`/api/teams/${squad.id}`)).json();
    const pending = page.members.find((m: { status: string }) => m.status === 'pending');
    expect((await v.post(`/api/teams/${squad.id}/members/${pending.id}/decision`, { decision: 'approve' })).statusCode).toBe(403);
    const decided = await s01.post(`/api/teams/${squad.id}/members/${pending.id}/decision`, { decision: 'approve' });
    expect(decided.json().team.memberCount).toBe(1);
    expect(decided.json().members[0].approvedHours).toBeGreaterThan(0);
    const promoted = await s01.put(`/api/teams/${squad.id}/members/${pending.id}/role`, { role: 'leader' });
    expect(promoted.json().team.leader.name).toBe(decided.json().members[0].name);
    // The new leader gets the console role for this team and can now manage it.
    const asLeader = await t.login('volunteer01');
    expect((await asLeader.get('/api/auth/me')).json().roles.some((r: { role: string; teamId: string }) => r.role === 'team_leader' && r.teamId === squad.id)).toBe(true);
    expect((await asLeader.get(`/api/teams/${squad.id}`)).json().team.canManage).toBe(true);
  });

  it('adds a member straight into a role', async () => {
    const admin = await t.login('admin');
    const team = (await admin.get('/api/teams')).json().items.find((x: { name: string }) => x.name === '金银文艺轻骑兵');
    // A certified volunteer of the station who is not in this team yet.
    const vid = (
      await t.deps.db
        .selectFrom('volunteers')
        .select('id')
        .where('station_id', '=', station01)
        .where('status', '=', 'certified')
        .where((eb) => eb('id', 'not in', eb.selectFrom('team_members').select('volunteer_id').where('team_id', '=', team.id)))
        .orderBy('id')
        .executeTakeFirstOrThrow()
    ).id;
    const res = await admin.post(`/api/teams/${team.id}/members`, { volunteerId: vid, role: 'deputy' });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(page.members.find((m: { volunteerId: string }) => m.volunteerId === vid).role).toBe('deputy');
  });
});
