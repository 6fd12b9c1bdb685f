import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Resident, type Signed, type Staff, type Unit, type Volunteer, type World, makeWorld } from '../../../../test/support/factories';

/**
 * Every order action by every kind of actor, in every status, through the API. The expectations
 * are written out here by hand (not computed from src/shared/rules/order-flow.ts) so that a change
 * to the state machine or to who-may-act shows up as a failing case.
 */

type Status = 'submitted' | 'reviewing' | 'rejected' | 'cancelled' | 'dispatched' | 'accepted' | 'in_service' | 'completed' | 'rated' | 'closed';
type Action = 'review' | 'reject' | 'dispatch' | 'redispatch' | 'escalate' | 'accept' | 'decline' | 'start' | 'note' | 'complete' | 'rate' | 'close' | 'cancel';
type ActorClass = 'requester' | 'stationStaff' | 'instituteStaff' | 'dispatchedVolunteer' | 'otherVolunteer' | 'otherStationStaff';

const STATUSES: Status[] = ['submitted', 'reviewing', 'rejected', 'cancelled', 'dispatched', 'accepted', 'in_service', 'completed', 'rated', 'closed'];
const ACTIONS: Action[] = [
  'review',
  'reject',
  'dispatch',
  'redispatch',
  'escalate',
  'accept',
  'decline',
  'start',
  'note',
  'complete',
  'rate',
  'close',
  'cancel',
];
const ACTORS: ActorClass[] = ['requester', 'stationStaff', 'instituteStaff', 'dispatchedVolunteer', 'otherVolunteer', 'otherStationStaff'];

/** What staff may do: status → action → the status after. */
const STAFF_MOVES: Partial<Record<Status, Partial<Record<Action, Status>>>> = {
  submitted: { review: 'reviewing', reject: 'rejected', cancel: 'cancelled' },
  reviewing: { reject: 'rejected', dispatch: 'dispatched', cancel: 'cancelled' },
  dispatched: { redispatch: 'dispatched', cancel: 'cancelled' },
  accepted: { redispatch: 'dispatched', start: 'in_service', note: 'accepted', complete: 'completed' },
  in_service: { note: 'in_service', complete: 'completed' },
  completed: { rate: 'rated' },
  rated: { close: 'closed' },
};
const REQUESTER_MOVES: Partial<Record<Status, Partial<Record<Action, Status>>>> = {
  submitted: { cancel: 'cancelled' },
  reviewing: { cancel: 'cancelled' },
  dispatched: { cancel: 'cancelled' },
  completed: { rate: 'rated' },
};
/** The volunteer the order was dispatched to, who then holds it. */
const VOLUNTEER_MOVES: Partial<Record<Status, Partial<Record<Action, Status>>>> = {
  dispatched: { accept: 'accepted', decline: 'dispatched' },
  accepted: { start: 'in_service', note: 'accepted', complete: 'completed' },
  in_service: { note: 'in_service', complete: 'completed' },
};

type Expected = { status: 200; to: Status } | { status: number; code: string };

function expected(actor: ActorClass, status: Status, action: Action): Expected {
  const ok = (to: Status | undefined) => (to ? ({ status: 200, to } as const) : null);
  const refused = (status: number, code: string) => ({ status, code });
  switch (actor) {
    case 'otherVolunteer':
    case 'otherStationStaff':
      return refused(404, 'not_found');
    case 'stationStaff':
    case 'instituteStaff':
      if (action === 'accept' || action === 'decline') return refused(403, 'orders.not_for_you');
      return ok(STAFF_MOVES[status]?.[action]) ?? refused(409, 'orders.bad_transition');
    case 'requester':
      if (action === 'accept' || action === 'decline') return refused(403, 'orders.not_for_you');
      if (action === 'cancel' || action === 'rate') return ok(REQUESTER_MOVES[status]?.[action]) ?? refused(409, 'orders.bad_transition');
      return refused(403, 'access.denied');
    case 'dispatchedVolunteer': {
      // Before dispatch, and on orders that never reached it, the volunteer does not see the order.
      if (['submitted', 'reviewing', 'rejected', 'cancelled'].includes(status)) return refused(404, 'not_found');
      const move = ok(VOLUNTEER_MOVES[status]?.[action]);
      if (move) return move;
      if (status === 'dispatched') return refused(403, 'access.denied');
      if (action === 'accept' || action === 'decline') return refused(403, 'orders.not_for_you');
      if (action === 'rate') return refused(403, 'orders.own_work');
      if (action === 'start' || action === 'note' || action === 'complete') return refused(409, 'orders.bad_transition');
      return refused(403, 'access.denied');
    }
  }
}

