import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, makeTestApp, type TestApp } from '../../../../test/support/app';

/** The Ma'an demo's needs and activity plans, as the district, the institute and one station see them. */
let t: TestApp;
let district: Agent;
let station: Agent;

beforeAll(async () => {
  t = await makeTestApp({ seed: 'maan' });
  district = await t.login('district');
  station = await t.login('station01');
});
afterAll(async () => t?.close());

type Cell = { state: string; overdue: boolean; reason: string | null; activity: { status: string } | null; stationId: string };

describe('the Ma’an demo needs and plans', () => {
  it('has about sixty needs over the last three months, counted by category, one withdrawn', async () => {
    const list = (await district.get('/api/needs?pageSize=100')).json();
    expect(list.total).toBe(59);
    expect((await district.get('/api/needs?withdrawn=true')).json().total).toBe(1);
    expect(list.items.some((r: { careLinked: boolean }) => r.careLinked)).toBe(true);
    expect(list.items.every((r: { careRecipient: unknown }) => r.careRecipient === null)).toBe(true);
    const counts = (await district.get('/api/needs/counts')).json();
    expect(counts.total.records).toBe(59);
    expect(counts.byCategory.length).toBeGreaterThanOrEqual(8);
    const mine = (await station.get('/api/needs?pageSize=100')).json();
    expect(mine.total).toBeGreaterThan(0);
    expect(new Set(mine.items.map((r: { stationId: string }) => r.stationId)).size).toBe(1);
  });

  it('has a monthly and a quarterly plan, published, with answers in every state', async () => {
    const plans = (await district.get('/api/activity-plans')).json();
    expect(plans.items.map((p: { periodKind: string; status: string }) => `${p.periodKind}:${p.status}`).sort()).toEqual([
      'month:published',
      'quarter:published',
    ]);
    const cells: Cell[] = [];
    for (const p of plans.items) {
      const m = (await district.get(`/api/activity-plans/${p.id}/matrix?pageSize=50`)).json();
      expect(m.stations).toHaveLength(20);
      cells.push(...m.rows.flatMap((r: { cells: Cell[] }) => r.cells));
    }
    const states = new Set(cells.map((c) => c.state));
    for (const s of ['pending', 'accepted', 'scheduled', 'held', 'not_held']) expect(states.has(s)).toBe(true);
    expect(cells.filter((c) => c.state === 'held').every((c) => ['ended', 'summarised'].includes(c.activity?.status ?? ''))).toBe(true);
    expect(cells.filter((c) => c.state === 'not_held').map((c) => c.reason)).toEqual(['宣讲老师临时有事，已调整到下月第一周']);
    expect(cells.some((c) => c.overdue)).toBe(true);
    const own = (await station.get('/api/plan-assignments?pageSize=50')).json();
    expect(own.total).toBeGreaterThan(0);
    expect(own.items.every((c: Cell & { canRespond: boolean }) => c.canRespond)).toBe(true);
  });
});
