import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { type Staff, type Unit, type World, makeTrainingSession, makeWorld } from '../../../../test/support/factories';
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
  await w.stationAdmin(b.id);
  for (let i = 0; i < 22; i++) await makeTrainingSession(w, { topic: `业务培训第${i}期` });
  const first = (await w.admin.agent.get('/api/training/sessions?pageSize=1')).json().items[0];
  expect(
    (await w.admin.agent.put(`/api/training/sessions/${first.id}/attendance`, { kind: 'staff', refId: adminA.accountId, status: 'present' })).statusCode,
  ).toBe(200);
});
afterAll(async () => w?.close());

const audits = async (action: string): Promise<number> => (await w.admin.agent.get(`/api/audit?action=${action}`)).json().total;

describe('导出 Excel', () => {
  it('the sessions list: every row, the status filter, audited', async () => {
    const before = await audits('training.exported');
    const rows = await readSheet(await w.admin.agent.get('/api/training/sessions/export.xlsx'));
    expect(rows[1]).toEqual(['时间', '举办单位', '主题', '授课人', '学时', '地点', '状态', '出席人数', '培训材料（份）']);
    expect(rows.length - 2).toBe(22);
    const held = await readSheet(await w.admin.agent.get('/api/training/sessions/export.xlsx?status=held'));
    expect(held.slice(2).map((r) => [r[6], r[7]])).toEqual([['已举办', 1]]);
    expect(await audits('training.exported')).toBe(before + 2);
  });

  it('the coverage table of a year: every unit in scope, a station only itself', async () => {
    const rows = await readSheet(await w.admin.agent.get('/api/training/coverage/export.xlsx?year=2026'));
    expect(rows[1]).toEqual(['单位', '类型', '工作人员', '已参训', '覆盖率（%）', '无人参训']);
    const byName = new Map(rows.slice(2).map((r) => [r[0], r]));
    expect(byName.get(a.name)).toEqual([a.name, '实践站', 1, 1, 100, '']);
    expect(byName.get(b.name)).toEqual([b.name, '实践站', 1, 0, 0, '是']);
    const own = await readSheet(await adminA.agent.get('/api/training/coverage/export.xlsx?year=2026'));
    expect(own.slice(2).map((r) => r[0])).toEqual([a.name]);
    expect((await w.admin.agent.get('/api/training/coverage/export.xlsx')).statusCode).toBe(400);
  });
});
