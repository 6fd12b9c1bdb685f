import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Staff, type Unit, type World, makeWorld } from '../../../../test/support/factories';

let w: World;
let a: Unit;
let b: Unit;
let adminA: Staff;
let adminB: Staff;

beforeAll(async () => {
  w = await makeWorld();
  a = await w.makeStation();
  b = await w.makeStation();
  adminA = await w.stationAdmin(a.id);
  adminB = await w.stationAdmin(b.id);
});
afterAll(async () => w?.close());

const names = (res: { json(): { items: { name: string }[] } }) =>
  res
    .json()
    .items.map((p) => p.name)
    .sort();

describe('practice programmes', () => {
  it('start empty in a new organisation', async () => {
    expect((await w.admin.agent.get('/api/programmes')).json()).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('are created by the institute for itself, once per name', async () => {
    const res = await w.admin.agent.post('/api/programmes', { unitId: w.instituteId, block: 'care', name: '温暖润童心', intro: '四点半课堂' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ unitId: w.instituteId, block: 'care', name: '温暖润童心', intro: '四点半课堂', archived: false, activityCount: 0 });
    const again = await w.admin.agent.post('/api/programmes', { unitId: w.instituteId, block: 'learn', name: '温暖润童心' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('programmes.duplicate_name');
    const audit = (await w.admin.agent.get(`/api/audit?action=programmes.created&objectId=${res.json().id}`)).json();
    expect(audit.total).toBe(1);
  });

  it('are created by a station for itself, not for another station or the institute', async () => {
    expect((await adminA.agent.post('/api/programmes', { unitId: a.id, block: 'culture', name: '心阅书香' })).statusCode).toBe(201);
    // The same name is fine in another unit.
    expect((await adminB.agent.post('/api/programmes', { unitId: b.id, block: 'culture', name: '心阅书香' })).statusCode).toBe(201);
    const other = await adminA.agent.post('/api/programmes', { unitId: b.id, block: 'culture', name: '越权项目' });
    expect(other.statusCode).toBe(404);
    expect((await adminA.agent.post('/api/programmes', { unitId: w.instituteId, block: 'culture', name: '越级项目' })).statusCode).toBe(404);
  });

  it('are refused to a volunteer (403) and to bad input (400)', async () => {
    const v = await w.makeVolunteer({ stationId: a.id });
    const res = await v.agent.post('/api/programmes', { unitId: a.id, block: 'care', name: '志愿者项目' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('access.denied');
    expect((await w.admin.agent.post('/api/programmes', { unitId: w.instituteId, block: 'sports', name: '不存在的板块' })).statusCode).toBe(400);
    expect((await w.admin.agent.post('/api/programmes', { unitId: w.instituteId, block: 'care', name: '多余字段', colour: 'red' })).statusCode).toBe(400);
  });

  it('are listed by unit chain: the institute sees all, a station its own and the institute’s, a volunteer their station’s chain', async () => {
    expect(names(await w.admin.agent.get('/api/programmes'))).toEqual(['心阅书香', '心阅书香', '温暖润童心']);
    const seenByA = (await adminA.agent.get('/api/programmes')).json().items;
    expect(seenByA.map((p: { unitId: string }) => p.unitId).sort()).toEqual([a.id, w.instituteId].sort());
    const v = await w.makeVolunteer({ stationId: b.id });
    const seenByV = (await v.agent.get('/api/programmes')).json().items;
    expect(seenByV.map((p: { unitId: string }) => p.unitId).sort()).toEqual([b.id, w.instituteId].sort());
    // Paged on the server, in the list's order.
    const first = (await w.admin.agent.get('/api/programmes?pageSize=2')).json();
    const rest = (await w.admin.agent.get('/api/programmes?pageSize=2&page=2')).json();
    expect([first.total, first.items.length, rest.total, rest.page, rest.items.length]).toEqual([3, 2, 3, 2, 1]);
    expect([...first.items, ...rest.items].map((p: { name: string }) => p.name)).toEqual(['心阅书香', '心阅书香', '温暖润童心']);
  });

  it('are edited and archived by their unit only; archived ones leave the default list', async () => {
    const p = await w.makeProgramme({ unitId: a.id, by: adminA, name: '共享邻里情' });
    expect((await adminB.agent.patch(`/api/programmes/${p.id}`, { name: '改名' })).statusCode).toBe(404);
    expect((await adminA.agent.patch(`/api/programmes/${p.id}`, { name: '心阅书香' })).json().code).toBe('programmes.duplicate_name');
    const renamed = await adminA.agent.patch(`/api/programmes/${p.id}`, { name: '邻里守望', block: 'civility' });
    expect(renamed.json()).toMatchObject({ id: p.id, name: '邻里守望', block: 'civility', archived: false });
    expect((await adminA.agent.patch(`/api/programmes/${p.id}`, { archived: true })).json().archived).toBe(true);
    expect(names(await adminA.agent.get('/api/programmes'))).not.toContain('邻里守望');
    expect(names(await adminA.agent.get('/api/programmes?includeArchived=true'))).toContain('邻里守望');
    expect((await adminA.agent.patch('/api/programmes/00000000-0000-4000-8000-000000000000', { name: '无此项目' })).statusCode).toBe(404);
  });

  it('count the activities held under them', async () => {
    const p = await w.makeProgramme({ name: '理论讲习所', block: 'learn' });
    await w.makeActivity({ programmeId: p.id });
    await w.makeActivity({ programmeId: p.id, status: 'draft' });
    const listed = (await w.admin.agent.get('/api/programmes')).json().items.find((x: { id: string }) => x.id === p.id);
    expect(listed.activityCount).toBe(2);
    // A station's activity cannot borrow another station's programme.
    const pb = (await adminB.agent.get('/api/programmes')).json().items.find((x: { unitId: string }) => x.unitId === b.id);
    expect(
      (
        await adminA.agent.post('/api/activities', {
          unitId: a.id,
          programmeId: pb.id,
          title: '借用项目',
          startsAt: '2030-01-01T01:00:00Z',
          endsAt: '2030-01-01T03:00:00Z',
          positions: [{ name: '志愿者', headcount: 2 }],
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('brands (一所一品，一社区一特色)', () => {
  it('are set by each unit for itself, shown on the portal with their photos', async () => {
    const photo = await w.upload(adminA, 'brand.png');
    const res = await adminA.agent.put(`/api/brands/${a.id}`, { name: '金色夕阳', intro: '助老特色', photoFileIds: [photo] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ unitId: a.id, unitKind: 'station', name: '金色夕阳', photoFileIds: [photo], programmeId: null });
    expect((await adminB.agent.put(`/api/brands/${a.id}`, { name: '越权品牌' })).statusCode).toBe(404);
    const pub = (await w.anon.get('/api/public/brands')).json().items;
    expect(pub.map((x: { name: string }) => x.name)).toEqual(['金色夕阳']);
    const img = await w.anon.get(`/api/public/files/${photo}`);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
  });

  it('refuse a photo the unit may not use', async () => {
    const foreign = await w.upload(adminB, 'other.png');
    const res = await adminA.agent.put(`/api/brands/${a.id}`, { name: '金色夕阳', photoFileIds: [foreign] });
    expect(res.json().code).toBe('hours.evidence_missing');
    // The refused photo did not become public.
    expect((await w.anon.get(`/api/public/files/${foreign}`)).statusCode).toBe(404);
  });

  it('can name the programme they grew from', async () => {
    const p = await w.makeProgramme({ name: '文明新风沁民心', block: 'civility' });
    const res = await w.admin.agent.put(`/api/brands/${w.instituteId}`, { name: '马鞍文明新风', programmeId: p.id });
    expect(res.json()).toMatchObject({ unitKind: 'institute', programmeId: p.id });
    expect((await w.admin.agent.get('/api/brands')).json()).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect((await w.admin.agent.get('/api/brands?pageSize=1&page=2')).json()).toMatchObject({ total: 2, page: 2, items: [expect.any(Object)] });
    expect((await w.anon.get('/api/public/brands?pageSize=1')).json().items).toHaveLength(1);
  });
});
