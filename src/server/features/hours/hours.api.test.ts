import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, makeTestApp, upload } from '../../../../test/support/app';
import { manualClock } from '../../../../test/support/clock';

const clock = manualClock(new Date('2026-11-20T04:00:00Z')); // Friday noon in Beijing
let t: TestApp;
let station01: string;
let instituteId: string;
let volunteerId: string;
let s01: Agent;
let staff2: Agent;

beforeAll(async () => {
  t = await makeTestApp({ clock });
  station01 = await t.unitId('金银社区新时代文明实践站');
  instituteId = await t.unitId('马鞍街道新时代文明实践所');
  s01 = await t.login('station01');
  // A second staff member at station 01, so an entry by one can be approved by the other.
  const created = await s01.post('/api/accounts', { username: 'jinyin.two', displayName: '金银第二管理员', role: 'station_admin', unitId: station01 });
  const otp = created.json().oneTimePassword;
  const first = await t.login('jinyin.two', otp);
  await first.post('/api/auth/password', { currentPassword: otp, newPassword: 'Jinyin#Second7' });
  staff2 = await t.login('jinyin.two', 'Jinyin#Second7');
  const me = await (await t.login('volunteer01')).get('/api/volunteers/me');
  volunteerId = me.json().volunteer.id;
});
afterAll(async () => t?.close());

async function backfill(agent: Agent, body: Partial<Record<string, unknown>> = {}) {
  const evidence = await upload(t, agent);
  return agent.post('/api/hours/backfill', {
    volunteerId,
    unitId: station01,
    title: '共享邻里情·敬老助老',
    serviceDate: '2026-11-18',
    startTime: '09:00',
    endTime: '12:00',
    content: '上门探望空巢老人',
    evidenceFileIds: [evidence],
    reason: '忘记签退，按纸质签到表补录',
    ...body,
  });
}

const summary = async () => (await (await t.login('volunteer01')).get('/api/hours/mine/summary')).json();

