import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp, type TestApp } from '../../../../test/support/app';
import { makeBudgetLine, makeFundEntry, type Staff, type Unit, type View, type World, makeWorld } from '../../../../test/support/factories';

let w: World;
let a: Unit;
let b: Unit;
let adminA: Staff;
let adminB: Staff;

beforeAll(async () => {
  w = await makeWorld();
  a = await w.makeStation();
  b = await w.makeStation();
  adminA = await w.stationAdmin(a.id);
  adminB = await w.stationAdmin(b.id);
});
afterAll(async () => w?.close());

type Entry = View & {
  budgetLineId: string | null;
  amountFen: number;
  netFen: number;
  correctsId: string | null;
  unitId: string;
  source: string;
  kind: string;
  programmeId: string | null;
};

async function allEntries(agent = w.admin.agent, year = 2026): Promise<Entry[]> {
  const res = await agent.get(`/api/funds/entries?year=${year}&pageSize=200`);
  expect(res.statusCode).toBe(200);
  return res.json().items;
}

describe('budget lines', () => {
  it('are created by the institute for itself and its stations, and listed by year', async () => {
    const line = await makeBudgetLine(w, { amountFen: 5_000_000, kind: 'construction' });
    expect(line).toMatchObject({
      year: 2026,
      unitId: w.instituteId,
      kind: 'construction',
      source: 'fiscal',
      amountFen: 5_000_000,
      netFen: 5_000_000,
      adjustments: [],
    });
    const forA = await makeBudgetLine(w, { unitId: a.id, source: 'coordinated', department: '区民政局', amountFen: 300_000 });
    expect(forA).toMatchObject({ unitId: a.id, department: '区民政局' });
    const list = (await w.admin.agent.get('/api/funds/budget-lines?year=2026')).json();
    expect(list).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect((await w.admin.agent.get('/api/funds/budget-lines?year=2025')).json()).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
    const audit = (await w.admin.agent.get(`/api/audit?action=funds.budget_created&objectId=${line.id}`)).json();
    expect(audit.total).toBe(1);
  });

  it('are changed only by adjustments with a reason, never below zero', async () => {
    const line = await makeBudgetLine(w, { unitId: a.id, amountFen: 200_000 });
    const up = await w.admin.agent.post(`/api/funds/budget-lines/${line.id}/adjustments`, { amountFen: 50_000, reason: '追加社区活动经费' });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ amountFen: 200_000, netFen: 250_000, adjustments: [{ amountFen: 50_000, reason: '追加社区活动经费' }] });
    const tooMuch = await adminA.agent.post(`/api/funds/budget-lines/${line.id}/adjustments`, { amountFen: -250_001, reason: '调减' });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json().code).toBe('funds.correction_exceeds');
    expect((await adminA.agent.post(`/api/funds/budget-lines/${line.id}/adjustments`, { amountFen: 0, reason: '不变' })).statusCode).toBe(400);
    expect((await adminA.agent.post(`/api/funds/budget-lines/${line.id}/adjustments`, { amountFen: -250_000, reason: '项目取消' })).json().netFen).toBe(0);
    expect((await adminB.agent.post(`/api/funds/budget-lines/${line.id}/adjustments`, { amountFen: 1, reason: '越权调整' })).statusCode).toBe(404);
  });

  it('refuse bad input with stable codes', async () => {
    const post = (body: object) =>
      w.admin.agent.post('/api/funds/budget-lines', { year: 2026, unitId: w.instituteId, kind: 'operation', source: 'fiscal', amountFen: 100, ...body });
    for (const bad of [
      { amountFen: 1.5 },
      { amountFen: -100 },
      { amountFen: 0 },
      { amountFen: 100_000_000_01 },
      { amountFen: '100' },
      { year: 1999 },
      { kind: 'party' },
      { colour: 'red' },
    ]) {
      const res = await post(bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().code).toBe('validation.failed');
    }
    const noDept = await post({ source: 'coordinated' });
    expect(noDept.statusCode).toBe(422);
    expect(noDept.json().code).toBe('funds.department_required');
    const foreign = await w.makeProgramme({ unitId: b.id, by: adminB });
    const wrongProgramme = await post({ unitId: a.id, programmeId: foreign.id });
    expect(wrongProgramme.statusCode).toBe(422);
    expect(wrongProgramme.json().code).toBe('funds.programme_not_found');
  });
});

