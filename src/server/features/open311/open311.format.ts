import { chinaOffsetIso } from '../../../shared/china-time';
/**
 * Serialising Open311 GeoReport v2 documents. The standard requires XML and allows JSON; both
 * carry the same fields with the same names (http://wiki.open311.org/GeoReport_v2).
 */
export type Open311Value = string | number | boolean | null | Open311Value[] | { [k: string]: Open311Value };

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function xmlOf(name: string, value: Open311Value, itemName?: string): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => xmlOf(itemName ?? 'item', v)).join('')}</${name}>`;
  if (typeof value === 'object')
    return `<${name}>${Object.entries(value)
      .map(([k, v]) =>
        xmlOf(k, v, k === 'formats' ? 'format' : k === 'endpoints' ? 'endpoint' : k === 'attributes' ? 'attribute' : k === 'values' ? 'value' : undefined),
      )
      .join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A list document: `<services><service>…</service></services>`, or the same list as JSON. */
export function renderList(format: 'xml' | 'json', root: string, item: string, rows: Record<string, Open311Value>[]): string {
  if (format === 'json') return JSON.stringify(rows);
  return `<?xml version="1.0" encoding="utf-8"?>\n${xmlOf(root, rows, item)}`;
}

export function renderObject(format: 'xml' | 'json', root: string, obj: Record<string, Open311Value>): string {
  if (format === 'json') return JSON.stringify(obj);
  return `<?xml version="1.0" encoding="utf-8"?>\n${xmlOf(root, obj)}`;
}

export function renderErrors(format: 'xml' | 'json', errors: { code: number; description: string }[]): string {
  return renderList(format, 'errors', 'error', errors);
}

/** W3C datetime with the Beijing offset, as the standard's examples use local offsets. */
export function w3c(iso: string | null): string | null {
  if (!iso) return null;
  return chinaOffsetIso(iso);
}
