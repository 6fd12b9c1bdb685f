import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { type Staff, type Unit, type World, makeWorld } from '../../../../test/support/factories';

// Friday 2026-11-20 noon in China.
const clock = manualClock(new Date('2026-11-20T04:00:00Z'));
let w: World;
let a: Unit;
let b: Unit;
let adminA: Staff;
let adminB: Staff;

type Todo = { items: { key: string; count: number; link: string }[]; total: number };
const todoOf = async (who: { agent: World['admin']['agent'] }): Promise<Record<string, number>> => {
  const res = await who.agent.get('/api/notifications/todo');
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as Todo;
  expect(body.total).toBe(body.items.reduce((s, i) => s + i.count, 0));
  return Object.fromEntries(body.items.map((i) => [i.key, i.count]));
};

beforeAll(async () => {
  w = await makeWorld({ clock });
  a = await w.makeStation({ name: '甲站' });
  b = await w.makeStation({ name: '乙站' });
  adminA = await w.stationAdmin(a.id);
  adminB = await w.stationAdmin(b.id);
  // Known by construction: 2 registrations in review at A and 1 at B; one certified volunteer at A with a
  // backfilled (pending) record; one order placed at A.
  await w.enterVolunteer({ stationId: a.id, approved: false });
  await w.enterVolunteer({ stationId: a.id, approved: false });
  await w.enterVolunteer({ stationId: b.id, approved: false });
  const v = await w.enterVolunteer({ stationId: a.id });
  const evidence = await w.upload(adminA);
  const res = await adminA.agent.post('/api/hours/backfill', {
    volunteerId: v.id,
    unitId: a.id,
    title: '敬老助老',
    serviceDate: '2026-11-18',
    startTime: '09:00',
    endTime: '11:00',
    content: '上门探望空巢老人',
    evidenceFileIds: [evidence],
    reason: '按纸质签到表补录',
  });
  expect(res.statusCode, res.body).toBe(201);
  await w.makeOrder({ stationId: a.id });
});

afterAll(async () => {
  await w?.close();
});

describe('the staff inbox 待办', () => {
  it("counts what waits in each caller's own units", async () => {
    const ta = await todoOf(adminA);
    expect(ta['volunteers.reviewing']).toBe(2);
    expect(ta['hours.records']).toBe(1);
    expect(ta['orders.awaiting']).toBe(1);
    expect(ta['hours.corrections']).toBe(0);
    const tb = await todoOf(adminB);
    expect([tb['volunteers.reviewing'], tb['hours.records'], tb['orders.awaiting']]).toEqual([1, 0, 0]);
    const ti = await todoOf(w.admin);
    expect(ti['volunteers.reviewing']).toBeGreaterThanOrEqual(3);
    expect(ti['hours.records']).toBeGreaterThanOrEqual(1);
  });

  it('falls when the work is done: certifying a registration takes it off the count', async () => {
    const list = (await adminA.agent.get(`/api/volunteers?stationId=${a.id}&status=reviewing`)).json();
    const first = list.items[0];
    expect((await adminA.agent.post(`/api/volunteers/${first.id}/transitions`, { action: 'certify' })).statusCode).toBe(200);
    expect((await todoOf(adminA))['volunteers.reviewing']).toBe(1);
  });

  it('gives a read-only district viewer and a volunteer nothing to act on', async () => {
    const viewer = await w.makeDistrictViewer();
    expect((await viewer.agent.get('/api/notifications/todo')).json()).toEqual({ items: [], total: 0 });
    const v = await w.makeVolunteer({ stationId: a.id });
    expect((await v.agent.get('/api/notifications/todo')).json()).toEqual({ items: [], total: 0 });
    expect((await w.anon.get('/api/notifications/todo')).statusCode).toBe(401);
  });
});
