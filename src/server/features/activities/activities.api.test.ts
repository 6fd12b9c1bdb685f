import type { AddressInfo } from 'node:net';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent, TestApp } from '../../../../test/support/app';
import { manualClock } from '../../../../test/support/clock';
import { type Staff, type Volunteer, type World, makeWorld } from '../../../../test/support/factories';
import { tick } from './activities.tick';
import { issueToken } from './checkin-token';

const clock = manualClock(new Date('2026-11-28T02:00:00Z')); // Saturday 10:00 in Beijing
let w: World;
let t: TestApp;
let station01: string;
let station02: string;
let admin: Agent;
let s01: Agent;
let staff01: Staff;
let staff02: Staff;
/** volunteer01 of the demo: an adult at station 01 without medical skills. */
let volunteer: Volunteer;
/** Certified volunteers at station 01, enough to fill an activity ten times over (the demo had 300). */
const pool: string[] = [];

beforeAll(async () => {
  w = await makeWorld({ clock });
  t = w.t;
  station01 = (await w.makeStation({ name: '金银社区新时代文明实践站' })).id;
  station02 = (await w.makeStation({ name: '龙井湖社区新时代文明实践站' })).id;
  // A station with no activity this month, so the monthly view has one below the minimum.
  await w.makeStation({ name: '兴华社区新时代文明实践站' });
  staff01 = await w.stationAdmin(station01);
  staff02 = await w.stationAdmin(station02);
  admin = w.admin.agent;
  s01 = staff01.agent;
  volunteer = await w.makeVolunteer({ stationId: station01 });
  for (let i = 0; i < 200; i++) pool.push((await w.enterVolunteer({ stationId: station01 })).id);
  // The institute's culture centre and its calligraphy room.
  await w.makeVenue({ name: '街道综合文化服务中心', rooms: [{ name: '书画室', capacity: 30 }] });
}, 600_000); // a backstop: some 450 requests to set up, on a loaded machine
afterAll(async () => w?.close());

const at = (beijing: string) => new Date(`${beijing}+08:00`).toISOString();