describe('backfilled hours', () => {
  it('needs evidence and a reason, and refuses bad times, the future and overlaps', async () => {
    const noEvidence = await s01.post('/api/hours/backfill', {
      volunteerId,
      unitId: station01,
      title: 'x',
      serviceDate: '2026-11-18',
      startTime: '09:00',
      endTime: '10:00',
      content: 'x',
      evidenceFileIds: [],
      reason: 'x',
    });
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().message).toContain('证明材料');
    expect((await backfill(s01, { startTime: '12:00', endTime: '09:00' })).json().code).toBe('hours.bad_time');
    expect((await backfill(s01, { serviceDate: '2026-11-21' })).json().code).toBe('hours.future');
  });

  it('refuses approval by the volunteer themself and by the person who entered it (403)', async () => {
    const rec = await backfill(s01);
    expect(rec.statusCode).toBe(201);
    expect(rec.json()).toMatchObject({ status: 'pending', source: 'backfilled', hours: 3, late: false, canDecide: false });
    const id = rec.json().id;
    const byEnterer = await s01.post(`/api/hours/${id}/decision`, { decision: 'approve' });
    expect(byEnterer.statusCode).toBe(403);
    expect(byEnterer.json().code).toBe('hours.entered_by_approver');
    const overlap = await backfill(staff2, { startTime: '11:00', endTime: '13:00' });
    expect(overlap.json().code).toBe('hours.overlap');

    // A staff member who is also a volunteer: recording their own service and approving it is refused.
    const self = await t.deps.db.selectFrom('accounts').select('person_id').where('username', '=', 'jinyin.two').executeTakeFirstOrThrow();
    await t.deps.db.updateTable('volunteers').set({ person_id: self.person_id }).where('id', '=', volunteerId).execute();
    const selfApprove = await staff2.post(`/api/hours/${id}/decision`, { decision: 'approve' });
    expect(selfApprove.statusCode).toBe(403);
    expect(selfApprove.json().code).toBe('hours.self_approval');
    const original = await t.deps.db.selectFrom('accounts').select('person_id').where('username', '=', 'volunteer01').executeTakeFirstOrThrow();
    await t.deps.db.updateTable('volunteers').set({ person_id: original.person_id }).where('id', '=', volunteerId).execute();
  });

  it('approves by a second staff member; totals and stars move; the record is then frozen', async () => {
    const before = await summary();
    const pending = (await staff2.get(`/api/hours?volunteerId=${volunteerId}&status=pending`))
      .json()
      .items.find((r: { serviceDate: string }) => r.serviceDate === '2026-11-18');
    expect(pending.canDecide).toBe(true);
    const ok = await staff2.post(`/api/hours/${pending.id}/decision`, { decision: 'approve' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', decidedByName: '金银第二管理员' });
    const after = await summary();
    expect(after.approvedHours).toBeCloseTo(before.approvedHours + 3, 5);
    expect((await staff2.post(`/api/hours/${pending.id}/decision`, { decision: 'reject', note: '改主意' })).json().code).toBe('hours.not_pending');
    // Even the database refuses to change or delete a decided record.
    await expect(sql`UPDATE service_records SET minutes = 9999 WHERE id = ${pending.id}`.execute(t.deps.db)).rejects.toThrow(/immutable/);
    await expect(sql`DELETE FROM service_records WHERE id = ${pending.id}`.execute(t.deps.db)).rejects.toThrow(/immutable/);
  });

  it('corrects an approved record only by a counter-entry that changes the totals once approved', async () => {
    const approved = (await s01.get(`/api/hours?volunteerId=${volunteerId}&status=approved&from=2026-11-18&to=2026-11-18`)).json().items[0];
    const before = await summary();
    const tooMuch = await s01.post(`/api/hours/${approved.id}/corrections`, { hoursDelta: -5, reason: '多记了' });
    expect(tooMuch.json().code).toBe('hours.correction_below_zero');
    const corr = await s01.post(`/api/hours/${approved.id}/corrections`, { hoursDelta: -1.5, reason: '实际 10:30 离开' });
    expect(corr.statusCode).toBe(201);
    expect(corr.json()).toMatchObject({ source: 'correction', hours: -1.5, correctsId: approved.id, status: 'pending' });
    expect((await summary()).approvedHours).toBeCloseTo(before.approvedHours, 5);
    await staff2.post(`/api/hours/${corr.json().id}/decision`, { decision: 'approve' });
    expect((await summary()).approvedHours).toBeCloseTo(before.approvedHours - 1.5, 5);
    const original = (await s01.get(`/api/hours/${approved.id}`)).json();
    expect(original).toMatchObject({ hours: 3, status: 'approved' });
  });

  it('flags a record entered after 10 working days, and only the institute may approve it', async () => {
    const late = await backfill(s01, { serviceDate: '2026-11-05', startTime: '14:00', endTime: '16:00' });
    expect(late.json()).toMatchObject({ late: true, flag: 'late_entry' });
    const byStation = await staff2.post(`/api/hours/${late.json().id}/decision`, { decision: 'approve' });
    expect(byStation.json().code).toBe('hours.needs_institute');
    const admin = await t.login('admin');
    expect((await admin.post(`/api/hours/${late.json().id}/decision`, { decision: 'approve' })).json().status).toBe('approved');
    // 2026-11-06 + 10 working days = 2026-11-20 (today): still on time.
    const onTime = await backfill(s01, { serviceDate: '2026-11-06', startTime: '14:00', endTime: '16:00' });
    expect(onTime.json().late).toBe(false);
  });

  it('needs a reason to reject, and tells the volunteer', async () => {
    const rec = await backfill(s01, { serviceDate: '2026-11-19', startTime: '08:00', endTime: '09:00' });
    expect((await staff2.post(`/api/hours/${rec.json().id}/decision`, { decision: 'reject' })).json().code).toBe('hours.reason_required');
    expect((await staff2.post(`/api/hours/${rec.json().id}/decision`, { decision: 'reject', note: '签到表上没有本人签名' })).json().status).toBe('rejected');
    const notes = (await (await t.login('volunteer01')).get('/api/notifications')).json().items;
    expect(notes.some((n: { title: string }) => n.title.includes('未通过'))).toBe(true);
  });

  it('gives another station 404 on records and summaries', async () => {
    const other = await t.login('station02');
    const rec = (await s01.get(`/api/hours?volunteerId=${volunteerId}`)).json().items[0];
    expect((await other.get(`/api/hours/${rec.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/hours/${rec.id}/decision`, { decision: 'approve' })).statusCode).toBe(404);
    expect((await other.get(`/api/volunteers/${volunteerId}/hours-summary`)).statusCode).toBe(404);
    expect((await (await t.login('volunteer02')).get(`/api/volunteers/${volunteerId}/hours-summary`)).statusCode).toBe(404);
  });
});

describe('star levels', () => {
  it('moves up exactly at the threshold, explains it, and lands on the recognition list', async () => {
    const admin = await t.login('admin');
    const start = await summary();
    const level = start.stars.level;
    const next = start.stars.nextThresholdHours as number;
    // Exact minutes from the ledger: the summary rounds hours to one decimal.
    const exact = await t.deps.db
      .selectFrom('service_records')
      .select((eb) => eb.fn.sum<number>('minutes').as('m'))
      .where('volunteer_id', '=', volunteerId)
      .where('status', '=', 'approved')
      .executeTakeFirstOrThrow();
    const gapMinutes = next * 60 - Number(exact.m);
    expect(start.stars.explanation).toContain('只计算经审核认定的服务时长');
    // Fill the gap in records of up to 8 hours, one minute short of the threshold first.
    let remaining = gapMinutes - 1;
    let day = 1;
    const enterAndApprove = async (minutes: number) => {
      const end = `${String(8 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const r = await backfill(s01, { serviceDate: `2026-10-${String(day).padStart(2, '0')}`, startTime: '08:00', endTime: end });
      day++;
      expect(r.statusCode).toBe(201);
      expect((await admin.post(`/api/hours/${r.json().id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
    };
    while (remaining > 0) {
      const m = Math.min(remaining, 8 * 60);
      await enterAndApprove(m);
      remaining -= m;
    }
    const justBelow = await summary();
    expect(justBelow.stars.level).toBe(level);
    expect(justBelow.stars.hoursToNext).toBeLessThanOrEqual(0.1);
    await enterAndApprove(1);
    const reached = await summary();
    expect(reached.stars.level).toBe(level + 1);
    expect(reached.starHistory[0]).toMatchObject({ level: level + 1, previousLevel: level });
    const list = (await admin.get('/api/stars/recognitions')).json().items;
    expect(list.find((r: { volunteerId: string }) => r.volunteerId === volunteerId)).toMatchObject({ volunteerId, level: level + 1 });
    const notes = (await (await t.login('volunteer01')).get('/api/notifications')).json().items;
    expect(notes[0].title).toContain('星志愿者');
  });

  it('follows the institute rule when the thresholds change', async () => {
    const admin = await t.login('admin');
    const before = await summary();
    await admin.put(`/api/settings/${instituteId}/rules/stars.thresholds`, { value: [1, 2, 3, 4, 5] });
    expect((await summary()).stars.level).toBe(5);
    await admin.delete(`/api/settings/${instituteId}/rules/stars.thresholds`);
    expect((await summary()).stars.level).toBe(before.stars.level);
  });
});

describe('bulk approval', () => {
  it('is all or nothing, naming the record that stopped it', async () => {
    const a = (await backfill(s01, { serviceDate: '2026-11-17', startTime: '08:00', endTime: '09:00' })).json();
    const b = (await backfill(staff2, { serviceDate: '2026-11-17', startTime: '10:00', endTime: '11:00' })).json();
    const res = await staff2.post('/api/hours/approve', { ids: [a.id, b.id] });
    expect(res.statusCode).toBe(403);
    expect(res.json().recordId).toBe(b.id);
    expect((await s01.get(`/api/hours/${a.id}`)).json().status).toBe('pending');
    const ok = await (await t.login('admin')).post('/api/hours/approve', { ids: [a.id, b.id] });
    expect(ok.json()).toEqual({ approved: 2 });
  });
});

describe('training, awards and correction requests', () => {
  it('records training and awards, and routes a volunteer’s correction request to staff', async () => {
    expect(
      (
        await s01.post(`/api/volunteers/${volunteerId}/training`, {
          name: '志愿服务通识培训',
          hours: 2,
          organiser: '马鞍街道新时代文明实践所',
          heldOn: '2026-11-10',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await s01.post(`/api/volunteers/${volunteerId}/awards`, { name: '优秀志愿者', issuer: '马鞍街道党工委', awardedOn: '2026-11-01' })).statusCode,
    ).toBe(201);
    const v = await t.login('volunteer01');
    expect((await v.get(`/api/volunteers/${volunteerId}/training`)).json().items[0].name).toBe('志愿服务通识培训');
    const reqRes = await v.post('/api/correction-requests', { message: '11 月 18 日的服务是 3 小时，少记了' });
    expect(reqRes.statusCode).toBe(201);
    const open = (await s01.get('/api/correction-requests?status=open')).json().items;
    expect(open.map((r: { id: string }) => r.id)).toContain(reqRes.json().id);
    // Paged on the server, newest first: the one just asked for leads the first page.
    clock.advance(1000);
    const second = await v.post('/api/correction-requests', { message: '11 月 20 日的服务地点记错了' });
    const page1 = (await v.get('/api/correction-requests?pageSize=1')).json();
    const page2 = (await v.get('/api/correction-requests?pageSize=1&page=2')).json();
    expect([page1.total, page1.page, page1.pageSize, page1.items[0].id]).toEqual([2, 1, 1, second.json().id]);
    expect([page2.page, page2.items[0].id]).toEqual([2, reqRes.json().id]);
    const done = await s01.post(`/api/correction-requests/${reqRes.json().id}/resolve`, { status: 'resolved', resolution: '已核对签到表并提交更正' });
    expect(done.json().status).toBe('resolved');
    expect((await s01.post(`/api/correction-requests/${reqRes.json().id}/resolve`, { status: 'declined', resolution: 'x' })).json().code).toBe(
      'hours.request_closed',
    );
  });
});

describe('evidence files', () => {
  it('open for staff whose scope covers the record citing them, and for the volunteer, not for another station', async () => {
    const rec = (await s01.get(`/api/hours?volunteerId=${volunteerId}&source=backfilled&pageSize=1`)).json().items[0];
    const fileId = rec.evidenceFileIds[0];
    const admin = await t.login('admin');
    expect((await admin.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await (await t.login('volunteer01')).get(`/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await (await t.login('station02')).get(`/api/files/${fileId}`)).statusCode).toBe(404);
    // The demo's sign-in sheet was uploaded at the institute; station staff still open it from their records.
    const seeded = (await s01.get('/api/hours?status=approved&source=backfilled&pageSize=50'))
      .json()
      .items.find((r: { evidenceFileIds: string[]; enteredByName: string }) => r.evidenceFileIds.length && r.enteredByName === '李文彬');
    expect((await (await t.login('station01')).get(`/api/files/${seeded.evidenceFileIds[0]}`)).statusCode).toBe(200);
  });
});
