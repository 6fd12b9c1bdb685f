/**
 * 志愿服务记录证明 (volunteer service record certificate) as a PDF.
 *
 * Legal basis:
 * - 《志愿服务条例》第十九条: the organisation records the volunteer's service truthfully and,
 *   based on that record, issues the 志愿服务记录证明 free of charge and truthfully.
 * - 《志愿服务记录与证明出具办法（试行）》第十四–十七条: the certificate is free, states the
 *   service period, content and the recording unit, carries the issuer's details and can be
 *   checked by anyone (here: certificate number + QR code pointing at the public verify page).
 *   The seal is applied on request, so the layout leaves a marked place for it.
 *
 * Rendering uses pdfkit with Noto Sans Hans (OTF, from npm `@embedpdf/fonts-sc`) embedded as a
 * subset, so the output depends on no system font and needs no network access.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

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

type Pdf = PDFKit.PDFDocument;

// ---------------------------------------------------------------------------------------------
// Fonts: the OTF files are ~8 MB each; read them once per process and reuse the Buffers.
// ---------------------------------------------------------------------------------------------

const FONT_REGULAR = 'NotoSansHans-Regular';
const FONT_BOLD = 'NotoSansHans-Bold';

/**
 * Package root of `@embedpdf/fonts-sc`. Its `exports` map does not expose `./package.json`, so
 * resolving that subpath throws ERR_PACKAGE_PATH_NOT_EXPORTED; fall back to resolving the main
 * entry and walking up to the directory that holds the `fonts/` folder.
 */
function fontsPackageRoot(): string {
  const require = createRequire(import.meta.url);
  try {
    return dirname(require.resolve('@embedpdf/fonts-sc/package.json'));
  } catch {
    let dir = dirname(require.resolve('@embedpdf/fonts-sc'));
    for (let i = 0; i < 4; i++) {
      if (existsSync(join(dir, 'fonts', `${FONT_REGULAR}.otf`))) return dir;
      const pkg = join(dir, 'package.json');
      if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === '@embedpdf/fonts-sc') {
        return dir;
      }
      dir = dirname(dir);
    }
    throw new Error('certificate.pdf: cannot locate the fonts of @embedpdf/fonts-sc');
  }
}

let fontsPromise: Promise<{ regular: Buffer; bold: Buffer }> | null = null;

export function loadFonts(): Promise<{ regular: Buffer; bold: Buffer }> {
  if (!fontsPromise) {
    const root = fontsPackageRoot();
    fontsPromise = Promise.all([readFile(join(root, 'fonts', `${FONT_REGULAR}.otf`)), readFile(join(root, 'fonts', `${FONT_BOLD}.otf`))]).then(
      ([regular, bold]) => ({ regular, bold }),
    );
    // Do not cache a failure forever: a later call may succeed (e.g. transient I/O error).
    fontsPromise.catch(() => {
      fontsPromise = null;
    });
  }
  return fontsPromise;
}

/**
 * Parsed (fontkit) font objects, reused across documents. Parsing the 8 MB CFF tables costs
 * ~100–150 ms per font per document and most of the garbage; pdfkit ≥ 0.20 accepts an
 * already-parsed fontkit `Font` in `registerFont` (duck-typed on `.layout`), and each document
 * still builds its own subset, so sharing the parsed font is safe (rendering is synchronous).
 * fontkit is not a direct dependency, so the parsed instance is taken from the first document
 * that loads the font; if pdfkit's internals ever change, `parsedFontOf` returns null and we
 * simply keep passing the Buffers (slower, same output).
 */
interface ParsedFont {
  layout: (...args: never[]) => unknown;
}
const parsedFonts: { R: ParsedFont | null; B: ParsedFont | null } = { R: null, B: null };

function parsedFontOf(pdf: Pdf): ParsedFont | null {
  const font = (pdf as unknown as { _font?: { font?: { layout?: unknown } } })._font?.font;
  return font && typeof font.layout === 'function' ? (font as ParsedFont) : null;
}

