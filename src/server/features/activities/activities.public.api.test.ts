import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { type Volunteer, type World, expectStatus, makeWorld } from '../../../../test/support/factories';

const clock = manualClock(new Date('2026-11-28T02:00:00Z')); // Saturday 10:00 in Beijing
let w: World;
let station01: string;
let station02: string;
let volunteer: Volunteer;
/** Published at station 01 on Monday 1 December, with a sign-up; a programme in the 关爱 block. */
let published: { id: string };
let draft: { id: string };
let cancelled: { id: string };
let atStation02: { id: string };
let programmeId: string;

/** Every key the public view has: anything else (a name, a phone, a sign-up) would be a leak. */
const PUBLIC_KEYS = [
  'address',
  'capacity',
  'content',
  'creditHours',
  'endsAt',
  'id',
  'maxAge',
  'minAge',
  'positions',
  'programmeId',
  'programmeName',
  'requiredSkills',
  'roomName',
  'seatsLeft',
  'signupClosesAt',
  'signupOpensAt',
  'startsAt',
  'status',
  'title',
  'type',
  'unitId',
  'unitName',
  'unitPhone',
  'venueName',
  'waitlist',
];

beforeAll(async () => {
  w = await makeWorld({ clock });
  station01 = (await w.makeStation({ name: '金银社区新时代文明实践站' })).id;
  station02 = (await w.makeStation({ name: '龙井湖社区新时代文明实践站' })).id;
  expectStatus(await w.admin.agent.patch(`/api/org/units/${station01}`, { phone: '023-72345678' }), 200, 'station phone');
  programmeId = (await w.makeProgramme({ unitId: station01, block: 'care', name: '共享邻里情' })).id;
  volunteer = await w.makeVolunteer({ stationId: station01 });
  published = await w.makeActivity({
    unitId: station01,
    programmeId,
    title: '金银社区敬老助餐',
    startsAt: '2026-12-01T01:00:00Z',
    endsAt: '2026-12-01T03:00:00Z',
    headcount: 5,
    contactName: '王明',
    contactPhone: '13912345678',
  });
  expectStatus(await volunteer.agent.post(`/api/activities/${published.id}/signups`, {}), 201, 'sign up');
  draft = await w.makeActivity({ unitId: station01, status: 'draft', title: '草稿活动', startsAt: '2026-12-02T01:00:00Z' });
  cancelled = await w.makeActivity({ unitId: station01, title: '取消的活动', startsAt: '2026-12-02T06:00:00Z' });
  expectStatus(await w.admin.agent.post(`/api/activities/${cancelled.id}/transitions`, { action: 'cancel', reason: '下雨' }), 200, 'cancel');
  atStation02 = await w.makeActivity({ unitId: station02, title: '龙井湖读书会', startsAt: '2026-12-03T06:00:00Z' });
  // Outside the default week (today .. today + 6).
  await w.makeActivity({ unitId: station02, title: '下周的活动', startsAt: '2026-12-08T06:00:00Z' });
});

afterAll(async () => {
  await w?.close();
});

describe('the public activity calendar', () => {
  it('answers without a session: published activities of every station this week, drafts and cancelled ones left out', async () => {
    const res = await w.anon.get('/api/public/activities');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const titles = body.items.map((x: { title: string }) => x.title);
    expect(titles).toEqual(['金银社区敬老助餐', '龙井湖读书会']);
    expect(body.total).toBe(2);
    expect(titles).not.toContain('草稿活动');
    expect(titles).not.toContain('取消的活动');

    const later = (await w.anon.get('/api/public/activities?from=2026-12-07&to=2026-12-13')).json();
    expect(later.items.map((x: { title: string }) => x.title)).toEqual(['下周的活动']);
  });

  it('shows places left and the station’s public phone, and no person: keys are exactly the public ones', async () => {
    const body = (await w.anon.get('/api/public/activities')).json();
    const item = body.items.find((x: { id: string }) => x.id === published.id);
    expect(Object.keys(item).sort()).toEqual(PUBLIC_KEYS);
    expect(Object.keys(item.positions[0]).sort()).toEqual(['headcount', 'id', 'left', 'name']);
    expect(item).toMatchObject({ capacity: 5, seatsLeft: 4, unitPhone: '023-72345678', programmeName: '共享邻里情', unitName: '金银社区新时代文明实践站' });
    // Neither the contact person nor the volunteer who signed up appears anywhere in the answer.
    const text = JSON.stringify(body);
    for (const secret of ['王明', '13912345678', volunteer.name, volunteer.phone]) expect(text).not.toContain(secret);

    const detail = await w.anon.get(`/api/public/activities/${published.id}`);
    expect(detail.statusCode).toBe(200);
    expect(Object.keys(detail.json()).sort()).toEqual(PUBLIC_KEYS);
    expect(detail.body).not.toContain(volunteer.name);
    expect(detail.body).not.toContain('13912345678');
  });

  it('filters by station, by institute (its stations too), by programme and by block', async () => {
    const titles = async (qs: string) => (await w.anon.get(`/api/public/activities?${qs}`)).json().items.map((x: { title: string }) => x.title);
    expect(await titles(`unitId=${station02}`)).toEqual(['龙井湖读书会']);
    expect(await titles(`unitId=${w.instituteId}`)).toEqual(['金银社区敬老助餐', '龙井湖读书会']);
    expect(await titles(`programmeId=${programmeId}`)).toEqual(['金银社区敬老助餐']);
    expect(await titles('block=care')).toEqual(['金银社区敬老助餐']);
    expect(await titles('block=learn')).toEqual([]);
    const unknown = await w.anon.get('/api/public/activities?unitId=00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
  });

  it('refuses a range over 62 days or backwards with a stable code', async () => {
    const long = await w.anon.get('/api/public/activities?from=2026-12-01&to=2027-02-01');
    expect(long.statusCode).toBe(400);
    expect(long.json().code).toBe('activities.range_too_long');
    const edge = await w.anon.get('/api/public/activities?from=2026-12-01&to=2027-01-31');
    expect(edge.statusCode).toBe(200);
    const back = await w.anon.get('/api/public/activities?from=2026-12-10&to=2026-12-01');
    expect(back.statusCode).toBe(400);
    expect(back.json().code).toBe('activities.range_reversed');
    const bad = await w.anon.get('/api/public/activities?from=12/01/2026');
    expect(bad.statusCode).toBe(400);
  });

  it('answers 404 for a draft or a cancelled activity', async () => {
    expect((await w.anon.get(`/api/public/activities/${draft.id}`)).statusCode).toBe(404);
    expect((await w.anon.get(`/api/public/activities/${cancelled.id}`)).statusCode).toBe(404);
    expect((await w.anon.get(`/api/public/activities/${atStation02.id}`)).statusCode).toBe(200);
  });

  it('lists the programmes to filter by, without a session', async () => {
    const res = await w.anon.get('/api/public/programmes?pageSize=200');
    expect(res.statusCode).toBe(200);
    const mine = res.json().items.find((p: { id: string }) => p.id === programmeId);
    expect(mine).toEqual({ id: programmeId, name: '共享邻里情', block: 'care', unitId: station01 });
  });
});
