import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, makeTestApp, type TestApp } from '../../../../test/support/app';

/** The Ma'an demo's "八有" board: 21 units × 8 standards, mostly met, a few red or partial, each with its reason. */
let t: TestApp;
let admin: Agent;
let district: Agent;
let station01: Agent;

type Cell = { standard: string; status: string; reason: string };
type Row = { unitId: string; unitName: string; cells: Cell[] };

beforeAll(async () => {
  t = await makeTestApp({ seed: 'maan' });
  admin = await t.login('admin');
  district = await t.login('district');
  station01 = await t.login('station01');
});
afterAll(async () => t?.close());

describe('the Ma’an demo standards board', () => {
  it('has the institute and its 20 stations × 8 standards, every cell with a reason', async () => {
    const board = (await admin.get('/api/standards/board')).json();
    expect(board.rows).toHaveLength(21);
    expect(board.rows[0].unitName).toBe('马鞍街道新时代文明实践所');
    for (const r of board.rows as Row[]) {
      expect(r.cells).toHaveLength(8);
      for (const c of r.cells) expect(c.reason.length).toBeGreaterThan(3);
    }
    const all = (board.rows as Row[]).flatMap((r) => r.cells);
    const n = (s: string) => all.filter((c) => c.status === s).length;
    // Mostly met, a few red or partial.
    expect(n('met')).toBeGreaterThan(all.length / 2);
    expect(n('missing')).toBeGreaterThan(0);
    expect(n('partial')).toBeGreaterThan(0);
    const signage = board.counts.find((c: { standard: string }) => c.standard === 'signage');
    expect(signage).toEqual({ standard: 'signage', met: 17, partial: 2, missing: 2 });
  });

  it('shows the district the same board and a station its own row', async () => {
    expect((await district.get('/api/standards/board')).json().rows).toHaveLength(21);
    const own = (await station01.get('/api/standards/board')).json();
    expect(own.rows).toHaveLength(1);
  });

  it('keeps a declined signboard red with the reason, and a withdrawn photo in the history', async () => {
    const board = (await admin.get('/api/standards/board')).json();
    const declined = (board.rows as Row[]).filter((r) => r.cells.some((c) => c.standard === 'signage' && c.reason.startsWith('实践所确认未达标')));
    expect(declined).toHaveLength(1);
    const withdrawnAt = await Promise.all(
      (board.rows as Row[]).map(async (r) => {
        const d = (await admin.get(`/api/standards/units/${r.unitId}`)).json();
        const showcase = d.standards.find((s: { standard: string }) => s.standard === 'showcase');
        return showcase.evidence.filter((e: { withdrawnAt: string | null }) => e.withdrawnAt).length;
      }),
    );
    expect(withdrawnAt.reduce((a, b) => a + b, 0)).toBe(1);
  });
});
