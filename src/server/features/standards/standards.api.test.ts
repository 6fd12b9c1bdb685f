import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../../../test/support/clock';
import { expectStatus, makeStandardEvidence, type Staff, type Unit, type View, type World, makeWorld } from '../../../../test/support/factories';

// 2026-04-15 10:00 in China: January to March are the complete months of the year.
const clock = manualClock(new Date('2026-04-15T02:00:00Z'));
const NOBODY = '00000000-0000-4000-8000-000000000000';
let w: World;
let a: Unit;
let b: Unit;
let adminA: Staff;
let adminB: Staff;
let viewer: Staff & { districtId: string };
let evidenceA: View;

type Cell = { standard: string; status: string; reason: string; source: string };
type Row = { unitId: string; unitName: string; cells: Cell[] };
const cellOf = (rows: Row[], unitId: string, standard: string) => rows.find((r) => r.unitId === unitId)?.cells.find((c) => c.standard === standard);
const audits = async (action: string, objectId: string): Promise<number> =>
  (await w.admin.agent.get(`/api/audit?action=${action}&objectId=${objectId}`)).json().total;

beforeAll(async () => {
  w = await makeWorld({ clock });
  a = await w.makeStation({ name: '甲社区实践站' });
  b = await w.makeStation({ name: '乙社区实践站' });
  adminA = await w.stationAdmin(a.id);
  adminB = await w.stationAdmin(b.id);
  viewer = await w.makeDistrictViewer();
  // Station A: a 工作人员 post, a community squad with a member, a brand and a venue.
  expectStatus(await w.admin.agent.post(`/api/org/units/${a.id}/posts`, { post: 'staff', holderName: '张甲' }), 201, 'post');
  const squad = await w.makeTeam({ unitId: a.id, name: '甲社区志愿服务小队' });
  const v = await w.enterVolunteer({ stationId: a.id });
  expectStatus(await w.admin.agent.post(`/api/teams/${squad.id}/members`, { volunteerId: v.id }), 200, 'member');
  expectStatus(await w.admin.agent.put(`/api/brands/${a.id}`, { name: '甲社区红' }), 200, 'brand');
  await w.makeVenue({ unitId: a.id, name: '甲社区党群服务中心' });
  // Station B: an empty squad only.
  await w.makeTeam({ unitId: b.id, name: '乙社区志愿服务小队' });
  evidenceA = await makeStandardEvidence(w, { unitId: a.id, by: adminA, note: '站门口统一标牌' });
});
afterAll(async () => w?.close());

