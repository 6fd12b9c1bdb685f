import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, upload } from '../../../../test/support/app';
import { PASSWORD, type Resident, type Staff, type Volunteer, type World, expectStatus, makeWorld } from '../../../../test/support/factories';

let w: World;
let station: string;
let otherStation: string;
let staff: Staff;
let colleague: Agent;
let otherStaff: Staff;
let vol: Volunteer;
let other: Volunteer;
let resident: Resident;

/** Approved service hours for `who`: entered by one admin, approved by another. */
async function approvedHours(who: Volunteer) {
  const evidence = await upload(w.t, staff.agent);
  const rec = expectStatus(
    await staff.agent.post('/api/hours/backfill', {
      volunteerId: who.id,
      unitId: station,
      title: '敬老助老',
      serviceDate: '2026-11-18',
      startTime: '09:00',
      endTime: '12:00',
      content: '上门探望',
      evidenceFileIds: [evidence],
      reason: '按纸质签到表补录',
    }),
    201,
    'backfill',
  );
  expectStatus(await colleague.post(`/api/hours/${rec.json().id}/decision`, { decision: 'approve' }), 200, 'approve');
}

const download = async (a: Agent) => {
  const res = await a.get('/api/privacy/my-data');
  return { res, text: res.body, json: res.statusCode === 200 ? JSON.parse(res.body) : null };
};

beforeAll(async () => {
  w = await makeWorld();
  station = (await w.makeStation({ name: '隐私测试实践站' })).id;
  otherStation = (await w.makeStation({ name: '另一个实践站' })).id;
  staff = await w.stationAdmin(station);
  colleague = (await w.makeStaff('station_admin', station, { name: '第二管理员' })).agent;
  otherStaff = await w.stationAdmin(otherStation);
  vol = await w.makeVolunteer({ stationId: station, name: '张晓明' });
  other = await w.makeVolunteer({ stationId: station, name: '李别人' });
  resident = await w.makeResident({ stationId: station, name: '王居民' });
  await approvedHours(vol);
  await approvedHours(other);
});
afterAll(async () => w?.close());

describe('my data as a file (PIPL 45)', () => {
  it('holds the person’s own data, full ID number included, and nobody else’s; each download is audited', async () => {
    const { res, text, json } = await download(vol.agent);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(json.个人信息).toMatchObject({ 姓名: '张晓明', 手机号: vol.phone, 证件号码: vol.idNumber });
    expect(json.志愿者登记.登记同意.方式).toBe('self_online');
    expect(json.服务记录).toHaveLength(1);
    expect(json.已认定服务分钟).toBe(180);
    expect(text).not.toContain('李别人');
    expect(text).not.toContain(other.idNumber);
    expect(text).not.toContain(other.phone);
    const audit = (await w.admin.agent.get('/api/audit?pageSize=5')).json().items;
    expect(audit.some((a: { action: string }) => a.action === 'privacy.data_exported')).toBe(true);
  });

  it('gives a resident without a volunteer record their account and orders', async () => {
    const { res, json } = await download(resident.agent);
    expect(res.statusCode).toBe(200);
    expect(json.志愿者登记).toBeNull();
    expect(json.个人信息.姓名).toBe('王居民');
  });

  it('has no way to ask for someone else’s: no parameter is taken, and without a session it is 401', async () => {
    expect((await w.anon.get('/api/privacy/my-data')).statusCode).toBe(401);
    const asOther = await download(other.agent);
    expect(asOther.text).not.toContain('张晓明');
    expect(asOther.text).not.toContain(vol.idNumber);
  });
});

