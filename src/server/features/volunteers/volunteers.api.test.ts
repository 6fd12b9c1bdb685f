import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../../shared/rules/id-number';
import { type Agent, type TestApp, multipart, upload } from '../../../../test/support/app';
import { type Staff, type World, expectStatus, makeWorld } from '../../../../test/support/factories';

let w: World;
let t: TestApp;
let station01: string;
let station02: string;
let staff01: Staff;
let staff02: Staff;
/** The institute's star thresholds, lowered so a few hours of service earn a star. */
const THRESHOLDS = [1, 2, 3, 5, 8];

beforeAll(async () => {
  w = await makeWorld();
  t = w.t;
  station01 = (await w.makeStation({ name: '金银社区新时代文明实践站' })).id;
  station02 = (await w.makeStation({ name: '龙井湖社区新时代文明实践站' })).id;
  staff01 = await w.stationAdmin(station01);
  staff02 = await w.stationAdmin(station02);
});
afterAll(async () => w?.close());

/** What the institute admin sees: every volunteer, account and audit row of this one-institute world. */
const totals = async (admin: Agent) =>
  Promise.all(
    ['/api/volunteers?pageSize=1', '/api/accounts?pageSize=1', '/api/audit?pageSize=1'].map(async (url) => (await admin.get(url)).json().total as number),
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
    const s = staff01.agent;
    const [before] = await totals(w.admin.agent);
    expect((await s.post('/api/volunteers', person(1))).json().code).toBe('volunteer.consent_required');
    expect((await s.post('/api/volunteers', { ...person(1), consent: { method: 'signed_form' } })).json().code).toBe('volunteer.consent_evidence_required');
    expect((await s.post('/api/volunteers', { ...person(1), consent: { method: 'phone_confirmation' } })).statusCode).toBe(422);
    expect((await totals(w.admin.agent))[0]).toBe(before);
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
    const s = staff01.agent;
    const bad = person(2);
    bad.idNumber = `${bad.idNumber.slice(0, 17)}${bad.idNumber[17] === '0' ? '1' : '0'}`;
    const res = await s.post('/api/volunteers', { ...bad, consent: { method: 'phone_confirmation', note: '11 月 28 日 10:05 电话确认' } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'volunteer.bad_id_number' });
    // About storage itself (encryption at rest): the row as the database holds it.
    const row = await t.deps.db.selectFrom('people').selectAll().where('name', '=', '测试1号').executeTakeFirstOrThrow();
    expect(row.id_number_enc).not.toContain(person(1).idNumber.slice(6, 14));
    expect(JSON.stringify(row)).not.toContain(person(1).idNumber);
  });

  it('refuses under 14, and 14–17 without a guardian', async () => {
    const s = staff01.agent;
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
    const s = staff01.agent;
    const consent = { method: 'phone_confirmation', note: '电话确认' };
    const first = (await s.get('/api/volunteers?q=测试1号')).json().items[0];
    const again = await s.post('/api/volunteers', { ...person(1), phone: '13711112222', consent });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'volunteer.duplicate', existingId: first.id });
    const samePhone = await s.post('/api/volunteers', { ...person(5), phone: person(1).phone, consent });
    expect(samePhone.statusCode).toBe(409);
    // Staff of another station are told it exists, but not where.
    const other = staff02.agent;
    const elsewhere = await other.post('/api/volunteers', { ...person(1), stationId: station02, consent });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().existingId).toBeUndefined();
  });
});

