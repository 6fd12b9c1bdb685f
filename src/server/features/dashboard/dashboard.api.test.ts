import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, upload } from '../../../../test/support/app';
import { manualClock } from '../../../../test/support/clock';
import { type Resident, type Signed, type Staff, type Unit, type View, type Volunteer, type World, makeWorld } from '../../../../test/support/factories';
import { chinaMonthEnd, chinaMonthStart } from '../../../shared/china-time';
import type { DashboardView } from '../../../shared/dashboard';
import { lastTwelveMonths } from './dashboard.service';

/**
 * 数据大屏 (issue 11, Must show: "the dashboard's numbers equal direct queries on the same data").
 * A small known world, then each figure against an independent count read straight from the tables.
 */

const clock = manualClock(new Date('2026-11-20T04:00:00Z')); // Friday noon in Beijing
let w: World;
let stationA: Unit;
let stationB: Unit;
let adminA: Staff;
let adminB: Staff;
let vols: Volunteer[];
let residents: Resident[];
let item: View;
let screen: DashboardView;

const act = async (who: Signed | Staff, id: string, body: Record<string, unknown>) => {
  const res = await who.agent.post(`/api/orders/${id}/actions`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

async function backfill(by: Agent, volunteerId: string, unitId: string, serviceDate: string, startTime: string, endTime: string) {
  const res = await by.post('/api/hours/backfill', {
    ...{ volunteerId, unitId, title: '共享邻里情·敬老助老', serviceDate, startTime, endTime, content: '上门探望空巢老人' },
    evidenceFileIds: [await upload(w.t, by)],
    reason: '忘记签退，按纸质签到表补录',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

const dashboard = async (agent: Agent): Promise<DashboardView> => {
  const res = await agent.get('/api/dashboard');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  w = await makeWorld({ clock });
  // Low star thresholds, so a few approved hours make star volunteers (一星 at 1 h … 五星 at 5 h).
  await w.admin.agent.put(`/api/settings/${w.instituteId}/rules/stars.thresholds`, { value: [1, 2, 3, 4, 5] });
  stationA = await w.makeStation({ name: '金银社区新时代文明实践站', lat: 31.52, lng: 117.9 });
  stationB = await w.makeStation({ name: '龙井湖社区新时代文明实践站', lat: 31.55, lng: 117.95 });
  adminA = await w.stationAdmin(stationA.id);
  adminB = await w.stationAdmin(stationB.id);
  vols = [
    await w.makeVolunteer({ stationId: stationA.id, name: '甲志愿者', serviceCategories: ['助老助残', '文化惠民'], skills: ['代购', '理发'] }),
    await w.makeVolunteer({ stationId: stationA.id, name: '乙志愿者', serviceCategories: ['助老助残'], skills: ['代购'] }),
    await w.makeVolunteer({ stationId: stationB.id, name: '丙志愿者', serviceCategories: ['理论宣讲'] }),
    await w.makeVolunteer({ stationId: stationB.id, name: '丁志愿者', approved: false }),
  ];
  // Hours: 3 h and 1.5 h approved at A (三星, 一星), 2 h approved at B (二星), 4 h pending at B.
  for (const [v, date, from, to] of [
    [vols[0], '2026-11-18', '09:00', '12:00'],
    [vols[1], '2026-11-17', '09:00', '10:30'],
    [vols[2], '2026-11-16', '14:00', '16:00'],
  ] as const) {
    const unitId = v.stationId;
    const id = await backfill((unitId === stationA.id ? adminA : adminB).agent, v.id, unitId, date, from, to);
    expect((await w.admin.agent.post(`/api/hours/${id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
  }
  await backfill(adminB.agent, vols[2].id, stationB.id, '2026-11-19', '08:00', '12:00');

  // Activities this year: two under a programme at A, one without at B, one left as a draft (not counted).
  const programme = await w.makeProgramme({ name: '共享邻里情' });
  await w.makeActivity({ unitId: stationA.id, programmeId: programme.id });
  await w.makeActivity({ unitId: stationA.id, programmeId: programme.id });
  await w.makeActivity({ unitId: stationB.id });
  await w.makeActivity({ unitId: stationB.id, status: 'draft' });

  // Venues: two with a position, one without (not on the map).
  for (const body of [
    { unitId: stationA.id, kind: 'culture', name: '金银文化礼堂', lat: 31.521, lng: 117.901 },
    { unitId: stationB.id, kind: 'culture', name: '龙井湖书屋', lat: 31.551, lng: 117.951 },
    { unitId: stationB.id, kind: 'culture', name: '龙井湖活动室' },
  ]) {
    expect((await w.admin.agent.post('/api/venues', { ...body, rooms: [] })).statusCode).toBe(201);
  }

  // Orders at A: placed only; dispatched and answered late; rated 5 by the resident; rated 3 by the resident; at B: done, not rated.
  item = await w.makeMenuItem({ name: '代购代办', slaHours: 24 });
  residents = [await w.makeResident({ stationId: stationA.id, name: '王居民' }), await w.makeResident({ stationId: stationB.id, name: '李居民' })];
  const place = async (r: Resident) => (await w.makeOrder({ requester: r, itemId: item.id, description: '王大爷腿摔伤了，想请人帮忙买米' })).id;
  const admins = new Map([
    [stationA.id, adminA],
    [stationB.id, adminB],
  ]);
  const throughDone = async (r: Resident, v: Volunteer, rating?: number) => {
    const id = await place(r);
    const staff = admins.get(r.stationId) as Staff;
    await act(staff, id, { action: 'review' });
    await act(staff, id, { action: 'dispatch', verified: true, target: { type: 'volunteer', id: v.id } });
    await act(v, id, { action: 'accept' });
    await act(v, id, { action: 'start' });
    await act(v, id, { action: 'complete', report: '已送到家中', serviceHours: 1 });
    if (rating) await act(r, id, { action: 'rate', rating });
    return id;
  };
  await place(residents[0]);
  await throughDone(residents[0], vols[0], 5);
  await throughDone(residents[0], vols[1], 3);
  await throughDone(residents[1], vols[2]);
  const late = await place(residents[0]);
  await act(adminA, late, { action: 'review' });
  await act(adminA, late, { action: 'dispatch', verified: true, target: { type: 'volunteer', id: vols[1].id } });
  await w.advance(25 * 3600_000);
  adminA = await w.stationAdmin(stationA.id);
  await act(vols[1], late, { action: 'accept' });

  screen = await dashboard(w.admin.agent);
});
afterAll(async () => w?.close());

const db = () => w.t.deps.db;

describe('the staff screen equals direct queries', () => {
  it('volunteers: the total and per station are the certified volunteers', async () => {
    const rows = await db().selectFrom('volunteers').select(['station_id', 'status']).execute();
    const certified = rows.filter((r) => r.status === 'certified');
    expect(screen.totals.volunteers).toBe(certified.length);
    expect(screen.totals.volunteers).toBe(3);
    for (const s of [stationA, stationB]) {
      expect(screen.volunteersByStation.find((x) => x.name === s.name)?.count).toBe(certified.filter((r) => r.station_id === s.id).length);
    }
  });

  it('volunteers by service category and by skill count each volunteer once under each of theirs', async () => {
    const rows = await db().selectFrom('volunteers').select(['service_categories', 'skills']).where('status', '=', 'certified').execute();
    const tally = (lists: string[]) => {
      const m: Record<string, number> = {};
      for (const l of lists) for (const x of JSON.parse(l) as string[]) m[x] = (m[x] ?? 0) + 1;
      return m;
    };
    const asMap = (xs: { name: string; count: number }[]) => Object.fromEntries(xs.map((x) => [x.name, x.count]));
    expect(asMap(screen.volunteersByCategory)).toEqual(tally(rows.map((r) => r.service_categories)));
    expect(asMap(screen.volunteersByCategory)).toEqual({ 助老助残: 2, 文化惠民: 1, 理论宣讲: 1 });
    expect(asMap(screen.volunteersBySkill)).toEqual(tally(rows.map((r) => r.skills)));
    expect(screen.volunteersBySkill[0]).toEqual({ name: '代购', count: 2 });
  });

  it('volunteers by star level are each certified volunteer’s latest level', async () => {
    const levels = await db().selectFrom('star_levels').select(['volunteer_id', 'level', 'at']).orderBy('at').orderBy('level').execute();
    const latest = new Map<string, number>();
    for (const l of levels) latest.set(l.volunteer_id, Number(l.level));
    const certified = await db().selectFrom('volunteers').select('id').where('status', '=', 'certified').execute();
    const expected = [0, 1, 2, 3, 4, 5].map((level) => certified.filter((v) => (latest.get(v.id) ?? 0) === level).length);
    expect(screen.volunteersByStar.map((s) => s.count)).toEqual(expected);
    // By construction: 1.5 h → 一星, 2 h → 二星, 3 h → 三星.
    expect(expected).toEqual([0, 1, 1, 1, 0, 0]);
    expect(screen.volunteersByStar.map((s) => s.name)).toEqual(['未定级', '一星', '二星', '三星', '四星', '五星']);
  });

  it('hours by month are the approved ledger of the last twelve months; pending hours are left out', async () => {
    const rows = await db().selectFrom('service_records').select(['service_date', 'minutes', 'status']).execute();
    const approved = rows.filter((r) => r.status === 'approved');
    const months = lastTwelveMonths('2026-11-21');
    expect(screen.hoursByMonth.map((m) => m.month)).toEqual(months);
    for (const m of screen.hoursByMonth) {
      const minutes = approved.filter((r) => r.service_date.startsWith(m.month)).reduce((a, r) => a + Number(r.minutes), 0);
      expect(m.hours, m.month).toBeCloseTo(minutes / 60, 1);
    }
    expect(screen.hoursByMonth.at(-1)?.hours).toBe(6.5);
    expect(screen.totals.approvedHours).toBe(6.5);
  });

  it('activities this year by programme and by station: published ones, drafts left out', async () => {
    const from = chinaMonthStart('2026-01');
    const to = chinaMonthEnd('2026-12');
    const rows = (await db().selectFrom('activities').select(['unit_id', 'programme_id', 'status', 'starts_at']).execute()).filter(
      (a) => a.starts_at >= from && a.starts_at < to && !['draft', 'submitted', 'rejected', 'cancelled'].includes(a.status),
    );
    expect(screen.totals.activitiesThisYear).toBe(rows.length);
    expect(rows.length).toBe(3);
    expect(screen.activitiesByStation).toEqual([
      { name: stationA.name, count: rows.filter((r) => r.unit_id === stationA.id).length },
      { name: stationB.name, count: rows.filter((r) => r.unit_id === stationB.id).length },
    ]);
    expect(screen.activitiesByProgramme).toEqual([
      { name: '共享邻里情', count: rows.filter((r) => r.programme_id).length },
      { name: '未归入项目', count: rows.filter((r) => !r.programme_id).length },
    ]);
  });

  it('the order funnel counts the orders that reached each step', async () => {
    const rows = await db().selectFrom('orders').selectAll().execute();
    expect(screen.orderFunnel).toEqual({
      placed: rows.length,
      dispatched: rows.filter((r) => r.dispatched_at).length,
      accepted: rows.filter((r) => r.accepted_at).length,
      done: rows.filter((r) => r.completed_at).length,
      rated: rows.filter((r) => r.rating !== null).length,
    });
    expect(screen.orderFunnel).toEqual({ placed: 5, dispatched: 4, accepted: 4, done: 3, rated: 2 });
    expect(screen.totals.ordersDone).toBe(3);
  });

  it('timeliness is the share of dispatched orders accepted within their deadline', async () => {
    const rows = await db().selectFrom('orders').selectAll().where('sla_due_at', 'is not', null).execute();
    const now = clock.now().toISOString();
    const due = rows.filter((r) => r.accepted_at || (r.sla_due_at as string) < now);
    const inTime = due.filter((r) => r.accepted_at && r.accepted_at <= (r.sla_due_at as string));
    expect(screen.timeliness).toEqual({ due: due.length, inTime: inTime.length, share: Math.round((inTime.length / due.length) * 1000) / 1000 });
    expect(screen.timeliness).toEqual({ due: 4, inTime: 3, share: 0.75 });
  });

  it('satisfaction is the average rating residents gave', async () => {
    const rated = (await db().selectFrom('orders').select(['rating', 'rated_by']).execute()).filter((r) => r.rating !== null && r.rated_by !== 'system');
    expect(screen.satisfaction).toEqual({ rated: rated.length, average: rated.reduce((a, r) => a + Number(r.rating), 0) / rated.length });
    expect(screen.satisfaction).toEqual({ rated: 2, average: 4 });
  });

  it('venues on the map are the positioned offline venues, named with their station', async () => {
    const rows = await db().selectFrom('venues').select(['name', 'lat']).where('archived', '=', 0).execute();
    expect(screen.totals.venues).toBe(rows.length);
    expect(screen.venues.map((v) => v.name).sort()).toEqual(
      rows
        .filter((r) => r.lat !== null)
        .map((r) => r.name)
        .sort(),
    );
    expect(screen.venues.find((v) => v.name === '金银文化礼堂')).toMatchObject({ lat: 31.521, lng: 117.901, stationName: stationA.name });
    expect(screen.stations.map((s) => s.name)).toEqual([stationA.name, stationB.name]);
  });

  it('the live feed: latest publishings, finished orders and approved hours, newest first, at most 20', async () => {
    const kinds = screen.feed.map((f) => f.kind);
    expect(kinds.filter((k) => k === 'activity_published')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'order_done')).toHaveLength(3);
    expect(kinds.filter((k) => k === 'hours_approved')).toHaveLength(3);
    const ats = screen.feed.map((f) => f.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(screen.feed.find((f) => f.kind === 'order_done')).toMatchObject({ title: '代购代办' });
    expect(screen.feed.length).toBeLessThanOrEqual(20);
  });
});

describe('scope', () => {
  it('a station admin sees only their station’s figures', async () => {
    const a = await dashboard(adminA.agent);
    expect(a.title).toBe(stationA.name);
    expect(a.totals.volunteers).toBe(2);
    expect(a.volunteersByStation.map((s) => s.name)).toEqual([stationA.name]);
    expect(a.totals.approvedHours).toBe(4.5);
    expect(a.activitiesByStation).toEqual([{ name: stationA.name, count: 2 }]);
    expect(a.orderFunnel.placed).toBe(4);
    expect(a.venues.map((v) => v.name)).toEqual(['金银文化礼堂']);
    expect(JSON.stringify(a)).not.toContain(stationB.name);
    const b = await dashboard(adminB.agent);
    expect(b.totals.volunteers).toBe(1);
    expect(JSON.stringify(b)).not.toContain(stationA.name);
  });

  it('the district viewer sees everything below; volunteers and residents may not open it', async () => {
    const d = await dashboard((await w.makeDistrictViewer()).agent);
    expect(d.totals).toEqual(screen.totals);
    expect((await vols[0].agent.get('/api/dashboard')).statusCode).toBe(403);
    expect((await residents[0].agent.get('/api/dashboard')).statusCode).toBe(403);
    expect((await w.anon.get('/api/dashboard')).statusCode).toBe(401);
  });
});

describe('the public screen', () => {
  it('shows the institute’s counts and no personal data at all', async () => {
    const res = await w.anon.get('/api/public/dashboard');
    expect(res.statusCode, res.body).toBe(200);
    const pub: DashboardView = res.json();
    expect(pub.totals).toEqual(screen.totals);
    expect(pub.orderFunnel).toEqual(screen.orderFunnel);
    const text = res.body;
    for (const name of [...vols.map((v) => v.name), ...residents.map((r) => r.name), adminA.name, w.admin.name]) expect(text).not.toContain(name);
    for (const v of vols) {
      expect(text).not.toContain(v.phone);
      expect(text).not.toContain(v.idNumber);
    }
    expect(text).not.toContain('王大爷');
    expect(text).not.toMatch(/requester|phone|idNumber|personId|volunteerId/i);
    expect((await w.anon.get(`/api/public/dashboard?instituteId=${w.instituteId}`)).json().totals).toEqual(screen.totals);
    expect((await w.anon.get(`/api/public/dashboard?instituteId=${stationA.id}`)).statusCode).toBe(404);
  });

  it('is served from memory for 30 s, then recomputed', async () => {
    const before = (await w.anon.get('/api/public/dashboard')).json().totals.volunteers;
    await w.makeVolunteer({ stationId: stationA.id });
    expect((await w.anon.get('/api/public/dashboard')).json().totals.volunteers).toBe(before);
    clock.advance(31_000);
    expect((await w.anon.get('/api/public/dashboard')).json().totals.volunteers).toBe(before + 1);
  });
});

describe('at district scale', () => {
  it('runs the same fixed number of statements however much data there is', async () => {
    const count = async () => {
      const { result, sql } = await w.t.statements(() => w.admin.agent.get('/api/dashboard'));
      expect(result.statusCode).toBe(200);
      return sql.length;
    };
    await count(); // warm the unit tree and rules caches
    const before = await count();
    const stationC = await w.makeStation({ name: '望州社区新时代文明实践站' });
    await w.makeVolunteer({ stationId: stationC.id, serviceCategories: ['体育服务'], skills: ['篮球'] });
    await w.makeActivity({ unitId: stationC.id });
    await w.makeOrder({ stationId: stationC.id });
    await count();
    expect(await count()).toBe(before);
    // The session, the grants, then one statement per figure: never one per row.
    expect(before).toBeLessThanOrEqual(20);
  });
});
