import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { type Signed, type Staff, type Unit, type View, type Volunteer, type World, hoursFrom, makeWorld } from '../../../../test/support/factories';

/** Activities case by case on an empty organisation: the lifecycle, sign-up with its checks and waitlist, check-in. */

const clock = manualClock(new Date('2026-11-28T02:00:00Z'));
let w: World;
let a: Unit;
let staffA: Staff;
let staffB: Staff;
let v1: Volunteer;

beforeAll(async () => {
  w = await makeWorld({ clock });
  a = await w.makeStation();
  const b = await w.makeStation();
  staffA = await w.stationAdmin(a.id);
  staffB = await w.stationAdmin(b.id);
  v1 = await w.makeVolunteer({ stationId: a.id });
});
afterAll(async () => w?.close());

type Status = 'draft' | 'submitted' | 'rejected' | 'published' | 'full' | 'cancelled' | 'ended';
type Action = 'submit' | 'publish' | 'reject' | 'cancel' | 'end';

/** What the station's staff may do to the station's activity: status → action → status after. */
const MOVES: Record<Status, Partial<Record<Action, Status>>> = {
  draft: { submit: 'submitted', publish: 'published', cancel: 'cancelled' },
  submitted: { publish: 'published', reject: 'rejected', cancel: 'cancelled' },
  rejected: { submit: 'submitted' },
  published: { cancel: 'cancelled', end: 'ended' },
  full: { cancel: 'cancelled', end: 'ended' },
  cancelled: {},
  ended: {},
};

const transition = (who: Signed, id: string, action: Action) => who.agent.post(`/api/activities/${id}/transitions`, { action, reason: '测试原因' });

async function activityIn(status: Status, by: Signed = staffA): Promise<string> {
  const act = await w.makeActivity({ unitId: a.id, by, status: 'draft', headcount: status === 'full' ? 1 : 5 });
  const step = async (action: Action) => {
    const res = await transition(staffA, act.id, action);
    if (res.statusCode !== 200) throw new Error(`setup ${status}: ${action} → ${res.statusCode} ${res.body}`);
  };
  if (status === 'draft') return act.id;
  if (status === 'submitted' || status === 'rejected') {
    await step('submit');
    if (status === 'rejected') await step('reject');
    return act.id;
  }
  if (status === 'cancelled') {
    await step('cancel');
    return act.id;
  }
  await step('publish');
  if (status === 'full') expect((await v1.agent.post(`/api/activities/${act.id}/signups`, {})).json().status).toBe('confirmed');
  if (status === 'ended') await step('end');
  return act.id;
}

describe.each(Object.keys(MOVES) as Status[])('the station’s staff, on an activity that is %s', (status) => {
  it.each(['submit', 'publish', 'reject', 'cancel', 'end'] as Action[])('%s', async (action) => {
    const to = MOVES[status][action];
    const id = await activityIn(status);
    const res = await transition(staffA, id, action);
    if (to) {
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().status).toBe(to);
    } else {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().code).toBe('activities.bad_transition');
      expect((await staffA.agent.get(`/api/activities/${id}`)).json().status).toBe(status);
    }
  });
});

