/**
 * What a certificate says (CertificateDoc) and the page's measures, colours and number and date
 * wording, shared by the page (certificate.pdf.ts) and its services table (certificate.table.ts).
 */
export interface CertificateDoc {
  number: string; // e.g. 'SJ2026-7KQ3M9XA'
  issuedOn: string; // 'YYYY-MM-DD'
  volunteer: { name: string; idNumberMasked: string | null; volunteerNo: string | null };
  period: { from: string; to: string }; // YYYY-MM-DD
  totalHours: number; // approved hours, may have one decimal e.g. 36.5
  services: { date: string; title: string; content: string | null; hours: number; unitName: string }[];
  issuer: { unitName: string; personInCharge: string | null; handler: string | null; contactPhone: string | null };
  verifyUrl: string; // absolute URL encoded in the QR code, e.g. http://host/verify/SJ2026-7KQ3M9XA
}

export type Pdf = PDFKit.PDFDocument;

// ---------------------------------------------------------------------------------------------
// Layout constants (points; A4 = 595.28 × 841.89)
// ---------------------------------------------------------------------------------------------

export const MARGIN = 56;
export const INK = '#1a1a1a';
export const GRID = '#555555';
export const MUTED = '#666666';
export const LIGHT = '#9a9a9a';
export const HEADER_FILL = '#efefef';

export const BODY_SIZE = 11;
export const TABLE_SIZE = 9;
export const ISSUER_SIZE = 10.5;
export const CELL_PAD_X = 4;
export const CELL_PAD_Y = 4;
export const SEAL_DIAMETER = 110;
export const QR_SIZE = 90;

export type Align = 'left' | 'center' | 'right';

export interface Column {
  header: string;
  width: number; // 0 = takes the remaining width
  align: Align;
}

export const COLUMNS: Column[] = [
  { header: '序号', width: 30, align: 'center' },
  { header: '服务日期', width: 64, align: 'center' },
  { header: '服务项目', width: 100, align: 'left' },
  { header: '服务内容', width: 0, align: 'left' },
  // Explicit break keeps "（小时）" together instead of an awkward "时长（小/时）" split.
  { header: '时长\n（小时）', width: 48, align: 'center' },
  { header: '组织单位', width: 96, align: 'left' },
];

// ---------------------------------------------------------------------------------------------
// Formatting helpers
// ---------------------------------------------------------------------------------------------

/** 36 → "36", 36.5 → "36.5", 0.25 → "0.25"; guards against float noise like 36.499999. */
export function formatHours(hours: number): string {
  if (!Number.isFinite(hours)) return '0';
  return String(Number(hours.toFixed(2)));
}

/** '2026-03-05' → '2026年3月5日'; anything else is printed unchanged. */
export function formatChineseDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(isoDate);
  if (!m) return isoDate;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** Lowest y at which content may end on the current page. */
export function bottomLimit(pdf: Pdf): number {
  return pdf.page.height - pdf.page.margins.bottom;
}
