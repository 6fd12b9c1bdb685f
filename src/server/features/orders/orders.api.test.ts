import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, makeTestApp } from '../../../../test/support/app';
import { manualClock } from '../../../../test/support/clock';
import { tickOrders } from './orders.tick';

const clock = manualClock(new Date('2026-11-28T02:00:00Z'));
let t: TestApp;
let station01: string;
let s01: Agent;
let resident: Agent;
let itemId: string;

beforeAll(async () => {
  t = await makeTestApp({ clock });
  station01 = await t.unitId('金银社区新时代文明实践站');
  s01 = await t.login('station01');
  resident = await t.login('resident01');
  itemId = (await t.deps.db.selectFrom('service_items').select('id').where('name', '=', '代购代办').executeTakeFirstOrThrow()).id;
});
afterAll(async () => t?.close());

async function place(agent: Agent, body: Record<string, unknown> = {}) {
  const res = await agent.post('/api/orders', { itemId, description: '腿摔伤了，想请人帮忙买点米和油', stationId: station01, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('the order flow', () => {
  it('goes 点单 → 审单 → 派单 → 接单 → 结项 → 评单 → 办结, writing verified hours and a history', async () => {
    const o = await place(resident);
    expect(o).toMatchObject({ status: 'submitted', channel: 'app', requesterVerified: false });
    expect(o.allowedActions).toEqual(['cancel']);
    // Dispatch is refused until the requester is verified (条例 第十三条).
    expect((await s01.post(`/api/orders/${o.id}/actions`, { action: 'review' })).json().status).toBe('reviewing');
    expect((await s01.post(`/api/orders/${o.id}/actions`, { action: 'dispatch', target: { type: 'pool' } })).json().code).toBe('orders.unverified');
    const sug = (await s01.get(`/api/orders/${o.id}/suggestions`)).json().items;
    expect(sug.length).toBeGreaterThan(3);
    expect(sug[0].reasons.length).toBeGreaterThan(0);
    expect(sug[0].score).toBeGreaterThanOrEqual(sug[1].score);
    const v = await t.login('volunteer01');
    const vId = (await v.get('/api/volunteers/me')).json().volunteer.id;
    const dispatched = await s01.post(`/api/orders/${o.id}/actions`, { action: 'dispatch', verified: true, target: { type: 'volunteer', id: vId } });
    expect(dispatched.json()).toMatchObject({ status: 'dispatched', target: { type: 'volunteer', id: vId } });
    expect((await v.get('/api/orders/tasks')).json().items.map((x: { id: string }) => x.id)).toContain(o.id);
    const other = await t.login('volunteer02');
    expect((await other.post(`/api/orders/${o.id}/actions`, { action: 'accept' })).statusCode).toBe(404);
    expect((await v.post(`/api/orders/${o.id}/actions`, { action: 'accept' })).json().status).toBe('accepted');
    expect((await resident.post(`/api/orders/${o.id}/actions`, { action: 'cancel', reason: '不要了' })).json().code).toBe('orders.bad_transition');
    expect((await v.post(`/api/orders/${o.id}/actions`, { action: 'start' })).json().status).toBe('in_service');
    expect((await v.post(`/api/orders/${o.id}/actions`, { action: 'note', note: '已买好米和油，正在送去' })).json().status).toBe('in_service');
    expect((await v.post(`/api/orders/${o.id}/actions`, { action: 'complete' })).json().code).toBe('orders.report_required');
    const done = await v.post(`/api/orders/${o.id}/actions`, { action: 'complete', report: '已送到家中并帮忙搬上楼', serviceHours: 1.5 });
    expect(done.json().status).toBe('completed');
    // The volunteer cannot rate their own work.
    expect((await v.post(`/api/orders/${o.id}/actions`, { action: 'rate', rating: 5 })).json().code).toBe('orders.own_work');
    const rated = await resident.post(`/api/orders/${o.id}/actions`, { action: 'rate', rating: 5, comment: '非常感谢' });
    expect(rated.json()).toMatchObject({ status: 'rated', rating: 5, ratedBy: 'requester' });
    expect((await s01.post(`/api/orders/${o.id}/actions`, { action: 'close' })).json().status).toBe('closed');
    const history = (await resident.get(`/api/orders/${o.id}`)).json().events.map((e: { action: string }) => e.action);
    expect(history).toEqual(['submit', 'review', 'dispatch', 'accept', 'start', 'note', 'complete', 'rate', 'close']);
    const rec = (await s01.get(`/api/hours?volunteerId=${vId}&source=verified&status=pending&pageSize=200`)).json().items.find((r: { title: string }) => r.title === '群众点单：代购代办');
    expect(rec).toMatchObject({ hours: 1.5, status: 'pending', source: 'verified' });
    const audits = await t.deps.db.selectFrom('audit_log').select('action').where('object_id', '=', o.id).execute();
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['orders.placed', 'orders.review', 'orders.dispatch', 'orders.accept', 'orders.complete', 'orders.rate', 'orders.close']));
  });

  it('lets staff place an order for a resident without a phone, recording the channel, and rate after a call-back', async () => {
    const o = await place(s01, { onBehalf: { name: '张大爷', phone: '13712340000', channel: 'staff_phone' }, description: '想请人上门理发' });
    expect(o).toMatchObject({ channel: 'staff_phone', requesterVerified: true, requesterName: '张大爷' });
    await s01.post(`/api/orders/${o.id}/actions`, { action: 'review' });
    await s01.post(`/api/orders/${o.id}/actions`, { action: 'dispatch', target: { type: 'station', id: station01 } });
    const v = await t.login('leader01');
    expect((await v.post(`/api/orders/${o.id}/actions`, { action: 'accept' })).json().status).toBe('accepted');
    await v.post(`/api/orders/${o.id}/actions`, { action: 'complete', report: '已完成' });
    const rated = await s01.post(`/api/orders/${o.id}/actions`, { action: 'rate', rating: 4, comment: '电话回访：满意' });
    expect(rated.json()).toMatchObject({ status: 'rated', ratedBy: 'staff' });
  });

  it('hints when the same person asks for the same item again within the window', async () => {
    const second = await place(resident);
    const view = (await s01.get(`/api/orders/${second.id}`)).json();
    expect(view.duplicateOf).toMatch(/^D\d{8}-\d{4}$/);
  });

  it('lets the requester cancel before acceptance, and a volunteer decline freely', async () => {
    const o = await place(resident, { description: '想咨询一下' });
    expect((await resident.post(`/api/orders/${o.id}/actions`, { action: 'cancel' })).json().code).toBe('orders.reason_required');
    expect((await resident.post(`/api/orders/${o.id}/actions`, { action: 'cancel', reason: '问题已解决' })).json().status).toBe('cancelled');
    const o2 = await place(resident, { description: '需要帮忙' });
    await s01.post(`/api/orders/${o2.id}/actions`, { action: 'review', verified: true });
    await s01.post(`/api/orders/${o2.id}/actions`, { action: 'dispatch', target: { type: 'pool' } });
    const v = await t.login('volunteer01');
    expect((await v.post(`/api/orders/${o2.id}/actions`, { action: 'decline', reason: '这周不在家' })).json().status).toBe('dispatched');
    expect((await v.post(`/api/orders/${o2.id}/actions`, { action: 'accept' })).json().code).toBe('orders.not_for_you');
  });

  it('refuses impossible moves and other stations (404)', async () => {
    const o = await place(resident, { description: '测试越权' });
    expect((await s01.post(`/api/orders/${o.id}/actions`, { action: 'close' })).json().code).toBe('orders.bad_transition');
    expect((await s01.post(`/api/orders/${o.id}/actions`, { action: 'complete', report: 'x' })).json().code).toBe('orders.bad_transition');
    const other = await t.login('station02');
    expect((await other.get(`/api/orders/${o.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/orders/${o.id}/actions`, { action: 'review' })).statusCode).toBe(404);
    expect((await (await t.login('resident02')).get(`/api/orders/${o.id}`)).statusCode).toBe(404);
  });
});

describe('SLA escalation', () => {
  it('sends an order nobody took in time up to the institute, once, with a notice', async () => {
    await tickOrders(t.deps); // the demo has overdue orders of its own
    const o = await place(resident, { description: '超时测试' });
    await s01.post(`/api/orders/${o.id}/actions`, { action: 'review', verified: true });
    const d = (await s01.post(`/api/orders/${o.id}/actions`, { action: 'dispatch', target: { type: 'station', id: station01 } })).json();
    expect(d.slaDueAt).toBe(new Date(clock.now().getTime() + 24 * 3600_000).toISOString());
    const level = async () => Number((await t.deps.db.selectFrom('orders').select('escalation_level').where('id', '=', o.id).executeTakeFirstOrThrow()).escalation_level);
    clock.advance(23 * 3600_000);
    await tickOrders(t.deps);
    expect(await level()).toBe(0);
    clock.advance(2 * 3600_000);
    expect((await tickOrders(t.deps)).escalated).toBeGreaterThanOrEqual(1);
    expect(await level()).toBe(1);
    expect((await tickOrders(t.deps)).escalated).toBe(0);
    const admin = await t.login('admin');
    const view = (await admin.get(`/api/orders/${o.id}`)).json();
    expect(view).toMatchObject({ status: 'dispatched', escalationLevel: 1, target: { type: 'institute' } });
    expect(view.events.at(-1)).toMatchObject({ action: 'escalate', actorKind: 'system' });
    expect(view.allowedActions).toContain('redispatch');
    const notes = (await admin.get('/api/notifications')).json().items;
    expect(notes.some((n: { title: string }) => n.title.includes('上报实践所'))).toBe(true);
  });

  it('gives a default rating after the configured days without one', async () => {
    const o = await place(resident, { description: '默认评价测试' });
    const s = await t.login('station01');
    await s.post(`/api/orders/${o.id}/actions`, { action: 'review', verified: true });
    await s.post(`/api/orders/${o.id}/actions`, { action: 'dispatch', target: { type: 'station', id: station01 } });
    const v = await t.login('volunteer01');
    await v.post(`/api/orders/${o.id}/actions`, { action: 'accept' });
    await v.post(`/api/orders/${o.id}/actions`, { action: 'complete', report: '已完成' });
    clock.advance(8 * 86_400_000);
    expect((await tickOrders(t.deps)).defaultRated).toBeGreaterThanOrEqual(1);
    const row = await t.deps.db.selectFrom('orders').select(['status', 'rating', 'rated_by']).where('id', '=', o.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'rated', rating: 5, rated_by: 'system' });
  });
});

describe('the public portal form', () => {
  it('takes an order without an account, rate-limited, and routes it to the chosen station', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/public/orders', payload: { stationId: station01, name: '李阿姨', phone: '13800001111', description: '楼道灯坏了', agree: true } });
    expect(res.statusCode).toBe(201);
    expect(res.json().number).toMatch(/^D\d{8}-\d{4}$/);
    const bad = await t.app.inject({ method: 'POST', url: '/api/public/orders', payload: { stationId: station01, name: '李阿姨', phone: '123', description: 'x', agree: true } });
    expect(bad.statusCode).toBe(400);
  });
});
