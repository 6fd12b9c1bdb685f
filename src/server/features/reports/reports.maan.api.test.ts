import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, makeTestApp, type TestApp } from '../../../../test/support/app';
import { manualClock } from '../../../../test/support/clock';
import { chinaMonthEnd, chinaMonthStart } from '../../../shared/china-time';
import type { ReportView } from '../../../shared/reports';

/**
 * "A report's totals equal the ledgers" (issue 11) on the Ma'an demo: for the demo month, the
 * report's hours, orders and activities — in total and per station — equal direct counts over the
 * ledgers themselves.
 */
const clock = manualClock(new Date('2026-11-20T04:00:00Z')); // Friday noon in Beijing
const MONTH = '2026-11';
let t: TestApp;
let admin: Agent;
let district: Agent;
let station01: Agent;
let instituteId: string;
let unitIds: string[];
let report: ReportView;

beforeAll(async () => {
  t = await makeTestApp({ seed: 'maan', clock });
  admin = await t.login('admin');
  district = await t.login('district');
  station01 = await t.login('station01');
  instituteId = await t.unitId('马鞍街道新时代文明实践所');
  const units = await t.deps.db.selectFrom('units').select('id').where('parent_id', '=', instituteId).where('archived', '=', 0).execute();
  unitIds = [instituteId, ...units.map((u) => u.id)];
  const res = await admin.get(`/api/reports?instituteId=${instituteId}&period=${MONTH}`);
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  report = res.json();
});
afterAll(async () => t?.close());

/** Approved minutes per unit straight from the hours ledger, service day within the month. */
async function ledgerMinutes() {
  const rows = await t.deps.db
    .selectFrom('service_records')
    .where('unit_id', 'in', unitIds)
    .where('status', '=', 'approved')
    .where('service_date', '>=', `${MONTH}-01`)
    .where('service_date', '<=', `${MONTH}-30`)
    .select((eb) => ['unit_id', eb.fn.sum<number | string>('minutes').as('minutes')])
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.minutes)]));
}

async function ledgerOrders() {
  const rows = await t.deps.db
    .selectFrom('orders')
    .where('unit_id', 'in', unitIds)
    .where('created_at', '>=', chinaMonthStart(MONTH))
    .where('created_at', '<', chinaMonthEnd(MONTH))
    .select((eb) => ['unit_id', eb.fn.countAll<number | string>().as('n')])
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}

async function ledgerActivities() {
  const rows = await t.deps.db
    .selectFrom('activities')
    .where('unit_id', 'in', unitIds)
    .where('type', '=', 'service')
    .where('status', 'in', ['in_progress', 'ended', 'summarised'])
    .where('starts_at', '>=', chinaMonthStart(MONTH))
    .where('starts_at', '<', chinaMonthEnd(MONTH))
    .select((eb) => ['unit_id', eb.fn.countAll<number | string>().as('n')])
    .groupBy('unit_id')
    .execute();
  return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
}

const total = (m: Map<string, number>) => [...m.values()].reduce((s, x) => s + x, 0);