export function registerCachedFont(pdf: Pdf, name: 'R' | 'B', buffer: Buffer): void {
  const parsed = parsedFonts[name];
  // The @types declare only path/Buffer sources; the parsed-font source is documented upstream.
  pdf.registerFont(name, parsed ? (parsed as unknown as Buffer) : buffer);
  if (!parsed) {
    pdf.font(name);
    parsedFonts[name] = parsedFontOf(pdf);
  }
}

// ---------------------------------------------------------------------------------------------
// Layout constants (points; A4 = 595.28 × 841.89)
// ---------------------------------------------------------------------------------------------

const MARGIN = 56;
const INK = '#1a1a1a';
const GRID = '#555555';
const MUTED = '#666666';
const LIGHT = '#9a9a9a';
const HEADER_FILL = '#efefef';

const BODY_SIZE = 11;
const TABLE_SIZE = 9;
const ISSUER_SIZE = 10.5;
const CELL_PAD_X = 4;
const CELL_PAD_Y = 4;
const SEAL_DIAMETER = 110;
const QR_SIZE = 90;

type Align = 'left' | 'center' | 'right';

interface Column {
  header: string;
  width: number; // 0 = takes the remaining width
  align: Align;
}

const COLUMNS: Column[] = [
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

/** The body sentence (kept separate so it can be unit-tested without a PDF). */
export function bodySentence(doc: CertificateDoc): string {
  const ids: string[] = [];
  if (doc.volunteer.idNumberMasked) ids.push(`证件号码：${doc.volunteer.idNumberMasked}`);
  if (doc.volunteer.volunteerNo) ids.push(`志愿者编号：${doc.volunteer.volunteerNo}`);
  const who = ids.length > 0 ? `${doc.volunteer.name}（${ids.join('，')}）` : `${doc.volunteer.name} `;
  return (
    `兹证明 ${who}于 ${doc.period.from} 至 ${doc.period.to} 期间参加志愿服务，` +
    `经记录单位认定的志愿服务时长累计 ${formatHours(doc.totalHours)} 小时。` +
    (doc.services.length > 0 ? '具体服务情况如下：' : '')
  );
}

// ---------------------------------------------------------------------------------------------
// Rendering
// ---------------------------------------------------------------------------------------------

export async function renderCertificatePdf(doc: CertificateDoc): Promise<Buffer> {
  const [fonts, qrPng] = await Promise.all([
    loadFonts(),
    QRCode.toBuffer(doc.verifyUrl, {
      type: 'png',
      errorCorrectionLevel: 'M',
      margin: 2,
      scale: 8,
      color: { dark: '#000000', light: '#ffffff' },
    }),
  ]);

  const pdf: Pdf = new PDFDocument({
    size: 'A4',
    layout: 'portrait',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: `志愿服务记录证明 ${doc.number}`,
      Author: doc.issuer.unitName,
      Subject: `${doc.volunteer.name} 志愿服务记录证明`,
      Creator: 'Shijian 实践',
    },
  });
  pdf.info.Title = `志愿服务记录证明 ${doc.number}`;

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  registerCachedFont(pdf, 'B', fonts.bold);
  registerCachedFont(pdf, 'R', fonts.regular);
  pdf.font('R').fillColor(INK);

  const left = MARGIN;
  const width = pdf.page.width - 2 * MARGIN;

  // Title
  pdf.font('B').fontSize(22).text('志愿服务记录证明', left, MARGIN, { width, align: 'center', characterSpacing: 4 });
  pdf.moveDown(0.3);
  pdf.font('R').fontSize(9.5).fillColor(MUTED).text(`证明编号：${doc.number}`, left, pdf.y, { width, align: 'right' });
  pdf.fillColor(INK);
  pdf.y += 14;

  // Body paragraph; first-line indent of two characters, as usual for Chinese official text.
  pdf
    .font('R')
    .fontSize(BODY_SIZE)
    .text(bodySentence(doc), left, pdf.y, {
      width,
      indent: BODY_SIZE * 2,
      lineGap: 5,
      align: 'left',
    });
  pdf.y += 10;

  if (doc.services.length > 0) {
    drawServicesTable(pdf, doc);
  } else {
    pdf
      .font('R')
      .fontSize(BODY_SIZE)
      .text('该期间内无经认定的志愿服务记录。', left, pdf.y, {
        width,
        indent: BODY_SIZE * 2,
        lineGap: 5,
      });
  }
  pdf.y += 14;

  // Closing statement (条例 第十九条; 办法 第十四–十七条: free of charge, verifiable).
  pdf
    .font('R')
    .fontSize(10.5)
    .fillColor(INK)
    .text(
      `本证明依据《志愿服务条例》和《志愿服务记录与证明出具办法（试行）》出具，免费提供。证明内容可扫描右侧二维码或访问 ${doc.verifyUrl} 核验。`,
      left,
      pdf.y,
      { width, indent: 10.5 * 2, lineGap: 4 },
    );
  pdf.y += 18;

  drawIssuerBlock(pdf, doc, qrPng);

  drawPageChrome(pdf, doc);

  pdf.end();
  return done;
}

