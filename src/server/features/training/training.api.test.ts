import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { type Entered, type Staff, type Unit, type View, type World, makeTrainingSession, makeWorld } from '../../../../test/support/factories';

// 2026-12-01 09:00 in China.
const clock = manualClock(new Date('2026-12-01T01:00:00Z'));
let w: World;
let a: Unit;
let b: Unit;
let adminA: Staff;
let adminB: Staff;
let vol: Entered;
let session: View;
type Row = { unitId: string; staffCount: number; trainedCount: number; percent: number; nobodyTrained: boolean };

beforeAll(async () => {
  w = await makeWorld({ clock });
  a = await w.makeStation();
  b = await w.makeStation();
  adminA = await w.stationAdmin(a.id);
  adminB = await w.stationAdmin(b.id);
  vol = await w.enterVolunteer({ stationId: a.id });
  session = await makeTrainingSession(w, { topic: '志愿服务记录规范培训', hours: 2 });
});
afterAll(async () => w?.close());

const audits = async (action: string, objectId: string): Promise<number> =>
  (await w.admin.agent.get(`/api/audit?action=${action}&objectId=${objectId}`)).json().total;
const mark = (body: { kind: string; refId: string; status: string }, who: Staff = w.admin) =>
  who.agent.put(`/api/training/sessions/${session.id}/attendance`, body);

describe('a training session', () => {
  it('is created planned with its hours, listed paged, and audited', async () => {
    expect(session).toMatchObject({ unitId: w.instituteId, topic: '志愿服务记录规范培训', hours: 2, status: 'planned', presentCount: 0, canWrite: true });
    expect(await audits('training.created', session.id)).toBe(1);
    const list = (await w.admin.agent.get('/api/training/sessions?pageSize=5')).json();
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 5 });
    expect(list.items[0]).toMatchObject({ id: session.id });
  });

  it('refuses bad input with stable codes', async () => {
    const base = { unitId: w.instituteId, topic: '业务培训', content: '内容', trainer: '讲师', hours: 1.5, place: '培训室', startsAt: '2026-12-05T02:00:00Z' };
    const post = (body: object) => w.admin.agent.post('/api/training/sessions', body);
    expect((await post({ ...base, unitId: a.id })).json().code).toBe('training.bad_unit');
    expect((await post({ ...base, unitId: a.id })).statusCode).toBe(422);
    expect((await post({ ...base, hours: 0 })).statusCode).toBe(400);
    expect((await post({ ...base, hours: 1.2 })).statusCode).toBe(400);
    expect((await post({ ...base, extra: 1 })).statusCode).toBe(400);
    expect((await post({ ...base, startsAt: '明天' })).statusCode).toBe(400);
    expect((await post({ ...base, unitId: randomUUID() })).statusCode).toBe(404);
    const bad = await post({ ...base, materialFileIds: [randomUUID()] });
    expect([bad.statusCode, bad.json().code]).toEqual([422, 'training.bad_file']);
    expect((await w.admin.agent.get(`/api/training/sessions/${randomUUID()}`)).statusCode).toBe(404);
  });
});

describe('attendance', () => {
  it('is recorded once for staff, however often it is sent, and marks the session held', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await mark({ kind: 'staff', refId: adminA.accountId, status: 'present' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ kind: 'staff', refId: adminA.accountId, status: 'present' });
    }
    expect(await audits('training.attendance_recorded', session.id)).toBe(1);
    expect((await w.admin.agent.get(`/api/training/sessions/${session.id}`)).json()).toMatchObject({ status: 'held', presentCount: 1 });
  });

  it("writes a volunteer's training record once, visible on their record", async () => {
    for (let i = 0; i < 2; i++) expect((await mark({ kind: 'volunteer', refId: vol.id, status: 'present' })).statusCode).toBe(200);
    const records = (await w.admin.agent.get(`/api/volunteers/${vol.id}/training`)).json();
    expect(records).toMatchObject({ total: 1 });
    expect(records.items[0]).toMatchObject({ name: '志愿服务记录规范培训', hours: 2, heldOn: '2026-12-01' });
    const vols = (await w.admin.agent.get(`/api/training/sessions/${session.id}/trainees?kind=volunteer`)).json();
    expect(vols.items).toEqual([expect.objectContaining({ refId: vol.id, status: 'present' })]);
  });

  it('counts a volunteer once when eight first marks arrive at the same moment: one record, one mark, no 5xx', async () => {
    const other = await w.enterVolunteer({ stationId: a.id });
    const replies = await Promise.all(Array.from({ length: 8 }, () => mark({ kind: 'volunteer', refId: other.id, status: 'present' })));
    expect(replies.map((r) => r.statusCode)).toEqual(Array(8).fill(200));
    expect((await w.admin.agent.get(`/api/volunteers/${other.id}/training`)).json().total).toBe(1);
    const vols = (await w.admin.agent.get(`/api/training/sessions/${session.id}/trainees?kind=volunteer&pageSize=200`)).json();
    expect(vols.items.filter((t: { refId: string }) => t.refId === other.id)).toHaveLength(1);
  });

  it('lists the staff of the institute and its stations with their marks', async () => {
    const staff = (await w.admin.agent.get(`/api/training/sessions/${session.id}/trainees?pageSize=50`)).json();
    expect(staff.total).toBe(3);
    const byId = new Map(staff.items.map((t: { refId: string; status: string | null }) => [t.refId, t.status]));
    expect(byId.get(adminA.accountId)).toBe('present');
    expect(byId.get(adminB.accountId)).toBeNull();
  });

  it('refuses someone outside the units, with a stable code', async () => {
    const res = await mark({ kind: 'volunteer', refId: randomUUID(), status: 'present' });
    expect([res.statusCode, res.json().code]).toEqual([422, 'training.bad_trainee']);
    expect((await mark({ kind: 'staff', refId: 'x', status: 'present' })).statusCode).toBe(400);
    expect((await mark({ kind: 'staff', refId: adminB.accountId, status: 'maybe' })).statusCode).toBe(400);
  });
});

