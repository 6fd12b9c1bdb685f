import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { makeNeedsRecord, type Staff, type Unit, type View, type World, makeWorld } from '../../../../test/support/factories';

// 2026-12-10 09:00 in China.
const clock = manualClock(new Date('2026-12-10T01:00:00Z'));
let w: World;
let a: Unit;
let b: Unit;
let adminA: Staff;
let adminB: Staff;
let viewer: Staff;
let recipientA: View;
let recipientB: View;

const base = (stationId: string) => ({
  stationId,
  collectedOn: '2026-12-09',
  method: 'visit',
  place: '幸福小区 3 栋 2 单元',
  respondentName: '李大爷',
  respondentPhone: '13912345678',
  category: '助老助残',
  description: '腿脚不便，希望有人帮忙代购药品',
  people: 2,
});

beforeAll(async () => {
  w = await makeWorld({ clock });
  a = await w.makeStation();
  b = await w.makeStation();
  adminA = await w.stationAdmin(a.id);
  adminB = await w.stationAdmin(b.id);
  viewer = await w.makeDistrictViewer();
  recipientA = await w.makeCareRecipient({ stationId: a.id, name: '王奶奶' });
  recipientB = await w.makeCareRecipient({ stationId: b.id, name: '赵爷爷' });
});
afterAll(async () => w?.close());

const audits = async (action: string, objectId: string): Promise<number> =>
  (await w.admin.agent.get(`/api/audit?action=${action}&objectId=${objectId}`)).json().total;

describe('recording a need', () => {
  it('records it with the collector, masks the phone in the list, and audits it', async () => {
    const res = await adminA.agent.post('/api/needs', { ...base(a.id), careRecipientId: recipientA.id });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      stationId: a.id,
      collectorName: adminA.name,
      respondentPhone: '139****5678',
      careLinked: true,
      careRecipient: { id: recipientA.id, name: '王奶奶' },
      category: '助老助残',
      people: 2,
      withdrawn: null,
      canWithdraw: true,
    });
    expect(await audits('needs.recorded', r.id)).toBe(1);
    const list = (await adminA.agent.get('/api/needs')).json();
    expect(list).toMatchObject({ total: 1, page: 1, pageSize: 20 });
    expect(list.items[0].respondentPhone).toBe('139****5678');
    expect(JSON.stringify(list)).not.toContain('13912345678');
  });

  it('refuses bad input with stable codes and writes nothing', async () => {
    const post = (body: object, who: Staff = adminA) => who.agent.post('/api/needs', body);
    const before = (await adminA.agent.get('/api/needs')).json().total;
    const codeOf = async (body: object) => {
      const res = await post(body);
      return [res.statusCode, res.json().code];
    };
    expect(await codeOf({ ...base(a.id), collectedOn: '2026-12-11' })).toEqual([422, 'needs.future_date']);
    expect(await codeOf({ ...base(a.id), careRecipientId: recipientB.id })).toEqual([422, 'needs.recipient_not_found']);
    expect(await codeOf({ ...base(a.id), careRecipientId: randomUUID() })).toEqual([422, 'needs.recipient_not_found']);
    expect((await post({ ...base(a.id), category: '随便' })).statusCode).toBe(400);
    expect((await post({ ...base(a.id), method: 'email' })).statusCode).toBe(400);
    expect((await post({ ...base(a.id), people: 0 })).statusCode).toBe(400);
    expect((await post({ ...base(a.id), respondentPhone: '12345' })).statusCode).toBe(400);
    expect((await post({ ...base(a.id), collectedOn: '12/09' })).statusCode).toBe(400);
    expect((await post({ ...base(a.id), extra: 1 })).statusCode).toBe(400);
    const inst = await w.admin.agent.post('/api/needs', base(w.instituteId));
    expect([inst.statusCode, inst.json().code]).toEqual([422, 'needs.bad_station']);
    expect((await adminA.agent.get('/api/needs')).json().total).toBe(before);
  });
});

