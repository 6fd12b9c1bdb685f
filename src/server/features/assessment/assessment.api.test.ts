import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { makeTrainingSession, makeWorld, type Staff, type Unit, type World } from '../../../../test/support/factories';
import { tick } from '../activities/activities.tick';

// 2026-07-01 09:00 in China: the third quarter begins.
const clock = manualClock(new Date('2026-07-01T01:00:00Z'));
let w: World;
let a: Unit;
let b: Unit;
let adminA: Staff;
let adminB: Staff;
let viewer: Staff;
let periodId: string;
type Row = {
  indicator: { id: string; title: string; mode: string; autoKind: string | null; maxPoints: number };
  auto: { points: number; explanation: string; citations: { kind: string; id: string }[] } | null;
  final: number;
  review: unknown;
  self: unknown;
};
const records = { activities: [] as string[], orders: [] as string[], volunteers: [] as string[], sessions: [] as string[], completed: '' };

const sheet = (who: Staff, station: Unit = a) => who.agent.get(`/api/assessment/periods/${periodId}/stations/${station.id}`);
const rowOf = (s: { rows: Row[] }, kind: string) => s.rows.find((r) => r.indicator.autoKind === kind) as Row;
const manual = (s: { rows: Row[] }) => s.rows.filter((r) => r.indicator.mode === 'manual');
/** The first manual indicator worth 10 points (the figures below are written for one). */
const tenPoint = (s: { rows: Row[] }) => manual(s).filter((r) => r.indicator.maxPoints === 10);
const ids = (r: Row) => (r.auto?.citations ?? []).map((c) => c.id).sort();

beforeAll(async () => {
  w = await makeWorld({ clock });
  a = await w.makeStation({ name: '甲社区新时代文明实践站' });
  b = await w.makeStation({ name: '乙社区新时代文明实践站' });
  adminA = await w.stationAdmin(a.id);
  adminB = await w.stationAdmin(b.id);
  viewer = await w.makeDistrictViewer();
  // The records station A's automatic points must rest on, made through the API.
  const volunteer = await w.makeVolunteer({ stationId: a.id });
  records.volunteers.push(volunteer.id);
  for (const day of ['2026-07-10', '2026-09-12']) {
    const act = await w.makeActivity({ unitId: a.id, by: adminA, startsAt: `${day}T01:00:00.000Z`, endsAt: `${day}T03:00:00.000Z` });
    records.activities.push(act.id);
  }
  await w.makeActivity({ unitId: b.id, by: adminB, startsAt: '2026-10-12T01:00:00.000Z', endsAt: '2026-10-12T03:00:00.000Z' });
  const session = await makeTrainingSession(w, { topic: '考核业务培训' });
  records.sessions.push(session.id);
  await w.admin.agent.put(`/api/training/sessions/${session.id}/attendance`, { kind: 'staff', refId: adminA.accountId, status: 'present' });
  const done = await w.makeOrder({ stationId: a.id });
  const waiting = await w.makeOrder({ stationId: a.id });
  records.orders.push(done.id, waiting.id);
  records.completed = done.id;
  const act = (who: { agent: Staff['agent'] }, body: object) => who.agent.post(`/api/orders/${done.id}/actions`, body);
  await act(adminA, { action: 'review', verified: true });
  await act(adminA, { action: 'dispatch', target: { type: 'station', id: a.id } });
  await act(volunteer, { action: 'accept' });
  await act(volunteer, { action: 'complete', report: '已送到家' });
  expect((await act(adminA, { action: 'rate', rating: 4, comment: '电话回访：满意' })).statusCode).toBe(200);
  // The quarter ends; the activities started and ended.
  await w.advance(100 * 86_400_000);
  await tick(w.t.deps);
  await tick(w.t.deps);
  expect((await w.admin.agent.post('/api/assessment/indicators/defaults', { instituteId: w.instituteId })).statusCode).toBe(201);
  const opened = await w.admin.agent.post('/api/assessment/periods', {
    instituteId: w.instituteId,
    kind: 'quarter',
    label: '2026年第三季度',
    startsOn: '2026-07-01',
    endsOn: '2026-09-30',
    selfDeadline: '2026-10-15',
  });
  expect(opened.statusCode, opened.body).toBe(201);
  periodId = opened.json().id;
}, 120_000);
afterAll(async () => w?.close());