/** Lowest y at which content may end on the current page. */
function bottomLimit(pdf: Pdf): number {
  return pdf.page.height - pdf.page.margins.bottom;
}

function columnWidths(total: number): number[] {
  const fixed = COLUMNS.reduce((s, c) => s + c.width, 0);
  return COLUMNS.map((c) => (c.width === 0 ? total - fixed : c.width));
}

interface Cell {
  text: string;
  align: Align;
  bold?: boolean;
  /** Number of columns this cell spans (default 1). */
  span?: number;
}

function cellTextHeight(pdf: Pdf, cell: Cell, w: number): number {
  pdf.font(cell.bold ? 'B' : 'R').fontSize(TABLE_SIZE);
  return pdf.heightOfString(cell.text || ' ', { width: w - 2 * CELL_PAD_X, lineGap: 1 });
}

/** Cell widths after applying column spans. */
function spannedWidths(cells: Cell[], widths: number[]): number[] {
  const out: number[] = [];
  let col = 0;
  for (const c of cells) {
    const span = c.span ?? 1;
    out.push(widths.slice(col, col + span).reduce((s, w) => s + w, 0));
    col += span;
  }
  return out;
}

interface RowLayout {
  cells: Cell[];
  widths: number[]; // per cell, after spans
  textHeights: number[]; // measured once, reused when drawing
  height: number;
}

/** Measure a row: its height is that of the tallest wrapped cell plus padding. */
function layoutRow(pdf: Pdf, cells: Cell[], columnW: number[]): RowLayout {
  const widths = spannedWidths(cells, columnW);
  const textHeights = cells.map((c, i) => (c.text ? cellTextHeight(pdf, c, widths[i]) : 0));
  const height = Math.ceil(Math.max(...textHeights, pdf.font('R').fontSize(TABLE_SIZE).currentLineHeight()) + 2 * CELL_PAD_Y);
  return { cells, widths, textHeights, height };
}

const NO_LINE_START = new Set(Array.from('，。、；：！？）》」』】〕〉”’…,.;:!?)]}%'));
const NO_LINE_END = new Set(Array.from('（《「『【〔〈“‘([{'));

/**
 * Split a cell's text so that the first part fits into `maxTextH`: the longest prefix (by code
 * point, binary search on the wrapped height) that fits, moved back to a word boundary when the
 * cut would fall inside a run of Latin letters/digits. Always takes at least one character.
 */