let w: World;
let a: Unit;
let staffA: Staff;
let staffB: Staff;
let requester: Resident;
let v: Volunteer;
let other: Volunteer;

beforeAll(async () => {
  w = await makeWorld();
  a = await w.makeStation();
  const b = await w.makeStation();
  staffA = await w.stationAdmin(a.id);
  staffB = await w.stationAdmin(b.id);
  requester = await w.makeResident({ stationId: a.id });
  v = await w.makeVolunteer({ stationId: a.id });
  other = await w.makeVolunteer({ stationId: a.id });
});
afterAll(async () => w?.close());

function who(actor: ActorClass): Signed {
  return { requester, stationStaff: staffA, instituteStaff: w.admin, dispatchedVolunteer: v, otherVolunteer: other, otherStationStaff: staffB }[actor];
}

/** Every field any action needs, so a refusal is about who and when, never about a missing field. */
const payload = (action: Action) => ({
  action,
  reason: '测试原因',
  note: '测试进展',
  verified: true,
  target: { type: 'volunteer', id: v.id },
  report: '已完成服务',
  rating: 5,
});

async function act(actor: Signed, id: string, action: Action) {
  return actor.agent.post(`/api/orders/${id}/actions`, payload(action));
}

/** A fresh order brought to `status` the ordinary way: placed by the resident, worked by staff and the volunteer. */
async function orderIn(status: Status, description = `状态 ${status} 的测试单`): Promise<string> {
  const o = await w.makeOrder({ requester, stationId: a.id, description });
  const step = async (actor: Signed, action: Action) => {
    const res = await act(actor, o.id, action);
    if (res.statusCode !== 200) throw new Error(`setup ${status}: ${action} → ${res.statusCode} ${res.body}`);
  };
  if (status === 'submitted') return o.id;
  if (status === 'cancelled' || status === 'rejected') {
    await step(status === 'cancelled' ? requester : staffA, status === 'cancelled' ? 'cancel' : 'reject');
    return o.id;
  }
  await step(staffA, 'review');
  if (status === 'reviewing') return o.id;
  await step(staffA, 'dispatch');
  if (status === 'dispatched') return o.id;
  await step(v, 'accept');
  if (status === 'accepted') return o.id;
  await step(v, 'start');
  if (status === 'in_service') return o.id;
  await step(v, 'complete');
  if (status === 'completed') return o.id;
  await step(requester, 'rate');
  if (status === 'rated') return o.id;
  await step(staffA, 'close');
  return o.id;
}

describe.each(STATUSES)('an order that is %s', (status) => {
  // Refusals change nothing, so they share one order per status; each allowed move gets its own.
  let shared: string;
  beforeAll(async () => {
    shared = await orderIn(status);
  });

  const cases = ACTORS.flatMap((actor) => ACTIONS.map((action) => ({ actor, action, exp: expected(actor, status, action) })));
  it.each(cases)('$action by $actor', async ({ actor, action, exp }) => {
    const id = exp.status === 200 ? await orderIn(status) : shared;
    const res = await act(who(actor), id, action);
    expect(res.statusCode, res.body).toBe(exp.status);
    if ('to' in exp) expect(res.json().status).toBe(exp.to);
    else expect(res.json().code).toBe(exp.code);
  });

  it('was left as it was by every refusal', async () => {
    expect((await staffA.agent.get(`/api/orders/${shared}`)).json().status).toBe(status);
  });
});