async function publish(agent: Agent, body: Record<string, unknown>) {
  const res = await agent.post('/api/activities', {
    unitId: station01,
    title: '敬老助老：空巢老人上门探访',
    startsAt: at('2026-12-05T09:00:00'),
    endsAt: at('2026-12-05T12:00:00'),
    positions: [{ name: '志愿者', headcount: 20 }],
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  const a = res.json().items[0];
  const pub = await agent.post(`/api/activities/${a.id}/transitions`, { action: 'publish' });
  expect(pub.statusCode, pub.body).toBe(200);
  return pub.json();
}

/** Certified volunteers of station 01 made for this suite. */
function certifiedVolunteers(n: number) {
  return pool.slice(0, n);
}

describe('sign-up capacity under concurrent requests', () => {
  it('accepts exactly 20 of 200 parallel sign-ups over real HTTP; the rest wait in line; cancellations promote in order', async () => {
    const a = await publish(s01, { title: '铜鼓湖公园环境整治', positions: [{ name: '志愿者', headcount: 20 }] });
    const ids = certifiedVolunteers(200);
    expect(ids).toHaveLength(200);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    // Every request gets an answer. On a busy machine the server may refuse work it cannot start in
    // time with 503 and Retry-After (nothing written); a well-behaved client tries again after that.
    let refused = 0;
    const signUp = async (volunteerId: string) => {
      for (let attempt = 1; ; attempt++) {
        const r = await fetch(`http://127.0.0.1:${port}/api/activities/${a.id}/signups`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
          body: JSON.stringify({ volunteerId }),
        });
        const body = await r.json();
        if (r.status !== 503 || attempt === 20) return { status: r.status, body };
        refused++;
        expect(body.code).toBe('service.unavailable');
        await new Promise((resolve) => setTimeout(resolve, Number(r.headers.get('retry-after')) * 1000));
      }
    };
    const results = await Promise.all(ids.map(signUp));
    if (refused) console.info(`200 parallel sign-ups: ${refused} refused with 503 and retried`);
    const byStatus = (rs: { status: number; body: { code?: string } }[]) =>
      rs.reduce<Record<string, number>>((acc, r) => {
        const key = r.status === 201 ? '201' : `${r.status} ${r.body.code}`;
        acc[key] = (acc[key] ?? 0) + 1;
        return acc;
      }, {});
    expect(byStatus(results)).toEqual({ 201: 200 });
    expect(results.filter((r) => r.body.status === 'confirmed')).toHaveLength(20);
    expect(results.filter((r) => r.body.status === 'waitlisted')).toHaveLength(180);
    const page = (await admin.get(`/api/activities/${a.id}/signups?pageSize=200`)).json();
    expect(page).toMatchObject({ total: 200, page: 1, pageSize: 200 });
    const list = page.items;
    expect(list.filter((s: { status: string }) => s.status === 'confirmed')).toHaveLength(20);
    const detail = (await admin.get(`/api/activities/${a.id}`)).json();
    expect(detail.status).toBe('full');
    expect(detail.positions[0]).toMatchObject({ headcount: 20, taken: 20, waitlisted: 180 });

    // Cancel three confirmed: the first three in the waitlist move up, in order.
    const waiting = list
      .filter((s: { status: string }) => s.status === 'waitlisted')
      .sort((x: { waitlistPosition: number }, y: { waitlistPosition: number }) => x.waitlistPosition - y.waitlistPosition);
    const confirmed = list.filter((s: { status: string }) => s.status === 'confirmed');
    for (const c of confirmed.slice(0, 3)) expect((await admin.delete(`/api/activities/${a.id}/signups/volunteers/${c.volunteerId}`)).statusCode).toBe(200);
    const after = (await admin.get(`/api/activities/${a.id}/signups?pageSize=200`)).json().items;
    for (const w of waiting.slice(0, 3)) expect(after.find((s: { id: string }) => s.id === w.id).status).toBe('confirmed');
    expect(after.find((s: { id: string }) => s.id === waiting[3].id).status).toBe('waitlisted');
    expect(after.filter((s: { status: string }) => s.status === 'confirmed')).toHaveLength(20);

    // Page by page, the list is the same list: same order, same waitlist numbers, nobody twice.
    const pages = [];
    for (let p = 1; p <= 4; p++) pages.push((await admin.get(`/api/activities/${a.id}/signups?page=${p}&pageSize=60`)).json());
    expect(pages.map((p) => p.items.length)).toEqual([60, 60, 60, 20]);
    expect(pages.every((p) => p.total === 200)).toBe(true);
    const paged = pages.flatMap((p) => p.items);
    expect(paged.map((s: { id: string; waitlistPosition: number | null }) => [s.id, s.waitlistPosition])).toEqual(
      after.map((s: { id: string; waitlistPosition: number | null }) => [s.id, s.waitlistPosition]),
    );
    expect((await admin.get(`/api/activities/${a.id}/signups?pageSize=201`)).statusCode).toBe(400);
  }, 180_000); // a backstop: 200 requests and their retries on a loaded 2-core machine, not a speed check

  it('refuses with 409 when full and the waitlist is off, and refuses duplicates', async () => {
    {
      const a2 = admin;
      const st = station01;
      const created = (
        await a2.post('/api/activities', {
          unitId: st,
          title: '限额活动',
          startsAt: at('2026-12-06T09:00:00'),
          endsAt: at('2026-12-06T11:00:00'),
          positions: [{ name: '讲解员', headcount: 5 }],
          waitlist: false,
        })
      ).json().items[0];
      await a2.post(`/api/activities/${created.id}/transitions`, { action: 'publish' });
      // Volunteers of the race above: that activity is on another day, so none of them is busy at this one.
      const ids = certifiedVolunteers(40);
      const res = await Promise.all(ids.map((volunteerId) => a2.post(`/api/activities/${created.id}/signups`, { volunteerId })));
      expect(res.filter((r) => r.statusCode === 201)).toHaveLength(5);
      expect(res.filter((r) => r.statusCode === 409 && r.json().code === 'activities.full')).toHaveLength(35);
      const dup = await a2.post(`/api/activities/${created.id}/signups`, { volunteerId: ids[0] });
      expect([409]).toContain(dup.statusCode);
    }
  });
});

describe('sign-up rules', () => {
  it('checks age, skills and insurance with clear messages', async () => {
    const a = await publish(s01, {
      title: '义诊体检服务',
      startsAt: at('2026-12-07T09:00:00'),
      endsAt: at('2026-12-07T11:00:00'),
      requiredSkills: ['医疗护理'],
      insuranceRequired: true,
      minAge: 18,
      maxAge: 60,
    });
    const v = volunteer.agent;
    const res = await v.post(`/api/activities/${a.id}/signups`, {});
    expect(res.statusCode).toBe(422);
    expect(['activities.age_mismatch', 'activities.skill_mismatch']).toContain(res.json().code);
    expect(res.json().message).toMatch(/年龄|技能/);
  });

  it('lets a volunteer cancel before the cutoff but not after', async () => {
    const a = await publish(s01, {
      title: '周末课堂',
      startsAt: at('2026-11-29T09:00:00'),
      endsAt: at('2026-11-29T11:00:00'),
      cancelCutoffAt: at('2026-11-28T12:00:00'),
    });
    const v = volunteer.agent;
    expect((await v.post(`/api/activities/${a.id}/signups`, {})).json().status).toBe('confirmed');
    expect((await v.post(`/api/activities/${a.id}/signups`, {})).json().code).toBe('activities.already_signed_up');
    clock.set(new Date('2026-11-28T05:00:00Z'));
    expect((await v.delete(`/api/activities/${a.id}/signups/mine`)).json().code).toBe('activities.cancel_closed');
    clock.set(new Date('2026-11-28T02:00:00Z'));
    expect((await v.delete(`/api/activities/${a.id}/signups/mine`)).statusCode).toBe(200);
  });

  it('never lets a non-service activity credit hours', async () => {
    const res = await s01.post('/api/activities', {
      unitId: station01,
      type: 'meeting',
      title: '小队工作例会',
      startsAt: at('2026-12-08T19:00:00'),
      endsAt: at('2026-12-08T20:00:00'),
      positions: [{ name: '参会', headcount: 10 }],
      creditHours: 1,
    });
    expect(res.json().items[0]).toMatchObject({ type: 'meeting', creditHours: 0 });
  });
});

describe('rooms', () => {
  it('refuses an overlapping booking with 409 and accepts the next free slot', async () => {
    const venue = (await admin.get('/api/venues')).json().items.find((v: { name: string }) => v.name === '街道综合文化服务中心');
    const room = venue.rooms.find((r: { name: string }) => r.name === '书画室');
    const base = { unitId: station01, venueId: venue.id, roomId: room.id, title: '书法培训', positions: [{ name: '助教', headcount: 5 }] };
    const first = await s01.post('/api/activities', { ...base, startsAt: at('2026-12-10T09:00:00'), endsAt: at('2026-12-10T11:00:00') });
    expect(first.statusCode).toBe(201);
    const clash = await admin.post('/api/activities', {
      ...base,
      unitId: station02,
      startsAt: at('2026-12-10T10:30:00'),
      endsAt: at('2026-12-10T12:00:00'),
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('venues.room_conflict');
    expect(clash.json().message).toContain('书法培训');
    const next = await admin.post('/api/activities', { ...base, startsAt: at('2026-12-10T11:00:00'), endsAt: at('2026-12-10T12:00:00') });
    expect(next.statusCode).toBe(201);
    const tooMany = await s01.post('/api/activities', {
      ...base,
      startsAt: at('2026-12-11T09:00:00'),
      endsAt: at('2026-12-11T10:00:00'),
      positions: [{ name: '助教', headcount: 50 }],
    });
    expect(tooMany.json().code).toBe('venues.room_too_small');
    const series = await s01.post('/api/activities', {
      ...base,
      startsAt: at('2026-12-03T09:00:00'),
      endsAt: at('2026-12-03T10:00:00'),
      repeat: { rule: 'weekly', count: 3 },
    });
    expect(series.statusCode).toBe(409); // the second week hits 12-10 09:00–11:00
    // Nothing of the series was kept: no 书法培训 on 12-03 (nor on 12-17).
    const kept = (await admin.get(`/api/activities?q=${encodeURIComponent('书法培训')}&pageSize=500`)).json().items as { startsAt: string }[];
    expect(kept.map((a) => a.startsAt).sort()).toEqual([at('2026-12-10T09:00:00'), at('2026-12-10T11:00:00')]);
  });
});

describe('check-in, check-out and hours', () => {
  let activityId: string;
  let v1: Agent;
  let v1Id: string;
  let others: string[];

  beforeAll(async () => {
    clock.set(new Date('2026-11-28T02:00:00Z'));
    const a = await publish(s01, {
      title: '四点半课堂作业辅导',
      startsAt: at('2026-11-30T14:00:00'),
      endsAt: at('2026-11-30T17:00:00'),
      lat: 29.7269,
      lng: 107.3721,
      geofenceMeters: 300,
    });
    activityId = a.id;
    v1 = await w.relogin(volunteer);
    v1Id = (await v1.get('/api/volunteers/me')).json().volunteer.id;
    expect((await v1.post(`/api/activities/${activityId}/signups`, {})).statusCode).toBe(201);
    others = certifiedVolunteers(12)
      .filter((x) => x !== v1Id)
      .slice(0, 3);
    for (const id of others) expect((await s01.post(`/api/activities/${activityId}/signups`, { volunteerId: id })).statusCode).toBe(201);
  });

  /** Sessions idle out while the test clock jumps days ahead: sign in again at the new time. */
  async function relogin() {
    s01 = await w.relogin(staff01);
    v1 = await w.relogin(volunteer);
  }

  it('accepts the rotating QR token only while it is fresh, once per person, and near the venue', async () => {
    clock.set(new Date(at('2026-11-30T13:55:00')));
    await relogin();
    const tokenRes = (await s01.get(`/api/activities/${activityId}/checkin-token`)).json();
    expect(tokenRes.code).toMatch(/^\d{6}$/);
    expect(tokenRes.checkinPath).toContain(activityId);
    const far = await v1.post(`/api/activities/${activityId}/checkins`, { token: tokenRes.token, lat: 29.74, lng: 107.4 });
    expect(far.json().code).toBe('checkins.too_far');
    clock.advance(61_000);
    const stale = await v1.post(`/api/activities/${activityId}/checkins`, { token: tokenRes.token, lat: 29.727, lng: 107.3722 });
    expect(stale.json().code).toBe('checkins.bad_token');
    const fresh = issueToken(t.deps.config.keys.checkin, activityId, clock.now()).token;
    const forged = `${fresh.split('.')[0]}.${'A'.repeat(22)}`;
    expect((await v1.post(`/api/activities/${activityId}/checkins`, { token: forged })).json().code).toBe('checkins.bad_token');
    const ok = await v1.post(`/api/activities/${activityId}/checkins`, { token: fresh, lat: 29.727, lng: 107.3722 });
    expect(ok.json()).toMatchObject({ direction: 'in', pairsToday: 1 });
    const replay = await v1.post(`/api/activities/${activityId}/checkins`, { token: fresh, lat: 29.727, lng: 107.3722 });
    expect(replay.json().code).toBe('checkins.token_used');
  });

  it('counts at most 3 pairs a day and checks out with the code', async () => {
    clock.set(new Date(at('2026-11-30T15:00:00')));
    await relogin();
    const code = (await s01.get(`/api/activities/${activityId}/checkin-token`)).json().code;
    expect((await v1.post(`/api/activities/${activityId}/checkins`, { code: '000000' === code ? '111111' : '000000' })).json().code).toBe('checkins.bad_code');
    expect((await v1.post(`/api/activities/${activityId}/checkins`, { code })).json().direction).toBe('out');
    expect((await v1.post(`/api/activities/${activityId}/checkins`, { code })).json()).toMatchObject({ direction: 'in', pairsToday: 2 });
    expect((await v1.post(`/api/activities/${activityId}/checkins`, { code })).json().direction).toBe('out');
    expect((await v1.post(`/api/activities/${activityId}/checkins`, { code })).json()).toMatchObject({ direction: 'in', pairsToday: 3 });
    expect((await v1.post(`/api/activities/${activityId}/checkins`, { code })).json().direction).toBe('out');
    expect((await v1.post(`/api/activities/${activityId}/checkins`, { code })).json().code).toBe('checkins.too_many');
  });

  it('at the end closes forgotten check-outs (flagged), marks no-shows, and writes verified hours by the 60 % rule', async () => {
    // Staff check in two more people on their behalf: one stays long enough, one does not, one forgets to check out.
    clock.set(new Date(at('2026-11-30T14:05:00')));
    await relogin();
    await s01.post(`/api/activities/${activityId}/checkins/staff`, { volunteerId: others[0], direction: 'in', reason: '老人没有智能手机' });
    await s01.post(`/api/activities/${activityId}/checkins/staff`, { volunteerId: others[1], direction: 'in', reason: '手机没电' });
    clock.set(new Date(at('2026-11-30T15:00:00')));
    await relogin();
    await s01.post(`/api/activities/${activityId}/checkins/staff`, { volunteerId: others[1], direction: 'out', reason: '家中有事提前离开' });
    clock.set(new Date(at('2026-11-30T17:01:00')));
    const ticked = await tick(t.deps);
    await relogin();
    expect(ticked.ended).toBeGreaterThanOrEqual(1);
    const signups = (await s01.get(`/api/activities/${activityId}/signups`)).json().items;
    const byId = (id: string) => signups.find((s: { volunteerId: string }) => s.volunteerId === id);
    expect(byId(others[0]).checkins[0]).toMatchObject({ outMethod: 'auto', flag: 'auto_closed' });
    expect(byId(others[2]).status).toBe('no_show');
    const recs = (await s01.get('/api/hours?source=verified&status=pending&pageSize=200'))
      .json()
      .items.filter((r: { title: string }) => r.title === '四点半课堂作业辅导');
    const forVolunteer = (id: string) => recs.find((r: { volunteerId: string }) => r.volunteerId === id);
    expect(forVolunteer(others[0])).toMatchObject({ hours: 2.9, flag: 'auto_closed', source: 'verified', status: 'pending' });
    expect(forVolunteer(others[1])).toBeUndefined(); // 55 minutes of 180 is under 60 %
    expect(forVolunteer(v1Id)).toBeUndefined(); // 3 short pairs, about 60 minutes
    // The organiser confirms; the volunteer's hours go up.
    const before = (await t.app.inject({ method: 'GET', url: `/api/volunteers/${others[0]}/hours-summary`, headers: { cookie: s01.cookie } })).json()
      .approvedHours;
    expect((await s01.post('/api/hours/approve', { ids: [forVolunteer(others[0]).id] })).json()).toEqual({ approved: 1 });
    const after = (await t.app.inject({ method: 'GET', url: `/api/volunteers/${others[0]}/hours-summary`, headers: { cookie: s01.cookie } })).json()
      .approvedHours;
    expect(Math.abs(after - before - 2.9)).toBeLessThanOrEqual(0.1); // totals are shown to one decimal
    expect((await s01.get(`/api/activities/${activityId}`)).json().status).toBe('ended');
  });

  it('takes the summary and counts the activity in the station’s month', async () => {
    await relogin();
    admin = await w.relogin(w.admin);
    const before = (await admin.get('/api/activities/monthly?months=3')).json();
    const row = before.rows.find((r: { unitId: string }) => r.unitId === station01);
    const res = await s01.post(`/api/activities/${activityId}/summary`, { servedCount: 18, notes: '辅导 18 名留守儿童完成作业', photoFileIds: [] });
    expect(res.json()).toMatchObject({ status: 'summarised', summarised: true });
    expect(before.months[before.months.length - 1]).toBe('2026-11');
    expect(row.counts[row.counts.length - 1]).toBeGreaterThanOrEqual(1);
    expect(before.minimum).toBe(1);
    const short = before.rows.filter((r: { below: boolean[] }) => r.below.some(Boolean)).map((r: { unitName: string }) => r.unitName);
    expect(short).toContain('兴华社区新时代文明实践站');
  });
});

describe('calendar feeds', () => {
  it('publishes a unit feed and a private feed that parse as iCalendar', async () => {
    admin = await w.relogin(w.admin);
    // A few more in the station's calendar, beside those of the cases above.
    s01 = await w.relogin(staff01);
    for (const day of ['2026-12-12', '2026-12-13', '2026-12-14'])
      await publish(s01, { title: '文明劝导', startsAt: at(`${day}T09:00:00`), endsAt: at(`${day}T11:00:00`) });
    const feed = await t.app.inject({ method: 'GET', url: `/ical/units/${station01}.ics` });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const cal = new ICAL.Component(ICAL.parse(feed.body));
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.length).toBeGreaterThan(5);
    expect(events.some((e) => e.summary === '四点半课堂作业辅导')).toBe(true);
    expect(feed.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const v = await w.relogin(volunteer);
    const { path } = (await v.post('/api/ical/token')).json();
    const mine = await t.app.inject({ method: 'GET', url: path });
    expect(mine.statusCode).toBe(200);
    const myEvents = new ICAL.Component(ICAL.parse(mine.body)).getAllSubcomponents('vevent');
    expect(myEvents.length).toBeGreaterThan(0);
    await v.delete('/api/ical/token');
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
  });

  it('gives every event a SEQUENCE that grows when the activity is moved and again when it is cancelled', async () => {
    s01 = await w.relogin(staff01);
    const a = await publish(s01, { title: '楼道清洁日', startsAt: at('2026-12-19T09:00:00'), endsAt: at('2026-12-19T11:00:00') });
    const eventOf = async () => {
      const body = (await t.app.inject({ method: 'GET', url: `/ical/units/${station01}.ics` })).body;
      const cal = new ICAL.Component(ICAL.parse(body));
      const e = cal.getAllSubcomponents('vevent').find((x) => x.getFirstPropertyValue('uid') === `${a.id}@shijian`);
      if (!e) throw new Error('the activity is not in its station feed');
      return {
        sequence: Number(e.getFirstPropertyValue('sequence')),
        status: e.getFirstPropertyValue('status'),
        start: String(e.getFirstPropertyValue('dtstart')),
      };
    };
    const first = await eventOf();
    expect(Number.isInteger(first.sequence)).toBe(true);
    expect((await eventOf()).sequence).toBe(first.sequence); // read again, nothing changed: the same
    clock.advance(60_000);
    const moved = await s01.patch(`/api/activities/${a.id}`, { startsAt: at('2026-12-19T14:00:00'), endsAt: at('2026-12-19T16:00:00') });
    expect(moved.statusCode, moved.body).toBe(200);
    const second = await eventOf();
    expect(second.sequence).toBeGreaterThan(first.sequence);
    expect(second.start).not.toBe(first.start);
    clock.advance(60_000);
    expect((await s01.post(`/api/activities/${a.id}/transitions`, { action: 'cancel', reason: '天气原因改期' })).statusCode).toBe(200);
    const third = await eventOf();
    expect(third).toMatchObject({ status: 'CANCELLED' });
    expect(third.sequence).toBeGreaterThan(second.sequence);
  });

  it('offers the institute’s feed as the whole street: its stations’ activities in one subscription', async () => {
    const body = (await t.app.inject({ method: 'GET', url: `/ical/units/${w.instituteId}.ics` })).body;
    const events = new ICAL.Component(ICAL.parse(body)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events.some((e) => e.summary === '四点半课堂作业辅导')).toBe(true);
    expect(events.some((e) => e.summary === '文明劝导')).toBe(true);
    expect(body).toMatch(/X-WR-CALNAME:.*实践所/);
  });

  it('keeps to the last three months and what is ahead, so years of history never crowd out the coming weeks', async () => {
    s01 = await w.relogin(staff01);
    const old = await publish(s01, { title: '去年的老活动', startsAt: at('2026-12-26T09:00:00'), endsAt: at('2026-12-26T10:00:00') });
    const inFeed = async () => (await t.app.inject({ method: 'GET', url: `/ical/units/${station01}.ics` })).body.includes(`${old.id}@shijian`);
    expect(await inFeed()).toBe(true);
    const saved = clock.now();
    clock.set(new Date(at('2027-04-01T09:00:00'))); // 96 days later
    try {
      expect(await inFeed()).toBe(false);
    } finally {
      clock.set(saved);
    }
  });
});

describe('scope', () => {
  it('hides drafts from volunteers and other stations’ management from station admins', async () => {
    s01 = await w.relogin(staff01);
    const draft = (
      await s01.post('/api/activities', {
        unitId: station01,
        title: '内部草稿',
        startsAt: at('2026-12-20T09:00:00'),
        endsAt: at('2026-12-20T10:00:00'),
        positions: [{ name: 'x', headcount: 1 }],
      })
    ).json().items[0];
    expect((await (await w.relogin(volunteer)).get(`/api/activities/${draft.id}`)).statusCode).toBe(404);
    const other = await w.relogin(staff02);
    expect((await other.get(`/api/activities/${draft.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/activities/${draft.id}/transitions`, { action: 'publish' })).statusCode).toBe(404);
  });

  it('lets the district viewer read the stations’ activities and create, edit or publish none (403)', async () => {
    const district = await w.makeDistrictViewer();
    s01 = await w.relogin(staff01);
    const draft = (
      await s01.post('/api/activities', {
        unitId: station01,
        title: '区中心只读检查',
        startsAt: at('2026-12-21T09:00:00'),
        endsAt: at('2026-12-21T10:00:00'),
        positions: [{ name: 'x', headcount: 1 }],
      })
    ).json().items[0];
    expect((await district.agent.get(`/api/activities/${draft.id}`)).statusCode).toBe(200);
    const body = {
      unitId: station01,
      title: '区中心不应能建',
      startsAt: at('2026-12-22T09:00:00'),
      endsAt: at('2026-12-22T10:00:00'),
      positions: [{ name: 'x', headcount: 1 }],
    };
    const created = await district.agent.post('/api/activities', body);
    // Refused before the handler: the viewer's roles all only read (platform/auth.ts).
    expect([created.statusCode, created.json().code]).toEqual([403, 'access.read_only']);
    expect((await district.agent.post(`/api/activities/${draft.id}/transitions`, { action: 'publish' })).statusCode).toBe(403);
    expect((await district.agent.patch(`/api/activities/${draft.id}`, { title: '区中心改名' })).statusCode).toBe(403);
  });
});
