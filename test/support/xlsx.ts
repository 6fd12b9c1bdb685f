import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A date cell as a person reads it in Excel: "YYYY-MM-DD", or with " HH:mm" when it has a time of day. */
function shown(value: unknown): unknown {
  if (!(value instanceof Date)) return value;
  const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  return value.getUTCHours() || value.getUTCMinutes() ? `${day} ${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}` : day;
}

/** The first sheet of an xlsx download. */
export async function readWorksheet(res: LightMyRequestResponse): Promise<ExcelJS.Worksheet> {
  expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
  expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="[\x20-\x7e]+\.xlsx"; filename\*=UTF-8''.+\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

/**
 * The first sheet of an xlsx download as rows of cell values as shown (row 1 is the title, row 2
 * the header); date cells read as their text. `readWorksheet` gives the cells themselves.
 */
export async function readSheet(res: LightMyRequestResponse): Promise<unknown[][]> {
  const ws = await readWorksheet(res);
  const rows: unknown[][] = [];
  ws.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1).map(shown));
  });
  return rows;
}
