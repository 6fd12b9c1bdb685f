import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, makeTestApp, type TestApp } from '../../../../test/support/app';

/** The Ma'an demo's 爱心超市: goods in stock, donors, redemptions over three months, and every month reconciles. */
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await makeTestApp({ seed: 'maan' });
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

describe('the Ma’an demo market', () => {
  it('has goods, donors, donations and reservations waiting at the counter, and its months reconcile', async () => {
    const goods = (await admin.get('/api/market/goods')).json();
    expect(goods.items.map((g: { name: string }) => g.name)).toContain('大米（5 公斤）');
    expect((await admin.get('/api/market/donors')).json().total).toBe(4);
    expect((await admin.get('/api/market/intakes')).json().total).toBe(5);
    expect((await admin.get('/api/market/reservations?status=reserved')).json().total).toBe(2);
    const now = new Date();
    for (let back = 0; back < 3; back++) {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 15));
      const month = d.toISOString().slice(0, 7);
      const rec = (await admin.get(`/api/market/reconciliation?month=${month}`)).json();
      expect(rec.balanced).toBe(true);
      expect(rec.points.ledgerTotal).toBe(rec.points.balancesTotal);
    }
  });
});
