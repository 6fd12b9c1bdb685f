import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, makeTestApp } from '../../../../test/support/app';

let t: TestApp;
let instituteId: string;
let station01: string;
beforeAll(async () => {
  t = await makeTestApp();
  instituteId = await t.unitId('马鞍街道新时代文明实践所');
  station01 = await t.unitId('金银社区新时代文明实践站');
});
afterAll(async () => t?.close());

describe('programmes and brands', () => {
  it('seeds the plan’s ten programmes under its four blocks; staff add their own; names are unique', async () => {
    const admin = await t.login('admin');
    const items = (await admin.get('/api/programmes')).json().items;
    expect(items.filter((p: { unitId: string }) => p.unitId === instituteId)).toHaveLength(10);
    expect(new Set(items.map((p: { block: string }) => p.block))).toEqual(new Set(['learn', 'care', 'culture', 'civility']));
    const s = await t.login('station01');
    const mine = await s.post('/api/programmes', { unitId: station01, block: 'care', name: '金银银龄互助', intro: '低龄老人帮扶高龄老人' });
    expect(mine.statusCode).toBe(201);
    expect((await s.post('/api/programmes', { unitId: station01, block: 'care', name: '金银银龄互助' })).statusCode).toBe(409);
    expect((await s.post('/api/programmes', { unitId: instituteId, block: 'care', name: '越权项目' })).statusCode).toBe(404);
    const v = await t.login('volunteer01');
    expect((await v.get('/api/programmes')).json().items.length).toBeGreaterThanOrEqual(10);
  });

  it('keeps one brand per unit (一所一品、一社区一特色), shown on the public portal', async () => {
    const s = await t.login('station01');
    const res = await s.put(`/api/brands/${station01}`, { name: '金银·银龄互助', intro: '以老助老', photoFileIds: [] });
    expect(res.json()).toMatchObject({ unitKind: 'station', name: '金银·银龄互助' });
    const pub = (await t.app.inject({ method: 'GET', url: '/api/public/brands' })).json().items;
    expect(pub.find((b: { unitId: string }) => b.unitId === station01).name).toBe('金银·银龄互助');
    expect(pub.filter((b: { unitKind: string }) => b.unitKind === 'institute')).toHaveLength(1);
    expect((await s.put(`/api/brands/${instituteId}`, { name: '越权品牌' })).statusCode).toBe(404);
  });
});

describe('venues', () => {
  it('has online venues and offline venues of all five kinds, with rooms', async () => {
    const pub = (await t.app.inject({ method: 'GET', url: '/api/public/venues' })).json().items;
    const kinds = new Set(pub.map((v: { kind: string }) => v.kind));
    for (const k of ['theory', 'education', 'culture', 'civility', 'health_sports', 'wechat', 'district_column', 'groups']) expect(kinds).toContain(k);
    expect(pub.some((v: { rooms: unknown[] }) => v.rooms.length > 0)).toBe(true);
    const map = (await t.app.inject({ method: 'GET', url: '/api/public/map-config' })).json();
    expect(map).toEqual({ tileUrl: null, attribution: null });
  });

  it('lets station staff add a venue with rooms and refuses duplicates and bad input', async () => {
    const s = await t.login('station01');
    const res = await s.post('/api/venues', { unitId: station01, kind: 'education', name: '金银社区儿童之家', address: '金银路 20 号', lng: 107.3725, lat: 29.727, rooms: [{ name: '活动室', capacity: 25 }] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ mode: 'offline', rooms: [{ name: '活动室', capacity: 25 }] });
    expect((await s.post('/api/venues', { unitId: station01, kind: 'education', name: '金银社区儿童之家' })).statusCode).toBe(409);
    expect((await s.post('/api/venues', { unitId: station01, kind: 'nowhere', name: 'x' })).statusCode).toBe(400);
    const room = await s.post(`/api/venues/${res.json().id}/rooms`, { name: '阅读角', capacity: 8 });
    expect(room.json().rooms).toHaveLength(2);
    expect((await (await t.login('station02')).patch(`/api/venues/${res.json().id}`, { name: '改名' })).statusCode).toBe(404);
  });
});

describe('public photos', () => {
  it('serves a brand photo to anyone, and nothing that is not a brand or venue photo', async () => {
    const { upload } = await import('../../../../test/support/app');
    const s = await t.login('station01');
    const photo = await upload(t, s, 'brand.png');
    const evidence = await upload(t, s, 'evidence.png');
    await s.put(`/api/brands/${station01}`, { name: '金银·银龄互助', photoFileIds: [photo] });
    const ok = await t.app.inject({ method: 'GET', url: `/api/public/files/${photo}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toBe('image/png');
    expect((await t.app.inject({ method: 'GET', url: `/api/public/files/${evidence}` })).statusCode).toBe(404);
  });
});
