import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, makeTestApp, type TestApp } from '../../../../test/support/app';

/** The Ma'an demo's assessment: the last full quarter published over the 20 stations, the current one open. */
let t: TestApp;
let admin: Agent;
let station: Agent;
type Row = {
  indicator: { mode: string };
  final: number;
  auto: { citations: unknown[] } | null;
  self: { evidenceFileIds: string[] } | null;
  review: { reason: string } | null;
};

beforeAll(async () => {
  t = await makeTestApp({ seed: 'maan' });
  admin = await t.login('admin');
  station = await t.login('station01');
});
afterAll(async () => t?.close());

describe('the Ma’an demo assessment', () => {
  it('ranks the 20 stations in the published quarter; every point rests on citations or evidence', async () => {
    const periods = (await admin.get('/api/assessment/periods')).json();
    expect(periods.items.map((p: { status: string; kind: string }) => [p.kind, p.status])).toEqual([
      ['quarter', 'open'],
      ['quarter', 'published'],
    ]);
    const published = periods.items[1];
    expect(published.maxTotal).toBe(100);
    const results = (await admin.get(`/api/assessment/periods/${published.id}/results?pageSize=50`)).json();
    expect(results.total).toBe(20);
    expect(results.items[0].rank).toBe(1);
    const totals = results.items.map((r: { total: number }) => r.total);
    expect(totals).toEqual([...totals].sort((x, y) => y - x));
    let adjusted = 0;
    for (const r of results.items) {
      const sheet = (await admin.get(`/api/assessment/periods/${published.id}/stations/${r.stationId}`)).json();
      expect(sheet.total).toBe(r.total);
      for (const row of sheet.rows as Row[]) {
        if (row.review) {
          adjusted++;
          expect(row.review.reason.length).toBeGreaterThan(2);
        } else if (row.final > 0) {
          const backed = row.indicator.mode === 'auto' ? (row.auto?.citations.length ?? 0) : (row.self?.evidenceFileIds.length ?? 0);
          expect(backed).toBeGreaterThan(0);
        }
      }
    }
    expect(adjusted).toBe(2);
  });

  it('scores 八有 from the standards board itself: each point is the board’s verdict and cites what the board cites', async () => {
    const periods = (await admin.get('/api/assessment/periods')).json();
    const open = periods.items.find((p: { status: string }) => p.status === 'open');
    const results = (await admin.get(`/api/assessment/periods/${open.id}/stations/${await t.unitId('金银社区新时代文明实践站')}`)).json();
    type AutoRow = { indicator: { autoKind: string | null; maxPoints: number }; auto: { points: number; citations: { kind: string; id: string }[] } };
    const row = (results.rows as AutoRow[]).find((r) => r.indicator.autoKind === 'standards_met');
    expect(row).toBeDefined();
    const board = (await admin.get(`/api/standards/units/${await t.unitId('金银社区新时代文明实践站')}`)).json();
    type Std = { status: string; citations: { kind: string; id: string }[] };
    const counted = (board.standards as Std[]).filter((s) => s.status !== 'missing');
    const share = (board.standards as Std[]).reduce((n, s) => n + (s.status === 'met' ? 1 : s.status === 'partial' ? 0.5 : 0), 0) / 8;
    expect(row?.auto.points).toBeCloseTo(Math.round(share * (row?.indicator.maxPoints ?? 0) * 10) / 10, 5);
    expect(row?.auto.citations.map((c) => `${c.kind}:${c.id}`).sort()).toEqual(counted.flatMap((s) => s.citations.map((c) => `${c.kind}:${c.id}`)).sort());
    expect(row?.auto.citations.length).toBeGreaterThan(0);
  });

  it('a station head sees its own sheet and history, and the ranking by totals only', async () => {
    const periods = (await station.get('/api/assessment/periods')).json();
    const published = periods.items.find((p: { status: string }) => p.status === 'published');
    const results = (await station.get(`/api/assessment/periods/${published.id}/results?pageSize=50`)).json();
    expect(results.items.filter((r: { subtotals: unknown }) => r.subtotals !== null)).toHaveLength(1);
    const stationId = results.items.find((r: { subtotals: unknown }) => r.subtotals !== null).stationId;
    const history = (await station.get(`/api/assessment/stations/${stationId}/history`)).json();
    expect(history.total).toBe(1);
    const open = periods.items.find((p: { status: string }) => p.status === 'open');
    const sheet = (await station.get(`/api/assessment/periods/${open.id}/stations/${stationId}`)).json();
    expect(sheet.canSelf).toBe(true);
  });
});
