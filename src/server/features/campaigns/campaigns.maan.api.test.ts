import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, makeTestApp, type TestApp } from '../../../../test/support/app';

/** The Ma'an demo's 评选: this year's 十星文明户 in 公示, last year's 身边好人 and 乡贤 finalised. */
let t: TestApp;
let admin: Agent;
let station: Agent;

beforeAll(async () => {
  t = await makeTestApp({ seed: 'maan' });
  admin = await t.login('admin');
  station = await t.login('station01');
});
afterAll(async () => t?.close());

describe('the Ma’an demo campaigns', () => {
  it('has a 十星文明户 campaign in 公示 with an objection to handle, and last year’s results', async () => {
    const list = (await admin.get('/api/campaigns')).json();
    expect(list.items.map((c: { kind: string; status: string }) => `${c.kind}:${c.status}`).sort()).toEqual([
      'good_person:final',
      'sage:final',
      'ten_star:notice',
    ]);
    const tenStar = list.items.find((c: { kind: string }) => c.kind === 'ten_star');
    const view = (await admin.get(`/api/campaigns/${tenStar.id}`)).json();
    expect(new Set(view.nominationList.map((n: { stationId: string }) => n.stationId)).size).toBe(5);
    expect(view.objections.filter((o: { resolution: unknown }) => o.resolution === null)).toHaveLength(1);
    expect((await admin.post(`/api/campaigns/${tenStar.id}/finalisation`)).json().code).toBe('campaigns.notice_running');

    const mine = (await station.get(`/api/campaigns/${tenStar.id}`)).json();
    expect(new Set(mine.nominationList.map((n: { stationId: string }) => n.stationId)).size).toBe(1);
    expect(mine.objections).toEqual([]);

    const pub = (await t.app.inject({ method: 'GET', url: '/api/public/campaigns' })).json();
    expect(pub.notices).toHaveLength(1);
    expect(pub.notices[0]).toMatchObject({ kind: 'ten_star', objectionsOpen: true });
    expect(pub.notices[0].nominees).toHaveLength(5);
    expect(pub.results.map((c: { kind: string }) => c.kind).sort()).toEqual(['good_person', 'sage']);
    expect(JSON.stringify(pub)).not.toContain('13800009999');
  });
});
