import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentFromResponse, type Agent, type TestApp } from '../../../../test/support/app';
import { manualClock } from '../../../../test/support/clock';
import { PASSWORD, type Staff, type World, expectStatus, makeWorld } from '../../../../test/support/factories';
import { totpCode } from '../../platform/totp';

// Five seconds into a 30-second step; tests move the clock a whole step before each new code.
const clock = manualClock(new Date('2026-11-30T02:00:05Z'));
const STEP = 30_000;
let w: World;
let t: TestApp;
let stationId: string;

beforeAll(async () => {
  w = await makeWorld({ clock });
  t = w.t;
  stationId = (await w.makeStation()).id;
  // The world starts with the rule off (as the demo does); here station admins must use 2FA.
  expectStatus(await w.admin.agent.put(`/api/settings/${w.instituteId}/rules/security.totpRequiredRoles`, { value: ['station_admin'] }), 200, 'rule');
});
afterAll(async () => w?.close());

const attempt = (username: string, password = PASSWORD) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const second = (challengeToken: string, code: string, method: 'code' | 'recovery' = 'code') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login/totp', payload: { challengeToken, method, code } });

/** Sets up and confirms 2FA for a signed-in person; returns the secret and the recovery codes. */
async function enrol(agent: Agent): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = expectStatus(await agent.post('/api/auth/totp/setup'), 200, 'setup').json();
  clock.advance(STEP);
  const enabled = expectStatus(await agent.post('/api/auth/totp/enable', { code: totpCode(setup.secret, clock.now()) }), 200, 'enable').json();
  return { secret: setup.secret, recoveryCodes: enabled.recoveryCodes };
}

/** Signs in with the password and then a fresh code: the clock moves one step first. */
async function loginWithCode(who: Staff, secret: string): Promise<Agent> {
  const challenge = expectStatus(await attempt(who.username), 200, 'password step').json();
  clock.advance(STEP);
  return agentFromResponse(t.app, who.username, expectStatus(await second(challenge.challengeToken, totpCode(secret, clock.now())), 200, 'code step'));
}

describe('two-factor login required by the rule', () => {
  it('lets a station admin without 2FA reach only the enrolment; everything else is 403 auth.totp_enrolment_required', async () => {
    const staff = await w.makeStaff('station_admin', stationId);
    const me = (await staff.agent.get('/api/auth/me')).json();
    expect(me.account.totpEnrolmentRequired).toBe(true);
    const blocked = await staff.agent.get('/api/org/units');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json()).toMatchObject({ code: 'auth.totp_enrolment_required', message: expect.stringContaining('双因素') });
    expect((await staff.agent.get('/api/auth/totp')).json()).toEqual({ enabled: false, enabledAt: null, required: true, recoveryCodesLeft: 0 });
    // The institute admin's role is not in this institute's rule: a password is enough.
    expect((await w.relogin(w.admin).then((a) => a.get('/api/org/units'))).statusCode).toBe(200);
  });

  it('enrols with a QR code and a confirming code, seals the secret, gives 10 recovery codes once, and opens the session', async () => {
    const staff = await w.makeStaff('station_admin', stationId);
    const setup = expectStatus(await staff.agent.post('/api/auth/totp/setup'), 200, 'setup').json();
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.uri).toMatch(/^otpauth:\/\/totp\/.+secret=/);
    expect(setup.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const row = await t.deps.db.selectFrom('account_totp').selectAll().where('account_id', '=', staff.accountId).executeTakeFirstOrThrow();
    expect(row.secret_sealed).not.toContain(setup.secret);
    expect(row.enabled_at).toBeNull();

    const wrong = await staff.agent.post('/api/auth/totp/enable', { code: '000000' === totpCode(setup.secret, clock.now()) ? '111111' : '000000' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().code).toBe('totp.invalid_code');

    const ok = expectStatus(await staff.agent.post('/api/auth/totp/enable', { code: totpCode(setup.secret, clock.now()) }), 200, 'enable').json();
    expect(ok.recoveryCodes).toHaveLength(10);
    expect((await staff.agent.get('/api/org/units')).statusCode).toBe(200);
    expect((await staff.agent.get('/api/auth/me')).json().account.totpEnrolmentRequired).toBe(false);
    expect((await staff.agent.get('/api/auth/totp')).json()).toMatchObject({ enabled: true, required: true, recoveryCodesLeft: 10 });
    const stored = await t.deps.db.selectFrom('account_recovery_codes').select('code_hmac').where('account_id', '=', staff.accountId).execute();
    expect(stored.map((r) => r.code_hmac)).not.toContain(ok.recoveryCodes[0].replace('-', ''));
    expect((await staff.agent.post('/api/auth/totp/setup')).json().code).toBe('totp.already_enabled');
    const audit = (await w.admin.agent.get('/api/audit?action=auth.totp_enabled')).json().items;
    expect(audit.some((a: { objectId: string }) => a.objectId === staff.accountId)).toBe(true);
  });
});

