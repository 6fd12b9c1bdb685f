import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Staff, type Unit, type Volunteer, type World, makeWorld } from '../../../../test/support/factories';

let w: World;
let a: Unit;
let staffA: Staff;
let staffB: Staff;
let vol: Volunteer;

/** Approved hours the ordinary way: an order the volunteer completes, approved by the station's staff. */
async function serve(hours: number) {
  const o = await w.makeOrder({ stationId: a.id, description: `服务 ${hours} 小时` });
  await staffA.agent.post(`/api/orders/${o.id}/actions`, { action: 'review', verified: true });
  await staffA.agent.post(`/api/orders/${o.id}/actions`, { action: 'dispatch', target: { type: 'volunteer', id: vol.id } });
  await vol.agent.post(`/api/orders/${o.id}/actions`, { action: 'accept' });
  await vol.agent.post(`/api/orders/${o.id}/actions`, { action: 'complete', report: '已完成', serviceHours: hours });
  const rec = (await staffA.agent.get(`/api/hours?volunteerId=${vol.id}&status=pending&pageSize=200`))
    .json()
    .items.find((r: { hours: number }) => r.hours === hours);
  expect((await staffA.agent.post(`/api/hours/${rec.id}/decision`, { decision: 'approve' })).json().status).toBe('approved');
}

const award = (o: Record<string, unknown>) => ({
  title: '优秀志愿者',
  level: '街道级',
  grantedBy: '马鞍街道办事处',
  awardedOn: '2026-05-04',
  reason: '长期参与助老服务，表现突出。',
  ...o,
});

beforeAll(async () => {
  w = await makeWorld();
  a = await w.makeStation();
  staffA = await w.stationAdmin(a.id);
  staffB = await w.stationAdmin((await w.makeStation()).id);
  vol = await w.makeVolunteer({ stationId: a.id, name: '欧阳明华' });
  await w.admin.agent.put(`/api/settings/${w.instituteId}/rules/stars.thresholds`, { value: [1, 2, 3, 4, 5] });
  await serve(2.5);
});
afterAll(async () => w?.close());

