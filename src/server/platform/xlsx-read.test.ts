import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { xlsxBomb } from '../../../test/support/zip-bomb';
import { XLSX_LIMITS, checkZip, readFirstSheet } from './xlsx-read';

async function workbook(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('名册');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('reading an uploaded xlsx', () => {
  it('reads the first sheet of an ordinary workbook in a worker, values and row numbers as ExcelJS gives them', async () => {
    const buf = await workbook([['姓名', '手机号码'], [], ['张三', '13600000001']]);
    expect(checkZip(buf)).toMatchObject({ ok: true });
    const r = await readFirstSheet(buf, { maxRows: 100, maxCols: 20, ignoreNodes: [] });
    expect(r).toEqual({
      ok: true,
      rows: [
        [1, [null, '姓名', '手机号码']],
        [3, [null, '张三', '13600000001']],
      ],
    });
  });

  it('refuses a zip bomb from its central directory, before any parsing', async () => {
    const bomb = xlsxBomb({ sheetBytes: 80 * 1024 * 1024 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(checkZip(bomb)).toEqual({ ok: false, reason: 'too_large' });
    expect(await readFirstSheet(bomb, { maxRows: 100, maxCols: 20, ignoreNodes: [] })).toEqual({ ok: false, reason: 'too_large' });
  });

  it('says not_zip for bytes that are no zip, and unreadable for a zip that is no workbook', async () => {
    expect(checkZip(Buffer.from('姓名,手机号码\n张三,13600000001\n'))).toEqual({ ok: false, reason: 'not_zip' });
    expect(await readFirstSheet(Buffer.from('not a zip at all'), { maxRows: 100, maxCols: 20, ignoreNodes: [] })).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('stops a bomb whose directory lies about its sizes in the worker (heap limit and deadline), not in the server', async () => {
    const liar = xlsxBomb({ sheetBytes: 40 * 1024 * 1024, lie: true });
    expect(checkZip(liar)).toMatchObject({ ok: true });
    const r = await readFirstSheet(liar, { maxRows: 100, maxCols: 20, ignoreNodes: [] }, { ...XLSX_LIMITS, workerHeapMb: 64 });
    expect(r.ok).toBe(false);
  });
});