describe('login with a second factor', () => {
  let staff: Staff;
  let secret: string;
  let recoveryCodes: string[];
  beforeAll(async () => {
    staff = await w.makeStaff('station_admin', stationId);
    ({ secret, recoveryCodes } = await enrol(staff.agent));
  });

  it('answers a right password with a challenge, not a session; a code then opens the session', async () => {
    const first = await attempt(staff.username);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ step: 'totp', challengeToken: expect.any(String) });
    expect(first.cookies.find((c) => c.name === 'sid')).toBeUndefined();
    clock.advance(STEP);
    const res = await second(first.json().challengeToken, totpCode(secret, clock.now()));
    expect(res.statusCode).toBe(200);
    const agent = agentFromResponse(t.app, staff.username, res);
    expect((await agent.get('/api/org/units')).statusCode).toBe(200);
  });

  it('refuses the same code (the same time step) a second time, and one step back', async () => {
    const agent = await loginWithCode(staff, secret);
    expect(agent.cookie).toBeTruthy();
    const used = totpCode(secret, clock.now());
    const again = await attempt(staff.username);
    const replay = await second(again.json().challengeToken, used);
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'auth.totp_invalid', message: expect.stringContaining('验证码') });
    const older = await second(again.json().challengeToken, totpCode(secret, new Date(clock.now().getTime() - STEP)));
    expect(older.statusCode).toBe(401);
    // A code of the next step (the phone's clock a little ahead) is still good.
    expectStatus(await second(again.json().challengeToken, totpCode(secret, new Date(clock.now().getTime() + STEP))), 200, 'next step');
    clock.advance(2 * STEP);
  });

  it('takes a recovery code once', async () => {
    const a = await attempt(staff.username);
    expectStatus(await second(a.json().challengeToken, recoveryCodes[0].toLowerCase(), 'recovery'), 200, 'recovery code');
    const b = await attempt(staff.username);
    const reuse = await second(b.json().challengeToken, recoveryCodes[0], 'recovery');
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().code).toBe('auth.totp_invalid');
    const agent = await loginWithCode(staff, secret);
    expect((await agent.get('/api/auth/totp')).json().recoveryCodesLeft).toBe(9);
  });

  it('lets a challenge expire after 5 minutes', async () => {
    const a = await attempt(staff.username);
    clock.advance(5 * 60_000 + 1000);
    const late = await second(a.json().challengeToken, totpCode(secret, clock.now()));
    expect(late.statusCode).toBe(401);
    expect(late.json().code).toBe('auth.totp_challenge_expired');
    expect((await second('x'.repeat(43), '123456')).json().code).toBe('auth.totp_challenge_expired');
  });
});

describe('wrong codes', () => {
  it('are audited and count toward the lockout: 5 wrong codes lock the account; the challenge is dead after 5', async () => {
    const staff = await w.makeStaff('station_admin', stationId);
    const { secret } = await enrol(staff.agent);
    const right = totpCode(secret, clock.now());
    const wrongCode = right === '123456' ? '654321' : '123456';
    const before = (await w.admin.agent.get('/api/audit?action=auth.login_failed&pageSize=1')).json().total as number;
    const a = await attempt(staff.username);
    for (let i = 0; i < 5; i++) {
      const res = await second(a.json().challengeToken, wrongCode);
      expect(res.json().code).toBe('auth.totp_invalid');
    }
    expect((await w.admin.agent.get('/api/audit?action=auth.login_failed&pageSize=1')).json().total).toBe(before + 5);
    clock.advance(STEP);
    expect((await second(a.json().challengeToken, totpCode(secret, clock.now()))).json().code).toBe('auth.totp_challenge_expired');
    const locked = await attempt(staff.username);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('auth.locked');
    // The lock ends like a password lock does (15 minutes).
    clock.advance(15 * 60_000 + STEP);
    await loginWithCode(staff, secret);
  });
});

describe('disabling two-factor login', () => {
  it('needs the password and a code; with the rule on, the next login can only enrol again', async () => {
    const staff = await w.makeStaff('station_admin', stationId);
    const { secret } = await enrol(staff.agent);
    clock.advance(STEP);
    const wrongPassword = await staff.agent.post('/api/auth/totp/disable', { password: 'Wrong#Pass123', code: totpCode(secret, clock.now()) });
    expect(wrongPassword.json().code).toBe('auth.wrong_password');
    const wrongCode = await staff.agent.post('/api/auth/totp/disable', { password: PASSWORD, code: '12345' });
    expect(wrongCode.statusCode).toBe(422);
    expect(wrongCode.json().code).toBe('totp.invalid_code');
    expectStatus(await staff.agent.post('/api/auth/totp/disable', { password: PASSWORD, code: totpCode(secret, clock.now()) }), 200, 'disable');
    expect((await staff.agent.get('/api/org/units')).json().code).toBe('auth.totp_enrolment_required');
    const res = await attempt(staff.username);
    expect(res.json().step).toBeUndefined();
    expect(res.json().account.totpEnrolmentRequired).toBe(true);
    const audit = (await w.admin.agent.get('/api/audit?action=auth.totp_disabled')).json().items;
    expect(audit.some((x: { objectId: string }) => x.objectId === staff.accountId)).toBe(true);
  });
});

describe('an admin resets the password of someone who lost their phone', () => {
  it('clears the second factor with the password, audited; the next login asks for the new password and then enrolment', async () => {
    const staff = await w.makeStaff('station_admin', stationId);
    await enrol(staff.agent);
    const reset = expectStatus(await w.admin.agent.post(`/api/accounts/${staff.accountId}/reset-password`), 200, 'reset').json();
    const res = await attempt(staff.username, reset.oneTimePassword);
    expect(res.statusCode).toBe(200);
    expect(res.json().step).toBeUndefined(); // no code asked: the lost authenticator is gone
    expect(await t.deps.db.selectFrom('account_totp').select('account_id').where('account_id', '=', staff.accountId).execute()).toEqual([]);
    expect(await t.deps.db.selectFrom('account_recovery_codes').select('id').where('account_id', '=', staff.accountId).execute()).toEqual([]);
    const audit = (await w.admin.agent.get('/api/audit?action=accounts.password_reset')).json().items;
    expect(audit.find((x: { objectId: string }) => x.objectId === staff.accountId)?.changes).toEqual({ totp: { before: 'enabled', after: 'cleared' } });
  });
});
