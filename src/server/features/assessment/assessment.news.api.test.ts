import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { type Staff, type Unit, type World, makeWorld } from '../../../../test/support/factories';

// 2026-11-20, China noon: 信息报送 adopted this month counts for November's assessment.
const clock = manualClock(new Date('2026-11-20T04:00:00Z'));
let w: World;
let a: Unit;
let b: Unit;
let adminA: Staff;
let adopted: string;
let periodId: string;

type Row = { indicator: { autoKind: string | null }; auto: { points: number; explanation: string; citations: { kind: string; id: string }[] } | null };

async function news(title: string) {
  const res = await adminA.agent.post('/api/news', { unitId: a.id, title, category: 'work', body: '<p>正文</p>' });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  expect((await adminA.agent.post(`/api/news/${id}/submissions`)).statusCode).toBe(200);
  return id;
}

beforeAll(async () => {
  w = await makeWorld({ clock });
  a = await w.makeStation({ name: '甲社区新时代文明实践站' });
  b = await w.makeStation({ name: '乙社区新时代文明实践站' });
  adminA = await w.stationAdmin(a.id);
  adopted = await news('甲站信息一');
  await news('甲站信息二（报送未采用）');
  expect((await w.admin.agent.post(`/api/news/${adopted}/adoption`)).statusCode).toBe(200);
  const cat = await w.admin.agent.post('/api/assessment/indicators', { instituteId: w.instituteId, title: '宣传报道' });
  expect(cat.statusCode, cat.body).toBe(201);
  const item = await w.admin.agent.post('/api/assessment/indicators', {
    instituteId: w.instituteId,
    parentId: cat.json().id,
    title: '信息报送',
    maxPoints: 10,
    mode: 'auto',
    autoKind: 'news_adopted',
    params: { target: 2 },
  });
  expect(item.statusCode, item.body).toBe(201);
  const opened = await w.admin.agent.post('/api/assessment/periods', {
    instituteId: w.instituteId,
    kind: 'month',
    label: '2026年11月',
    startsOn: '2026-11-01',
    endsOn: '2026-11-30',
    selfDeadline: '2026-12-05',
  });
  expect(opened.statusCode, opened.body).toBe(201);
  periodId = opened.json().id;
});
afterAll(async () => w?.close());

describe('信息报送采用 as an automatic indicator', () => {
  it('scores the items the column adopted in the period against the target and cites them; submitted-only ones do not count', async () => {
    const sheet = (await w.admin.agent.get(`/api/assessment/periods/${periodId}/stations/${a.id}`)).json() as { rows: Row[] };
    const row = sheet.rows.find((r) => r.indicator.autoKind === 'news_adopted') as Row;
    expect(row.auto?.points).toBe(5);
    expect(row.auto?.explanation).toContain('信息报送被采用 1 篇（目标 2 篇）');
    expect(row.auto?.citations).toEqual([expect.objectContaining({ kind: 'news', id: adopted })]);
    const other = (await w.admin.agent.get(`/api/assessment/periods/${periodId}/stations/${b.id}`)).json() as { rows: Row[] };
    expect(other.rows.find((r) => r.indicator.autoKind === 'news_adopted')?.auto?.points).toBe(0);
  });
});
