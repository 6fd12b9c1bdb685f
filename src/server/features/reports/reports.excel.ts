/** The report as a workbook: a 封面/汇总 sheet first, then one sheet per part with Chinese headers. */
import ExcelJS from 'exceljs';
import { chinaWallClock } from '../../../shared/china-time';
import { safeCell } from '../../../shared/exchange';
import type { ReportView } from '../../../shared/reports';
import { sheetNameOf } from '../../platform/xlsx';
import { type Cell, reportSections, type ReportTable, summaryRows } from '../../../shared/report-tables';

const cellOf = (v: Cell) => (typeof v === 'number' ? v : safeCell(v));
const GREY = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as const;

function writeTable(ws: ExcelJS.Worksheet, t: ReportTable) {
  if (t.caption) ws.addRow([safeCell(t.caption)]).font = { bold: true };
  const header = ws.addRow(t.columns);
  header.font = { bold: true };
  header.eachCell((c) => {
    c.fill = GREY;
  });
  if (t.rows.length === 0 && t.empty) ws.addRow([t.empty]);
  for (const r of t.rows) ws.addRow(r.map(cellOf));
  ws.addRow([]);
}

function coverSheet(wb: ExcelJS.Workbook, r: ReportView) {
  const ws = wb.addWorksheet('封面汇总');
  ws.getColumn(1).width = 30;
  ws.getColumn(2).width = 20;
  ws.mergeCells(1, 1, 1, 2);
  ws.getCell(1, 1).value = safeCell(r.title);
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.addRow(['报表期间', `${r.fromDay} 至 ${r.toDay}`]);
  ws.addRow(['生成时间', chinaWallClock(r.generatedAt).replace('T', ' ').slice(0, 16)]);
  ws.addRow([]);
  writeTable(ws, { columns: ['项目', '数值'], rows: summaryRows(r), empty: '' });
}

export async function writeReportWorkbook(r: ReportView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '实践';
  wb.created = new Date(r.generatedAt);
  coverSheet(wb, r);
  for (const s of reportSections(r)) {
    const ws = wb.addWorksheet(sheetNameOf(s.name));
    const width = Math.max(...s.tables.map((t) => t.columns.length));
    ws.getColumn(1).width = 24;
    for (let i = 2; i <= width; i++) ws.getColumn(i).width = 16;
    ws.addRow([safeCell(`${r.title} · ${s.heading}`)]).font = { bold: true, size: 13 };
    ws.addRow([]);
    for (const t of s.tables) writeTable(ws, t);
  }
  const out: unknown = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}
