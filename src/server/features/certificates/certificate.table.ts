/** The services table: rows grow with their wrapped text, continue on new pages under a repeated header, and a tall row is split rather than clipped. */
import {
  bottomLimit,
  type Align,
  type CertificateDoc,
  CELL_PAD_X,
  CELL_PAD_Y,
  COLUMNS,
  formatHours,
  GRID,
  HEADER_FILL,
  INK,
  MARGIN,
  type Pdf,
  TABLE_SIZE,
} from './certificate.layout';

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
export function drawServicesTable(pdf: Pdf, doc: CertificateDoc): void {
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
