/**
 * 表彰证书 as a PDF: landscape A4, the recipient, the title and reason, the granting unit and date,
 * and a QR code to the public 光荣榜 check of its number. Fonts as in `certificates/`: Noto Sans
 * Hans embedded as a subset (platform/pdf-fonts), no system font, no network.
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { bytesOf, registerChineseFonts } from '../../platform/pdf-fonts';

export interface AwardDoc {
  number: string;
  recipientName: string;
  recipientKind: 'volunteer' | 'team';
  title: string;
  level: string;
  reason: string;
  grantedBy: string;
  awardedOn: string; // YYYY-MM-DD
  verifyUrl: string;
}

const INK = '#1a1a1a';
const RED = '#b71c1c';
const MUTED = '#666666';

/** 2026-03-05 → 2026年3月5日 */
export function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The sentence of the certificate (kept apart so tests and the page can read it). */
export function awardSentence(doc: AwardDoc): string {
  const who = doc.recipientKind === 'team' ? `${doc.recipientName}：` : `${doc.recipientName} 同志：`;
  return `${who}\n　　${doc.reason}经研究，特授予“${doc.title}”称号（${doc.level}），以资鼓励。`;
}

export async function renderAwardPdf(doc: AwardDoc): Promise<Buffer> {
  const qr = await QRCode.toBuffer(doc.verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 6 });
  const pdf = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 60, bottom: 50, left: 70, right: 70 },
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: `荣誉证书 ${doc.number}`, Author: doc.grantedBy, Subject: `${doc.recipientName} ${doc.title}`, Creator: 'Shijian 实践' },
  });
  const done = bytesOf(pdf);
  await registerChineseFonts(pdf);
  const W = pdf.page.width;
  const H = pdf.page.height;
  pdf
    .lineWidth(3)
    .strokeColor(RED)
    .rect(24, 24, W - 48, H - 48)
    .stroke();
  pdf
    .lineWidth(0.8)
    .rect(32, 32, W - 64, H - 64)
    .stroke();
  const left = 90;
  const width = W - 180;
  pdf.font('B').fontSize(34).fillColor(RED).text('荣 誉 证 书', left, 70, { width, align: 'center', characterSpacing: 6 });
  pdf.font('R').fontSize(10).fillColor(MUTED).text(`证书编号：${doc.number}`, left, 122, { width, align: 'right' });
  pdf.font('R').fontSize(17).fillColor(INK).text(awardSentence(doc), left, 160, { width, lineGap: 10 });
  const bottom = H - 170;
  pdf
    .font('R')
    .fontSize(15)
    .text(doc.grantedBy, left + width - 300, bottom, { width: 300, align: 'right' });
  pdf.text(chineseDate(doc.awardedOn), left + width - 300, bottom + 30, { width: 300, align: 'right' });
  pdf.image(qr, left, bottom - 10, { width: 80 });
  pdf
    .font('R')
    .fontSize(8.5)
    .fillColor(MUTED)
    .text(`扫码或访问 ${doc.verifyUrl} 核验`, left, bottom + 76, { width: 360 });
  pdf.end();
  return done;
}
