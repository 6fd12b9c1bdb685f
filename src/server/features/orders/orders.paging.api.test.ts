import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { type Resident, type Staff, type Unit, type Volunteer, type World, makeWorld } from '../../../../test/support/factories';

/**
 * Every list of the orders feature answers `{items, total, page, pageSize}` and pages in the
 * database: the requester's own orders, a volunteer's tasks and both menus.
 */

const clock = manualClock(new Date('2026-11-28T02:00:00Z'));
let w: World;
let a: Unit;
let b: Unit;
let staffA: Staff;
let staffB: Staff;
let requester: Resident;
let v: Volunteer;

beforeAll(async () => {
  w = await makeWorld({ clock });
  a = await w.makeStation();
  b = await w.makeStation();
  staffA = await w.stationAdmin(a.id);
  staffB = await w.stationAdmin(b.id);
  requester = await w.makeResident({ stationId: a.id });
  v = await w.makeVolunteer({ stationId: a.id });
});
afterAll(async () => w?.close());

type Page = { items: { id: string }[]; total: number; page: number; pageSize: number };
const ids = (p: Page) => p.items.map((x) => x.id);

/** Reads every page of a list at this page size and checks the shape of each. */
async function allPages(get: (url: string) => Promise<{ statusCode: number; body: string; json(): Page }>, url: string, pageSize: number) {
  const seen: string[] = [];
  let total = -1;
  for (let page = 1; page < 20; page++) {
    const res = await get(`${url}${url.includes('?') ? '&' : '?'}page=${page}&pageSize=${pageSize}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ page, pageSize });
    expect(body.items.length).toBeLessThanOrEqual(pageSize);
    if (total === -1) total = body.total;
    expect(body.total).toBe(total);
    if (body.items.length === 0) break;
    seen.push(...ids(body));
    clock.advance(1);
  }
  expect(new Set(seen).size).toBe(seen.length);
  expect(seen).toHaveLength(total);
  return { seen, total };
}

/** A new order at station `at`, moved to dispatched at `target` (verified on review). */
async function dispatched(target: { type: string; id?: string }, at: Unit = a, staff: Staff = staffA): Promise<string> {
  const o = await w.makeOrder({ requester, stationId: at.id });
  clock.advance(60_000);
  expect((await staff.agent.post(`/api/orders/${o.id}/actions`, { action: 'review', verified: true })).statusCode).toBe(200);
  expect((await staff.agent.post(`/api/orders/${o.id}/actions`, { action: 'dispatch', target })).statusCode).toBe(200);
  return o.id;
}

describe('paged lists', () => {
  it('my orders: a page at a time, newest first, every order once', async () => {
    const mine: string[] = [];
    for (let i = 0; i < 5; i++) {
      mine.push((await w.makeOrder({ requester, stationId: a.id, description: `第 ${i + 1} 张单` })).id);
      clock.advance(60_000);
    }
    const first = (await requester.agent.get('/api/orders/mine?pageSize=2')).json();
    expect(first).toMatchObject({ page: 1, pageSize: 2, total: 5 });
    expect(ids(first)).toEqual([mine[4], mine[3]]);
    const { seen } = await allPages((u) => requester.agent.get(u), '/api/orders/mine', 2);
    expect(seen).toEqual([...mine].reverse());
    const someoneElse = await w.makeResident({ stationId: a.id });
    expect((await someoneElse.agent.get('/api/orders/mine')).json()).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    expect((await requester.agent.get('/api/orders/mine?pageSize=0')).statusCode).toBe(400);
    expect((await requester.agent.get('/api/orders/mine?pageSize=201')).statusCode).toBe(400);
  });

  it('a volunteer’s tasks: held ones first, then what they may take; not what they declined or may not take', async () => {
    const pool1 = await dispatched({ type: 'pool' });
    const pool2 = await dispatched({ type: 'pool' });
    const named = await dispatched({ type: 'volunteer', id: v.id });
    const ownStation = await dispatched({ type: 'station', id: a.id });
    const otherStation = await dispatched({ type: 'station', id: b.id }, b, staffB);
    const declined = await dispatched({ type: 'pool' });
    expect((await v.agent.post(`/api/orders/${declined}/actions`, { action: 'decline', reason: '这周不在家' })).statusCode).toBe(200);
    const held = await dispatched({ type: 'pool' });
    expect((await v.agent.post(`/api/orders/${held}/actions`, { action: 'accept' })).json().status).toBe('accepted');

    const { seen, total } = await allPages((u) => v.agent.get(u), '/api/orders/tasks', 2);
    expect(total).toBe(5);
    // In service first, then the one named to me, then my station's, then the pool's.
    expect(seen.slice(0, 3)).toEqual([held, named, ownStation]);
    // Just finished, it stays above the ones to take; days later it goes below them.
    expect((await v.agent.post(`/api/orders/${held}/actions`, { action: 'complete', report: '已完成', serviceHours: 1 })).statusCode).toBe(200);
    expect(ids((await v.agent.get('/api/orders/tasks?pageSize=2')).json())).toEqual([held, named]);
    await w.advance(4 * 86_400_000);
    expect(ids((await v.agent.get('/api/orders/tasks?pageSize=50')).json()).at(-1)).toBe(held);
    expect([...seen].sort()).toEqual([held, pool1, pool2, named, ownStation].sort());
    expect(seen).not.toContain(otherStation);
    expect(seen).not.toContain(declined);
    // Each one listed as takeable says so.
    const page = (await v.agent.get('/api/orders/tasks?pageSize=50')).json();
    for (const o of page.items) expect(o.id === held || o.allowedActions.includes('accept')).toBe(true);

    // A volunteer still in review may not take anything.
    const pending = await w.makeVolunteer({ stationId: a.id, approved: false });
    expect((await pending.agent.get('/api/orders/tasks')).json()).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    // A resident who is no volunteer has no task list.
    expect((await requester.agent.get('/api/orders/tasks')).json().code).toBe('volunteer.not_found_self');
  });

  it('the menus: staff see archived items too, the portal only what may be asked for at that station', async () => {
    const before = (await w.anon.get(`/api/public/service-items?stationId=${a.id}`)).json().total;
    const made = [];
    for (let i = 0; i < 3; i++) made.push(await w.makeMenuItem({ name: `分页服务${i}` }));
    const own = await w.makeMenuItem({ unitId: b.id, name: '乙站的服务' });
    expect((await w.admin.agent.patch(`/api/service-items/${made[0].id}`, { archived: true })).statusCode).toBe(200);

    const portal = await allPages((u) => w.anon.get(u), `/api/public/service-items?stationId=${a.id}`, 2);
    expect(portal.total).toBe(before + 2);
    expect(portal.seen).toEqual(expect.arrayContaining([made[1].id, made[2].id]));
    expect(portal.seen).not.toContain(made[0].id);
    expect(portal.seen).not.toContain(own.id);

    const staff = await allPages((u) => staffA.agent.get(u), '/api/service-items', 2);
    expect(staff.seen).toEqual(expect.arrayContaining(made.map((m) => m.id)));
    expect(staff.seen).not.toContain(own.id);
    expect((await staffA.agent.get('/api/service-items?pageSize=1')).json()).toMatchObject({ page: 1, pageSize: 1, total: staff.total });
    expect((await w.anon.get('/api/public/service-items?page=0')).statusCode).toBe(400);
  });
});