describe('who else may move an activity', () => {
  it('a team leader keeps their own draft: submits or cancels it, never publishes, rejects or ends', async () => {
    const leader = await w.makeStaff('team_leader', a.id);
    const mine = await activityIn('draft', leader);
    expect((await transition(leader, mine, 'publish')).json().code).toBe('access.denied');
    expect((await transition(leader, mine, 'submit')).json().status).toBe('submitted');
    expect((await transition(leader, mine, 'reject')).json().code).toBe('access.denied');
    const cancelled = await leader.agent.post(`/api/activities/${mine}/transitions`, { action: 'cancel' });
    expect(cancelled.json().code).toBe('activities.reason_required');
    expect((await transition(leader, mine, 'cancel')).json().status).toBe('cancelled');
    const published = await activityIn('published', leader);
    expect((await transition(leader, published, 'cancel')).json().code).toBe('access.denied');
    // Someone else's draft is not theirs to touch.
    expect((await transition(leader, await activityIn('draft'), 'submit')).json().code).toBe('access.denied');
  });

  it('another station’s staff do not see it (404); a volunteer sees it once published but may not move it (403)', async () => {
    const draft = await activityIn('draft');
    const published = await activityIn('published');
    for (const id of [draft, published]) expect((await transition(staffB, id, 'cancel')).statusCode).toBe(404);
    expect((await v1.agent.get(`/api/activities/${draft}`)).statusCode).toBe(404);
    expect((await v1.agent.get(`/api/activities/${published}`)).json()).toMatchObject({ status: 'published', canManage: false, allowedActions: [] });
    expect((await transition(v1, published, 'cancel')).statusCode).toBe(403);
  });

  it('the institute admin moves any station’s activity', async () => {
    expect((await transition(w.admin, await activityIn('submitted'), 'publish')).json().status).toBe('published');
  });

  it('reject and cancel need a reason', async () => {
    const id = await activityIn('submitted');
    for (const action of ['reject', 'cancel']) {
      const res = await staffA.agent.post(`/api/activities/${id}/transitions`, { action });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('activities.reason_required');
    }
  });
});

