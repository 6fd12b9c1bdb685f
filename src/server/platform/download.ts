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
