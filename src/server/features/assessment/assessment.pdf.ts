import PDFDocument from 'pdfkit';
import type { SheetRow } from '../../../shared/assessment';
import { chinaWallClock } from '../../../shared/china-time';
import { bytesOf, registerChineseFonts } from '../../platform/pdf-fonts';

/**
 * 考核报告 as an A4 PDF: the ranking table, then for each station the indicators where it lost
 * points, with the reason (the automatic explanation or the reviewer's reason).
 */
const MARGIN = 56;
const INK = '#1a1a1a';
const MUTED = '#666666';
type Pdf = PDFKit.PDFDocument;

interface Head {
  label: string;
  instituteName: string;
  startsOn: string;
  endsOn: string;
  maxTotal: number;
}
type Ranking = { stationName: string; total: number; rank: number }[];
type Sheets = { stationName: string; rows: SheetRow[] }[];

export async function renderAssessmentPdf(head: Head, ranking: Ranking, sheets: Sheets, generatedAt: Date): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: `${head.label}考核报告`, Author: head.instituteName, Creator: 'Shijian 实践' },
  });
  const done = bytesOf(pdf);
  await registerChineseFonts(pdf);
  const width = pdf.page.width - 2 * MARGIN;
  pdf.font('B').fontSize(18).fillColor(INK).text(head.instituteName, MARGIN, MARGIN, { width, align: 'center' });
  pdf.moveDown(0.2);
  pdf.font('B').fontSize(16).text(`${head.label}实践站考核报告`, { width, align: 'center' });
  pdf.moveDown(0.4);
  pdf.font('R').fontSize(10).fillColor(MUTED).text(`考核期：${head.startsOn} 至 ${head.endsOn}　满分 ${head.maxTotal} 分`, { width, align: 'center' });
  drawRanking(pdf, ranking, width);
  drawLost(pdf, sheets, width);
  drawFooters(pdf, head.label, generatedAt, width);
  pdf.end();
  return done;
}

function heading(pdf: Pdf, text: string, width: number) {
  pdf.moveDown(0.8);
  pdf.font('B').fontSize(13).fillColor(INK).text(text, MARGIN, pdf.y, { width });
  pdf.moveDown(0.3);
}

function drawRanking(pdf: Pdf, ranking: Ranking, width: number) {
  heading(pdf, '一、排名', width);
  const cols = [MARGIN, MARGIN + 60, MARGIN + width - 80];
  const line = (a: string, b: string, c: string, bold = false) => {
    if (pdf.y > pdf.page.height - MARGIN - 30) pdf.addPage();
    const y = pdf.y;
    pdf
      .font(bold ? 'B' : 'R')
      .fontSize(10.5)
      .fillColor(INK);
    pdf.text(a, cols[0], y, { width: 50, lineBreak: false });
    pdf.text(b, cols[1], y, { width: width - 150, lineBreak: false });
    pdf.text(c, cols[2], y, { width: 80, align: 'right', lineBreak: false });
    pdf.y = y + 18;
  };
  line('名次', '实践站', '总分', true);
  for (const r of ranking) line(String(r.rank), r.stationName, String(r.total));
}

function drawLost(pdf: Pdf, sheets: Sheets, width: number) {
  heading(pdf, '二、各站失分情况', width);
  for (const s of sheets) {
    const lost = s.rows.filter((r) => r.lost > 0);
    pdf.moveDown(0.3);
    pdf
      .font('B')
      .fontSize(11)
      .fillColor(INK)
      .text(`${s.stationName}（失分 ${Math.round(lost.reduce((t, r) => t + r.lost * 10, 0)) / 10} 分）`, MARGIN, pdf.y, { width });
    if (lost.length === 0)
      pdf
        .font('R')
        .fontSize(10)
        .fillColor(MUTED)
        .text('各项均得满分。', MARGIN + 14, pdf.y, { width: width - 14 });
    for (const r of lost) {
      const why = r.review
        ? `审核调整：${r.review.reason}`
        : (r.auto?.explanation ?? (r.self ? `自评 ${r.self.points} 分${r.self.note ? `：${r.self.note}` : ''}` : '未自评'));
      pdf
        .font('R')
        .fontSize(10)
        .fillColor(INK)
        .text(`${r.categoryTitle} · ${r.indicator.title}：得 ${r.final}/${r.indicator.maxPoints} 分，失 ${r.lost} 分`, MARGIN + 14, pdf.y, {
          width: width - 14,
          lineGap: 2,
        });
      pdf
        .font('R')
        .fontSize(9)
        .fillColor(MUTED)
        .text(why, MARGIN + 28, pdf.y, { width: width - 28, lineGap: 2 });
    }
  }
}

function drawFooters(pdf: Pdf, label: string, generatedAt: Date, width: number) {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const saved = { ...pdf.page.margins };
    pdf.page.margins = { top: 0, bottom: 0, left: MARGIN, right: MARGIN };
    pdf
      .font('R')
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(
        `${label}考核报告 · 第 ${i - range.start + 1} 页 / 共 ${range.count} 页 · 导出于 ${chinaWallClock(generatedAt).replace('T', ' ')}`,
        MARGIN,
        pdf.page.height - MARGIN + 18,
        {
          width,
          align: 'center',
          lineBreak: false,
        },
      );
    pdf.page.margins = saved;
  }
}
