import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_PNG, multipart } from '../../../../test/support/app';
import { type Staff, type Unit, type World, makeWorld } from '../../../../test/support/factories';

/** A minimal ISO base media file: the 'ftyp' box the magic-byte check reads (size 24, brand isom). */
const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2mp41')]);
/** The EBML header of a WebM file. */
const WEBM = Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, 0x77, 0x65, 0x62, 0x6d]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

let w: World;
let a: Unit;
let b: Unit;
let staffA: Staff;
let staffB: Staff;
beforeAll(async () => {
  w = await makeWorld();
  a = await w.makeStation();
  b = await w.makeStation();
  staffA = await w.stationAdmin(a.id);
  staffB = await w.stationAdmin(b.id);
});
afterAll(async () => w?.close());

const consent = { recordedBy: '王站长', on: '2026-11-20', scope: '门户成果展示' };

async function gallery(who: Staff, unitId: string, extra: Record<string, unknown> = {}) {
  const img = await w.upload(who, 'photo.png');
  const res = await who.agent.post('/api/showcase', {
    unitId,
    kind: 'gallery',
    title: '重阳节敬老活动',
    description: '志愿者为老人理发、量血压。',
    coverFileId: img,
    media: [{ fileId: img, caption: '为老人理发' }],
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { ...(res.json() as { id: string; status: string }), img };
}

describe('creating and editing', () => {
  it('a station admin creates a gallery draft of their station; its file opens for staff over the station, not another station', async () => {
    const g = await gallery(staffA, a.id, { people: [{ name: '张三丰', kind: 'volunteer', consent }] });
    expect(g.status).toBe('draft');
    const got = await staffA.agent.get(`/api/showcase/${g.id}`);
    expect(got.json()).toMatchObject({
      kind: 'gallery',
      kindLabel: '图片集',
      media: [{ fileId: g.img, caption: '为老人理发', mime: 'image/png' }],
      people: [{ name: '张三丰', consent }],
    });
    expect((await w.admin.agent.get(`/api/files/${g.img}`)).statusCode).toBe(200);
    expect((await staffB.agent.get(`/api/files/${g.img}`)).statusCode).toBe(404);
    expect((await staffB.agent.get(`/api/showcase/${g.id}`)).statusCode).toBe(404);
    const list = await staffB.agent.get('/api/showcase');
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(g.id);
    const mine = await staffA.agent.get('/api/showcase?kind=gallery');
    expect(mine.json().items.map((i: { id: string }) => i.id)).toContain(g.id);
  });

  it('another station’s admin cannot create for or edit a station not theirs (404); a volunteer may not at all (403)', async () => {
    const img = await w.upload(staffB, 'b.png');
    const res = await staffB.agent.post('/api/showcase', { unitId: a.id, kind: 'gallery', title: '越权', media: [{ fileId: img }] });
    expect(res.statusCode).toBe(404);
    const g = await gallery(staffA, a.id);
    expect((await staffB.agent.patch(`/api/showcase/${g.id}`, { title: '改', media: [{ fileId: img }] })).statusCode).toBe(404);
    const v = await w.makeVolunteer({ stationId: a.id });
    expect((await v.agent.get('/api/showcase')).statusCode).toBe(403);
  });

  it('the kind decides the files: a PDF is no gallery image, a leaflet takes a PDF, a video an MP4 or WebM', async () => {
    const pdf = await w.upload(staffA, 'leaflet.pdf', PDF);
    const bad = await staffA.agent.post('/api/showcase', { unitId: a.id, kind: 'gallery', title: '图集', media: [{ fileId: pdf }] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('showcase.bad_media');
    const empty = await staffA.agent.post('/api/showcase', { unitId: a.id, kind: 'gallery', title: '图集', media: [] });
    expect(empty.json().code).toBe('showcase.bad_media');
    const leaflet = await staffA.agent.post('/api/showcase', { unitId: a.id, kind: 'leaflet', title: '志愿服务折页', media: [{ fileId: pdf }] });
    expect(leaflet.statusCode, leaflet.body).toBe(201);
    const mp4 = await w.upload(staffA, 'clip.mp4', MP4);
    const webm = await w.upload(staffA, 'clip.webm', WEBM);
    for (const fileId of [mp4, webm]) {
      const video = await staffA.agent.post('/api/showcase', { unitId: a.id, kind: 'video', title: '短视频', media: [{ fileId }] });
      expect(video.statusCode, video.body).toBe(201);
      expect(video.json().media[0].mime).toMatch(/^video\//);
    }
    const twoVideos = await staffA.agent.post('/api/showcase', { unitId: a.id, kind: 'video', title: '短视频', media: [{ fileId: mp4 }, { fileId: webm }] });
    expect(twoVideos.json().code).toBe('showcase.bad_media');
  });

  it('someone else’s upload cannot be attached', async () => {
    const foreign = await w.upload(staffB, 'b.png');
    const res = await staffA.agent.post('/api/showcase', { unitId: a.id, kind: 'wall', title: '文化墙', media: [{ fileId: foreign }] });
    expect(res.json().code).toBe('showcase.bad_media');
  });

  it('a featured activity needs an activity of the unit or below', async () => {
    const none = await staffA.agent.post('/api/showcase', { unitId: a.id, kind: 'featured', title: '精品活动' });
    expect(none.json().code).toBe('showcase.bad_activity');
    const other = await w.makeActivity({ unitId: b.id });
    const wrong = await staffA.agent.post('/api/showcase', { unitId: a.id, kind: 'featured', title: '精品活动', activityId: other.id });
    expect(wrong.json().code).toBe('showcase.bad_activity');
    const own = await w.makeActivity({ unitId: a.id });
    const ok = await staffA.agent.post('/api/showcase', { unitId: a.id, kind: 'featured', title: '精品活动', activityId: own.id });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().activityId).toBe(own.id);
  });
});

describe('publishing, consent and the portal', () => {
  it('a person without a consent record stops publication (409); recorded consent or a masked name lets it through', async () => {
    const g = await gallery(staffA, a.id, { people: [{ name: '李四光', kind: 'resident' }] });
    const refused = await staffA.agent.post(`/api/showcase/${g.id}/publication`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('showcase.consent_missing');
    expect(refused.json().message).toContain('同意');
    expect((await staffA.agent.get(`/api/showcase/${g.id}`)).json().status).toBe('draft');

    const img = g.img;
    const edited = await staffA.agent.patch(`/api/showcase/${g.id}`, {
      title: '重阳节敬老活动',
      coverFileId: img,
      media: [{ fileId: img, caption: '为老人理发' }],
      people: [
        { name: '李四光', kind: 'resident', consent },
        { name: '王小明', kind: 'volunteer', masked: true },
      ],
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().people).toHaveLength(2);
    const ok = await staffA.agent.post(`/api/showcase/${g.id}/publication`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('published');

    const pub = await w.anon.get('/api/public/showcase?kind=gallery');
    expect(pub.statusCode).toBe(200);
    const item = pub.json().items.find((i: { id: string }) => i.id === g.id);
    expect(item.people).toEqual(['李四光', '王*明']);
    expect(JSON.stringify(item)).not.toContain('王站长');
    expect(JSON.stringify(item)).not.toContain('王小明');
  });

  it('the portal lists published items only; their files are public while published, not before and not after withdrawal', async () => {
    const g = await gallery(staffA, a.id);
    const ids = async () => (await w.anon.get('/api/public/showcase')).json().items.map((i: { id: string }) => i.id);
    expect(await ids()).not.toContain(g.id);
    expect((await w.anon.get(`/api/public/showcase/files/${g.img}`)).statusCode).toBe(404);

    expect((await staffA.agent.post(`/api/showcase/${g.id}/publication`)).statusCode).toBe(200);
    expect(await ids()).toContain(g.id);
    const file = await w.anon.get(`/api/public/showcase/files/${g.img}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect(file.headers['x-content-type-options']).toBe('nosniff');

    expect((await staffA.agent.post(`/api/showcase/${g.id}/publication`)).json().code).toBe('showcase.already_published');
    expect((await staffA.agent.patch(`/api/showcase/${g.id}`, { title: '改', media: [{ fileId: g.img }] })).json().code).toBe('showcase.not_editable');
    const noReason = await staffA.agent.post(`/api/showcase/${g.id}/withdrawal`, { reason: '' });
    expect(noReason.statusCode).toBe(400);
    const withdrawn = await staffA.agent.post(`/api/showcase/${g.id}/withdrawal`, { reason: '照片需要更换' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', withdrawal: { reason: '照片需要更换' } });
    expect(await ids()).not.toContain(g.id);
    expect((await w.anon.get(`/api/public/showcase/files/${g.img}`)).statusCode).toBe(404);
    expect((await staffA.agent.post(`/api/showcase/${g.id}/withdrawal`, { reason: '再撤一次' })).json().code).toBe('showcase.not_published');

    const audit = await w.admin.agent.get(`/api/audit?objectId=${g.id}`);
    const actions = audit
      .json()
      .items.filter((e: { objectId: string }) => e.objectId === g.id)
      .map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['showcase.created', 'showcase.published', 'showcase.withdrawn']));
  });

  it('a published video and leaflet are served with their types; an unrelated upload is not public', async () => {
    const mp4 = await w.upload(staffA, 'clip.mp4', MP4);
    const video = await staffA.agent.post('/api/showcase', { unitId: a.id, kind: 'video', title: '志愿者风采', media: [{ fileId: mp4 }] });
    await staffA.agent.post(`/api/showcase/${video.json().id}/publication`);
    const res = await w.anon.get(`/api/public/showcase/files/${mp4}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('video/mp4');
    expect(res.rawPayload.equals(MP4)).toBe(true);
    const loose = await w.upload(staffA, 'loose.png');
    expect((await w.anon.get(`/api/public/showcase/files/${loose}`)).statusCode).toBe(404);
  });

  it('a video over 50 MB is refused (413), a PNG over 10 MB still is', async () => {
    const send = (name: string, bytes: Buffer) => {
      const body = multipart('file', name, bytes);
      return w.t.app.inject({
        method: 'POST',
        url: '/api/files',
        headers: { ...body.headers, cookie: staffA.agent.cookie, 'x-csrf-token': staffA.agent.csrfToken },
        payload: body.payload,
      });
    };
    const big = Buffer.concat([MP4, Buffer.alloc(12 * 1024 * 1024)]);
    expect((await send('big.mp4', big)).statusCode).toBe(201);
    expect((await send('big.png', Buffer.concat([TINY_PNG, Buffer.alloc(10 * 1024 * 1024)]))).statusCode).toBe(413);
    expect((await send('huge.mp4', Buffer.concat([MP4, Buffer.alloc(50 * 1024 * 1024)]))).statusCode).toBe(413);
  });
});
