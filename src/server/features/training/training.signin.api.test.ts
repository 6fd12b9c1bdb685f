import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { type Staff, type Unit, type View, type Volunteer, type World, makeTrainingSession, makeWorld } from '../../../../test/support/factories';

// 2026-12-01 09:00 in China.
const clock = manualClock(new Date('2026-12-01T01:00:00Z'));
let w: World;
let a: Unit;
let adminA: Staff;
let vol: Volunteer;
let session: View;

beforeAll(async () => {
  w = await makeWorld({ clock });
  a = await w.makeStation();
  adminA = await w.stationAdmin(a.id);
  vol = await w.makeVolunteer({ stationId: a.id });
  session = await makeTrainingSession(w, { topic: '志愿服务记录规范培训', hours: 2 });
});
afterAll(async () => w?.close());

const audits = async (action: string, objectId: string): Promise<number> =>
  (await w.admin.agent.get(`/api/audit?action=${action}&objectId=${objectId}`)).json().total;
const token = async (id = session.id): Promise<string> => (await w.admin.agent.get(`/api/training/sessions/${id}/sign-in-token`)).json().token;
const trainingRecords = (volunteerId: string) => w.t.deps.db.selectFrom('training_records').selectAll().where('volunteer_id', '=', volunteerId).execute();

describe('QR sign-in', () => {
  it('the holding unit’s staff show a rotating code pointing at the phone page; others may not', async () => {
    const res = await w.admin.agent.get(`/api/training/sessions/${session.id}/sign-in-token`);
    expect(res.statusCode).toBe(200);
    expect(res.json().signInPath).toMatch(new RegExp(`^/m/training/sign-in\\?s=${session.id}&t=`));
    expect((await adminA.agent.get(`/api/training/sessions/${session.id}/sign-in-token`)).statusCode).toBe(403);
  });

  it('a volunteer of a station below signs in on their phone: present, their training record written once; a second scan changes nothing', async () => {
    const seat = await vol.agent.get(`/api/training/sessions/${session.id}/me`);
    expect(seat.statusCode, seat.body).toBe(200);
    expect(seat.json()).toMatchObject({ topic: '志愿服务记录规范培训', hours: 2, trainee: { kind: 'volunteer', refId: vol.id, status: null } });
    const first = await vol.agent.post(`/api/training/sessions/${session.id}/sign-in`, { token: await token() });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ firstTime: true, topic: '志愿服务记录规范培训' });
    const again = await vol.agent.post(`/api/training/sessions/${session.id}/sign-in`, { token: await token() });
    expect(again.json()).toMatchObject({ firstTime: false, signedAt: first.json().signedAt });
    expect((await vol.agent.get(`/api/training/sessions/${session.id}/me`)).json().trainee).toMatchObject({ status: 'present', method: 'self' });
    expect((await w.admin.agent.get(`/api/volunteers/${vol.id}/training`)).json().total).toBe(1);
    expect(await audits('training.signed_in', session.id)).toBe(1);
  });

  it('a station admin below signs in as staff and counts for coverage', async () => {
    const res = await adminA.agent.post(`/api/training/sessions/${session.id}/sign-in`, { token: await token() });
    expect(res.statusCode, res.body).toBe(200);
    const cov = (await w.admin.agent.get(`/api/training/coverage/${a.id}?year=2026`)).json();
    expect(cov).toMatchObject({ trainedCount: 1 });
  });

  it('refuses a bad code, a resident, and a scan long after the start, with stable codes', async () => {
    const bad = await adminA.agent.post(`/api/training/sessions/${session.id}/sign-in`, { token: '1.abcdefghijklmnopqrstuv' });
    expect([bad.statusCode, bad.json().code]).toEqual([422, 'training.bad_token']);
    const resident = await w.makeResident({ stationId: a.id });
    const r = await resident.agent.post(`/api/training/sessions/${session.id}/sign-in`, { token: await token() });
    expect([r.statusCode, r.json().code]).toEqual([403, 'training.not_trainee']);
    expect((await resident.agent.get(`/api/training/sessions/${session.id}/me`)).statusCode).toBe(403);
    const later = await makeTrainingSession(w, { startsAt: '2026-11-20T01:00:00Z' });
    const closed = await adminA.agent.post(`/api/training/sessions/${later.id}/sign-in`, { token: await token(later.id) });
    expect([closed.statusCode, closed.json().code]).toEqual([409, 'training.sign_in_closed']);
    expect((await adminA.agent.post(`/api/training/sessions/${session.id}/sign-in`, { token: await token(), extra: 1 })).statusCode).toBe(400);
  });
});

describe('absent after present', () => {
  it('withdraws the volunteer’s training record with a counter-entry, never editing it; present again writes a new one', async () => {
    const mark = (status: string) => w.admin.agent.put(`/api/training/sessions/${session.id}/attendance`, { kind: 'volunteer', refId: vol.id, status });
    const [original] = await trainingRecords(vol.id);
    expect((await mark('absent')).json()).toMatchObject({ status: 'absent', method: null });
    expect((await w.admin.agent.get(`/api/volunteers/${vol.id}/training`)).json().total).toBe(0);
    const rows = await trainingRecords(vol.id);
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.id === original.id)).toEqual(original);
    expect(rows.find((r) => r.corrects_id === original.id)).toMatchObject({ minutes: -original.minutes, name: `撤销：${original.name}` });
    // Absent again: nothing more.
    expect((await mark('absent')).statusCode).toBe(200);
    expect(await trainingRecords(vol.id)).toHaveLength(2);
    // Present again: a fresh record stands.
    expect((await mark('present')).json()).toMatchObject({ status: 'present', method: 'staff' });
    expect(await trainingRecords(vol.id)).toHaveLength(3);
    expect((await w.admin.agent.get(`/api/volunteers/${vol.id}/training`)).json()).toMatchObject({ total: 1, items: [{ hours: 2 }] });
    const audited = (await w.admin.agent.get(`/api/audit?action=training.attendance_recorded&objectId=${session.id}`)).json();
    expect(audited.total).toBe(2);
  });
});

describe('materials', () => {
  it('the institute sets slides and handouts, listed on the session by name; a station admin below may open them', async () => {
    const slides = await w.upload(w.admin, 'slides.png');
    const res = await w.admin.agent.put(`/api/training/sessions/${session.id}/materials`, { fileIds: [slides] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().materials).toEqual([expect.objectContaining({ id: slides, name: 'slides.png', mime: 'image/png' })]);
    const seen = (await adminA.agent.get(`/api/training/sessions/${session.id}`)).json();
    expect(seen.materials.map((m: { id: string }) => m.id)).toEqual([slides]);
    expect((await adminA.agent.get(`/api/files/${slides}`)).statusCode).toBe(200);
    expect(await audits('training.materials_set', session.id)).toBe(1);
  });

  it('refuses a file the caller may not use, and a station admin setting them', async () => {
    const refused = await w.admin.agent.put(`/api/training/sessions/${session.id}/materials`, { fileIds: [randomUUID()] });
    expect([refused.statusCode, refused.json().code]).toEqual([422, 'training.bad_file']);
    expect((await adminA.agent.put(`/api/training/sessions/${session.id}/materials`, { fileIds: [] })).statusCode).toBe(403);
    expect((await w.admin.agent.get(`/api/training/sessions/${session.id}`)).json().materials).toHaveLength(1);
  });
});
