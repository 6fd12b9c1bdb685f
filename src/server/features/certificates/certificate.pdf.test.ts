/**
 * Unit test for the 志愿服务记录证明 PDF. The PDF is checked the way a person would check it:
 * text extraction (pdftotext), embedded fonts (pdffonts), an actual raster (pdftoppm — a PDF can
 * extract fine and still render as tofu or blank) and the QR code decoded by zbarimg.
 *
 * Needs Debian `poppler-utils` and `zbar-tools`. Outside CI a missing tool skips the affected
 * checks with a loud warning; under CI (CI=true) it fails the test.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bodySentence, type CertificateDoc, formatChineseDate, formatHours, renderCertificatePdf } from './certificate.pdf';

const CI = process.env.CI === 'true';

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, cmd)));
}

const POPPLER = ['pdftoppm', 'pdftotext', 'pdffonts'].every(onPath);
const ZBAR = onPath('zbarimg');

if (!POPPLER && !CI) {
  console.warn(
    '\n⚠️⚠️⚠️  certificate.pdf.test: poppler-utils (pdftoppm/pdftotext/pdffonts) NOT FOUND — ' +
      'SKIPPING the rendered-PDF checks. Install poppler-utils to run them. ⚠️⚠️⚠️\n',
  );
}

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

const TITLES = ['关爱空巢老人', '环境卫生整治', '文明交通劝导', '暑期课业辅导', '理论宣讲', '反诈宣传'];
const CONTENTS = [
  '为辖区独居老人测量血压、整理房间并陪同聊天，了解生活需求并登记',
  '清理楼道堆物',
  null,
  '辅导小学生完成暑假作业，开展安全教育小课堂，内容涵盖防溺水、防电信诈骗、交通安全等方面',
  '宣讲党的二十大精神',
];
const UNITS = ['城关街道新时代文明实践所', '幸福里社区新时代文明实践站', '某某县新时代文明实践中心青年志愿服务队'];

function services(n: number): CertificateDoc['services'] {
  return Array.from({ length: n }, (_, i) => ({
    date: `2026-${String(1 + (i % 6)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    // A unique, short (never wrapped) marker per row so we can check that no row is lost.
    title: `${TITLES[i % TITLES.length]}第${i + 1}场`,
    content: CONTENTS[i % CONTENTS.length],
    hours: [2, 1.5, 3, 0.5, 4][i % 5],
    unitName: UNITS[i % UNITS.length],
  }));
}

function makeDoc(n: number, number = 'SJ2026-7KQ3M9XA'): CertificateDoc {
  const list = services(n);
  return {
    number,
    issuedOn: '2026-07-05',
    volunteer: { name: '张三丰', idNumberMasked: '110***********1234', volunteerNo: 'V2026000123' },
    period: { from: '2026-01-01', to: '2026-06-30' },
    totalHours: list.reduce((s, x) => s + x.hours, 0),
    services: list,
    issuer: {
      unitName: '城关街道新时代文明实践所',
      personInCharge: '李四',
      handler: '王五',
      contactPhone: '0571-88886666',
    },
    verifyUrl: `http://localhost:3000/verify/${number}`,
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers around the poppler / zbar command-line tools
// ---------------------------------------------------------------------------------------------

let dir = '';
let fileNo = 0;

function writePdf(buf: Buffer): string {
  const file = join(dir, `c${++fileNo}.pdf`);
  writeFileSync(file, buf);
  return file;
}

/** pdftotext -layout; whitespace removed because CJK extraction spaces glyphs unpredictably. */
function pdfText(file: string): { squashed: string; pages: number } {
  const raw = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return {
    squashed: raw.replace(/\s+/g, ''),
    pages: raw.split('\f').filter((p) => p.trim() !== '').length,
  };
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** Render one page to an 8-bit greyscale PGM and return its pixels. */
function renderGray(file: string, page: number, dpi: number): { width: number; height: number; pixels: Buffer } {
  const prefix = join(dir, `p${++fileNo}`);
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  const pgm = readFileSync(`${prefix}.pgm`);
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!m) throw new Error('pdftoppm did not produce a binary PGM');
  const width = Number(m[1]);
  const height = Number(m[2]);
  return { width, height, pixels: pgm.subarray(m[0].length, m[0].length + width * height) };
}

