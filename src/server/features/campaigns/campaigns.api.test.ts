import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { type Staff, type Unit, type World, makeWorld } from '../../../../test/support/factories';

// Tuesday 2026-12-01 09:00 in China.
const clock = manualClock(new Date('2026-12-01T01:00:00Z'));
const DAY = 24 * 3600_000;
let w: World;
let a: Unit;
let b: Unit;
let adminA: Staff;
let adminB: Staff;

const campaignBody = (over: Record<string, unknown> = {}) => ({
  instituteId: w.instituteId,
  year: 2026,
  kind: 'ten_star',
  title: '2026 年度十星文明户评选',
  criteria: '爱党爱国、遵纪守法、孝老爱亲、邻里和睦……',
  criteriaItems: ['爱国星', '守法星', '孝亲星'],
  nominateFrom: '2026-11-20',
  nominateUntil: '2026-12-03',
  quotaPerStation: 3,
  ...over,
});

const household = (stationId: string, name: string, over: Record<string, unknown> = {}) => ({
  stationId,
  nomineeName: name,
  address: '幸福小区 3 栋',
  members: 4,
  deeds: '三代同堂，孝老爱亲，热心邻里事务',
  evidence: '社区走访记录、邻里评议',
  photoFileIds: [],
  consent: true,
  consentRecordedBy: '张站长',
  consentOn: '2026-11-25',
  ...over,
});

