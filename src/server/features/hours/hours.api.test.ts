import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, upload } from '../../../../test/support/app';
import { manualClock } from '../../../../test/support/clock';
import { type Volunteer, type World, makeWorld } from '../../../../test/support/factories';
import { readSheet } from '../../../../test/support/xlsx';
import { makeIdNumber } from '../../../shared/rules/id-number';

const clock = manualClock(new Date('2026-11-20T04:00:00Z')); // Friday noon in Beijing
let w: World;
let t: TestApp;
let station01: string;
let instituteId: string;
let volunteerId: string;
let volunteer: Volunteer;
let otherVolunteer: Volunteer;
let s01: Agent;
let staff2: Agent;
let station02Staff: Agent;

beforeAll(async () => {
  w = await makeWorld({ clock });
  t = w.t;
  instituteId = w.instituteId;
  station01 = (await w.makeStation({ name: '金银社区新时代文明实践站' })).id;
  s01 = (await w.stationAdmin(station01)).agent;
  // A second staff member at station 01, so an entry by one can be approved by the other.
  staff2 = (await w.makeStaff('station_admin', station01, { name: '金银第二管理员' })).agent;
  station02Staff = (await w.stationAdmin((await w.makeStation({ name: '龙井湖社区新时代文明实践站' })).id)).agent;
  volunteer = await w.makeVolunteer({ stationId: station01 });
  otherVolunteer = await w.makeVolunteer({ stationId: station01 });
  volunteerId = volunteer.id;
});
afterAll(async () => w?.close());

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

const summary = async () => (await volunteer.agent.get('/api/hours/mine/summary')).json();

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
    expect(noEvidence.json().message).toContain('补录必须上传证明材料');
    for (const evidenceFileIds of [undefined, null, 'x']) {
      const left = await backfill(s01, { evidenceFileIds } as never);
      expect(left.statusCode).toBe(400);
      expect(left.json().code).toBe('validation.failed');
      expect(left.json().message, String(evidenceFileIds)).toContain('补录必须上传证明材料');
    }
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

    // A staff member who is also a volunteer (they sign up themself): their own service, entered by a colleague, they may not approve.
    const signup = await staff2.post('/api/volunteers/me', {
      ...{ name: '金银第二管理员', idNumber: makeIdNumber('500102', '1988-08-08', 77), phone: '13600007777', stationId: station01 },
      ...{ category: '热心群众', serviceCategories: ['助老助残'], agree: true },
    });
    expect(signup.statusCode).toBe(201);
    expect((await s01.post(`/api/volunteers/${signup.json().id}/transitions`, { action: 'certify' })).statusCode).toBe(200);
    const own = await backfill(s01, { volunteerId: signup.json().id, serviceDate: '2026-11-13' });
    expect(own.statusCode).toBe(201);
    const selfApprove = await staff2.post(`/api/hours/${own.json().id}/decision`, { decision: 'approve' });
    expect(selfApprove.statusCode).toBe(403);
    expect(selfApprove.json().code).toBe('hours.self_approval');
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
    // Even the database refuses to change or delete a decided record (about storage itself: the ledger's triggers).
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
    const admin = w.admin.agent;
    expect((await admin.post(`/api/hours/${late.json().id}/decision`, { decision: 'approve' })).json().status).toBe('approved');
    // 2026-11-06 + 10 working days = 2026-11-20 (today): still on time.
    const onTime = await backfill(s01, { serviceDate: '2026-11-06', startTime: '14:00', endTime: '16:00' });
    expect(onTime.json().late).toBe(false);
  });

  it('needs a reason to reject, and tells the volunteer', async () => {
    const rec = await backfill(s01, { serviceDate: '2026-11-19', startTime: '08:00', endTime: '09:00' });
    expect((await staff2.post(`/api/hours/${rec.json().id}/decision`, { decision: 'reject' })).json().code).toBe('hours.reason_required');
    expect((await staff2.post(`/api/hours/${rec.json().id}/decision`, { decision: 'reject', note: '签到表上没有本人签名' })).json().status).toBe('rejected');
    const notes = (await volunteer.agent.get('/api/notifications')).json().items;
    expect(notes.some((n: { title: string }) => n.title.includes('未通过'))).toBe(true);
  });

  it('gives another station 404 on records and summaries', async () => {
    const other = station02Staff;
    const rec = (await s01.get(`/api/hours?volunteerId=${volunteerId}`)).json().items[0];
    expect((await other.get(`/api/hours/${rec.id}`)).statusCode).toBe(404);
    expect((await other.post(`/api/hours/${rec.id}/decision`, { decision: 'approve' })).statusCode).toBe(404);
    expect((await other.get(`/api/volunteers/${volunteerId}/hours-summary`)).statusCode).toBe(404);
    expect((await otherVolunteer.agent.get(`/api/volunteers/${volunteerId}/hours-summary`)).statusCode).toBe(404);
  });
});

