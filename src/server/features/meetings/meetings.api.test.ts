import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { type Staff, type Unit, type View, type World, makeMeeting, makeWorld } from '../../../../test/support/factories';
import { tickMeetings } from './meetings.tick';

// 2026-12-01 09:00 in China.
const clock = manualClock(new Date('2026-12-01T01:00:00Z'));
let w: World;
let a: Unit;
let b: Unit;
let adminA: Staff;
let adminB: Staff;
let meeting: View & { leaderRefId: string };

beforeAll(async () => {
  w = await makeWorld({ clock });
  a = await w.makeStation();
  b = await w.makeStation();
  adminA = await w.stationAdmin(a.id);
  adminB = await w.stationAdmin(b.id);
  meeting = await makeMeeting(w, { attendees: [w.admin, adminA] });
});
afterAll(async () => w?.close());

type Seat = { id: string; source: string; refId: string; status: string; signedAt: string | null; method: string | null; absentReason: string | null };
const seats = async (id = meeting.id): Promise<Seat[]> => (await w.admin.agent.get(`/api/meetings/${id}`)).json().attendees;
const token = async (id = meeting.id): Promise<string> => (await w.admin.agent.get(`/api/meetings/${id}/sign-in-token`)).json().token;
const audits = async (action: string, objectId: string): Promise<number> =>
  (await w.admin.agent.get(`/api/audit?action=${action}&objectId=${objectId}`)).json().total;