describe('spending entries', () => {
  it('are entered with receipts, a programme and a matching budget line, and read back', async () => {
    const programme = await w.makeProgramme({ name: '温暖润童心' });
    const line = await makeBudgetLine(w, { unitId: a.id, programmeId: programme.id, amountFen: 80_000 });
    const receipt = await w.upload(adminA, 'receipt.png');
    const entry = await makeFundEntry(w, {
      by: adminA,
      unitId: a.id,
      programmeId: programme.id,
      budgetLineId: line.id,
      amountFen: 12_345,
      receiptFileIds: [receipt],
    });
    expect(entry).toMatchObject({
      unitId: a.id,
      programmeId: programme.id,
      programmeName: '温暖润童心',
      budgetLineId: line.id,
      amountFen: 12_345,
      netFen: 12_345,
      receiptFileIds: [receipt],
      correctsId: null,
      correctionCount: 0,
    });
    expect((await adminA.agent.get(`/api/funds/entries/${entry.id}`)).json()).toMatchObject({ id: entry.id, payee: '马鞍街道便民超市' });
    const audit = (await w.admin.agent.get(`/api/audit?action=funds.entry_created&objectId=${entry.id}`)).json();
    expect(audit.total).toBe(1);
  });

  it('refuse a line of another year, unit, source or kind, receipts one may not use, and a coordinated entry without department', async () => {
    const line = await makeBudgetLine(w, { unitId: a.id, amountFen: 100_000 });
    for (const bad of [{ spentOn: '2025-12-31' }, { unitId: b.id, by: adminB }, { source: 'social' }, { kind: 'construction' }]) {
      const res = await adminA.agent.post('/api/funds/entries', {
        spentOn: '2026-05-01',
        unitId: a.id,
        kind: 'operation',
        source: 'fiscal',
        amountFen: 100,
        purpose: '测试',
        payee: '某商店',
        budgetLineId: line.id,
        ...bad,
        by: undefined,
      });
      expect([res.statusCode, res.json().code], JSON.stringify(bad)).toEqual(bad.unitId ? [404, 'not_found'] : [422, 'funds.line_mismatch']);
    }
    const othersReceipt = await w.upload(adminB, 'b.png');
    const res = await adminA.agent.post('/api/funds/entries', {
      spentOn: '2026-05-01',
      unitId: a.id,
      kind: 'operation',
      source: 'fiscal',
      amountFen: 100,
      purpose: '测试',
      payee: '某商店',
      receiptFileIds: [othersReceipt],
    });
    expect([res.statusCode, res.json().code]).toEqual([422, 'funds.receipt_missing']);
    const noDept = await adminA.agent.post('/api/funds/entries', {
      spentOn: '2026-05-01',
      unitId: a.id,
      kind: 'operation',
      source: 'coordinated',
      amountFen: 100,
      purpose: '测试',
      payee: '某商店',
    });
    expect([noDept.statusCode, noDept.json().code]).toEqual([422, 'funds.department_required']);
    for (const bad of [{ amountFen: 10.5 }, { amountFen: -1 }, { spentOn: '2026-02-30' }, { purpose: '' }, { receiptFileIds: ['not-an-id'] }]) {
      const r = await adminA.agent.post('/api/funds/entries', {
        spentOn: '2026-05-01',
        unitId: a.id,
        kind: 'operation',
        source: 'fiscal',
        amountFen: 100,
        purpose: '测试',
        payee: '某商店',
        ...bad,
      });
      expect([r.statusCode, r.json().code], JSON.stringify(bad)).toEqual([400, 'validation.failed']);
    }
  });

  it('are corrected only by counter-entries: negative, with a reason, never below zero, never a correction of a correction', async () => {
    const entry = await makeFundEntry(w, { unitId: a.id, amountFen: 50_000 });
    const c = await adminA.agent.post(`/api/funds/entries/${entry.id}/corrections`, { amountFen: -20_000, reason: '发票金额录错' });
    expect(c.statusCode).toBe(201);
    expect(c.json()).toMatchObject({ correctsId: entry.id, amountFen: -20_000, reason: '发票金额录错', spentOn: entry.spentOn, unitId: a.id });
    expect((await w.admin.agent.get(`/api/funds/entries/${entry.id}`)).json()).toMatchObject({ amountFen: 50_000, netFen: 30_000, correctionCount: 1 });
    const over = await adminA.agent.post(`/api/funds/entries/${entry.id}/corrections`, { amountFen: -30_001, reason: '超额冲减' });
    expect([over.statusCode, over.json().code]).toEqual([409, 'funds.correction_exceeds']);
    const again = await adminA.agent.post(`/api/funds/entries/${c.json().id}/corrections`, { amountFen: -1, reason: '冲减冲减记录' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'funds.not_correctable']);
    for (const bad of [{ amountFen: 100 }, { amountFen: 0 }, { amountFen: -1 }, { amountFen: -1.5, reason: '小数' }]) {
      const r = await adminA.agent.post(`/api/funds/entries/${entry.id}/corrections`, { reason: bad.amountFen === -1 ? '' : '原因', ...bad });
      expect([r.statusCode, r.json().code], JSON.stringify(bad)).toEqual([400, 'validation.failed']);
    }
    const audit = (await w.admin.agent.get(`/api/audit?action=funds.entry_corrected&objectId=${entry.id}`)).json();
    expect(audit.total).toBe(1);
  });

  it('counter-entries sent at the same time never take more than the entry had', async () => {
    const entry = await makeFundEntry(w, { unitId: a.id, amountFen: 100_000 });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => adminA.agent.post(`/api/funds/entries/${entry.id}/corrections`, { amountFen: -30_000, reason: `并发冲减${i}` })),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 201, 201, 409, 409, 409]);
    expect((await w.admin.agent.get(`/api/funds/entries/${entry.id}`)).json()).toMatchObject({ netFen: 10_000, correctionCount: 3 });
  });

  it('are refused UPDATE and DELETE by the database itself, on both tables', async () => {
    const entry = await makeFundEntry(w, { amountFen: 1_000 });
    const line = await makeBudgetLine(w, { amountFen: 1_000 });
    const db = w.t.deps.db;
    await expect(db.updateTable('fund_entries').set({ amount_fen: 1 }).where('id', '=', entry.id).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('fund_entries').where('id', '=', entry.id).execute()).rejects.toThrow(/append-only/);
    await expect(db.updateTable('fund_budget_lines').set({ amount_fen: 1 }).where('id', '=', line.id).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('fund_budget_lines').where('id', '=', line.id).execute()).rejects.toThrow(/append-only/);
    expect((await w.admin.agent.get(`/api/funds/entries/${entry.id}`)).json().amountFen).toBe(1_000);
    // No route edits or deletes either.
    expect((await w.admin.agent.patch(`/api/funds/entries/${entry.id}`, { amountFen: 1 })).statusCode).toBe(404);
    expect((await w.admin.agent.delete(`/api/funds/entries/${entry.id}`)).statusCode).toBe(404);
  });
});

