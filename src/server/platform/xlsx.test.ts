import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeSimpleSheet } from './xlsx';

describe('the simple list sheet (issue 12)', () => {
  it('writes days and minutes as real date cells and puts a filter on the header row', async () => {
    const buf = await writeSimpleSheet({
      sheetName: '清单',
      title: '测试清单',
      columns: [{ header: '日期' }, { header: '时间' }, { header: '名称' }, { header: '时长' }],
      rows: [['2026-11-29', '2026-11-29 16:30', '2026-13-45', 2.5]],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const row = ws.getRow(3);
    expect(row.getCell(1).value).toEqual(new Date(Date.UTC(2026, 10, 29)));
    expect(row.getCell(1).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(2).value).toEqual(new Date(Date.UTC(2026, 10, 29, 16, 30)));
    expect(row.getCell(2).numFmt).toBe('yyyy-mm-dd hh:mm');
    // Not a real day: stays text.
    expect(row.getCell(3).value).toBe('2026-13-45');
    expect(row.getCell(4).value).toBe(2.5);
    expect(ws.autoFilter).toEqual('A2:D2');
  });
});