describe('deletion requests (PIPL 47)', () => {
  let requestId: string;

  it('takes one open request at a time: a second is 409', async () => {
    const first = await vol.agent.post('/api/privacy/my-requests', { reason: '不再参加志愿服务' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'open', personName: null });
    requestId = first.json().id;
    const again = await vol.agent.post('/api/privacy/my-requests', {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('privacy.request_open');
    expect((await vol.agent.get('/api/privacy/my-requests')).json().items).toHaveLength(1);
  });

  it('is seen and decided by the person’s station admins only', async () => {
    const open = (await staff.agent.get('/api/privacy/requests')).json().items;
    expect(open.map((r: { id: string }) => r.id)).toContain(requestId);
    expect(open.find((r: { id: string }) => r.id === requestId).personName).toBe('张晓明');
    expect((await otherStaff.agent.get('/api/privacy/requests')).json().items).toHaveLength(0);
    expect((await otherStaff.agent.post(`/api/privacy/requests/${requestId}/decision`, { decision: 'approve' })).statusCode).toBe(404);
    expect((await vol.agent.get('/api/privacy/requests')).statusCode).toBe(403);
    expect((await vol.agent.post(`/api/privacy/requests/${requestId}/decision`, { decision: 'approve' })).statusCode).toBe(403);
    // A refusal needs its legal ground.
    expect((await staff.agent.post(`/api/privacy/requests/${requestId}/decision`, { decision: 'reject' })).statusCode).toBe(400);
  });

  it('approval anonymises the person everywhere the API shows them, keeps the hours, and ends the login', async () => {
    const before = (await staff.agent.get(`/api/volunteers/${vol.id}`)).json().volunteer;
    expect(before.approvedHours).toBe(3);
    const res = await staff.agent.post(`/api/privacy/requests/${requestId}/decision`, { decision: 'approve' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'approved', personName: '已注销用户' });

    const after = (await staff.agent.get(`/api/volunteers/${vol.id}`)).json().volunteer;
    expect(after).toMatchObject({ name: '已注销用户', phone: null, idNumberMasked: null, email: null, emergencyContact: null, approvedHours: 3 });
    const everywhere = [
      await staff.agent.get('/api/volunteers?pageSize=200'),
      await staff.agent.get(`/api/volunteers/${vol.id}`),
      await w.admin.agent.get('/api/accounts?pageSize=200'),
      await staff.agent.get('/api/hours?pageSize=200'),
      await staff.agent.get('/api/privacy/requests?status=all'),
    ];
    for (const r of everywhere) {
      expect(r.statusCode).toBe(200);
      expect(r.body).not.toContain('张晓明');
      expect(r.body).not.toContain(vol.phone);
    }
    // The other volunteer is untouched.
    expect((await staff.agent.get(`/api/volunteers/${other.id}`)).json().volunteer).toMatchObject({ name: '李别人', approvedHours: 3 });
    // Signed out everywhere, and cannot sign in again.
    expect((await vol.agent.get('/api/privacy/my-requests')).statusCode).toBe(401);
    const login = await w.t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: vol.username, password: PASSWORD } });
    expect(login.statusCode).toBe(401);
    // Decided once.
    const twice = await colleague.post(`/api/privacy/requests/${requestId}/decision`, { decision: 'reject', reason: '法定保存期限未满' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('privacy.already_decided');
  });

  it('rejection with its ground keeps everything, and the person sees the result', async () => {
    const req = expectStatus(await other.agent.post('/api/privacy/my-requests', {}), 201, 'request').json();
    const res = await staff.agent.post(`/api/privacy/requests/${req.id}/decision`, { decision: 'reject', reason: '法定保存期限未满' });
    expect(res.statusCode).toBe(200);
    expect((await staff.agent.get(`/api/volunteers/${other.id}`)).json().volunteer).toMatchObject({ name: '李别人', phone: other.phone, approvedHours: 3 });
    const mine = (await other.agent.get('/api/privacy/my-requests')).json().items;
    expect(mine[0]).toMatchObject({ status: 'rejected', decisionReason: '法定保存期限未满' });
    // Closed, so the person may ask again.
    expect((await other.agent.post('/api/privacy/my-requests', {})).statusCode).toBe(201);
  });
});
