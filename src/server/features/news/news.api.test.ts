import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { type Staff, type Unit, type World, makeWorld } from '../../../../test/support/factories';

// Monday 2026-11-30 10:00 in China.
const clock = manualClock(new Date('2026-11-30T02:00:00Z'));
let w: World;
let a: Unit;
let b: Unit;
let adminA: Staff;
let adminB: Staff;

const newsBody = (unitId: string, over: Record<string, unknown> = {}) => ({
  unitId,
  title: '马鞍街道开展敬老志愿服务',
  category: 'activity',
  body: '<p>志愿者走进社区，为老人<strong>义诊</strong>。</p>',
  ...over,
});

async function write(who: Staff, unitId: string, over: Record<string, unknown> = {}) {
  const res = await who.agent.post('/api/news', newsBody(unitId, over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; body: string; status: string; submission: string };
}
const audits = async (action: string, objectId: string): Promise<number> =>
  (await w.admin.agent.get(`/api/audit?action=${action}&objectId=${objectId}`)).json().total;

beforeAll(async () => {
  w = await makeWorld({ clock });
  a = await w.makeStation();
  b = await w.makeStation();
  adminA = await w.stationAdmin(a.id);
  adminB = await w.stationAdmin(b.id);
});
afterAll(async () => w?.close());

describe('news items', () => {
  it('a station writes a draft, edits it, publishes it once and withdraws it with a reason', async () => {
    const n = await write(adminA, a.id);
    expect(n.status).toBe('draft');
    expect(await audits('news.created', n.id)).toBe(1);
    const edited = await adminA.agent.put(`/api/news/${n.id}`, { ...newsBody(a.id, { title: '敬老义诊进社区' }), unitId: undefined });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().title).toBe('敬老义诊进社区');
    const pub = await adminA.agent.post(`/api/news/${n.id}/publication`);
    expect(pub.statusCode, pub.body).toBe(200);
    expect(pub.json()).toMatchObject({ status: 'published', publishedAt: expect.any(String) });
    const twice = await adminA.agent.post(`/api/news/${n.id}/publication`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().code).toBe('news.already_published');
    // Editing a published item is allowed and audited as such.
    const late = await adminA.agent.put(`/api/news/${n.id}`, { ...newsBody(a.id, { title: '敬老义诊进社区（更新）' }), unitId: undefined });
    expect(late.statusCode, late.body).toBe(200);
    expect(await audits('news.edited_published', n.id)).toBe(1);
    const noReason = await adminA.agent.post(`/api/news/${n.id}/withdrawal`, {});
    expect(noReason.statusCode).toBe(400);
    const wd = await adminA.agent.post(`/api/news/${n.id}/withdrawal`, { reason: '内容需要核实' });
    expect(wd.statusCode, wd.body).toBe(200);
    expect(wd.json()).toMatchObject({ status: 'withdrawn', withdrawReason: '内容需要核实' });
    const again = await adminA.agent.post(`/api/news/${n.id}/withdrawal`, { reason: '再撤一次' });
    expect(again.json().code).toBe('news.not_published');
    expect(await audits('news.withdrawn', n.id)).toBe(1);
  });

  it('a station cannot see or change another station’s news (404); the institute can', async () => {
    const n = await write(adminB, b.id);
    expect((await adminA.agent.get(`/api/news/${n.id}`)).statusCode).toBe(404);
    expect((await adminA.agent.put(`/api/news/${n.id}`, { ...newsBody(b.id), unitId: undefined })).statusCode).toBe(404);
    expect((await adminA.agent.post(`/api/news/${n.id}/publication`)).statusCode).toBe(404);
    expect((await adminA.agent.post('/api/news', newsBody(b.id))).statusCode).toBe(404);
    const list = (await adminA.agent.get('/api/news?pageSize=100')).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(n.id);
    expect((await w.admin.agent.get(`/api/news/${n.id}`)).statusCode).toBe(200);
    const viewer = await w.makeDistrictViewer();
    expect((await viewer.agent.get(`/api/news/${n.id}`)).statusCode).toBe(200);
    expect((await viewer.agent.post(`/api/news/${n.id}/publication`)).statusCode).toBe(403);
  });

  it('sanitises the body on write: scripts, handlers, foreign images and javascript: links are gone', async () => {
    const img = await w.upload(adminA, 'photo.png');
    const dirty = [
      '<p onclick="alert(1)">正文<script>alert(1)</script></p>',
      '<img src=x onerror="alert(1)">',
      '<svg onload="alert(1)"></svg>',
      '<a href="javascript:alert(1)">链接</a>',
      '<iframe src="https://evil.example"></iframe>',
      '<p style="width:expression(alert(1))">样式</p>',
      '<img src="data:image/png;base64,AAAA">',
      '<img src="https://evil.example/x.png">',
      `<img src="/api/files/${img}" alt="合影" onload="alert(1)">`,
      '<a href="https://example.org/a" target="_blank">外链</a>',
    ].join('');
    const n = await write(adminA, a.id, { body: dirty });
    expect(n.body).not.toMatch(/script|onerror|onload|onclick|javascript:|iframe|svg|style=|data:|evil/i);
    expect(n.body).toContain(`<img src="/api/files/${img}" alt="合影" />`);
    expect(n.body).toContain('<a href="https://example.org/a" rel="noopener noreferrer">外链</a>');
    const empty = await adminA.agent.post('/api/news', newsBody(a.id, { body: '<script>alert(1)</script><p> </p>' }));
    expect(empty.statusCode).toBe(422);
    expect(empty.json().code).toBe('news.empty_body');
  });

  it('refuses images and covers the writer may not use, and links outside the institute', async () => {
    const other = await w.upload(adminB, 'b.png');
    const body = `<p>图</p><img src="/api/files/${other}">`;
    const res = await adminA.agent.post('/api/news', newsBody(a.id, { body }));
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('news.bad_file');
    const cover = await adminA.agent.post('/api/news', newsBody(a.id, { coverFileId: other }));
    expect(cover.json().code).toBe('news.bad_file');
    const link = await adminA.agent.post('/api/news', newsBody(a.id, { activityId: '00000000-0000-4000-8000-000000000000' }));
    expect(link.json().code).toBe('news.bad_link');
    const activity = await w.makeActivity({ unitId: a.id });
    const linked = await write(adminA, a.id, { activityId: activity.id });
    expect((await adminA.agent.get(`/api/news/${linked.id}`)).json().activityTitle).toBe(activity.title);
    // A programme of the institute: named on the staff view and, once published, on the portal.
    const programme = await w.makeProgramme({ unitId: a.id, name: '四点半课堂' });
    const withProgramme = await write(adminA, a.id, { programmeId: programme.id });
    expect((await adminA.agent.get(`/api/news/${withProgramme.id}`)).json().programmeName).toBe('四点半课堂');
    await adminA.agent.post(`/api/news/${withProgramme.id}/publication`);
    expect((await w.anon.get(`/api/public/news/${withProgramme.id}`)).json().programmeName).toBe('四点半课堂');
  });

  it('the portal shows published news only, images through the public route; drafts and withdrawn ones are 404', async () => {
    const img = await w.upload(adminA, 'p.png');
    const draft = await write(adminA, a.id, { title: '草稿不公开' });
    const shown = await write(adminA, a.id, { title: '公开的新闻', body: `<p>有图</p><img src="/api/files/${img}">`, coverFileId: img });
    expect((await w.anon.get(`/api/public/news-images/${img}`)).statusCode).toBe(404);
    await adminA.agent.post(`/api/news/${shown.id}/publication`);
    const list = (await w.anon.get('/api/public/news?pageSize=100')).json();
    const titles = list.items.map((i: { title: string }) => i.title);
    expect(titles).toContain('公开的新闻');
    expect(titles).not.toContain('草稿不公开');
    expect((await w.anon.get(`/api/public/news/${draft.id}`)).statusCode).toBe(404);
    const one = (await w.anon.get(`/api/public/news/${shown.id}`)).json();
    expect(one.body).toContain(`/api/public/news-images/${img}`);
    expect(one.coverUrl).toBe(`/api/public/news-images/${img}`);
    expect(JSON.stringify(one)).not.toContain('createdByName');
    const image = await w.anon.get(`/api/public/news-images/${img}`);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/png');
    const unrelated = await w.upload(adminA, 'private.png');
    expect((await w.anon.get(`/api/public/news-images/${unrelated}`)).statusCode).toBe(404);
    // Staff of the institute may open a station's news image (files' registry).
    expect((await w.admin.agent.get(`/api/files/${img}`)).statusCode).toBe(200);
    await adminA.agent.post(`/api/news/${shown.id}/withdrawal`, { reason: '撤回测试' });
    expect((await w.anon.get(`/api/public/news/${shown.id}`)).statusCode).toBe(404);
    expect((await w.anon.get(`/api/public/news-images/${img}`)).statusCode).toBe(404);
  });
});

