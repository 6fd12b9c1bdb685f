import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { type Staff, type Unit, type World, makePlanTask, makeWorld } from '../../../../test/support/factories';
import { readSheet } from '../../../../test/support/xlsx';

// 2026-12-01 09:00 in China.
const clock = manualClock(new Date('2026-12-01T01:00:00Z'));
let w: World;
let a: Unit;
let b: Unit;
let adminA: Staff;

beforeAll(async () => {
  w = await makeWorld({ clock });
  a = await w.makeStation();
  b = await w.makeStation();
  adminA = await w.stationAdmin(a.id);
  for (let i = 0; i < 21; i++) await makePlanTask(w, { unitId: i % 3 ? a.id : b.id, title: `任务${i}` });
  await makePlanTask(w, { unitId: a.id, title: '已逾期的任务', deadline: '2026-11-01' });
});
afterAll(async () => w?.close());

describe('导出 Excel', () => {
  it('the task table: every row, the list’s filters, overdue marked, audited', async () => {
    const before = (await w.admin.agent.get('/api/audit?action=plan.exported')).json().total;
    const rows = await readSheet(await w.admin.agent.get('/api/plan/tasks/export.xlsx'));
    expect(rows[1]).toEqual(['方案条目', '任务', '具体内容', '责任单位', '责任人', '完成时限', '状态', '逾期', '进展记录（条）', '完成时间']);
    expect(rows.length - 2).toBe(22);
    const overdue = await readSheet(await w.admin.agent.get('/api/plan/tasks/export.xlsx?overdue=true'));
    expect(overdue.slice(2).map((r) => [r[1], r[7]])).toEqual([['已逾期的任务', '是']]);
    const ofB = await readSheet(await w.admin.agent.get(`/api/plan/tasks/export.xlsx?unitId=${b.id}`));
    expect(ofB.length - 2).toBe(7);
    expect((await w.admin.agent.get('/api/audit?action=plan.exported')).json().total).toBe(before + 3);
  });

  it('a station exports only its own tasks', async () => {
    const own = await readSheet(await adminA.agent.get('/api/plan/tasks/export.xlsx'));
    expect(own.length - 2).toBe(15);
    expect(own.slice(2).every((r) => r[3] === a.name)).toBe(true);
  });
});
