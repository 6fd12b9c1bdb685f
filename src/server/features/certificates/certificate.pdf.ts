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
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { bytesOf, registerChineseFonts } from '../../platform/pdf-fonts';
import {
  BODY_SIZE,
  bottomLimit,
  type CertificateDoc,
  formatChineseDate,
  formatHours,
  INK,
  ISSUER_SIZE,
  LIGHT,
  MARGIN,
  MUTED,
  type Pdf,
  QR_SIZE,
  SEAL_DIAMETER,
} from './certificate.layout';
import { drawServicesTable } from './certificate.table';

export { type CertificateDoc, formatChineseDate, formatHours } from './certificate.layout';

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
  const qrPng = await QRCode.toBuffer(doc.verifyUrl, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 2,
    scale: 8,
    color: { dark: '#000000', light: '#ffffff' },
  });
  const pdf = openDocument(doc);
  const done = bytesOf(pdf);
  await registerChineseFonts(pdf);
  pdf.font('R').fillColor(INK);

  drawBody(pdf, doc);
  drawIssuerBlock(pdf, doc, qrPng);
  drawPageChrome(pdf, doc);

  pdf.end();
  return done;
}

/** An A4 document with the certificate's metadata; pages are buffered so the chrome can number them at the end. */
function openDocument(doc: CertificateDoc): Pdf {
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
  return pdf;
}

/** Title and number, the body sentence, the services table (or a line saying there are none), and the closing statement. */
function drawBody(pdf: Pdf, doc: CertificateDoc): void {
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