describe('scope', () => {
  let entryB: View;
  beforeAll(async () => {
    entryB = await makeFundEntry(w, { by: adminB, unitId: b.id, amountFen: 7_700 });
  });

  it('a station admin sees and enters only their own station’s funds', async () => {
    const mine = await allEntries(adminA.agent);
    expect(mine.length).toBeGreaterThan(0);
    expect(new Set(mine.map((e) => e.unitId))).toEqual(new Set([a.id]));
    expect((await adminA.agent.get(`/api/funds/entries/${entryB.id}`)).statusCode).toBe(404);
    expect((await adminA.agent.get(`/api/funds/entries?year=2026&unitId=${b.id}`)).statusCode).toBe(404);
    expect((await adminA.agent.get(`/api/funds/totals?year=2026&unitId=${b.id}`)).statusCode).toBe(404);
    expect((await adminA.agent.post(`/api/funds/entries/${entryB.id}/corrections`, { amountFen: -1, reason: '越权冲减' })).statusCode).toBe(404);
    const other = await adminA.agent.post('/api/funds/entries', {
      spentOn: '2026-05-01',
      unitId: b.id,
      kind: 'operation',
      source: 'fiscal',
      amountFen: 100,
      purpose: '越权',
      payee: '某商店',
    });
    expect(other.statusCode).toBe(404);
    const institute = await adminA.agent.post('/api/funds/budget-lines', {
      year: 2026,
      unitId: w.instituteId,
      kind: 'operation',
      source: 'fiscal',
      amountFen: 100,
    });
    expect(institute.statusCode).toBe(404);
    const totals = (await adminA.agent.get('/api/funds/totals?year=2026')).json();
    expect(new Set(totals.rows.map((r: { unitId: string }) => r.unitId))).toEqual(new Set([a.id]));
  });

  it('the institute sees every station’s funds', async () => {
    const all = await allEntries();
    expect(new Set(all.map((e) => e.unitId))).toEqual(new Set([w.instituteId, a.id, b.id]));
    expect((await w.admin.agent.get(`/api/funds/entries/${entryB.id}`)).statusCode).toBe(200);
  });

  it('roles without funds rights are refused with 403', async () => {
    const leader = await w.makeStaff('team_leader', a.id);
    expect((await leader.agent.get('/api/funds/entries?year=2026')).statusCode).toBe(403);
    const v = await w.makeVolunteer({ stationId: a.id });
    const res = await v.agent.post('/api/funds/entries', {
      spentOn: '2026-05-01',
      unitId: a.id,
      kind: 'operation',
      source: 'fiscal',
      amountFen: 100,
      purpose: '志愿者',
      payee: '某商店',
    });
    expect([res.statusCode, res.json().code]).toEqual([403, 'access.denied']);
  });
});

