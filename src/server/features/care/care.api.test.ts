import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../shared/rules/id-number';
import { manualClock } from '../../../../test/support/clock';
import { type Signed, type Staff, type Unit, type World, makeWorld } from '../../../../test/support/factories';

const clock = manualClock(new Date('2026-11-28T02:00:00Z'));
let w: World;
let a: Unit;
let b: Unit;
let staffA: Staff;
let staffB: Staff;

beforeAll(async () => {
  w = await makeWorld({ clock });
  a = await w.makeStation();
  b = await w.makeStation();
  staffA = await w.stationAdmin(a.id);
  staffB = await w.stationAdmin(b.id);
});
afterAll(async () => w?.close());

const ids = (res: { json(): { items: { id: string }[] } }) => res.json().items.map((r) => r.id);
async function auditCount(action: string, objectId: string) {
  return (await w.admin.agent.get(`/api/audit?action=${action}&objectId=${objectId}&pageSize=200`)).json();
}

describe('registering a care recipient', () => {
  const childId = makeIdNumber('500102', '2015-04-01', 881);
  const child = { stationId: '', name: '王小测', idNumber: childId, categories: ['留守儿童'], legalBasis: 'consent', needs: '作业辅导' };

  it('on consent needs the consent recorded: how, and the evidence or a note', async () => {
    const body = { ...child, stationId: a.id };
    for (const consent of [undefined, { method: 'signed_form' }, { method: 'phone_confirmation' }]) {
      const res = await staffA.agent.post('/api/care-recipients', { ...body, ...(consent ? { consent } : {}) });
      expect(res.statusCode, JSON.stringify(consent)).toBe(422);
      expect(res.json().code).toBe('care.consent_required');
    }
    // Someone else's upload is no evidence for this station.
    const foreign = await w.upload(staffB, 'form.png');
    expect((await staffA.agent.post('/api/care-recipients', { ...body, consent: { method: 'signed_form', evidenceFileId: foreign } })).json().code).toBe(
      'care.consent_required',
    );
    expect((await staffA.agent.get('/api/care-recipients')).json().items).toHaveLength(0);
  });

  it('keeps the ID number encrypted and shows it masked, derives the age, and refuses the same person twice', async () => {
    const form = await w.upload(staffA, 'form.png');
    const res = await staffA.agent.post('/api/care-recipients', {
      ...child,
      stationId: a.id,
      guardian: { name: '王奶奶', phone: '13600009999', relation: '祖母' },
      consent: { method: 'signed_form', evidenceFileId: form },
    });
    expect(res.statusCode).toBe(201);
    const r = res.json().recipient;
    expect(r).toMatchObject({
      stationId: a.id,
      name: '王小测',
      age: 11,
      gender: 'male',
      categories: ['留守儿童'],
      legalBasis: 'consent',
      consentMethod: 'signed_form',
      noContactFlag: false,
    });
    expect(r.idNumberMasked).toMatch(/^500\*+\d{3}[\dX]$/);
    expect(res.body).not.toContain(childId);
    // Integrity: the stored row holds no clear ID number (the one place this suite reads a table).
    const row = await w.t.deps.db.selectFrom('care_recipients').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(childId);
    const again = await staffA.agent.post('/api/care-recipients', { ...child, stationId: a.id, name: '重复登记', legalBasis: 'statutory_duty' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('care.duplicate');
    // Also from another station: one person, one record.
    expect((await staffB.agent.post('/api/care-recipients', { ...child, stationId: b.id, legalBasis: 'statutory_duty' })).json().code).toBe('care.duplicate');
  });

  it('refuses a bad ID number, a unit that is not a station, and anyone outside the station (404)', async () => {
    const bad = `${childId.slice(0, 17)}${childId[17] === '0' ? '1' : '0'}`;
    const res = await staffA.agent.post('/api/care-recipients', { ...child, idNumber: bad, stationId: a.id, legalBasis: 'statutory_duty' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('volunteer.bad_id_number');
    expect(
      (
        await w.admin.agent.post('/api/care-recipients', { stationId: w.instituteId, name: '所里', categories: ['空巢老人'], legalBasis: 'statutory_duty' })
      ).json().code,
    ).toBe('volunteer.not_station');
    expect(
      (await staffB.agent.post('/api/care-recipients', { stationId: a.id, name: '越权登记', categories: ['空巢老人'], legalBasis: 'statutory_duty' }))
        .statusCode,
    ).toBe(404);
    const v = await w.makeVolunteer({ stationId: a.id });
    expect(
      (await v.agent.post('/api/care-recipients', { stationId: a.id, name: '志愿者登记', categories: ['空巢老人'], legalBasis: 'statutory_duty' })).statusCode,
    ).toBe(404);
  });
});

describe('who sees a care recipient', () => {
  let id: string;
  let outsiders: [string, Signed][];
  beforeAll(async () => {
    id = (await w.makeCareRecipient({ stationId: a.id, name: '李奶奶', categories: ['独居老人'] })).id;
    outsiders = [
      ['another station’s admin', staffB],
      ['a volunteer of the station', await w.makeVolunteer({ stationId: a.id })],
      ['a resident of the station', await w.makeResident({ stationId: a.id })],
      ['a team leader of the station', await w.makeStaff('team_leader', a.id)],
    ];
  });

  it('the serving station’s staff and the institute admin', async () => {
    for (const staff of [staffA, w.admin]) {
      const res = await staff.agent.get(`/api/care-recipients/${id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().recipient).toMatchObject({ id, name: '李奶奶', stationId: a.id });
      expect(ids(await staff.agent.get('/api/care-recipients'))).toContain(id);
    }
  });

  it('nobody else: 404 on read, edit and visit, whatever their role', async () => {
    for (const [label, who] of outsiders) {
      expect((await who.agent.get(`/api/care-recipients/${id}`)).statusCode, label).toBe(404);
      expect((await who.agent.patch(`/api/care-recipients/${id}`, { needs: '越权修改' })).statusCode, label).toBe(404);
      expect((await who.agent.post(`/api/care-recipients/${id}/visits`, { kind: 'call', at: clock.now().toISOString(), note: '越权' })).statusCode, label).toBe(
        404,
      );
    }
    expect((await staffB.agent.get(`/api/care-recipients?stationId=${a.id}`)).statusCode).toBe(404);
    expect(ids(await staffB.agent.get('/api/care-recipients'))).not.toContain(id);
    for (const [label, who] of outsiders.slice(1)) expect((await who.agent.get('/api/care-recipients')).statusCode, label).toBe(404);
    expect((await w.anon.get(`/api/care-recipients/${id}`)).statusCode).toBe(401);
    // The record was not touched.
    expect((await staffA.agent.get(`/api/care-recipients/${id}`)).json().recipient.needs).toBe('定期探访');
  });

  it('logs every view with who looked, and no view for a refused look', async () => {
    const before = (await auditCount('care.viewed', id)).total;
    await staffA.agent.get(`/api/care-recipients/${id}`);
    await w.admin.agent.get(`/api/care-recipients/${id}`);
    await staffB.agent.get(`/api/care-recipients/${id}`);
    const after = await auditCount('care.viewed', id);
    expect(after.total).toBe(before + 2);
    expect(
      after.items
        .slice(0, 2)
        .map((e: { actorName: string }) => e.actorName)
        .sort(),
    ).toEqual([staffA.name, w.admin.name].sort());
    const listed = (await w.admin.agent.get('/api/audit?action=care.listed&pageSize=1')).json();
    expect(listed.total).toBeGreaterThan(0);
  });

  it('keeps changed values out of the audit log and archives without deleting', async () => {
    const res = await staffA.agent.patch(`/api/care-recipients/${id}`, { needs: '每周送药', phone: '13900001111' });
    expect(res.json().recipient).toMatchObject({ needs: '每周送药', phone: '13900001111' });
    const updated = (await auditCount('care.updated', id)).items[0];
    expect(JSON.stringify(updated.changes)).not.toContain('每周送药');
    expect(JSON.stringify(updated.changes)).not.toContain('13900001111');
    expect(Object.keys(updated.changes).sort()).toEqual(['needs', 'phone']);
    expect((await staffA.agent.patch(`/api/care-recipients/${id}`, { archived: true })).json().recipient.archived).toBe(true);
    expect(ids(await staffA.agent.get('/api/care-recipients'))).not.toContain(id);
    expect(ids(await staffA.agent.get('/api/care-recipients?includeArchived=true'))).toContain(id);
  });
});

describe('staying in touch', () => {
  it('links taking part in a published activity of the institute, dated at its start', async () => {
    const r = await w.makeCareRecipient({ stationId: a.id });
    const act = await w.makeActivity({ unitId: a.id, title: '四点半课堂' });
    const res = await staffA.agent.post(`/api/care-recipients/${r.id}/visits`, {
      kind: 'activity',
      activityId: act.id,
      at: clock.now().toISOString(),
      note: '参加四点半课堂',
    });
    expect(res.json().visits.find((v: { kind: string }) => v.kind === 'activity')).toMatchObject({ activityId: act.id, at: act.startsAt });
    const draft = await w.makeActivity({ unitId: a.id, status: 'draft' });
    expect(
      (await staffA.agent.post(`/api/care-recipients/${r.id}/visits`, { kind: 'activity', activityId: draft.id, at: clock.now().toISOString(), note: 'x' }))
        .statusCode,
    ).toBe(404);
    expect((await staffA.agent.post(`/api/care-recipients/${r.id}/visits`, { kind: 'activity', at: clock.now().toISOString(), note: 'x' })).statusCode).toBe(
      400,
    );
  });

  it('records an order placed for the recipient as a contact when it is completed', async () => {
    const r = await w.makeCareRecipient({ stationId: a.id, name: '张爷爷' });
    const v = await w.makeVolunteer({ stationId: a.id });
    const placed = await staffA.agent.post('/api/orders', {
      description: '需要上门理发',
      stationId: a.id,
      onBehalf: { name: '张爷爷', channel: 'staff_visit', careRecipientId: r.id },
    });
    expect(placed.json()).toMatchObject({ careRecipientId: r.id, channel: 'staff_visit', requesterVerified: true });
    const o = placed.json().id;
    await staffA.agent.post(`/api/orders/${o}/actions`, { action: 'review' });
    await staffA.agent.post(`/api/orders/${o}/actions`, { action: 'dispatch', target: { type: 'volunteer', id: v.id } });
    await v.agent.post(`/api/orders/${o}/actions`, { action: 'accept' });
    clock.advance(10 * 60_000);
    expect((await v.agent.post(`/api/orders/${o}/actions`, { action: 'complete', report: '已理发' })).json().status).toBe('completed');
    const detail = (await staffA.agent.get(`/api/care-recipients/${r.id}`)).json();
    expect(detail.visits[0]).toMatchObject({ kind: 'order', orderId: o, note: '已理发', at: clock.now().toISOString() });
    expect(detail.recipient.lastContactAt).toBe(clock.now().toISOString());
    // The volunteer sees the order, but not which care recipient it was for.
    expect((await v.agent.get(`/api/orders/${o}`)).json().careRecipientId).toBeNull();
  });

  it('refuses an order for a recipient of another station, or one that does not exist, writing nothing', async () => {
    const r = await w.makeCareRecipient({ stationId: a.id, name: '李奶奶' });
    const before = (await staffA.agent.get(`/api/care-recipients/${r.id}`)).json().visits.length;
    const ordersBefore = (await staffB.agent.get('/api/orders?pageSize=200')).json().total;
    for (const careRecipientId of [r.id, '00000000-0000-4000-8000-000000000000']) {
      const res = await staffB.agent.post('/api/orders', {
        description: '需要代购药品',
        stationId: b.id,
        onBehalf: { name: '李奶奶', channel: 'staff_visit', careRecipientId },
      });
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().code).toBe('care.recipient_not_found');
    }
    // Station A's own staff cannot file it under station B either.
    const misfiled = await staffA.agent.post('/api/orders', {
      description: '需要代购药品',
      stationId: b.id,
      onBehalf: { name: '李奶奶', channel: 'staff_visit', careRecipientId: r.id },
    });
    expect(misfiled.statusCode).toBeGreaterThanOrEqual(400);
    expect(misfiled.statusCode).toBeLessThan(500);
    expect((await staffB.agent.get('/api/orders?pageSize=200')).json().total).toBe(ordersBefore);
    expect((await staffA.agent.get(`/api/care-recipients/${r.id}`)).json().visits).toHaveLength(before);
  });

  it('flags a recipient after the configured days without contact; a visit clears the flag', async () => {
    const station = await w.makeStation();
    const staff = await w.stationAdmin(station.id);
    const r = await w.makeCareRecipient({ stationId: station.id, by: staff });
    expect((await staff.agent.get('/api/care-recipients/flags')).json()).toEqual({ noContactDays: 30, total: 0, stations: [] });
    await w.advance(29 * 86_400_000);
    expect((await staff.agent.get(`/api/care-recipients/${r.id}`)).json().recipient.noContactFlag).toBe(false);
    await w.advance(2 * 86_400_000);
    expect((await staff.agent.get('/api/care-recipients/flags')).json()).toEqual({
      noContactDays: 30,
      total: 1,
      stations: [{ stationId: station.id, stationName: station.name, count: 1 }],
    });
    expect(ids(await staff.agent.get('/api/care-recipients?flagged=true'))).toEqual([r.id]);
    const visited = await staff.agent.post(`/api/care-recipients/${r.id}/visits`, {
      kind: 'visit',
      at: clock.now().toISOString(),
      note: '入户走访，身体状况良好',
    });
    expect(visited.statusCode).toBe(200);
    expect(visited.json().recipient).toMatchObject({ noContactFlag: false, lastContactAt: clock.now().toISOString() });
    expect(visited.json().visits[0]).toMatchObject({ kind: 'visit', note: '入户走访，身体状况良好', byName: staff.name });
    expect((await staff.agent.get('/api/care-recipients/flags')).json().total).toBe(0);
  });
});