describe('what the actions need', () => {
  it('a reason to reject or cancel', async () => {
    const id = await orderIn('submitted');
    for (const [actor, action] of [
      [staffA, 'reject'],
      [requester, 'cancel'],
      [staffA, 'cancel'],
    ] as const) {
      const res = await actor.agent.post(`/api/orders/${id}/actions`, { action });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('orders.reason_required');
    }
    const rejected = (await staffA.agent.post(`/api/orders/${id}/actions`, { action: 'reject', reason: '不属于志愿服务范围' })).json();
    expect(rejected).toMatchObject({ status: 'rejected', rejectReason: '不属于志愿服务范围' });
  });

  it('a verified requester and a target to dispatch', async () => {
    const id = await orderIn('submitted');
    await staffA.agent.post(`/api/orders/${id}/actions`, { action: 'review' });
    expect((await staffA.agent.post(`/api/orders/${id}/actions`, { action: 'dispatch', verified: true })).json().code).toBe('orders.target_required');
    expect((await staffA.agent.post(`/api/orders/${id}/actions`, { action: 'dispatch', target: { type: 'volunteer' }, verified: true })).json().code).toBe(
      'orders.target_required',
    );
    const unverified = await staffA.agent.post(`/api/orders/${id}/actions`, { action: 'dispatch', target: { type: 'pool' } });
    expect(unverified.statusCode).toBe(422);
    expect(unverified.json().code).toBe('orders.unverified');
    const ok = await staffA.agent.post(`/api/orders/${id}/actions`, { action: 'dispatch', target: { type: 'pool' }, verified: true });
    expect(ok.json()).toMatchObject({ status: 'dispatched', requesterVerified: true, target: { type: 'pool', id: null } });
  });

  it('a report to complete and 1–5 stars to rate', async () => {
    const id = await orderIn('in_service');
    expect((await v.agent.post(`/api/orders/${id}/actions`, { action: 'complete' })).json().code).toBe('orders.report_required');
    expect((await v.agent.post(`/api/orders/${id}/actions`, { action: 'complete', report: '已完成', serviceHours: 1.5 })).json().status).toBe('completed');
    expect((await requester.agent.post(`/api/orders/${id}/actions`, { action: 'rate' })).json().code).toBe('orders.rating_required');
    expect((await requester.agent.post(`/api/orders/${id}/actions`, { action: 'rate', rating: 6 })).statusCode).toBe(400);
    const rated = (await requester.agent.post(`/api/orders/${id}/actions`, { action: 'rate', rating: 4, comment: '很及时' })).json();
    expect(rated).toMatchObject({ status: 'rated', rating: 4, ratingComment: '很及时', ratedBy: 'requester' });
  });

  it('a session: without one every action is 401', async () => {
    const id = await orderIn('submitted');
    const res = await w.anon.post(`/api/orders/${id}/actions`, { action: 'cancel', reason: 'x' });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.required');
  });
});

