import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/support/app';

/** Lists answer one paged shape with the same query parameters, so they hold at district scale. */
let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(async () => t?.close());

describe('paged lists', () => {
  it('care recipients and certificates answer items, total, page and pageSize', async () => {
    const admin = await t.login('admin');
    const all = (await admin.get('/api/care-recipients?pageSize=200')).json();
    expect(all).toMatchObject({ page: 1, pageSize: 200 });
    expect(all.items.length).toBe(Math.min(all.total, 200));
    if (all.total >= 2) {
      const first = (await admin.get('/api/care-recipients?page=1&pageSize=1')).json();
      const second = (await admin.get('/api/care-recipients?page=2&pageSize=1')).json();
      expect(first.total).toBe(all.total);
      expect(first.items).toHaveLength(1);
      expect(second.items[0].id).not.toBe(first.items[0].id);
    }
    expect((await admin.get('/api/care-recipients?pageSize=201')).statusCode).toBe(400);
    // The category filter runs in the query, so the total counts only that category.
    const category = all.items[0]?.categories[0] ?? '空巢老人';
    const ofCategory = (await admin.get(`/api/care-recipients?pageSize=200&category=${encodeURIComponent(category)}`)).json();
    expect(ofCategory.total).toBe(all.items.filter((r: { categories: string[] }) => r.categories.includes(category)).length);
    expect(ofCategory.items.every((r: { categories: string[] }) => r.categories.includes(category))).toBe(true);
    expect((await admin.get(`/api/care-recipients?category=${encodeURIComponent('不存在的类别')}`)).statusCode).toBe(400);

    const certs = await admin.get('/api/certificates?page=1&pageSize=5');
    expect(certs.statusCode).toBe(200);
    expect(certs.json()).toMatchObject({ page: 1, pageSize: 5, total: expect.any(Number), items: expect.any(Array) });
    expect((await admin.get('/api/certificates?pageSize=0')).statusCode).toBe(400);
  });
});
