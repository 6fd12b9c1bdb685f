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
    console.log('met', n('met'), 'partial', n('partial'), 'missing', n('missing'));
    for (const c of board.counts) console.log(c);
    expect(n('missing')).toBeGreaterThan(0);
    expect(n('partial')).toBeGreaterThan(0);
  });

  it('shows the district the same board and a station its own row', async () => {
    expect((await district.get('/api/standards/board')).json().rows).toHaveLength(21);
    const own = (await station01.get('/api/standards/board')).json();
    expect(own.rows).toHaveLength(1);
  });
});
