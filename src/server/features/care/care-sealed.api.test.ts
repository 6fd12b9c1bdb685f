import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { type Signed, type Staff, type Unit, type World, makeWorld } from '../../../../test/support/factories';
import { sealPlainCareOrders } from '../orders/orders.sealing';
import { sealPlainCareData } from './care.sealing';

/** Issue 12: phones, addresses and needs sealed at rest; who sees them in full (docs/security.md, "Care recipients"). */
const clock = manualClock(new Date('2026-11-28T02:00:00Z'));
let w: World;
let a: Unit;
let b: Unit;
let staffA: Staff;
let staffB: Staff;
let id: string;

const PHONE = '13912345678';
const GUARDIAN = '13698765432';
const ADDRESS = '马鞍街道幸福路 8 号 3 单元 502';
const NEEDS = '独居，每周需要代购药品';

beforeAll(async () => {
  w = await makeWorld({ clock });
  a = await w.makeStation();
  b = await w.makeStation();
  staffA = await w.stationAdmin(a.id);
  staffB = await w.stationAdmin(b.id);
  const res = await staffA.agent.post('/api/care-recipients', {
    stationId: a.id,
    name: '周奶奶',
    phone: PHONE,
    address: ADDRESS,
    needs: NEEDS,
    guardian: { name: '周先生', phone: GUARDIAN, relation: '儿子' },
    categories: ['独居老人'],
    legalBasis: 'statutory_duty',
  });
  expect(res.statusCode, res.body).toBe(201);
  id = res.json().recipient.id;
});
afterAll(async () => w?.close());

const rawRow = (rowId: string) => w.t.deps.db.selectFrom('care_recipients').selectAll().where('id', '=', rowId).executeTakeFirstOrThrow();
const listed = async (who: Signed, query = '') => (await who.agent.get(`/api/care-recipients?pageSize=100${query}`)).json().items as Record<string, unknown>[];

describe('care data at rest', () => {
  it('the stored row holds no clear phone, address, needs or guardian phone; the plain columns stay NULL', async () => {
    const row = await rawRow(id);
    const text = JSON.stringify(row);
    for (const secret of [PHONE, GUARDIAN, ADDRESS, NEEDS, '幸福路', '代购药品']) expect(text).not.toContain(secret);
    expect(row).toMatchObject({
      phone: null,
      address: null,
      needs: null,
      guardian_phone: null,
      phone_masked: '139****5678',
      guardian_phone_masked: '136****5432',
    });
    for (const c of ['phone_enc', 'phone_hash', 'address_enc', 'needs_enc', 'guardian_phone_enc'] as const) expect(row[c]).toEqual(expect.any(String));
  });

  it('an edit is written sealed too, and the audit names the fields, never the values', async () => {
    const res = await staffA.agent.patch(`/api/care-recipients/${id}`, { address: '马鞍街道和平路 1 号', phone: '13912340000' });
    expect(res.json().recipient).toMatchObject({ address: '马鞍街道和平路 1 号', phone: '13912340000', needs: NEEDS, masked: false });
    const row = await rawRow(id);
    expect(JSON.stringify(row)).not.toContain('和平路');
    expect(JSON.stringify(row)).not.toContain('13912340000');
    expect(row).toMatchObject({ phone: null, address: null, phone_masked: '139****0000' });
    const audit = (await w.admin.agent.get(`/api/audit?action=care.updated&objectId=${id}&pageSize=5`)).json().items[0];
    expect(Object.keys(audit.changes).sort()).toEqual(['address', 'phone']);
    expect(JSON.stringify(audit.changes)).not.toContain('和平路');
    await staffA.agent.patch(`/api/care-recipients/${id}`, { address: ADDRESS, phone: PHONE });
  });
});