describe('who can take a dispatched order', () => {
  it('the pool: any certified volunteer of the institute, the first one wins', async () => {
    const b = await w.makeStation();
    const far = await w.makeVolunteer({ stationId: b.id });
    const id = await orderIn('reviewing');
    await staffA.agent.post(`/api/orders/${id}/actions`, { action: 'dispatch', target: { type: 'pool' } });
    expect((await far.agent.get('/api/orders/tasks')).json().items.map((o: { id: string }) => o.id)).toContain(id);
    expect((await far.agent.post(`/api/orders/${id}/actions`, { action: 'accept' })).json()).toMatchObject({ status: 'accepted', volunteer: { id: far.id } });
    // The one who came second no longer sees it.
    expect((await other.agent.post(`/api/orders/${id}/actions`, { action: 'accept' })).statusCode).toBe(404);
  });

  it('a station: its own volunteers only', async () => {
    const b = await w.makeStation();
    const far = await w.makeVolunteer({ stationId: b.id });
    const id = await orderIn('reviewing');
    await staffA.agent.post(`/api/orders/${id}/actions`, { action: 'dispatch', target: { type: 'station', id: a.id } });
    expect((await far.agent.post(`/api/orders/${id}/actions`, { action: 'accept' })).statusCode).toBe(404);
    expect((await other.agent.post(`/api/orders/${id}/actions`, { action: 'accept' })).json().status).toBe('accepted');
  });

  it('a team: its active members only', async () => {
    const team = await w.makeTeam({ unitId: a.id });
    expect((await staffA.agent.post(`/api/teams/${team.id}/members`, { volunteerId: other.id })).statusCode).toBe(200);
    const id = await orderIn('reviewing');
    await staffA.agent.post(`/api/orders/${id}/actions`, { action: 'dispatch', target: { type: 'team', id: team.id } });
    expect((await v.agent.post(`/api/orders/${id}/actions`, { action: 'accept' })).statusCode).toBe(404);
    expect((await other.agent.post(`/api/orders/${id}/actions`, { action: 'accept' })).json().status).toBe('accepted');
  });

  it('not a volunteer still in review, nor one from outside the institute’s list', async () => {
    const pending = await w.makeVolunteer({ stationId: a.id, approved: false });
    const id = await orderIn('reviewing');
    const res = await staffA.agent.post(`/api/orders/${id}/actions`, { action: 'dispatch', target: { type: 'volunteer', id: pending.id } });
    expect(res.statusCode).toBe(404);
    expect((await staffA.agent.post(`/api/orders/${id}/actions`, { action: 'dispatch', target: { type: 'station', id: w.instituteId } })).statusCode).toBe(404);
  });

  it('only someone with the skills and the insurance the menu item asks for', async () => {
    const item = await w.makeMenuItem({ name: '上门理发', requiredSkills: ['理发'], insuranceRequired: true });
    const barber = await w.makeVolunteer({ stationId: a.id, skills: ['理发'] });
    const o = await w.makeOrder({ requester, stationId: a.id, itemId: item.id, description: '想请人上门理发' });
    await staffA.agent.post(`/api/orders/${o.id}/actions`, { action: 'review', verified: true });
    await staffA.agent.post(`/api/orders/${o.id}/actions`, { action: 'dispatch', target: { type: 'station', id: a.id } });
    expect((await v.agent.post(`/api/orders/${o.id}/actions`, { action: 'accept' })).json().code).toBe('orders.not_qualified');
    expect((await barber.agent.post(`/api/orders/${o.id}/actions`, { action: 'accept' })).json().code).toBe('orders.insurance_required');
    expect((await staffA.agent.patch(`/api/volunteers/${barber.id}`, { insuredUntil: '2099-12-31' })).statusCode).toBe(200);
    expect((await barber.agent.post(`/api/orders/${o.id}/actions`, { action: 'accept' })).json().status).toBe('accepted');
  });

  it('the task list offers only what the volunteer may take: the skills the item needs, and its insurance', async () => {
    const item = await w.makeMenuItem({ name: '上门修脚', requiredSkills: ['修脚'], insuranceRequired: true });
    const open = await w.makeMenuItem({ name: '陪同散步' });
    const footCare = await w.makeVolunteer({ stationId: a.id, skills: ['修脚'] });
    const plain = await w.makeVolunteer({ stationId: a.id });
    const dispatched = async (itemId: string) => {
      const o = await w.makeOrder({ requester, stationId: a.id, itemId, description: '任务列表只列可接的单' });
      await staffA.agent.post(`/api/orders/${o.id}/actions`, { action: 'review', verified: true });
      expect((await staffA.agent.post(`/api/orders/${o.id}/actions`, { action: 'dispatch', target: { type: 'station', id: a.id } })).statusCode).toBe(200);
      return o.id;
    };
    const skilled = await dispatched(item.id);
    const anyone = await dispatched(open.id);
    const tasks = async (who: { agent: { get: (u: string) => Promise<{ json: () => { items: { id: string }[] } }> } }) =>
      (await who.agent.get('/api/orders/tasks?pageSize=100')).json().items.map((x) => x.id);
    // Neither the one without the skill nor the skilled one without insurance is offered it.
    for (const who of [plain, footCare]) {
      const mine = await tasks(who);
      expect(mine).toContain(anyone);
      expect(mine).not.toContain(skilled);
    }
    expect((await staffA.agent.patch(`/api/volunteers/${footCare.id}`, { insuredUntil: '2099-12-31' })).statusCode).toBe(200);
    expect(await tasks(footCare)).toContain(skilled);
    expect(await tasks(plain)).not.toContain(skilled);
    // Every order offered to a volunteer is one 接单 accepts.
    for (const id of await tasks(plain)) {
      const view = (await plain.agent.get(`/api/orders/${id}`)).json();
      if (view.status !== 'dispatched') continue;
      expect((await plain.agent.post(`/api/orders/${id}/actions`, { action: 'accept' })).json().code, view.title).not.toBe('orders.not_qualified');
    }
  });

  it('a volunteer who declined does not get it back, and staff are told to re-dispatch', async () => {
    const id = await orderIn('dispatched');
    expect((await v.agent.post(`/api/orders/${id}/actions`, { action: 'decline', reason: '这周不在家' })).json().status).toBe('dispatched');
    expect((await v.agent.post(`/api/orders/${id}/actions`, { action: 'accept' })).json().code).toBe('orders.not_for_you');
    const notes = (await staffA.agent.get('/api/notifications')).json().items;
    expect(notes.some((n: { title: string; link: string }) => n.title.startsWith('志愿者婉拒了需求单') && n.link === `/admin/orders/${id}`)).toBe(true);
  });
});

