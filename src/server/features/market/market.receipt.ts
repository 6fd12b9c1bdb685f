import PDFDocument from 'pdfkit';
import { DONOR_KINDS, type DonorKind } from '../../../shared/market';
import { formatYuan } from '../../../shared/rules/money';
import { bytesOf, registerChineseFonts } from '../../platform/pdf-fonts';

/** 捐赠收据: what the donor gave, when, and its estimated value, for the donor to keep. */
export interface ReceiptDoc {
  receiptNo: string;
  instituteName: string;
  shopName: string;
  donorName: string;
  donorKind: DonorKind | null;
  donorContact: string | null;
  receivedOn: string;
  valueFen: number;
  items: { name: string; unitLabel: string; quantity: number }[];
  note: string | null;
  issuedOn: string;
}

function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export async function renderReceiptPdf(doc: ReceiptDoc): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A5', layout: 'landscape', margins: { top: 40, bottom: 40, left: 48, right: 48 } });
  pdf.info.Title = `捐赠收据 ${doc.receiptNo}`;
  const done = bytesOf(pdf);
  await registerChineseFonts(pdf);
  const width = pdf.page.width - 96;
  pdf.font('B').fontSize(20).fillColor('#222').text('爱心超市捐赠收据', { align: 'center', width });
  pdf.moveDown(0.3);
  pdf.font('R').fontSize(10).fillColor('#666').text(`收据编号：${doc.receiptNo}`, { align: 'right', width });
  pdf.moveDown(0.6);
  pdf.fillColor('#222').fontSize(12);
  const kind = doc.donorKind ? `（${DONOR_KINDS[doc.donorKind]}）` : '';
  pdf.text(`今收到 ${doc.donorName}${kind} 于 ${chineseDate(doc.receivedOn)} 向${doc.shopName}捐赠的下列物品：`, { width });
  pdf.moveDown(0.5);
  for (const [i, item] of doc.items.entries()) pdf.text(`${i + 1}. ${item.name}  ${item.quantity} ${item.unitLabel}`, { indent: 24, width });
  pdf.moveDown(0.5);
  pdf.text(`估值合计：人民币 ${formatYuan(doc.valueFen, { grouping: true })} 元`, { width });
  if (doc.note) pdf.text(`备注：${doc.note}`, { width });
  if (doc.donorContact) pdf.font('R').fontSize(10).fillColor('#666').text(`捐赠方联系方式：${doc.donorContact}`, { width });
  pdf.moveDown(1);
  pdf.font('R').fontSize(12).fillColor('#222').text('衷心感谢您对新时代文明实践和邻里互助的支持！', { width });
  pdf.moveDown(1.2);
  pdf.text(doc.instituteName, { align: 'right', width });
  pdf.text(`${chineseDate(doc.issuedOn)}（盖章）`, { align: 'right', width });
  pdf.end();
  return done;
}