describe('scope', () => {
  it("keeps a station admin to their own station's records: another station's is 404", async () => {
    await makeNeedsRecord(w, { stationId: b.id, by: adminB, category: '关爱儿童' });
    expect((await adminA.agent.get('/api/needs')).json().items.every((r: View) => r.stationId === a.id)).toBe(true);
    expect((await adminA.agent.get(`/api/needs?stationId=${b.id}`)).statusCode).toBe(404);
    expect((await adminA.agent.post('/api/needs', base(b.id))).statusCode).toBe(404);
    const bRecord = (await adminB.agent.get('/api/needs')).json().items[0];
    expect((await adminA.agent.post(`/api/needs/${bRecord.id}/withdraw`, { reason: '登记错误' })).statusCode).toBe(404);
  });

  it('lets the district viewer read everything, without who the care recipient is, and write nothing', async () => {
    const all = (await viewer.agent.get('/api/needs')).json();
    expect(all.total).toBe(2);
    const linked = all.items.find((r: View) => r.careLinked);
    expect(linked).toMatchObject({ careLinked: true, careRecipient: null, canWithdraw: false });
    expect(JSON.stringify(all)).not.toContain('王奶奶');
    expect((await viewer.agent.post('/api/needs', base(a.id))).statusCode).toBe(403);
    expect((await viewer.agent.post(`/api/needs/${linked.id}/withdraw`, { reason: '登记错误' })).statusCode).toBe(403);
  });

  it("never shows another station's admin a recipient, even through the institute's list", async () => {
    const asB = (await adminB.agent.get('/api/needs')).json();
    expect(JSON.stringify(asB)).not.toContain('王奶奶');
    const asInstitute = (await w.admin.agent.get(`/api/needs?stationId=${a.id}`)).json();
    expect(asInstitute.items.find((r: View) => r.careLinked).careRecipient).toMatchObject({ name: '王奶奶' });
  });
});

describe('withdrawing', () => {
  it('adds a withdrawal with the reason, keeps the record, and refuses a second one with 409', async () => {
    const r = await makeNeedsRecord(w, { stationId: a.id, by: adminA, category: '文化惠民', people: 5 });
    const res = await adminA.agent.post(`/api/needs/${r.id}/withdraw`, { reason: '重复登记' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ id: r.id, withdrawn: { reason: '重复登记', byName: adminA.name }, canWithdraw: false });
    const again = await adminA.agent.post(`/api/needs/${r.id}/withdraw`, { reason: '重复登记' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'needs.already_withdrawn']);
    expect((await adminA.agent.post(`/api/needs/${r.id}/withdraw`, { reason: '' })).statusCode).toBe(400);
    expect(await audits('needs.withdrawn', r.id)).toBe(1);
    // Left out of the list unless asked for, and out of the counts.
    expect((await adminA.agent.get('/api/needs')).json().items.some((x: View) => x.id === r.id)).toBe(false);
    const withdrawn = (await adminA.agent.get('/api/needs?withdrawn=true')).json();
    expect(withdrawn.items.map((x: View) => x.id)).toEqual([r.id]);
    const counts = (await adminA.agent.get('/api/needs/counts')).json();
    expect(counts.byCategory.some((c: { category: string }) => c.category === '文化惠民')).toBe(false);
    expect((await adminA.agent.post(`/api/needs/${randomUUID()}/withdraw`, { reason: '重复登记' })).statusCode).toBe(404);
  });
});