describe('planning a meeting', () => {
  it('offers the leading group and the staff of the institute and its stations as attendees', async () => {
    const res = await w.admin.agent.get(`/api/meetings/candidates?unitId=${w.instituteId}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ page: 1 });
    const refs = body.items.map((c: { refId: string }) => c.refId);
    expect(refs).toEqual(expect.arrayContaining([meeting.leaderRefId, adminA.accountId, adminB.accountId, w.admin.accountId]));
    expect(body.items.find((c: { refId: string }) => c.refId === meeting.leaderRefId)).toMatchObject({ source: 'leading_group', hasAccount: false });
  });

  it('is created planned, with its agenda and attendees in order, and audited', async () => {
    expect(meeting).toMatchObject({
      status: 'planned',
      kind: 'joint',
      unitId: w.instituteId,
      agenda: ['通报上季度工作', '研究组建志愿服务队伍'],
      attendeeCount: 3,
      presentCount: 0,
    });
    expect((await seats()).map((s) => s.refId)).toEqual([meeting.leaderRefId, w.admin.accountId, adminA.accountId]);
    expect(await audits('meetings.created', meeting.id)).toBe(1);
    const list = (await w.admin.agent.get('/api/meetings?pageSize=5')).json();
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 5 });
    expect(list.items[0]).toMatchObject({ id: meeting.id, attendeeCount: 3 });
  });

  it('refuses bad input with stable codes', async () => {
    const base = { unitId: w.instituteId, title: '专题会议', kind: 'special', startsAt: '2026-12-05T02:00:00Z', place: '会议室', agenda: ['议题'] };
    const ok = [{ source: 'staff', refId: adminA.accountId }];
    expect((await w.admin.agent.post('/api/meetings', { ...base, kind: 'party', attendees: ok })).json().code).toBe('validation.failed');
    expect((await w.admin.agent.post('/api/meetings', { ...base, agenda: [], attendees: ok })).statusCode).toBe(400);
    expect((await w.admin.agent.post('/api/meetings', { ...base, attendees: ok, extra: 1 })).statusCode).toBe(400);
    const stranger = await w.admin.agent.post('/api/meetings', { ...base, attendees: [{ source: 'staff', refId: '00000000-0000-4000-8000-000000000000' }] });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().code).toBe('meetings.bad_attendee');
    // A leading-group member passed off as a staff account is not a staff account.
    expect((await w.admin.agent.post('/api/meetings', { ...base, attendees: [{ source: 'staff', refId: meeting.leaderRefId }] })).json().code).toBe(
      'meetings.bad_attendee',
    );
    const onStation = await w.admin.agent.post('/api/meetings', { ...base, unitId: a.id, attendees: ok });
    expect(onStation.statusCode).toBe(422);
    expect(onStation.json().code).toBe('meetings.not_institute');
    expect((await w.admin.agent.get('/api/meetings/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('is planned by the institute only: a station admin gets 403 and does not read it', async () => {
    const body = {
      unitId: w.instituteId,
      title: '越权会议',
      kind: 'regular',
      startsAt: '2026-12-05T02:00:00Z',
      place: '会议室',
      agenda: ['议题'],
      attendees: [{ source: 'staff', refId: adminA.accountId }],
    };
    const byStation = await adminA.agent.post('/api/meetings', body);
    expect(byStation.statusCode).toBe(403);
    expect(byStation.json().code).toBe('access.denied');
    expect((await adminA.agent.patch(`/api/meetings/${meeting.id}`, { place: '改地点' })).statusCode).toBe(403);
    expect((await adminA.agent.get(`/api/meetings/${meeting.id}`)).statusCode).toBe(404);
    expect((await adminA.agent.get('/api/meetings')).json().total).toBe(0);
    expect((await w.admin.agent.get(`/api/meetings/${meeting.id}`)).json().canWrite).toBe(true);
  });
});

describe('signing in', () => {
  it('lets an attendee sign in on the phone with the room token, once, keeping the first time', async () => {
    const seat = (await adminA.agent.get(`/api/meetings/${meeting.id}/me`)).json();
    expect(seat).toMatchObject({ meetingId: meeting.id, attendee: { status: 'pending', hasAccount: true } });
    const first = await adminA.agent.post(`/api/meetings/${meeting.id}/sign-in`, { token: await token() });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ firstTime: true, name: adminA.name });
    const again = await adminA.agent.post(`/api/meetings/${meeting.id}/sign-in`, { token: await token() });
    expect(again.json()).toMatchObject({ firstTime: false, signedAt: first.json().signedAt });
    expect((await seats()).find((s) => s.refId === adminA.accountId)).toMatchObject({ status: 'present', method: 'self' });
  });

  it('counts parallel scans by the same person once', async () => {
    const t = await token();
    const results = await Promise.all(Array.from({ length: 6 }, () => w.admin.agent.post(`/api/meetings/${meeting.id}/sign-in`, { token: t })));
    expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(results.filter((r) => r.json().firstTime)).toHaveLength(1);
    expect(new Set(results.map((r) => r.json().signedAt)).size).toBe(1);
    expect(await audits('meetings.signed_in', meeting.id)).toBe(2);
  });

  it('refuses a forged or stale token, a person not on the list and a volunteer', async () => {
    const bad = await adminA.agent.post(`/api/meetings/${meeting.id}/sign-in`, { token: '1.AAAAAAAAAAAAAAAAAAAAAA' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('meetings.bad_token');
    // A token of another meeting does not open this one.
    const other = await makeMeeting(w, { attendees: [adminA], title: '工作例会', kind: 'regular' });
    expect((await adminA.agent.post(`/api/meetings/${meeting.id}/sign-in`, { token: await token(other.id) })).json().code).toBe('meetings.bad_token');
    const notListed = await adminB.agent.post(`/api/meetings/${meeting.id}/sign-in`, { token: await token() });
    expect(notListed.statusCode).toBe(403);
    expect(notListed.json().code).toBe('meetings.not_attendee');
    expect((await adminB.agent.get(`/api/meetings/${meeting.id}/me`)).json().attendee).toBeUndefined();
    const v = await w.makeVolunteer({ stationId: a.id });
    expect((await v.agent.post(`/api/meetings/${meeting.id}/sign-in`, { token: await token() })).statusCode).toBe(403);
  });

  it('lets staff sign someone in, or mark them absent with a reason', async () => {
    const leader = (await seats()).find((s) => s.refId === meeting.leaderRefId) as Seat;
    const noReason = await w.admin.agent.put(`/api/meetings/${meeting.id}/attendees/${leader.id}`, { status: 'absent' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().code).toBe('meetings.reason_required');
    const absent = await w.admin.agent.put(`/api/meetings/${meeting.id}/attendees/${leader.id}`, { status: 'absent', reason: '出差' });
    expect(absent.json()).toMatchObject({ status: 'absent', absentReason: '出差' });
    const present = await w.admin.agent.put(`/api/meetings/${meeting.id}/attendees/${leader.id}`, { status: 'present' });
    expect(present.json()).toMatchObject({ status: 'present', method: 'staff', absentReason: null });
    expect((await adminA.agent.put(`/api/meetings/${meeting.id}/attendees/${leader.id}`, { status: 'pending' })).statusCode).toBe(403);
    expect((await w.admin.agent.put(`/api/meetings/${meeting.id}/attendees/00000000-0000-4000-8000-000000000000`, { status: 'present' })).statusCode).toBe(404);
    expect(await audits('meetings.attendance_marked', meeting.id)).toBe(2);
  });
});

describe('resolutions and follow-ups', () => {
  let mine: { id: string };
  let theirs: { id: string };

  it('are recorded once the meeting is held, owned by the institute or one of its stations', async () => {
    const early = await w.admin.agent.post(`/api/meetings/${meeting.id}/resolutions`, {
      content: '组建志愿服务分队',
      ownerUnitId: a.id,
      deadline: '2026-12-10',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('meetings.bad_status');
    expect((await w.admin.agent.post(`/api/meetings/${meeting.id}/held`)).json().status).toBe('held');
    expect((await w.admin.agent.post(`/api/meetings/${meeting.id}/held`)).json().code).toBe('meetings.bad_status');
    const res = await w.admin.agent.post(`/api/meetings/${meeting.id}/resolutions`, { content: '组建志愿服务分队', ownerUnitId: a.id, deadline: '2026-12-10' });
    expect(res.statusCode).toBe(201);
    mine = res.json();
    expect(res.json()).toMatchObject({ ownerUnitId: a.id, status: 'open', overdue: false, meetingTitle: meeting.title });
    theirs = (
      await w.admin.agent.post(`/api/meetings/${meeting.id}/resolutions`, { content: '整合资源平台', ownerUnitId: b.id, deadline: '2026-12-20' })
    ).json();
    const badOwner = await w.admin.agent.post(`/api/meetings/${meeting.id}/resolutions`, {
      content: '无主事项',
      ownerUnitId: '00000000-0000-4000-8000-000000000000',
      deadline: '2026-12-20',
    });
    expect(badOwner.json().code).toBe('meetings.bad_owner');
    expect((await w.admin.agent.post(`/api/meetings/${meeting.id}/resolutions`, { content: '日期错', ownerUnitId: a.id, deadline: '12/20' })).statusCode).toBe(
      400,
    );
    expect(await audits('meetings.resolution_added', mine.id)).toBe(1);
  });

  it('are seen by the owner station only; another station gets 404', async () => {
    const seenByA = (await adminA.agent.get('/api/resolutions')).json();
    expect(seenByA).toMatchObject({ total: 1, page: 1 });
    expect(seenByA.items[0].id).toBe(mine.id);
    expect((await adminB.agent.get('/api/resolutions')).json().items.map((r: { id: string }) => r.id)).toEqual([theirs.id]);
    expect((await adminB.agent.get(`/api/resolutions/${mine.id}`)).statusCode).toBe(404);
    const foreign = await adminB.agent.post(`/api/resolutions/${mine.id}/follow-ups`, { note: '越权跟进' });
    expect(foreign.statusCode).toBe(404);
    expect((await w.admin.agent.get('/api/resolutions')).json().total).toBe(2);
    expect((await w.admin.agent.get(`/api/resolutions?ownerUnitId=${b.id}`)).json().items.map((r: { id: string }) => r.id)).toEqual([theirs.id]);
  });

  it('take append-only follow-ups from the owner, with status moves; cancelling needs a reason', async () => {
    const res = await adminA.agent.post(`/api/resolutions/${mine.id}/follow-ups`, { note: '已召集骨干商议', status: 'in_progress' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      status: 'in_progress',
      noteCount: 1,
      notes: [{ note: '已召集骨干商议', statusFrom: 'open', statusTo: 'in_progress', byName: adminA.name }],
    });
    const plain = await adminA.agent.post(`/api/resolutions/${mine.id}/follow-ups`, { note: '已报名 12 人' });
    expect(plain.json().notes.map((n: { note: string }) => n.note)).toEqual(['已召集骨干商议', '已报名 12 人']);
    const noReason = await adminA.agent.post(`/api/resolutions/${mine.id}/follow-ups`, { note: '不办了', status: 'cancelled' });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().code).toBe('meetings.reason_required');
    expect((await adminA.agent.post(`/api/resolutions/${mine.id}/follow-ups`, { note: '', status: 'done' })).statusCode).toBe(400);
    expect((await adminA.agent.post(`/api/resolutions/${mine.id}/follow-ups`, { note: '分队成立', status: 'closed' })).statusCode).toBe(400);
    expect(await audits('meetings.resolution_followed_up', mine.id)).toBe(2);
  });
});

describe('minutes', () => {
  it('are published only when written, then frozen; the PDF is served', async () => {
    const empty = await w.admin.agent.post(`/api/meetings/${meeting.id}/publish`);
    expect(empty.statusCode).toBe(422);
    expect(empty.json().code).toBe('meetings.minutes_required');
    const attachment = await w.upload(w.admin, 'agenda.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'));
    const patched = await w.admin.agent.patch(`/api/meetings/${meeting.id}`, {
      minutes: '会议研究了组建志愿服务队伍、整合资源平台等事项。',
      attachmentFileIds: [attachment],
    });
    expect(patched.json()).toMatchObject({
      minutes: '会议研究了组建志愿服务队伍、整合资源平台等事项。',
      attachments: [{ id: attachment, name: 'agenda.pdf' }],
    });
    // A file that does not exist (or the caller may not use) is refused.
    const foreignFile = '00000000-0000-4000-8000-000000000000';
    expect((await w.admin.agent.patch(`/api/meetings/${meeting.id}`, { attachmentFileIds: [foreignFile] })).json().code).toBe('meetings.bad_file');
    expect((await w.admin.agent.patch(`/api/meetings/${meeting.id}`, { attendees: [{ source: 'staff', refId: adminB.accountId }] })).json().code).toBe(
      'meetings.bad_status',
    );
    const published = await w.admin.agent.post(`/api/meetings/${meeting.id}/publish`);
    expect(published.json()).toMatchObject({ status: 'published' });
    expect(published.json().publishedAt).toBeTruthy();
    expect((await w.admin.agent.patch(`/api/meetings/${meeting.id}`, { minutes: '改纪要' })).statusCode).toBe(409);
    expect((await adminA.agent.post(`/api/meetings/${meeting.id}/sign-in`, { token: '1.AAAAAAAAAAAAAAAAAAAAAA' })).statusCode).toBe(422);
    const pdf = await w.admin.agent.get(`/api/meetings/${meeting.id}/minutes.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await adminA.agent.get(`/api/meetings/${meeting.id}/minutes.pdf`)).statusCode).toBe(404);
  });
});

