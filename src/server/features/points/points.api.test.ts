import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, upload } from '../../../../test/support/app';
import { manualClock } from '../../../../test/support/clock';
import { type Resident, type Staff, type Volunteer, type World, makeWorld } from '../../../../test/support/factories';
import { tick } from '../activities/activities.tick';
import { tickPoints } from './points.expiry';
import { verifyLedger } from './points.statement';

const clock = manualClock(new Date('2026-11-20T04:00:00Z'));
let w: World;
let station: string;
let enterer: Staff;
let approver: Staff;
let otherStation: Staff;
let resident: Resident;
let vol: Volunteer;

beforeAll(async () => {
  w = await makeWorld({ clock });
  station = (await w.makeStation({ name: '金银社区新时代文明实践站' })).id;
  enterer = await w.stationAdmin(station);
  approver = await w.makeStaff('station_admin', station, { name: '金银第二管理员' });
  otherStation = await w.stationAdmin((await w.makeStation({ name: '龙井湖社区新时代文明实践站' })).id);
  resident = await w.makeResident({ stationId: station });
  vol = await w.makeVolunteer({ stationId: station });
});
afterAll(async () => w?.close());

let day = 1;
/** A pending backfilled record of the volunteer, on its own day (within the entry deadline) so records never overlap. */
async function pendingRecord(v: { id: string }, startTime = '09:00', endTime = '12:00'): Promise<string> {
  const evidence = await upload(w.t, enterer.agent);
  const serviceDate = `2026-11-${String(11 + day++).padStart(2, '0')}`;
  const res = await enterer.agent.post('/api/hours/backfill', {
    volunteerId: v.id,
    unitId: station,
    title: '共享邻里情·敬老助老',
    serviceDate,
    startTime,
    endTime,
    content: '上门探望空巢老人',
    evidenceFileIds: [evidence],
    reason: '按纸质签到表补录',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const mine = async (who: Volunteer = vol) => (await who.agent.get('/api/points/me?pageSize=100')).json();
const statement = async (id: string, agent: Agent = w.admin.agent) => (await agent.get(`/api/points/volunteers/${id}?pageSize=100`)).json();

describe('earning from approved hours', () => {
  it('credits minutes × rate ÷ 60, rounded down, once — a second approval changes nothing', async () => {
    const id = await pendingRecord(vol, '09:00', '10:50');
    expect((await approver.agent.post(`/api/hours/${id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
    const again = await approver.agent.post(`/api/hours/${id}/decision`, { decision: 'approve' });
    expect(again.json().code).toBe('hours.not_pending');
    const s = await mine();
    expect(s.totals).toEqual({ balance: 1, issued: 1, spent: 0, expired: 0 });
    expect(s.entries.items).toHaveLength(1);
    expect(s.entries.items[0]).toMatchObject({ kind: 'hours', points: 1, sourceType: 'service_record', sourceId: id, link: '/m/volunteer' });
    expect(s.entries.items[0].reason).toContain('不足 1 分舍去');
  });

  it('credits each record of a batch once, even when the batch names one twice', async () => {
    const v = await w.makeVolunteer({ stationId: station });
    const a = await pendingRecord(v);
    const b = await pendingRecord(v, '14:00', '16:30');
    const res = await approver.agent.post('/api/hours/approve', { ids: [a, b, a] });
    expect(res.statusCode, res.body).toBe(200);
    const s = await statement(v.id);
    expect(s.totals.balance).toBe(3 + 2);
    expect(s.entries.items.map((e: { sourceId: string }) => e.sourceId).sort()).toEqual([a, b].sort());
  });

  it('follows an approved correction with a counter-entry to what the corrected net earns', async () => {
    const v = await w.makeVolunteer({ stationId: station });
    const id = await pendingRecord(v);
    await approver.agent.post(`/api/hours/${id}/decision`, { decision: 'approve' });
    const corr = await enterer.agent.post(`/api/hours/${id}/corrections`, { hoursDelta: -1.5, reason: '实际 10:30 离开' });
    expect(corr.statusCode, corr.body).toBe(201);
    expect((await statement(v.id)).totals.balance).toBe(3);
    await approver.agent.post(`/api/hours/${corr.json().id}/decision`, { decision: 'approve' });
    const s = await statement(v.id);
    expect(s.totals).toMatchObject({ balance: 1, issued: 1 });
    const c = s.entries.items.find((e: { kind: string }) => e.kind === 'correction');
    expect(c).toMatchObject({ points: -2, sourceId: corr.json().id });
    expect(c.correctsId).toBe(s.entries.items.find((e: { kind: string }) => e.kind === 'hours').id);
  });
});

describe('earning from a good rating', () => {
  it('gives the volunteer the rule’s points (default 2) once for a rating of 4 or more', async () => {
    const v = await w.makeVolunteer({ stationId: station });
    const item = await w.makeMenuItem({ name: '代购代办', unitId: station });
    const act = async (who: { agent: Agent }, id: string, body: Record<string, unknown>) => {
      const res = await who.agent.post(`/api/orders/${id}/actions`, body);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const placed = await resident.agent.post('/api/orders', { itemId: item.id, description: '想请人帮忙买点米和油', stationId: station });
    expect(placed.statusCode, placed.body).toBe(201);
    const id = placed.json().id;
    await act(enterer, id, { action: 'review' });
    await act(enterer, id, { action: 'dispatch', verified: true, target: { type: 'volunteer', id: v.id } });
    await act(v, id, { action: 'accept' });
    await act(v, id, { action: 'complete', report: '已送到家中' });
    await act(resident, id, { action: 'rate', rating: 5, comment: '非常感谢' });
    const s = await statement(v.id);
    const rating = s.entries.items.filter((e: { kind: string }) => e.kind === 'order_rating');
    expect(rating).toHaveLength(1);
    expect(rating[0]).toMatchObject({ points: 2, sourceType: 'order', sourceId: id, link: `/admin/orders/${id}` });
  });
});

describe('staff grants, deductions and undoing', () => {
  it('grants and deducts with a reason, audited, and a deduction never overdraws', async () => {
    const v = await w.makeVolunteer({ stationId: station });
    const g = await enterer.agent.post(`/api/points/volunteers/${v.id}/grants`, { points: 10, reason: '社区表彰奖励' });
    expect(g.statusCode, g.body).toBe(201);
    expect(g.json().totals).toEqual({ balance: 10, issued: 10, spent: 0, expired: 0 });
    const over = await enterer.agent.post(`/api/points/volunteers/${v.id}/deductions`, { points: 11, reason: '违规扣分' });
    expect(over.statusCode).toBe(409);
    expect(over.json()).toMatchObject({ code: 'points.insufficient', message: '积分余额不足' });
    const s = await statement(v.id);
    expect(s.totals.balance).toBe(10);
    expect(s.entries.total).toBe(1);
    const d = await enterer.agent.post(`/api/points/volunteers/${v.id}/deductions`, { points: 4, reason: '无故缺席活动' });
    expect(d.json().totals).toMatchObject({ balance: 6, issued: 6 });
    const audit = (await w.admin.agent.get('/api/audit?action=points.deducted')).json();
    expect(audit.total).toBeGreaterThanOrEqual(1);
    // Both entries carry the same (manual) clock time: find the deduction by its kind.
    expect((await mine(v)).entries.items.find((e: { kind: string }) => e.kind === 'deduct')).toMatchObject({
      kind: 'deduct',
      points: -4,
      reason: '无故缺席活动',
      createdByName: expect.any(String),
    });
  });

  it('never lets 20 parallel deductions take a balance below zero', async () => {
    const v = await w.makeVolunteer({ stationId: station });
    await enterer.agent.post(`/api/points/volunteers/${v.id}/grants`, { points: 5, reason: '志愿服务之星' });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => enterer.agent.post(`/api/points/volunteers/${v.id}/deductions`, { points: 1, reason: '并发扣减' })),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(codes.filter((c) => c === 409)).toHaveLength(15);
    const s = await statement(v.id);
    expect(s.totals.balance).toBe(0);
    expect(s.entries.total).toBe(6);
  });

  it('undoes a manual entry by a counter-entry, at most its net, and nothing else', async () => {
    const v = await w.makeVolunteer({ stationId: station });
    const g = await enterer.agent.post(`/api/points/volunteers/${v.id}/grants`, { points: 10, reason: '误发测试' });
    const entryId = g.json().entries.items[0].id;
    const part = await enterer.agent.post(`/api/points/entries/${entryId}/revocations`, { points: 4, reason: '多发了 4 分' });
    expect(part.statusCode, part.body).toBe(201);
    expect(part.json().totals.balance).toBe(6);
    const tooMuch = await enterer.agent.post(`/api/points/entries/${entryId}/revocations`, { points: 7, reason: '再撤' });
    expect(tooMuch.json().code).toBe('points.revoke_exceeds');
    const rest = await enterer.agent.post(`/api/points/entries/${entryId}/revocations`, { reason: '全部撤销' });
    expect(rest.json().totals.balance).toBe(0);
    const original = rest.json().entries.items.find((e: { id: string }) => e.id === entryId);
    expect(original).toMatchObject({ net: 0, revocable: false });
    const again = await enterer.agent.post(`/api/points/entries/${entryId}/revocations`, { reason: '再撤一次' });
    expect(again.json().code).toBe('points.revoke_exceeds');
    const hoursEntry = (await mine()).entries.items.find((e: { kind: string }) => e.kind === 'hours').id;
    const notManual = await enterer.agent.post(`/api/points/entries/${hoursEntry}/revocations`, { reason: '撤销服务积分' });
    expect(notManual.statusCode).toBe(422);
    expect(notManual.json().code).toBe('points.not_revocable');
  });

  it('refuses bad input in Chinese', async () => {
    for (const [body, text] of [
      [{ points: 0, reason: '奖励' }, '积分应大于 0'],
      [{ points: 1.5, reason: '奖励' }, '积分应为整数'],
      [{ points: 5, reason: '' }, '至少 2 个字'],
      [{ points: 5 }, ''],
      [{ points: 5, reason: '奖励', extra: 1 }, ''],
    ] as const) {
      const res = await enterer.agent.post(`/api/points/volunteers/${vol.id}/grants`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('validation.failed');
      if (text) expect(JSON.stringify(res.json())).toContain(text);
    }
    expect((await enterer.agent.get('/api/points/entries?month=2026-13')).statusCode).toBe(400);
  });
});

describe('scope', () => {
  it('hides another station’s volunteers (404) and refuses residents and volunteers (403)', async () => {
    expect((await otherStation.agent.get(`/api/points/volunteers/${vol.id}`)).statusCode).toBe(404);
    expect((await otherStation.agent.post(`/api/points/volunteers/${vol.id}/grants`, { points: 1, reason: '越权发放' })).statusCode).toBe(404);
    expect((await otherStation.agent.get('/api/points/volunteers')).json().items).toEqual([]);
    expect((await otherStation.agent.get(`/api/points/entries?unitId=${station}`)).statusCode).toBe(404);
    expect((await resident.agent.get('/api/points/entries')).statusCode).toBe(403);
    expect((await resident.agent.get('/api/points/volunteers')).statusCode).toBe(403);
    expect((await resident.agent.get('/api/points/me')).json().code).toBe('volunteer.not_found_self');
    expect((await vol.agent.post(`/api/points/volunteers/${vol.id}/grants`, { points: 1, reason: '自己给自己' })).statusCode).toBe(403);
    expect((await enterer.agent.get('/api/points/verify')).statusCode).toBe(403);
  });
});

describe('the unit ledger, export and verify', () => {
  it('lists the station’s entries by month and kind, exports them, and balances equal the ledger', async () => {
    const list = (await enterer.agent.get(`/api/points/entries?unitId=${station}&month=2026-11&pageSize=200`)).json();
    expect(list.total).toBeGreaterThan(5);
    const grants = (await enterer.agent.get('/api/points/entries?kind=grant')).json();
    expect(grants.items.every((e: { kind: string }) => e.kind === 'grant')).toBe(true);
    expect((await enterer.agent.get('/api/points/entries?month=2026-10')).json().total).toBe(0);
    const holders = (await enterer.agent.get('/api/points/volunteers?q=' + encodeURIComponent(vol.name))).json();
    expect(holders.items[0]).toMatchObject({ volunteerId: vol.id, balance: 1 });

    const x = await enterer.agent.get(`/api/points/entries.xlsx?unitId=${station}&month=2026-11`);
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell(2, 1).value)).toBe('时间');
    expect(ws.rowCount).toBe(list.total + 2);

    const v = await w.admin.agent.get('/api/points/verify');
    expect(v.statusCode).toBe(200);
    expect(v.json()).toMatchObject({ ok: true, mismatches: [] });
    expect(v.json().issued - v.json().spent - v.json().expired).toBe(v.json().balance);
    expect((await verifyLedger(w.t.deps.db)).ok).toBe(true);
  });

  it('refuses an activity bonus before the activity has ended', async () => {
    const a = await w.makeActivity({ unitId: station, by: enterer });
    const res = await enterer.agent.post(`/api/points/activities/${a.id}/bonus`, { points: 3, reason: '活动表现突出' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('points.activity_not_finished');
  });

  it('pays an activity bonus once to each volunteer whose service from the finished activity was approved', async () => {
    const [v1, v2] = [await w.makeVolunteer({ stationId: station }), await w.makeVolunteer({ stationId: station })];
    const title = '铜鼓湖公园环境整治（奖励）';
    const a = await w.makeActivity({ unitId: station, by: enterer, title, startsAt: new Date(clock.now().getTime() + 3_600_000).toISOString() });
    for (const v of [v1, v2]) expect((await enterer.agent.post(`/api/activities/${a.id}/signups`, { volunteerId: v.id })).statusCode).toBe(201);
    await w.advance(61 * 60_000);
    await tick(w.t.deps);
    for (const v of [v1, v2]) {
      const r = await enterer.agent.post(`/api/activities/${a.id}/checkins/staff`, { volunteerId: v.id, direction: 'in', reason: '现场代为签到' });
      expect(r.statusCode, r.body).toBe(200);
    }
    await w.advance(2 * 3_600_000);
    await tick(w.t.deps);
    // Only v1's verified record is approved: v2 has no approved service from the activity.
    const pending = (await approver.agent.get('/api/hours?source=verified&status=pending&pageSize=200')).json().items as {
      id: string;
      volunteerId: string;
      title: string;
    }[];
    const v1Record = pending.find((r) => r.volunteerId === v1.id && r.title === title);
    expect(v1Record).toBeTruthy();
    expect((await approver.agent.post(`/api/hours/${v1Record?.id}/decision`, { decision: 'approve' })).statusCode).toBe(200);

    const before = (await statement(v1.id)).totals.balance;
    const paid = await enterer.agent.post(`/api/points/activities/${a.id}/bonus`, { points: 3, reason: '活动表现突出' });
    expect([paid.statusCode, paid.json()]).toEqual([201, { activityId: a.id, granted: 1, skipped: 0, points: 3 }]);
    expect((await statement(v1.id)).totals.balance).toBe(before + 3);
    expect((await statement(v2.id)).totals.balance).toBe(0);
    // A second grant pays nobody twice.
    const again = await enterer.agent.post(`/api/points/activities/${a.id}/bonus`, { points: 3, reason: '活动表现突出' });
    expect(again.json()).toMatchObject({ granted: 0, skipped: 1 });
    expect((await statement(v1.id)).totals.balance).toBe(before + 3);
  });
});

describe('expiry', () => {
  it('expires what remains of earnings past their day, first in first out, once even with two ticks at once', async () => {
    const set = await w.admin.agent.put(`/api/settings/${w.instituteId}/rules/points.expiryMonths`, { value: 1 });
    expect(set.statusCode, set.body).toBe(200);
    const v = await w.makeVolunteer({ stationId: station });
    await enterer.agent.post(`/api/points/volunteers/${v.id}/grants`, { points: 10, reason: '第一次发放' });
    await w.advance(20 * 86_400_000);
    await enterer.agent.post(`/api/points/volunteers/${v.id}/grants`, { points: 5, reason: '第二次发放' });
    await enterer.agent.post(`/api/points/volunteers/${v.id}/deductions`, { points: 7, reason: '扣减' });
    await w.advance(15 * 86_400_000);
    // 10 earned first, 7 deducted from them (FIFO): 3 remain of the first grant and lapse; the second grant is not due.
    const [a, b] = await Promise.all([tickPoints(w.t.deps), tickPoints(w.t.deps)]);
    expect(a.expired + b.expired).toBe(3);
    expect((await tickPoints(w.t.deps)).expired).toBe(0);
    const s = await statement(v.id);
    expect(s.totals).toEqual({ balance: 5, issued: 8, spent: 0, expired: 3 });
    expect(s.entries.items[0]).toMatchObject({ kind: 'expire', points: -3, sourceType: 'point_entry' });
    expect((await verifyLedger(w.t.deps.db)).ok).toBe(true);
    await w.admin.agent.put(`/api/settings/${w.instituteId}/rules/points.expiryMonths`, { value: 0 });
  });
});
