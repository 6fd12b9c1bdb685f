import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { type Resident, type Signed, type Staff, type Unit, type View, type World, makeWorld } from '../../../../test/support/factories';
import { readSheet } from '../../../../test/support/xlsx';
import { tickOrders } from './orders.tick';

/** The order flow as stories on an empty organisation; orders.cases.api.test.ts has every action by every actor. */

const clock = manualClock(new Date('2026-11-28T02:00:00Z'));
let w: World;
let station: Unit;
let staff: Staff;
let resident: Resident;
let item: View;

beforeAll(async () => {
  w = await makeWorld({ clock });
  station = await w.makeStation();
  staff = await w.stationAdmin(station.id);
  resident = await w.makeResident({ stationId: station.id });
  item = await w.makeMenuItem({ name: '代购代办', requiredSkills: ['代购'], slaHours: 24 });
});
afterAll(async () => w?.close());

async function place(body: Record<string, unknown> = {}, who: Signed = resident) {
  const res = await who.agent.post('/api/orders', { itemId: item.id, description: '腿摔伤了，想请人帮忙买点米和油', stationId: station.id, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}
const act = (
  who: { agent: { post(url: string, body?: unknown): Promise<{ json(): { status: string; code: string } & Record<string, unknown> }> } },
  id: string,
  body: Record<string, unknown>,
) => who.agent.post(`/api/orders/${id}/actions`, body).then((r) => r.json());

describe('the order flow', () => {
  it('goes 点单 → 审单 → 派单 → 接单 → 结项 → 评单 → 办结, writing verified hours and a history', async () => {
    const shopper = await w.makeVolunteer({ stationId: station.id, skills: ['代购'], serviceCategories: ['助老助残'] });
    const plain = await w.makeVolunteer({ stationId: station.id });
    const o = await place();
    expect(o).toMatchObject({ status: 'submitted', channel: 'app', requesterVerified: false, itemName: '代购代办', requesterName: resident.name });
    expect(o.allowedActions).toEqual(['cancel']);
    expect((await act(staff, o.id, { action: 'review' })).status).toBe('reviewing');
    // Dispatch is refused until the requester is verified (条例 第十三条).
    expect((await act(staff, o.id, { action: 'dispatch', target: { type: 'pool' } })).code).toBe('orders.unverified');
    const sug = (await staff.agent.get(`/api/orders/${o.id}/suggestions`)).json().items;
    expect(sug.map((s: { volunteerId: string }) => s.volunteerId).sort()).toEqual([shopper.id, plain.id].sort());
    expect(sug[0].volunteerId).toBe(shopper.id);
    expect(sug[0].reasons.length).toBeGreaterThan(0);
    expect(sug[0].score).toBeGreaterThan(sug[1].score);
    expect((await resident.agent.get(`/api/orders/${o.id}/suggestions`)).statusCode).toBe(404);
    const dispatched = await act(staff, o.id, { action: 'dispatch', verified: true, target: { type: 'volunteer', id: shopper.id } });
    expect(dispatched).toMatchObject({ status: 'dispatched', target: { type: 'volunteer', id: shopper.id, name: shopper.name } });
    expect((await shopper.agent.get('/api/orders/tasks')).json().items.map((x: { id: string }) => x.id)).toEqual([o.id]);
    expect((await shopper.agent.get('/api/notifications')).json().items[0].title).toBe('有一张需求单派给您：代购代办');
    expect((await act(shopper, o.id, { action: 'accept' })).status).toBe('accepted');
    expect((await resident.agent.get('/api/notifications')).json().items[0]).toMatchObject({
      title: '志愿者已接单：代购代办',
      body: `${shopper.name} 将为您服务`,
    });
    expect((await act(shopper, o.id, { action: 'start' })).status).toBe('in_service');
    expect((await act(shopper, o.id, { action: 'note', note: '已买好米和油，正在送去' })).status).toBe('in_service');
    const photo = await w.upload(shopper, 'delivered.png');
    const done = await act(shopper, o.id, { action: 'complete', report: '已送到家中并帮忙搬上楼', serviceHours: 1.5, photoFileIds: [photo] });
    expect(done).toMatchObject({ status: 'completed', completionReport: '已送到家中并帮忙搬上楼' });
    const rated = await act(resident, o.id, { action: 'rate', rating: 5, comment: '非常感谢' });
    expect(rated).toMatchObject({ status: 'rated', rating: 5, ratedBy: 'requester', ratingComment: '非常感谢' });
    expect((await act(staff, o.id, { action: 'close' })).status).toBe('closed');
    const view = (await resident.agent.get(`/api/orders/${o.id}`)).json();
    expect(view.events.map((e: { action: string }) => e.action)).toEqual([
      'submit',
      'review',
      'dispatch',
      'accept',
      'start',
      'note',
      'complete',
      'rate',
      'close',
    ]);
    expect(view.events.find((e: { action: string }) => e.action === 'note').note).toBe('已买好米和油，正在送去');
    // Staff see the requester's full phone.
    expect((await staff.agent.get(`/api/orders/${o.id}`)).json().requesterPhone).toBe(resident.phone);
    const recs = (await staff.agent.get(`/api/hours?volunteerId=${shopper.id}&source=verified&status=pending&pageSize=200`)).json().items;
    // The completion photos are the record's evidence.
    expect(recs).toEqual([
      expect.objectContaining({ title: '群众点单：代购代办', hours: 1.5, status: 'pending', source: 'verified', evidenceFileIds: [photo] }),
    ]);
    const audits = (await w.admin.agent.get(`/api/audit?objectId=${o.id}&pageSize=50`)).json().items.map((a: { action: string }) => a.action);
    expect([...audits].sort()).toEqual(
      [
        'orders.accept',
        'orders.close',
        'orders.complete',
        'orders.dispatch',
        'orders.note',
        'orders.placed',
        'orders.rate',
        'orders.review',
        'orders.start',
      ].sort(),
    );
  });

  it('lets staff place an order for a resident without a phone, recording the channel, and rate after a call-back', async () => {
    const v = await w.makeVolunteer({ stationId: station.id });
    const o = await place(
      { onBehalf: { name: '张大爷', phone: '13712340000', channel: 'staff_phone' }, description: '想请人上门理发', itemId: undefined },
      staff,
    );
    expect(o).toMatchObject({ channel: 'staff_phone', requesterVerified: true, requesterName: '张大爷', title: '想请人上门理发' });
    await act(staff, o.id, { action: 'review' });
    await act(staff, o.id, { action: 'dispatch', target: { type: 'station', id: station.id } });
    expect((await act(v, o.id, { action: 'accept' })).status).toBe('accepted');
    await act(v, o.id, { action: 'complete', report: '已完成' });
    const rated = await act(staff, o.id, { action: 'rate', rating: 4, comment: '电话回访：满意' });
    expect(rated).toMatchObject({ status: 'rated', ratedBy: 'staff', rating: 4 });
    expect((await resident.agent.get(`/api/orders/${o.id}`)).statusCode).toBe(404);
  });

  it('hints to staff when the same person asks for the same item again within the window', async () => {
    const requester = await w.makeResident({ stationId: station.id });
    const first = await place({}, requester);
    const second = await place({}, requester);
    expect((await staff.agent.get(`/api/orders/${second.id}`)).json().duplicateOf).toBe(first.number);
    // The window looks both ways: the first one points at the later one too.
    expect((await staff.agent.get(`/api/orders/${first.id}`)).json().duplicateOf).toBe(second.number);
    const other = await place({ itemId: (await w.makeMenuItem({ name: '其他服务' })).id }, requester);
    expect((await staff.agent.get(`/api/orders/${other.id}`)).json().duplicateOf).toBeNull();
    // Only staff are told.
    expect((await requester.agent.get(`/api/orders/${second.id}`)).json().duplicateOf).toBeNull();
  });
});

describe('the clock', () => {
  it('sends an order nobody took in time up to the institute, once, with a notice', async () => {
    await tickOrders(w.t.deps);
    const o = await place({ description: '超时测试' });
    await act(staff, o.id, { action: 'review', verified: true });
    const d = await act(staff, o.id, { action: 'dispatch', target: { type: 'station', id: station.id } });
    expect(d.slaDueAt).toBe(new Date(clock.now().getTime() + 24 * 3600_000).toISOString());
    await w.advance(23 * 3600_000);
    expect(await tickOrders(w.t.deps)).toEqual({ escalated: 0, defaultRated: 0 });
    expect((await staff.agent.get(`/api/orders/${o.id}`)).json()).toMatchObject({ escalationLevel: 0, overdue: false });
    await w.advance(2 * 3600_000);
    expect((await tickOrders(w.t.deps)).escalated).toBe(1);
    expect((await tickOrders(w.t.deps)).escalated).toBe(0);
    const view = (await w.admin.agent.get(`/api/orders/${o.id}`)).json();
    expect(view).toMatchObject({ status: 'dispatched', escalationLevel: 1, target: { type: 'institute', id: w.instituteId } });
    expect(view.events.at(-1)).toMatchObject({ action: 'escalate', actorKind: 'system' });
    expect(view.allowedActions).toContain('redispatch');
    const notes = (await w.admin.agent.get('/api/notifications')).json().items;
    expect(notes.filter((n: { title: string }) => n.title.includes('上报实践所'))).toHaveLength(1);

    // In the institute's queue the escalated order is one row among the rest, once, on its own page;
    // the total is the number of rows the pages hold. (The queue used to append the newest escalated
    // orders after every page, whatever the filters, so they showed on each page and the total grew.)
    const all = (await w.admin.agent.get('/api/orders?pageSize=200')).json();
    const paged: string[] = [];
    for (let p = 1; p <= Math.ceil(all.total / 5); p++) {
      const page = (await w.admin.agent.get(`/api/orders?pageSize=5&page=${p}`)).json();
      expect(page.total).toBe(all.total);
      paged.push(...page.items.map((i: { id: string }) => i.id));
    }
    expect(paged).toEqual(all.items.map((i: { id: string }) => i.id));
    expect(new Set(paged).size).toBe(all.total);
    expect(paged.filter((id) => id === o.id)).toHaveLength(1);
    // A search that does not match it leaves it out.
    expect((await w.admin.agent.get('/api/orders?q=不会匹配任何需求单')).json()).toEqual(expect.objectContaining({ items: [], total: 0 }));
    // 只看已上报: this order alone.
    const up = (await w.admin.agent.get('/api/orders?escalated=true&pageSize=50')).json();
    expect(up.items.map((i: { id: string }) => i.id)).toEqual([o.id]);
    expect(up.total).toBe(1);
  });

  it('gives the default rating after the configured days without one', async () => {
    const v = await w.makeVolunteer({ stationId: station.id, skills: ['代购'] });
    const o = await place({ description: '默认评价测试' });
    await act(staff, o.id, { action: 'review', verified: true });
    await act(staff, o.id, { action: 'dispatch', target: { type: 'volunteer', id: v.id } });
    await act(v, o.id, { action: 'accept' });
    await act(v, o.id, { action: 'complete', report: '已完成' });
    await w.advance(6 * 86_400_000);
    expect((await tickOrders(w.t.deps)).defaultRated).toBe(0);
    await w.advance(2 * 86_400_000);
    expect((await tickOrders(w.t.deps)).defaultRated).toBe(1);
    expect((await staff.agent.get(`/api/orders/${o.id}`)).json()).toMatchObject({ status: 'rated', rating: 5, ratedBy: 'system' });
  });
});

describe('the public portal form', () => {
  it('takes an order without an account and routes it to the chosen station', async () => {
    const res = await w.anon.post('/api/public/orders', {
      stationId: station.id,
      name: '李阿姨',
      phone: '13800001111',
      description: '楼道灯坏了',
      agree: true,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'submitted', number: expect.stringMatching(/^D\d{8}-\d{4}$/) });
    const queue = (await staff.agent.get('/api/orders?pageSize=100')).json().items;
    expect(queue.find((o: { number: string }) => o.number === res.json().number)).toMatchObject({
      channel: 'portal',
      requesterName: '李阿姨',
      requesterVerified: false,
    });
    const bad = await w.anon.post('/api/public/orders', { stationId: station.id, name: '李阿姨', phone: '123', description: 'x', agree: true });
    expect(bad.statusCode).toBe(400);
    expect(
      (await w.anon.post('/api/public/orders', { stationId: w.instituteId, name: '李阿姨', phone: '13800001111', description: '所里', agree: true })).json()
        .code,
    ).toBe('volunteer.not_station');
  });
});

describe('导出 Excel', () => {
  it('every order of the list with its filters, not one page; a station only its own; audited', async () => {
    // Earlier stories moved the clock on: sign in again.
    const admin = { agent: await w.relogin(w.admin) };
    const requester = { ...resident, agent: await w.relogin(resident) };
    const other = await w.makeStation();
    const otherStaff = await w.stationAdmin(other.id);
    for (let i = 0; i < 3; i++) await place({ description: `导出用的需求单第${i}张` }, requester);
    const list = (await admin.agent.get('/api/orders?pageSize=200')).json();
    const rows = await readSheet(await admin.agent.get('/api/orders/export.xlsx'));
    expect(rows[1]).toEqual([
      '单号',
      '点单时间',
      '受理单位',
      '服务项目',
      '标题',
      '需求描述',
      '点单人',
      '渠道',
      '状态',
      '派给',
      '接单志愿者',
      '办理时限',
      '超时',
      '完成时间',
      '评分',
    ]);
    expect(rows.length - 2).toBe(list.total);
    expect(list.total).toBeGreaterThan(3);
    expect(new Set(rows.slice(2).map((r) => r[0]))).toEqual(new Set(list.items.map((o: { number: string }) => o.number)));
    const submitted = await readSheet(await admin.agent.get('/api/orders/export.xlsx?status=submitted'));
    expect(submitted.length - 2).toBe((await admin.agent.get('/api/orders?status=submitted')).json().total);
    expect(submitted.slice(2).every((r) => r[8] === '已点单')).toBe(true);
    const q = encodeURIComponent(list.items[0].number);
    const found = await readSheet(await admin.agent.get(`/api/orders/export.xlsx?q=${q}`));
    expect(found.slice(2).map((r) => r[0])).toEqual((await admin.agent.get(`/api/orders?q=${q}`)).json().items.map((o: { number: string }) => o.number));
    expect((await readSheet(await otherStaff.agent.get('/api/orders/export.xlsx'))).length).toBe(2);
    expect((await otherStaff.agent.get(`/api/orders/export.xlsx?unitId=${station.id}`)).statusCode).toBe(404);
    expect((await admin.agent.get('/api/audit?action=orders.exported')).json().total).toBeGreaterThanOrEqual(4);
  });
});
