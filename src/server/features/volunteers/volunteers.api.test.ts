import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../shared/rules/id-number';
import { type TestApp, makeTestApp, multipart, upload } from '../../../../test/support/app';

let t: TestApp;
let station01: string;
let station02: string;

beforeAll(async () => {
  t = await makeTestApp();
  station01 = await t.unitId('金银社区新时代文明实践站');
  station02 = await t.unitId('龙井湖社区新时代文明实践站');
});
afterAll(async () => t?.close());

const count = async (table: 'volunteers' | 'people' | 'audit_log') =>
  Number(
    (
      await t.deps.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

function person(n: number, birth = '1985-06-15') {
  return {
    name: `测试${n}号`,
    idType: '01',
    idNumber: makeIdNumber('500102', birth, 500 + n),
    phone: `1370000${String(n).padStart(4, '0')}`,
    stationId: station01,
    category: '热心群众',
    serviceCategories: ['助老助残'],
    skills: ['理发'],
    availability: ['sat-am'],
  };
}

describe('registration by staff', () => {
  it('needs the person’s consent recorded, with the signed form for a paper registration', async () => {
    const s = await t.login('station01');
    const before = await count('volunteers');
    expect((await s.post('/api/volunteers', person(1))).json().code).toBe('volunteer.consent_required');
    expect((await s.post('/api/volunteers', { ...person(1), consent: { method: 'signed_form' } })).json().code).toBe('volunteer.consent_evidence_required');
    expect((await s.post('/api/volunteers', { ...person(1), consent: { method: 'phone_confirmation' } })).statusCode).toBe(422);
    expect(await count('volunteers')).toBe(before);
    const fileId = await upload(t, s);
    const ok = await s.post('/api/volunteers', { ...person(1), consent: { method: 'signed_form', evidenceFileId: fileId } });
    expect(ok.statusCode).toBe(201);
    const v = ok.json();
    expect(v).toMatchObject({
      status: 'reviewing',
      volunteerNo: null,
      gender: 'male',
      birthDate: '1985-06-15',
      consent: { method: 'signed_form', hasEvidence: true },
    });
    expect(v.idNumberMasked).toMatch(/^500\*{11}\d{3}[\dX]$/);
    expect(JSON.stringify(v)).not.toContain(person(1).idNumber);
    // The station's own staff see the full phone.
    expect(v.phone).toBe(person(1).phone);
  });

  it('validates the ID check digit and never stores the number in clear', async () => {
    const s = await t.login('station01');
    const bad = person(2);
    bad.idNumber = `${bad.idNumber.slice(0, 17)}${bad.idNumber[17] === '0' ? '1' : '0'}`;
    const res = await s.post('/api/volunteers', { ...bad, consent: { method: 'phone_confirmation', note: '11 月 28 日 10:05 电话确认' } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'volunteer.bad_id_number' });
    const row = await t.deps.db.selectFrom('people').selectAll().where('name', '=', '测试1号').executeTakeFirstOrThrow();
    expect(row.id_number_enc).not.toContain(person(1).idNumber.slice(6, 14));
    expect(JSON.stringify(row)).not.toContain(person(1).idNumber);
  });

  it('refuses under 14, and 14–17 without a guardian', async () => {
    const s = await t.login('station01');
    const consent = { method: 'phone_confirmation', note: '电话确认' };
    const child = await s.post('/api/volunteers', { ...person(3, '2013-06-01'), consent });
    expect(child.json().code).toBe('volunteer.too_young');
    expect(child.json().message).toContain('14');
    const teen = person(4, '2010-01-01');
    expect((await s.post('/api/volunteers', { ...teen, consent })).json().code).toBe('volunteer.guardian_required');
    const ok = await s.post('/api/volunteers', {
      ...teen,
      consent,
      guardian: { name: '测试家长', phone: '13700009999', relation: '母亲', consentMethod: 'in_person' },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ isMinor: true, age: 16, guardian: { name: '测试家长', relation: '母亲' } });
  });

  it('refuses a second registration of the same ID or phone, pointing staff to the record', async () => {
    const s = await t.login('station01');
    const consent = { method: 'phone_confirmation', note: '电话确认' };
    const first = (await s.get('/api/volunteers?q=测试1号')).json().items[0];
    const again = await s.post('/api/volunteers', { ...person(1), phone: '13711112222', consent });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'volunteer.duplicate', existingId: first.id });
    const samePhone = await s.post('/api/volunteers', { ...person(5), phone: person(1).phone, consent });
    expect(samePhone.statusCode).toBe(409);
    // Staff of another station are told it exists, but not where.
    const other = await t.login('station02');
    const elsewhere = await other.post('/api/volunteers', { ...person(1), stationId: station02, consent });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().existingId).toBeUndefined();
  });
});

