import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Staff, type Unit, type World, makeWorld } from '../../../../test/support/factories';

// Programmes and brands moved to programmes.api.test.ts; the demo's venues are checked by the Ma'an smoke suite.

let w: World;
let a: Unit;
let staffA: Staff;
let staffB: Staff;
beforeAll(async () => {
  w = await makeWorld();
  a = await w.makeStation();
  staffA = await w.stationAdmin(a.id);
  staffB = await w.stationAdmin((await w.makeStation()).id);
});
afterAll(async () => w?.close());

describe('venues', () => {
  it('start empty; the public map has no tile server unless configured', async () => {
    expect((await w.anon.get('/api/public/venues')).json().items).toEqual([]);
    expect((await w.anon.get('/api/public/map-config')).json()).toEqual({ tileUrl: null, attribution: null });
  });

  it('are added by station staff with rooms; duplicates, bad input and other stations are refused', async () => {
    const res = await staffA.agent.post('/api/venues', {
      unitId: a.id,
      kind: 'education',
      name: '儿童之家',
      address: '金银路 20 号',
      lng: 107.3725,
      lat: 29.727,
      rooms: [{ name: '活动室', capacity: 25 }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ unitId: a.id, mode: 'offline', kind: 'education', rooms: [{ name: '活动室', capacity: 25 }] });
    const dup = await staffA.agent.post('/api/venues', { unitId: a.id, kind: 'education', name: '儿童之家' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('venues.duplicate_name');
    expect((await staffA.agent.post('/api/venues', { unitId: a.id, kind: 'nowhere', name: 'x' })).statusCode).toBe(400);
    expect((await staffB.agent.post('/api/venues', { unitId: a.id, kind: 'culture', name: '越权阵地' })).statusCode).toBe(404);
    const room = await staffA.agent.post(`/api/venues/${res.json().id}/rooms`, { name: '阅读角', capacity: 8 });
    expect(
      room
        .json()
        .rooms.map((r: { name: string }) => r.name)
        .sort(),
    ).toEqual(['活动室', '阅读角'].sort());
    // Renaming a room onto its sibling's name: the unique index refuses it, answered as a 409, nothing changed.
    const rooms = room.json().rooms as { id: string; name: string }[];
    const reading = rooms.find((r) => r.name === '阅读角');
    const clash = await staffA.agent.patch(`/api/rooms/${reading?.id}`, { name: '活动室' });
    expect([clash.statusCode, clash.json().code]).toEqual([409, 'conflict.duplicate']);
    const after = (await staffA.agent.get(`/api/venues/${res.json().id}`)).json();
    expect(after.rooms.map((r: { name: string }) => r.name).sort()).toEqual(['活动室', '阅读角'].sort());
    expect((await staffB.agent.patch(`/api/venues/${res.json().id}`, { name: '改名' })).statusCode).toBe(404);
    const pub = (await w.anon.get('/api/public/venues')).json().items;
    expect(pub).toEqual([expect.objectContaining({ name: '儿童之家', kind: 'education', unitName: a.name })]);
  });

  it('page the venues on the server, for staff and on the portal', async () => {
    await w.makeVenue({ unitId: a.id, kind: 'culture', name: '分页阵地甲' });
    await w.makeVenue({ unitId: a.id, kind: 'culture', name: '分页阵地乙' });
    const all = (await w.admin.agent.get('/api/venues?pageSize=200')).json();
    expect(all.total).toBe(all.items.length);
    expect(all.total).toBeGreaterThanOrEqual(2);
    const first = (await w.admin.agent.get('/api/venues?pageSize=1')).json();
    const second = (await w.admin.agent.get('/api/venues?pageSize=1&page=2')).json();
    expect([first.total, first.pageSize, first.items.length, second.page, second.items.length]).toEqual([all.total, 1, 1, 2, 1]);
    expect(second.items[0].id).not.toBe(first.items[0].id);
    const pub = (await w.anon.get('/api/public/venues?pageSize=1')).json();
    expect([pub.page, pub.pageSize, pub.items.length]).toEqual([1, 1, 1]);
    expect((await w.anon.get('/api/public/venues?pageSize=500')).statusCode).toBe(400);
  });

  it('tell online from offline by kind', async () => {
    const online = await w.makeVenue({ kind: 'wechat', name: '智慧街道公众号' });
    expect(online).toMatchObject({ mode: 'online', kind: 'wechat' });
  });

  it('book a room for an activity: too small or already taken is refused', async () => {
    const venue = await w.makeVenue({ unitId: a.id, name: '文化活动室', rooms: [{ name: '多功能厅', capacity: 10 }] });
    const roomId = (venue.rooms as { id: string }[])[0].id;
    const body = { unitId: a.id, venueId: venue.id, roomId, title: '书法课', startsAt: '2030-03-01T01:00:00Z', endsAt: '2030-03-01T03:00:00Z' };
    const small = await staffA.agent.post('/api/activities', { ...body, positions: [{ name: '学员', headcount: 11 }] });
    expect(small.statusCode).toBe(422);
    expect(small.json().code).toBe('venues.room_too_small');
    expect((await staffA.agent.post('/api/activities', { ...body, positions: [{ name: '学员', headcount: 10 }] })).statusCode).toBe(201);
    const clash = await staffA.agent.post('/api/activities', {
      ...body,
      title: '绘画课',
      startsAt: '2030-03-01T02:00:00Z',
      endsAt: '2030-03-01T04:00:00Z',
      positions: [{ name: '学员', headcount: 5 }],
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('venues.room_conflict');
    const bookings = (await staffA.agent.get(`/api/rooms/${roomId}/bookings?from=2030-03-01&to=2030-03-01`)).json();
    expect(bookings.items).toEqual([expect.objectContaining({ title: '书法课' })]);
    // Paged too, earliest first: a later class the same afternoon is on the second page of one.
    const later = { ...body, title: '剪纸课', startsAt: '2030-03-01T06:00:00Z', endsAt: '2030-03-01T08:00:00Z', positions: [{ name: '学员', headcount: 5 }] };
    expect((await staffA.agent.post('/api/activities', later)).statusCode).toBe(201);
    const page2 = (await staffA.agent.get(`/api/rooms/${roomId}/bookings?from=2030-03-01&to=2030-03-01&pageSize=1&page=2`)).json();
    expect([page2.total, page2.page, page2.pageSize, page2.items.map((b: { title: string }) => b.title)]).toEqual([2, 2, 1, ['剪纸课']]);
  });
});