describe('totals', () => {
  it('equal the sum of the entries and budget lines, group by group', async () => {
    const general = await makeBudgetLine(w, { unitId: b.id, by: adminB, amountFen: 90_000 });
    const programme = await w.makeProgramme({ unitId: b.id, by: adminB, name: '心阅书香' });
    await makeFundEntry(w, { by: adminB, unitId: b.id, budgetLineId: general.id, programmeId: programme.id, amountFen: 40_000 });
    const totals = (await w.admin.agent.get('/api/funds/totals?year=2026')).json();
    const entries = await allEntries();
    const lines = (await w.admin.agent.get('/api/funds/budget-lines?year=2026&pageSize=200')).json().items as {
      id: string;
      netFen: number;
      programmeId: string | null;
    }[];
    // Spending booked against a line counts under the line's programme, so it meets its budget.
    const lineProgramme = new Map(lines.map((l) => [l.id, l.programmeId]));
    const programmeOf = (e: Entry) => (e.budgetLineId ? (lineProgramme.get(e.budgetLineId as string) ?? null) : e.programmeId);
    expect(totals.total.spentFen).toBe(entries.reduce((s, e) => s + e.amountFen, 0));
    expect(totals.total.budgetFen).toBe(lines.reduce((s, l) => s + l.netFen, 0));
    for (const r of totals.rows) {
      const mine = entries.filter((e) => e.unitId === r.unitId && e.source === r.source && e.kind === r.kind && programmeOf(e) === r.programmeId);
      expect(r.spentFen).toBe(mine.reduce((s, e) => s + e.amountFen, 0));
    }
    const groupB = totals.rows.find((r: { unitId: string; programmeId: string | null }) => r.unitId === b.id && r.programmeId === null);
    expect(groupB).toMatchObject({ budgetFen: 90_000, spentFen: 7_700 + 40_000, overBudget: false });
    const unitA = totals.byUnit.find((u: { unitId: string }) => u.unitId === a.id);
    const entriesA = entries.filter((e) => e.unitId === a.id);
    expect(unitA.spentFen).toBe(entriesA.reduce((s, e) => s + e.amountFen, 0));
    expect((await w.admin.agent.get('/api/funds/totals?year=2031')).json().total).toEqual({ budgetFen: 0, spentFen: 0, share: null, overBudget: false });
  });

  it('filter entries by unit, source, kind and programme', async () => {
    const all = await allEntries();
    const byA = (await w.admin.agent.get(`/api/funds/entries?year=2026&unitId=${a.id}&pageSize=200`)).json();
    expect(byA.total).toBe(all.filter((e) => e.unitId === a.id).length);
    const construction = (await w.admin.agent.get('/api/funds/entries?year=2026&kind=construction')).json();
    expect(construction.total).toBe(all.filter((e) => e.kind === 'construction').length);
    const paged = (await w.admin.agent.get('/api/funds/entries?year=2026&page=2&pageSize=2')).json();
    expect(paged).toMatchObject({ page: 2, pageSize: 2, total: all.length });
    expect(paged.items.map((e: Entry) => e.id)).toEqual(all.slice(2, 4).map((e) => e.id));
  });

  it('export as a Chinese spreadsheet with the entries and the totals, audited', async () => {
    const res = await w.admin.agent.get('/api/funds/statement.xlsx?year=2026');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain('2026年经费报表');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['2026年预算执行', '2026年支出明细']);
    const list = wb.getWorksheet('2026年支出明细');
    expect(list?.getRow(1).getCell(7).value).toBe('金额（元）');
    const entries = await allEntries();
    expect(list?.rowCount).toBe(entries.length + 2);
    const last = list?.getRow(entries.length + 2);
    expect(last?.getCell(1).value).toBe('合计');
    expect(Math.round(Number(last?.getCell(7).value) * 100)).toBe(entries.reduce((s, e) => s + e.amountFen, 0));
    expect((await w.admin.agent.get('/api/audit?action=funds.exported')).json().total).toBe(1);
  });
});

