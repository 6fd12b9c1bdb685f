import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent, TestApp } from '../../../../test/support/app';
import { manualClock } from '../../../../test/support/clock';
import { PASSWORD, type Staff, type World, makeWorld } from '../../../../test/support/factories';

const clock = manualClock(new Date('2026-11-28T02:00:00Z'));
let w: World;
let t: TestApp;
/** Station admins, one per case that signs in, locks or changes a password (as station01…07 were in the demo). */
const staff: Record<'withPhone' | 'wrongPassword' | 'locked' | 'idle' | 'rotated' | 'weakPassword' | 'changedPassword', Staff> = {} as never;
const STAFF_PHONE = '13912340002';

beforeAll(async () => {
  w = await makeWorld({ clock });
  t = w.t;
  for (const key of ['withPhone', 'wrongPassword', 'locked', 'idle', 'rotated', 'weakPassword', 'changedPassword'] as const) {
    const station = await w.makeStation();
    staff[key] = await w.makeStaff('station_admin', station.id, key === 'withPhone' ? { phone: STAFF_PHONE } : {});
  }
});
afterAll(async () => w?.close());

/** How many audit rows the institute admin sees (everything in this one-institute world). Reading the log writes none. */
async function auditCount(admin: Agent) {
  return (await admin.get('/api/audit?pageSize=1')).json().total as number;
}

describe('login', () => {
  it('signs in with account name, sets an httpOnly session cookie and returns a CSRF token', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: w.admin.username, password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const body = res.json();
    expect(body.csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(body.roles[0]).toMatchObject({ role: 'institute_admin', unitName: '测试街道新时代文明实践所' });
    expect(body.idleTimeoutSeconds).toBe(1800);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('signs in with the phone number too', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: STAFF_PHONE, password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.json().account.username).toBe(staff.withPhone.username);
  });

  it('gives one generic answer for an unknown account and a wrong password, and audits both', async () => {
    const admin = await w.relogin(w.admin);
    const before = await auditCount(admin);
    const a = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'x' } });
    const b = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: staff.wrongPassword.username, password: 'wrong-Password1' } });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json()).toMatchObject({ code: 'auth.invalid_credentials', message: '账号或密码错误' });
    expect(b.json().message).toBe(a.json().message);
    expect(await auditCount(admin)).toBe(before + 2);
  });

  it('locks an account for 15 minutes after 5 wrong passwords, even against the right one, without telling a guesser', async () => {
    const attempt = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    const guess = async (username: string, password: string) => {
      const res = await attempt(username, password);
      return [res.statusCode, res.json().code, res.json().message];
    };
    const unknown = 'no-such-account-here';
    const wrong = [401, 'auth.invalid_credentials', '账号或密码错误'];
    for (let i = 1; i <= 5; i++) {
      expect(await guess(staff.locked.username, `Wrong#Pass${i}`)).toEqual(wrong);
      expect(await guess(unknown, `Wrong#Pass${i}`)).toEqual(wrong);
    }
    // Locked now: a guesser still sees exactly what an unknown name answers, so the lock names no account…
    expect(await guess(staff.locked.username, 'Wrong#Pass6')).toEqual(wrong);
    expect(await guess(unknown, 'Wrong#Pass6')).toEqual(wrong);
    // …while the owner, with the right password, learns it is locked and until when.
    const owner = await attempt(staff.locked.username, PASSWORD);
    expect(owner.statusCode).toBe(423);
    expect(owner.json()).toMatchObject({ code: 'auth.locked', lockedUntil: expect.any(String) });
    expect(owner.json().message).toContain('锁定');
    clock.advance(14 * 60_000);
    expect((await attempt(staff.locked.username, PASSWORD)).statusCode).toBe(423);
    clock.advance(60_000 + 1000);
    expect((await attempt(staff.locked.username, PASSWORD)).statusCode).toBe(200);
  });

  it('rejects unknown fields and wrong types with 400 naming the field', async () => {
    const extra = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: w.admin.username, password: PASSWORD, role: 'x' } });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().code).toBe('validation.failed');
    const wrongType = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 42, password: 'x' } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().fields[0].path).toBe('body.username');
    const badJson = await t.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":' });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.json().code).toBe('request.bad_json');
  });
});