describe('the indicator tree', () => {
  it('has a default of 100 points over 阵地建设, 队伍建设, 活动进展, editable only by the institute', async () => {
    const tree = (await w.admin.agent.get(`/api/assessment/indicators?instituteId=${w.instituteId}&pageSize=100`)).json();
    const cats = tree.items.filter((i: { level: number }) => i.level === 1).map((i: { title: string }) => i.title);
    expect(cats).toEqual(['阵地建设', '队伍建设', '活动进展']);
    expect(tree.items.reduce((s: number, i: { maxPoints: number }) => s + i.maxPoints, 0)).toBe(100);
    expect((await w.admin.agent.post('/api/assessment/indicators/defaults', { instituteId: w.instituteId })).json().code).toBe('assessment.tree_exists');
    const item = tree.items.find((i: { level: number }) => i.level === 2);
    expect((await adminA.agent.patch(`/api/assessment/indicators/${item.id}`, { maxPoints: 50 })).statusCode).toBe(403);
    const bad = await w.admin.agent.post('/api/assessment/indicators', { instituteId: w.instituteId, parentId: item.id, title: '挂错了' });
    expect([bad.statusCode, bad.json().code]).toEqual([422, 'assessment.bad_parent']);
    const noKind = await w.admin.agent.post('/api/assessment/indicators', {
      instituteId: w.instituteId,
      parentId: item.parentId,
      title: '自动项',
      mode: 'auto',
      maxPoints: 5,
    });
    expect(noKind.json().code).toBe('assessment.auto_kind_required');
    expect((await w.admin.agent.post('/api/assessment/indicators', { instituteId: a.id, title: '站里的' })).json().code).toBe('assessment.not_institute');
  });

  it('editing it never changes an opened period', async () => {
    const before = (await w.admin.agent.get(`/api/assessment/periods/${periodId}`)).json();
    const item = before.tree[0].items[0];
    expect((await w.admin.agent.patch(`/api/assessment/indicators/${item.id}`, { maxPoints: 30, title: '改过的标题' })).statusCode).toBe(200);
    const after = (await w.admin.agent.get(`/api/assessment/periods/${periodId}`)).json();
    expect(after.tree).toEqual(before.tree);
    expect(after.maxTotal).toBe(100);
    await w.admin.agent.patch(`/api/assessment/indicators/${item.id}`, { maxPoints: 10, title: item.title });
  });
});

describe('opening periods', () => {
  it('refuses bad input and duplicates with stable codes', async () => {
    const base = { instituteId: w.instituteId, kind: 'month', label: '2026年8月', startsOn: '2026-08-01', endsOn: '2026-08-31', selfDeadline: '2026-09-05' };
    const post = (body: object, who: Staff = w.admin) => who.agent.post('/api/assessment/periods', body);
    expect((await post({ ...base, endsOn: '2026-07-01' })).json().code).toBe('assessment.bad_dates');
    expect((await post({ ...base, kind: 'week' })).statusCode).toBe(400);
    expect((await post({ ...base, extra: 1 })).statusCode).toBe(400);
    expect((await post(base, adminA)).statusCode).toBe(403);
    expect((await post({ ...base, instituteId: randomUUID() })).statusCode).toBe(404);
    const dup = await post({ ...base, kind: 'quarter', startsOn: '2026-07-01' });
    expect([dup.statusCode, dup.json().code]).toEqual([409, 'assessment.duplicate_period']);
    expect((await w.admin.agent.get(`/api/assessment/periods/${randomUUID()}`)).statusCode).toBe(404);
  });
});

