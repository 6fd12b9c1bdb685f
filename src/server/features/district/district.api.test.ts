import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditActionLabel } from '../../../shared/audit';
import { chinaToday } from '../../../shared/china-time';
import type { Agent } from '../../../../test/support/app';
import { upload } from '../../../../test/support/app';
import {
  type Staff,
  type Street,
  type World,
  expectStatus,
  hoursFrom,
  makeDistrictAdmin,
  makeStreet,
  makeWorld,
  PASSWORD,
} from '../../../../test/support/factories';

/**
 * Issue 13: several streets in one deployment. The world's institute is street A (put under the
 * district by `makeDistrictAdmin`); the district admin creates street B through the API. Each
 * street's admin sees only its own; the district sees both in its summary and changes nothing inside.
 */
let w: World;
let district: Staff & { districtId: string };
let b: Street;

interface Side {
  admin: Agent;
  stationId: string;
  volunteerId: string;
  activityId: string;
  orderId: string;
  hoursId: string;
}
let A: Side;
let B: Side;

const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((i) => i.id);

/** A station, a certified volunteer, a published activity, an order, an approved service record — all by the street's own staff. */
async function fill(street: { instituteId: string; admin: Agent }): Promise<Side> {
  const admin = street.admin;
  const k = Math.floor(Math.random() * 1e6);
  const station = expectStatus(
    await admin.post('/api/org/units', { kind: 'station', parentId: street.instituteId, name: `隔离${k}社区新时代文明实践站` }),
    201,
    'station',
  ).json().id as string;
  const vol = expectStatus(
    await admin.post('/api/volunteers', {
      ...{ name: `隔离志愿者${k}`, idNumber: idNumberFor(k), phone: `136${String(k).padStart(8, '0')}`, stationId: station },
      ...{ category: '热心群众', serviceCategories: ['助老助残'], consent: { method: 'phone_confirmation', note: '电话确认本人同意登记' } },
    }),
    201,
    'volunteer',
  ).json().id as string;
  expectStatus(await admin.post(`/api/volunteers/${vol}/transitions`, { action: 'certify' }), 200, 'certify');
  const starts = hoursFrom(w.clock, 72);
  const act = expectStatus(
    await admin.post('/api/activities', {
      ...{ unitId: station, title: `隔离活动${k}`, startsAt: starts, endsAt: new Date(Date.parse(starts) + 7200_000).toISOString() },
      positions: [{ name: '志愿者', headcount: 5 }],
    }),
    201,
    'activity',
  ).json().items[0].id as string;
  expectStatus(await admin.post(`/api/activities/${act}/transitions`, { action: 'publish' }), 200, 'publish');
  const resident = expectStatus(
    await admin.post('/api/accounts', {
      username: `res${k}`,
      displayName: `居民${k}`,
      phone: `137${String(k).padStart(8, '0')}`,
      role: 'resident',
      unitId: station,
    }),
    201,
    'resident',
  ).json();
  const first = await w.t.login(`res${k}`, resident.oneTimePassword);
  expectStatus(await first.post('/api/auth/password', { currentPassword: resident.oneTimePassword, newPassword: PASSWORD }), 200, 'resident password');
  const residentAgent = await w.t.login(`res${k}`, PASSWORD);
  const order = expectStatus(await residentAgent.post('/api/orders', { description: '想请人帮忙买点米和油', stationId: station }), 201, 'order').json()
    .id as string;
  // Hours: entered by the station's admin, approved by the street's admin (never the enterer).
  const stationAdmin = expectStatus(
    await admin.post('/api/accounts', { username: `sa${k}`, displayName: `站管理员${k}`, role: 'station_admin', unitId: station }),
    201,
    'station admin',
  ).json();
  const s1 = await w.t.login(`sa${k}`, stationAdmin.oneTimePassword);
  expectStatus(await s1.post('/api/auth/password', { currentPassword: stationAdmin.oneTimePassword, newPassword: PASSWORD }), 200, 'sa password');
  const sa = await w.t.login(`sa${k}`, PASSWORD);
  const evidence = await upload(w.t, sa);
  const yesterday = chinaToday(new Date(w.clock.now().getTime() - 86400_000));
  const rec = expectStatus(
    await sa.post('/api/hours/backfill', {
      ...{ volunteerId: vol, unitId: station, title: '敬老助老', serviceDate: yesterday, startTime: '09:00', endTime: '12:00' },
      ...{ content: '上门探望空巢老人', evidenceFileIds: [evidence], reason: '按纸质签到表补录' },
    }),
    201,
    'hours',
  ).json().id as string;
  expectStatus(await admin.post(`/api/hours/${rec}/decision`, { decision: 'approve' }), 200, 'approve');
  return { admin, stationId: station, volunteerId: vol, activityId: act, orderId: order, hoursId: rec };
}