function inkRatio(pixels: Buffer): number {
  let dark = 0;
  for (const p of pixels) if (p < 200) dark++;
  return dark / pixels.length;
}

/** Decode the QR code on a page; '' when none is found. */
function decodeQr(file: string, page: number): string {
  const prefix = join(dir, `q${++fileNo}`);
  execFileSync('pdftoppm', ['-png', '-r', '150', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  try {
    // zbarimg prints dbus noise on stderr; -q and stdout only. Exit status 4 = nothing found.
    return execFileSync('zbarimg', ['-q', '--raw', `${prefix}.png`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '';
  }
}

/** True when the QR assertion can run; throws under CI when zbarimg is missing. */
function zbarAvailable(): boolean {
  if (ZBAR) return true;
  if (CI) throw new Error('zbarimg not found under CI: .ci/run must `apt-get install -y zbar-tools`');
  console.warn('⚠️  certificate.pdf.test: zbarimg not found — skipping the QR decode check (apt-get install zbar-tools).');
  return false;
}

async function timedRender(label: string, doc: CertificateDoc): Promise<Buffer> {
  const t0 = performance.now();
  const buf = await renderCertificatePdf(doc);
  console.log(`[certificate.pdf] ${label}: ${(performance.now() - t0).toFixed(0)} ms, ${(buf.length / 1024).toFixed(1)} KB`);
  return buf;
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe('certificate text helpers', () => {
  it('formats hours without float noise', () => {
    expect(formatHours(36)).toBe('36');
    expect(formatHours(36.5)).toBe('36.5');
    expect(formatHours(0.1 + 0.2)).toBe('0.3');
    expect(formatHours(Number.NaN)).toBe('0');
  });

  it('formats the issue date the Chinese way', () => {
    expect(formatChineseDate('2026-07-05')).toBe('2026年7月5日');
    expect(formatChineseDate('2026-12-31')).toBe('2026年12月31日');
    expect(formatChineseDate('garbage')).toBe('garbage');
  });

  it('omits the parenthesised identifiers that are null', () => {
    const doc = makeDoc(1);
    expect(bodySentence(doc)).toBe(
      '兹证明 张三丰（证件号码：110***********1234，志愿者编号：V2026000123）于 2026-01-01 至 2026-06-30 期间参加志愿服务，经记录单位认定的志愿服务时长累计 2 小时。具体服务情况如下：',
    );
    const noId = { ...doc, volunteer: { ...doc.volunteer, idNumberMasked: null } };
    expect(bodySentence(noId)).toContain('张三丰（志愿者编号：V2026000123）于');
    const neither = { ...doc, volunteer: { name: '张三丰', idNumberMasked: null, volunteerNo: null } };
    expect(bodySentence(neither)).toContain('兹证明 张三丰 于 2026-01-01');
    expect(bodySentence(neither)).not.toContain('（');
    expect(bodySentence({ ...doc, services: [], totalHours: 0 })).not.toContain('具体服务情况如下');
  });
});

describe('poppler tools', () => {
  it.runIf(CI)('are installed under CI', () => {
    expect(POPPLER, 'poppler-utils (pdftoppm, pdftotext, pdffonts) must be installed in CI').toBe(true);
  });
});

describe.skipIf(!POPPLER && !CI)('renderCertificatePdf (rendered and checked with poppler)', () => {
  const many = makeDoc(40);
  const none = makeDoc(0, 'SJ2026-EMPTY000');
  let manyBuf: Buffer;
  let noneBuf: Buffer;
  let manyFile = '';
  let noneFile = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shijian-cert-'));
    noneBuf = await timedRender('0 services (cold: font read + parse)', none);
    manyBuf = await timedRender('40 services', many);
    await timedRender('40 services (warm)', many);
    manyFile = writePdf(manyBuf);
    noneFile = writePdf(noneBuf);
  }, 60_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('produces a PDF with the certificate text on ≥ 2 pages, header repeated, every row present', () => {
    expect(manyBuf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const { squashed, pages } = pdfText(manyFile);
    expect(pages).toBeGreaterThanOrEqual(2);
    for (const s of ['志愿服务记录证明', '张三丰', '合计', 'SJ2026-7KQ3M9XA', '第 1 页', `共 ${pages} 页`, '第 2 页']) {
      expect(squashed).toContain(squash(s));
    }
    expect(squashed).toContain(squash(bodySentence(many)).slice(0, 30));
    expect(squashed).toContain(`累计${many.totalHours}小时`);
    for (const s of many.services) expect(squashed).toContain(squash(s.title));
    // Header row repeated on every page the table spans (the last page may hold only the issuer).
    expect(squashed.split('服务内容').length - 1).toBeGreaterThanOrEqual(2);
    expect(squashed).toContain('出具单位：城关街道新时代文明实践所');
    expect(squashed).toContain('负责人：李四');
    expect(squashed).toContain('经办人：王五');
    expect(squashed).toContain('联系电话：0571-88886666');
    expect(squashed).toContain('出具日期：2026年7月5日');
    expect(squashed).toContain('（盖章处）');
    expect(squashed).toContain('扫码核验');
    expect(squashed).toContain(many.verifyUrl);
  });

  it('embeds a Chinese font (no system-font dependency)', () => {
    const out = execFileSync('pdffonts', [manyFile], { encoding: 'utf8' });
    const rows = out
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(rows.length).toBeGreaterThan(0);
    // Columns: name type encoding emb sub uni object ID — every font must be embedded.
    for (const row of rows) {
      const cols = row.trim().split(/\s+/);
      expect(cols[cols.length - 5], row).toBe('yes');
    }
    expect(out).toMatch(/NotoSansHans-Regular/);
  });

  it('renders pages that are not blank', () => {
    const { pages } = pdfText(manyFile);
    for (let page = 1; page <= Math.min(pages, 2); page++) {
      const { width, height, pixels } = renderGray(manyFile, page, 40);
      expect(width).toBeGreaterThan(300);
      expect(height).toBeGreaterThan(400);
      expect(inkRatio(pixels), `ink on page ${page}`).toBeGreaterThan(0.01);
    }
  });

  it('puts a QR code that decodes to the verify URL', () => {
    if (!zbarAvailable()) return;
    const { pages } = pdfText(manyFile);
    expect(decodeQr(manyFile, pages)).toBe(many.verifyUrl);
    expect(decodeQr(noneFile, 1)).toBe(none.verifyUrl);
  });

  it('renders the empty certificate on one page without a table', () => {
    expect(noneBuf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const { squashed, pages } = pdfText(noneFile);
    expect(pages).toBe(1);
    for (const s of ['志愿服务记录证明', '张三丰', 'SJ2026-EMPTY000', '该期间内无经认定的志愿服务记录。', '第 1 页 共 1 页']) {
      expect(squashed).toContain(squash(s));
    }
    expect(squashed).not.toContain('序号');
    expect(squashed).not.toContain('具体服务情况如下');
    expect(inkRatio(renderGray(noneFile, 1, 40).pixels)).toBeGreaterThan(0.01);
  });

  it('renders identically with the cached parsed fonts, also when renders overlap', async () => {
    const [again, againNone] = await Promise.all([renderCertificatePdf(many), renderCertificatePdf(none)]);
    const a = writePdf(again);
    const b = writePdf(againNone);
    expect(renderGray(a, 1, 40).pixels.equals(renderGray(manyFile, 1, 40).pixels)).toBe(true);
    expect(renderGray(b, 1, 40).pixels.equals(renderGray(noneFile, 1, 40).pixels)).toBe(true);
  }, 30_000);

  it('splits a row taller than a page instead of clipping it', async () => {
    const doc = makeDoc(2, 'SJ2026-LONGROW0');
    doc.services[0] = { ...doc.services[0], content: `${'长期坚持参与社区志愿服务，'.repeat(120)}最后一句（完）` };
    const file = writePdf(await timedRender('row longer than a page', doc));
    const { squashed, pages } = pdfText(file);
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(squashed).toContain('最后一句（完）');
    expect(squashed).toContain(squash(doc.services[1].title));
    expect(squashed).toContain('合计');
    // Every repetition survived the page splits ('坚' occurs nowhere else on the certificate;
    // -layout interleaves neighbouring cells, so whole phrases cannot be counted).
    expect(squashed.split('坚').length - 1).toBe(120);
  }, 30_000);
});