describe('automatic points', () => {
  it('each equals the records it cites', async () => {
    const s = (await sheet(w.admin)).json();
    const months = rowOf(s, 'activity_months');
    expect(ids(months)).toEqual([...records.activities].sort());
    expect(months.auto?.points).toBe(6.7);
    expect(months.auto?.explanation).toBe('3 个月中 2 个月开展了活动（共 2 次），得 6.7/10 分');
    const summaries = rowOf(s, 'summaries_on_time');
    expect(ids(summaries)).toEqual([...records.activities].sort());
    expect(summaries.auto?.points).toBe(0);
    const completed = rowOf(s, 'orders_completed');
    expect(ids(completed)).toEqual([...records.orders].sort());
    expect(completed.auto?.points).toBe(6);
    const rating = rowOf(s, 'resident_rating');
    expect(ids(rating)).toEqual([records.completed]);
    expect(rating.auto?.points).toBe(9);
    const onTime = rowOf(s, 'orders_on_time');
    expect(ids(onTime)).toEqual([records.completed]);
    expect(onTime.auto?.points).toBe(6);
    const trained = rowOf(s, 'training_coverage');
    expect(ids(trained)).toEqual(records.sessions);
    expect(trained.auto?.points).toBe(10);
    const grown = rowOf(s, 'volunteer_growth');
    expect(ids(grown)).toEqual(records.volunteers);
    expect(grown.auto?.points).toBe(2);
    for (const r of s.rows.filter((r: Row) => r.indicator.mode === 'auto')) expect(r.final).toBe(r.auto?.points);
  });

  it('a station with no records scores nothing and cites nothing (its October activity is outside the quarter)', async () => {
    const s = (await sheet(w.admin, b)).json();
    for (const r of s.rows.filter((r: Row) => r.indicator.mode === 'auto')) expect([r.auto?.points, r.auto?.citations.length]).toEqual([0, 0]);
  });
});

