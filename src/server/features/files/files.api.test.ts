import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_PNG, multipart } from '../../../../test/support/app';
import {
  type Signed,
  type Staff,
  type Unit,
  type Volunteer,
  type World,
  makeFundEntry,
  makeMeeting,
  makePlanTask,
  makeWorld,
} from '../../../../test/support/factories';

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const MAX = 10 * 1024 * 1024;

let w: World;
let a: Unit;
let b: Unit;
let staffA: Staff;
let staffB: Staff;
let vA: Volunteer;

beforeAll(async () => {
  w = await makeWorld();
  a = await w.makeStation();
  b = await w.makeStation();
  staffA = await w.stationAdmin(a.id);
  staffB = await w.stationAdmin(b.id);
  vA = await w.makeVolunteer({ stationId: a.id });
});
afterAll(async () => w?.close());

function send(who: Signed | null, name: string, bytes: Buffer, contentType = 'application/octet-stream') {
  const body = multipart('file', name, bytes, contentType);
  const headers = who ? { ...body.headers, cookie: who.agent.cookie, 'x-csrf-token': who.agent.csrfToken } : body.headers;
  return w.t.app.inject({ method: 'POST', url: '/api/files', headers, payload: body.payload });
}

describe('uploading', () => {
  it.each([
    ['photo.png', TINY_PNG, 'image/png'],
    ['photo.JPG', JPEG, 'image/jpeg'],
    ['photo.jpeg', JPEG, 'image/jpeg'],
    ['form.pdf', PDF, 'application/pdf'],
  ])('takes %s whose bytes are what the name says', async (name, bytes, mime) => {
    const res = await send(vA, name, bytes);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name, mime, size: bytes.length });
    const back = await vA.agent.get(`/api/files/${res.json().id}`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe(mime);
    expect(back.headers['x-content-type-options']).toBe('nosniff');
    expect(back.rawPayload.equals(bytes)).toBe(true);
  });

  it('answers a byte range with 206 and just those bytes, so a browser can seek in a long video', async () => {
    const doc = Buffer.concat([PDF, Buffer.alloc(1000, 0x20), Buffer.from('%%EOF\n')]);
    const id = (await send(vA, 'long.pdf', doc)).json().id;
    const get = (range?: string) =>
      w.t.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: { cookie: vA.agent.cookie, ...(range ? { range } : {}) } });
    const whole = await get();
    expect([whole.statusCode, whole.headers['accept-ranges'], whole.rawPayload.length]).toEqual([200, 'bytes', doc.length]);
    const part = await get('bytes=100-199');
    expect([part.statusCode, part.headers['content-range']]).toEqual([206, `bytes 100-199/${doc.length}`]);
    expect(part.rawPayload.equals(doc.subarray(100, 200))).toBe(true);
    const tail = await get('bytes=-6');
    expect([tail.statusCode, tail.rawPayload.toString()]).toEqual([206, '%%EOF\n']);
    const open = await get(`bytes=${doc.length - 10}-`);
    expect([open.statusCode, open.rawPayload.length]).toEqual([206, 10]);
    const past = await get(`bytes=${doc.length + 5}-`);
    expect([past.statusCode, past.headers['content-range']]).toEqual([416, `bytes */${doc.length}`]);
    // Several ranges, or a header that is not a byte range: the whole file, as the RFC allows.
    expect((await get('bytes=0-1,5-6')).statusCode).toBe(200);
    expect((await get('lines=1-2')).statusCode).toBe(200);
    // The access check comes first: another station's staff get 404 whatever the range.
    const foreign = await w.t.app.inject({ method: 'GET', url: `/api/files/${id}`, headers: { cookie: staffB.agent.cookie, range: 'bytes=0-1' } });
    expect(foreign.statusCode).toBe(404);
  });

  it.each([
    ['a PNG named .jpg', 'photo.jpg', TINY_PNG, 'image/jpeg'],
    ['a PDF named .png', 'photo.png', PDF, 'image/png'],
    ['text named .png', 'photo.png', Buffer.from('hello, this is not an image'), 'image/png'],
    ['HTML named .pdf', 'page.pdf', Buffer.from('<html><script>alert(1)</script></html>'), 'application/pdf'],
    ['an SVG', 'logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/svg+xml'],
    ['an executable', 'tool.exe', Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), 'application/octet-stream'],
    ['a name with no extension', 'photo', TINY_PNG, 'image/png'],
    ['a PNG cut shorter than its signature', 'photo.png', TINY_PNG.subarray(0, 4), 'image/png'],
  ])('refuses %s (415 files.bad_type), whatever content type the client claims', async (_what, name, bytes, claimed) => {
    const res = await send(vA, name, bytes, claimed);
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('files.bad_type');
  });

  it('refuses an empty file and a request with no file (400 files.missing)', async () => {
    const empty = await send(vA, 'photo.png', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
    expect(empty.json().code).toBe('files.missing');
    const json = await vA.agent.post('/api/files', { file: 'not a file' });
    expect(json.statusCode).toBe(400);
    expect(json.json().code).toBe('files.missing');
  });

  it('takes exactly 10 MB and refuses one byte more (413 files.too_large)', async () => {
    const atLimit = Buffer.concat([TINY_PNG, Buffer.alloc(MAX - TINY_PNG.length)]);
    const ok = await send(vA, 'big.png', atLimit);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().size).toBe(MAX);
    const over = await send(vA, 'big.png', Buffer.concat([atLimit, Buffer.from([0])]));
    expect(over.statusCode).toBe(413);
    expect(over.json().code).toBe('files.too_large');
  });

  it('keeps only the base name of a path-like file name', async () => {
    const res = await send(vA, '../../etc/passwd.png', TINY_PNG);
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe('passwd.png');
  });

  it('needs a session and the CSRF token', async () => {
    const anon = await send(null, 'photo.png', TINY_PNG);
    expect(anon.statusCode).toBe(401);
    const body = multipart('file', 'photo.png', TINY_PNG);
    const noCsrf = await w.t.app.inject({ method: 'POST', url: '/api/files', headers: { ...body.headers, cookie: vA.agent.cookie }, payload: body.payload });
    expect(noCsrf.statusCode).toBe(403);
  });
});

