import PDFDocument from 'pdfkit';
import { chinaWallClock } from '../../../shared/china-time';
import { ATTENDANCE_STATUSES, MEETING_KINDS, type MeetingDetail } from '../../../shared/meetings';
import { RESOLUTION_STATUSES } from '../../../shared/rules/meeting-flow';
import { bytesOf, registerChineseFonts } from '../../platform/pdf-fonts';

/**
 * 会议纪要 as an A4 PDF: heading, time and place, attendance, agenda, the minutes and the
 * resolutions with their owner and deadline. The CJK font is the certificates' (Noto Sans Hans,
 * embedded as a subset), loaded and parsed once per process.
 */
const MARGIN = 56;
const INK = '#1a1a1a';
const MUTED = '#666666';
const when = (iso: string | Date) => chinaWallClock(iso).replace('T', ' ');

type Pdf = PDFKit.PDFDocument;

/** The page's writing helpers: a numbered section heading and a paragraph of body text. */
function writer(pdf: Pdf) {
  const width = pdf.page.width - 2 * MARGIN;
  return {
    width,
    heading(text: string) {
      pdf.moveDown(0.8);
      pdf.font('B').fontSize(13).fillColor(INK).text(text, MARGIN, pdf.y, { width });
      pdf.moveDown(0.3);
    },
    body(text: string, opts: PDFKit.Mixins.TextOptions = {}) {
      pdf
        .font('R')
        .fontSize(11)
        .fillColor(INK)
        .text(text, MARGIN, pdf.y, { width, lineGap: 4, ...opts });
    },
  };
}

export async function renderMinutesPdf(m: MeetingDetail, generatedAt: Date): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: `会议纪要 ${m.title}`, Author: m.unitName, Creator: 'Shijian 实践' },
  });
  const done = bytesOf(pdf);
  await registerChineseFonts(pdf);
  drawTitle(pdf, m);
  drawOverview(pdf, m);
  drawResolutions(pdf, m);
  drawFooters(pdf, m, generatedAt);
  pdf.end();
  return done;
}

function drawTitle(pdf: Pdf, m: MeetingDetail) {
  const { width } = writer(pdf);
  pdf.font('B').fontSize(20).fillColor(INK).text(`${m.unitName}`, MARGIN, MARGIN, { width, align: 'center' });
  pdf.moveDown(0.2);
  pdf.font('B').fontSize(18).text(`${MEETING_KINDS[m.kind]}纪要`, { width, align: 'center', characterSpacing: 2 });
  pdf.moveDown(0.6);
  pdf
    .font('R')
    .fontSize(10)
    .fillColor(MUTED)
    .text(m.publishedAt ? `发布日期：${when(m.publishedAt).slice(0, 10)}` : '草稿（纪要尚未发布）', { width, align: 'right' });
}

/** 一、会议概况 (with attendance), 二、会议议程, 三、会议纪要. */
function drawOverview(pdf: Pdf, m: MeetingDetail) {
  const { heading, body } = writer(pdf);
  heading('一、会议概况');
  body(`会议名称：${m.title}`);
  body(`会议时间：${when(m.startsAt)}`);
  body(`会议地点：${m.place}`);
  const present = m.attendees.filter((a) => a.status === 'present');
  const absent = m.attendees.filter((a) => a.status === 'absent');
  const pending = m.attendees.filter((a) => a.status === 'pending');
  const who = (list: typeof m.attendees) => list.map((a) => (a.title ? `${a.name}（${a.title}）` : a.name)).join('、');
  body(`应到 ${m.attendees.length} 人，实到 ${present.length} 人。`);
  if (present.length) body(`出席：${who(present)}`);
  if (absent.length) body(`缺席：${absent.map((a) => `${a.name}（${a.absentReason ?? ATTENDANCE_STATUSES.absent}）`).join('、')}`);
  if (pending.length) body(`未签到：${who(pending)}`);

  heading('二、会议议程');
  m.agenda.forEach((item, i) => {
    body(`${i + 1}. ${item}`);
  });

  heading('三、会议纪要');
  body(m.minutes?.trim() || '（尚未填写）', { indent: 22 });
}

/** 四、议定事项 with owner, deadline and status, then the attachments' names. */
function drawResolutions(pdf: Pdf, m: MeetingDetail) {
  const { heading, body, width } = writer(pdf);
  heading('四、议定事项');
  if (m.resolutions.length === 0) body('本次会议无议定事项。');
  m.resolutions.forEach((r, i) => {
    body(`${i + 1}. ${r.content}`);
    pdf
      .font('R')
      .fontSize(10)
      .fillColor(MUTED)
      .text(
        `承办单位：${r.ownerUnitName}　完成期限：${r.deadline}　状态：${RESOLUTION_STATUSES[r.status]}${r.overdue ? '（已逾期）' : ''}`,
        MARGIN + 14,
        pdf.y,
        { width: width - 14, lineGap: 3 },
      );
    pdf.moveDown(0.3);
  });

  if (m.attachments.length) {
    heading('附件');
    m.attachments.forEach((a, i) => {
      body(`${i + 1}. ${a.name}`);
    });
  }
}

/** Page numbers and the export time on every page. */
function drawFooters(pdf: Pdf, m: MeetingDetail, generatedAt: Date) {
  const { width } = writer(pdf);
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Writing inside the margins would make pdfkit add a page; lift the margins while drawing.
    const saved = { ...pdf.page.margins };
    pdf.page.margins = { top: 0, bottom: 0, left: MARGIN, right: MARGIN };
    const y = pdf.page.height - MARGIN + 18;
    pdf
      .font('R')
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(`${m.title} · 第 ${i - range.start + 1} 页 / 共 ${range.count} 页 · 导出于 ${when(generatedAt)}`, MARGIN, y, {
        width,
        align: 'center',
        lineBreak: false,
      });
    pdf.page.margins = saved;
  }
}
