/**
 * Needs records as a spreadsheet, in Chinese: 需求明细 (every record, phone masked, withdrawn ones
 * marked with the reason) and 分类统计 (per category, withdrawn records left out). Pure; text cells
 * go through `safeCell`.
 */
import ExcelJS from 'exceljs';
import { safeCell } from '../../../shared/exchange';
import { NEEDS_METHODS, type NeedsRecordView } from '../../../shared/needs';

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

export async function writeNeedsRecords(label: string, records: NeedsRecordView[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '实践';
  wb.created = new Date();

  const list = wb.addWorksheet('需求明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  header(
    list,
    ['采集日期', '实践站', '采集方式', '地点', '采集人', '受访人', '联系电话', '关爱对象', '需求类别', '需求内容', '涉及人数', '状态', '撤回原因'],
    [12, 24, 10, 20, 10, 10, 14, 10, 12, 40, 10, 8, 24],
  );
  for (const r of records) {
    list.addRow([
      r.collectedOn,
      safeCell(r.stationName),
      NEEDS_METHODS[r.method],
      safeCell(r.place),
      safeCell(r.collectorName),
      safeCell(r.respondentName),
      r.respondentPhone ?? '',
      r.careLinked ? '是' : '',
      safeCell(r.category),
      safeCell(r.description),
      r.people,
      r.withdrawn ? '已撤回' : '有效',
      safeCell(r.withdrawn?.reason ?? ''),
    ]);
  }

  const sum = wb.addWorksheet('分类统计', { views: [{ state: 'frozen', ySplit: 1 }] });
  header(sum, ['需求类别', '条数', '涉及人数'], [16, 10, 12]);
  const by = new Map<string, { records: number; people: number }>();
  for (const r of records) {
    if (r.withdrawn) continue;
    const c = by.get(r.category) ?? { records: 0, people: 0 };
    c.records++;
    c.people += r.people;
    by.set(r.category, c);
  }
  for (const [category, c] of [...by].sort((a, b) => b[1].records - a[1].records)) sum.addRow([safeCell(category), c.records, c.people]);
  const total = sum.addRow([
    `合计（${safeCell(label)}）`,
    [...by.values()].reduce((s, c) => s + c.records, 0),
    [...by.values()].reduce((s, c) => s + c.people, 0),
  ]);
  total.font = { bold: true };

  const out: unknown = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}