describe('signing up', () => {
  const signUp = (who: Signed, id: string, body: Record<string, unknown> = {}) => who.agent.post(`/api/activities/${id}/signups`, body);

  it('fills the places, then a waitlist in order; a cancellation promotes the first in line', async () => {
    const act = await w.makeActivity({ unitId: a.id, headcount: 2 });
    const [v2, v3, v4] = [await w.makeVolunteer({ stationId: a.id }), await w.makeVolunteer({ stationId: a.id }), await w.makeVolunteer({ stationId: a.id })];
    expect((await signUp(v1, act.id)).json()).toMatchObject({ status: 'confirmed', activity: { status: 'published' } });
    expect((await signUp(v2, act.id)).json()).toMatchObject({ status: 'confirmed', activity: { status: 'full' } });
    expect((await signUp(v3, act.id)).json()).toMatchObject({ status: 'waitlisted', activity: { mySignup: { status: 'waitlisted', waitlistPosition: 1 } } });
    expect((await signUp(v4, act.id)).json().activity.mySignup).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect((await signUp(v1, act.id)).json().code).toBe('activities.already_signed_up');
    const view = (await staffA.agent.get(`/api/activities/${act.id}`)).json();
    expect(view.positions[0]).toMatchObject({ headcount: 2, taken: 2, waitlisted: 2 });
    expect((await v1.agent.delete(`/api/activities/${act.id}/signups/mine`)).statusCode).toBe(200);
    expect((await v3.agent.get(`/api/activities/${act.id}`)).json()).toMatchObject({
      status: 'full',
      mySignup: { status: 'confirmed', waitlistPosition: null },
    });
    expect((await v4.agent.get(`/api/activities/${act.id}`)).json().mySignup).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await v3.agent.get('/api/notifications')).json().items.map((n: { title: string }) => n.title)).toContain(`候补成功：${act.title}`);
    // A waitlisted person leaving frees no place.
    expect((await v4.agent.delete(`/api/activities/${act.id}/signups/mine`)).statusCode).toBe(200);
    expect((await staffA.agent.get(`/api/activities/${act.id}`)).json().positions[0]).toMatchObject({ taken: 2, waitlisted: 0 });
    expect((await v4.agent.delete(`/api/activities/${act.id}/signups/mine`)).json().code).toBe('activities.not_signed_up');
  });

  it('without a waitlist says it is full', async () => {
    const act = await w.makeActivity({ unitId: a.id, headcount: 1, waitlist: false });
    await signUp(v1, act.id);
    const v2 = await w.makeVolunteer({ stationId: a.id });
    const res = await signUp(v2, act.id);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('activities.full');
  });

  it('checks certification, age, skills and insurance first', async () => {
    const act = await w.makeActivity({ unitId: a.id, minAge: 18 });
    const pending = await w.makeVolunteer({ stationId: a.id, approved: false });
    expect((await signUp(pending, act.id)).json().code).toBe('activities.volunteer_not_certified');
    const minor = await w.makeVolunteer({ stationId: a.id, minor: true });
    const young = await signUp(minor, act.id);
    expect(young.statusCode).toBe(422);
    expect(young.json().code).toBe('activities.age_mismatch');
    const skilled = await w.makeActivity({ unitId: a.id, requiredSkills: ['急救'], insuranceRequired: true });
    expect((await signUp(v1, skilled.id)).json().code).toBe('activities.skill_mismatch');
    const medic = await w.makeVolunteer({ stationId: a.id, skills: ['急救'] });
    expect((await signUp(medic, skilled.id)).json().code).toBe('activities.insurance_required');
    await staffA.agent.patch(`/api/volunteers/${medic.id}`, { insuredUntil: '2099-12-31' });
    expect((await signUp(medic, skilled.id)).json().status).toBe('confirmed');
  });

  it('only while sign-up is open: not on a draft (404 to volunteers), not after it closed', async () => {
    const draft = await w.makeActivity({ unitId: a.id, status: 'draft' });
    expect((await signUp(v1, draft.id)).statusCode).toBe(404);
    expect((await signUp(staffA, draft.id, { volunteerId: v1.id })).json().code).toBe('activities.not_open');
    const closed = await w.makeActivity({ unitId: a.id, signupClosesAt: hoursFrom(clock, -1) });
    expect((await signUp(v1, closed.id)).json().code).toBe('activities.not_open');
    const notYet = await w.makeActivity({ unitId: a.id, signupOpensAt: hoursFrom(clock, 1) });
    expect((await signUp(v1, notYet.id)).json().code).toBe('activities.not_open');
  });

  it('asks which position when there are several', async () => {
    const act = await w.makeActivity({
      unitId: a.id,
      positions: [
        { name: '引导', headcount: 2 },
        { name: '摄影', headcount: 1 },
      ],
    });
    expect((await signUp(v1, act.id)).json().code).toBe('activities.position_required');
    const photo = (act.positions as { id: string; name: string }[]).find((p) => p.name === '摄影');
    expect((await signUp(v1, act.id, { positionId: photo?.id })).json().activity.mySignup.positionId).toBe(photo?.id);
  });

  it('with approval: pending until the organiser decides', async () => {
    const act = await w.makeActivity({ unitId: a.id, needsApproval: true });
    expect((await signUp(v1, act.id)).json().status).toBe('pending');
    const signupId = (await staffA.agent.get(`/api/activities/${act.id}/signups`)).json().items[0].id;
    expect((await v1.agent.post(`/api/activities/${act.id}/signups/${signupId}/decision`, { approve: true })).statusCode).toBe(403);
    const decided = await staffA.agent.post(`/api/activities/${act.id}/signups/${signupId}/decision`, { approve: true });
    expect(decided.json()).toMatchObject({ id: signupId, status: 'confirmed' });
  });

  it('staff sign up someone without a phone; a volunteer cannot sign up someone else', async () => {
    const act = await w.makeActivity({ unitId: a.id });
    const res = await signUp(staffA, act.id, { volunteerId: v1.id });
    expect(res.json().status).toBe('confirmed');
    expect((await staffA.agent.get(`/api/activities/${act.id}/signups`)).json().items[0]).toMatchObject({ channel: 'staff', status: 'confirmed' });
    const v2 = await w.makeVolunteer({ stationId: a.id });
    expect((await signUp(v1, act.id, { volunteerId: v2.id })).json().code).toBe('access.denied');
    expect((await signUp(staffB, act.id, { volunteerId: v2.id })).statusCode).toBe(404);
  });

  it('can be cancelled by the volunteer until the cut-off, by staff after it', async () => {
    const act = await w.makeActivity({ unitId: a.id, cancelCutoffAt: hoursFrom(clock, 1) });
    await signUp(v1, act.id);
    await w.advance(2 * 3600_000);
    const late = await v1.agent.delete(`/api/activities/${act.id}/signups/mine`);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('activities.cancel_closed');
    expect((await staffA.agent.delete(`/api/activities/${act.id}/signups/volunteers/${v1.id}`)).statusCode).toBe(200);
  });
});

