/**
 * The year's funds statement as a spreadsheet, in Chinese: 预算执行 (budget against spending by
 * unit, programme, source and kind, then the subtotals) and 支出明细 (every entry and counter-entry).
 * Pure: the service reads the rows and writes the audit row. Amounts are written as numbers in
 * yuan computed from integer fen (exactly representable to the cent for any amount the platform
 * takes) with a two-decimal format, so Excel can sum them; text cells go through `safeCell`.
 */
import ExcelJS from 'exceljs';
import { safeCell } from '../../../shared/exchange';
import { FUND_KINDS, FUND_SOURCES, type FundEntryView, type FundTotalsView } from '../../../shared/funds';
import { fenToYuanText } from '../../../shared/rules/money';

const MONEY = '#,##0.00';
const PERCENT = '0.0"%"';

/** Fen → the yuan number Excel stores; via the exact decimal text, never fen / 100 on a float path that could drift. */
function yuan(fen: number): number {
  return Number(fenToYuanText(fen));
}

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

export async function writeFundStatement(unitLabel: string, totals: FundTotalsView, entries: FundEntryView[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '实践';
  wb.created = new Date();

  const sum = wb.addWorksheet(`${totals.year}年预算执行`, { views: [{ state: 'frozen', ySplit: 1 }] });
  header(sum, ['单位', '实践项目', '经费来源', '经费性质', '预算（元）', '支出（元）', '结余（元）', '执行率', '超支'], [30, 20, 12, 12, 16, 16, 16, 10, 8]);
  const over = { argb: 'FFCF1322' };
  for (const r of totals.rows) {
    const line = sum.addRow([
      safeCell(r.unitName),
      safeCell(r.programmeName ?? '—'),
      FUND_SOURCES[r.source],
      FUND_KINDS[r.kind],
      yuan(r.budgetFen),
      yuan(r.spentFen),
      yuan(r.budgetFen - r.spentFen),
      r.share,
      r.overBudget ? '是' : '',
    ]);
    if (r.overBudget) line.getCell(6).font = { color: over, bold: true };
  }
  sum.addRow([]);
  const subtotal = (label: string, s: { budgetFen: number; spentFen: number; share: number | null; overBudget: boolean }) => {
    const line = sum.addRow([label, '', '', '', yuan(s.budgetFen), yuan(s.spentFen), yuan(s.budgetFen - s.spentFen), s.share, s.overBudget ? '是' : '']);
    line.font = { bold: true };
    if (s.overBudget) line.getCell(6).font = { color: over, bold: true };
  };
  for (const u of totals.byUnit) subtotal(`小计：${u.unitName}`, u);
  for (const s of totals.bySource) subtotal(`小计：${FUND_SOURCES[s.source]}`, s);
  for (const k of totals.byKind) subtotal(`小计：${FUND_KINDS[k.kind]}`, k);
  subtotal(`合计（${safeCell(unitLabel)}）`, totals.total);
  for (const c of [5, 6, 7]) sum.getColumn(c).numFmt = MONEY;
  sum.getColumn(8).numFmt = PERCENT;

  const list = wb.addWorksheet(`${totals.year}年支出明细`, { views: [{ state: 'frozen', ySplit: 1 }] });
  header(
    list,
    ['日期', '单位', '实践项目', '经费来源', '出资部门', '经费性质', '金额（元）', '用途', '收款方', '票据（张）', '类型', '冲减原因', '登记人', '登记时间'],
    [12, 30, 20, 12, 16, 12, 16, 30, 24, 10, 8, 24, 12, 20],
  );
  for (const e of entries) {
    list.addRow([
      e.spentOn,
      safeCell(e.unitName),
      safeCell(e.programmeName ?? ''),
      FUND_SOURCES[e.source],
      safeCell(e.department ?? ''),
      FUND_KINDS[e.kind],
      yuan(e.amountFen),
      safeCell(e.purpose),
      safeCell(e.payee),
      e.receiptFileIds.length,
      e.correctsId ? '冲减' : '支出',
      safeCell(e.reason ?? ''),
      safeCell(e.createdByName ?? ''),
      e.createdAt.replace('T', ' ').slice(0, 19),
    ]);
  }
  list.getColumn(7).numFmt = MONEY;
  const totalRow = list.addRow(['合计', '', '', '', '', '', yuan(entries.reduce((s, e) => s + e.amountFen, 0))]);
  totalRow.font = { bold: true };

  const out: unknown = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}