describe('overdue resolutions', () => {
  it('tell the owner unit’s admins once, even when two ticks run at the same time', async () => {
    expect(await tickMeetings(w.t.deps)).toEqual({ notified: 0 });
    // 2026-12-10 is the deadline: still in time all that day in China; overdue from 00:00 on the 11th (16:00 UTC on the 10th).
    clock.set(new Date('2026-12-10T15:59:00Z'));
    await w.advance(0);
    expect(await tickMeetings(w.t.deps)).toEqual({ notified: 0 });
    clock.set(new Date('2026-12-10T16:01:00Z'));
    await w.advance(0);
    const [one, two] = await Promise.all([tickMeetings(w.t.deps), tickMeetings(w.t.deps)]);
    expect(one.notified + two.notified).toBe(1);
    expect(await tickMeetings(w.t.deps)).toEqual({ notified: 0 });
    const notes = (await adminA.agent.get('/api/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'meetings.resolution_overdue');
    expect(notes).toHaveLength(1);
    expect(notes[0].title).toContain('组建志愿服务分队');
    expect((await adminB.agent.get('/api/notifications')).json().items.filter((n: { kind: string }) => n.kind === 'meetings.resolution_overdue')).toHaveLength(
      0,
    );
    const overdue = (await adminA.agent.get('/api/resolutions?overdue=true')).json();
    expect(overdue.total).toBe(1);
    expect(overdue.items[0]).toMatchObject({ overdue: true, status: 'in_progress' });
    expect((await adminB.agent.get('/api/resolutions?overdue=true')).json().total).toBe(0);
  });

  it('stop being overdue once done, and a closed one takes no more follow-ups', async () => {
    const mine = (await adminA.agent.get('/api/resolutions?overdue=true')).json().items[0];
    const done = await adminA.agent.post(`/api/resolutions/${mine.id}/follow-ups`, { note: '分队已成立', status: 'done' });
    expect(done.json()).toMatchObject({ status: 'done', overdue: false });
    expect(done.json().closedAt).toBeTruthy();
    const after = await adminA.agent.post(`/api/resolutions/${mine.id}/follow-ups`, { note: '补充' });
    expect(after.statusCode).toBe(409);
    expect(after.json().code).toBe('meetings.resolution_closed');
    expect((await adminA.agent.get('/api/resolutions?overdue=true')).json().total).toBe(0);
    expect((await adminA.agent.get('/api/resolutions?state=open')).json().total).toBe(0);
  });
});
