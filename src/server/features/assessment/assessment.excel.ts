/**
 * A published period as a spreadsheet, in Chinese: 排名 (rank, station, total) and 指标得分 (every
 * indicator × station, with the category and full points). Pure: the service reads and audits.
 */
import ExcelJS from 'exceljs';
import type { SheetRow, TreeSnapshot } from '../../../shared/assessment';
import { safeCell } from '../../../shared/exchange';

function header(ws: ExcelJS.Worksheet, titles: string[], widths: number[]) {
  const row = ws.getRow(1);
  titles.forEach((t, i) => {
    const cell = row.getCell(i + 1);
    cell.value = t;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    ws.getColumn(i + 1).width = widths[i] ?? 12;
  });
}

export async function writeAssessmentWorkbook(
  label: string,
  tree: TreeSnapshot,
  ranking: { stationId: string; stationName: string; total: number; rank: number }[],
  sheets: { stationId: string; stationName: string; rows: SheetRow[] }[],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '实践';
  wb.created = new Date();
  const max = tree.reduce((s, c) => s + c.items.reduce((t, i) => t + i.maxPoints, 0), 0);

  const rank = wb.addWorksheet('排名', { views: [{ state: 'frozen', ySplit: 1 }] });
  header(rank, ['名次', '实践站', `总分（满分 ${max}）`], [8, 36, 16]);
  for (const r of ranking) rank.addRow([r.rank, safeCell(r.stationName), r.total]);

  const grid = wb.addWorksheet('指标得分', { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] });
  header(grid, ['一级指标', '考核项目', '满分', ...sheets.map((s) => safeCell(s.stationName))], [12, 28, 8, ...sheets.map(() => 14)]);
  const byStation = sheets.map((s) => new Map(s.rows.map((r) => [r.indicator.id, r.final])));
  for (const c of tree) for (const i of c.items) grid.addRow([safeCell(c.title), safeCell(i.title), i.maxPoints, ...byStation.map((m) => m.get(i.id) ?? 0)]);
  const totals = grid.addRow(['合计', '', max, ...sheets.map((s) => Math.round(s.rows.reduce((t, r) => t + r.final * 10, 0)) / 10)]);
  totals.font = { bold: true };
  grid.getRow(1).getCell(1).value = `一级指标（${safeCell(label)}）`;

  const out: unknown = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}
