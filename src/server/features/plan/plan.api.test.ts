import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { makePlanTask, type Staff, type Unit, type View, type World, makeWorld } from '../../../../test/support/factories';

// 2026-12-01 09:00 in China.
const clock = manualClock(new Date('2026-12-01T01:00:00Z'));
let w: World;
let a: Unit;
let b: Unit;
let adminA: Staff;
let adminB: Staff;
let viewer: Staff;
let taskA: View;
let late: View;

beforeAll(async () => {
  w = await makeWorld({ clock });
  a = await w.makeStation();
  b = await w.makeStation();
  adminA = await w.stationAdmin(a.id);
  adminB = await w.stationAdmin(b.id);
  viewer = await w.makeDistrictViewer();
  taskA = await makePlanTask(w, { unitId: a.id, title: '规范设置办公场地', deadline: '2026-12-31' });
  late = await makePlanTask(w, { unitId: b.id, title: '每月开展文明实践活动', deadline: '2026-11-30' });
  await makePlanTask(w, { title: '打造至少一个活动品牌', deadline: '2026-12-01' });
});
afterAll(async () => w?.close());

const audits = async (action: string, objectId: string): Promise<number> =>
  (await w.admin.agent.get(`/api/audit?action=${action}&objectId=${objectId}`)).json().total;
const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