describe('who sees the contact data', () => {
  it('the serving station’s staff: in full, in the list and in the record', async () => {
    expect((await listed(staffA)).find((r) => r.id === id)).toMatchObject({
      masked: false,
      phone: PHONE,
      address: ADDRESS,
      needs: NEEDS,
      guardian: { name: '周先生', phone: GUARDIAN, relation: '儿子' },
    });
    expect((await staffA.agent.get(`/api/care-recipients/${id}`)).json().recipient).toMatchObject({ masked: false, phone: PHONE, address: ADDRESS });
  });

  it('the institute admin: masked in the list; in full on opening the record, which is audited', async () => {
    const listRes = await w.admin.agent.get('/api/care-recipients?pageSize=100');
    const item = (listRes.json().items as Record<string, unknown>[]).find((r) => r.id === id);
    expect(item).toMatchObject({ masked: true, phone: '139****5678', address: null, needs: null, guardian: { name: '周先生', phone: '136****5432' } });
    for (const secret of [PHONE, GUARDIAN, ADDRESS, NEEDS]) expect(listRes.body).not.toContain(secret);
    const before = (await w.admin.agent.get(`/api/audit?action=care.viewed&objectId=${id}&pageSize=1`)).json().total;
    const opened = await w.admin.agent.get(`/api/care-recipients/${id}`);
    expect(opened.json().recipient).toMatchObject({ masked: false, phone: PHONE, address: ADDRESS, needs: NEEDS, guardian: { phone: GUARDIAN } });
    const views = (await w.admin.agent.get(`/api/audit?action=care.viewed&objectId=${id}&pageSize=1`)).json();
    expect(views.total).toBe(before + 1);
    expect(views.items[0].actorName).toBe(w.admin.name);
  });

  it('everyone else: 404 on the record and the list, and never a phone', async () => {
    const others: [string, Signed][] = [
      ['a volunteer of the station', await w.makeVolunteer({ stationId: a.id })],
      ['a resident of the station', await w.makeResident({ stationId: a.id })],
      ['a team leader of the station', await w.makeStaff('team_leader', a.id)],
    ];
    for (const [label, who] of others) {
      const res = await who.agent.get(`/api/care-recipients/${id}`);
      expect(res.statusCode, label).toBe(404);
      expect(res.body, label).not.toContain(PHONE);
      expect((await who.agent.get(`/api/care-recipients?phone=${PHONE}`)).statusCode, label).toBe(404);
    }
    expect((await staffB.agent.get(`/api/care-recipients/${id}`)).statusCode).toBe(404);
    expect(await listed(staffB, `&phone=${PHONE}`)).toEqual([]);
  });
});

describe('finding a recipient by phone', () => {
  it('matches the exact number on the blind index, for the staff who may list', async () => {
    const other = await w.makeCareRecipient({ stationId: a.id, name: '另一位' });
    expect((await listed(staffA, `&phone=${PHONE}`)).map((r) => r.id)).toEqual([id]);
    expect((await listed(w.admin, `&phone=${PHONE}`)).map((r) => r.id)).toEqual([id]);
    expect(await listed(staffA, '&phone=13912345679')).toEqual([]);
    expect((await listed(staffA)).map((r) => r.id)).toContain(other.id);
    // Only a whole, valid number: no partial match exists on a sealed column.
    const partial = await staffA.agent.get('/api/care-recipients?phone=1391234');
    expect(partial.statusCode).toBe(400);
  });
});