function idNumberFor(k: number): string {
  // 18 digits with a valid check digit (GB 11643).
  const body = `500102198203${String(10 + (k % 18)).padStart(2, '0')}${String(k % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

beforeAll(async () => {
  w = await makeWorld();
  district = await makeDistrictAdmin(w);
  b = await makeStreet(w, district, { name: '江东街道新时代文明实践所', code: '500102002' });
  A = await fill({ instituteId: w.instituteId, admin: w.admin.agent });
  B = await fill({ instituteId: b.id, admin: b.admin.agent });
}, 180_000);
afterAll(async () => w?.close());

describe('the district admin and streets', () => {
  it('creates a street with its first institute admin, who signs in with the one-time password; audited in Chinese', async () => {
    const list = expectStatus(await district.agent.get('/api/district/streets'), 200, 'list').json();
    expect(list.districts).toEqual([expect.objectContaining({ id: district.districtId, canManage: true })]);
    const street = list.items.find((s: { id: string }) => s.id === b.id);
    expect(street).toMatchObject({
      name: '江东街道新时代文明实践所',
      code: '500102002',
      admins: [expect.objectContaining({ username: b.admin.username, disabled: false })],
    });
    expect((await b.admin.agent.get('/api/auth/me')).json().roles).toEqual([expect.objectContaining({ role: 'institute_admin', unitId: b.id })]);
    const audit = expectStatus(await b.admin.agent.get('/api/audit?action=org.street_created'), 200, 'audit').json().items;
    expect(audit).toEqual([expect.objectContaining({ objectId: b.id, action: 'org.street_created' })]);
    expect(auditActionLabel('org.street_created')).toBe('新建街道（实践所）');
  });

  it('refuses a duplicate code or name (409), a bad code (400), and anyone but the district admin (403/404)', async () => {
    const body = (o: Record<string, unknown>) => ({
      districtId: district.districtId,
      name: '新街道新时代文明实践所',
      code: '500102099',
      admin: { username: 'newstreetadmin', displayName: '新管理员' },
      ...o,
    });
    expect((await district.agent.post('/api/district/streets', body({ code: '500102002' }))).json().code).toBe('org.duplicate_code');
    expect((await district.agent.post('/api/district/streets', body({ name: b.name }))).json().code).toBe('org.duplicate_name');
    expect((await district.agent.post('/api/district/streets', body({ admin: { username: b.admin.username, displayName: 'x' } }))).json().code).toBe(
      'account.duplicate_username',
    );
    const bad = await district.agent.post('/api/district/streets', body({ code: '中文' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('街道代码');
    expect((await b.admin.agent.post('/api/district/streets', body({}))).statusCode).toBe(403);
    expect((await (await w.makeDistrictViewer()).agent.post('/api/district/streets', body({}))).statusCode).toBe(403);
    // The old way (org.create_unit) stays the institute admin's, and nobody's at the district.
    expect((await w.admin.agent.post('/api/org/units', { kind: 'institute', parentId: district.districtId, name: '旁门街道' })).statusCode).toBe(404);
    expect((await district.agent.get('/api/district/streets')).json().items).toHaveLength(2);
  });

  it('disables and re-enables a street admin (sessions end at once), and no other account', async () => {
    const target = await makeStreet(w, district);
    expect((await target.admin.agent.get('/api/auth/me')).statusCode).toBe(200);
    const off = expectStatus(await district.agent.post(`/api/district/street-admins/${target.admin.accountId}/status`, { disabled: true }), 200, 'disable');
    expect(off.json()).toMatchObject({ disabled: true });
    expect((await target.admin.agent.get('/api/auth/me')).statusCode).toBe(401);
    await expect(w.t.login(target.admin.username, PASSWORD)).rejects.toThrow(/failed/);
    expectStatus(await district.agent.post(`/api/district/street-admins/${target.admin.accountId}/status`, { disabled: false }), 200, 'enable');
    target.admin.agent = await w.t.login(target.admin.username, PASSWORD);
    expect((await target.admin.agent.get('/api/auth/me')).statusCode).toBe(200);
    const audit = (await target.admin.agent.get('/api/audit?action=accounts.street_admin_disabled')).json().items;
    expect(audit).toEqual([expect.objectContaining({ objectId: target.admin.accountId, action: 'accounts.street_admin_disabled' })]);
    expect(auditActionLabel('accounts.street_admin_disabled')).toBe('停用街道管理员');
    // A station admin is not a street admin: 404, as is anyone's account for a street admin calling.
    const me = (await w.admin.agent.get('/api/accounts?pageSize=200')).json().items as { id: string; roles: { role: string }[] }[];
    const stationAdmin = me.find((a) => a.roles.some((r) => r.role === 'station_admin')) as { id: string };
    expect((await district.agent.post(`/api/district/street-admins/${stationAdmin.id}/status`, { disabled: true })).statusCode).toBe(404);
    expect((await b.admin.agent.post(`/api/district/street-admins/${w.admin.accountId}/status`, { disabled: true })).statusCode).toBe(403);
  });
});

describe('district defaults for the rules', () => {
  const key = 'activities.minPerStationPerMonth';
  const ruleOf = (view: { rules: { key: string }[] }) => view.rules.find((r) => r.key === key) as Record<string, unknown>;

  it('applies the district value where a street has not set its own; the street’s own still wins; a reset returns to the district’s', async () => {
    const mine = expectStatus(await district.agent.get('/api/settings'), 200, 'district settings').json();
    expect(mine).toMatchObject({ unitId: district.districtId, level: 'district', canEdit: true });
    expectStatus(await district.agent.put(`/api/settings/${district.districtId}/rules/${key}`, { value: 3 }), 200, 'district default');
    expectStatus(await w.admin.agent.put(`/api/settings/${w.instituteId}/rules/${key}`, { value: 2 }), 200, 'own value');

    const viewB = (await b.admin.agent.get('/api/settings')).json();
    expect(viewB).toMatchObject({ level: 'institute', canEdit: true, districtName: expect.any(String) });
    expect(ruleOf(viewB)).toMatchObject({ value: 3, origin: 'district', isDefault: true, inheritedValue: 3, defaultValue: 1 });
    expect(ruleOf((await w.admin.agent.get('/api/settings')).json())).toMatchObject({ value: 2, origin: 'own', inheritedValue: 3 });

    const reset = expectStatus(await w.admin.agent.delete(`/api/settings/${w.instituteId}/rules/${key}`), 200, 'reset').json();
    expect(reset).toMatchObject({ value: 3, origin: 'district' });
    const audit = (await w.admin.agent.get('/api/audit?action=settings.rule_reset')).json().items;
    expect(audit[0].changes[key]).toEqual({ before: 2, after: 3 });
  });

  it('keeps each side to its own level: the street cannot set district defaults, the district cannot set a street’s rule', async () => {
    expect((await b.admin.agent.put(`/api/settings/${district.districtId}/rules/${key}`, { value: 5 })).statusCode).toBe(403);
    expect((await district.agent.put(`/api/settings/${b.id}/rules/${key}`, { value: 5 })).statusCode).toBe(403);
    expect((await (await w.makeDistrictViewer()).agent.put(`/api/settings/${district.districtId}/rules/${key}`, { value: 5 })).statusCode).toBe(403);
    expect((await district.agent.put(`/api/settings/${district.districtId}/rules/${key}`, { value: -1 })).json().code).toBe('settings.bad_value');
  });
});

describe('two streets in one database', () => {
  it('lists only its own stations, volunteers, activities, orders, hours and audit to each street', async () => {
    for (const [me, other] of [
      [A, B],
      [B, A],
    ] as const) {
      const units = ids(await me.admin.get('/api/org/units?pageSize=200'));
      expect(units).toContain(me.stationId);
      expect(units).not.toContain(other.stationId);
      const lists: [string, string, string][] = [
        ['/api/volunteers?pageSize=200', me.volunteerId, other.volunteerId],
        ['/api/activities?pageSize=200', me.activityId, other.activityId],
        ['/api/orders?pageSize=100', me.orderId, other.orderId],
        ['/api/hours?pageSize=100', me.hoursId, other.hoursId],
      ];
      for (const [url, mine, theirs] of lists) {
        const got = ids(expectStatus(await me.admin.get(url), 200, url));
        expect(got, url).toContain(mine);
        expect(got, url).not.toContain(theirs);
      }
      const audit = (await me.admin.get('/api/audit?pageSize=200')).json().items as { objectId: string | null; unitId: string | null }[];
      const objects = new Set(audit.map((r) => r.objectId));
      expect(objects.has(me.volunteerId)).toBe(true);
      for (const theirs of [other.stationId, other.volunteerId, other.activityId, other.orderId, other.hoursId]) expect(objects.has(theirs)).toBe(false);
    }
  });

  it('answers 404 (or 403) to a direct GET of the other street’s objects', async () => {
    for (const [me, other] of [
      [A, B],
      [B, A],
    ] as const) {
      for (const url of [
        `/api/org/units/${other.stationId}`,
        `/api/volunteers/${other.volunteerId}`,
        `/api/activities/${other.activityId}`,
        `/api/orders/${other.orderId}`,
        `/api/hours/${other.hoursId}`,
        `/api/settings/${other === A ? w.instituteId : b.id}`,
      ]) {
        expect([403, 404], url).toContain((await me.admin.get(url)).statusCode);
      }
    }
  });

  it('shows the district both streets side by side, with the figures each street’s own data gives; the streets cannot see it', async () => {
    const summary = expectStatus(await district.agent.get('/api/district/summary'), 200, 'summary').json();
    const of = (id: string) => summary.streets.find((s: { id: string }) => s.id === id);
    for (const id of [w.instituteId, b.id]) {
      expect(of(id)).toMatchObject({ stations: 1, volunteers: 1, approvedHours: 3, activities: 1, ordersPlaced: 1 });
    }
    expect(of(b.id)).toMatchObject({ code: '500102002', monthlyRule: expect.objectContaining({ minimum: 3, stations: 1 }) });
    expect(summary.totals.volunteers).toBeGreaterThanOrEqual(2);
    // The viewer reads it too; a street's admin does not.
    expect((await (await w.makeDistrictViewer()).agent.get('/api/district/summary')).statusCode).toBe(200);
    expect((await b.admin.agent.get('/api/district/summary')).statusCode).toBe(403);
    expect((await b.admin.agent.get('/api/district/streets')).statusCode).toBe(403);
    // Drill-down is read-only: the district reads a street's report and screen, and writes nothing there.
    expect((await district.agent.get(`/api/reports?instituteId=${b.id}&period=${chinaToday(w.clock.now()).slice(0, 7)}`)).statusCode).toBe(200);
    expectStatus(await district.agent.get(`/api/dashboard?unitId=${b.id}`), 200, 'street screen');
    expect((await b.admin.agent.get(`/api/dashboard?unitId=${w.instituteId}`)).statusCode).toBe(404);
    expect((await district.agent.post('/api/org/units', { kind: 'station', parentId: b.id, name: '区里加的站' })).statusCode).toBe(403);
    expect((await district.agent.get(`/api/volunteers/${B.volunteerId}`)).statusCode).toBe(403);
  });
});