describe('sessions', () => {
  it('requires a session on every non-public route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/org/units' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'auth.required', message: '请先登录' });
    expect(res.json().requestId).toBeTruthy();
  });

  it('refuses a state change without the CSRF token, and writes nothing', async () => {
    const admin = await w.relogin(w.admin);
    const inst = w.instituteId;
    const before = await auditCount(admin);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/org/units',
      headers: { cookie: admin.cookie },
      payload: { kind: 'station', parentId: inst, name: '无令牌社区新时代文明实践站' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf.invalid');
    const units = (await admin.get('/api/org/units')).json().items as { name: string }[];
    expect(units.map((u) => u.name)).not.toContain('无令牌社区新时代文明实践站');
    expect(await auditCount(admin)).toBe(before);
  });

  it('ends a staff session after 30 idle minutes, not before', async () => {
    const s = await t.login(staff.idle.username, PASSWORD);
    clock.advance(29 * 60_000 + 59_000);
    expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    clock.advance(30 * 60_000 + 1000);
    const res = await s.get('/api/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.session_expired');
  });

  it('ends any session 12 hours after login however active it is', async () => {
    const s = await t.login(staff.idle.username, PASSWORD);
    for (let i = 0; i < 24; i++) {
      clock.advance(29 * 60_000);
      expect((await s.get('/api/auth/me')).statusCode).toBe(200);
    }
    clock.advance(30 * 60_000);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('rotates the token at login and kills the session at logout', async () => {
    const a = await t.login(staff.rotated.username, PASSWORD);
    const b = await t.login(staff.rotated.username, PASSWORD);
    expect(a.cookie).not.toBe(b.cookie);
    expect((await a.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    expect((await b.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('password change', () => {
  it('enforces length, 3 of 4 classes, the common list and the account name', async () => {
    const { username } = staff.weakPassword;
    const s = await t.login(username, PASSWORD);
    const change = (newPassword: string) => s.post('/api/auth/password', { currentPassword: PASSWORD, newPassword });
    expect((await change('Ab1!')).json().code).toBe('password.too_short');
    expect((await change('abcdefgh12')).json().code).toBe('password.too_simple');
    expect((await change('Password2026!')).json().code).toBe('password.common');
    expect((await change(`${username[0].toUpperCase()}${username.slice(1)}#Abc`)).json().code).toBe('password.contains_username');
    expect((await change(PASSWORD)).json().code).toBe('password.reused');
    const wrong = await s.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'Hongyan#River88' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().code).toBe('auth.wrong_password');
  });

  it('ends every other session and rotates the caller', async () => {
    const { username } = staff.changedPassword;
    const other = await t.login(username, PASSWORD);
    const s = await t.login(username, PASSWORD);
    const res = await s.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Hongyan#River88' });
    expect(res.statusCode).toBe(200);
    expect((await other.get('/api/auth/me')).statusCode).toBe(401);
    expect((await s.get('/api/auth/me')).statusCode).toBe(401);
    const fresh = await t.login(username, 'Hongyan#River88');
    expect((await fresh.get('/api/auth/me')).statusCode).toBe(200);
  });
});

describe('login rate limit', () => {
  it('answers 429 per address before hashing any password', async () => {
    const limited = await makeWorld({ config: { loginRateLimit: { max: 3, windowMs: 60_000 } } });
    try {
      const before = await auditCount(limited.admin.agent);
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        // From an address of its own: the world's setup signed in from the default one.
        const r = await limited.t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          remoteAddress: '10.8.0.1',
          payload: { username: limited.admin.username, password: `Guess#${i}xx` },
        });
        codes.push(r.statusCode);
        if (r.statusCode === 429) expect(r.json()).toMatchObject({ code: 'auth.rate_limited' });
      }
      expect(codes).toEqual([401, 401, 401, 429, 429, 429]);
      const after = await auditCount(limited.admin.agent);
      // Only the three attempts that got through were processed (and audited); the 429s never reached the password check.
      expect(after - before).toBe(3);
    } finally {
      await limited.close();
    }
  });
});
