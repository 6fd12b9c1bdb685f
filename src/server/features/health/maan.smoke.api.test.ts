import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_PROGRAMMES } from '../../../shared/programmes';
import { DEMO_STATIONS } from '../../db/seed/maan';
import { type Agent, type TestApp, makeTestApp } from '../../../../test/support/app';

/**
 * The smoke suite on the Ma'an demo organisation: the seed loads, hangs together, and every demo
 * account lands on working pages. Feature suites build their own world (test/support/factories.ts);
 * this is the one place that relies on the demo's names.
 */

let t: TestApp;
let admin: Agent;
beforeAll(async () => {
  t = await makeTestApp({ seed: 'maan' });
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

describe('the Ma’an demo', () => {
  it('has the plan’s “1+20” structure under the district centre', async () => {
    const units = (await admin.get('/api/org/units?pageSize=200')).json().items as { kind: string; name: string }[];
    expect(units.filter((u) => u.kind === 'institute').map((u) => u.name)).toEqual(['马鞍街道新时代文明实践所']);
    expect(
      units
        .filter((u) => u.kind === 'station')
        .map((u) => u.name)
        .sort(),
    ).toEqual(DEMO_STATIONS.map((s) => s.name).sort());
    const district = await t.login('district');
    expect((await district.get('/api/auth/me')).json().roles).toEqual([
      expect.objectContaining({ role: 'district_viewer', unitName: '涪陵区新时代文明实践中心' }),
    ]);
    expect((await district.get('/api/org/units?pageSize=200')).json().items.length).toBe(units.length + 1);
  });

  it('has the plan’s ten programmes and a verifiable audit chain', async () => {
    const names = (await admin.get('/api/programmes?pageSize=200')).json().items.map((p: { name: string }) => p.name);
    for (const p of PLAN_PROGRAMMES) expect(names).toContain(p.name);
    expect((await admin.post('/api/audit/verify')).json()).toMatchObject({ ok: true, firstBrokenSeq: null });
  });

  it.each([
    ['admin', ['/api/volunteers', '/api/activities', '/api/orders', '/api/care-recipients', '/api/hours', '/api/teams', '/api/venues', '/api/audit']],
    ['station01', ['/api/volunteers', '/api/activities', '/api/orders', '/api/care-recipients', '/api/hours', '/api/teams']],
    ['leader01', ['/api/teams', '/api/activities', '/api/volunteers/me', '/api/orders/tasks']],
    ['volunteer01', ['/api/volunteers/me', '/api/activities', '/api/orders/tasks', '/api/hours/mine', '/api/notifications']],
    ['resident01', ['/api/orders/mine', '/api/activities', '/api/notifications']],
  ])('%s signs in with the demo password and their pages have data', async (username, urls) => {
    const agent = await t.login(username);
    for (const url of urls) {
      const res = await agent.get(url);
      expect(res.statusCode, `${username} ${url}: ${res.body.slice(0, 200)}`).toBe(200);
    }
    const lists = await Promise.all(
      urls.filter((u) => !u.endsWith('/me') && u !== '/api/notifications').map(async (u) => [u, (await agent.get(u)).json().items?.length] as const),
    );
    for (const [url, n] of lists) if (n !== undefined && !['resident01', 'leader01'].includes(username)) expect(n, `${username} ${url}`).toBeGreaterThan(0);
  });

  it('has what the README promises: 300 volunteers with stars, and the Open311 demo api_key', async () => {
    // Moved here from the volunteers and open311 suites, which now build their own world.
    expect((await admin.get('/api/volunteers?pageSize=1')).json().total).toBeGreaterThanOrEqual(300);
    const three = (await admin.get('/api/volunteers?starLevel=3&pageSize=200')).json();
    expect(three.total).toBeGreaterThan(0);
    expect(three.items.every((v: { approvedHours: number }) => v.approvedHours >= 600 && v.approvedHours < 1000)).toBe(true);
    const code = (await t.app.inject({ method: 'GET', url: '/open311/v2/services.json' })).json()[0].service_code;
    const res = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ api_key: 'demo-open311-key', service_code: code, lat: '29.7269', long: '107.3721', description: '冒烟测试' }).toString(),
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('has no demo request that was placed or updated in the future (Open311 shows both times)', async () => {
    const requests = (await t.app.inject({ method: 'GET', url: '/open311/v2/requests.json' })).json() as {
      requested_datetime: string;
      updated_datetime: string;
    }[];
    expect(requests.length).toBeGreaterThan(50);
    const now = Date.now() + 1000;
    const future = requests.filter((r) => Date.parse(r.updated_datetime) > now || Date.parse(r.requested_datetime) > now);
    expect(future).toEqual([]);
  });

  it('has only whole mobile numbers on its orders (a 10-digit one was shown to staff as a number to call)', async () => {
    const rows = await t.deps.db.selectFrom('orders').select(['number', 'requester_phone']).where('requester_phone', 'is not', null).execute();
    expect(rows.length).toBeGreaterThan(50);
    expect(rows.filter((r) => !/^1\d{10}$/.test(r.requester_phone as string))).toEqual([]);
  });

  it('shows the portal to anyone', async () => {
    for (const url of ['/api/public/site', '/api/public/units', '/api/public/venues', '/api/public/brands', '/api/public/service-items']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/public/units' })).json().items.length).toBeGreaterThanOrEqual(DEMO_STATIONS.length);
  });
});
