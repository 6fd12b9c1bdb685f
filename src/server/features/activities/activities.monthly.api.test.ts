import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { type Staff, type Unit, type World, makeWorld } from '../../../../test/support/factories';
import { readSheet } from '../../../../test/support/xlsx';

// Saturday 2026-11-28, 10:00 in China: next month is December.
const clock = manualClock(new Date('2026-11-28T02:00:00Z'));
const at = (beijing: string) => new Date(`${beijing}+08:00`).toISOString();
let w: World;
let a: Unit;
let b: Unit;
let headB: Staff;

beforeAll(async () => {
  w = await makeWorld({ clock });
  a = await w.makeStation({ name: '甲社区新时代文明实践站' });
  b = await w.makeStation({ name: '乙社区新时代文明实践站' });
  headB = await w.stationAdmin(b.id);
  await w.makeActivity({ unitId: a.id, startsAt: at('2026-12-05T09:00:00'), endsAt: at('2026-12-05T11:00:00') });
  await w.makeActivity({ unitId: a.id, startsAt: at('2027-02-06T09:00:00'), endsAt: at('2027-02-06T11:00:00') });
  // A draft is not a plan yet.
  await w.makeActivity({ unitId: b.id, status: 'draft', startsAt: at('2026-12-12T09:00:00'), endsAt: at('2026-12-12T11:00:00') });
});
afterAll(async () => w?.close());

type Row = { unitId: string; counts: number[]; planned: number[]; below: boolean[]; plannedBelow: boolean[] };
const rowOf = (t: { rows: Row[] }, id: string) => t.rows.find((r) => r.unitId === id) as Row;

describe('the monthly activity table, ahead of today', () => {
  it('shows next month: what is planned against the rule', async () => {
    const t = (await w.admin.agent.get('/api/activities/monthly?months=2&until=2026-12')).json();
    expect(t).toMatchObject({ months: ['2026-11', '2026-12'], current: '2026-11', minimum: 1 });
    expect(rowOf(t, a.id)).toMatchObject({ counts: [0, 0], planned: [0, 1], below: [false, false], plannedBelow: [true, false] });
    expect(rowOf(t, b.id)).toMatchObject({ planned: [0, 0], plannedBelow: [true, true] });
  });

  it('any window of months, behind or ahead; the default still ends this month', async () => {
    const ahead = (await w.admin.agent.get('/api/activities/monthly?months=3&until=2027-03')).json();
    expect(ahead.months).toEqual(['2027-01', '2027-02', '2027-03']);
    expect(rowOf(ahead, a.id).planned).toEqual([0, 1, 0]);
    const behind = (await w.admin.agent.get('/api/activities/monthly?months=2&until=2026-10')).json();
    expect(behind.months).toEqual(['2026-09', '2026-10']);
    // Finished months: nothing held is below the rule, and nothing counts as planned.
    expect(rowOf(behind, a.id)).toMatchObject({ planned: [0, 0], below: [true, true], plannedBelow: [false, false] });
    expect((await w.admin.agent.get('/api/activities/monthly')).json().months.at(-1)).toBe('2026-11');
    for (const bad of ['2026-13', '26-12', '2026-1']) {
      const res = await w.admin.agent.get(`/api/activities/monthly?until=${bad}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('validation.failed');
    }
  });

  it('a station head sees only their station, ahead too', async () => {
    const t = (await headB.agent.get('/api/activities/monthly?months=1&until=2026-12')).json();
    expect(t.rows.map((r: Row) => r.unitId)).toEqual([b.id]);
  });
});

describe('导出 Excel', () => {
  it('the same months and stations as the page, planned ahead marked, audited', async () => {
    const before = (await w.admin.agent.get('/api/audit?action=activities.monthly_exported')).json().total;
    const rows = await readSheet(await w.admin.agent.get('/api/activities/monthly.xlsx?months=2&until=2026-12'));
    expect(rows[1]).toEqual(['实践站', '2026-11（本月）', '2026-12']);
    const byName = new Map(rows.slice(2).map((r) => [r[0], r.slice(1)]));
    expect(byName.get('甲社区新时代文明实践站')).toEqual(['已开展 0（计划不足）', '已开展 0，计划 1']);
    expect(byName.get('乙社区新时代文明实践站')).toEqual(['已开展 0（计划不足）', '已开展 0（计划不足）']);
    const past = await readSheet(await w.admin.agent.get('/api/activities/monthly.xlsx?months=1&until=2026-10'));
    expect(past.slice(2).find((r) => r[0] === '甲社区新时代文明实践站')).toEqual(['甲社区新时代文明实践站', '0（未达标）']);
    const own = await readSheet(await headB.agent.get('/api/activities/monthly.xlsx?months=1&until=2026-12'));
    expect(own.slice(2).map((r) => r[0])).toEqual(['乙社区新时代文明实践站']);
    expect((await w.admin.agent.get('/api/audit?action=activities.monthly_exported')).json().total).toBe(before + 3);
  });
});
