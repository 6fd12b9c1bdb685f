/**
 * One simple sheet, the shape most list exports share: a title row, a bold header row frozen under
 * it with a filter, then one row per record. Text cells go through `safeCell` (ASVS 1.2.10: no formula
 * injection); numbers stay numbers so Excel can sum them; a day ("YYYY-MM-DD") or a minute
 * ("YYYY-MM-DD HH:mm", see `chinaMinute`) becomes a real date cell (issue 12). Richer workbooks (the funds statement) build their own.
 */
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { chinaWallClock } from '../../shared/china-time';
import { MIME } from '../../shared/endpoint';
import { safeCell } from '../../shared/exchange';
import { contentDisposition } from './download';

export type XlsxCell = string | number | null | undefined;

export interface XlsxColumn {
  header: string;
  /** Width in characters; 12 when left out. */
  width?: number;
}

export interface SimpleSheet {
  /** The sheet's tab name (at most 31 characters, no []:*?/\ — Excel's rules). */
  sheetName: string;
  /** The first row, across all columns: what the list is and when it was taken. */
  title: string;
  columns: XlsxColumn[];
  rows: XlsxCell[][];
}

/** A day or a China-time minute as exporters write them ("2026-11-29", "2026-11-29 16:30"): a real date cell, so Excel sorts and filters it. */
const DAY = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/;
const DAY_FORMAT = 'yyyy-mm-dd';
const MINUTE_FORMAT = 'yyyy-mm-dd hh:mm';

/**
 * The wall-clock date as a date cell: ExcelJS writes a Date's UTC fields as the cell's serial, so
 * the China-time text is put in the UTC fields unchanged (no time zone shift in the sheet).
 */
function dateCellOf(text: string): { value: Date; numFmt: string } | null {
  const m = DAY.exec(text);
  if (!m) return null;
  const value = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0)));
  if (Number.isNaN(value.getTime()) || value.getUTCDate() !== Number(m[3])) return null;
  return { value, numFmt: m[4] === undefined ? DAY_FORMAT : MINUTE_FORMAT };
}

function cellOf(v: XlsxCell): string | number | null {
  if (v === null || v === undefined) return null;
  return typeof v === 'number' ? v : safeCell(v);
}

/** Excel refuses these characters in a sheet name and more than 31 of them. */
export function sheetNameOf(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1';
}

export async function writeSimpleSheet(s: SimpleSheet): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '实践';
  wb.created = new Date();
  const ws = wb.addWorksheet(sheetNameOf(s.sheetName), { views: [{ state: 'frozen', ySplit: 2 }] });
  const width = Math.max(1, s.columns.length);
  ws.mergeCells(1, 1, 1, width);
  const title = ws.getCell(1, 1);
  title.value = safeCell(s.title);
  title.font = { bold: true, size: 14 };
  const header = ws.getRow(2);
  s.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    ws.getColumn(i + 1).width = c.width ?? 12;
  });
  for (const r of s.rows) {
    const row = ws.addRow(r.map(cellOf));
    r.forEach((v, i) => {
      const date = typeof v === 'string' ? dateCellOf(v) : null;
      if (!date) return;
      const cell = row.getCell(i + 1);
      cell.value = date.value;
      cell.numFmt = date.numFmt;
    });
  }
  // A filter on the header row: every list export can be sorted and filtered in Excel at once.
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: width } };
  const out: unknown = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

/** Sends a generated workbook as a download with its Chinese file name. */
export function sendXlsx(reply: FastifyReply, file: { body: Buffer; fileName: string }) {
  return reply.header('content-type', MIME.xlsx).header('content-disposition', contentDisposition('attachment', file.fileName)).send(file.body);
}

/** "2026-11-29T08:30:00.000Z" → "2026-11-29 16:30" in China time, for a cell. */
export function chinaMinute(iso: string | null | undefined): string {
  return iso ? chinaWallClock(iso).replace('T', ' ') : '';
}

/** How many rows an export takes at most: every row a unit could plausibly have, never an unbounded read. */
export const EXPORT_MAX_ROWS = 20_000;