describe('review and scope', () => {
  it('certifies with a volunteer number, notifies the person, and records the history', async () => {
    const s = await t.login('station01');
    const v = (await s.get('/api/volunteers?q=测试1号')).json().items[0];
    const rejectNoReason = await s.post(`/api/volunteers/${v.id}/transitions`, { action: 'reject' });
    expect(rejectNoReason.json().code).toBe('volunteer.reason_required');
    const res = await s.post(`/api/volunteers/${v.id}/transitions`, { action: 'certify' });
    expect(res.statusCode).toBe(200);
    expect(res.json().volunteerNo).toMatch(/^SJ\d{10}$/);
    expect(res.json().status).toBe('certified');
    expect((await s.post(`/api/volunteers/${v.id}/transitions`, { action: 'certify' })).json().code).toBe('volunteer.bad_transition');
    const suspend = await s.post(`/api/volunteers/${v.id}/transitions`, { action: 'suspend', reason: '外出务工' });
    expect(suspend.json()).toMatchObject({ status: 'suspended', statusReason: '外出务工' });
    const back = await s.post(`/api/volunteers/${v.id}/transitions`, { action: 'reinstate' });
    expect(back.json().volunteerNo).toBe(res.json().volunteerNo);
    const detail = (await s.get(`/api/volunteers/${v.id}`)).json();
    expect(detail.history.map((h: { to: string }) => h.to)).toEqual(['certified', 'suspended', 'certified', 'reviewing']);
  });

  it('gives another station 404 for the volunteer, and the institute sees the phone masked', async () => {
    const v = (await (await t.login('station01')).get('/api/volunteers?q=测试1号')).json().items[0];
    const other = await t.login('station02');
    expect((await other.get(`/api/volunteers/${v.id}`)).statusCode).toBe(404);
    expect((await other.patch(`/api/volunteers/${v.id}`, { skills: ['冒改'] })).statusCode).toBe(404);
    expect((await other.post(`/api/volunteers/${v.id}/transitions`, { action: 'exit', reason: 'x' })).statusCode).toBe(404);
    expect((await other.get(`/api/volunteers?stationId=${station01}`)).statusCode).toBe(404);
    const admin = await t.login('admin');
    const seen = (await admin.get(`/api/volunteers/${v.id}`)).json().volunteer;
    expect(seen.phone).toBe('137****0001');
    expect(seen.phoneMasked).toBe(true);
    const views = await t.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'volunteers.viewed').where('object_id', '=', v.id).execute();
    expect(views.length).toBeGreaterThanOrEqual(1);
  });

  it('filters the talent pool by station, skill, availability, age, stars and hours', async () => {
    const admin = await t.login('admin');
    const all = (await admin.get('/api/volunteers?pageSize=5')).json();
    expect(all.total).toBeGreaterThanOrEqual(300);
    expect(all.items).toHaveLength(5);
    const bySkill = (await admin.get(`/api/volunteers?skill=${encodeURIComponent('理发')}&pageSize=200`)).json();
    expect(bySkill.items.every((v: { skills: string[] }) => v.skills.includes('理发'))).toBe(true);
    const byStation = (await admin.get(`/api/volunteers?stationId=${station02}&pageSize=200`)).json();
    expect(byStation.items.every((v: { stationId: string }) => v.stationId === station02)).toBe(true);
    const old = (await admin.get('/api/volunteers?minAge=60&pageSize=200')).json();
    expect(old.items.every((v: { age: number }) => v.age >= 60)).toBe(true);
    const sat = (await admin.get('/api/volunteers?availability=sat-am&pageSize=200')).json();
    expect(sat.items.every((v: { availability: string[] }) => v.availability.includes('sat-am'))).toBe(true);
    const three = (await admin.get('/api/volunteers?starLevel=3&pageSize=200')).json();
    expect(three.total).toBeGreaterThan(0);
    expect(three.items.every((v: { starLevel: number; approvedHours: number }) => v.starLevel === 3 && v.approvedHours >= 600 && v.approvedHours < 1000)).toBe(
      true,
    );
    const hours = (await admin.get('/api/volunteers?minHours=100&maxHours=200&pageSize=200')).json();
    expect(hours.items.every((v: { approvedHours: number }) => v.approvedHours >= 100 && v.approvedHours <= 200)).toBe(true);
  });
});