describe('orders for a care recipient', () => {
  it('carry the recorded address and phone; the assigned volunteer sees them in full, others masked', async () => {
    const v = await w.makeVolunteer({ stationId: a.id });
    const placed = await staffA.agent.post('/api/orders', {
      description: '需要代购药品',
      stationId: a.id,
      onBehalf: { name: '周奶奶', channel: 'staff_visit', careRecipientId: id },
    });
    expect(placed.statusCode, placed.body).toBe(201);
    expect(placed.json()).toMatchObject({ address: ADDRESS, requesterPhone: PHONE });
    const o = placed.json().id;
    // At rest the order keeps them sealed, like the record: no clear phone or address in its row.
    const row = await w.t.deps.db.selectFrom('orders').selectAll().where('id', '=', o).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ requester_phone: null, address: null });
    expect(row.requester_phone_enc).toBeTruthy();
    expect(row.address_enc).toBeTruthy();
    for (const secret of [PHONE, ADDRESS, '幸福路']) expect(JSON.stringify(row)).not.toContain(secret);
    await staffA.agent.post(`/api/orders/${o}/actions`, { action: 'review' });
    await staffA.agent.post(`/api/orders/${o}/actions`, { action: 'dispatch', target: { type: 'volunteer', id: v.id } });
    // Sent to a volunteer who has not taken it yet: the phone masked, the home address not shown.
    expect((await v.agent.get(`/api/orders/${o}`)).json()).toMatchObject({ requesterPhone: '139****5678', address: null });
    expect((await v.agent.post(`/api/orders/${o}/actions`, { action: 'accept' })).statusCode).toBe(200);
    expect((await v.agent.get(`/api/orders/${o}`)).json()).toMatchObject({ address: ADDRESS, requesterPhone: PHONE, careRecipientId: null });
    // Staff of another station see neither.
    expect((await staffB.agent.get(`/api/orders/${o}`)).statusCode).toBe(404);
    // The service becomes hours without the home address (the ledger is exported; the record is sealed).
    await v.agent.post(`/api/orders/${o}/actions`, { action: 'start' });
    const done = await v.agent.post(`/api/orders/${o}/actions`, { action: 'complete', report: '已代购药品送到家' });
    expect(done.statusCode, done.body).toBe(200);
    const hours = await w.t.deps.db.selectFrom('service_records').select(['place']).where('order_id', '=', o).execute();
    expect(hours.map((h) => h.place)).toEqual(['关爱对象住所']);
    // The form's own address wins over the record's.
    const typed = await staffA.agent.post('/api/orders', {
      description: '陪同就医',
      stationId: a.id,
      address: '医院门口见',
      onBehalf: { name: '周奶奶', channel: 'staff_phone', careRecipientId: id },
    });
    expect(typed.json()).toMatchObject({ address: '医院门口见', requesterPhone: PHONE });
  });

  it('written before migration 0029 in the clear, are sealed by the startup step once, with one audit row', async () => {
    const placed = await staffA.agent.post('/api/orders', {
      description: '上门理发',
      stationId: a.id,
      onBehalf: { name: '周奶奶', channel: 'staff_phone', careRecipientId: id },
    });
    const o = placed.json().id;
    // As an older version wrote it: the contact in the clear, nothing sealed.
    await w.t.deps.db
      .updateTable('orders')
      .set({ requester_phone: PHONE, address: ADDRESS, requester_phone_enc: null, address_enc: null })
      .where('id', '=', o)
      .execute();
    expect(await sealPlainCareOrders(w.t.deps)).toBe(1);
    expect(await sealPlainCareOrders(w.t.deps)).toBe(0);
    const row = await w.t.deps.db.selectFrom('orders').selectAll().where('id', '=', o).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ requester_phone: null, address: null });
    for (const secret of [PHONE, ADDRESS]) expect(JSON.stringify(row)).not.toContain(secret);
    expect((await staffA.agent.get(`/api/orders/${o}`)).json()).toMatchObject({ address: ADDRESS, requesterPhone: PHONE });
    expect((await w.admin.agent.get('/api/audit?action=orders.sealed&pageSize=5')).json().total).toBe(1);
  });
});

describe('rows written before migration 0025', () => {
  it('are sealed by the startup step once, with one audit row; a second run does nothing', async () => {
    const legacy = await w.makeCareRecipient({ stationId: a.id, name: '老记录' });
    // As an older version wrote it: clear columns, nothing sealed.
    await w.t.deps.db
      .updateTable('care_recipients')
      .set({ phone: '13511112222', address: '旧址 9 号', needs: '旧需求', guardian_phone: '13633334444', guardian_name: '老监护人', guardian_relation: '女儿' })
      .set({ phone_enc: null, phone_hash: null, phone_masked: null, address_enc: null, needs_enc: null, guardian_phone_enc: null, guardian_phone_masked: null })
      .where('id', '=', legacy.id)
      .execute();
    const auditBefore = (await w.admin.agent.get('/api/audit?action=care.sealed&pageSize=1')).json().total;
    expect(await sealPlainCareData(w.t.deps)).toBe(1);
    const row = await rawRow(legacy.id);
    expect(row).toMatchObject({ phone: null, address: null, needs: null, guardian_phone: null, phone_masked: '135****2222' });
    for (const secret of ['13511112222', '旧址', '旧需求', '13633334444']) expect(JSON.stringify(row)).not.toContain(secret);
    expect((await staffA.agent.get(`/api/care-recipients/${legacy.id}`)).json().recipient).toMatchObject({
      phone: '13511112222',
      address: '旧址 9 号',
      needs: '旧需求',
      guardian: { phone: '13633334444' },
    });
    expect((await listed(staffA, '&phone=13511112222')).map((r) => r.id)).toEqual([legacy.id]);
    expect(await sealPlainCareData(w.t.deps)).toBe(0);
    const sealedAudit = (await w.admin.agent.get('/api/audit?action=care.sealed&pageSize=1')).json();
    expect(sealedAudit.total).toBe(auditBefore + 1);
    expect(sealedAudit.items[0]).toMatchObject({ actorName: '系统', changes: { rows: { before: null, after: 1 } } });
  });
});
