import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActionLabel } from '../../../shared/audit';
import { markOrgChanged } from '../../platform/scope';
import type { Agent } from '../../../../test/support/app';
import { type Staff, type Street, type World, expectStatus, makeDistrictAdmin, makeStreet, makeWorld, PASSWORD } from '../../../../test/support/factories';

/**
 * Issue 13: the district's own accounts. The district admin adds another district admin and a
 * district viewer (one-time password, changed at first login), lists them, and disables or enables
 * them; nobody else may, and no account outside the district is reached this way.
 */
let w: World;
let district: Staff & { districtId: string };
let viewer: Staff & { districtId: string };
let street: Street;
let seq = 0;

beforeAll(async () => {
  w = await makeWorld();
  district = await makeDistrictAdmin(w);
  viewer = await w.makeDistrictViewer();
  street = await makeStreet(w, district);
}, 120_000);
afterAll(async () => w?.close());

const body = (o: Record<string, unknown> = {}) => ({
  districtId: district.districtId,
  username: `districtacct${++seq}`,
  displayName: `区级账号${seq}`,
  role: 'district_admin',
  ...o,
});

/** Create through the API, then sign in the way the new person would: the one-time password, then a new one. */
async function created(role: 'district_admin' | 'district_viewer'): Promise<{ accountId: string; username: string; agent: Agent }> {
  const res = expectStatus(await district.agent.post('/api/district/accounts', body({ role })), 201, `create ${role}`).json();
  expect(res.account).toMatchObject({ role, disabled: false, mustChangePassword: true, districtId: district.districtId });
  expect(res.oneTimePassword).toEqual(expect.any(String));
  const first = await w.t.login(res.account.username, res.oneTimePassword);
  const refused = await first.get('/api/district/streets');
  expect(refused.statusCode).toBe(403);
  expect(refused.json().code).toBe('auth.password_change_required');
  expectStatus(await first.post('/api/auth/password', { currentPassword: res.oneTimePassword, newPassword: PASSWORD }), 200, 'first password');
  return { accountId: res.account.accountId, username: res.account.username, agent: await w.t.login(res.account.username, PASSWORD) };
}

/** The account's audit rows from the accounts feature (sign-ins and password changes left out). */
async function auditOf(objectId: string) {
  return w.t.deps.db
    .selectFrom('audit_log')
    .select(['action', 'unit_id', 'actor_account_id'])
    .where('object_id', '=', objectId)
    .where('action', 'like', 'accounts.%')
    .orderBy('pos')
    .execute();
}

/** A second district with a viewer of its own, written the way the factories bootstrap one. */
async function otherDistrictViewer(): Promise<string> {
  const at = w.clock.now().toISOString();
  const districtId = randomUUID();
  const personId = randomUUID();
  const accountId = randomUUID();
  await w.t.deps.db.transaction().execute(async (trx) => {
    await markOrgChanged(trx);
    await trx
      .insertInto('units')
      .values({
        ...{ id: districtId, kind: 'district', parent_id: null, name: '另一区新时代文明实践中心', short_name: null, address: null },
        ...{ lng: null, lat: null, phone: null, intro: null, sort: 0, archived: 0, created_at: at, updated_at: at },
      })
      .execute();
    await trx.insertInto('people').values({ id: personId, name: '另一区查看', phone: null, created_at: at, updated_at: at }).execute();
    await trx
      .insertInto('accounts')
      .values({
        ...{ id: accountId, username: `otherdistrict${++seq}`, person_id: personId, display_name: '另一区查看', password_hash: 'x', must_change_password: 1 },
        ...{ password_changed_at: at, failed_count: 0, locked_until: null, disabled: 0, last_login_at: null, created_at: at, updated_at: at },
      })
      .execute();
    await trx
      .insertInto('role_grants')
      .values({ id: randomUUID(), account_id: accountId, role: 'district_viewer', unit_id: districtId, team_id: null, created_at: at })
      .execute();
  });
  return accountId;
}