describe('信息报送', () => {
  it('submit → returned → resubmitted → adopted, each a history row; wrong moves are 409', async () => {
    const n = await write(adminA, a.id, { title: '报送测试' });
    const early = await w.admin.agent.post(`/api/news/${n.id}/adoption`);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('news.not_submitted');
    // A station admin does not answer for the column.
    expect((await adminA.agent.post(`/api/news/${n.id}/submissions`)).statusCode).toBe(200);
    expect((await adminA.agent.post(`/api/news/${n.id}/adoption`)).statusCode).toBe(403);
    const twice = await adminA.agent.post(`/api/news/${n.id}/submissions`);
    expect(twice.json().code).toBe('news.already_submitted');
    const ret = await w.admin.agent.post(`/api/news/${n.id}/return`, { reason: '请补充活动照片' });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.json().submission).toBe('returned');
    expect((await adminA.agent.post(`/api/news/${n.id}/submissions`)).statusCode).toBe(200);
    const ad = await w.admin.agent.post(`/api/news/${n.id}/adoption`);
    expect(ad.statusCode).toBe(200);
    expect(ad.json().submissions.map((s: { status: string }) => s.status)).toEqual(['submitted', 'returned', 'submitted', 'adopted']);
    expect((await w.admin.agent.post(`/api/news/${n.id}/return`, { reason: '已采用的不能退回' })).json().code).toBe('news.not_submitted');
    expect(await audits('news.adopted', n.id)).toBe(1);
    const filtered = (await adminA.agent.get('/api/news?submission=adopted')).json();
    expect(filtered.items.map((i: { id: string }) => i.id)).toEqual([n.id]);
  });

  it('counts per unit per month (China time) and the Excel export', async () => {
    const x = await write(adminB, b.id, { title: '乙站报送一' });
    const y = await write(adminB, b.id, { title: '乙站报送二' });
    await adminB.agent.post(`/api/news/${x.id}/submissions`);
    await adminB.agent.post(`/api/news/${y.id}/submissions`);
    await w.admin.agent.post(`/api/news/${x.id}/adoption`);
    const counts = (await w.admin.agent.get('/api/news-submissions/counts?month=2026-11')).json();
    const rowOf = (id: string) => counts.rows.find((r: { unitId: string }) => r.unitId === id);
    expect(rowOf(b.id)).toMatchObject({ submitted: 2, adopted: 1, returned: 0 });
    expect(rowOf(a.id)).toMatchObject({ submitted: 1, adopted: 1, returned: 1 });
    expect(counts.total.submitted).toBe(3);
    expect((await w.admin.agent.get('/api/news-submissions/counts?month=2026-12')).json().total.submitted).toBe(0);
    expect((await w.admin.agent.get('/api/news-submissions/counts?month=2026-13')).statusCode).toBe(400);
    const stationView = (await adminB.agent.get('/api/news-submissions/counts?month=2026-11')).json();
    expect(stationView.rows.map((r: { unitId: string }) => r.unitId)).toEqual([b.id]);
    const xlsx = await w.admin.agent.get('/api/news-submissions/counts.xlsx?month=2026-11');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});