describe('self-service', () => {
  it('lets a person sign up on the phone with consent, and see status and masked ID', async () => {
    const body = { ...person(20), stationId: station02, password: 'Longjing#Lake9', agree: true };
    const noConsent = await t.app.inject({ method: 'POST', url: '/api/volunteers/signup', payload: { ...body, agree: undefined } });
    expect(noConsent.statusCode).toBe(422);
    const res = await t.app.inject({ method: 'POST', url: '/api/volunteers/signup', payload: body });
    expect(res.statusCode).toBe(201);
    const me = await t.login(body.phone, body.password);
    const mine = (await me.get('/api/volunteers/me')).json();
    expect(mine.volunteer).toMatchObject({ status: 'reviewing', consent: { method: 'self_online' }, phone: body.phone });
    const full = await me.post('/api/volunteers/me/id-number');
    expect(full.json().idNumber).toBe(body.idNumber);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'volunteers.id_revealed').execute();
    expect(audit).toHaveLength(1);
    // Nobody else gets the full number, not even staff.
    const staff = await t.login('station02');
    expect((await staff.post('/api/volunteers/me/id-number')).statusCode).toBe(404);
  });
});

describe('roster import and export', () => {
  async function roster(rows: string[][]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('志愿者名册');
    ws.addRow([
      '姓名',
      '证件类型',
      '证件号码',
      '手机号码',
      '性别',
      '出生日期',
      '民族',
      '政治面貌',
      '最高学历',
      '从业状况',
      '居住区域',
      '服务区域',
      '服务类别',
      '专业技能/特长',
      '邮箱',
      '所属队伍',
      '志愿者编号',
      '志愿者类别',
      '本人同意录入',
    ]);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const row = (name: string, id: string, phone: string) => [
    name,
    '01',
    id,
    phone,
    '',
    '',
    '汉族',
    '群众',
    '',
    '',
    '重庆市涪陵区',
    '金银社区新时代文明实践站',
    '助老助残、文化惠民',
    '书法',
    '',
    '',
    '',
    '热心群众',
    '是',
  ];

  it('dry-runs a roster listing every problem and writing nothing, then imports the valid rows in one go', async () => {
    const s = await t.login('station01');
    const good = makeIdNumber('500102', '1970-03-03', 901);
    const badSum = `${makeIdNumber('500102', '1971-03-03', 902).slice(0, 17)}0`;
    const fixedBad = badSum.endsWith(makeIdNumber('500102', '1971-03-03', 902).slice(17)) ? `${badSum.slice(0, 17)}1` : badSum;
    const file = await roster([row('导入甲', good, '13600000001'), row('导入乙', fixedBad, '13600000002'), row('导入丙', good, '13600000003')]);
    const before = [await count('volunteers'), await count('people'), await count('audit_log')];
    const body = multipart('file', 'roster.xlsx', file);
    const dry = await t.app.inject({
      method: 'POST',
      url: '/api/volunteers/import?dryRun=true',
      headers: { ...body.headers, cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      payload: body.payload,
    });
    expect(dry.statusCode).toBe(200);
    const report = dry.json();
    expect(report).toMatchObject({ dryRun: true, total: 3, valid: 1, invalid: 2, imported: 0 });
    expect(report.rows[1].problems.join()).toContain('校验位');
    expect(report.rows[2].problems.join()).toContain('重复');
    expect([await count('volunteers'), await count('people'), await count('audit_log')]).toEqual(before);

    const noEvidence = await t.app.inject({
      method: 'POST',
      url: '/api/volunteers/import?dryRun=false',
      headers: { ...body.headers, cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      payload: body.payload,
    });
    expect(noEvidence.json().code).toBe('volunteer.consent_evidence_required');
    const scan = await upload(t, s, 'forms.pdf', Buffer.from('%PDF-1.4\n%demo\n'));
    const again = multipart('file', 'roster.xlsx', file);
    const done = await t.app.inject({
      method: 'POST',
      url: `/api/volunteers/import?dryRun=false&consentFileId=${scan}`,
      headers: { ...again.headers, cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      payload: again.payload,
    });
    expect(done.json()).toMatchObject({ dryRun: false, imported: 1 });
    expect(await count('volunteers')).toBe(before[0] + 1);
  });

  it('exports the talent pool as Excel and as CSV in the national field order, IDs masked', async () => {
    const s = await t.login('station01');
    const xlsx = await s.get('/api/volunteers/export.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('姓名');
    expect(sheet.rowCount).toBeGreaterThan(10);
    const csv = await s.get('/api/volunteers/export.csv');
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect(csv.body.split('\r\n')[0]).toContain('姓名');
    expect(csv.body).not.toMatch(/500102\d{12}/);
  });

  it('refuses a file that is not what its name says', async () => {
    const s = await t.login('station01');
    const body = multipart('file', 'photo.png', Buffer.from('<script>alert(1)</script>'));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/files',
      headers: { ...body.headers, cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('files.bad_type');
  });
});
