import type { FastifyReply, FastifyRequest } from 'fastify';
import parseRange from 'range-parser';
/**
 * The Content-Disposition of a download (RFC 6266): the UTF-8 name for browsers that read
 * `filename*`, and a plain-ASCII `filename` for clients that do not, so every client saves the file
 * under a name with its extension (志愿者名册.xlsx → `filename="download.xlsx"`).
 */
export function contentDisposition(disposition: 'attachment' | 'inline', fileName: string): string {
  return `${disposition}; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

export function asciiFallback(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot).replace(/[^A-Za-z0-9.]/g, '') : '';
  const base = (dot > 0 ? fileName.slice(0, dot) : fileName)
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\/;]/g, '')
    .replace(/^[\s._-]+|[\s._-]+$/g, '');
  return `${/[A-Za-z0-9]/.test(base) ? base : 'download'}${ext}`;
}

/** encodeURIComponent leaves ' ( ) * unescaped; RFC 5987's attr-char does not allow them. */
function encodeRfc5987(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Sends a stored file's bytes, honouring a single `Range: bytes=…` (RFC 9110 §14): a browser seeking in a
 * long video asks for the part it needs and gets 206 with that part; a range past the end gets 416 with
 * the size. Several ranges in one request, or a malformed header, get the whole file (200), which the RFC
 * allows. Parsing by range-parser (Express's own).
 */
export function sendBytes(req: FastifyRequest, reply: FastifyReply, bytes: Buffer): FastifyReply {
  reply.header('accept-ranges', 'bytes');
  const header = req.headers.range;
  if (!header) return reply.send(bytes);
  const ranges = parseRange(bytes.length, header, { combine: true });
  if (ranges === -1) {
    reply.header('content-range', `bytes */${bytes.length}`);
    return reply.code(416).send();
  }
  if (ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return reply.send(bytes);
  const { start, end } = ranges[0] as { start: number; end: number };
  reply.header('content-range', `bytes ${start}-${end}/${bytes.length}`);
  return reply.code(206).send(bytes.subarray(start, end + 1));
}