function splitCellText(pdf: Pdf, cell: Cell, width: number, maxTextH: number): [string, string] {
  const chars = Array.from(cell.text);
  if (cellTextHeight(pdf, cell, width) <= maxTextH) return [cell.text, ''];
  let lo = 1;
  let hi = chars.length - 1;
  let best = 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cellTextHeight(pdf, { ...cell, text: chars.slice(0, mid).join('') }, width) <= maxTextH) {
      best = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  const latin = /[0-9A-Za-z]/;
  if (latin.test(chars[best - 1]) && latin.test(chars[best] ?? '')) {
    let k = best - 1;
    while (k > 0 && latin.test(chars[k - 1])) k--;
    if (k > 0) best = k;
  }
  // Chinese line-breaking rules (GB/T 15834 practice): closing punctuation never starts a line
  // and opening punctuation never ends one.
  while (best > 1 && NO_LINE_START.has(chars[best])) best--;
  while (best > 1 && NO_LINE_END.has(chars[best - 1])) best--;
  return [chars.slice(0, best).join('').trimEnd(), chars.slice(best).join('').trimStart()];
}

/** A row taller than this share of a page is split across pages rather than moved whole. */
const SPLIT_ROW_SHARE = 0.25;
/** Do not start a split row in less space than this (points). */
const MIN_SPLIT_SPACE = 60;

/** Draw a measured row at pdf.y and advance pdf.y below it. */
function drawRow(pdf: Pdf, row: RowLayout, fill: string | null): void {
  const { cells, widths, textHeights, height } = row;
  const y = pdf.y;
  const totalW = widths.reduce((s, w) => s + w, 0);
  if (fill) {
    pdf.save().rect(MARGIN, y, totalW, height).fill(fill).restore();
  }
  let x = MARGIN;
  cells.forEach((c, i) => {
    const w = widths[i];
    const innerH = height - 2 * CELL_PAD_Y;
    const th = Math.min(textHeights[i], innerH);
    if (c.text) {
      pdf
        .font(c.bold ? 'B' : 'R')
        .fontSize(TABLE_SIZE)
        .fillColor(INK)
        // Vertically centred in the cell. `height` bounds pdfkit's line wrapper to the cell, so it
        // can never start a page on its own (the table does its own page breaks).
        .text(c.text, x + CELL_PAD_X, y + CELL_PAD_Y + (innerH - th) / 2, {
          width: w - 2 * CELL_PAD_X,
          height: innerH + 1,
          align: c.align,
          lineGap: 1,
          ellipsis: true,
        });
    }
    x += w;
  });
  // Grid: outer box of the row plus vertical separators.
  pdf.save().lineWidth(0.6).strokeColor(GRID);
  pdf.rect(MARGIN, y, totalW, height).stroke();
  let vx = MARGIN;
  for (let i = 0; i < widths.length - 1; i++) {
    vx += widths[i];
    pdf
      .moveTo(vx, y)
      .lineTo(vx, y + height)
      .stroke();
  }
  pdf.restore();
  pdf.x = MARGIN;
  pdf.y = y + height;
}

/**
 * The services table. Rows grow with their wrapped text; the table continues on new pages with
 * the header row repeated, and a row taller than a quarter page is split across pages (the
 * continuation is marked 续 in the 序号 column) so that no content is ever clipped.
 */
