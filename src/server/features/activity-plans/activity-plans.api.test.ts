import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { readSheet } from '../../../../test/support/xlsx';
import { makeActivityPlan, type Staff, type Unit, type View, type World, makeWorld } from '../../../../test/support/factories';

// 2026-12-01 09:00 in China.
const clock = manualClock(new Date('2026-12-01T01:00:00Z'));
let w: World;
let a: Unit;
let b: Unit;
let adminA: Staff;
let adminB: Staff;
let viewer: Staff;

type Cell = { id: string; stationId: string; state: string; status: string; overdue: boolean; reason: string | null; activity: { id: string } | null };

beforeAll(async () => {
  w = await makeWorld({ clock });
  a = await w.makeStation();
  b = await w.makeStation();
  adminA = await w.stationAdmin(a.id);
  adminB = await w.stationAdmin(b.id);
  viewer = await w.makeDistrictViewer();
});
afterAll(async () => w?.close());

const planBody = () => ({
  instituteId: w.instituteId,
  periodKind: 'quarter',
  periodLabel: '2026年第四季度',
  periodStart: '2026-10-01',
  periodEnd: '2026-12-31',
  title: '第四季度新时代文明实践活动计划',
});
const mineOf = async (who: Staff, planId: string): Promise<Cell[]> => (await who.agent.get(`/api/plan-assignments?planId=${planId}`)).json().items;

describe('a plan', () => {
  it('is drafted, filled and published: one pending assignment per item and target station, audited', async () => {
    const res = await w.admin.agent.post('/api/activity-plans', planBody());
    expect(res.statusCode, res.body).toBe(201);
    const plan = res.json();
    expect(plan).toMatchObject({ status: 'draft', itemCount: 0, canManage: true, items: [] });
    // A draft is the institute's: stations and the district do not see it.
    expect((await adminA.agent.get(`/api/activity-plans/${plan.id}`)).statusCode).toBe(404);
    const listA = await adminA.agent.get('/api/activity-plans');
    expect(listA.statusCode, listA.body).toBe(200);
    expect(listA.json().total).toBe(0);
    const noItems = await w.admin.agent.post(`/api/activity-plans/${plan.id}/publish`, {});
    expect([noItems.statusCode, noItems.json().code]).toEqual([422, 'activity_plans.no_items']);

    const item = (body: object) => w.admin.agent.post(`/api/activity-plans/${plan.id}/items`, body);
    expect((await item({ title: '重阳节敬老活动', category: '助老助残', suggestedDate: '2026-10', description: '走访慰问辖区老人' })).statusCode).toBe(201);
    const two = await item({ title: '四点半课堂', stationIds: [a.id] });
    expect(two.json().items.map((i: View) => i.seq)).toEqual([1, 2]);
    expect(two.json().items[1]).toMatchObject({ allStations: false, stationIds: [a.id] });

    const published = await w.admin.agent.post(`/api/activity-plans/${plan.id}/publish`, {});
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', itemCount: 2 });
    expect((await w.admin.agent.get(`/api/audit?action=activity_plans.published&objectId=${plan.id}`)).json().total).toBe(1);
    const again = await w.admin.agent.post(`/api/activity-plans/${plan.id}/publish`, {});
    expect([again.statusCode, again.json().code]).toEqual([409, 'activity_plans.not_draft']);
    const late = await item({ title: '迟到的条目' });
    expect([late.statusCode, late.json().code]).toEqual([409, 'activity_plans.not_draft']);

    expect((await mineOf(adminA, plan.id)).map((c) => c.state)).toEqual(['pending', 'pending']);
    expect((await mineOf(adminB, plan.id)).map((c) => c.state)).toEqual(['pending']);
    const matrix = (await w.admin.agent.get(`/api/activity-plans/${plan.id}/matrix`)).json();
    expect(matrix.stations).toHaveLength(2);
    expect(matrix.rows.map((r: { cells: Cell[] }) => r.cells.length)).toEqual([2, 1]);
    expect(matrix.counts).toMatchObject({ pending: 3, held: 0 });
  });

  it('refuses bad input with stable codes', async () => {
    const post = (body: object) => w.admin.agent.post('/api/activity-plans', body);
    expect((await post({ ...planBody(), instituteId: a.id })).json().code).toBe('activity_plans.bad_unit');
    expect((await post({ ...planBody(), periodEnd: '2026-09-01' })).statusCode).toBe(400);
    expect((await post({ ...planBody(), periodKind: 'year' })).statusCode).toBe(400);
    expect((await post({ ...planBody(), instituteId: randomUUID() })).statusCode).toBe(404);
    const draft = (await post(planBody())).json();
    const item = (body: object) => w.admin.agent.post(`/api/activity-plans/${draft.id}/items`, { title: '活动', ...body });
    expect((await item({ stationIds: [w.instituteId] })).json().code).toBe('activity_plans.bad_station');
    expect((await item({ suggestedDate: '2027-01' })).json().code).toBe('activity_plans.bad_date');
    expect((await item({ suggestedDate: '2027-01' })).statusCode).toBe(422);
    expect((await item({ programmeId: randomUUID() })).json().code).toBe('activity_plans.bad_programme');
    expect((await item({ category: '别的' })).statusCode).toBe(400);
    expect((await item({ suggestedDate: '10月' })).statusCode).toBe(400);
    expect((await adminA.agent.post('/api/activity-plans', planBody())).statusCode).toBe(403);
    expect((await viewer.agent.post('/api/activity-plans', planBody())).statusCode).toBe(403);
  });
});

