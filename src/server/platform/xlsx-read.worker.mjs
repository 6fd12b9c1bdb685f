// Reads the first worksheet of an .xlsx off the request thread (platform/xlsx-read.ts starts it with
// resourceLimits): a hostile file may exhaust this worker's heap, never the server's. Plain JavaScript so
// it runs the same under tsx, vitest and node without a loader. Answers the rows' values (structured-clone
// safe: strings, numbers, booleans, dates, plain objects for rich text, hyperlinks and formulas).
import { parentPort, workerData } from 'node:worker_threads';
import ExcelJS from 'exceljs';

const { bytes, maxRows, maxCols, ignoreNodes } = workerData;
const wb = new ExcelJS.Workbook();
try {
  await wb.xlsx.load(Buffer.from(bytes), { ignoreNodes, maxRows, maxCols });
  const ws = wb.worksheets[0];
  const rows = [];
  ws?.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values;
    rows.push([rowNumber, Array.isArray(values) ? Array.from(values, (v) => (v === undefined ? null : v)) : []]);
  });
  parentPort.postMessage({ ok: true, hasSheet: Boolean(ws), rows });
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  parentPort.postMessage({ ok: false, tooManyRows: /Max row count/i.test(message) });
}
