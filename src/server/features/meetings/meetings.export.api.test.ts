import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { type Staff, type Unit, type World, makeMeeting, makeWorld } from '../../../../test/support/factories';
import { readSheet } from '../../../../test/support/xlsx';

// 2026-12-01 09:00 in China.
const clock = manualClock(new Date('2026-12-01T01:00:00Z'));
let w: World;
let a: Unit;
let b: Unit;
let adminA: Staff;
let adminB: Staff;

beforeAll(async () => {
  w = await makeWorld({ clock });
  a = await w.makeStation();
  b = await w.makeStation();
  adminA = await w.stationAdmin(a.id);
  adminB = await w.stationAdmin(b.id);
  // 25 meetings: more than one page of the list, so the export must not stop at the page.
  for (let i = 0; i < 25; i++) await makeMeeting(w, { title: `=会议${i}`, kind: i % 2 ? 'regular' : 'joint', attendees: [adminA] });
  const held = await makeMeeting(w, { title: '议定事项会议', attendees: [adminA] });
  expect((await w.admin.agent.post(`/api/meetings/${held.id}/held`)).statusCode).toBe(200);
  for (const [owner, deadline] of [
    [a.id, '2026-11-20'],
    [b.id, '2026-12-20'],
  ] as const)
    expect((await w.admin.agent.post(`/api/meetings/${held.id}/resolutions`, { content: '落实阵地标牌', ownerUnitId: owner, deadline })).statusCode).toBe(201);
});
afterAll(async () => w?.close());

const audits = async (action: string): Promise<number> => (await w.admin.agent.get(`/api/audit?action=${action}`)).json().total;

describe('导出 Excel', () => {
  it('the meetings list: every row (not one page), the list’s filters, Chinese headers, formulas defused, audited', async () => {
    const before = await audits('meetings.exported');
    const rows = await readSheet(await w.admin.agent.get('/api/meetings/export.xlsx'));
    expect(String(rows[0][0])).toContain('会议列表');
    expect(rows[1]).toEqual(['时间', '单位', '会议', '类型', '地点', '状态', '应到', '实到', '议定事项']);
    expect(rows.length - 2).toBe(26);
    expect(rows.slice(2).map((r) => r[2])).toContain("'=会议0");
    const joint = await readSheet(await w.admin.agent.get('/api/meetings/export.xlsx?kind=regular'));
    expect(joint.length - 2).toBe(12);
    expect(joint.slice(2).every((r) => r[3] === '工作例会')).toBe(true);
    expect(await audits('meetings.exported')).toBe(before + 2);
    expect((await w.admin.agent.get('/api/meetings/export.xlsx?kind=nope')).statusCode).toBe(400);
  });

  it('the resolutions board: same scope as the list — a station sees what it owns; overdue marked', async () => {
    const all = await readSheet(await w.admin.agent.get('/api/resolutions/export.xlsx'));
    expect(all.length - 2).toBe(2);
    expect(all.slice(2).map((r) => r[4])).toEqual(['是', '']);
    const overdue = await readSheet(await w.admin.agent.get('/api/resolutions/export.xlsx?overdue=true'));
    expect(overdue.slice(2).map((r) => r[1])).toEqual([a.name]);
    const mine = await readSheet(await adminB.agent.get('/api/resolutions/export.xlsx'));
    expect(mine.slice(2).map((r) => r[1])).toEqual([b.name]);
  });

  it('a district viewer exports what they may read; a resident may not', async () => {
    const viewer = await w.makeDistrictViewer();
    const rows = await readSheet(await viewer.agent.get('/api/meetings/export.xlsx'));
    expect(rows.length - 2).toBe(26);
    const resident = await w.makeResident({ stationId: a.id });
    expect((await resident.agent.get('/api/meetings/export.xlsx')).statusCode).toBe(403);
  });
});