describe('the board', () => {
  it('shows the institute and its stations × the eight standards, with counts', async () => {
    const res = await w.admin.agent.get('/api/standards/board');
    expect(res.statusCode).toBe(200);
    const board = res.json();
    expect(board.instituteId).toBe(w.instituteId);
    // The institute first, then its stations in the organisation's order (sort, then name).
    expect(board.rows.map((r: Row) => r.unitId)).toEqual([w.instituteId, b.id, a.id]);
    for (const r of board.rows as Row[])
      expect(r.cells.map((c) => c.standard)).toEqual(['signage', 'venue', 'staff', 'teams', 'rules', 'activities', 'brand', 'showcase']);
    expect(cellOf(board.rows, a.id, 'staff')).toMatchObject({ status: 'met', reason: '要求 1 名工作人员，实有 1 名', source: 'auto' });
    expect(cellOf(board.rows, b.id, 'staff')).toMatchObject({ status: 'missing', reason: '要求 1 名工作人员，实有 0 名' });
    expect(cellOf(board.rows, a.id, 'teams')?.status).toBe('met');
    expect(cellOf(board.rows, b.id, 'teams')?.status).toBe('partial');
    expect(cellOf(board.rows, a.id, 'brand')?.status).toBe('met');
    expect(cellOf(board.rows, a.id, 'venue')?.status).toBe('met');
    expect(cellOf(board.rows, a.id, 'signage')).toMatchObject({ status: 'partial', source: 'confirmed' });
    expect(cellOf(board.rows, a.id, 'activities')?.status).toBe('missing');
    const staff = board.counts.find((c: { standard: string }) => c.standard === 'staff');
    expect(staff).toEqual({ standard: 'staff', met: 1, partial: 0, missing: 2 });
  });

  it('gives a station admin only their own row, and 404 for another institute', async () => {
    const board = (await adminA.agent.get('/api/standards/board')).json();
    expect(board.rows.map((r: Row) => r.unitId)).toEqual([a.id]);
    expect(board.institutes).toEqual([]);
    expect((await adminA.agent.get(`/api/standards/board?instituteId=${w.instituteId}`)).statusCode).toBe(404);
    expect((await w.admin.agent.get(`/api/standards/board?instituteId=${NOBODY}`)).statusCode).toBe(404);
    const notInstitute = await w.admin.agent.get(`/api/standards/board?instituteId=${a.id}`);
    expect([notInstitute.statusCode, notInstitute.json().code]).toEqual([422, 'standards.bad_unit']);
  });

  it('lets the district viewer read every unit of the institute', async () => {
    const board = (await viewer.agent.get('/api/standards/board')).json();
    expect(board.rows).toHaveLength(3);
    expect(board.institutes.map((i: { id: string }) => i.id)).toEqual([w.instituteId]);
    expect((await viewer.agent.get(`/api/standards/units/${b.id}`)).statusCode).toBe(200);
  });

  it('lets the district viewer and the institute open an evidence photo, and no other station (files registry)', async () => {
    const fileId = (evidenceA.files as { id: string }[])[0].id;
    expect((await viewer.agent.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await w.admin.agent.get(`/api/files/${fileId}`)).statusCode).toBe(200);
    expect((await adminB.agent.get(`/api/files/${fileId}`)).statusCode).toBe(404);
  });

  it('exports to Excel, audited', async () => {
    const res = await w.admin.agent.get('/api/standards/board.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const grid = wb.getWorksheet('达标看板');
    expect(grid?.getRow(1).getCell(4).value).toBe('工作人员');
    // Station B has no 工作人员: red, with the reason as the cell's note.
    const rowB = [2, 3, 4].map((n) => grid?.getRow(n)).find((r) => r?.getCell(1).value === '乙社区实践站');
    const staffB = rowB?.getCell(4);
    expect(staffB?.value).toBe('未达标');
    expect(staffB?.fill).toMatchObject({ fgColor: { argb: 'FFFFA39E' } });
    expect(String(staffB?.note)).toContain('实有 0 名');
    expect(wb.getWorksheet('原因明细')?.rowCount).toBeGreaterThan(24);
    const log = (await w.admin.agent.get('/api/audit?action=standards.exported')).json();
    expect(log.total).toBe(1);
  });

  it('runs the same number of statements for two stations as for four', async () => {
    const count = async () => (await w.t.statements(() => w.admin.agent.get('/api/standards/board'))).sql.length;
    await w.admin.agent.get('/api/standards/board');
    const before = await count();
    const c = await w.makeStation({ name: '丙社区实践站' });
    const d = await w.makeStation({ name: '丁社区实践站' });
    await w.admin.agent.get('/api/standards/board');
    const board = (await w.admin.agent.get('/api/standards/board')).json();
    expect(board.rows.map((r: Row) => r.unitId)).toEqual(expect.arrayContaining([c.id, d.id]));
    expect(await count()).toBe(before);
  });
});

describe('a unit in detail', () => {
  it('cites the records behind each standard, with evidence and history', async () => {
    const detail = (await adminA.agent.get(`/api/standards/units/${a.id}`)).json();
    expect(detail).toMatchObject({ unitId: a.id, unitName: '甲社区实践站', kind: 'station' });
    const staff = detail.standards.find((s: { standard: string }) => s.standard === 'staff');
    expect(staff.citations).toEqual([expect.objectContaining({ kind: 'post', label: '工作人员 张甲' })]);
    const signage = detail.standards.find((s: { standard: string }) => s.standard === 'signage');
    expect(signage).toMatchObject({ confirmable: true, status: 'partial', confirmations: [] });
    expect(signage.evidence).toEqual([expect.objectContaining({ id: evidenceA.id, note: '站门口统一标牌', withdrawnAt: null })]);
    expect(signage.evidence[0].files[0]).toMatchObject({ mime: 'image/png' });
    expect(signage.citations.map((c: { kind: string; id: string }) => [c.kind, c.id])).toEqual([['file', signage.evidence[0].files[0].id]]);
  });

  it('is 404 outside the scope and for unknown units; a district is not a standards unit', async () => {
    expect((await adminA.agent.get(`/api/standards/units/${b.id}`)).statusCode).toBe(404);
    expect((await adminA.agent.get(`/api/standards/units/${NOBODY}`)).statusCode).toBe(404);
    const district = await viewer.agent.get(`/api/standards/units/${viewer.districtId}`);
    expect([district.statusCode, district.json().code]).toEqual([422, 'standards.bad_unit']);
  });
});

describe('evidence', () => {
  it('a station admin adds for their own station only (404 elsewhere); the viewer cannot write', async () => {
    const file = await w.upload(adminB);
    const body = { unitId: a.id, standard: 'showcase', kind: 'culture_wall', note: '文化墙', fileIds: [file] };
    expect((await adminB.agent.post('/api/standards/evidence', body)).statusCode).toBe(404);
    const own = await adminB.agent.post('/api/standards/evidence', { ...body, unitId: b.id });
    expect(own.statusCode).toBe(201);
    expect(await audits('standards.evidence_added', own.json().id)).toBe(1);
    expect((await viewer.agent.post('/api/standards/evidence', { ...body, unitId: b.id, fileIds: [], link: 'https://example.com/v' })).statusCode).toBe(403);
    const inst = await makeStandardEvidence(w, { unitId: b.id, standard: 'venue', kind: 'venue_photo', note: '借用服务大厅' });
    expect(inst).toMatchObject({ unitId: b.id, standard: 'venue' });
  });

  it('refuses bad input with stable codes and writes nothing', async () => {
    const post = (body: Record<string, unknown>) =>
      w.admin.agent.post('/api/standards/evidence', { unitId: a.id, standard: 'signage', kind: 'logo', note: '徽标', ...body });
    const code = async (body: Record<string, unknown>) => {
      const r = await post(body);
      return [r.statusCode, r.json().code];
    };
    expect(await code({ fileIds: [] })).toEqual([422, 'standards.evidence_empty']);
    expect(await code({ fileIds: [NOBODY] })).toEqual([422, 'standards.bad_file']);
    expect(await code({ standard: 'staff', link: 'https://example.com' })).toEqual([422, 'standards.not_confirmable']);
    expect(await code({ link: 'javascript:alert(1)' })).toEqual([400, 'validation.failed']);
    expect(await code({ kind: 'poster', link: 'https://example.com' })).toEqual([400, 'validation.failed']);
    expect(await code({ note: '', link: 'https://example.com' })).toEqual([400, 'validation.failed']);
    expect(await code({ extra: 1, link: 'https://example.com' })).toEqual([400, 'validation.failed']);
    expect(await code({ unitId: viewer.districtId, link: 'https://example.com' })).toEqual([404, 'not_found']);
    const detail = (await w.admin.agent.get(`/api/standards/units/${a.id}`)).json();
    expect(detail.standards.find((s: { standard: string }) => s.standard === 'signage').evidence).toHaveLength(1);
  });

  it('is withdrawn with a reason, once; the row stays and no longer counts', async () => {
    const ev = await makeStandardEvidence(w, { unitId: a.id, standard: 'showcase', kind: 'leaflet', note: '宣传折页', by: adminA });
    expect((await adminB.agent.post(`/api/standards/evidence/${ev.id}/withdrawal`, { reason: '错传' })).statusCode).toBe(404);
    expect((await viewer.agent.post(`/api/standards/evidence/${ev.id}/withdrawal`, { reason: '错传' })).statusCode).toBe(403);
    expect((await adminA.agent.post(`/api/standards/evidence/${ev.id}/withdrawal`, { reason: '' })).statusCode).toBe(400);
    const res = await adminA.agent.post(`/api/standards/evidence/${ev.id}/withdrawal`, { reason: '照片不清晰，重新拍' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ withdrawReason: '照片不清晰，重新拍', withdrawnByName: adminA.name });
    const again = await adminA.agent.post(`/api/standards/evidence/${ev.id}/withdrawal`, { reason: '再撤' });
    expect([again.statusCode, again.json().code]).toEqual([409, 'standards.withdrawn']);
    expect(await audits('standards.evidence_withdrawn', ev.id)).toBe(1);
    const showcase = (await adminA.agent.get(`/api/standards/units/${a.id}`)).json().standards.find((s: { standard: string }) => s.standard === 'showcase');
    expect(showcase.evidence.map((e: { id: string }) => e.id)).toEqual([ev.id]);
    expect(showcase.status).toBe('missing');
    expect(showcase.citations).toEqual([]);
  });
});

describe('confirmations', () => {
  it('only the institute admin confirms; station admin and viewer get 403, reason required', async () => {
    const body = { unitId: a.id, standard: 'signage', decision: 'met', reason: '标牌规范' };
    expect((await adminA.agent.post('/api/standards/confirmations', body)).statusCode).toBe(403);
    expect((await viewer.agent.post('/api/standards/confirmations', body)).statusCode).toBe(403);
    expect((await w.admin.agent.post('/api/standards/confirmations', { ...body, reason: ' ' })).statusCode).toBe(400);
    expect((await w.admin.agent.post('/api/standards/confirmations', { ...body, decision: 'yes' })).statusCode).toBe(400);
    const auto = await w.admin.agent.post('/api/standards/confirmations', { ...body, standard: 'staff' });
    expect([auto.statusCode, auto.json().code]).toEqual([422, 'standards.not_confirmable']);
    const none = await w.admin.agent.post('/api/standards/confirmations', { ...body, standard: 'showcase' });
    expect([none.statusCode, none.json().code]).toEqual([409, 'standards.no_evidence']);
  });

  it('keeps the history; the latest decides the board', async () => {
    const body = { unitId: a.id, standard: 'signage' };
    const first = await w.admin.agent.post('/api/standards/confirmations', { ...body, decision: 'met', reason: '标牌、徽标统一' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ decision: 'met', evidenceIds: [evidenceA.id] });
    expect(await audits('standards.confirmed', first.json().id)).toBe(1);
    let board = (await w.admin.agent.get('/api/standards/board')).json();
    expect(cellOf(board.rows, a.id, 'signage')).toMatchObject({ status: 'met', reason: '实践所已确认：标牌、徽标统一', source: 'confirmed' });
    clock.advance(60_000);
    await w.admin.agent.post('/api/standards/confirmations', { ...body, decision: 'not_met', reason: '标牌已损坏' });
    board = (await w.admin.agent.get('/api/standards/board')).json();
    expect(cellOf(board.rows, a.id, 'signage')).toMatchObject({ status: 'missing', reason: '实践所确认未达标：标牌已损坏' });
    const detail = (await adminA.agent.get(`/api/standards/units/${a.id}`)).json();
    const signage = detail.standards.find((s: { standard: string }) => s.standard === 'signage');
    expect(signage.confirmations.map((c: { decision: string }) => c.decision)).toEqual(['not_met', 'met']);
  });

  it('a venue confirmed on evidence counts where no venue is registered', async () => {
    expect(
      (await w.admin.agent.post('/api/standards/confirmations', { unitId: b.id, standard: 'venue', decision: 'met', reason: '借用社区服务大厅' })).statusCode,
    ).toBe(201);
    const board = (await w.admin.agent.get('/api/standards/board')).json();
    expect(cellOf(board.rows, b.id, 'venue')).toMatchObject({ status: 'met', source: 'confirmed' });
  });

  it('a confirmation outside the scope is 404', async () => {
    const other = await w.admin.agent.post('/api/standards/confirmations', { unitId: NOBODY, standard: 'venue', decision: 'not_met', reason: '无' });
    expect(other.statusCode).toBe(404);
  });
});

describe('other features read it', () => {
  it('unitsCitingFile names the units whose evidence cites an upload', async () => {
    const { unitsCitingFile } = await import('./standards.lookup');
    const fileId = (await adminA.agent.get(`/api/standards/units/${a.id}`)).json().standards[0].evidence[0].files[0].id;
    expect(await unitsCitingFile(w.t.deps.db, fileId)).toEqual([a.id]);
    expect(await unitsCitingFile(w.t.deps.db, NOBODY)).toEqual([]);
  });
});