describe('recognition', () => {
  it('gives an award to a volunteer, on their service record too, with a PDF certificate carrying the name', async () => {
    const res = await staffA.agent.post('/api/recognition/awards', award({ volunteerId: vol.id }));
    expect(res.statusCode).toBe(201);
    const aw = res.json();
    expect(aw).toMatchObject({ recipientKind: 'volunteer', recipientName: '欧阳明华', unitId: a.id, revoked: false });
    expect(aw.number).toMatch(/^BZ2026-[0-9A-Z]{8}$/);
    const record = (await staffA.agent.get(`/api/volunteers/${vol.id}/awards`)).json().items;
    expect(record.map((r: { name: string }) => r.name)).toContain('优秀志愿者');

    const pdf = await vol.agent.get(aw.pdfUrl);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    if (existsSync('/usr/bin/pdftotext')) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'award-'));
      try {
        writeFileSync(path.join(dir, 'a.pdf'), pdf.rawPayload);
        const text = execFileSync('pdftotext', [path.join(dir, 'a.pdf'), '-'])
          .toString()
          .replace(/\s+/g, '');
        expect(text).toContain('荣誉证书');
        expect(text).toContain('欧阳明华');
        expect(text).toContain('优秀志愿者');
        expect(text).toContain(aw.number);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    // Another volunteer and another station's staff do not see it.
    const other = await w.makeVolunteer({ stationId: a.id });
    expect((await other.agent.get(aw.pdfUrl)).statusCode).toBe(404);
    expect((await staffB.agent.get(aw.pdfUrl)).statusCode).toBe(404);
  });

  it('gives an award to a team', async () => {
    const team = await w.makeTeam({ unitId: a.id, name: '马鞍助老服务队' });
    const res = await staffA.agent.post('/api/recognition/awards', award({ teamId: team.id, title: '优秀志愿服务队伍', level: '区级' }));
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ recipientKind: 'team', recipientName: '马鞍助老服务队', teamId: team.id });
    // Teams are always on the public list.
    const pub = (await w.anon.get('/api/public/honours?year=2026')).json();
    expect(pub.items.map((i: { name: string }) => i.name)).toContain('马鞍助老服务队');
    // A member sees the team's honour on their phone; someone outside the team does not.
    const member = await w.makeVolunteer({ stationId: a.id });
    expect((await staffA.agent.post(`/api/teams/${team.id}/members`, { volunteerId: member.id })).statusCode).toBe(200);
    const mine = (await member.agent.get('/api/recognition/me')).json();
    expect(mine.teamAwards.map((x: { title: string; recipientName: string }) => [x.title, x.recipientName])).toEqual([['优秀志愿服务队伍', '马鞍助老服务队']]);
    expect(mine.awards).toEqual([]);
    expect((await vol.agent.get('/api/recognition/me')).json().teamAwards).toEqual([]);
  });

  it('keeps scope: another station 404, a volunteer 403, bad input 400', async () => {
    expect((await staffB.agent.post('/api/recognition/awards', award({ volunteerId: vol.id }))).statusCode).toBe(404);
    expect((await vol.agent.post('/api/recognition/awards', award({ volunteerId: vol.id }))).statusCode).toBe(403);
    expect((await vol.agent.get('/api/recognition/awards')).statusCode).toBe(403);
    const both = await staffA.agent.post('/api/recognition/awards', award({}));
    expect(both.statusCode).toBe(400);
    expect(both.json().code).toBe('validation.failed');
    expect((await staffA.agent.post('/api/recognition/awards', award({ volunteerId: vol.id, level: '宇宙级' }))).statusCode).toBe(400);
    expect((await staffA.agent.post('/api/recognition/awards', award({ volunteerId: vol.id, title: '' }))).statusCode).toBe(400);
    const listB = (await staffB.agent.get('/api/recognition/awards')).json();
    expect(listB.total).toBe(0);
    expect((await staffA.agent.get('/api/recognition/awards?year=2026')).json().total).toBeGreaterThanOrEqual(2);
  });

  it('lists a volunteer in public only with their consent, masked unless they chose the full name; withdrawn → gone', async () => {
    const names = async () => (await w.anon.get('/api/public/honours')).json().items.map((i: { name: string }) => i.name);
    expect(await names()).not.toContain('欧阳明华');
    expect(await names()).not.toContain('欧**华');
    expect((await vol.agent.put('/api/recognition/me/consent', { status: 'masked' })).json().status).toBe('masked');
    expect(await names()).toContain('欧**华');
    await vol.agent.put('/api/recognition/me/consent', { status: 'full_name' });
    expect(await names()).toContain('欧阳明华');
    await vol.agent.put('/api/recognition/me/consent', { status: 'withdrawn' });
    expect(await names()).not.toContain('欧阳明华');
    expect(await names()).not.toContain('欧**华');
    // Staff record it with a note; another station cannot.
    expect((await staffB.agent.post(`/api/recognition/volunteers/${vol.id}/consent`, { status: 'masked', note: '书面同意' })).statusCode).toBe(404);
    const rec = await staffA.agent.post(`/api/recognition/volunteers/${vol.id}/consent`, { status: 'masked', note: '本人签署书面同意书' });
    expect(rec.json()).toMatchObject({ status: 'masked', bySelf: false, note: '本人签署书面同意书' });
    expect(await names()).toContain('欧**华');
    expect((await staffA.agent.post(`/api/recognition/volunteers/${vol.id}/consent`, { status: 'masked' })).statusCode).toBe(400);
  });

  it('revokes by a counter-row: gone from the public list, the PDF refused, a second revocation 409', async () => {
    const aw = (await staffA.agent.post('/api/recognition/awards', award({ volunteerId: vol.id, title: '最美志愿者' }))).json();
    expect((await w.anon.get(`/api/public/honours?number=${aw.number}`)).json().total).toBe(1);
    expect((await staffB.agent.post(`/api/recognition/awards/${aw.id}/revoke`, { reason: '误录' })).statusCode).toBe(404);
    expect((await vol.agent.post(`/api/recognition/awards/${aw.id}/revoke`, { reason: '误录' })).statusCode).toBe(403);
    const res = await staffA.agent.post(`/api/recognition/awards/${aw.id}/revoke`, { reason: '重复录入' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ revoked: true, revokeReason: '重复录入' });
    expect((await staffA.agent.post(`/api/recognition/awards/${aw.id}/revoke`, { reason: '再次' })).json().code).toBe('recognition.revoked');
    expect((await vol.agent.get(aw.pdfUrl)).json().code).toBe('recognition.revoked');
    expect((await w.anon.get(`/api/public/honours?number=${aw.number}`)).json().total).toBe(0);
    const titles = (await w.anon.get('/api/public/honours')).json().items.map((i: { title: string }) => i.title);
    expect(titles).not.toContain('最美志愿者');
  });

  it('lets exactly one of parallel revocations through, and every award is still there', async () => {
    const aw = (await staffA.agent.post('/api/recognition/awards', award({ volunteerId: vol.id, title: '并发撤销' }))).json();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => staffA.agent.post(`/api/recognition/awards/${aw.id}/revoke`, { reason: `原因${i}` })),
    );
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'recognition.revoked')).toBe(true);
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(5);
    const listed = (await staffA.agent.get(`/api/recognition/awards?volunteerId=${vol.id}&pageSize=200`)).json().items;
    expect(listed.find((x: { id: string }) => x.id === aw.id)).toMatchObject({ revoked: true });
  });

  it('shows the benefits of the star level and what the next one adds; the catalogue is the institute admin’s', async () => {
    const admin = w.admin.agent;
    const mk = async (title: string, minLevel: number, extra: Record<string, unknown> = {}) =>
      (await admin.post('/api/recognition/benefits', { title, description: `${title}说明`, provider: '爱心商家', minLevel, ...extra })).json();
    await mk('优先服务', 1);
    await mk('爱心商家九折', 2);
    await mk('免费参观', 3);
    const old = await mk('过期礼遇', 1, { validTo: '2020-12-31' });
    expect(old.active).toBe(true);
    expect((await staffA.agent.post('/api/recognition/benefits', { title: 'x', description: 'y', provider: 'z', minLevel: 1 })).statusCode).toBe(403);
    const bad = await admin.post('/api/recognition/benefits', {
      title: 'x',
      description: 'y',
      provider: 'z',
      minLevel: 1,
      validFrom: '2026-02-01',
      validTo: '2026-01-01',
    });
    expect(bad.statusCode).toBe(400);
    const me = (await vol.agent.get('/api/recognition/me')).json();
    expect(me.starLevel).toBe(2);
    expect(me.benefits.map((b: { title: string }) => b.title).sort()).toEqual(['优先服务', '爱心商家九折'].sort());
    expect(me.nextLevel).toBe(3);
    expect(me.nextBenefits.map((b: { title: string }) => b.title)).toEqual(['免费参观']);
    expect(me.awards.length).toBeGreaterThanOrEqual(2);
    const updated = await admin.put(`/api/recognition/benefits/${old.id}`, {
      title: '过期礼遇',
      description: '停用',
      provider: '爱心商家',
      minLevel: 1,
      active: false,
    });
    expect(updated.json().active).toBe(false);
    expect((await staffA.agent.get('/api/recognition/benefits')).json().items).toHaveLength(4);
  });

  it('lists the milestones and the yearly honour list, and exports it', async () => {
    const year = new Date(w.clock.now()).toISOString().slice(0, 4);
    const ms = (await staffA.agent.get(`/api/recognition/milestones?year=${year}`)).json().items;
    expect(ms.some((m: { name: string; level: number }) => m.name === '欧阳明华' && m.level >= 1)).toBe(true);
    expect((await staffB.agent.get(`/api/recognition/milestones?year=${year}`)).json().items).toHaveLength(0);
    const list = (await staffA.agent.get('/api/recognition/honours?year=2026')).json();
    expect(list.awards.every((x: { revoked: boolean }) => !x.revoked)).toBe(true);
    const x = await staffA.agent.get('/api/recognition/honours.xlsx?year=2026');
    expect(x.statusCode).toBe(200);
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await staffA.agent.get('/api/recognition/honours?year=26')).statusCode).toBe(400);
  });
});
