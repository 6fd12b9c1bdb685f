import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, multipart, type TestApp, upload } from '../../../../test/support/app';
import { manualClock } from '../../../../test/support/clock';
import { type Entered, makeWorld, type World } from '../../../../test/support/factories';
import { HOURS_COLUMNS } from '../../../shared/exchange';

/** Issue 12: service hours in the national exchange format — export with full ID numbers, import as pending backfills. */

const clock = manualClock(new Date('2026-11-20T04:00:00Z')); // Friday noon in Beijing
let w: World;
let t: TestApp;
let stationA: string;
let a1: Agent;
let a2: Agent;
let b1: Agent;
let v1: Entered;
let v2: Entered;
let vB: Entered;

beforeAll(async () => {
  w = await makeWorld({ clock });
  t = w.t;
  stationA = (await w.makeStation({ name: '金银社区新时代文明实践站' })).id;
  const stationB = (await w.makeStation({ name: '龙井湖社区新时代文明实践站' })).id;
  a1 = (await w.stationAdmin(stationA)).agent;
  a2 = (await w.makeStaff('station_admin', stationA, { name: '金银第二管理员' })).agent;
  b1 = (await w.stationAdmin(stationB)).agent;
  v1 = await w.enterVolunteer({ stationId: stationA, name: '时长甲' });
  v2 = await w.enterVolunteer({ stationId: stationA, name: '时长乙' });
  vB = await w.enterVolunteer({ stationId: stationB, name: '时长丙' });
  // Two approved records at station A: entered by a1, approved by a2.
  for (const [v, startTime, endTime] of [
    [v1, '09:00', '12:00'],
    [v2, '14:00', '16:30'],
  ] as const) {
    const evidence = await upload(t, a1);
    const rec = await a1.post('/api/hours/backfill', {
      volunteerId: v.id,
      unitId: stationA,
      title: '共享邻里情·敬老助老',
      serviceDate: '2026-11-18',
      startTime,
      endTime,
      content: '上门探望空巢老人',
      evidenceFileIds: [evidence],
      reason: '按纸质签到表补录',
    });
    expect(rec.statusCode, rec.body).toBe(201);
    expect((await a2.post(`/api/hours/${rec.json().id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
  }
});
afterAll(async () => w?.close());

const EXPORT = { from: '2026-11-01', to: '2026-11-30', reason: '月度上报全国系统' };

async function sheet(payload: Buffer | string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return wb.worksheets[0];
}
const values = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);

async function hoursFile(rows: Record<string, string | number>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('服务时长');
  ws.addRow(HOURS_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(HOURS_COLUMNS.map((c) => r[c.key] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function row(v: Entered, extra: Record<string, string | number> = {}) {
  return {
    name: v.name,
    idType: '01',
    idNumber: v.idNumber,
    title: '文明交通劝导',
    serviceDate: '2026-11-19',
    startTime: '08:00',
    endTime: '10:00',
    hours: 2,
    ...extra,
  };
}

async function importFile(agent: Agent, file: Buffer, query: string) {
  const body = multipart('file', '全国系统导出.xlsx', file);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/hours/import?${query}`,
    headers: { ...body.headers, cookie: agent.cookie, 'x-csrf-token': agent.csrfToken },
    payload: body.payload,
  });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json();
}

const pendingOf = async (agent: Agent, volunteerId: string) =>
  (await agent.get(`/api/hours?volunteerId=${volunteerId}&status=pending&pageSize=100`)).json().items as {
    id: string;
    entryMethod: string;
    source: string;
    reason: string;
    canDecide: boolean;
  }[];

describe('export of approved hours in the national format', () => {
  it('needs a reason, stays in scope, writes exactly HOURS_COLUMNS with full ID numbers and a real date, audited', async () => {
    const noReason = await a1.post('/api/hours/export-national', { ...EXPORT, unitId: stationA, reason: '上报' });
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json())).toContain('至少 4 个字');
    expect((await a1.post('/api/hours/export-national', { ...EXPORT, unitId: stationA, from: '2025-01-01' })).statusCode).toBe(400);
    expect([403, 404]).toContain((await b1.post('/api/hours/export-national', { ...EXPORT, unitId: stationA })).statusCode);

    const res = await a1.post('/api/hours/export-national', { ...EXPORT, unitId: stationA });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const ws = await sheet(res.rawPayload);
    expect(values(ws, 1)).toEqual(HOURS_COLUMNS.map((c) => c.header));
    expect(ws.rowCount).toBe(3);
    const first = Object.fromEntries(HOURS_COLUMNS.map((c, i) => [c.key, values(ws, 2)[i]]));
    expect(first).toMatchObject({ name: '时长甲', idNumber: v1.idNumber, startTime: '09:00', endTime: '12:00', hours: 3, entryMethod: '团体录入' });
    expect(first.serviceDate).toBeInstanceOf(Date);
    expect((first.serviceDate as Date).toISOString().slice(0, 10)).toBe('2026-11-18');
    expect(JSON.stringify(values(ws, 2).concat(values(ws, 3)))).not.toContain(vB.idNumber);

    const audit = (await w.admin.agent.get('/api/audit?action=hours.exported_national')).json();
    expect(audit.items[0]).toMatchObject({ changes: { reason: { after: '月度上报全国系统' }, rows: { after: 2 } } });
  });

  it('nets an approved counter-entry into the record it corrects', async () => {
    const [original] = (await a1.get(`/api/hours?volunteerId=${v2.id}&status=approved`)).json().items;
    const correction = await a1.post(`/api/hours/${original.id}/corrections`, { hoursDelta: -0.5, reason: '签退时间记错，按签到表更正' });
    expect(correction.statusCode, correction.body).toBe(201);
    expect((await a2.post(`/api/hours/${correction.json().id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
    const ws = await sheet((await a1.post('/api/hours/export-national', { ...EXPORT, unitId: stationA })).rawPayload);
    expect(ws.rowCount).toBe(3);
    const hoursColumn = HOURS_COLUMNS.findIndex((c) => c.key === 'hours');
    const byName = Object.fromEntries([2, 3].map((r) => [values(ws, r)[0], values(ws, r)[hoursColumn]]));
    expect(byName).toEqual({ 时长甲: 3, 时长乙: 2 });
  });
});

describe('import of hours in the national format', () => {
  it('reads its own export back: every row a duplicate, nothing written', async () => {
    const exported = (await a1.post('/api/hours/export-national', { ...EXPORT, unitId: stationA })).rawPayload;
    const report = await importFile(a1, exported, 'dryRun=true');
    expect(report).toMatchObject({ total: 2, valid: 0, invalid: 2 });
    for (const r of report.rows) expect(r.problems.join()).toContain('重复');
  });

  it('reports bad rows with Chinese reasons and writes nothing, not even on a commit', async () => {
    const file = await hoursFile([
      row(v1, { idNumber: '500102198001010000' }),
      row(vB),
      row(v1, { serviceDate: '2026-13-01' }),
      row(v1, { hours: 5 }),
      row(v1, { hours: 0 }),
      row(v2, { startTime: '10:00', endTime: '09:00' }),
      row(v2),
      row(v2),
    ]);
    const report = await importFile(a1, file, 'dryRun=true');
    const problems = report.rows.map((r: { problems: string[] }) => r.problems.join('；'));
    // Unknown and another station's are the same answer: the import does not tell whether an ID number is registered elsewhere.
    expect(problems[0]).toContain('您管辖的实践站没有该证件号码的志愿者');
    expect(problems[1]).toBe(problems[0]);
    expect(problems[2]).toContain('服务日期');
    expect(problems[3]).toContain('与起止时间');
    expect(problems[4]).toContain('应大于 0');
    expect(problems[5]).toContain('晚于开始时间');
    expect(report.rows[6].status).toBe('new');
    expect(problems[7]).toContain('与第');
    const evidence = await upload(t, a1, 'sheets.pdf', Buffer.from('%PDF-1.4\n%demo\n'));
    const bad = await importFile(a1, await hoursFile([row(v1, { hours: 5 })]), `dryRun=false&evidenceFileId=${evidence}`);
    expect(bad).toMatchObject({ imported: 0, invalid: 1 });
    expect(await pendingOf(a1, v1.id)).toHaveLength(0);
  });

  it('needs evidence to commit, writes pending backfilled records that the importer cannot approve and a colleague can', async () => {
    const file = await hoursFile([row(v1), row(v2, { startTime: '10:30', endTime: '11:00', hours: 0.5 })]);
    const dry = await importFile(a1, file, 'dryRun=true');
    expect(dry).toMatchObject({ valid: 2, invalid: 0, imported: 0 });
    expect(await pendingOf(a1, v1.id)).toHaveLength(0);
    const noEvidence = await multipartPost(a1, file, 'dryRun=false');
    expect(noEvidence.json().code).toBe('hours.evidence_missing');

    const evidence = await upload(t, a1, 'sheets.pdf', Buffer.from('%PDF-1.4\n%demo\n'));
    expect(await importFile(a1, file, `dryRun=false&evidenceFileId=${evidence}`)).toMatchObject({ imported: 2 });
    const [rec] = await pendingOf(a1, v1.id);
    expect(rec).toMatchObject({ source: 'backfilled', entryMethod: '导入', reason: '从全国志愿服务信息系统导入：全国系统导出.xlsx', canDecide: false });
    const own = await a1.post(`/api/hours/${rec.id}/decision`, { decision: 'approve' });
    expect(own.json().code).toBe('hours.entered_by_approver');
    expect((await a2.post(`/api/hours/${rec.id}/decision`, { decision: 'approve' })).statusCode).toBe(200);
    expect((await importFile(a1, file, 'dryRun=true')).valid).toBe(0);
    const audit = (await w.admin.agent.get('/api/audit?action=hours.imported')).json();
    expect(audit.items[0]).toMatchObject({ changes: { rows: { after: 2 } } });
  });
});

async function multipartPost(agent: Agent, file: Buffer, query: string) {
  const body = multipart('file', 'hours.xlsx', file);
  return t.app.inject({
    method: 'POST',
    url: `/api/hours/import?${query}`,
    headers: { ...body.headers, cookie: agent.cookie, 'x-csrf-token': agent.csrfToken },
    payload: body.payload,
  });
}