describe('star levels', () => {
  it('moves up exactly at the threshold, explains it, and lands on the recognition list', async () => {
    const admin = w.admin.agent;
    const start = await summary();
    const level = start.stars.level;
    const next = start.stars.nextThresholdHours as number;
    // Exact minutes: the summary rounds hours to one decimal, but every record this suite made is a whole number of
    // tenths of an hour, so the approved records' hours add up exactly.
    const approved = (await s01.get(`/api/hours?volunteerId=${volunteerId}&status=approved&pageSize=200`)).json();
    expect(approved.total).toBe(approved.items.length);
    const exact = approved.items.reduce((m: number, r: { hours: number }) => m + Math.round(r.hours * 60), 0);
    const gapMinutes = next * 60 - exact;
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
    const recognitions = (await admin.get('/api/stars/recognitions')).json();
    expect(recognitions).toMatchObject({ page: 1, pageSize: 20 });
    expect(recognitions.total).toBeGreaterThanOrEqual(1);
    const list = recognitions.items;
    expect(list.find((r: { volunteerId: string }) => r.volunteerId === volunteerId)).toMatchObject({ volunteerId, level: level + 1 });
    const newest = (await admin.get('/api/stars/recognitions?pageSize=1')).json();
    expect([newest.items.length, newest.total]).toEqual([1, recognitions.total]);
    const notes = (await volunteer.agent.get('/api/notifications')).json().items;
    expect(notes[0].title).toContain('星志愿者');
  });

  it('follows the institute rule when the thresholds change', async () => {
    const admin = w.admin.agent;
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
    const ok = await w.admin.agent.post('/api/hours/approve', { ids: [a.id, b.id] });
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
    const v = volunteer.agent;
    expect((await v.get(`/api/volunteers/${volunteerId}/training`)).json().items[0].name).toBe('志愿服务通识培训');
    // Training and awards page on the server, latest first (id breaks ties on the same day).
    await s01.post(`/api/volunteers/${volunteerId}/training`, { name: '急救培训', hours: 1, organiser: '马鞍街道新时代文明实践所', heldOn: '2026-11-12' });
    const t1 = (await v.get(`/api/volunteers/${volunteerId}/training?pageSize=1`)).json();
    const t2 = (await v.get(`/api/volunteers/${volunteerId}/training?pageSize=1&page=2`)).json();
    expect([t1.total, t1.page, t1.pageSize, t1.items[0].name, t2.items[0].name]).toEqual([2, 1, 1, '急救培训', '志愿服务通识培训']);
    await s01.post(`/api/volunteers/${volunteerId}/awards`, { name: '服务之星', issuer: '马鞍街道新时代文明实践所', awardedOn: '2026-11-05' });
    const a2 = (await v.get(`/api/volunteers/${volunteerId}/awards?pageSize=1&page=2`)).json();
    expect([a2.total, a2.page, a2.items.map((a: { name: string }) => a.name)]).toEqual([2, 2, ['优秀志愿者']]);
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
    const admin = w.admin.agent;
    expect((await admin.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await volunteer.agent.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await station02Staff.get(`/api/files/${fileId}`)).statusCode).toBe(404);
    // A sign-in sheet uploaded at the institute (by its admin, who entered the record); station staff still open it from their records.
    const byInstitute = await backfill(admin, { serviceDate: '2026-11-16', startTime: '08:00', endTime: '09:00' });
    expect(byInstitute.statusCode).toBe(201);
    expect((await staff2.post(`/api/hours/${byInstitute.json().id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
    const seeded = (await s01.get('/api/hours?status=approved&source=backfilled&pageSize=50'))
      .json()
      .items.find((r: { evidenceFileIds: string[]; enteredByName: string }) => r.evidenceFileIds.length && r.enteredByName === w.admin.name);
    expect((await s01.get(`/api/files/${seeded.evidenceFileIds[0]}`)).statusCode).toBe(200);
  });
});

describe('导出 Excel', () => {
  it('the star list: every recognition in scope, by level as on the page, audited', async () => {
    const list = (await w.admin.agent.get('/api/stars/recognitions?pageSize=200')).json();
    expect(list.total).toBeGreaterThan(0);
    const rows = await readSheet(await w.admin.agent.get('/api/stars/recognitions/export.xlsx'));
    expect(rows[1]).toEqual(['志愿者', '志愿者编号', '实践站', '达到星级', '晋升时累计认定时长（小时）', '晋升时间']);
    expect(rows.length - 2).toBe(list.total);
    expect(rows.slice(2).map((r) => r[0])).toContain(volunteer.name);
    const one = await readSheet(await w.admin.agent.get('/api/stars/recognitions/export.xlsx?level=1'));
    expect(one.slice(2).every((r) => r[3] === '一星')).toBe(true);
    expect((await readSheet(await w.admin.agent.get('/api/stars/recognitions/export.xlsx?level=9'))).length).toBe(2);
    expect((await w.admin.agent.get('/api/audit?action=hours.exported')).json().total).toBeGreaterThanOrEqual(3);
  });

  it('hours by volunteer: one row each, the list’s filters, the figures of the records, only the scope', async () => {
    const rows = await readSheet(await w.admin.agent.get('/api/hours/by-volunteer/export.xlsx?status=approved'));
    expect(rows[1]).toEqual(['志愿者', '志愿者编号', '记录条数', '已认定（小时）', '待审核（小时）', '未通过（小时）']);
    const mine = rows.slice(2).filter((r) => r[0] === volunteer.name);
    expect(mine).toHaveLength(1);
    const approved = (await s01.get(`/api/hours?volunteerId=${volunteerId}&status=approved&pageSize=200`)).json();
    const total = approved.items.reduce((h: number, r: { hours: number }) => h + r.hours, 0);
    expect(mine[0][2]).toBe(approved.total);
    expect(mine[0][3]).toBeCloseTo(total, 1);
    expect(mine[0][4]).toBe(0);
    const all = await readSheet(await w.admin.agent.get('/api/hours/by-volunteer/export.xlsx'));
    expect(new Set(all.slice(2).map((r) => r[0])).size).toBe(all.length - 2);
    // Another station's head sees none of station 01's volunteers.
    const other = await readSheet(await station02Staff.get('/api/hours/by-volunteer/export.xlsx'));
    expect(other.slice(2).map((r) => r[0])).not.toContain(volunteer.name);
    expect((await station02Staff.get(`/api/hours/by-volunteer/export.xlsx?unitId=${station01}`)).statusCode).toBe(404);
  });
});
