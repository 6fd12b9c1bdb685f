import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, multipart, upload } from '../../../../test/support/app';
import { manualClock } from '../../../../test/support/clock';
import { type Entered, expectStatus, makeDistrictAdmin, makeStreet, makeWorld, type Staff, type Street, type World } from '../../../../test/support/factories';
import { HOURS_COLUMNS, VOLUNTEER_COLUMNS } from '../../../shared/exchange';
import { makeIdNumber } from '../../../shared/rules/id-number';

/**
 * Security issue 12: the two spreadsheet imports name their objects by name or ID number, not by
 * id, so the per-object authorization matrix never sees them. Two streets in one database: street
 * A's admin (the world's institute) and a station admin of A import rows that name street B's
 * station, team or volunteer. Such a row must be refused with exactly the answer a name or number
 * nobody has gets — an import must not tell a street what exists in another — and B stays untouched.
 */

const clock = manualClock(new Date('2026-11-20T04:00:00Z')); // Friday noon in Beijing
const SERVICE_DAY = '2026-11-19';

let w: World;
let b: Street;
/** Street A: two stations, a certified volunteer at each, and the first station's admin. */
let stationA1: { id: string; name: string };
let stationA2: { id: string; name: string };
let volA1: Entered;
let volA2: Entered;
let stationAdminA1: Staff;
/** Street B: a station with a certified volunteer and a team. */
let stationB: { id: string; name: string };
let volB: { id: string; name: string; idNumber: string };
let teamB: { id: string; name: string };

beforeAll(async () => {
  w = await makeWorld({ clock });
  const district = await makeDistrictAdmin(w);
  b = await makeStreet(w, district, { name: '江东街道新时代文明实践所', code: '500102002' });

  stationA1 = await w.makeStation({ name: '东湖社区新时代文明实践站' });
  stationA2 = await w.makeStation({ name: '西湖社区新时代文明实践站' });
  volA1 = await w.enterVolunteer({ stationId: stationA1.id, name: '甲街道志愿者' });
  volA2 = await w.enterVolunteer({ stationId: stationA2.id, name: '甲街道邻站志愿者' });
  stationAdminA1 = await w.stationAdmin(stationA1.id);

  // Street B is filled by its own admin through the API, as in district.api.test.ts.
  stationB = await b.makeStation('江东滨江社区新时代文明实践站');
  const idNumber = makeIdNumber('500102', '1971-07-07', 1);
  const entered = expectStatus(
    await b.admin.agent.post('/api/volunteers', {
      ...{ name: '乙街道志愿者', idNumber, phone: '13360000001', stationId: stationB.id },
      ...{ category: '热心群众', serviceCategories: ['助老助残'], consent: { method: 'phone_confirmation', note: '电话确认本人同意登记' } },
    }),
    201,
    'street B volunteer',
  ).json();
  expectStatus(await b.admin.agent.post(`/api/volunteers/${entered.id}/transitions`, { action: 'certify' }), 200, 'certify B');
  volB = { id: entered.id, name: '乙街道志愿者', idNumber };
  teamB = expectStatus(
    await b.admin.agent.post('/api/teams', { unitId: stationB.id, kind: 'community_squad', name: '江东滨江文艺队' }),
    201,
    'street B team',
  ).json();
}, 180_000);
afterAll(async () => w?.close());

// ---------------------------------------------------------------------------------------------
// Files and posting them
// ---------------------------------------------------------------------------------------------

