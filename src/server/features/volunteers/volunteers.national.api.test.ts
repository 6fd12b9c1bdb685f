import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, multipart, type TestApp, upload } from '../../../../test/support/app';
import { makeWorld, type Staff, type World } from '../../../../test/support/factories';
import { NATIONAL_VOLUNTEER_COLUMNS, VOLUNTEER_COLUMNS } from '../../../shared/exchange';
import { makeIdNumber } from '../../../shared/rules/id-number';

/** Issue 12: the national export with full numbers, the round trip through our importer, 所属队伍, and the Excel details. */

let w: World;
let t: TestApp;
let stationId: string;
let staff: Staff;
const STATION = '荔枝园社区新时代文明实践站';

beforeAll(async () => {
  w = await makeWorld();
  t = w.t;
  stationId = (await w.makeStation({ name: STATION })).id;
  staff = await w.stationAdmin(stationId);
});
afterAll(async () => w?.close());

/** A roster in Shijian's own column order (the national columns, then 志愿者类别). */
async function roster(rows: Record<string, string>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('志愿者名册');
  ws.addRow(VOLUNTEER_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(VOLUNTEER_COLUMNS.map((c) => r[c.key] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function person(n: number, extra: Record<string, string> = {}): Record<string, string> {
  return {
    name: `名册${n}号`,
    idType: '01',
    idNumber: makeIdNumber('500102', '1980-02-02', n),
    phone: `1355${String(n).padStart(7, '0')}`,
    ethnicity: '汉族',
    residenceArea: '重庆市涪陵区',
    station: STATION,
    serviceCategories: '文化惠民',
    category: '热心群众',
    consent: '是',
    ...extra,
  };
}

async function importFile(agent: Agent, file: Buffer, query: string) {
  const body = multipart('file', 'roster.xlsx', file);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/volunteers/import?${query}`,
    headers: { ...body.headers, cookie: agent.cookie, 'x-csrf-token': agent.csrfToken },
    payload: body.payload,
  });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json();
}

async function commit(agent: Agent, file: Buffer) {
  const scan = await upload(t, agent, 'forms.pdf', Buffer.from('%PDF-1.4\n%demo\n'));
  return importFile(agent, file, `dryRun=false&consentFileId=${scan}`);
}

async function workbook(payload: Buffer | string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

const values = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as unknown[]).slice(1);

describe('the export for the national system (issue 12)', () => {
  it('is for the institute admin only, needs a reason, and writes exactly the national columns with full numbers, audited', async () => {
    await commit(staff.agent, await roster([person(1, { gender: '', team: '' })]));
    expect((await staff.agent.post('/api/volunteers/export-national', { reason: '年度上报全国系统' })).statusCode).toBe(403);
    const noReason = await w.admin.agent.post('/api/volunteers/export-national', { reason: '上报' });
    expect(noReason.statusCode).toBe(400);
    expect(JSON.stringify(noReason.json())).toContain('至少 4 个字');

    const res = await w.admin.agent.post('/api/volunteers/export-national', { reason: '年度上报全国系统', stationId });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ws = await workbook(res.rawPayload);
    expect(values(ws, 1)).toEqual(NATIONAL_VOLUNTEER_COLUMNS.map((c) => c.header));
    expect(values(ws, 1)).not.toContain('志愿者类别');
    expect(values(ws, 1).at(-1)).toBe('本人同意录入');
    const row = values(ws, 2);
    const col = (key: string) => NATIONAL_VOLUNTEER_COLUMNS.findIndex((c) => c.key === key);
    expect(row[col('idNumber')]).toBe(person(1).idNumber);
    expect(row[col('phone')]).toBe(person(1).phone);
    expect(row[col('idType')]).toBe('01');
    expect(row[col('gender')]).toBe('1');
    expect(ws.autoFilter).toBeTruthy();

    const audit = (await w.admin.agent.get('/api/audit?action=volunteers.exported_national')).json();
    expect(audit.items[0]).toMatchObject({ actorName: expect.any(String), changes: { reason: { after: '年度上报全国系统' }, rows: { after: 1 } } });
    // The other exports stay masked.
    const masked = await w.admin.agent.get(`/api/volunteers/export.csv?stationId=${stationId}`);
    expect(masked.body).not.toContain(person(1).idNumber);
  });

  it('reads back through our own importer: 300 of 300 rows already registered, none rejected', { timeout: 300_000 }, async () => {
    const many = Array.from({ length: 300 }, (_, i) => person(100 + i));
    const done = await commit(staff.agent, await roster(many));
    expect(done).toMatchObject({ imported: 300, invalid: 0 });

    const res = await w.admin.agent.post('/api/volunteers/export-national', { reason: '往返核对全国系统导出', stationId });
    expect(res.statusCode).toBe(200);
    const dry = await importFile(staff.agent, res.rawPayload as Buffer, 'dryRun=true');
    expect(dry.headerProblems).toEqual([]);
    expect(dry).toMatchObject({ total: 301, invalid: 0, valid: 0, existing: 301 });
    expect(dry.rows.every((r: { status: string }) => r.status === 'existing')).toBe(true);
    expect(dry.rows[0].problems.join()).toContain('已登记');
  });
});

describe('the roster 所属队伍 (issue 12)', () => {
  it('refuses a team the station does not have in the dry run, and joins the volunteer to a real one on commit', async () => {
    const team = await w.makeTeam({ unitId: stationId, kind: 'community_squad', name: '荔枝园文艺队' });
    const file = await roster([person(20, { team: '不存在的队' }), person(21, { team: '荔枝园文艺队' })]);
    const dry = await importFile(staff.agent, file, 'dryRun=true');
    expect(dry).toMatchObject({ valid: 1, invalid: 1 });
    expect(dry.rows[0].problems.join()).toContain('所属队伍：“不存在的队”不是');
    const done = await commit(staff.agent, file);
    expect(done).toMatchObject({ imported: 1, joinedTeams: 1 });
    const page = (await staff.agent.get(`/api/teams/${team.id}`)).json();
    expect(page.members.map((m: { name: string; status: string }) => [m.name, m.status])).toContainEqual(['名册21号', 'active']);
  });
});

describe('Excel for people (issue 12)', () => {
  it('writes 证件类型 and 性别 as words, 出生日期 as a date cell, with a filter on the header row', async () => {
    const res = await staff.agent.get('/api/volunteers/export.xlsx');
    expect(res.statusCode).toBe(200);
    const ws = await workbook(res.rawPayload);
    const header = values(ws, 1);
    const at = (h: string) => header.indexOf(h) + 1;
    const first = ws.getRow(2);
    expect(first.getCell(at('证件类型')).value).toBe('居民身份证');
    expect(['男', '女']).toContain(first.getCell(at('性别')).value);
    expect(first.getCell(at('出生日期')).value).toBeInstanceOf(Date);
    expect(first.getCell(at('出生日期')).numFmt).toBe('yyyy-mm-dd');
    expect(ws.autoFilter).toBeTruthy();
  });

  it('gives the import template one example row, which the importer skips', async () => {
    const res = await staff.agent.get('/api/volunteers/import/template');
    expect(res.statusCode).toBe(200);
    const ws = await workbook(res.rawPayload);
    expect(String(ws.getRow(3).getCell(1).value)).toMatch(/^【示例】/);
    const dry = await importFile(staff.agent, res.rawPayload as Buffer, 'dryRun=true');
    expect(dry).toMatchObject({ total: 0, invalid: 0, headerProblems: [] });
  });
});
