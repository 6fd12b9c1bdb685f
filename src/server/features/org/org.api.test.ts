import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent, TestApp } from '../../../../test/support/app';
import { type Staff, type World, expectStatus, makeWorld } from '../../../../test/support/factories';

let w: World;
let t: TestApp;
let instituteId: string;
let station03: string;
let station04: string;
let xinghua: string;
let admin03: Staff;
let admin04: Staff;
let district: Staff;
/** The stations the world starts with (the demo had 20). */
const STATIONS = ['金银社区新时代文明实践站', '马鞍社区新时代文明实践站', '望州社区新时代文明实践站', '兴华社区新时代文明实践站', '滨江社区新时代文明实践站'];

beforeAll(async () => {
  w = await makeWorld();
  t = w.t;
  instituteId = w.instituteId;
  // A district above the institute, so "never shows the district" can fail.
  district = await w.makeDistrictViewer();
  const ids: Record<string, string> = {};
  for (const name of STATIONS) ids[name] = (await w.makeStation({ name })).id;
  station03 = ids['马鞍社区新时代文明实践站'];
  station04 = ids['望州社区新时代文明实践站'];
  xinghua = ids['兴华社区新时代文明实践站'];
  expectStatus(await w.admin.agent.patch(`/api/org/units/${station03}`, { phone: '023-72811103' }), 200, 'station phone');
  admin03 = await w.stationAdmin(station03);
  admin04 = await w.stationAdmin(station04);
  // Posts: the institute has its two 工作人员; 金银 and 马鞍 are staffed, 兴华 and 滨江 have nobody yet.
  const post = async (unitId: string, body: Record<string, unknown>) =>
    expectStatus(await w.admin.agent.post(`/api/org/units/${unitId}/posts`, body), 201, 'post');
  await post(instituteId, { post: 'staff', holderName: '王晓燕' });
  await post(instituteId, { post: 'staff', holderName: '陈建华' });
  await post(ids['金银社区新时代文明实践站'], { post: 'staff', holderName: '刘芳' });
  await post(station03, { post: 'station_head', holderName: '张德明', sort: 1 });
  await post(station03, { post: 'deputy_station_head', holderName: '李秀兰', sort: 2 });
  await post(station03, { post: 'staff', holderName: '赵强', sort: 3 });
  expectStatus(
    await w.admin.agent.post(`/api/org/units/${instituteId}/leading-group`, { name: '周国强', groupRole: 'leader', title: '街道党工委书记' }),
    201,
    'leading group',
  );
});
afterAll(async () => w?.close());

/** What the institute admin can see of the log: every row of this one-institute world. */
const auditTotal = async (admin: Agent) => (await admin.get('/api/audit?pageSize=1')).json().total as number;
const unitCount = async (admin: Agent) => (await admin.get('/api/org/units?pageSize=1')).json().total as number;

