import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/support/app';
import { PASSWORD, type Staff, type World, makeWorld } from '../../../../test/support/factories';

let w: World;
let t: TestApp;
let station01: string;
let station02: string;
let admin1: Staff;
let admin2: Staff;

beforeAll(async () => {
  w = await makeWorld();
  t = w.t;
  station01 = (await w.makeStation({ name: '金银社区新时代文明实践站' })).id;
  station02 = (await w.makeStation({ name: '龙井湖社区新时代文明实践站' })).id;
  admin1 = await w.stationAdmin(station01);
  admin2 = await w.stationAdmin(station02);
});
afterAll(async () => w?.close());

describe('accounts', () => {
  it('keeps the first password in the history: changing away from it and back is refused', async () => {
    const created = await w.admin.agent.post('/api/accounts', {
      username: 'first-password',
      displayName: '首次密码',
      role: 'institute_admin',
      unitId: w.instituteId,
    });
    expect(created.statusCode, created.body).toBe(201);
    const otp: string = created.json().oneTimePassword;
    const s = await t.login('first-password', otp);
    expect((await s.post('/api/auth/password', { currentPassword: otp, newPassword: 'Hongyan#River88' })).statusCode).toBe(200);
    const again = await t.login('first-password', 'Hongyan#River88');
    const back = await again.post('/api/auth/password', { currentPassword: 'Hongyan#River88', newPassword: otp });
    expect([back.statusCode, back.json().code]).toEqual([422, 'password.reused']);
  });

  it('lets a station admin create an account in their station; the one-time password must be changed first', async () => {
    const s = admin1.agent;
    const res = await s.post('/api/accounts', {
      username: 'jinyin.staff',
      displayName: '金银工作人员',
      phone: '13812345678',
      role: 'station_admin',
      unitId: station01,
    });
    expect(res.statusCode).toBe(201);
    const { account, oneTimePassword } = res.json();
    expect(account).toMatchObject({ username: 'jinyin.staff', phoneMasked: '138****5678', mustChangePassword: true });
    expect(oneTimePassword).toMatch(/^[A-Z]{3}[a-z]{4}-\d{4}$/);

    const fresh = await t.login('jinyin.staff', oneTimePassword);
    const blocked = await fresh.get('/api/org/units');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('auth.password_change_required');
    expect((await fresh.get('/api/auth/me')).json().account.mustChangePassword).toBe(true);
    const changed = await fresh.post('/api/auth/password', { currentPassword: oneTimePassword, newPassword: 'Jinyin#Road18' });
    expect(changed.statusCode).toBe(200);
    const again = await t.login('jinyin.staff', 'Jinyin#Road18');
    expect((await again.get('/api/org/units')).statusCode).toBe(200);
  });

  it('answers 409 for a taken account name or phone, and 404 for another station', async () => {
    const s = admin1.agent;
    // The bootstrap's admin is 'admin': account names are compared without case.
    const dupName = await s.post('/api/accounts', { username: w.admin.username.toUpperCase(), displayName: '重名', role: 'volunteer', unitId: station01 });
    expect(dupName.statusCode).toBe(409);
    expect(dupName.json().code).toBe('account.duplicate_username');
    const dupPhone = await s.post('/api/accounts', { username: 'dup.phone', displayName: '重号', phone: '13812345678', role: 'volunteer', unitId: station01 });
    expect(dupPhone.statusCode).toBe(409);
    const other = await s.post('/api/accounts', { username: 'other.station', displayName: '别站', role: 'volunteer', unitId: station02 });
    expect(other.statusCode).toBe(404);
    const tooHigh = await s.post('/api/accounts', { username: 'sneaky', displayName: '越权', role: 'institute_admin', unitId: station01 });
    expect(tooHigh.statusCode).toBe(422);
  });

  it('disabling ends the account sessions at once; the admin cannot disable themself', async () => {
    const admin = w.admin.agent;
    const target = await w.makeStaff('station_admin', (await w.makeStation()).id);
    const victim = target.agent;
    const list = (await admin.get(`/api/accounts?q=${target.username}`)).json();
    expect(list.total).toBe(1);
    const id = list.items[0].id;
    expect((await admin.post(`/api/accounts/${id}/disable`)).json().disabled).toBe(true);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: target.username, password: PASSWORD } });
    expect(login.statusCode).toBe(401);
    expect((await admin.post(`/api/accounts/${id}/enable`)).json().disabled).toBe(false);
    const me = (await admin.get('/api/auth/me')).json();
    expect((await admin.post(`/api/accounts/${me.account.id}/disable`)).json().code).toBe('account.self_disable');
  });

  it('lists only accounts within scope, with phones masked', async () => {
    const s = admin2.agent;
    await w.makeResident({ stationId: station02 });
    const list = (await s.get('/api/accounts?pageSize=100')).json();
    const names = list.items.map((a: { username: string }) => a.username);
    expect(names).toContain(admin2.username);
    expect(names).not.toContain(admin1.username);
    expect(names).not.toContain(w.admin.username);
    expect(list.items.some((a: { phoneMasked: string | null }) => a.phoneMasked !== null)).toBe(true);
    expect(list.items.every((a: { phoneMasked: string | null }) => a.phoneMasked === null || /^\d{3}\*{4}\d{4}$/.test(a.phoneMasked))).toBe(true);
    const adminId = w.admin.accountId;
    expect((await s.post(`/api/accounts/${adminId}/reset-password`)).statusCode).toBe(404);
  });

  it('resets a password to a new one-time password and ends old sessions', async () => {
    const admin = w.admin.agent;
    const target = await w.makeStaff('station_admin', (await w.makeStation()).id);
    const victim = target.agent;
    const id = (await admin.get(`/api/accounts?q=${target.username}`)).json().items[0].id;
    const res = await admin.post(`/api/accounts/${id}/reset-password`);
    expect(res.statusCode).toBe(200);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
    const otp = res.json().oneTimePassword;
    const fresh = await t.login(target.username, otp);
    expect((await fresh.get('/api/org/units')).json().code).toBe('auth.password_change_required');
  });
});
