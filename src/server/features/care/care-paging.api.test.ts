import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Unit, type World, makeWorld } from '../../../../test/support/factories';

/** Lists answer one paged shape with the same query parameters, so they hold at district scale. */
let w: World;
let station: Unit;
beforeAll(async () => {
  w = await makeWorld();
  station = await w.makeStation();
  await w.makeCareRecipient({ stationId: station.id, categories: ['空巢老人'] });
  await w.makeCareRecipient({ stationId: station.id, categories: ['空巢老人', '残疾人'] });
  await w.makeCareRecipient({ stationId: station.id, categories: ['留守儿童'] });
});
afterAll(async () => w?.close());

describe('paged lists', () => {
  it('care recipients answer items, total, page and pageSize, paged and filtered in the query', async () => {
    const admin = w.admin.agent;
    const all = (await admin.get('/api/care-recipients?pageSize=200')).json();
    expect(all).toMatchObject({ page: 1, pageSize: 200, total: 3 });
    expect(all.items).toHaveLength(3);
    const first = (await admin.get('/api/care-recipients?page=1&pageSize=2')).json();
    const second = (await admin.get('/api/care-recipients?page=2&pageSize=2')).json();
    expect([first.total, first.items.length, second.items.length]).toEqual([3, 2, 1]);
    expect(first.items.map((r: { id: string }) => r.id)).not.toContain(second.items[0].id);
    expect((await admin.get('/api/care-recipients?pageSize=201')).statusCode).toBe(400);
    // The category filter runs in the query, so the total counts only that category.
    const ofCategory = (await admin.get(`/api/care-recipients?pageSize=1&category=${encodeURIComponent('空巢老人')}`)).json();
    expect([ofCategory.total, ofCategory.items.length]).toEqual([2, 1]);
    expect(ofCategory.items[0].categories).toContain('空巢老人');
    expect((await admin.get(`/api/care-recipients?category=${encodeURIComponent('不存在的类别')}`)).statusCode).toBe(400);
  });

  it('certificates answer the same shape and refuse a page size out of range', async () => {
    const admin = w.admin.agent;
    const certs = await admin.get('/api/certificates?page=1&pageSize=5');
    expect(certs.statusCode).toBe(200);
    expect(certs.json()).toEqual({ page: 1, pageSize: 5, total: 0, items: [] });
    expect((await admin.get('/api/certificates?pageSize=0')).statusCode).toBe(400);
    expect((await admin.get('/api/certificates?pageSize=201')).statusCode).toBe(400);
  });
});