async function createCampaign(over: Record<string, unknown> = {}) {
  const res = await w.admin.agent.post('/api/campaigns', campaignBody(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

async function nominate(who: Staff, campaignId: string, body: object) {
  const res = await who.agent.post(`/api/campaigns/${campaignId}/nominations`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

const decide = (id: string, selected: boolean) =>
  w.admin.agent.post(`/api/campaign-nominations/${id}/decision`, { selected, reason: selected ? '事迹突出，符合条件' : '材料不足' });
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

describe('a campaign from nomination to result', () => {
  let campaignId: string;
  const ids: Record<string, string> = {};

  it('stations nominate for their own station only, inside the window, with consent', async () => {
    campaignId = (await createCampaign()).id;
    expect(await audits('campaigns.created', campaignId)).toBe(1);
    const photo = await w.upload(adminA, 'family.png');
    ids.li = (await nominate(adminA, campaignId, household(a.id, '李家', { photoFileIds: [photo] }))).id;
    ids.wang = (await nominate(adminA, campaignId, household(a.id, '王家'))).id;
    ids.zhao = (await nominate(adminB, campaignId, household(b.id, '赵家'))).id;
    ids.chen = (await nominate(adminB, campaignId, household(b.id, '陈家'))).id;
    expect(await audits('campaigns.nominated', ids.li)).toBe(1);

    // Station A cannot nominate for B: out of scope → 404.
    expect((await adminA.agent.post(`/api/campaigns/${campaignId}/nominations`, household(b.id, '孙家'))).statusCode).toBe(404);
    // Without consent → 400; a person's fields on a household campaign → 422.
    expect((await adminA.agent.post(`/api/campaigns/${campaignId}/nominations`, household(a.id, '孙家', { consent: false }))).statusCode).toBe(400);
    const wrong = await adminA.agent.post(`/api/campaigns/${campaignId}/nominations`, {
      ...household(a.id, '孙家'),
      address: undefined,
      members: undefined,
      gender: 'male',
      ageBand: '36-59岁',
    });
    expect([wrong.statusCode, wrong.json().code]).toEqual([422, 'campaigns.wrong_subject']);
    // A file B uploaded is not A's to cite.
    const other = await w.upload(adminB, 'x.png');
    const bad = await adminA.agent.post(`/api/campaigns/${campaignId}/nominations`, household(a.id, '孙家', { photoFileIds: [other] }));
    expect(bad.json().code).toBe('campaigns.bad_photo');

    // Station staff see their own nominations only; the institute sees all, and the photo is readable to it.
    const seenByA = (await adminA.agent.get(`/api/campaigns/${campaignId}`)).json();
    expect(seenByA.nominationList.map((n: { nomineeName: string }) => n.nomineeName).sort()).toEqual(['李家', '王家'].sort());
    expect(seenByA.canManage).toBe(false);
    expect(seenByA.nominateStations).toEqual([{ id: a.id, name: a.name }]);
    expect(seenByA.objections).toEqual([]);
    expect((await w.admin.agent.get(`/api/campaigns/${campaignId}`)).json().nominationList).toHaveLength(4);
    expect((await w.admin.agent.get(`/api/files/${photo}`)).statusCode).toBe(200);
    // B cannot open A's nomination.
    expect((await adminB.agent.post(`/api/campaign-nominations/${ids.li}/withdrawal`, { reason: '测试撤回' })).statusCode).toBe(404);
    // Stations see the institute's campaigns in the list.
    expect((await adminB.agent.get('/api/campaigns')).json().total).toBe(1);
  });

  it('withdraws by a row with a reason; a withdrawn nomination is not reviewed', async () => {
    const res = await adminB.agent.post(`/api/campaign-nominations/${ids.chen}/withdrawal`, { reason: '本人要求撤回' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().withdrawn).toMatchObject({ reason: '本人要求撤回', byName: adminB.name });
    expect((await adminB.agent.post(`/api/campaign-nominations/${ids.chen}/withdrawal`, { reason: '再撤一次' })).json().code).toBe(
      'campaigns.already_withdrawn',
    );
    expect((await decide(ids.chen, true)).json().code).toBe('campaigns.already_withdrawn');
  });

  it('reviews: only the institute decides, and of parallel decisions one wins', async () => {
    expect((await adminA.agent.post(`/api/campaign-nominations/${ids.li}/decision`, { selected: true, reason: '自己评自己' })).statusCode).toBe(403);
    const publishEarly = await w.admin.agent.post(`/api/campaigns/${campaignId}/publication`);
    expect(publishEarly.json().code).toBe('campaigns.undecided');
    const results = await Promise.all([decide(ids.li, true), decide(ids.li, false), decide(ids.li, true), decide(ids.li, false)]);
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    for (const r of results.filter((x) => x.statusCode !== 200)) expect([r.statusCode, r.json().code]).toEqual([409, 'campaigns.already_decided']);
    expect(await audits('campaigns.decided', ids.li)).toBe(1);
    const li = (await w.admin.agent.get(`/api/campaigns/${campaignId}`)).json().nominationList.find((n: { id: string }) => n.id === ids.li);
    if (!li.decision.selected) {
      // Whichever won, the flow below needs 李家 selected: use a fresh nomination decided once.
      ids.li = (await nominate(adminA, campaignId, household(a.id, '李家二'))).id;
      expect((await decide(ids.li, true)).statusCode).toBe(200);
    }
    expect((await decide(ids.wang, true)).statusCode).toBe(200);
    expect((await decide(ids.zhao, false)).statusCode).toBe(200);
  });

  it('publishes for 公示 over working days; the public page shows the list without contact data', async () => {
    const before = (await w.anon.get('/api/public/campaigns')).json();
    expect(before.notices).toEqual([]);
    const res = await w.admin.agent.post(`/api/campaigns/${campaignId}/publication`);
    expect(res.statusCode, res.body).toBe(200);
    // Tue 2026-12-01 + 5 working days → Tue 2026-12-08.
    expect(res.json()).toMatchObject({ status: 'notice', noticeEndsOn: '2026-12-08' });
    expect(await audits('campaigns.published', campaignId)).toBe(1);
    expect((await adminA.agent.post(`/api/campaigns/${campaignId}/nominations`, household(a.id, '晚来'))).json().code).toBe('campaigns.not_nominating');
    expect((await decide(ids.zhao, true)).json().code).toBe('campaigns.not_open');
    expect((await w.admin.agent.post(`/api/campaigns/${campaignId}/finalisation`)).json().code).toBe('campaigns.notice_running');

    const pub = (await w.anon.get('/api/public/campaigns')).json();
    expect(pub.notices).toHaveLength(1);
    expect(pub.notices[0]).toMatchObject({ status: 'notice', objectionsOpen: true, noticeEndsOn: '2026-12-08' });
    const names = pub.notices[0].nominees.map((n: { name: string }) => n.name).sort();
    expect(names).toHaveLength(2);
    expect(names).toContain('王家');
    expect(names.some((x: string) => x.startsWith('李家'))).toBe(true);
    expect(names).not.toContain('赵家');
    expect(names).not.toContain('陈家');
    expect(JSON.stringify(pub)).not.toContain('社区走访记录');
  });

  it('takes objections from anyone during 公示, tells the institute, and an upheld one removes the nominee', async () => {
    const up = await w.anon.post(`/api/public/campaigns/${campaignId}/objections`, {
      nominationId: ids.wang,
      contact: '13800001111',
      content: '该户存在违章搭建，不符合条件',
    });
    expect(up.statusCode, up.body).toBe(201);
    const dis = await w.anon.post(`/api/public/campaigns/${campaignId}/objections`, {
      nominationId: ids.li,
      name: '邻居',
      contact: '13800002222',
      content: '觉得不太合适',
    });
    expect(dis.statusCode, dis.body).toBe(201);
    const notListed = await w.anon.post(`/api/public/campaigns/${campaignId}/objections`, {
      nominationId: ids.zhao,
      contact: '13800003333',
      content: '这户也有问题',
    });
    expect([notListed.statusCode, notListed.json().code]).toEqual([422, 'campaigns.bad_nominee']);
    // The public page never shows objectors' contact.
    expect((await w.anon.get('/api/public/campaigns')).body).not.toContain('13800001111');

    const notes = (await w.admin.agent.get('/api/notifications')).json();
    expect(JSON.stringify(notes)).toContain('评选公示收到异议');

    const view = (await w.admin.agent.get(`/api/campaigns/${campaignId}`)).json();
    expect(view.objections).toHaveLength(2);
    const [oWang, oLi] = [
      view.objections.find((o: { nominationId: string }) => o.nominationId === ids.wang),
      view.objections.find((o: { nominationId: string }) => o.nominationId === ids.li),
    ];
    expect(oWang.contact).toBe('13800001111');
    expect((await adminA.agent.get(`/api/campaigns/${campaignId}`)).json().objections).toEqual([]);
    expect((await adminA.agent.post(`/api/campaign-objections/${oWang.id}/resolution`, { upheld: true, reply: '核实属实' })).statusCode).toBe(403);

    const r1 = await w.admin.agent.post(`/api/campaign-objections/${oWang.id}/resolution`, { upheld: true, reply: '经核实存在违章搭建，取消入选' });
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json().resolution).toMatchObject({ upheld: true });
    expect((await w.admin.agent.post(`/api/campaign-objections/${oWang.id}/resolution`, { upheld: false, reply: '再处理' })).json().code).toBe(
      'campaigns.already_resolved',
    );
    expect(await audits('campaigns.objection_upheld', oWang.id)).toBe(1);

    const wang = (await w.admin.agent.get(`/api/campaigns/${campaignId}`)).json().nominationList.find((n: { id: string }) => n.id === ids.wang);
    expect(wang.removed).toBe('经核实存在违章搭建，取消入选');
    const pub = (await w.anon.get('/api/public/campaigns')).json();
    expect(pub.notices[0].nominees.map((n: { name: string }) => n.name)).not.toContain('王家');

    // Past the notice: finalise is refused while an objection is open, objections are refused.
    await w.advance(8 * DAY); // 2026-12-09
    const late = await w.anon.post(`/api/public/campaigns/${campaignId}/objections`, {
      nominationId: ids.li,
      contact: '13800004444',
      content: '公示期后才看到',
    });
    expect([late.statusCode, late.json().code]).toEqual([409, 'campaigns.objection_closed']);
    expect((await w.admin.agent.post(`/api/campaigns/${campaignId}/finalisation`)).json().code).toBe('campaigns.objections_open');
    const r2 = await w.admin.agent.post(`/api/campaign-objections/${oLi.id}/resolution`, { upheld: false, reply: '经核实符合条件，异议不成立' });
    expect(r2.statusCode, r2.body).toBe(200);
  });

  it('finalises after the notice; the result is kept per year and published', async () => {
    const res = await w.admin.agent.post(`/api/campaigns/${campaignId}/finalisation`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('final');
    expect(await audits('campaigns.finalised', campaignId)).toBe(1);
    expect((await w.admin.agent.post(`/api/campaigns/${campaignId}/finalisation`)).json().code).toBe('campaigns.not_in_notice');
    const pub = (await w.anon.get('/api/public/campaigns')).json();
    expect(pub.notices).toEqual([]);
    expect(pub.results).toHaveLength(1);
    expect(pub.results[0]).toMatchObject({ year: 2026, kind: 'ten_star', status: 'final', objectionsOpen: false });
    expect(pub.results[0].nominees).toHaveLength(1);
    expect(pub.results[0].nominees[0].name.startsWith('李')).toBe(true);
  });
});

describe('refusals', () => {
  it('refuses nominations outside the window and over the quota, and finalising before 公示', async () => {
    const early = await createCampaign({ kind: 'good_person', title: '身边好人', nominateFrom: '2026-12-20', nominateUntil: '2026-12-31', quotaPerStation: 1 });
    const person = {
      stationId: a.id,
      nomineeName: '刘阿姨',
      gender: 'female',
      ageBand: '60-79岁',
      deeds: '义务照看邻居老人十年',
      evidence: '居民联名',
      consent: true,
      consentRecordedBy: '张站长',
      consentOn: '2026-12-01',
    };
    const r = await adminA.agent.post(`/api/campaigns/${early.id}/nominations`, person);
    expect([r.statusCode, r.json().code]).toEqual([409, 'campaigns.not_nominating']);
    expect((await w.admin.agent.post(`/api/campaigns/${early.id}/finalisation`)).json().code).toBe('campaigns.not_in_notice');
    expect((await w.admin.agent.post(`/api/campaigns/${early.id}/publication`)).json().code).toBe('campaigns.none_selected');

    const now = await createCampaign({ kind: 'sage', title: '乡贤', nominateFrom: '2026-12-01', nominateUntil: '2026-12-31', quotaPerStation: 1 });
    expect((await adminA.agent.post(`/api/campaigns/${now.id}/nominations`, { ...person, nomineeName: '周老师' })).statusCode).toBe(201);
    const over = await adminA.agent.post(`/api/campaigns/${now.id}/nominations`, { ...person, nomineeName: '吴老师' });
    expect([over.statusCode, over.json().code]).toEqual([409, 'campaigns.quota_full']);
  });

  it('holds the station quota under 12 parallel nominations: exactly the quota succeed, the rest get quota_full', async () => {
    const c = await createCampaign({ kind: 'good_person', title: '并发提名', nominateFrom: '2026-12-01', nominateUntil: '2026-12-31', quotaPerStation: 3 });
    const person = (i: number) => ({
      stationId: a.id,
      nomineeName: `并发${i}号`,
      gender: 'male',
      ageBand: '60-79岁',
      deeds: '热心公益',
      evidence: '居民推荐',
      consent: true,
      consentRecordedBy: '张站长',
      consentOn: '2026-12-01',
    });
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => adminA.agent.post(`/api/campaigns/${c.id}/nominations`, person(i))));
    const codes = results.map((r) => (r.statusCode === 201 ? 201 : r.json().code));
    expect(codes.filter((x) => x === 201)).toHaveLength(3);
    expect(codes.filter((x) => x === 'campaigns.quota_full')).toHaveLength(9);
    const view = (await w.admin.agent.get(`/api/campaigns/${c.id}`)).json();
    expect(view.nominationList.filter((n: { nomineeName: string }) => n.nomineeName.startsWith('并发'))).toHaveLength(3);
  });

  it('keeps unpublished campaigns off the portal and answers 404 for an unknown or unpublished one', async () => {
    const pub = (await w.anon.get('/api/public/campaigns')).json();
    expect([...pub.notices, ...pub.results].every((c: { status: string }) => c.status !== 'open')).toBe(true);
    expect(pub.results.map((c: { title: string }) => c.title)).not.toContain('乡贤');
    const open = (await w.admin.agent.get('/api/campaigns')).json().items.find((c: { title: string }) => c.title === '乡贤');
    expect(
      (await w.anon.post(`/api/public/campaigns/${open.id}/objections`, { nominationId: randomUUID(), contact: '13800005555', content: '没有公示的评选' }))
        .statusCode,
    ).toBe(404);
  });

  it('station staff cannot create campaigns', async () => {
    expect((await adminA.agent.post('/api/campaigns', campaignBody())).statusCode).toBe(403);
  });
});

describe('the public objection form', () => {
  it('is rate-limited per address like the other public posts', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      codes.push(
        (
          await w.anon.post(`/api/public/campaigns/${randomUUID()}/objections`, {
            nominationId: randomUUID(),
            contact: '13800006666',
            content: '连续提交的异议',
          })
        ).statusCode,
      );
    }
    expect(codes).toContain(429);
  });
});