describe('checking in', () => {
  let act: View;
  let code: string;
  beforeAll(async () => {
    act = await w.makeActivity({ unitId: a.id, startsAt: hoursFrom(clock, 3), endsAt: hoursFrom(clock, 5) });
    await v1.agent.post(`/api/activities/${act.id}/signups`, {});
    code = (await staffA.agent.get(`/api/activities/${act.id}/checkin-token`)).json().code;
  });

  it('opens an hour before the start', async () => {
    const early = await v1.agent.post(`/api/activities/${act.id}/checkins`, { code });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('checkins.not_open');
    await w.advance(2 * 3600_000 + 60_000);
  });

  it('by code: a wrong code is refused, the right one checks in, the next time out', async () => {
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect((await v1.agent.post(`/api/activities/${act.id}/checkins`, { code: wrong })).json().code).toBe('checkins.bad_code');
    expect((await v1.agent.post(`/api/activities/${act.id}/checkins`, { code })).json()).toMatchObject({
      direction: 'in',
      at: clock.now().toISOString(),
      pairsToday: 1,
    });
    await w.advance(20 * 60_000);
    expect((await v1.agent.post(`/api/activities/${act.id}/checkins`, { code })).json()).toMatchObject({ direction: 'out', pairsToday: 1 });
  });

  it('not without a confirmed sign-up', async () => {
    const stranger = await w.makeVolunteer({ stationId: a.id });
    const res = await stranger.agent.post(`/api/activities/${act.id}/checkins`, { code });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('checkins.not_signed_up');
  });

  it('by the rotating QR token, each token once per person', async () => {
    const { token } = (await staffA.agent.get(`/api/activities/${act.id}/checkin-token`)).json();
    expect((await v1.agent.get(`/api/activities/${act.id}/checkin-token`)).statusCode).toBe(403);
    expect((await v1.agent.post(`/api/activities/${act.id}/checkins`, { token })).json().direction).toBe('in');
    const again = await v1.agent.post(`/api/activities/${act.id}/checkins`, { token });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('checkins.token_used');
    expect((await v1.agent.post(`/api/activities/${act.id}/checkins`, { token: 'forged.token' })).json().code).toBe('checkins.bad_token');
  });

  it('by staff for someone without a phone, with the reason kept; not by another station', async () => {
    const v2 = await w.makeVolunteer({ stationId: a.id });
    await staffA.agent.post(`/api/activities/${act.id}/signups`, { volunteerId: v2.id });
    // Past the start now: a check-in moves the activity to in progress.
    await w.advance(45 * 60_000);
    expect((await staffA.agent.get(`/api/activities/${act.id}`)).json().status).toBe('published');
    expect((await staffB.agent.post(`/api/activities/${act.id}/checkins/staff`, { volunteerId: v2.id, direction: 'in', reason: '手机没电' })).statusCode).toBe(
      404,
    );
    const res = await staffA.agent.post(`/api/activities/${act.id}/checkins/staff`, { volunteerId: v2.id, direction: 'in', reason: '老人没有智能手机' });
    expect(res.json()).toMatchObject({ direction: 'in' });
    const signup = (await staffA.agent.get(`/api/activities/${act.id}/signups`)).json().items.find((s: { volunteerId: string }) => s.volunteerId === v2.id);
    expect(signup.checkins).toEqual([expect.objectContaining({ inMethod: 'staff', outAt: null })]);
    expect((await staffA.agent.get(`/api/activities/${act.id}`)).json().status).toBe('in_progress');
  });
});