describe("the district's own accounts", () => {
  it('creates a district admin who changes the one-time password at first login and then runs the district; audited', async () => {
    const admin = await created('district_admin');
    const streets = expectStatus(await admin.agent.get('/api/district/streets'), 200, 'streets').json();
    expect(streets.districts).toEqual([expect.objectContaining({ id: district.districtId, canManage: true })]);
    expect(streets.items.map((s: { id: string }) => s.id)).toContain(street.id);
    // The new admin manages the district's accounts too.
    const list = expectStatus(await admin.agent.get('/api/district/accounts'), 200, 'accounts').json();
    expect(list.districts).toEqual([expect.objectContaining({ id: district.districtId, canManage: true })]);
    expect(list.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ accountId: admin.accountId, role: 'district_admin', self: true, mustChangePassword: false, lastLoginAt: expect.any(String) }),
        expect.objectContaining({ accountId: district.accountId, role: 'district_admin', self: false }),
        expect.objectContaining({ accountId: viewer.accountId, role: 'district_viewer' }),
      ]),
    );
    // Only the district's own accounts: not a street's admin.
    expect(list.items.map((a: { accountId: string }) => a.accountId)).not.toContain(street.admin.accountId);
    expect(await auditOf(admin.accountId)).toEqual([
      expect.objectContaining({ action: 'accounts.created', unit_id: district.districtId, actor_account_id: district.accountId }),
    ]);
    expect(auditActionLabel('accounts.created')).toBe('新建账号');
  });

  it('creates a district viewer who reads the list and the streets and writes nothing', async () => {
    const v = await created('district_viewer');
    expectStatus(await v.agent.get('/api/district/streets'), 200, 'viewer streets');
    const list = expectStatus(await v.agent.get('/api/district/accounts'), 200, 'viewer accounts').json();
    expect(list.districts).toEqual([expect.objectContaining({ id: district.districtId, canManage: false })]);
    expect(list.items).toEqual(expect.arrayContaining([expect.objectContaining({ accountId: v.accountId, role: 'district_viewer', self: true })]));
    const refused = await v.agent.post('/api/district/accounts', body());
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('access.read_only');
    expect((await v.agent.post(`/api/district/accounts/${district.accountId}/status`, { disabled: true })).statusCode).toBe(403);
  });

  it('refuses anyone but the district admin, a unit that is not a district, duplicates and a bad body', async () => {
    for (const who of [street.admin.agent, w.admin.agent]) {
      const res = await who.post('/api/district/accounts', body());
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('access.denied');
      expect((await who.get('/api/district/accounts')).statusCode).toBe(403);
    }
    expect((await district.agent.post('/api/district/accounts', body({ districtId: street.id }))).statusCode).toBe(404);
    const dupName = await district.agent.post('/api/district/accounts', body({ username: street.admin.username }));
    expect([dupName.statusCode, dupName.json().code]).toEqual([409, 'account.duplicate_username']);
    const phone = `139${String(Date.now() % 1e8).padStart(8, '0')}`;
    expectStatus(await district.agent.post('/api/district/accounts', body({ phone, role: 'district_viewer' })), 201, 'with phone');
    const dupPhone = await district.agent.post('/api/district/accounts', body({ phone }));
    expect([dupPhone.statusCode, dupPhone.json().code]).toEqual([409, 'account.duplicate_phone']);
    expect((await district.agent.post('/api/district/accounts', body({ role: 'institute_admin' }))).statusCode).toBe(400);
  });

  it('disables another district account (its session ends at once) and enables it again; never oneself', async () => {
    const other = await created('district_admin');
    expect((await other.agent.get('/api/auth/me')).statusCode).toBe(200);
    const off = expectStatus(await district.agent.post(`/api/district/accounts/${other.accountId}/status`, { disabled: true }), 200, 'disable');
    expect(off.json()).toMatchObject({ accountId: other.accountId, disabled: true, role: 'district_admin' });
    expect((await other.agent.get('/api/auth/me')).statusCode).toBe(401);
    await expect(w.t.login(other.username, PASSWORD)).rejects.toThrow(/failed/);
    expect((await district.agent.get('/api/district/accounts')).json().items).toEqual(
      expect.arrayContaining([expect.objectContaining({ accountId: other.accountId, disabled: true })]),
    );
    expectStatus(await district.agent.post(`/api/district/accounts/${other.accountId}/status`, { disabled: false }), 200, 'enable');
    const again = await w.t.login(other.username, PASSWORD);
    expect((await again.get('/api/auth/me')).statusCode).toBe(200);
    expect((await auditOf(other.accountId)).map((r) => r.action)).toEqual(['accounts.created', 'accounts.disabled', 'accounts.enabled']);

    const self = await district.agent.post(`/api/district/accounts/${district.accountId}/status`, { disabled: true });
    expect([self.statusCode, self.json().code]).toEqual([409, 'account.self_disable']);
    // The re-enabled admin may disable the first one's viewer, but a street admin may not call this at all.
    expectStatus(await again.post(`/api/district/accounts/${viewer.accountId}/status`, { disabled: false }), 200, 'enable viewer (no change)');
    expect((await street.admin.agent.post(`/api/district/accounts/${viewer.accountId}/status`, { disabled: true })).statusCode).toBe(403);
  });

  it('answers 404 for any account that is not only the district’s own: a street’s admin, the institute admin, another district’s', async () => {
    for (const id of [street.admin.accountId, w.admin.accountId, randomUUID()]) {
      expect((await district.agent.post(`/api/district/accounts/${id}/status`, { disabled: true })).statusCode, id).toBe(404);
    }
    const foreign = await otherDistrictViewer();
    expect((await district.agent.post(`/api/district/accounts/${foreign}/status`, { disabled: true })).statusCode).toBe(404);
    const ids = (await district.agent.get('/api/district/accounts')).json().items.map((a: { accountId: string }) => a.accountId);
    expect(ids).not.toContain(foreign);
    expect((await street.admin.agent.get('/api/auth/me')).statusCode).toBe(200);
  });
});
