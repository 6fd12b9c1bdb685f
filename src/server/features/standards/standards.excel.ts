/**
 * The "八有" board as a spreadsheet, in Chinese: 达标看板 (units × standards, 未达标 red, 部分达标
 * amber, 达标 green, counts at the foot) and 原因明细 (every cell's reason and basis). Pure: the
 * service builds the board and writes the audit row; text cells go through `safeCell`.
 */
import ExcelJS from 'exceljs';
import { safeCell } from '../../../shared/exchange';
import { STANDARD_KEYS, STANDARD_STATUSES, STANDARDS, type StandardStatus } from '../../../shared/rules/standards';
import type { BoardView } from '../../../shared/standards';

const FILL: Record<StandardStatus, string> = { met: 'FFD9F7BE', partial: 'FFFFE58F', missing: 'FFFFA39E' };
const FONT: Record<StandardStatus, string> = { met: 'FF237804', partial: 'FF874D00', missing: 'FFCF1322' };

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

export async function writeStandardsBoard(title: string, board: BoardView): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '实践';
  wb.created = new Date();

  const grid = wb.addWorksheet('达标看板', { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  header(grid, ['单位', ...STANDARD_KEYS.map((k) => STANDARDS[k].label), '达标项数'], [30, ...STANDARD_KEYS.map(() => 12), 10]);
  for (const r of board.rows) {
    const line = grid.addRow([safeCell(r.unitName), ...r.cells.map((c) => STANDARD_STATUSES[c.status]), r.cells.filter((c) => c.status === 'met').length]);
    r.cells.forEach((c, i) => {
      const cell = line.getCell(i + 2);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[c.status] } };
      cell.font = { color: { argb: FONT[c.status] }, bold: c.status === 'missing' };
      cell.note = safeCell(c.reason);
    });
  }
  grid.addRow([]);
  const foot = grid.addRow([`达标单位数（共 ${board.rows.length} 个单位）`, ...board.counts.map((c) => c.met)]);
  foot.font = { bold: true };
  grid.addRow(['部分达标单位数', ...board.counts.map((c) => c.partial)]).font = { bold: true, color: { argb: FONT.partial } };
  const red = grid.addRow(['未达标单位数', ...board.counts.map((c) => c.missing)]);
  red.font = { bold: true, color: { argb: FONT.missing } };

  const detail = wb.addWorksheet('原因明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  header(detail, ['单位', '标准', '情况', '原因', '判定方式'], [30, 12, 10, 70, 14]);
  for (const r of board.rows)
    for (const c of r.cells) {
      const line = detail.addRow([
        safeCell(r.unitName),
        STANDARDS[c.standard].label,
        STANDARD_STATUSES[c.status],
        safeCell(c.reason),
        c.source === 'auto' ? '业务数据自动判定' : '实践所确认',
      ]);
      line.getCell(3).font = { color: { argb: FONT[c.status] }, bold: c.status === 'missing' };
    }
  detail.addRow([]);
  detail.addRow([`${safeCell(title)}（导出时的情况）`]);

  const out: unknown = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}