describe('reading', () => {
  it('the uploader, and staff over the unit it was uploaded in; nobody else (404)', async () => {
    const id = await w.upload(vA, 'evidence.png');
    expect((await vA.agent.get(`/api/files/${id}`)).statusCode).toBe(200);
    expect((await staffA.agent.get(`/api/files/${id}`)).statusCode).toBe(200);
    expect((await w.admin.agent.get(`/api/files/${id}`)).statusCode).toBe(200);
    expect((await staffB.agent.get(`/api/files/${id}`)).statusCode).toBe(404);
    const otherV = await w.makeVolunteer({ stationId: a.id });
    expect((await otherV.agent.get(`/api/files/${id}`)).statusCode).toBe(404);
    expect((await w.anon.get(`/api/files/${id}`)).statusCode).toBe(401);
    // Not on the public path either: only brand and venue photos are public.
    expect((await w.anon.get(`/api/public/files/${id}`)).statusCode).toBe(404);
    expect((await vA.agent.get('/api/files/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('the people on an order: the volunteer who took it sees the resident’s photo, the resident the completion photo', async () => {
    const resident = await w.makeResident({ stationId: a.id });
    const asked = await w.upload(resident, 'broken-light.png');
    const o = await resident.agent.post('/api/orders', { description: '楼道灯坏了', stationId: a.id, photoFileIds: [asked] });
    expect(o.statusCode).toBe(201);
    const id = o.json().id;
    expect((await vA.agent.get(`/api/files/${asked}`)).statusCode).toBe(404);
    await staffA.agent.post(`/api/orders/${id}/actions`, { action: 'review', verified: true });
    await staffA.agent.post(`/api/orders/${id}/actions`, { action: 'dispatch', target: { type: 'volunteer', id: vA.id } });
    expect((await vA.agent.post(`/api/orders/${id}/actions`, { action: 'accept' })).json().status).toBe('accepted');
    expect((await vA.agent.get(`/api/files/${asked}`)).statusCode).toBe(200);
    const done = await w.upload(vA, 'fixed.png');
    expect((await resident.agent.get(`/api/files/${done}`)).statusCode).toBe(404);
    expect((await vA.agent.post(`/api/orders/${id}/actions`, { action: 'complete', report: '已更换灯泡', photoFileIds: [done] })).json().status).toBe(
      'completed',
    );
    expect((await resident.agent.get(`/api/files/${done}`)).statusCode).toBe(200);
    expect((await staffB.agent.get(`/api/files/${done}`)).statusCode).toBe(404);
  });

  it('a file cannot be attached by someone who may not use it', async () => {
    const foreign = await w.upload(staffB, 'b.png');
    const resident = await w.makeResident({ stationId: a.id });
    const res = await resident.agent.post('/api/orders', { description: '借用别人的照片', stationId: a.id, photoFileIds: [foreign] });
    expect(res.json().code).toBe('hours.evidence_missing');
  });

  it('venue photos are public; archiving the venue takes them off the portal', async () => {
    const photo = await w.upload(w.admin, 'hall.png');
    expect((await w.anon.get(`/api/public/files/${photo}`)).statusCode).toBe(404);
    const venue = await w.admin.agent.post('/api/venues', { unitId: w.instituteId, kind: 'culture', name: '文化活动中心', photoFileIds: [photo] });
    expect(venue.statusCode).toBe(201);
    const pub = await w.anon.get(`/api/public/files/${photo}`);
    expect(pub.statusCode).toBe(200);
    expect(pub.headers['content-type']).toBe('image/png');
    expect((await w.admin.agent.patch(`/api/venues/${venue.json().id}`, { archived: true })).statusCode).toBe(200);
    expect((await w.anon.get(`/api/public/files/${photo}`)).statusCode).toBe(404);
  });
});

describe('files cited by the institute’s records (the files.citers registry)', () => {
  let viewer: Staff;
  beforeAll(async () => {
    viewer = await w.makeDistrictViewer();
  });
  const status = async (who: Signed, id: string) => (await who.agent.get(`/api/files/${id}`)).statusCode;

  it('a fund receipt: the district viewer opens it once an entry cites it; another station’s admin gets 404', async () => {
    const receipt = await w.upload(staffA, 'receipt.png');
    expect(await status(viewer, receipt)).toBe(404);
    await makeFundEntry(w, { unitId: a.id, by: staffA, receiptFileIds: [receipt] });
    expect(await status(viewer, receipt)).toBe(200);
    expect(await status(staffB, receipt)).toBe(404);
  });

  it('a meeting attachment', async () => {
    const file = await w.upload(w.admin, 'agenda.pdf', PDF);
    const meeting = await makeMeeting(w);
    expect(await status(viewer, file)).toBe(404);
    expect((await w.admin.agent.patch(`/api/meetings/${meeting.id}`, { attachmentFileIds: [file] })).statusCode).toBe(200);
    expect(await status(viewer, file)).toBe(200);
    expect(await status(staffB, file)).toBe(404);
  });

  it('a plan rules document and a task’s evidence', async () => {
    const doc = await w.upload(staffA, 'rules.pdf', PDF);
    const res = await staffA.agent.post('/api/plan/documents', {
      unitId: a.id,
      type: 'leadership',
      title: '实践站工作制度',
      version: 'v1',
      effectiveOn: '2026-01-01',
      fileId: doc,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await status(viewer, doc)).toBe(200);
    expect(await status(staffB, doc)).toBe(404);
    const evidence = await w.upload(staffA, 'sign.png');
    const task = await makePlanTask(w, { unitId: a.id });
    expect((await staffA.agent.post(`/api/plan/tasks/${task.id}/notes`, { note: '标牌已制作', evidenceFileIds: [evidence] })).statusCode).toBe(201);
    expect(await status(viewer, evidence)).toBe(200);
    expect(await status(staffB, evidence)).toBe(404);
  });

  it('a training material: the holding institute’s stations read it too, as they read the session', async () => {
    const slides = await w.upload(w.admin, 'slides.pdf', PDF);
    expect(await status(staffA, slides)).toBe(404);
    const res = await w.admin.agent.post('/api/training/sessions', {
      unitId: w.instituteId,
      topic: '志愿服务业务培训',
      content: '内容',
      trainer: '讲师',
      hours: 2,
      place: '培训室',
      startsAt: '2026-12-05T02:00:00Z',
      materialFileIds: [slides],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await status(staffA, slides)).toBe(200);
    expect(await status(viewer, slides)).toBe(200);
    expect(await status(vA, slides)).toBe(404);
  });
});
