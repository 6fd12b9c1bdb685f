import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../shared/rules/id-number';
import { type Staff, type Volunteer, type World, expectStatus, makeWorld } from '../../../../test/support/factories';
import { personRecordForExport } from './volunteers.lookup';
import { sealPlainVolunteerContacts } from './volunteers.sealing';

/**
 * Issue 12: the phones a volunteer gives of someone else — their emergency contact's, a minor's
 * guardian's — are sealed at rest (migration 0033) and shown in full only to the person and their
 * station's admins, like their own phone.
 */
let w: World;
let station: string;
let staff: Staff;
let vol: Volunteer;
let minorId: string;

const EMERGENCY = '13955550002';
const GUARDIAN = '13766661234';

const rawRow = (id: string) => w.t.deps.db.selectFrom('volunteers').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const shown = async (agent: Volunteer['agent'], id: string) => expectStatus(await agent.get(`/api/volunteers/${id}`), 200, 'volunteer').json().volunteer;

beforeAll(async () => {
  w = await makeWorld();
  station = (await w.makeStation({ name: '加密联系人实践站' })).id;
  staff = await w.stationAdmin(station);
  vol = await w.makeVolunteer({ stationId: station });
  expectStatus(await vol.agent.patch(`/api/volunteers/${vol.id}`, { emergencyContact: { name: '王芳', phone: EMERGENCY } }), 200, 'emergency contact');
  const year = w.clock.now().getUTCFullYear();
  minorId = expectStatus(
    await staff.agent.post('/api/volunteers', {
      ...{ name: '李小明', idType: '01', idNumber: makeIdNumber('500102', `${year - 16}-03-01`, 733), phone: '13700007331', stationId: station },
      ...{ category: '学生', serviceCategories: ['文化惠民'], consent: { method: 'phone_confirmation', note: '电话确认本人及监护人同意登记' } },
      guardian: { name: '李建国', phone: GUARDIAN, relation: '父亲', consentMethod: 'in_person' },
    }),
    201,
    'minor',
  ).json().id;
});
afterAll(async () => w?.close());

describe('at rest', () => {
  it('holds neither phone in the clear: the plain columns stay NULL, a sealed and a masked copy beside them', async () => {
    const adult = await rawRow(vol.id);
    expect(JSON.stringify(adult)).not.toContain(EMERGENCY);
    expect(adult).toMatchObject({ emergency_phone: null, emergency_phone_masked: '139****0002', emergency_name: '王芳' });
    expect(adult.emergency_phone_enc).toEqual(expect.any(String));
    const minor = await rawRow(minorId);
    expect(JSON.stringify(minor)).not.toContain(GUARDIAN);
    expect(minor).toMatchObject({ guardian_phone: null, guardian_phone_masked: '137****1234', guardian_name: '李建国' });
    expect(minor.guardian_phone_enc).toEqual(expect.any(String));
  });

  it('audits a change of the emergency phone with masked numbers only', async () => {
    expectStatus(await staff.agent.patch(`/api/volunteers/${vol.id}`, { emergencyContact: { name: '王芳', phone: '13955550003' } }), 200, 'change');
    const audit = (await w.admin.agent.get(`/api/audit?action=volunteers.updated&objectId=${vol.id}&pageSize=1`)).json().items[0];
    expect(audit.changes.emergency_phone).toEqual({ before: '139****0002', after: '139****0003' });
    expect(JSON.stringify(audit)).not.toContain('13955550003');
    expect(JSON.stringify(await rawRow(vol.id))).not.toContain('13955550003');
    expectStatus(await staff.agent.patch(`/api/volunteers/${vol.id}`, { emergencyContact: { name: '王芳', phone: EMERGENCY } }), 200, 'back');
  });
});

describe('who sees them', () => {
  it('the person and their station admin: the emergency phone in full', async () => {
    expect((await shown(vol.agent, vol.id)).emergencyContact).toEqual({ name: '王芳', phone: EMERGENCY });
    expect((await shown(staff.agent, vol.id)).emergencyContact).toEqual({ name: '王芳', phone: EMERGENCY });
  });

  it('the institute admin (no volunteers.contact): masked, in the record and in the list', async () => {
    expect((await shown(w.admin.agent, vol.id)).emergencyContact).toEqual({ name: '王芳', phone: '139****0002' });
    const listed = (await w.admin.agent.get(`/api/volunteers?stationId=${station}&pageSize=100`)).json().items;
    const row = listed.find((v: { id: string }) => v.id === vol.id);
    expect(row.emergencyContact).toEqual({ name: '王芳', phone: '139****0002' });
  });

  it('the person’s own data export opens both phones', async () => {
    const mine = expectStatus(await vol.agent.get('/api/privacy/my-data'), 200, 'export').body;
    expect(mine).toContain(EMERGENCY);
    // The minor was entered by staff and has no login here: what their export is built from.
    const { person_id } = await rawRow(minorId);
    const record = await personRecordForExport(w.t.deps.db, w.t.deps.config.keys, person_id);
    expect(record.volunteer).toMatchObject({ guardian_name: '李建国', guardian_phone: GUARDIAN });
  });
});

describe('rows written before migration 0033', () => {
  it('are sealed once at startup, with one audit row; a second run finds nothing', async () => {
    const old = await w.makeVolunteer({ stationId: station });
    await w.t.deps.db
      .updateTable('volunteers')
      .set({ emergency_name: '赵强', emergency_phone: '13911112222', guardian_phone: '13633334444', emergency_phone_enc: null, emergency_phone_masked: null })
      .where('id', '=', old.id)
      .execute();
    expect(await sealPlainVolunteerContacts(w.t.deps)).toBe(1);
    const row = await rawRow(old.id);
    expect(row).toMatchObject({ emergency_phone: null, guardian_phone: null, emergency_phone_masked: '139****2222', guardian_phone_masked: '136****4444' });
    expect(JSON.stringify(row)).not.toMatch(/13911112222|13633334444/);
    expect((await shown(old.agent, old.id)).emergencyContact).toEqual({ name: '赵强', phone: '13911112222' });
    const audit = (await w.admin.agent.get('/api/audit?action=volunteers.sealed&pageSize=5')).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0].changes.rows).toEqual({ before: null, after: 1 });
    expect(await sealPlainVolunteerContacts(w.t.deps)).toBe(0);
    expect((await w.admin.agent.get('/api/audit?action=volunteers.sealed&pageSize=5')).json().items).toHaveLength(1);
  });
});

describe('erasure (PIPL 第四十七条)', () => {
  it('clears the sealed and masked copies too', async () => {
    const req = expectStatus(await vol.agent.post('/api/privacy/my-requests', { reason: '不再参加志愿服务' }), 201, 'request').json();
    expectStatus(await staff.agent.post(`/api/privacy/requests/${req.id}/decision`, { decision: 'approve' }), 200, 'approve');
    expect(await rawRow(vol.id)).toMatchObject({ emergency_name: null, emergency_phone: null, emergency_phone_enc: null, emergency_phone_masked: null });
  });
});
