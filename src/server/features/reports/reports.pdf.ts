/**
 * 工作月报/年报 as an A4 PDF: the title, the period and a summary table, then each part as a
 * numbered section with its tables; page numbers and the generation time on every page. The CJK
 * font is the certificates' (platform/pdf-fonts.ts), embedded as a subset.
 */
import PDFDocument from 'pdfkit';
import { chinaWallClock } from '../../../shared/china-time';
import type { ReportView } from '../../../shared/reports';
import { bytesOf, registerChineseFonts } from '../../platform/pdf-fonts';
import { type Cell, isFigureColumn, reportSections, type ReportTable, summaryRows } from '../../../shared/report-tables';

const MARGIN = 50;
const INK = '#1a1a1a';
const MUTED = '#666666';
const RULE = '#cccccc';
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
type Pdf = PDFKit.PDFDocument;

const widthOf = (pdf: Pdf) => pdf.page.width - 2 * MARGIN;

function ensureRoom(pdf: Pdf, height: number) {
  if (pdf.y + height > pdf.page.height - MARGIN - 20) {
    pdf.addPage();
    pdf.y = MARGIN;
  }
}

/** One table row: the first column wider, the others equal; each cell wraps and the row takes the tallest. */
function drawRow(pdf: Pdf, cells: Cell[], bold: boolean, right: (i: number) => boolean) {
  const width = widthOf(pdf);
  const n = cells.length;
  const first = n > 1 ? Math.min(width * 0.34, width / n + 60) : width;
  const rest = n > 1 ? (width - first) / (n - 1) : 0;
  const colWidth = (i: number) => (i === 0 ? first : rest) - 6;
  pdf.font(bold ? 'B' : 'R').fontSize(9.5);
  const height = Math.max(...cells.map((c, i) => pdf.heightOfString(String(c), { width: colWidth(i) }))) + 6;
  ensureRoom(pdf, height);
  const y = pdf.y;
  let x = MARGIN;
  cells.forEach((c, i) => {
    pdf
      .font(bold ? 'B' : 'R')
      .fontSize(9.5)
      .fillColor(INK)
      .text(String(c), x + 3, y + 3, { width: colWidth(i), align: right(i) ? 'right' : 'left' });
    x += i === 0 ? first : rest;
  });
  pdf
    .moveTo(MARGIN, y + height)
    .lineTo(MARGIN + width, y + height)
    .lineWidth(0.5)
    .strokeColor(RULE)
    .stroke();
  pdf.y = y + height;
}

function drawTable(pdf: Pdf, t: ReportTable) {
  if (t.caption) {
    ensureRoom(pdf, 40);
    pdf.moveDown(0.3);
    pdf
      .font('B')
      .fontSize(10.5)
      .fillColor(INK)
      .text(t.caption, MARGIN, pdf.y, { width: widthOf(pdf) });
    pdf.moveDown(0.2);
  }
  if (t.rows.length === 0) {
    if (t.empty)
      pdf
        .font('R')
        .fontSize(10)
        .fillColor(MUTED)
        .text(t.empty, MARGIN + 6, pdf.y, { width: widthOf(pdf) - 6 });
    pdf.moveDown(0.4);
    return;
  }
  const right = (i: number) => isFigureColumn(t, i);
  drawRow(pdf, t.columns, true, right);
  for (const r of t.rows) drawRow(pdf, r, false, right);
  pdf.moveDown(0.5);
}

function heading(pdf: Pdf, text: string) {
  ensureRoom(pdf, 60);
  pdf.moveDown(0.8);
  pdf
    .font('B')
    .fontSize(13)
    .fillColor(INK)
    .text(text, MARGIN, pdf.y, { width: widthOf(pdf) });
  pdf.moveDown(0.3);
}

function drawFooters(pdf: Pdf, r: ReportView) {
  const range = pdf.bufferedPageRange();
  const at = chinaWallClock(r.generatedAt).replace('T', ' ').slice(0, 16);
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Writing inside the margins would make pdfkit add a page; lift the margins while drawing.
    const saved = { ...pdf.page.margins };
    pdf.page.margins = { top: 0, bottom: 0, left: MARGIN, right: MARGIN };
    pdf
      .font('R')
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(`${r.title} · 第 ${i - range.start + 1} 页 / 共 ${range.count} 页 · 生成于 ${at}`, MARGIN, pdf.page.height - MARGIN + 18, {
        width: widthOf(pdf),
        align: 'center',
        lineBreak: false,
      });
    pdf.page.margins = saved;
  }
}

export async function renderReportPdf(r: ReportView): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: r.title, Author: r.instituteName, Creator: 'Shijian 实践' },
  });
  const done = bytesOf(pdf);
  await registerChineseFonts(pdf);
  const width = widthOf(pdf);
  pdf.font('B').fontSize(17).fillColor(INK).text(r.title, MARGIN, MARGIN, { width, align: 'center' });
  pdf.moveDown(0.4);
  pdf
    .font('R')
    .fontSize(10)
    .fillColor(MUTED)
    .text(`报表期间：${r.fromDay} 至 ${r.toDay}　生成时间：${chinaWallClock(r.generatedAt).replace('T', ' ').slice(0, 16)}`, { width, align: 'center' });
  heading(pdf, '概要');
  drawTable(pdf, { columns: ['项目', '数值'], rows: summaryRows(r), empty: '' });
  reportSections(r).forEach((s, i) => {
    heading(pdf, `${NUMERALS[i]}、${s.heading}`);
    for (const t of s.tables) drawTable(pdf, t);
  });
  drawFooters(pdf, r);
  pdf.end();
  return done;
}