function drawServicesTable(pdf: Pdf, doc: CertificateDoc): void {
  const width = pdf.page.width - 2 * MARGIN;
  const columnW = columnWidths(width);
  const headerCells: Cell[] = COLUMNS.map((c) => ({ text: c.header, align: 'center', bold: true }));
  const header = layoutRow(pdf, headerCells, columnW);
  const pageSpace = bottomLimit(pdf) - MARGIN - header.height;

  const rows: Cell[][] = doc.services.map((s, i) => [
    { text: String(i + 1), align: 'center' },
    { text: s.date, align: 'center' },
    { text: s.title, align: 'left' },
    { text: s.content?.trim() ? s.content.trim() : '—', align: 'left' },
    { text: formatHours(s.hours), align: 'center' },
    { text: s.unitName, align: 'left' },
  ]);
  rows.push([
    { text: '合计', align: 'center', bold: true, span: 4 },
    { text: formatHours(doc.totalHours), align: 'center', bold: true },
    { text: '', align: 'left' },
  ]);

  // The header goes at the top of the table and of every page it continues on; it is drawn
  // lazily so that it is never left alone at the bottom of a page.
  let headerOnPage = false;
  const ensureHeader = () => {
    if (!headerOnPage) drawRow(pdf, header, HEADER_FILL);
    headerOnPage = true;
  };
  const newPage = () => {
    pdf.addPage();
    headerOnPage = false;
  };

  rows.forEach((cells, i) => {
    const fill = i === rows.length - 1 ? HEADER_FILL : null;
    let pending: Cell[] | null = cells;
    while (pending) {
      const row = layoutRow(pdf, pending, columnW);
      const space = bottomLimit(pdf) - pdf.y - (headerOnPage ? 0 : header.height);
      if (row.height <= space) {
        ensureHeader();
        drawRow(pdf, row, fill);
        pending = null;
      } else if (row.height > pageSpace * SPLIT_ROW_SHARE && space >= MIN_SPLIT_SPACE) {
        const maxTextH = space - 2 * CELL_PAD_Y;
        const current: Cell[] = pending;
        const parts: [string, string][] = current.map((c, k) => splitCellText(pdf, c, row.widths[k], maxTextH));
        ensureHeader();
        drawRow(
          pdf,
          layoutRow(
            pdf,
            current.map((c, k) => ({ ...c, text: parts[k][0] })),
            columnW,
          ),
          fill,
        );
        pending = current.map((c, k) => ({ ...c, text: k === 0 ? '续' : parts[k][1] }));
        newPage();
      } else {
        newPage();
      }
    }
  });
}

/** One "label：value" line of the issuer block; null value → blank line for a handwritten entry. */
interface IssuerLine {
  label: string;
  value: string | null;
}

function issuerLines(doc: CertificateDoc): IssuerLine[] {
  const lines: IssuerLine[] = [
    { label: '出具单位', value: doc.issuer.unitName },
    { label: '负责人', value: doc.issuer.personInCharge },
    { label: '经办人', value: doc.issuer.handler },
  ];
  if (doc.issuer.contactPhone) lines.push({ label: '联系电话', value: doc.issuer.contactPhone });
  lines.push({ label: '出具日期', value: formatChineseDate(doc.issuedOn) });
  return lines;
}

const ISSUER_LINE_GAP = 9;

/**
 * "负责人：" aligned with "出具单位：": the label's characters are spread over the width of four
 * characters (the usual way of aligning form labels in Chinese documents), then the colon.
 */
function drawLabel(pdf: Pdf, label: string, x: number, y: number, boxW: number): void {
  const chars = Array.from(label);
  const charW = pdf.widthOfString(chars[0] ?? '');
  const step = chars.length > 1 ? (boxW - charW) / (chars.length - 1) : 0;
  chars.forEach((c, i) => {
    pdf.text(c, x + i * step, y, { lineBreak: false });
  });
  pdf.text('：', x + boxW, y, { lineBreak: false });
}

/**
 * Issuer details (办法: 出具单位、负责人、经办人、联系方式、出具日期), the seal place (the seal is added on
 * request, 办法 第十四–十七条) and the verification QR code. Kept together on one page.
 */
