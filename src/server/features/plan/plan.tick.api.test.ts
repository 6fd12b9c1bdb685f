import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { type Staff, type Unit, type View, type World, makePlanTask, makeWorld } from '../../../../test/support/factories';
import { tickPlan } from './plan.tick';

// 2026-12-01 09:00 in China.
const clock = manualClock(new Date('2026-12-01T01:00:00Z'));
let w: World;
let a: Unit;
let b: Unit;
let adminA: Staff;
let adminB: Staff;
let task: View;
let done: View;

beforeAll(async () => {
  w = await makeWorld({ clock });
  a = await w.makeStation();
  b = await w.makeStation();
  adminA = await w.stationAdmin(a.id);
  adminB = await w.stationAdmin(b.id);
  task = await makePlanTask(w, { unitId: a.id, title: '成立社区新时代文明实践志愿服务小队', deadline: '2026-12-10' });
  done = await makePlanTask(w, { unitId: a.id, title: '规范设置实践站办公场地', deadline: '2026-12-05' });
  expect((await adminA.agent.post(`/api/plan/tasks/${done.id}/notes`, { note: '已完成', status: 'done' })).statusCode).toBe(201);
});
afterAll(async () => w?.close());

const overdueNotes = async (who: Staff) =>
  (await who.agent.get('/api/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'plan.task_overdue');

describe('overdue plan tasks', () => {
  it('tell the owner unit’s admins once, even when two ticks run at the same time; a done task never', async () => {
    expect(await tickPlan(w.t.deps)).toEqual({ notified: 0 });
    // 2026-12-10 is the deadline: still in time all that day in China; overdue from 00:00 on the 11th (16:00 UTC on the 10th).
    clock.set(new Date('2026-12-10T15:59:00Z'));
    await w.advance(0);
    expect(await tickPlan(w.t.deps)).toEqual({ notified: 0 });
    clock.set(new Date('2026-12-10T16:01:00Z'));
    await w.advance(0);
    const [one, two] = await Promise.all([tickPlan(w.t.deps), tickPlan(w.t.deps)]);
    expect(one.notified + two.notified).toBe(1);
    expect(await tickPlan(w.t.deps)).toEqual({ notified: 0 });
    const notes = await overdueNotes(adminA);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ link: `/admin/plan?focus=${task.id}` });
    expect(notes[0].title).toContain('成立社区新时代文明实践志愿服务小队');
    expect(await overdueNotes(adminB)).toHaveLength(0);
    const audited = (await w.admin.agent.get(`/api/audit?action=plan.task_overdue_notified&objectId=${task.id}`)).json();
    expect(audited.total).toBe(1);
    expect((await w.admin.agent.get(`/api/audit?action=plan.task_overdue_notified&objectId=${done.id}`)).json().total).toBe(0);
  });
});