describe('what a finished order leaves behind', () => {
  it('a full history, a pending verified service record for the volunteer, and an audit trail', async () => {
    const id = await orderIn('closed', '走完全程的一张单');
    const view = (await requester.agent.get(`/api/orders/${id}`)).json();
    expect(view.events.map((e: { action: string }) => e.action)).toEqual(['submit', 'review', 'dispatch', 'accept', 'start', 'complete', 'rate', 'close']);
    expect(view.allowedActions).toEqual([]);
    const records = (await staffA.agent.get(`/api/hours?volunteerId=${v.id}&source=verified&pageSize=200`)).json().items;
    const mine = records.filter((r: { title: string }) => r.title === `群众点单：${view.title}`);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ status: 'pending', source: 'verified', hours: 1 });
    const audit = (await w.admin.agent.get(`/api/audit?objectId=${id}&pageSize=50`)).json().items.map((x: { action: string }) => x.action);
    expect([...audit].sort()).toEqual(
      ['orders.accept', 'orders.close', 'orders.complete', 'orders.dispatch', 'orders.placed', 'orders.rate', 'orders.review', 'orders.start'].sort(),
    );
  });

  it('shows each party only their own orders', async () => {
    const id = await orderIn('submitted');
    const stranger = await w.makeResident({ stationId: a.id });
    expect((await stranger.agent.get(`/api/orders/${id}`)).statusCode).toBe(404);
    expect((await requester.agent.get('/api/orders/mine')).json().items.map((o: { id: string }) => o.id)).toContain(id);
    expect((await stranger.agent.get('/api/orders/mine')).json().items).toEqual([]);
    expect((await staffB.agent.get(`/api/orders/${id}`)).statusCode).toBe(404);
    expect((await staffB.agent.get('/api/orders')).json().total).toBe(0);
  });
});