function drawIssuerBlock(pdf: Pdf, doc: CertificateDoc, qrPng: Buffer): void {
  const right = pdf.page.width - MARGIN;
  const qrX = right - QR_SIZE;
  const sealCx = qrX - 22 - SEAL_DIAMETER / 2;
  const textW = sealCx - SEAL_DIAMETER / 2 - 14 - MARGIN;

  pdf.font('R').fontSize(ISSUER_SIZE);
  const labelW = pdf.widthOfString('出具单位：');
  const valueW = textW - labelW;
  const lines = issuerLines(doc);
  const lineHeights = lines.map((l) => Math.max(pdf.heightOfString(l.value ?? ' ', { width: valueW, lineGap: 2 }), pdf.currentLineHeight(true)));
  const textH = lineHeights.reduce((s, h) => s + h, 0) + ISSUER_LINE_GAP * (lines.length - 1);
  const captionH = 16;
  const blockH = Math.max(textH, SEAL_DIAMETER, QR_SIZE + captionH + 4);

  if (pdf.y + blockH > bottomLimit(pdf)) {
    pdf.addPage();
  }
  const top = pdf.y;

  // Text column, vertically centred against the seal/QR graphics.
  let y = top + (blockH - textH) / 2;
  lines.forEach((l, i) => {
    pdf.font('R').fontSize(ISSUER_SIZE).fillColor(INK);
    drawLabel(pdf, l.label, MARGIN, y, labelW - ISSUER_SIZE);
    if (l.value) {
      pdf.text(l.value, MARGIN + labelW, y, { width: valueW, lineGap: 2 });
    } else {
      // Blank for a handwritten signature.
      const baseline = y + pdf.currentLineHeight(true) - 1;
      pdf
        .save()
        .lineWidth(0.6)
        .strokeColor(MUTED)
        .moveTo(MARGIN + labelW + 2, baseline)
        .lineTo(MARGIN + labelW + Math.min(110, valueW), baseline)
        .stroke()
        .restore();
    }
    y += lineHeights[i] + ISSUER_LINE_GAP;
  });

  // Seal place: dashed circle, light grey label.
  const sealCy = top + blockH / 2;
  pdf
    .save()
    .lineWidth(0.8)
    .strokeColor(LIGHT)
    .dash(4, { space: 3 })
    .circle(sealCx, sealCy, SEAL_DIAMETER / 2)
    .stroke()
    .undash()
    .restore();
  pdf
    .font('R')
    .fontSize(9)
    .fillColor(LIGHT)
    .text('（盖章处）', sealCx - SEAL_DIAMETER / 2, sealCy - pdf.currentLineHeight() / 2, {
      width: SEAL_DIAMETER,
      align: 'center',
      lineBreak: false,
    });

  // QR code with caption, vertically centred in the block.
  const qrTop = top + (blockH - (QR_SIZE + captionH)) / 2;
  pdf.image(qrPng, qrX, qrTop, { width: QR_SIZE, height: QR_SIZE });
  pdf
    .font('R')
    .fontSize(9)
    .fillColor(MUTED)
    .text('扫码核验', qrX, qrTop + QR_SIZE + 3, { width: QR_SIZE, align: 'center', lineBreak: false });

  pdf.fillColor(INK);
  pdf.x = MARGIN;
  pdf.y = top + blockH;
}

/**
 * Footer "第 N 页 共 M 页" on every page and, on continuation pages, a small running head with the
 * certificate number so detached pages can still be matched to their certificate.
 */
function drawPageChrome(pdf: Pdf, doc: CertificateDoc): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const page = pdf.page;
    const w = page.width - 2 * MARGIN;
    // Writing inside the margins would make pdfkit add a page; lift the margins while drawing.
    const saved = { ...page.margins };
    page.margins = { top: 0, bottom: 0, left: MARGIN, right: MARGIN };
    pdf
      .font('R')
      .fontSize(8.5)
      .fillColor(LIGHT)
      .text(`第 ${i + 1} 页 共 ${range.count} 页`, MARGIN, page.height - MARGIN + 22, {
        width: w,
        align: 'center',
        lineBreak: false,
      });
    if (i > range.start) {
      pdf.text(`志愿服务记录证明（续）　证明编号：${doc.number}`, MARGIN, MARGIN - 28, {
        width: w,
        align: 'right',
        lineBreak: false,
      });
      pdf
        .save()
        .lineWidth(0.4)
        .strokeColor('#cccccc')
        .moveTo(MARGIN, MARGIN - 12)
        .lineTo(MARGIN + w, MARGIN - 12)
        .stroke()
        .restore();
    }
    page.margins = saved;
  }
  pdf.fillColor(INK);
}