describe('review and scope', () => {
  it('certifies with a volunteer number, notifies the person, and records the history', async () => {
    const s = staff01.agent;
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
    const v = (await staff01.agent.get('/api/volunteers?q=测试1号')).json().items[0];
    const other = staff02.agent;
    expect((await other.get(`/api/volunteers/${v.id}`)).statusCode).toBe(404);
    expect((await other.patch(`/api/volunteers/${v.id}`, { skills: ['冒改'] })).statusCode).toBe(404);
    expect((await other.post(`/api/volunteers/${v.id}/transitions`, { action: 'exit', reason: 'x' })).statusCode).toBe(404);
    expect((await other.get(`/api/volunteers?stationId=${station01}`)).statusCode).toBe(404);
    const admin = w.admin.agent;
    const seen = (await admin.get(`/api/volunteers/${v.id}`)).json().volunteer;
    expect(seen.phone).toBe('137****0001');
    expect(seen.phoneMasked).toBe(true);
    const views = (await admin.get(`/api/audit?action=volunteers.viewed&objectId=${v.id}`)).json();
    expect(views.total).toBeGreaterThanOrEqual(1);
  });

  it('filters the talent pool by station, skill, availability, age, stars and hours', async () => {
    const admin = w.admin.agent;
    // A pool to filter: young and old, with and without the skill and the slot, in both stations, and with hours.
    expectStatus(await admin.put(`/api/settings/${w.instituteId}/rules/stars.thresholds`, { value: THRESHOLDS }), 200, 'thresholds');
    const pool = [];
    for (let i = 0; i < 10; i++) {
      pool.push(
        await w.makeVolunteer({
          stationId: i % 3 === 2 ? station02 : station01,
          born: i % 2 ? '1950-03-01' : '1992-07-01',
          skills: i % 2 ? ['理发'] : ['书法'],
          availability: i % 4 ? ['sun-pm'] : ['sat-am'],
        }),
      );
    }
    const day = new Date(w.clock.now().getTime() - 2 * 86_400_000).toISOString().slice(0, 10);
    for (const [v, endTime] of [
      [pool[0], '12:00'],
      [pool[1], '10:00'],
    ] as const) {
      const evidence = await w.upload(staff01);
      const rec = await staff01.agent.post('/api/hours/backfill', {
        ...{ volunteerId: v.id, unitId: station01, title: '敬老助老', serviceDate: day, startTime: '09:00', endTime },
        ...{ content: '上门探望空巢老人', evidenceFileIds: [evidence], reason: '按纸质签到表补录' },
      });
      expectStatus(await admin.post(`/api/hours/${expectStatus(rec, 201, 'backfill').json().id}/decision`, { decision: 'approve' }), 200, 'approve');
    }

    const all = (await admin.get('/api/volunteers?pageSize=5')).json();
    expect(all.total).toBeGreaterThanOrEqual(pool.length);
    expect(all.items).toHaveLength(5);
    const bySkill = (await admin.get(`/api/volunteers?skill=${encodeURIComponent('理发')}&pageSize=200`)).json();
    expect(bySkill.total).toBeGreaterThan(0);
    expect(bySkill.items.every((v: { skills: string[] }) => v.skills.includes('理发'))).toBe(true);
    const byStation = (await admin.get(`/api/volunteers?stationId=${station02}&pageSize=200`)).json();
    expect(byStation.total).toBeGreaterThan(0);
    expect(byStation.items.every((v: { stationId: string }) => v.stationId === station02)).toBe(true);
    const old = (await admin.get('/api/volunteers?minAge=60&pageSize=200')).json();
    expect(old.total).toBeGreaterThan(0);
    expect(old.items.every((v: { age: number }) => v.age >= 60)).toBe(true);
    const sat = (await admin.get('/api/volunteers?availability=sat-am&pageSize=200')).json();
    expect(sat.total).toBeGreaterThan(0);
    expect(sat.items.every((v: { availability: string[] }) => v.availability.includes('sat-am'))).toBe(true);
    const three = (await admin.get('/api/volunteers?starLevel=3&pageSize=200')).json();
    expect(three.total).toBeGreaterThan(0);
    expect(
      three.items.every(
        (v: { starLevel: number; approvedHours: number }) => v.starLevel === 3 && v.approvedHours >= THRESHOLDS[2] && v.approvedHours < THRESHOLDS[3],
      ),
    ).toBe(true);
    const hours = (await admin.get('/api/volunteers?minHours=0.5&maxHours=1.5&pageSize=200')).json();
    expect(hours.items.map((v: { id: string }) => v.id)).toEqual([pool[1].id]);
    expect(hours.items.every((v: { approvedHours: number }) => v.approvedHours >= 0.5 && v.approvedHours <= 1.5)).toBe(true);
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
    const audit = (await w.admin.agent.get('/api/audit?action=volunteers.id_revealed')).json();
    expect(audit.total).toBe(1);
    // Nobody else gets the full number, not even staff.
    const staff = staff02.agent;
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
    const s = staff01.agent;
    const good = makeIdNumber('500102', '1970-03-03', 901);
    const badSum = `${makeIdNumber('500102', '1971-03-03', 902).slice(0, 17)}0`;
    const fixedBad = badSum.endsWith(makeIdNumber('500102', '1971-03-03', 902).slice(17)) ? `${badSum.slice(0, 17)}1` : badSum;
    const file = await roster([row('导入甲', good, '13600000001'), row('导入乙', fixedBad, '13600000002'), row('导入丙', good, '13600000003')]);
    const before = await totals(w.admin.agent);
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
    expect(await totals(w.admin.agent)).toEqual(before);

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
    expect((await totals(w.admin.agent))[0]).toBe(before[0] + 1);
  });

  it('exports the talent pool as Excel and as CSV in the national field order, IDs masked', async () => {
    const s = staff01.agent;
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
    const s = staff01.agent;
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
