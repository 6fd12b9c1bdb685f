import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, upload } from '../../../../test/support/app';
import { manualClock } from '../../../../test/support/clock';
import { makeWorld, type Staff, type Unit, type Volunteer, type World } from '../../../../test/support/factories';
import { messageFor } from '../../../shared/errors';
import type { ReportView } from '../../../shared/reports';

/** A small known world: two stations, three volunteers, three approved records, three orders; the report says exactly that. */
const clock = manualClock(new Date('2026-11-20T04:00:00Z')); // Friday noon in Beijing
let w: World;
let a: Unit;
let b: Unit;
let adminA: Staff;
let volunteers: Volunteer[];

const url = (period: string, instituteId = w.instituteId) => `/api/reports?instituteId=${instituteId}&period=${period}`;
const get = async (agent: Agent, period: string): Promise<ReportView> => {
  const res = await agent.get(url(period));
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json();
};

async function approvedRecord(unitId: string, volunteerId: string, serviceDate: string, startTime: string, endTime: string) {
  const enterer = (await w.stationAdmin(unitId)).agent;
  const res = await enterer.post('/api/hours/backfill', {
    volunteerId,
    unitId,
    title: '共享邻里情·敬老助老',
    serviceDate,
    startTime,
    endTime,
    content: '上门探望空巢老人',
    evidenceFileIds: [await upload(w.t, enterer)],
    reason: '按纸质签到表补录',
  });
  expect(res.statusCode, res.body).toBe(201);
  const ok = await w.admin.agent.post(`/api/hours/${res.json().id}/decision`, { decision: 'approve' });
  expect(ok.statusCode, ok.body).toBe(200);
}

beforeAll(async () => {
  w = await makeWorld({ clock });
  a = await w.makeStation({ name: '金银社区新时代文明实践站' });
  b = await w.makeStation({ name: '龙井湖社区新时代文明实践站' });
  adminA = await w.stationAdmin(a.id);
  volunteers = [await w.makeVolunteer({ stationId: a.id }), await w.makeVolunteer({ stationId: a.id }), await w.makeVolunteer({ stationId: b.id })];
  await approvedRecord(a.id, volunteers[0].id, '2026-11-18', '09:00', '12:00');
  await approvedRecord(a.id, volunteers[0].id, '2026-11-02', '14:00', '15:30');
  await approvedRecord(b.id, volunteers[2].id, '2026-11-10', '09:00', '11:00');
  await w.makeOrder({ stationId: a.id });
  await w.makeOrder({ stationId: a.id });
  await w.makeOrder({ stationId: b.id });
});
afterAll(async () => w?.close());

describe('the monthly report of a known world', () => {
  it('counts volunteers, hours and orders per station and in total', async () => {
    const r = await get(w.admin.agent, '2026-11');
    expect(r.title).toBe('测试街道新时代文明实践所 2026年11月 工作月报');
    expect(r).toMatchObject({ kind: 'month', fromDay: '2026-11-01', toDay: '2026-11-30' });
    expect(r.hours.total).toEqual({ minutes: 390, records: 3, volunteers: 2 });
    const byName = new Map(r.hours.byStation.map((s) => [s.unitName, s]));
    expect(byName.get(a.name)).toMatchObject({ minutes: 270, records: 2, volunteers: 1 });
    expect(byName.get('龙井湖社区新时代文明实践站')).toMatchObject({ minutes: 120, records: 1, volunteers: 1 });
    expect(r.volunteers.total).toEqual({ registered: 3, joined: 3, active: 2 });
    expect(r.volunteers.byStar.reduce((s, x) => s + x.count, 0)).toBe(3);
    expect(r.orders.total.placed).toBe(3);
    expect(r.orders.byStation.find((s) => s.unitId === a.id)?.placed).toBe(2);
    expect(r.activities.total).toEqual({ count: 0, participants: 0, minutes: 0 });
    expect(r.standards.byUnit.map((u) => u.total)).toEqual([8, 8, 8]);
  });

  it('a year report holds the month; an empty month answers zeros, not an error', async () => {
    const year = await get(w.admin.agent, '2026');
    expect(year.title).toBe('测试街道新时代文明实践所 2026年 工作年报');
    expect(year.hours.total.minutes).toBe(390);
    const empty = await get(w.admin.agent, '2026-09');
    expect(empty.hours.total).toEqual({ minutes: 0, records: 0, volunteers: 0 });
    expect(empty.orders.total).toMatchObject({ placed: 0, onTimePercent: null, ratingAverage: null });
    expect(empty.volunteers.total.registered).toBe(0);
    expect(empty.training.sessions).toEqual([]);
  });

  it('refuses a bad period with 400 and a Chinese message', async () => {
    for (const period of ['2026-13', '26-11', '2026/11', '2026-1', 'x']) {
      const res = await w.admin.agent.get(url(period));
      expect(res.statusCode, period).toBe(400);
      expect(res.json()).toMatchObject({ code: 'reports.bad_period', message: messageFor('reports.bad_period') });
    }
    for (const path of ['export.xlsx', 'export.pdf']) {
      const res = await w.admin.agent.get(`/api/reports/${path}?instituteId=${w.instituteId}&period=2026-13`);
      expect(res.json().code).toBe('reports.bad_period');
    }
  });

  it('is for an institute: a station admin gets 403, a station is not an institute, an unknown one is 404', async () => {
    const denied = await adminA.agent.get(url('2026-11'));
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('access.denied');
    expect((await adminA.agent.get(`/api/reports/export.xlsx?instituteId=${w.instituteId}&period=2026-11`)).statusCode).toBe(403);
    const station = await w.admin.agent.get(url('2026-11', a.id));
    expect(station.statusCode).toBe(422);
    expect(station.json().code).toBe('reports.not_institute');
    const unknown = await w.admin.agent.get(url('2026-11', '00000000-0000-4000-8000-000000000000'));
    expect(unknown.statusCode).toBe(404);
  });

  it('the district viewer reads it', async () => {
    const viewer = await w.makeDistrictViewer();
    const r = await get(viewer.agent, '2026-11');
    expect(r.hours.total.minutes).toBe(390);
  });
});