async function workbook(sheet: string, columns: { key: string; header: string }[], rows: Record<string, string | number>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(columns.map((c) => c.header));
  for (const r of rows) ws.addRow(columns.map((c) => r[c.key] ?? ''));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const roster = (rows: Record<string, string>[]) => workbook('志愿者名册', VOLUNTEER_COLUMNS, rows);
const hoursFile = (rows: Record<string, string | number>[]) => workbook('服务时长', HOURS_COLUMNS, rows);

/** A new person for the roster: a valid row in every column but the ones given. */
function person(n: number, extra: Record<string, string>): Record<string, string> {
  return {
    name: `名册${n}号`,
    idType: '01',
    idNumber: makeIdNumber('500102', '1985-06-06', n),
    phone: `1334${String(n).padStart(7, '0')}`,
    ethnicity: '汉族',
    residenceArea: '重庆市涪陵区',
    serviceCategories: '文化惠民',
    category: '热心群众',
    consent: '是',
    ...extra,
  };
}

/** An hours row for the given ID number, on a day and at times no record of the fixture has. */
function hoursRow(who: { name: string; idNumber: string }, extra: Record<string, string | number> = {}) {
  return {
    name: who.name,
    idType: '01',
    idNumber: who.idNumber,
    title: '文明交通劝导',
    serviceDate: SERVICE_DAY,
    startTime: '14:00',
    endTime: '16:00',
    hours: 2,
    ...extra,
  };
}

async function post(agent: Agent, url: string, name: string, file: Buffer) {
  const body = multipart('file', name, file);
  const res = await w.t.app.inject({
    method: 'POST',
    url,
    headers: { ...body.headers, cookie: agent.cookie, 'x-csrf-token': agent.csrfToken },
    payload: body.payload,
  });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json();
}

const scan = (agent: Agent) => upload(w.t, agent, 'scan.pdf', Buffer.from('%PDF-1.4\n%demo\n'));
const rosterDryRun = (agent: Agent, file: Buffer) => post(agent, '/api/volunteers/import?dryRun=true', 'roster.xlsx', file);
const rosterCommit = async (agent: Agent, file: Buffer) =>
  post(agent, `/api/volunteers/import?dryRun=false&consentFileId=${await scan(agent)}`, 'roster.xlsx', file);
const hoursDryRun = (agent: Agent, file: Buffer) => post(agent, '/api/hours/import?dryRun=true', 'hours.xlsx', file);
const hoursCommit = async (agent: Agent, file: Buffer) => post(agent, `/api/hours/import?dryRun=false&evidenceFileId=${await scan(agent)}`, 'hours.xlsx', file);

// ---------------------------------------------------------------------------------------------
// What each side can see
// ---------------------------------------------------------------------------------------------

const volunteersAt = async (agent: Agent, stationId: string) =>
  expectStatus(await agent.get(`/api/volunteers?stationId=${stationId}&pageSize=200`), 200, 'volunteers').json() as {
    total: number;
    items: { id: string; name: string }[];
  };
const recordsOf = async (agent: Agent, volunteerId: string) =>
  expectStatus(await agent.get(`/api/hours?volunteerId=${volunteerId}&pageSize=200`), 200, 'hours').json().items as { id: string; status: string }[];
const auditCount = async (agent: Agent, action: string) => expectStatus(await agent.get(`/api/audit?action=${action}`), 200, 'audit').json().total as number;
const membersOf = async (agent: Agent, teamId: string) =>
  expectStatus(await agent.get(`/api/teams/${teamId}`), 200, 'team').json().members as { name: string }[];

/** A problem with the name the row gave taken out: what is left must not depend on whose the name is. */
const without = (problems: string[], name: string) => problems.map((p) => p.replaceAll(name, '〈名称〉'));

/** Street B as its own admin sees it: the station's volunteers, the volunteer's records, the team's members. */
async function streetB() {
  return {
    volunteers: (await volunteersAt(b.admin.agent, stationB.id)).total,
    records: (await recordsOf(b.admin.agent, volB.id)).length,
    members: (await membersOf(b.admin.agent, teamB.id)).length,
  };
}

// ---------------------------------------------------------------------------------------------
// The volunteer roster
// ---------------------------------------------------------------------------------------------

describe('the volunteer roster import across streets', () => {
  /** The answer for a station the importer does not manage (the roster's station column is 服务区域, as in the national system). */
  const notOurStation = (name: string) => `服务区域：“${name}”不是本单位的实践站，请从下拉列表选择`;

  it('refuses a row naming another street’s station exactly as it refuses a station that does not exist, and registers no one', async () => {
    const before = await streetB();
    const auditBefore = await auditCount(w.admin.agent, 'volunteers.imported');
    const nowhere = '不存在社区新时代文明实践站';
    const file = await roster([person(1, { station: stationB.name }), person(2, { station: nowhere })]);

    const dry = await rosterDryRun(w.admin.agent, file);
    expect(dry).toMatchObject({ total: 2, valid: 0, invalid: 2, existing: 0 });
    expect(dry.rows.map((r: { status: string }) => r.status)).toEqual(['invalid', 'invalid']);
    expect(dry.rows[0].problems).toEqual([notOurStation(stationB.name)]);
    // No oracle: B's real station and a made-up name get the same answer, word for word.
    expect(without(dry.rows[0].problems, stationB.name)).toEqual(without(dry.rows[1].problems, nowhere));

    const done = await rosterCommit(w.admin.agent, file);
    expect(done).toMatchObject({ imported: 0, valid: 0, invalid: 2 });
    expect(await streetB()).toEqual(before);
    expect(await auditCount(w.admin.agent, 'volunteers.imported')).toBe(auditBefore);
    // Nobody was registered anywhere: the same person at A's own station is still new.
    const again = await rosterDryRun(w.admin.agent, await roster([person(1, { station: stationA1.name })]));
    expect(again.rows[0]).toMatchObject({ status: 'new', problems: [] });
  });

  it('refuses a station admin’s row naming another station of the same street, as one that does not exist', async () => {
    const before = (await volunteersAt(w.admin.agent, stationA2.id)).total;
    const nowhere = '不存在社区新时代文明实践站';
    const file = await roster([person(3, { station: stationA2.name }), person(4, { station: nowhere })]);

    const dry = await rosterDryRun(stationAdminA1.agent, file);
    expect(dry).toMatchObject({ valid: 0, invalid: 2 });
    expect(dry.rows[0].problems).toEqual([notOurStation(stationA2.name)]);
    expect(without(dry.rows[0].problems, stationA2.name)).toEqual(without(dry.rows[1].problems, nowhere));

    expect(await rosterCommit(stationAdminA1.agent, file)).toMatchObject({ imported: 0 });
    expect((await volunteersAt(w.admin.agent, stationA2.id)).total).toBe(before);
  });

  it('refuses a row naming another street’s team at the importer’s own station, as a team that does not exist, and joins no one', async () => {
    const before = await streetB();
    const nowhere = '不存在的文艺队';
    const file = await roster([person(5, { station: stationA1.name, team: teamB.name }), person(6, { station: stationA1.name, team: nowhere })]);

    const dry = await rosterDryRun(w.admin.agent, file);
    expect(dry).toMatchObject({ valid: 0, invalid: 2 });
    expect(dry.rows[0].problems).toEqual([`所属队伍：“${teamB.name}”不是${stationA1.name}的队伍，请填写本站已有的队伍名称或留空`]);
    expect(without(dry.rows[0].problems, teamB.name)).toEqual(without(dry.rows[1].problems, nowhere));

    expect(await rosterCommit(w.admin.agent, file)).toMatchObject({ imported: 0, joinedTeams: 0 });
    expect(await streetB()).toEqual(before);
    expect((await membersOf(b.admin.agent, teamB.id)).map((m) => m.name)).not.toContain('名册5号');
  });

  it('imports the good rows of a mixed file and leaves the row naming another street out, listed; the other street is untouched', async () => {
    const before = await streetB();
    const auditBefore = await auditCount(w.admin.agent, 'volunteers.imported');
    const file = await roster([person(7, { station: stationA1.name }), person(8, { station: stationB.name })]);

    const dry = await rosterDryRun(w.admin.agent, file);
    expect(dry).toMatchObject({ total: 2, valid: 1, invalid: 1 });
    expect(dry.rows.map((r: { status: string }) => r.status)).toEqual(['new', 'invalid']);

    // The documented behaviour: confirming imports every valid row and lists the rest (importRoster).
    const done = await rosterCommit(w.admin.agent, file);
    expect(done).toMatchObject({ imported: 1, invalid: 1 });
    expect(done.rows[1].problems).toEqual([notOurStation(stationB.name)]);
    expect((await volunteersAt(w.admin.agent, stationA1.id)).items.map((v) => v.name)).toContain('名册7号');
    expect(await streetB()).toEqual(before);
    expect((await volunteersAt(b.admin.agent, stationB.id)).items.map((v) => v.name)).not.toContain('名册8号');
    expect(await auditCount(w.admin.agent, 'volunteers.imported')).toBe(auditBefore + 1);
  });
});

// ---------------------------------------------------------------------------------------------
// Service hours
// ---------------------------------------------------------------------------------------------

describe('the service-hours import across streets', () => {
  const NOT_MINE = '证件号码：您管辖的实践站没有该证件号码的志愿者';
  /** An ID number nobody has: valid check digit, never registered. */
  const nobody = { name: '无此人', idNumber: makeIdNumber('500102', '1990-01-01', 999) };

  it('refuses another street’s volunteer with the very words it gives an ID number nobody has, and records nothing for them', async () => {
    const before = await streetB();
    const auditBefore = await auditCount(w.admin.agent, 'hours.imported');
    const file = await hoursFile([hoursRow(volB), hoursRow(nobody)]);

    const dry = await hoursDryRun(w.admin.agent, file);
    expect(dry).toMatchObject({ total: 2, valid: 0, invalid: 2 });
    expect(dry.rows[0]).toMatchObject({ status: 'invalid', problems: [NOT_MINE] });
    expect(dry.rows[1].problems).toEqual(dry.rows[0].problems);

    expect(await hoursCommit(w.admin.agent, file)).toMatchObject({ imported: 0, invalid: 2 });
    expect(await streetB()).toEqual(before);
    expect(await recordsOf(b.admin.agent, volB.id)).toEqual([]);
    expect(await auditCount(w.admin.agent, 'hours.imported')).toBe(auditBefore);
  });

  it('refuses a station admin’s row for a volunteer of another station of the same street, the same way', async () => {
    const file = await hoursFile([hoursRow(volA2), hoursRow(nobody), hoursRow(volB)]);

    const dry = await hoursDryRun(stationAdminA1.agent, file);
    expect(dry).toMatchObject({ total: 3, valid: 0, invalid: 3 });
    for (const r of dry.rows) expect(r.problems).toEqual([NOT_MINE]);

    expect(await hoursCommit(stationAdminA1.agent, file)).toMatchObject({ imported: 0 });
    expect(await recordsOf(w.admin.agent, volA2.id)).toEqual([]);
    expect(await recordsOf(b.admin.agent, volB.id)).toEqual([]);
  });

  it('imports the good row of a mixed file as pending and leaves the other street’s row out, listed', async () => {
    const before = await streetB();
    const auditBefore = await auditCount(w.admin.agent, 'hours.imported');
    const file = await hoursFile([hoursRow(volA1), hoursRow(volB)]);

    const dry = await hoursDryRun(w.admin.agent, file);
    expect(dry).toMatchObject({ total: 2, valid: 1, invalid: 1 });
    expect(dry.rows.map((r: { status: string }) => r.status)).toEqual(['new', 'invalid']);

    // The documented behaviour: confirming writes the good rows as pending records and lists the bad ones (importHours).
    const done = await hoursCommit(w.admin.agent, file);
    expect(done).toMatchObject({ imported: 1, invalid: 1 });
    expect(done.rows[1].problems).toEqual([NOT_MINE]);
    expect((await recordsOf(w.admin.agent, volA1.id)).map((r) => r.status)).toEqual(['pending']);
    expect(await streetB()).toEqual(before);
    expect(await recordsOf(b.admin.agent, volB.id)).toEqual([]);
    expect(await auditCount(w.admin.agent, 'hours.imported')).toBe(auditBefore + 1);
  });
});
