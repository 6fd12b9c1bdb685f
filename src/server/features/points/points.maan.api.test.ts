import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/support/app';
import { verifyLedger } from './points.statement';

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp({ seed: 'maan' });
});
afterAll(async () => t?.close());

it('gives the demo balances from its approved hours and a few grants, and the ledger verifies', async () => {
  const admin = await t.login('admin');
  const holders = (await admin.get('/api/points/volunteers?pageSize=5')).json();
  expect(holders.total).toBeGreaterThan(100);
  expect(holders.items[0].balance).toBeGreaterThan(0);
  const hours = (await admin.get('/api/points/entries?kind=hours&pageSize=1')).json();
  expect(hours.total).toBeGreaterThan(100);
  expect((await admin.get('/api/points/entries?kind=grant&pageSize=1')).json().total).toBeGreaterThan(0);
  const v = await verifyLedger(t.deps.db);
  expect(v.ok).toBe(true);
  expect(v.balance).toBeGreaterThan(0);
});
