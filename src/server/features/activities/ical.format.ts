/**
 * iCalendar (RFC 5545) for activity feeds. Written here rather than with a library: the one
 * maintained generator needs Node 22, and the format we need is small. Lines are folded at 75
 * octets without splitting a UTF-8 character (§3.1), text is escaped (§3.3.11), times are UTC.
 */
export interface IcalEvent {
  uid: string;
  start: string;
  end: string;
  summary: string;
  description?: string | null;
  location?: string | null;
  geo?: { lat: number; lng: number } | null;
  cancelled?: boolean;
  url?: string | null;
  updated: string;
  /**
   * RFC 5545 §3.8.7.4: grows with every revision, so a calendar app replaces the copy it holds
   * (a moved time, a cancellation) instead of keeping the old one.
   */
  sequence: number;
}

/**
 * An activity's SEQUENCE without a revision column: whole seconds from its creation to its last
 * change. Every change moves `updated_at` forward, so the number only grows, and a feed fetched
 * twice without a change in between says the same.
 */
export function sequenceOf(createdAt: string, updatedAt: string): number {
  return Math.max(0, Math.floor((Date.parse(updatedAt) - Date.parse(createdAt)) / 1000));
}

export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

function utc(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** Folds one content line into ≤ 75-octet pieces, continuing lines with a single space. */
export function foldLine(line: string): string {
  const out: string[] = [];
  let cur = '';
  let bytes = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74;
    if (bytes + n > limit) {
      out.push(cur);
      cur = '';
      bytes = 0;
    }
    cur += ch;
    bytes += n;
  }
  out.push(cur);
  return out.join('\r\n ');
}

export function buildCalendar(name: string, events: IcalEvent[], now: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Shijian//New Era Civilization Practice//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
    'X-WR-TIMEZONE:Asia/Shanghai',
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.uid}`,
      `DTSTAMP:${utc(now.toISOString())}`,
      `LAST-MODIFIED:${utc(e.updated)}`,
      `SEQUENCE:${e.sequence}`,
      `DTSTART:${utc(e.start)}`,
      `DTEND:${utc(e.end)}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.geo) lines.push(`GEO:${e.geo.lat.toFixed(6)};${e.geo.lng.toFixed(6)}`);
    if (e.url) lines.push(`URL:${e.url}`);
    lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