describe('answering an item', () => {
  let planId: string;
  beforeAll(async () => {
    planId = (await makeActivityPlan(w, { items: [{ title: '冬季送温暖' }, { title: '移风易俗宣讲' }, { title: '健康讲座' }], publish: true })).id;
  });

  it('accepts once (409 after), links one of the station’s activities, and reads held only once it ended', async () => {
    const [first] = await mineOf(adminA, planId);
    const ok = await adminA.agent.post(`/api/plan-assignments/${first.id}/accept`, { note: '由志愿服务队承接' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'accepted', note: '由志愿服务队承接', canRespond: true });
    const twice = await adminA.agent.post(`/api/plan-assignments/${first.id}/accept`, {});
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'activity_plans.bad_transition']);

    const foreign = await w.makeActivity({ unitId: b.id });
    const bad = await adminA.agent.post(`/api/plan-assignments/${first.id}/link`, { activityId: foreign.id });
    expect([bad.statusCode, bad.json().code]).toEqual([422, 'activity_plans.bad_activity']);
    expect((await adminA.agent.post(`/api/plan-assignments/${first.id}/link`, { activityId: randomUUID() })).statusCode).toBe(422);

    const act = await w.makeActivity({ unitId: a.id, by: adminA });
    const linked = await adminA.agent.post(`/api/plan-assignments/${first.id}/link`, { activityId: act.id });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ status: 'linked', state: 'scheduled', activity: { id: act.id } });
    // The same activity cannot carry a second item.
    const [, second] = await mineOf(adminA, planId);
    const taken = await adminA.agent.post(`/api/plan-assignments/${second.id}/link`, { activityId: act.id });
    expect([taken.statusCode, taken.json().code]).toEqual([409, 'activity_plans.activity_taken']);

    expect((await adminA.agent.post(`/api/activities/${act.id}/transitions`, { action: 'end' })).statusCode).toBe(200);
    const cell = (await mineOf(adminA, planId)).find((c) => c.id === first.id);
    expect(cell).toMatchObject({ state: 'held', overdue: false });
    const notHeld = await adminA.agent.post(`/api/plan-assignments/${first.id}/not-held`, { reason: '天气原因' });
    expect([notHeld.statusCode, notHeld.json().code]).toEqual([409, 'activity_plans.bad_transition']);
    expect((await w.admin.agent.get(`/api/audit?action=activity_plans.linked&objectId=${first.id}`)).json().total).toBe(1);
  });

  it('links straight from pending, and marks not held only with a reason', async () => {
    const [, second, third] = await mineOf(adminA, planId);
    const act = await w.makeActivity({ unitId: a.id, by: adminA });
    expect((await adminA.agent.post(`/api/plan-assignments/${second.id}/link`, { activityId: act.id })).json()).toMatchObject({ state: 'scheduled' });
    expect((await adminA.agent.post(`/api/plan-assignments/${third.id}/not-held`, {})).statusCode).toBe(400);
    expect((await adminA.agent.post(`/api/plan-assignments/${third.id}/not-held`, { reason: '' })).statusCode).toBe(400);
    const res = await adminA.agent.post(`/api/plan-assignments/${third.id}/not-held`, { reason: '场地维修，改到下月' });
    expect(res.json()).toMatchObject({ state: 'not_held', reason: '场地维修，改到下月' });
    const relink = await adminA.agent.post(`/api/plan-assignments/${third.id}/link`, { activityId: act.id });
    expect([relink.statusCode, relink.json().code]).toEqual([409, 'activity_plans.bad_transition']);
  });

  it('keeps stations to their own items; the district reads all and answers none', async () => {
    const [ofA] = await mineOf(adminA, planId);
    expect((await adminB.agent.post(`/api/plan-assignments/${ofA.id}/accept`, {})).statusCode).toBe(404);
    expect((await adminB.agent.get(`/api/plan-assignments?stationId=${a.id}`)).statusCode).toBe(404);
    const bMatrix = (await adminB.agent.get(`/api/activity-plans/${planId}/matrix`)).json();
    expect(bMatrix.stations.map((s: View) => s.id)).toEqual([b.id]);
    const all = (await viewer.agent.get(`/api/activity-plans/${planId}/matrix`)).json();
    expect(all.stations).toHaveLength(2);
    expect(all.rows[0].cells.every((c: { canRespond: boolean }) => !c.canRespond)).toBe(true);
    const [ofB] = await mineOf(adminB, planId);
    expect((await viewer.agent.post(`/api/plan-assignments/${ofB.id}/accept`, {})).statusCode).toBe(403);
    expect((await viewer.agent.post(`/api/plan-assignments/${ofB.id}/not-held`, { reason: '无法开展' })).statusCode).toBe(403);
    expect((await w.admin.agent.post(`/api/plan-assignments/${randomUUID()}/accept`, {})).statusCode).toBe(404);
  });

  it('exports the 承接情况 as one row per item and station, a station only its own, audited', async () => {
    const all = await readSheet(await w.admin.agent.get(`/api/activity-plans/${planId}/matrix.xlsx`));
    const m = (await w.admin.agent.get(`/api/activity-plans/${planId}/matrix`)).json();
    const cells = m.rows.flatMap((r: { cells: Cell[] }) => r.cells);
    expect(all[1]).toEqual(['计划条目', '类别', '建议时间', '实践站', '承接状态', '关联活动', '活动时间', '说明或未开展原因', '逾期']);
    expect(all.slice(2)).toHaveLength(cells.length);
    const own = await readSheet(await (await w.relogin(adminB)).get(`/api/activity-plans/${planId}/matrix.xlsx`));
    expect(new Set(own.slice(2).map((r) => r[3]))).toEqual(new Set([b.name]));
    // Both downloads are on the record.
    expect((await w.admin.agent.get(`/api/audit?action=activity_plans.exported&objectId=${planId}`)).json().total).toBe(2);
    expect((await w.admin.agent.get(`/api/activity-plans/${randomUUID()}/matrix.xlsx`)).statusCode).toBe(404);
  });

  it('flags as overdue what was neither held nor explained once the period has ended', async () => {
    clock.set(new Date('2027-01-02T01:00:00Z'));
    const viewerAgent = await w.relogin(viewer);
    const m = (await viewerAgent.get(`/api/activity-plans/${planId}/matrix`)).json();
    const cells: Cell[] = m.rows.flatMap((r: { cells: Cell[] }) => r.cells);
    // Station A: held, scheduled (overdue: its activity has not ended), not held; station B: three pending.
    expect(
      cells
        .filter((c) => c.overdue)
        .map((c) => c.state)
        .sort(),
    ).toEqual(['pending', 'pending', 'pending', 'scheduled']);
    expect(m.overdue).toBe(4);
    expect(m.counts).toMatchObject({ held: 1, scheduled: 1, not_held: 1, pending: 3 });
  });
});
