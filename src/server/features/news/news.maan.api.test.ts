import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, makeTestApp, type TestApp } from '../../../../test/support/app';

/** The Ma'an demo's news: 8 published across the institute and stations, 2 drafts, 信息报送 history. */
let t: TestApp;
let admin: Agent;

beforeAll(async () => {
  t = await makeTestApp({ seed: 'maan' });
  admin = await t.login('admin');
});
afterAll(async () => t?.close());

describe('the Ma’an demo news', () => {
  it('shows published news on the portal, drafts in the console, and adopted/returned submissions', async () => {
    const pub = (await t.app.inject({ method: 'GET', url: '/api/public/news?pageSize=50' })).json();
    expect(pub.total).toBe(8);
    const all = (await admin.get('/api/news?pageSize=50')).json();
    expect(all.total).toBe(10);
    expect(all.items.filter((n: { status: string }) => n.status === 'draft')).toHaveLength(2);
    const bySubmission = (s: string) => all.items.filter((n: { submission: string }) => n.submission === s).length;
    expect(bySubmission('adopted')).toBe(4);
    expect(bySubmission('returned')).toBe(1);
    expect(bySubmission('submitted')).toBe(1);
    const linked = await Promise.all(all.items.map(async (n: { id: string }) => (await admin.get(`/api/news/${n.id}`)).json().activityTitle));
    expect(linked.filter(Boolean).length).toBeGreaterThan(0);
  });
});