describe('the Ma’an demo month’s report', () => {
  it('has data in the demo month (else the equalities below prove nothing)', () => {
    expect(report.title).toBe('马鞍街道新时代文明实践所 2026年11月 工作月报');
    expect(report.hours.total.minutes).toBeGreaterThan(0);
    expect(report.orders.total.placed).toBeGreaterThan(0);
    expect(report.activities.total.count).toBeGreaterThan(0);
    expect(report.activities.byStation.length).toBeGreaterThan(2);
  });

  it('totals equal the hours ledger, in total and per station', async () => {
    const minutes = await ledgerMinutes();
    expect(report.hours.total.minutes).toBe(total(minutes));
    for (const s of report.hours.byStation) expect(s.minutes, s.unitName).toBe(minutes.get(s.unitId) ?? 0);
  });

  it('totals equal the orders received, in total and per station', async () => {
    const orders = await ledgerOrders();
    expect(report.orders.total.placed).toBe(total(orders));
    for (const s of report.orders.byStation) expect(s.placed, s.unitName).toBe(orders.get(s.unitId) ?? 0);
    expect(report.orders.ratings.reduce((s, r) => s + r.count, 0)).toBe(report.orders.total.rated);
  });

  it('totals equal the activities held, in total, per station and per programme', async () => {
    const held = await ledgerActivities();
    expect(report.activities.total.count).toBe(total(held));
    for (const s of report.activities.byStation) expect(s.count, s.unitName).toBe(held.get(s.unitId) ?? 0);
    expect(report.activities.byProgramme.reduce((s, p) => s + p.count, 0)).toBe(report.activities.total.count);
  });

  it('points issued equal the points ledger of the stations’ volunteers', async () => {
    const row = await t.deps.db
      .selectFrom('point_entries')
      .innerJoin('volunteers', 'volunteers.id', 'point_entries.volunteer_id')
      .where('volunteers.station_id', 'in', unitIds)
      .where('point_entries.kind', 'in', ['hours', 'activity_bonus', 'order_rating', 'grant', 'deduct', 'correction'])
      .where('point_entries.created_at', '>=', chinaMonthStart(MONTH))
      .where('point_entries.created_at', '<', chinaMonthEnd(MONTH))
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>('point_entries.points'), eb.val(0)).as('n'))
      .executeTakeFirstOrThrow();
    expect(report.points.issued).toBe(Number(row.n));
  });

  it('reads a fixed number of statements whatever the data: the demo month (20 stations) as many as the whole year', async () => {
    const full = await t.statements(() => admin.get(`/api/reports?instituteId=${instituteId}&period=${MONTH}`));
    const year = await t.statements(() => admin.get(`/api/reports?instituteId=${instituteId}&period=2026`));
    expect(full.result.statusCode).toBe(200);
    expect(year.result.json().hours.total.minutes).toBeGreaterThanOrEqual(report.hours.total.minutes);
    expect(full.sql.length).toBe(year.sql.length);
    expect(full.sql.length).toBeLessThan(40);
  });

  it('lets the district viewer read it; a station admin gets 403', async () => {
    const res = await district.get(`/api/reports?instituteId=${instituteId}&period=${MONTH}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().hours.total.minutes).toBe(report.hours.total.minutes);
    const denied = await station01.get(`/api/reports?instituteId=${instituteId}&period=${MONTH}`);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('access.denied');
  });

  it('exports Excel: a cover sheet first, one sheet per part, the same totals', async () => {
    const res = await admin.get(`/api/reports/export.xlsx?instituteId=${instituteId}&period=${MONTH}`);
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('2026年11月工作月报.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['封面汇总', '活动', '志愿者与时长', '群众点单', '八有', '培训', '经费', '联席会议', '积分']);
    const cover = new Map<string, unknown>();
    wb.worksheets[0].eachRow((row) => {
      cover.set(String(row.getCell(1).value), row.getCell(2).value);
    });
    expect(cover.get('认定服务时长（小时）')).toBe(Math.round(report.hours.total.minutes / 6) / 10);
    expect(cover.get('群众点单（单）')).toBe(report.orders.total.placed);
    expect(cover.get('开展文明实践活动（场）')).toBe(report.activities.total.count);
  });

  it('exports a Chinese PDF with the title and a total', async () => {
    const res = await admin.get(`/api/reports/export.pdf?instituteId=${instituteId}&period=${MONTH}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const file = join(mkdtempSync(join(tmpdir(), 'report-')), 'r.pdf');
    writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('马鞍街道新时代文明实践所 2026年11月 工作月报');
    expect(text).toMatch(new RegExp(`认定服务时长（小时）\\s+${Math.round(report.hours.total.minutes / 6) / 10}`));
    expect(text).toContain('第 1 页');
  });
});
