import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../shared/rules/id-number';
import { type TestApp, makeTestApp } from '../../../../test/support/app';

let t: TestApp;
let station01: string;
beforeAll(async () => {
  t = await makeTestApp();
  station01 = await t.unitId('金银社区新时代文明实践站');
});
afterAll(async () => t?.close());

describe('care recipients', () => {
  it('are registered with a legal basis, IDs encrypted and masked, and visible only to the serving station and the institute', async () => {
    const s = await t.login('station01');
    const id = makeIdNumber('500102', '2015-04-01', 881);
    const noConsent = await s.post('/api/care-recipients', { stationId: station01, name: '王小测', idNumber: id, categories: ['留守儿童'], legalBasis: 'consent' });
    expect(noConsent.json().code).toBe('care.consent_required');
    const res = await s.post('/api/care-recipients', {
      stationId: station01, name: '王小测', idNumber: id, categories: ['留守儿童'], legalBasis: 'consent',
      guardian: { name: '王奶奶', phone: '13600009999', relation: '祖母' }, consent: { method: 'in_person', note: '祖母当面同意' }, needs: '作业辅导',
    });
    expect(res.statusCode).toBe(201);
    const r = res.json().recipient;
    expect(r).toMatchObject({ age: 11, categories: ['留守儿童'], legalBasis: 'consent' });
    expect(r.idNumberMasked).toMatch(/^500\*{11}/);
    expect(JSON.stringify(res.json())).not.toContain(id);
    const row = await t.deps.db.selectFrom('care_recipients').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(id);
    expect((await s.post('/api/care-recipients', { stationId: station01, name: '重复', idNumber: id, categories: ['留守儿童'], legalBasis: 'statutory_duty' })).statusCode).toBe(409);

    for (const who of ['station02', 'volunteer01', 'district', 'leader01']) {
      const other = await t.login(who);
      expect((await other.get(`/api/care-recipients/${r.id}`)).statusCode, who).toBe(404);
      expect((await other.patch(`/api/care-recipients/${r.id}`, { needs: 'x' })).statusCode, who).toBe(404);
    }
    const admin = await t.login('admin');
    expect((await admin.get(`/api/care-recipients/${r.id}`)).statusCode).toBe(200);
  });

  it('logs every view of a record', async () => {
    const s = await t.login('station01');
    const r = (await s.get('/api/care-recipients')).json().items[0];
    const before = (await t.deps.db.selectFrom('audit_log').select('seq').where('action', '=', 'care.viewed').where('object_id', '=', r.id).execute()).length;
    await s.get(`/api/care-recipients/${r.id}`);
    await (await t.login('admin')).get(`/api/care-recipients/${r.id}`);
    const after = await t.deps.db.selectFrom('audit_log').select(['seq', 'actor_name']).where('action', '=', 'care.viewed').where('object_id', '=', r.id).execute();
    expect(after.length).toBe(before + 2);
  });

  it('flags recipients with no contact for the configured period, and a visit clears the flag', async () => {
    const s = await t.login('station01');
    const flags = (await s.get('/api/care-recipients/flags')).json();
    expect(flags.noContactDays).toBe(30);
    const flagged = (await s.get('/api/care-recipients?flagged=true')).json().items;
    expect(flagged.length).toBe(flags.total);
    expect(flagged.length).toBeGreaterThan(0);
    const one = flagged[0];
    const visited = await s.post(`/api/care-recipients/${one.id}/visits`, { kind: 'visit', at: new Date().toISOString(), note: '入户走访，身体状况良好' });
    expect(visited.json().recipient.noContactFlag).toBe(false);
    expect(visited.json().visits[0].note).toContain('入户走访');
    const activity = await t.deps.db.selectFrom('activities').select(['id', 'starts_at']).where('unit_id', '=', station01).where('status', '=', 'summarised').executeTakeFirstOrThrow();
    const linked = await s.post(`/api/care-recipients/${one.id}/visits`, { kind: 'activity', activityId: activity.id, at: new Date().toISOString(), note: '参加四点半课堂' });
    expect(linked.json().visits.find((v: { kind: string }) => v.kind === 'activity')).toMatchObject({ activityId: activity.id, at: activity.starts_at });
    expect((await s.post(`/api/care-recipients/${one.id}/visits`, { kind: 'activity', at: new Date().toISOString(), note: 'x' })).statusCode).toBe(400);
  });
});