describe('counts and filters', () => {
  it('counts records and people by category and station over the last 90 days by default', async () => {
    await makeNeedsRecord(w, { stationId: a.id, by: adminA, category: '助老助残', people: 3, collectedOn: '2026-11-02' });
    await makeNeedsRecord(w, { stationId: a.id, by: adminA, category: '健康促进', people: 1, collectedOn: '2026-08-01' });
    const counts = (await w.admin.agent.get('/api/needs/counts')).json();
    expect(counts).toMatchObject({ to: '2026-12-10', from: '2026-09-12' });
    expect(counts.byCategory).toEqual([
      { category: '助老助残', records: 2, people: 5 },
      { category: '关爱儿童', records: 1, people: 1 },
    ]);
    expect(counts.byStation).toHaveLength(2);
    expect(counts.byStation).toEqual(
      expect.arrayContaining([
        { stationId: a.id, stationName: a.name, category: '助老助残', records: 2, people: 5 },
        { stationId: b.id, stationName: b.name, category: '关爱儿童', records: 1, people: 1 },
      ]),
    );
    expect(counts.total).toEqual({ records: 3, people: 6 });
    const older = (await w.admin.agent.get('/api/needs/counts?from=2026-08-01&to=2026-08-31')).json();
    expect(older.byCategory).toEqual([{ category: '健康促进', records: 1, people: 1 }]);
    const mine = (await adminB.agent.get('/api/needs/counts')).json();
    expect(mine.byStation.every((r: View) => r.stationId === b.id)).toBe(true);
    const bad = await w.admin.agent.get('/api/needs/counts?from=2026-12-01&to=2026-11-01');
    expect([bad.statusCode, bad.json().code]).toEqual([422, 'needs.bad_period']);
    expect((await w.admin.agent.get('/api/needs/counts?from=2024-01-01&to=2026-01-01')).statusCode).toBe(422);
    expect((await adminA.agent.get(`/api/needs/counts?stationId=${b.id}`)).statusCode).toBe(404);
  });

  it('filters by station, category and month, paged in order', async () => {
    const nov = (await w.admin.agent.get('/api/needs?month=2026-11')).json();
    expect(nov.items.map((r: View) => r.collectedOn)).toEqual(['2026-11-02']);
    const cat = (await w.admin.agent.get('/api/needs?category=关爱儿童')).json();
    expect(cat.items.map((r: View) => r.stationId)).toEqual([b.id]);
    const p1 = (await w.admin.agent.get(`/api/needs?stationId=${a.id}&pageSize=2`)).json();
    const p2 = (await w.admin.agent.get(`/api/needs?stationId=${a.id}&pageSize=2&page=2`)).json();
    expect(p1.total).toBe(3);
    expect(p1.items.map((r: View) => r.collectedOn)).toEqual(['2026-12-09', '2026-11-02']);
    expect(p2.items.map((r: View) => r.collectedOn)).toEqual(['2026-08-01']);
    expect((await w.admin.agent.get('/api/needs?month=2026-13')).statusCode).toBe(400);
    expect((await w.admin.agent.get('/api/needs?category=x')).statusCode).toBe(400);
  });

  it('exports the records as a spreadsheet, phones masked, and audits the export', async () => {
    const res = await viewer.agent.get('/api/needs/export?month=2026-12');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const list = wb.getWorksheet('需求明细');
    const rows = (list?.getSheetValues() ?? []).slice(2).filter(Boolean) as unknown[][];
    expect(rows.length).toBe(3);
    expect(JSON.stringify(rows)).toContain('139****5678');
    expect(JSON.stringify(rows)).not.toContain('13912345678');
    expect(JSON.stringify(rows)).toContain('已撤回');
    const sum = wb.getWorksheet('分类统计');
    expect([sum?.getRow(2).getCell(1).value, sum?.getRow(3).getCell(1).value].sort()).toEqual(['关爱儿童', '助老助残'].sort());
    expect(sum?.getRow(4).getCell(2).value).toBe(2);
    expect((await w.admin.agent.get(`/api/needs/export?stationId=${a.id}`)).statusCode).toBe(200);
    expect((await w.admin.agent.get('/api/audit?action=needs.exported')).json().total).toBeGreaterThanOrEqual(1);
  });
});
