/**
 * Reading an uploaded .xlsx safely (issue 12: a 449 KB workbook that expanded hugely stalled the server
 * for 28 s and took 1 GB). Two guards before any XML is parsed:
 * 1. the zip's central directory is read — entry count, the sum of the uncompressed sizes, the ratio of
 *    each large entry — and a file that would expand past the limits is refused in milliseconds;
 * 2. the parse itself runs in a worker thread with its own heap limit and a deadline, so a file that lies
 *    in its directory costs that worker, not the server, and /api/health keeps answering.
 */
import { Worker } from 'node:worker_threads';

export const XLSX_LIMITS = {
  /** A roster has a handful of parts (sheets, styles, shared strings); thousands is not a workbook a person filled in. */
  maxEntries: 1000,
  /** 20 000 rows × 200 columns is the most a reader looks at; far below what a zip bomb expands to. */
  maxUncompressedBytes: 64 * 1024 * 1024,
  /** Spreadsheet XML compresses about 5–20:1; deflate's ceiling is about 1030:1. Checked on entries over 1 MB. */
  maxRatio: 200,
  /** The worker's own heap, and how long it may take. */
  workerHeapMb: 256,
  workerDeadlineMs: 20_000,
};

export type ZipVerdict = { ok: true; entries: number; uncompressedBytes: number } | { ok: false; reason: 'not_zip' | 'too_large' };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** Reads the zip's central directory only (no decompression): how much and how many it would unpack to. */
export function checkZip(buf: Buffer, limits = XLSX_LIMITS): ZipVerdict {
  // The end-of-central-directory record: the last 22 bytes plus a comment of up to 65 535 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'not_zip' };
  const total = buf.readUInt16LE(eocd + 10);
  const dirSize = buf.readUInt32LE(eocd + 12);
  const dirStart = buf.readUInt32LE(eocd + 16);
  // ZIP64 markers: a workbook a person fills in never needs them.
  if (total === 0xffff || dirStart === 0xffffffff || dirSize === 0xffffffff) return { ok: false, reason: 'too_large' };
  if (total > limits.maxEntries) return { ok: false, reason: 'too_large' };
  if (dirStart + dirSize > eocd) return { ok: false, reason: 'not_zip' };
  let at = dirStart;
  let sum = 0;
  for (let n = 0; n < total; n++) {
    if (at + 46 > eocd || buf.readUInt32LE(at) !== CENTRAL) return { ok: false, reason: 'not_zip' };
    const compressed = buf.readUInt32LE(at + 20);
    const uncompressed = buf.readUInt32LE(at + 24);
    if (uncompressed === 0xffffffff || compressed === 0xffffffff) return { ok: false, reason: 'too_large' };
    sum += uncompressed;
    if (sum > limits.maxUncompressedBytes) return { ok: false, reason: 'too_large' };
    if (uncompressed > 1024 * 1024 && uncompressed > Math.max(1, compressed) * limits.maxRatio) return { ok: false, reason: 'too_large' };
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return { ok: true, entries: total, uncompressedBytes: sum };
}

export type SheetRead = { ok: true; rows: [rowNumber: number, values: unknown[]][] } | { ok: false; reason: 'too_large' | 'unreadable' | 'too_many_rows' };

/** The first worksheet's non-empty rows (row.values as ExcelJS gives them, index 1 = column A), read in a worker. */
export async function readFirstSheet(buf: Buffer, opts: { maxRows: number; maxCols: number; ignoreNodes: string[] }, limits = XLSX_LIMITS): Promise<SheetRead> {
  const zip = checkZip(buf, limits);
  if (!zip.ok) return { ok: false, reason: zip.reason === 'too_large' ? 'too_large' : 'unreadable' };
  const bytes = new Uint8Array(buf.byteLength);
  bytes.set(buf);
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./xlsx-read.worker.mjs', import.meta.url), {
      workerData: { bytes, ...opts },
      transferList: [bytes.buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb, maxYoungGenerationSizeMb: 32 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const done = (r: SheetRead) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      void worker.terminate();
      resolve(r);
    };
    const deadline = setTimeout(() => done({ ok: false, reason: 'too_large' }), limits.workerDeadlineMs);
    worker.once('message', (m: { ok: boolean; hasSheet?: boolean; rows?: [number, unknown[]][]; tooManyRows?: boolean }) => {
      if (m.ok && m.hasSheet) done({ ok: true, rows: m.rows ?? [] });
      else done({ ok: false, reason: m.tooManyRows ? 'too_many_rows' : 'unreadable' });
    });
    // Out of memory (ERR_WORKER_OUT_OF_MEMORY) or any crash: the file is refused, the server carries on.
    worker.once('error', (err: NodeJS.ErrnoException) => done({ ok: false, reason: err?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too_large' : 'unreadable' }));
    worker.once('exit', () => done({ ok: false, reason: 'unreadable' }));
  });
}