describe('coverage', () => {
  it('counts per unit the staff trained this year, red where nobody was', async () => {
    const body = (await w.admin.agent.get('/api/training/coverage?year=2026')).json();
    expect(body).toMatchObject({ total: 3, page: 1 });
    const by = new Map<string, Row>(body.items.map((r: Row) => [r.unitId, r]));
    expect(by.get(w.instituteId)).toMatchObject({ staffCount: 1, trainedCount: 0, percent: 0, nobodyTrained: true });
    expect(by.get(a.id)).toMatchObject({ staffCount: 1, trainedCount: 1, percent: 100, nobodyTrained: false });
    expect(by.get(b.id)).toMatchObject({ staffCount: 1, trainedCount: 0, nobodyTrained: true });
    for (const r of body.items as Row[]) {
      const detail = (await w.admin.agent.get(`/api/training/coverage/${r.unitId}?year=2026`)).json();
      expect(detail).toMatchObject({ staffCount: r.staffCount, trainedCount: r.trainedCount });
      expect(detail.staff.filter((s: { trained: boolean }) => s.trained)).toHaveLength(r.trainedCount);
    }
    const lastYear = (await w.admin.agent.get('/api/training/coverage?year=2025')).json();
    expect(lastYear.items.every((r: Row) => r.trainedCount === 0)).toBe(true);
    expect((await w.admin.agent.get('/api/training/coverage?year=abc')).statusCode).toBe(400);
  });
});

describe('access', () => {
  it("lets a station admin read the institute's sessions and only their own unit's coverage", async () => {
    expect((await adminB.agent.get('/api/training/sessions')).json().total).toBeGreaterThanOrEqual(1);
    expect((await adminB.agent.get(`/api/training/sessions/${session.id}`)).json()).toMatchObject({ canWrite: false, canSeeAttendance: false });
    const mine = (await adminB.agent.get('/api/training/coverage?year=2026')).json();
    expect(mine.items.map((r: Row) => r.unitId)).toEqual([b.id]);
    expect((await adminB.agent.get(`/api/training/coverage/${a.id}?year=2026`)).statusCode).toBe(404);
    expect((await adminB.agent.get(`/api/training/coverage/${b.id}?year=2026`)).statusCode).toBe(200);
    expect((await adminB.agent.post('/api/training/sessions', { unitId: w.instituteId })).statusCode).toBeGreaterThanOrEqual(400);
    expect((await mark({ kind: 'staff', refId: adminB.accountId, status: 'present' }, adminB)).statusCode).toBe(403);
  });

  it('lets the district viewer read but not write', async () => {
    const viewer = await w.makeDistrictViewer();
    expect((await viewer.agent.get('/api/training/sessions')).statusCode).toBe(200);
    expect((await viewer.agent.get('/api/training/coverage?year=2026')).json().total).toBe(3);
    const base = { unitId: w.instituteId, topic: '业务培训', content: '内容', trainer: '讲师', hours: 1, place: '培训室', startsAt: '2026-12-05T02:00:00Z' };
    expect((await viewer.agent.post('/api/training/sessions', base)).statusCode).toBe(403);
    expect((await viewer.agent.post('/api/training/sessions', { ...base, unitId: viewer.districtId })).statusCode).toBe(403);
    expect((await mark({ kind: 'staff', refId: adminB.accountId, status: 'present' }, viewer)).statusCode).toBe(403);
  });
});