describe('tasks', () => {
  it('are created not started, audited, and listed open first by deadline', async () => {
    expect(taskA).toMatchObject({ status: 'not_started', unitId: a.id, section: '二、(二)', leadName: '王宣传', overdue: false, notes: [] });
    expect(await audits('plan.task_created', taskA.id)).toBe(1);
    const list = (await w.admin.agent.get('/api/plan/tasks?pageSize=2')).json();
    expect(list).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(list.items[0]).toMatchObject({ id: late.id, overdue: true });
  });

  it('lists the overdue ones: deadline passed in China time and not done', async () => {
    const overdue = (await w.admin.agent.get('/api/plan/tasks?overdue=true')).json();
    expect(ids(overdue)).toEqual([late.id]);
    const inTime = (await w.admin.agent.get('/api/plan/tasks?overdue=false')).json();
    expect(inTime.total).toBe(2);
    expect((await w.admin.agent.get(`/api/plan/tasks?unitId=${a.id}`)).json().total).toBe(1);
  });

  it('takes append-only progress notes that may move the status, with evidence', async () => {
    const file = await w.upload(adminA);
    const first = await adminA.agent.post(`/api/plan/tasks/${taskA.id}/notes`, { note: '已联系场地', status: 'in_progress', evidenceFileIds: [file] });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'in_progress', noteCount: 1 });
    const second = (await adminA.agent.post(`/api/plan/tasks/${taskA.id}/notes`, { note: '标牌已订制' })).json();
    expect(second.status).toBe('in_progress');
    expect(second.notes.map((n: { note: string; statusTo: string | null }) => [n.note, n.statusTo])).toEqual([
      ['已联系场地', 'in_progress'],
      ['标牌已订制', null],
    ]);
    expect(second.notes[0].evidenceFileIds).toEqual([file]);
    const done = (await w.admin.agent.post(`/api/plan/tasks/${taskA.id}/notes`, { note: '完成', status: 'done' })).json();
    expect(done).toMatchObject({ status: 'done', overdue: false });
    expect(done.doneAt).not.toBeNull();
    expect(await audits('plan.task_noted', taskA.id)).toBe(3);
    const closed = await adminA.agent.post(`/api/plan/tasks/${taskA.id}/notes`, { note: '补充' });
    expect([closed.statusCode, closed.json().code]).toEqual([409, 'plan.task_done']);
  });

  it('refuses bad input with stable codes', async () => {
    const base = { unitId: w.instituteId, title: '任务', section: '三、(一)', leadName: '李四', deadline: '2026-12-20' };
    expect((await w.admin.agent.post('/api/plan/tasks', { ...base, deadline: '2026/12/20' })).json().code).toBe('validation.failed');
    expect((await w.admin.agent.post('/api/plan/tasks', { ...base, extra: 1 })).statusCode).toBe(400);
    expect((await w.admin.agent.post(`/api/plan/tasks/${late.id}/notes`, { note: '' })).statusCode).toBe(400);
    expect((await w.admin.agent.post(`/api/plan/tasks/${late.id}/notes`, { note: 'x', status: 'finished' })).statusCode).toBe(400);
    const badFile = await w.admin.agent.post(`/api/plan/tasks/${late.id}/notes`, { note: 'x', evidenceFileIds: ['00000000-0000-4000-8000-000000000000'] });
    expect([badFile.statusCode, badFile.json().code]).toEqual([422, 'plan.bad_file']);
    expect((await w.admin.agent.get('/api/plan/tasks/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('scope', () => {
  it('lets a station admin see and note only their own station’s tasks', async () => {
    const mine = (await adminB.agent.get('/api/plan/tasks')).json();
    expect(ids(mine)).toEqual([late.id]);
    expect((await adminB.agent.get(`/api/plan/tasks/${taskA.id}`)).statusCode).toBe(404);
    expect((await adminB.agent.post(`/api/plan/tasks/${taskA.id}/notes`, { note: '越权' })).statusCode).toBe(404);
    expect((await adminB.agent.post(`/api/plan/tasks/${late.id}/notes`, { note: '本月活动已排期', status: 'in_progress' })).statusCode).toBe(201);
    // Only the institute gives out tasks.
    const create = await adminB.agent.post('/api/plan/tasks', { unitId: b.id, title: '自设任务', section: '三', leadName: '张三', deadline: '2026-12-20' });
    expect(create.statusCode).toBe(403);
  });

  it('lets the district viewer read everything and write nothing', async () => {
    expect((await viewer.agent.get('/api/plan/tasks')).json().total).toBe(3);
    expect((await viewer.agent.get(`/api/plan/tasks/${late.id}`)).statusCode).toBe(200);
    expect((await viewer.agent.post(`/api/plan/tasks/${late.id}/notes`, { note: '督办' })).statusCode).toBe(403);
    const task = await viewer.agent.post('/api/plan/tasks', { unitId: w.instituteId, title: '任务', section: '三', leadName: '张三', deadline: '2026-12-20' });
    expect(task.statusCode).toBe(403);
    expect((await viewer.agent.post('/api/plan/milestones', { unitId: w.instituteId, title: '步骤', dueOn: '2027-02-28' })).statusCode).toBe(403);
  });
});

describe('milestones', () => {
  it('belong to the institute, are set done by its admin and audited', async () => {
    const res = await w.admin.agent.post('/api/plan/milestones', { unitId: w.instituteId, title: '初步建立工作机制', dueOn: '2027-02-28' });
    expect(res.statusCode).toBe(201);
    const m = res.json();
    const onStation = await w.admin.agent.post('/api/plan/milestones', { unitId: a.id, title: '站点步骤', dueOn: '2027-02-28' });
    expect([onStation.statusCode, onStation.json().code]).toEqual([422, 'plan.not_institute']);
    const done = await w.admin.agent.put(`/api/plan/milestones/${m.id}/done`, { doneOn: '2026-12-01' });
    expect(done.json()).toMatchObject({ doneOn: '2026-12-01', title: '初步建立工作机制' });
    expect(await audits('plan.milestone_done', m.id)).toBe(1);
    expect((await adminA.agent.put(`/api/plan/milestones/${m.id}/done`, { doneOn: null })).statusCode).toBe(403);
    expect((await viewer.agent.get('/api/plan/milestones')).json()).toMatchObject({ total: 1, items: [{ id: m.id }] });
  });
});

describe('rules documents', () => {
  it('list the latest version of each title per unit; every version stays', async () => {
    const v1 = await w.upload(adminA, '联席会议制度.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    const v2 = await w.upload(adminA, '联席会议制度-修订.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    const doc = { unitId: a.id, type: 'joint_meeting', title: '联席会议制度' };
    const first = await adminA.agent.post('/api/plan/documents', { ...doc, version: '1.0', effectiveOn: '2026-03-01', fileId: v1 });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ version: '1.0', fileName: '联席会议制度.pdf', unitName: a.name });
    expect((await adminA.agent.post('/api/plan/documents', { ...doc, version: '2.0', effectiveOn: '2026-11-01', fileId: v2 })).statusCode).toBe(201);
    expect(await audits('plan.document_added', first.json().id)).toBe(1);
    const latest = (await adminA.agent.get(`/api/plan/documents?unitId=${a.id}`)).json();
    expect(latest.items.map((d: { version: string }) => d.version)).toEqual(['2.0']);
    expect((await adminA.agent.get(`/api/plan/documents?unitId=${a.id}&versions=all`)).json().total).toBe(2);
    expect((await adminB.agent.get('/api/plan/documents')).json().total).toBe(0);
    expect((await viewer.agent.get('/api/plan/documents')).json().total).toBe(1);
  });

  it('refuses another station, another’s file, the district and bad types', async () => {
    const file = await w.upload(adminB, '队伍建设制度.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    const doc = { unitId: b.id, type: 'team', title: '队伍建设制度', version: '1.0', effectiveOn: '2026-06-01', fileId: file };
    expect((await adminA.agent.post('/api/plan/documents', doc)).statusCode).toBe(404);
    const stolen = await adminB.agent.post('/api/plan/documents', { ...doc, fileId: (await w.upload(adminA)) as string });
    expect([stolen.statusCode, stolen.json().code]).toEqual([422, 'plan.bad_file']);
    expect((await adminB.agent.post('/api/plan/documents', { ...doc, type: 'misc' })).statusCode).toBe(400);
    expect((await viewer.agent.post('/api/plan/documents', doc)).statusCode).toBe(403);
    expect((await adminB.agent.post('/api/plan/documents', doc)).statusCode).toBe(201);
  });
});