describe('units in scope', () => {
  it('shows the institute admin the institute and all its stations', async () => {
    const admin = w.admin.agent;
    const res = await admin.get('/api/org/units?pageSize=200');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { kind: string; parentId: string }[];
    expect(items.filter((u) => u.kind === 'station')).toHaveLength(STATIONS.length);
    expect(items.filter((u) => u.kind === 'institute')).toHaveLength(1);
    expect(items.every((u) => u.kind !== 'district')).toBe(true);
  });

  it('pages the units on the server and finds them by part of the name', async () => {
    const admin = w.admin.agent;
    const all = (await admin.get('/api/org/units?pageSize=200')).json();
    expect(all.total).toBe(STATIONS.length + 1);
    const size = all.total - 1;
    const first = (await admin.get(`/api/org/units?pageSize=${size}`)).json();
    expect([first.total, first.page, first.pageSize, first.items.length]).toEqual([all.total, 1, size, size]);
    const last = (await admin.get(`/api/org/units?pageSize=${size}&page=2`)).json();
    expect(last.items).toHaveLength(1);
    expect(first.items.map((u: { id: string }) => u.id)).not.toContain(last.items[0].id);
    const found = (await admin.get(`/api/org/units?q=${encodeURIComponent('望州')}`)).json();
    expect([found.total, found.items[0]?.id]).toEqual([1, station04]);
    // LIKE wildcards typed into the search are dropped, never used as a pattern.
    expect((await admin.get(`/api/org/units?q=${encodeURIComponent('%')}`)).json().total).toBe(all.total);
  });

  it('shows a station admin only their own station, and 404 for another', async () => {
    const s = admin03.agent;
    const res = await s.get('/api/org/units');
    expect(res.json().items.map((u: { id: string }) => u.id)).toEqual([station03]);
    expect((await s.get(`/api/org/units/${station04}`)).statusCode).toBe(404);
    expect((await s.get(`/api/org/units/${instituteId}`)).statusCode).toBe(404);
    const patch = await s.patch(`/api/org/units/${station04}`, { phone: '023-12345678' });
    expect(patch.statusCode).toBe(404);
    expect(patch.json()).toMatchObject({ code: 'not_found', message: '内容不存在或无权查看' });
  });

  it('lets the district viewer read every level but change nothing', async () => {
    const d = district.agent;
    const items = (await d.get('/api/org/units?pageSize=200')).json().items;
    // The district, the institute and its stations.
    expect(items).toHaveLength(STATIONS.length + 2);
    expect((await d.patch(`/api/org/units/${station03}`, { phone: '023-72810000' })).statusCode).toBe(403);
  });

  it('answers 400 for a malformed id, not 500', async () => {
    const admin = w.admin.agent;
    const res = await admin.get('/api/org/units/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(res.json().fields[0].path).toBe('params.id');
  });
});

describe('adding and editing stations', () => {
  it('lets the institute admin add a station, audited', async () => {
    const admin = w.admin.agent;
    const auditBefore = await auditTotal(admin);
    const res = await admin.post('/api/org/units', {
      kind: 'station',
      parentId: instituteId,
      name: '新城社区新时代文明实践站',
      address: '新城路 1 号',
      lng: 107.4,
      lat: 29.7,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'station', parentId: instituteId, name: '新城社区新时代文明实践站' });
    expect(await auditTotal(admin)).toBe(auditBefore + 1);
    const row = (await admin.get('/api/audit?pageSize=1')).json().items[0];
    expect(row.action).toBe('org.unit_created');
    expect(row.objectId).toBe(res.json().id);
    expect(row.changes.name).toEqual({ before: null, after: '新城社区新时代文明实践站' });
  });

  it('refuses a duplicate station name with 409 and writes nothing', async () => {
    const admin = w.admin.agent;
    const [units, audit] = [await unitCount(admin), await auditTotal(admin)];
    const res = await admin.post('/api/org/units', { kind: 'station', parentId: instituteId, name: '金银社区新时代文明实践站' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'org.duplicate_name', message: '同级单位中已有同名单位' });
    expect([await unitCount(admin), await auditTotal(admin)]).toEqual([units, audit]);
    const rename = await admin.patch(`/api/org/units/${station03}`, { name: '金银社区新时代文明实践站' });
    expect(rename.statusCode).toBe(409);
  });

  it('refuses a station admin adding a station (403) and a station under a station (422)', async () => {
    const s = admin03.agent;
    expect((await s.post('/api/org/units', { kind: 'station', parentId: station03, name: '越权社区新时代文明实践站' })).statusCode).toBe(403);
    const admin = w.admin.agent;
    const bad = await admin.post('/api/org/units', { kind: 'station', parentId: station03, name: '子站新时代文明实践站' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('org.bad_parent');
  });

  it('lets a station admin edit their own station, recording before → after', async () => {
    const s = admin03.agent;
    const res = await s.patch(`/api/org/units/${station03}`, { phone: '023-72819999', intro: '马鞍社区以“邻里守望”为特色。' });
    expect(res.statusCode).toBe(200);
    expect(res.json().phone).toBe('023-72819999');
    const row = (await w.admin.agent.get('/api/audit?action=org.unit_updated&pageSize=1')).json().items[0];
    expect(row.objectId).toBe(station03);
    expect(row.changes.phone).toEqual({ before: '023-72811103', after: '023-72819999' });
    // Archiving is the institute's decision.
    expect((await s.patch(`/api/org/units/${station03}`, { archived: true })).statusCode).toBe(403);
  });

  it('rejects unknown fields and out-of-range coordinates with 400', async () => {
    const admin = w.admin.agent;
    const unknown = await admin.patch(`/api/org/units/${station03}`, { parentId: station04 });
    expect(unknown.statusCode).toBe(400);
    const lat = await admin.patch(`/api/org/units/${station03}`, { lat: 200 });
    expect(lat.statusCode).toBe(400);
    expect(lat.json().fields[0].path).toBe('body.lat');
  });
});

describe('posts, staffing and the leading group', () => {
  it('shows the plan staffing rule against 工作人员 posts, and updates when a post is added', async () => {
    const admin = w.admin.agent;
    const staffing = (await admin.get('/api/org/staffing')).json().items as { unitName: string; actual: number; status: string; required: { min: number } }[];
    const inst = staffing.find((s) => s.unitName === '测试街道新时代文明实践所');
    expect(inst).toMatchObject({ actual: 2, status: 'ok', required: { min: 2, max: 3 } });
    const short = staffing.filter((s) => s.status === 'short').map((s) => s.unitName);
    expect(short).toEqual(expect.arrayContaining(['兴华社区新时代文明实践站', '滨江社区新时代文明实践站']));
    expect(short).not.toContain('金银社区新时代文明实践站');

    const created = await admin.post(`/api/org/units/${xinghua}/posts`, { post: 'staff', holderName: '林小琴', phone: '13900001234' });
    expect(created.statusCode).toBe(201);
    expect(created.json().phoneMasked).toBe('139****1234');
    const after = (await admin.get('/api/org/staffing')).json().items.find((s: { unitId: string }) => s.unitId === xinghua);
    expect(after).toMatchObject({ actual: 1, status: 'ok' });
  });

  it('refuses an institute post on a station, and another station admin gets 404', async () => {
    const s = admin03.agent;
    const bad = await s.post(`/api/org/units/${station03}/posts`, { post: 'director', holderName: '某某' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('org.post_not_for_unit');
    const posts = (await s.get(`/api/org/units/${station03}/posts`)).json().items;
    expect(posts.map((p: { post: string }) => p.post)).toEqual(['station_head', 'deputy_station_head', 'staff']);
    const other = admin04.agent;
    expect((await other.delete(`/api/org/posts/${posts[0].id}`)).statusCode).toBe(404);
    expect((await other.put(`/api/org/posts/${posts[0].id}`, { post: 'station_head', holderName: '冒名' })).statusCode).toBe(404);
    // Nothing changed: the station's posts read back as they were.
    expect((await s.get(`/api/org/units/${station03}/posts`)).json().items).toEqual(posts);
    expect((await other.get(`/api/org/units/${station04}/posts`)).json().items).toEqual([]);
  });

  it('keeps the leading group on the institute', async () => {
    const admin = w.admin.agent;
    const list = (await admin.get(`/api/org/units/${instituteId}/leading-group`)).json().items;
    expect(list[0]).toMatchObject({ name: '周国强', groupRole: 'leader' });
    const added = await admin.post(`/api/org/units/${instituteId}/leading-group`, {
      name: '郭雪梅',
      groupRole: 'member',
      title: '司法所所长',
      duty: '法治宣传',
    });
    expect(added.statusCode).toBe(201);
    const onStation = await admin.post(`/api/org/units/${station03}/leading-group`, { name: '错放', groupRole: 'member' });
    expect(onStation.statusCode).toBe(422);
    expect((await admin.delete(`/api/org/leading-group/${added.json().id}`)).statusCode).toBe(200);
  });
});

describe("a unit's nested lists are paged on the server", () => {
  type Row = { id: string };
  const ids = (items: Row[]) => items.map((r) => r.id);
  /** Every page of `url` at `size`, checking each page's envelope; the rows in the order served. */
  async function allPages<T = Row>(agent: Agent, url: string, size: number) {
    const first = (await agent.get(`${url}?pageSize=${size}`)).json();
    const rows: T[] = [...first.items];
    for (let page = 2; (page - 1) * size < first.total; page++) {
      const next = (await agent.get(`${url}?pageSize=${size}&page=${page}`)).json();
      expect([next.total, next.page, next.pageSize]).toEqual([first.total, page, size]);
      rows.push(...next.items);
    }
    return { total: first.total as number, rows };
  }

  it("pages a unit's posts in a stable order, ties broken by id", async () => {
    const admin = w.admin.agent;
    const unit = await w.makeStation({ name: '分页社区新时代文明实践站' });
    // Same sort and (possibly) the same millisecond: only the id can order them.
    for (const name of ['甲', '乙', '丙', '丁', '戊']) {
      expectStatus(await admin.post(`/api/org/units/${unit.id}/posts`, { post: 'staff', holderName: `工作人员${name}` }), 201, 'post');
    }
    const url = `/api/org/units/${unit.id}/posts`;
    const all = (await admin.get(`${url}?pageSize=200`)).json();
    expect([all.total, all.page, all.pageSize, all.items.length]).toEqual([5, 1, 200, 5]);
    const paged = await allPages(admin, url, 2);
    expect(paged.total).toBe(5);
    expect(ids(paged.rows)).toEqual(ids(all.items));
    // The default page, and a page past the end.
    expect((await admin.get(url)).json()).toMatchObject({ total: 5, page: 1, pageSize: 20 });
    expect((await admin.get(`${url}?pageSize=2&page=4`)).json()).toMatchObject({ items: [], total: 5, page: 4 });
    expect((await admin.get(`${url}?pageSize=201`)).statusCode).toBe(400);
    expect((await admin.get(`${url}?page=0`)).statusCode).toBe(400);
  });

  it("pages the institute's leading group, ties broken by id", async () => {
    const admin = w.admin.agent;
    for (const name of ['钱一', '钱二', '钱三']) {
      expectStatus(await admin.post(`/api/org/units/${instituteId}/leading-group`, { name, groupRole: 'member' }), 201, 'member');
    }
    const url = `/api/org/units/${instituteId}/leading-group`;
    const all = (await admin.get(`${url}?pageSize=200`)).json();
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(4);
    const paged = await allPages(admin, url, 2);
    expect([paged.total, ids(paged.rows)]).toEqual([all.total, ids(all.items)]);
    // Still only on an institute, whatever the page.
    expect((await admin.get(`/api/org/units/${station03}/leading-group?pageSize=1`)).json().code).toBe('org.leading_group_institute_only');
  });

  it('pages the staffing check over active institutes and stations, or answers one unit', async () => {
    const admin = w.admin.agent;
    const units = (await admin.get('/api/org/units?pageSize=200')).json().items as { id: string; kind: string }[];
    const all = (await admin.get('/api/org/staffing?pageSize=200')).json();
    expect(all.total).toBe(units.length);
    expect(all.items.map((s: { unitId: string }) => s.unitId).sort()).toEqual(units.map((u) => u.id).sort());
    const paged = await allPages<{ unitId: string }>(admin, '/api/org/staffing', 2);
    expect(paged.rows.map((r) => r.unitId)).toEqual(all.items.map((s: { unitId: string }) => s.unitId));

    const one = (await admin.get(`/api/org/staffing?unitId=${station03}`)).json();
    expect([one.total, one.items[0]]).toEqual([1, all.items.find((s: { unitId: string }) => s.unitId === station03)]);
    // The district viewer sees the district, which has no staffing line; a station admin asking for another station gets 404.
    const districtUnits = (await district.agent.get('/api/org/units?kind=district')).json().items;
    expect((await district.agent.get(`/api/org/staffing?unitId=${districtUnits[0].id}`)).json()).toMatchObject({ items: [], total: 0 });
    expect((await district.agent.get('/api/org/staffing?pageSize=200')).json().total).toBe(units.length);
    expect((await admin03.agent.get(`/api/org/staffing?unitId=${station04}`)).statusCode).toBe(404);
    expect((await admin03.agent.get('/api/org/staffing')).json()).toMatchObject({ total: 1, items: [{ unitId: station03 }] });
  });
});

describe('public portal data', () => {
  it('needs no login and shows names and addresses only', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/public/site' });
    expect(res.statusCode).toBe(200);
    expect(res.json().institutes[0]).toMatchObject({ name: '测试街道新时代文明实践所' });
    const units = await t.app.inject({ method: 'GET', url: '/api/public/units' });
    expect(Object.keys(units.json().items[0]).sort()).toEqual(['address', 'id', 'kind', 'lat', 'lng', 'name', 'parentId', 'phone', 'shortName']);
    // Paged on the server: institutes and stations only, the total counts them all.
    const all = (await t.app.inject({ method: 'GET', url: '/api/public/units?pageSize=200' })).json();
    expect(units.json()).toMatchObject({ total: all.total, page: 1, pageSize: 20 });
    expect(all.items).toHaveLength(all.total);
    expect(all.items.some((u: { kind: string }) => u.kind === 'district')).toBe(false);
    const second = (await t.app.inject({ method: 'GET', url: '/api/public/units?pageSize=1&page=2' })).json();
    expect([second.page, second.items[0].id]).toEqual([2, all.items[1].id]);
  });
});