describe('the flow', () => {
  it('scope: a station admin reads only its own sheet; the district reads all; others are 404', async () => {
    expect((await sheet(adminA)).statusCode).toBe(200);
    expect((await sheet(adminA, b)).statusCode).toBe(404);
    expect((await sheet(viewer, b)).statusCode).toBe(200);
    expect((await w.admin.agent.get(`/api/assessment/periods/${periodId}/stations/${randomUUID()}`)).statusCode).toBe(404);
    const detail = (await adminA.agent.get(`/api/assessment/periods/${periodId}`)).json();
    expect(detail.stations.map((s: { stationId: string }) => s.stationId)).toEqual([a.id]);
    expect((await w.admin.agent.get(`/api/assessment/periods/${periodId}`)).json().stations).toHaveLength(2);
  });

  it('self-assessment: manual indicators only, 0..max by 0.5, with evidence, by the station itself', async () => {
    const item = tenPoint((await sheet(adminA)).json())[0].indicator;
    const auto = rowOf((await sheet(adminA)).json(), 'activity_months').indicator;
    const put = (body: object, who: Staff = adminA, station: Unit = a) =>
      who.agent.put(`/api/assessment/periods/${periodId}/stations/${station.id}/self`, body);
    expect((await put({ indicatorId: item.id, points: 4.3 })).json().code).toBe('assessment.bad_points');
    expect((await put({ indicatorId: item.id, points: item.maxPoints + 0.5 })).statusCode).toBe(422);
    expect((await put({ indicatorId: auto.id, points: 1 })).json().code).toBe('assessment.not_manual');
    expect((await put({ indicatorId: randomUUID(), points: 1 })).json().code).toBe('assessment.bad_indicator');
    expect((await put({ indicatorId: item.id, points: 1, evidenceFileIds: [randomUUID()] })).json().code).toBe('assessment.bad_file');
    expect((await put({ indicatorId: item.id, points: '8' })).statusCode).toBe(400);
    expect((await put({ indicatorId: item.id, points: 8 }, w.admin)).statusCode).toBe(403);
    expect((await put({ indicatorId: item.id, points: 8 }, adminB)).statusCode).toBe(404);
    const photo = await w.upload(adminA);
    expect((await put({ indicatorId: item.id, points: 9, note: '挂牌规范' })).statusCode).toBe(200);
    const ok = await put({ indicatorId: item.id, points: 8.5, note: '挂牌规范，功能区齐全', evidenceFileIds: [photo] });
    expect(ok.statusCode, ok.body).toBe(200);
    const row = ok.json().rows.find((r: Row) => r.indicator.id === item.id);
    expect(row).toMatchObject({ self: { points: 8.5, note: '挂牌规范，功能区齐全', evidenceFileIds: [photo] }, final: 8.5, lost: 1.5 });
    expect((await adminA.agent.post(`/api/assessment/periods/${periodId}/stations/${a.id}/submit`)).statusCode).toBe(200);
    const again = await adminA.agent.post(`/api/assessment/periods/${periodId}/stations/${a.id}/submit`);
    expect([again.statusCode, again.json().code]).toEqual([409, 'assessment.already_submitted']);
    expect((await put({ indicatorId: item.id, points: 10 })).json().code).toBe('assessment.already_submitted');
    const audits = (await w.admin.agent.get(`/api/audit?objectId=${periodId}&pageSize=50`)).json().items.map((x: { action: string }) => x.action);
    expect(audits.filter((x: string) => x === 'assessment.self_scored')).toHaveLength(2);
  });

  it('review and publish only in their stage (409), by the institute only, a reason required', async () => {
    const item = tenPoint((await sheet(adminA)).json())[0].indicator;
    const review = (body: object, who: Staff = w.admin) => who.agent.put(`/api/assessment/periods/${periodId}/stations/${a.id}/review`, body);
    expect((await review({ indicatorId: item.id, points: 7, reason: '照片不全' })).json().code).toBe('assessment.bad_status');
    expect((await w.admin.agent.post(`/api/assessment/periods/${periodId}/publish`)).statusCode).toBe(409);
    expect((await viewer.agent.post(`/api/assessment/periods/${periodId}/review`)).statusCode).toBe(403);
    expect((await w.admin.agent.post(`/api/assessment/periods/${periodId}/review`)).json().status).toBe('reviewing');
    expect((await w.admin.agent.post(`/api/assessment/periods/${periodId}/review`)).statusCode).toBe(409);
    const item2 = tenPoint((await sheet(adminB, b)).json())[0].indicator;
    expect((await adminB.agent.put(`/api/assessment/periods/${periodId}/stations/${b.id}/self`, { indicatorId: item2.id, points: 5 })).statusCode).toBe(409);
    expect((await review({ indicatorId: item.id, points: 7 })).statusCode).toBe(400);
    expect((await review({ indicatorId: item.id, points: 7, reason: '照片不全' }, viewer)).statusCode).toBe(403);
    const ok = await review({ indicatorId: item.id, points: 7, reason: '功能区照片不全，扣 1.5 分' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().rows.find((r: Row) => r.indicator.id === item.id)).toMatchObject({
      self: { points: 8.5 },
      review: { points: 7, reason: '功能区照片不全，扣 1.5 分' },
      final: 7,
    });
  });

  it('publishing ranks the stations, freezes the points and opens results, history and reports', async () => {
    const before = (await sheet(w.admin)).json().total;
    const pub = await w.admin.agent.post(`/api/assessment/periods/${periodId}/publish`);
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json().stations.map((s: { stationId: string; rank: number }) => [s.stationId, s.rank])).toEqual([
      [a.id, 1],
      [b.id, 2],
    ]);
    expect((await w.admin.agent.post(`/api/assessment/periods/${periodId}/publish`)).statusCode).toBe(409);
    const results = (await adminB.agent.get(`/api/assessment/periods/${periodId}/results`)).json();
    expect(results.total).toBe(2);
    expect(results.items[0]).toMatchObject({ stationId: a.id, rank: 1, total: before, subtotals: null });
    expect(results.items[1].subtotals).toHaveLength(3);
    expect((await adminB.agent.get(`/api/assessment/periods/${periodId}`)).json().stations).toHaveLength(2);
    expect((await sheet(adminB, a)).statusCode).toBe(404);
    // A late record no longer moves a published point.
    await w.makeActivity({ unitId: a.id, by: adminA });
    expect((await sheet(w.admin)).json().total).toBe(before);
    const history = (await adminA.agent.get(`/api/assessment/stations/${a.id}/history`)).json();
    expect(history.items[0]).toMatchObject({ periodId, rank: 1, total: before, stationCount: 2, maxTotal: 100 });
    expect((await adminA.agent.get(`/api/assessment/stations/${b.id}/history`)).statusCode).toBe(404);
    const pdf = await w.admin.agent.get(`/api/assessment/periods/${periodId}/report.pdf`);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await viewer.agent.get(`/api/assessment/periods/${periodId}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
