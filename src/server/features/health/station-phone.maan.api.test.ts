import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chinaDay } from '../../../shared/china-time';
import { type Agent, makeTestApp, multipart, type TestApp, TINY_PNG } from '../../../../test/support/app';

/**
 * 手机工作台 (/m/station) on the Ma'an demo: the exact requests the phone page makes for a station
 * head, on both databases — the station's own lists (overdue first), the 待办 figures the console
 * home shows, and the two writes (a follow-up, a progress note with a photo). No new endpoint:
 * this pins the existing ones to what the page relies on.
 */
let t: TestApp;
let station01: Agent;
let station02: Agent;
let s1: string;

type Resolution = { id: string; ownerUnitId: string; overdue: boolean; status: string; deadline: string };
type Task = { id: string; unitId: string; overdue: boolean; status: string; deadline: string };

beforeAll(async () => {
  t = await makeTestApp({ seed: 'maan' });
  station01 = await t.login('station01');
  station02 = await t.login('station02');
  s1 = (await station01.get('/api/auth/me')).json().roles.find((r: { role: string }) => r.role === 'station_admin').unitId;
});
afterAll(async () => t?.close());

describe('手机工作台 reads for a station head', () => {
  it('lists the station’s open resolutions with the overdue one first, and nobody else’s', async () => {
    const res = await station01.get(`/api/resolutions?ownerUnitId=${s1}&state=open&page=1&pageSize=10`);
    expect(res.statusCode).toBe(200);
    const items: Resolution[] = res.json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toMatchObject({ overdue: true, status: 'in_progress' });
    expect(items.every((r) => r.ownerUnitId === s1 && (r.status === 'open' || r.status === 'in_progress'))).toBe(true);
    // The same filter from another station answers an empty list, not station01's work.
    expect((await station02.get(`/api/resolutions?ownerUnitId=${s1}&state=open`)).json()).toMatchObject({ total: 0, items: [] });
  });

  it('lists the station’s tasks open first by deadline, done last', async () => {
    const items: Task[] = (await station01.get(`/api/plan/tasks?unitId=${s1}&page=1&pageSize=10`)).json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((x) => x.unitId === s1)).toBe(true);
    const firstDone = items.findIndex((x) => x.status === 'done');
    const open = firstDone < 0 ? items : items.slice(0, firstDone);
    expect(items.slice(open.length).every((x) => x.status === 'done')).toBe(true);
    expect(open.map((x) => x.deadline)).toEqual(open.map((x) => x.deadline).sort());
  });

  it('answers the 待办 figures: overdue counts, care flags, this month’s activities and today’s list', async () => {
    const overdueResolutions = (await station01.get(`/api/resolutions?ownerUnitId=${s1}&overdue=true&page=1&pageSize=1`)).json();
    expect(overdueResolutions.total).toBe(1);
    const overdueTasks = (await station01.get(`/api/plan/tasks?unitId=${s1}&overdue=true&page=1&pageSize=1`)).json();
    expect(overdueTasks.items.every((x: Task) => x.overdue)).toBe(true);
    const flags = await station01.get('/api/care-recipients/flags');
    expect(flags.statusCode).toBe(200);
    expect(flags.json().stations.every((x: { stationId: string }) => x.stationId === s1)).toBe(true);
    const month = (await station01.get('/api/activities/monthly?months=1')).json();
    expect(month.months).toEqual([chinaDay(new Date()).slice(0, 7)]);
    expect(month.rows.map((r: { unitId: string }) => r.unitId)).toEqual([s1]);
    const today = chinaDay(new Date());
    const list = await station01.get(`/api/activities?unitId=${s1}&from=${today}&to=${today}&page=1&pageSize=50`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.every((a: { unitId: string }) => a.unitId === s1)).toBe(true);
  });
});

describe('手机工作台 writes', () => {
  it('adds a follow-up to the station’s own resolution; another station gets 404 and writes nothing', async () => {
    const [r]: Resolution[] = (await station01.get(`/api/resolutions?ownerUnitId=${s1}&overdue=true`)).json().items;
    const before = (await station01.get(`/api/resolutions/${r.id}`)).json().notes.length;
    expect((await station02.post(`/api/resolutions/${r.id}/follow-ups`, { note: '不是我们站的' })).statusCode).toBe(404);
    const res = await station01.post(`/api/resolutions/${r.id}/follow-ups`, { note: '已召集 12 名居民报名' });
    expect(res.statusCode).toBe(201);
    expect(res.json().notes).toHaveLength(before + 1);
    expect(res.json().notes.at(-1)).toMatchObject({ note: '已召集 12 名居民报名', statusTo: null });
  });

  it('adds a progress note with a photo uploaded from the phone (purpose=photo)', async () => {
    const [task]: Task[] = (await station01.get(`/api/plan/tasks?unitId=${s1}&status=in_progress`)).json().items;
    const body = multipart('file', 'site.png', TINY_PNG, 'image/png');
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/files?purpose=photo',
      headers: { ...body.headers, cookie: station01.cookie, 'x-csrf-token': station01.csrfToken },
      payload: body.payload,
    });
    expect(up.statusCode).toBe(201);
    const photo = up.json().id;
    // Another station cannot attach station01's photo to its own work.
    const [other]: Task[] = (await station02.get('/api/plan/tasks?status=in_progress')).json().items;
    const borrowed = await station02.post(`/api/plan/tasks/${other.id}/notes`, { note: '借用照片', evidenceFileIds: [photo] });
    expect([borrowed.statusCode, borrowed.json().code]).toEqual([422, 'plan.bad_file']);
    const res = await station01.post(`/api/plan/tasks/${task.id}/notes`, { note: '宣传栏已上墙', evidenceFileIds: [photo] });
    expect(res.statusCode).toBe(201);
    expect(res.json().notes.at(-1)).toMatchObject({ note: '宣传栏已上墙', evidenceFileIds: [photo] });
    expect((await station01.get(`/api/files/${photo}`)).statusCode).toBe(200);
  });
});