describe('the Ma’an demo', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await makeTestApp({ seed: 'maan' });
  });
  afterAll(async () => t?.close());

  it('has a 2026 budget and spending with a correction; the district reads all of it and writes nothing', async () => {
    const district = await t.login('district');
    const totals = (await district.get('/api/funds/totals?year=2026')).json();
    expect(totals.total.budgetFen).toBeGreaterThan(0);
    expect(totals.total.spentFen).toBeGreaterThan(0);
    expect(totals.byUnit.length).toBeGreaterThan(2);
    const entries = (await district.get('/api/funds/entries?year=2026&pageSize=200')).json();
    expect(entries.items.some((e: Entry) => e.correctsId !== null)).toBe(true);
    expect(totals.total.spentFen).toBe(entries.items.reduce((s: number, e: Entry) => s + e.amountFen, 0));
    const instituteId = await t.unitId('马鞍街道新时代文明实践所');
    const write = await district.post('/api/funds/entries', {
      spentOn: '2026-05-01',
      unitId: instituteId,
      kind: 'operation',
      source: 'fiscal',
      amountFen: 100,
      purpose: '区中心',
      payee: '某商店',
    });
    expect([write.statusCode, write.json().code]).toEqual([403, 'access.read_only']);
    expect((await district.post(`/api/funds/entries/${entries.items[0].id}/corrections`, { amountFen: -1, reason: '区中心冲减' })).statusCode).toBe(403);
    expect((await district.get('/api/funds/statement.xlsx?year=2026')).statusCode).toBe(200);
    const station = await t.login('station01');
    const own = (await station.get('/api/funds/entries?year=2026&pageSize=200')).json();
    expect(new Set(own.items.map((e: Entry) => e.unitId)).size).toBeLessThanOrEqual(1);
  });
});
